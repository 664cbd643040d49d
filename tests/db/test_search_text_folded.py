"""A dialogue's search text from people's names folded once per import (issue 19) is the text
folded name by name for each dialogue: empty names, names that fold to nothing, long names, people
without names and in several delegations included. So is the text of a batch's `SearchTexts`
(round 8: each party's and host country's names folded once a batch), for dialogues with parties,
hosts, lists and summaries of every shape, one after another in the same batch."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from benchmarks.generate import make_bundle
from desktop_app.db.mapping import SearchTexts, folded_names, search_text
from desktop_app.domain import records as r
from desktop_app.domain.enums import PartyType
from desktop_app.services.exchange import codec

_BUNDLE = make_bundle(4, people=60)
_DIALOGUES = [codec.dialogue_from_json(item) for item in _BUNDLE["dialogues"]]
_PEOPLE = sorted({p.person_id for d in _DIALOGUES for g in d.delegations for p in g.participants})
NAME = st.sampled_from(["", "!!!", " ", "Жумабеков Талант", "Oʻktam", "Anna-Maria", "x" * 250, "Ё", "Dmitrij"])


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_DIALOGUES), st.dictionaries(st.sampled_from(_PEOPLE), st.lists(NAME, max_size=3)))
def test_names_folded_once_give_the_same_search_text(dialogue: Any, names: dict[str, list[str]]) -> None:
    session = cast(Session, None)  # names given: nothing is read
    assert search_text(session, dialogue, folded=folded_names(names)) == search_text(session, dialogue, names)


PARTY = st.sampled_from([None, r.Party.country("KZ"), r.Party.country("XX"), r.Party.country(""),
                         r.Party.organisation("European Commission"), r.Party.organisation("OSCE"),
                         r.Party.organisation(""), r.Party.organisation("KZ"), r.Party(PartyType.COUNTRY)])
TEXT = st.sampled_from([None, "", "!!!", "Жанар", "x" * 250, "Drug policy"])


@st.composite
def _dialogues(draw: st.DrawFn) -> Any:
    d = draw(st.sampled_from(_DIALOGUES))
    delegations = tuple(replace(g, party=draw(PARTY)) for g in d.delegations[:draw(st.integers(0, 3))])
    return replace(d, chair=draw(PARTY), country=draw(st.sampled_from([None, "", "KZ", "DE", "XX"])),
                   series=draw(TEXT), city=draw(TEXT), summary=draw(TEXT), delegations=delegations,
                   topics=tuple(draw(st.lists(st.sampled_from(["", "Ё", "drugs"]), max_size=2))),
                   frameworks=tuple(draw(st.lists(TEXT.filter(bool), max_size=2))))


@settings(max_examples=150, deadline=None)
@given(st.lists(_dialogues(), min_size=1, max_size=5),
       st.dictionaries(st.sampled_from(_PEOPLE), st.lists(NAME, max_size=3)))
def test_a_batchs_search_texts_are_each_dialogues_search_text(dialogues: list[Any],
                                                              names: dict[str, list[str]]) -> None:
    session = cast(Session, None)  # names given: nothing is read
    texts = SearchTexts(folded_names(names))
    assert [texts(d) for d in dialogues] == [search_text(session, d, names) for d in dialogues]


@settings(max_examples=60, deadline=None)
@given(st.lists(_dialogues(), min_size=1, max_size=3),
       st.dictionaries(st.sampled_from(_PEOPLE), st.lists(NAME, max_size=3)))
def test_a_search_text_holds_each_spelling_once(dialogues: list[Any], names: dict[str, list[str]]) -> None:
    """A party named by several delegations, a country both host and party, a person whose Latin and
    Cyrillic names fold alike: each line of the stored text once (issue 19, round 9: 37 % of a
    generated dialogue's text was such repeats, each one more for the search index to build).
    What a search finds is unchanged: tests/domain/test_folding.py."""
    session = cast(Session, None)  # names given: nothing is read
    texts = SearchTexts(folded_names(names))
    for d in dialogues:
        for text in (texts(d), search_text(session, d, names), search_text(session, d, folded=folded_names(names))):
            lines = text.split("\n")
            assert len(lines) == len(set(lines))


def test_the_example_dialogues_host_and_parties_in_two_languages_are_written_once() -> None:
    """The generated dialogues name parties in English and Russian, and people in two scripts, that
    often fold alike: the text written before round 9 repeated them."""
    session = cast(Session, None)
    names = {person: ["Жумабеков Талант", "Zhumabekov Talant", "Jumabekov Talant"] for person in _PEOPLE}
    d = _DIALOGUES[0]
    text = search_text(session, d, names)
    assert text.count("jumabekov talant") == 1
    assert text.split("\n")[-1] == "jumabekov talant"
