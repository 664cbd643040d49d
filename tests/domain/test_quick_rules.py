"""The quick pass over a dialogue's rules (issue 19: nothing built for a dialogue that keeps them)
says "may be saved" exactly when the worded rules find no problem."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.domain import records as r
from desktop_app.domain import validation
from desktop_app.services.exchange import codec

_DIALOGUES = [codec.dialogue_from_json(item) for item in make_bundle(4, people=60)["dialogues"]]
TEXT = st.sampled_from([None, "", " ", "ok", "Жанар", "x" * 101, "x" * 301, "x" * 2001, "a\x00b", "a\ud800",
                        "a\ufffe", "a\x7fb", "line\nbreak", "tab\there"])
PARTY = st.sampled_from([None, r.Party.country("KZ"), r.Party.country("XX"), r.Party.country(""),
                         r.Party.organisation(""), r.Party.organisation("  "), r.Party.organisation("OSCE"),
                         r.Party.organisation("x" * 201), r.Party.organisation("a\x01")])


def _text(value: Any, required: bool) -> Any:
    return (value or "") if required else value


@st.composite
def dialogues(draw: st.DrawFn) -> r.Dialogue:
    d = draw(st.sampled_from(_DIALOGUES))
    for _ in range(draw(st.integers(0, 3))):
        change = draw(st.sampled_from(["top", "dates", "country", "chair", "lists", "agenda", "action", "delegation",
                                       "participant"]))
        if change == "top":
            name = draw(st.sampled_from(["title", "series", "city", "summary"]))
            d = replace(d, **{name: _text(draw(TEXT), name == "title")})
        elif change == "dates":  # the years a date field takes end at 1900 and 2199
            d = replace(d, end_date=draw(st.sampled_from([None, date(1999, 1, 1), d.start_date, date(2100, 1, 1),
                                                          date(2199, 12, 31), date(2200, 1, 1), date(9999, 12, 31)])),
                        start_date=draw(st.sampled_from([d.start_date, date(1900, 1, 1), date(1899, 12, 31),
                                                         date(1, 1, 1)])))
        elif change == "country":
            d = replace(d, country=draw(st.sampled_from([None, "KZ", "XX", ""])))
        elif change == "chair":
            d = replace(d, chair=draw(PARTY))
        elif change == "lists":
            name = draw(st.sampled_from(["supporting_programmes", "frameworks", "topics"]))
            d = replace(d, **{name: tuple(_text(v, True) for v in draw(st.lists(TEXT, max_size=2)))})
        elif change == "agenda" and d.agenda:
            item = replace(d.agenda[0], title=_text(draw(TEXT), True), notes=draw(TEXT), presenter=draw(PARTY))
            d = replace(d, agenda=(item, *d.agenda[1:]))
        elif change == "action" and d.actions:
            days = st.sampled_from([None, date(2024, 1, 31), date(1899, 12, 31), date(2200, 1, 1)])
            action = replace(d.actions[0], description=_text(draw(TEXT), True), owner=draw(TEXT),
                             due_date=draw(days), done_on=draw(days))
            d = replace(d, actions=(action, *d.actions[1:]))
        elif change == "delegation" and d.delegations:
            g = replace(d.delegations[0], party=draw(PARTY) or r.Party.country(""), notes=draw(TEXT))
            d = replace(d, delegations=(g, *d.delegations[1:]))
        elif change == "participant" and d.delegations and d.delegations[0].participants:
            g = d.delegations[0]
            others = [p.person_id for p in g.participants]
            p = replace(g.participants[-1], position=draw(TEXT),
                        person_id=draw(st.sampled_from([g.participants[-1].person_id, "", *others])))
            d = replace(d, delegations=(replace(g, participants=(*g.participants[:-1], p)), *d.delegations[1:]))
    return d


@settings(max_examples=300, deadline=None)
@given(dialogues())
def test_the_quick_pass_says_may_be_saved_exactly_when_no_rule_is_broken(dialogue: r.Dialogue) -> None:
    worded = validation._dialogue_problems(dialogue)
    assert validation._may_be_saved(dialogue) == (worded == [])
    assert validation.dialogue_problems(dialogue) == worded


@st.composite
def people(draw: st.DrawFn) -> r.Person:
    text = TEXT | st.sampled_from(["x" * 200, "x" * 201, "x" * 254, "x" * 255])  # at and past either limit
    return r.Person(id="p", name=_text(draw(text), True), email=draw(text),
                    other_names=tuple(draw(st.lists(text, max_size=3))))


@settings(max_examples=300, deadline=None)
@given(people())
def test_a_person_may_be_saved_exactly_when_no_rule_is_broken(person: r.Person) -> None:
    worded = validation._person_problems(person)
    assert validation._person_may_be_saved(person) == (worded == [])
    assert validation.person_problems(person) == worded


def _texts(record: Any) -> list[str]:
    """Every text a record holds, its parts' included."""
    if isinstance(record, str):
        return [record]
    if isinstance(record, tuple):
        return [text for item in record for text in _texts(item)]
    if hasattr(record, "__dataclass_fields__"):
        return [text for name in record.__dataclass_fields__ for text in _texts(getattr(record, name))]
    return []


@settings(max_examples=300, deadline=None)
@given(dialogues(), people())
def test_texts_known_clean_change_no_answer_where_they_are(dialogue: r.Dialogue, person: r.Person) -> None:
    """`texts_clean` (a bundle whose bytes show no text can hold a forbidden character) skips only
    the characters' rule: where every text keeps it, the answer is the one without it."""
    from desktop_app.domain.text_rules import FORBIDDEN

    if all(FORBIDDEN.search(text) is None for text in _texts(dialogue)):
        assert validation._may_be_saved(dialogue, texts_clean=True) == validation._may_be_saved(dialogue)
        assert validation.dialogue_problems(dialogue, texts_clean=True) == validation._dialogue_problems(dialogue)
    if all(FORBIDDEN.search(text) is None for text in _texts(person)):
        assert validation._person_may_be_saved(person, texts_clean=True) == validation._person_may_be_saved(person)
        assert validation.person_problems(person, texts_clean=True) == validation._person_problems(person)
