"""Every length limit and required text at its boundary, with the exact field and sentence.

Written against the mutants that survived (issue 13): a text exactly at its limit must be accepted,
one character more refused, and the officer told which field and how long it is."""

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain import records as r
from desktop_app.domain.enums import Side
from desktop_app.domain.validation import (
    LIMITS,
    dialogue_problems,
    institution_problems,
    person_problems,
)
from tests.factories import make_dialogue

ORG = r.Party.organisation


def _delegation(**fields) -> r.Delegation:
    return r.Delegation(id="d", side=Side.PARTNER, party=r.Party.country("KZ"), **fields)


# limit key, field path reported, the sentence's subject, a function making the dialogue with `text` in place
DIALOGUE_TEXTS = [
    ("title", "title", "The title", lambda t: make_dialogue(title=t)),
    ("series", "series", "The series", lambda t: make_dialogue(series=t)),
    ("city", "city", "The city", lambda t: make_dialogue(city=t)),
    ("summary", "summary", "The summary", lambda t: make_dialogue(summary=t)),
    ("programme", "supporting_programmes[1]", "A programme",
     lambda t: make_dialogue(supporting_programmes=("CADAP", t))),
    ("framework", "frameworks[0]", "A framework", lambda t: make_dialogue(frameworks=(t,))),
    ("topic", "topics[2]", "A topic", lambda t: make_dialogue(topics=("a", "b", t))),
    ("agenda_title", "agenda[1].title", "Agenda item 2's title",
     lambda t: make_dialogue(agenda=(r.AgendaItem("Opening"), r.AgendaItem(t)))),
    ("agenda_notes", "agenda[0].notes", "Agenda item 1's notes",
     lambda t: make_dialogue(agenda=(r.AgendaItem("Opening", notes=t),))),
    ("action_description", "actions[0].description", "Action 1's description",
     lambda t: make_dialogue(actions=(r.Action(t),))),
    ("action_owner", "actions[1].owner", "Action 2's owner",
     lambda t: make_dialogue(actions=(r.Action("a"), r.Action("b", owner=t)))),
    ("delegation_notes", "delegations[0].notes", "Kazakhstan's notes",
     lambda t: make_dialogue(delegations=(_delegation(notes=t),))),
    ("position", "delegations[0].participants[0].position", "Kazakhstan, participant 1's position",
     lambda t: make_dialogue(delegations=(_delegation(participants=(
         r.Participant(id="p", person_id="someone", position=t),)),))),
    ("party_name", "chair", "The chair's name", lambda t: make_dialogue(chair=ORG(t))),
    ("party_name", "agenda[0].presenter", "Agenda item 1's presenter's name",
     lambda t: make_dialogue(agenda=(r.AgendaItem("Opening", presenter=ORG(t)),))),
]


def _sentence(subject: str, length: int, limit: int) -> str:
    return f"{subject} is {length:,} characters long; at most {limit:,} are allowed."


@pytest.mark.parametrize(("key", "where", "subject", "make"), DIALOGUE_TEXTS,
                         ids=lambda v: v if isinstance(v, str) else "")
def test_a_dialogue_text_at_its_limit_is_kept_and_one_more_is_refused(key, where, subject, make) -> None:
    limit = LIMITS[key]
    assert dialogue_problems(make("x" * limit)) == []
    problems = dialogue_problems(make("x" * (limit + 1)))
    assert [(p.field, str(p.message)) for p in problems] == [(where, _sentence(subject, limit + 1, limit))]


PERSON_TEXTS = [
    ("person_name", "name", "The name", lambda t: r.Person(id="p", name=t)),
    ("email", "email", "The e-mail address", lambda t: r.Person(id="p", name="A", email=t)),
    ("person_name", "other_names[1]", "Another spelling", lambda t: r.Person(id="p", name="A", other_names=("B", t))),
]
INSTITUTION_TEXTS = [
    ("institution_name", "name", "The institution's name", lambda t: r.Institution(id="i", name=t)),
    ("acronym", "acronym", "The acronym", lambda t: r.Institution(id="i", name="A", acronym=t)),
    # round 16: an institution's other names had no rule, so a bundle could carry one the schema
    # (maxLength 300) refuses, and a control character in one made the bundle unimportable elsewhere
    ("institution_name", "other_names[1]", "Another name",
     lambda t: r.Institution(id="i", name="A", other_names=("B", t))),
]


def test_an_institutions_other_name_is_held_to_the_characters_rule_as_its_name_is() -> None:
    problems = institution_problems(r.Institution(id="i", name="A", other_names=("B", "Минздрав\x1b")))
    assert [p.field for p in problems] == ["other_names[1]"]
    assert "U+001B" in str(problems[0].message)


@pytest.mark.parametrize(("key", "where", "subject", "make"), PERSON_TEXTS + INSTITUTION_TEXTS,
                         ids=lambda v: v if isinstance(v, str) else "")
