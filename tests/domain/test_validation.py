"""The domain's rules, as the form, import and save all apply them."""

from dataclasses import replace
from datetime import date

from desktop_app.domain import records as r
from desktop_app.domain.enums import Role, Side
from desktop_app.domain.reference import central_asia, country_name, default_side, eu_member_states, party_name
from desktop_app.domain.validation import dialogue_problems, dialogue_warnings
from tests.factories import make_dialogue


def fields(problems: list) -> set[str]:
    return {p.field for p in problems}


def test_a_complete_dialogue_has_no_problems() -> None:
    assert dialogue_problems(make_dialogue()) == []


def test_title_is_required() -> None:
    assert fields(dialogue_problems(make_dialogue(title="   "))) == {"title"}


def test_end_before_start_is_named_with_both_dates() -> None:
    problems = dialogue_problems(make_dialogue(start_date=date(2023, 12, 13), end_date=date(2023, 12, 1)))
    assert fields(problems) == {"end_date"}
    assert "2023-12-01" in problems[0].message and "2023-12-13" in problems[0].message


def test_unknown_countries_are_refused_everywhere() -> None:
    dialogue = make_dialogue(country="XX", chair=r.Party.country("QQ"),
                             delegations=(r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country("ZZ")),))
    assert fields(dialogue_problems(dialogue)) == {"country", "chair", "delegations[0].party"}


def test_overlong_title_is_refused_with_its_length() -> None:
    problems = dialogue_problems(make_dialogue(title="x" * 5000))
    assert fields(problems) == {"title"} and "5,000" in problems[0].message


def test_same_person_twice_in_a_delegation_is_refused() -> None:
    person = r.new_id()
    delegation = r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country("KZ"), participants=(
        r.Participant(id=r.new_id(), person_id=person), r.Participant(id=r.new_id(), person_id=person)))
    assert fields(dialogue_problems(make_dialogue(delegations=(delegation,)))) == {"delegations[0].participants[1]"}


def test_a_delegation_without_a_head_is_a_warning_not_an_error() -> None:
    delegation = r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country("KZ"), participants=(
        r.Participant(id=r.new_id(), person_id=r.new_id(), role=Role.MEMBER),))
    dialogue = make_dialogue(delegations=(delegation,))
    assert dialogue_problems(dialogue) == []
    assert [w.message for w in dialogue_warnings(dialogue)] == [
        "The delegation of Kazakhstan has no head among the people who attended."]
    two_heads = replace(delegation, participants=tuple(replace(p, role=Role.HEAD) for p in (
        r.Participant(id=r.new_id(), person_id=r.new_id()), r.Participant(id=r.new_id(), person_id=r.new_id()))))
    assert "2 heads" in dialogue_warnings(make_dialogue(delegations=(two_heads,)))[0].message


def test_reference_data_names_countries_in_both_languages() -> None:
    assert country_name("KZ") == "Kazakhstan"
    assert country_name("KZ", "ru") == "Казахстан"
    assert central_asia() == ("KZ", "KG", "TJ", "TM", "UZ")
    assert len(eu_member_states()) == 27 and "ES" in eu_member_states()
    assert party_name(r.Party.organisation("Europol"), "ru") == "Европол"


def test_default_side_follows_the_party() -> None:
    assert default_side(r.Party.country("ES")) is Side.EU
    assert default_side(r.Party.country("TJ")) is Side.PARTNER
    assert default_side(r.Party.organisation("European External Action Service")) is Side.EU
    assert default_side(r.Party.organisation("UNODC field office")) is Side.OTHER


def test_the_same_person_in_two_delegations_is_a_warning_naming_both() -> None:
    person = r.new_id()
    head = r.Participant(id=r.new_id(), person_id=person, role=Role.HEAD)
    kazakhstan, kyrgyzstan = (r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country(code),
                                           participants=(head,)) for code in ("KZ", "KG"))
    dialogue = make_dialogue(delegations=(kazakhstan, kyrgyzstan))
    assert dialogue_problems(dialogue) == []
    (warning,) = dialogue_warnings(dialogue, person_name=lambda _id: "Асель Нурланова")
    assert warning.field == "delegations[1].participants[0]"
    assert warning.message == "Асель Нурланова is in two delegations, Kazakhstan and Kyrgyzstan."


def test_an_institution_of_another_country_is_a_warning() -> None:
    ministry = r.Institution(id=r.new_id(), name="Ministry of Internal Affairs", country="KZ")
    delegation = r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country("UZ"), participants=(
        r.Participant(id=r.new_id(), person_id=r.new_id(), institution_id=ministry.id, role=Role.HEAD),))
    dialogue = make_dialogue(delegations=(delegation,))
    (warning,) = dialogue_warnings(dialogue, institution={ministry.id: ministry}.get)
    assert warning.message == ("Ministry of Internal Affairs is recorded as an institution of Kazakhstan, "
                               "not of Uzbekistan.")
    ours = replace(ministry, country="UZ")
    assert dialogue_warnings(dialogue, institution={ministry.id: ours}.get) == []


def test_a_long_or_far_ahead_meeting_is_a_warning() -> None:
    from datetime import date

    long = make_dialogue(start_date=date(2023, 12, 13), end_date=date(2024, 1, 13))
    assert [w.field for w in dialogue_warnings(long, today=date(2023, 1, 1))] == ["end_date"]
    fortnight = make_dialogue(start_date=date(2023, 12, 1), end_date=date(2023, 12, 14))
    assert dialogue_warnings(fortnight, today=date(2023, 1, 1)) == []
    ahead = make_dialogue(start_date=date(2025, 1, 2))
    assert [w.field for w in dialogue_warnings(ahead, today=date(2024, 1, 1))] == ["start_date"]
    assert dialogue_warnings(ahead, today=date(2024, 1, 3)) == []


def test_the_same_name_typed_in_two_delegations_is_warned_about_too() -> None:
    ids = (r.new_id(), r.new_id())  # typed twice in one form: two new records until saved
    kazakhstan, kyrgyzstan = (r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country(code),
                                           participants=(r.Participant(id=r.new_id(), person_id=pid,
                                                                       role=Role.HEAD),))
                              for code, pid in zip(("KZ", "KG"), ids, strict=True))
    names = {ids[0]: "Асель Нурланова", ids[1]: "асель  нурланова"}
    (warning,) = dialogue_warnings(make_dialogue(delegations=(kazakhstan, kyrgyzstan)), person_name=names.get)
    assert "two delegations, Kazakhstan and Kyrgyzstan" in warning.message
def test_a_control_character_typed_or_pasted_is_a_problem_of_its_field() -> None:
    """Issue 21: the form refuses what import refuses, so nothing saved breaks a report or a bundle."""
    from desktop_app.domain.validation import person_problems

    problems = dialogue_problems(replace(make_dialogue(), title="Dialogue\x1bon precursors", city="Bru\x00ssels"))
    assert {p.field for p in problems} == {"title", "city"}
    assert any("ESCAPE" in p.message and "position 9" in p.message for p in problems)
    assert dialogue_problems(replace(make_dialogue(), summary="Line one\r\nline two\tand\nthree")) == []
    assert [p.field for p in person_problems(r.Person(id="p", name="Ivan \ud800"))] == ["name"]
