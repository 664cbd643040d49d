"""A dialogue's search text from people's names folded once per import (issue 19) is the text
folded name by name for each dialogue: empty names, names that fold to nothing, long names, people
without names and in several delegations included."""

from __future__ import annotations

from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from benchmarks.generate import make_bundle
from desktop_app.db.mapping import folded_names, search_text
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
