"""A bulk load fills the search vocabularies once from the texts (issue 19, `bulk_writing.loading`)
where migration 0012_search_speed's triggers split each saved text in SQL: the two splits must
give the same words for any text, folded or not (hypothesis), or a search would miss a word."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.db.bulk_writing import vocabulary_of, vocabulary_words

MIGRATION = Path(__file__).parents[2] / "desktop_app/db/migrations/versions/0012_search_speed.py"


def _migration():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("search_speed_0012", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SPLIT = f"SELECT value FROM {_migration().split_words(':text')} WHERE value <> ''"
CONNECTION = sqlite3.connect(":memory:")


def _triggers_words(text: str) -> list[str]:
    return [value for (value,) in CONNECTION.execute(SPLIT, {"text": text})]


CHARACTERS = [*"ab z9\n\t\r \"\\'/é€", "\x00", "\x01", "\x1f", "\x7f", "\u2028", "𝄞"]
TEXTS = st.text(alphabet=st.sampled_from(CHARACTERS), max_size=30) | st.text(max_size=30)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_the_words_are_those_the_triggers_add(text: str) -> None:
    assert vocabulary_words(text) == _triggers_words(text)


def test_examples() -> None:
    for text in ("drug policy\nashgabat  tokaibekova", "", " ", "a\tb\rc", 'say "hi" \\ now', "bad\x01text"):
        assert vocabulary_words(text) == _triggers_words(text), text
    assert vocabulary_words("bad\x01text") == []
    assert vocabulary_words("a\tb\rc\nd") == ["a", "b", "c", "d"]


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXTS, max_size=6))
def test_the_texts_split_in_one_pass_give_each_texts_words(texts: list[str]) -> None:
    """`vocabulary_of` splits all the file's texts at once (issue 19, round 7): the same words as each
    text split alone, a text with a control character adding none, even beside others."""
    assert vocabulary_of(texts) == {word for text in texts for word in vocabulary_words(text)}


def test_one_pass_examples() -> None:
    assert vocabulary_of([]) == set()
    assert vocabulary_of(["drug policy\nashgabat", "policy  tokaibekova", "bad\x01text", "a\tb\rc"]) == {
        "drug", "policy", "ashgabat", "tokaibekova", "a", "b", "c"}