def test_a_person_or_institution_text_at_its_limit_is_kept_and_one_more_is_refused(key, where, subject, make) -> None:
    check = person_problems if key in ("person_name", "email") else institution_problems
    limit = LIMITS[key]
    assert check(make("x" * limit)) == []
    problems = check(make("x" * (limit + 1)))
    assert [(p.field, str(p.message)) for p in problems] == [(where, _sentence(subject, limit + 1, limit))]


@pytest.mark.parametrize("blank", ["", " ", "\t \n"])
def test_blank_required_texts_are_named(blank: str) -> None:
    dialogue = make_dialogue(agenda=(r.AgendaItem("Opening"), r.AgendaItem(blank)),
                             actions=(r.Action(blank),))
    assert [(p.field, str(p.message)) for p in dialogue_problems(dialogue)] == [
        ("agenda[1].title", "Agenda item 2 needs a title."),
        ("actions[0].description", "Action 1 needs a description.")]
    assert [str(p.message) for p in person_problems(r.Person(id="p", name=blank))] == ["The person's name is required."]
    assert [str(p.message) for p in institution_problems(r.Institution(id="i", name=blank))] == [
        "The institution's name is required."]
    assert [(p.field, str(p.message)) for p in dialogue_problems(make_dialogue(title=blank))] == [
        ("title", "The title is required.")]


def test_a_one_day_meeting_may_end_on_its_start_date_but_not_before() -> None:
    start = date(2023, 12, 13)
    assert dialogue_problems(make_dialogue(start_date=start, end_date=start)) == []
    assert dialogue_problems(make_dialogue(start_date=start, end_date=None)) == []
    problems = dialogue_problems(make_dialogue(start_date=start, end_date=date(2023, 12, 12)))
    assert [(p.field, str(p.message)) for p in problems] == [
        ("end_date", "The end date 2023-12-12 is before the start date 2023-12-13.")]


@pytest.mark.parametrize(("day", "kept"), [(date(1900, 1, 1), True), (date(2199, 12, 31), True),
                                           (date(1899, 12, 31), False), (date(2200, 1, 1), False),
                                           (date(1, 1, 1), False), (date(9999, 12, 31), False)])
def test_every_date_of_a_dialogue_is_within_the_years_a_date_field_takes(day: date, kept: bool) -> None:
    """1900 to 2199, the years the form's date fields read (`date_text.FIRST_YEAR`, `LAST_YEAR`): a
    bundle's 0001-01-01 was stored, and the form then refused to save the record it had opened."""
    action = r.Action(id="a", description="Send the minutes")
    made = {"start_date": make_dialogue(start_date=day, end_date=None),
            "end_date": make_dialogue(start_date=date(1900, 1, 1), end_date=day),
            "actions[0].due_date": make_dialogue(actions=(replace(action, due_date=day),)),
            "actions[0].done_on": make_dialogue(actions=(replace(action, done_on=day),))}
    subjects = {"start_date": "The start date", "end_date": "The end date",
                "actions[0].due_date": "Action 1's due date", "actions[0].done_on": "Action 1's date done"}
    for field, dialogue in made.items():
        problems = [(p.field, str(p.message)) for p in dialogue_problems(dialogue)
                    if "before the start date" not in str(p.message)]  # an end before 1900 is that too
        assert problems == ([] if kept else [
            (field, f"{subjects[field]} is {day.isoformat()}, outside the years 1900 to 2199 the program takes.")])


def test_countries_are_checked_against_the_reference_list() -> None:
    assert dialogue_problems(make_dialogue(country="KZ")) == []
    assert [str(p.message) for p in dialogue_problems(make_dialogue(country="XX"))] == [
        "“XX” is not a known country code."]
    assert institution_problems(r.Institution(id="i", name="MoH", country="UZ")) == []
    assert institution_problems(r.Institution(id="i", name="MoH", country=None)) == []
    assert [str(p.message) for p in institution_problems(r.Institution(id="i", name="MoH", country="QQ"))] == [
        "“QQ” is not a known country code."]


def test_an_organisation_party_needs_a_name() -> None:
    problems = dialogue_problems(make_dialogue(chair=ORG("  ")))
    assert [(p.field, str(p.message)) for p in problems] == [("chair", "The chair: the organisation needs a name.")]
    assert dialogue_problems(make_dialogue(chair=ORG("EUDA"))) == []


def test_a_participant_needs_a_person_once_per_delegation() -> None:
    missing = _delegation(participants=(r.Participant(id="p", person_id=""),))
    assert [(p.field, str(p.message)) for p in dialogue_problems(make_dialogue(delegations=(missing,)))] == [
        ("delegations[0].participants[0]", "Kazakhstan, participant 1: the person is missing.")]
    twice = _delegation(participants=(r.Participant(id="p", person_id="a"), r.Participant(id="q", person_id="b"),
                                      r.Participant(id="s", person_id="a")))
    assert [(p.field, str(p.message)) for p in dialogue_problems(make_dialogue(delegations=(twice,)))] == [
        ("delegations[0].participants[2]", "Kazakhstan lists the same person twice.")]
    other = replace(twice, id="e", party=r.Party.country("UZ"),
                    participants=(r.Participant(id="t", person_id="a"),))
    assert dialogue_problems(make_dialogue(delegations=(other,))) == []
