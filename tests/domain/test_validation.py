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
