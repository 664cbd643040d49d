"""Properties of the one folding (issue 16) that the stored search texts rely on."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.search import fold, fold_all, query_words, typing_fold

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіҷҳӣӯўabcdefghijklmnopqrstuvwxyzşçžýäöüğıʻ'-"
words = st.text(alphabet=LETTERS, min_size=1, max_size=12)
texts = st.lists(words, min_size=1, max_size=6).map(" ".join)


def _old_fold(text: str) -> str:
    """The folding before issue 16, which stored texts of older databases hold."""
    return text.casefold().replace("ё", "е")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_folding_a_text_the_old_program_stored_gives_the_new_folding(text: str) -> None:
    """Migration 0007_names folds the stored (old-folded) lines again: that must equal folding the
    original, or an upgraded database would not find what a new one finds."""
    assert fold(_old_fold(text)) == fold(text)
    assert fold(text.upper()) == fold(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, min_size=1, max_size=5))
def test_every_word_of_a_name_is_found_in_the_folded_name(parts: list[str]) -> None:
    """A search for any whole word of a name finds the name (whatever script or case it is in)."""
    name = " ".join(parts)
    stored = fold_all((name,))
    for word in query_words(parts[0]):
        assert word in stored


@settings(max_examples=300, deadline=None)
@given(texts)
def test_folding_gives_lower_case_ascii_words(text: str) -> None:
    folded = fold(text)
    assert folded.isascii() and folded == folded.lower() and "  " not in folded
    assert typing_fold(text).isascii()
