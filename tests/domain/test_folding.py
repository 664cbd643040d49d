"""Properties of the one folding (issue 16) that the stored search texts rely on."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.search import fold, fold_all, query_words, text_matches, typing_fold

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


def _round3_fold(text: str) -> str:
    """The folding before round 4 (й written j inside a word, or i before o, not read as й), which
    the texts of a database stored before migration 0011_refold hold."""
    from unittest.mock import patch

    from desktop_app.domain import search

    never = re.compile(r"(?!x)x")
    with patch.object(search, "_I_BEFORE_O", never), patch.object(search, "_J_AS_I", never):
        return search._fold_piece(text)  # the whole text at once: no word folded before is taken


def _real_texts() -> list[str]:
    """Names and titles as officers record them: the spelling tables, the sample records, the
    reference lists' names in both languages."""
    from tests.search.spelling_table import HARD_NEGATIVES, PAIRS
    from tests.services import name_pairs

    texts = [text for pair in PAIRS for text in pair[:2]] + HARD_NEGATIVES
    texts += [text for pair in name_pairs.SAME + name_pairs.DIFFERENT for text in pair]
    root = Path(__file__).parents[2]
    for path in (root / "resources" / "samples" / "demo-bundle.json",
                 *sorted((root / "resources" / "reference").glob("*.json"))):
        texts += re.findall(r'"([^"\n]{2,300})"', path.read_text(encoding="utf-8"))
    return texts


def test_folding_a_text_stored_before_round_4_again_gives_the_new_folding() -> None:
    """Migration 0011_refold folds the stored lines again (only those holding "j" or "io"): on every
    real text that must equal folding the original, and the two new rules must have fired somewhere."""
    texts = _real_texts()
    assert len(texts) > 500
    assert [text for text in texts if fold(_round3_fold(text)) != fold(text)] == []
    changed = {text for text in texts if _round3_fold(text) != fold(text)}
    assert {"Tojchiev Kajrat", "Ioldoshev Oktam", "Bojko Andrej"} <= changed
    assert all("j" in _round3_fold(text) or "io" in _round3_fold(text) for text in changed)


# Any text an officer or a bundle can hold, white space and marks that NFKC takes apart included
# ("¨" is a space and a combining mark; U+00A0 and U+3000 are white space; "İ" casefolds to two letters)
MARKS = " \t\n\u00a0\u3000\u2028\x1c\x85¨´ʹ\u0301\u0308İß.,-1ǅﬁ㍱Σς"
ANY_TEXT = st.text(alphabet=st.sampled_from(LETTERS + MARKS), max_size=40) | st.text(max_size=40)


@settings(max_examples=1000, deadline=None)
@given(ANY_TEXT)
def test_folding_word_by_word_gives_the_folding_of_the_whole_text(text: str) -> None:
    """`fold` folds each word once and remembers it (issue 19): for any text, that is the folding of
    the whole text at once, which the stored search texts and the migrations' refolding hold."""
    from desktop_app.domain import search

    assert search._fold(text) == search._fold_piece(text)
    assert fold(text) == search._fold_piece(text)


def test_folding_word_by_word_keeps_what_looks_across_a_word() -> None:
    """The boundaries the word-by-word folding must keep, each against the whole-text rule: a mark
    NFKC turns into a space and an accent, white space of other scripts, a word left empty, й at
    the end of a word before a space, and doubled letters on both sides of a space."""
    from desktop_app.domain import search

    for text in ("a¨b", "x\u00a0y", "ab\u3000cd", "— Oʻktam —", "Dmitrij Ivanov", "Anna Aleksandrovna",
                 "nn nn", "Iuliia   Ioldosheva", "", "   ", "ʻ ʼ", "Σίσυφος", "İstanbul"):
        assert fold(text) == search._fold_piece(text), text
    assert fold("— Oʻktam —") == "oktam" and fold("a¨b") == "a b" and fold("nn nn") == "n n"


SPELLINGS = st.sampled_from(["Жумабеков Талант", "Zhumabekov Talant", "Jumabekov Talant", "KZ", "Казахстан",
                             "Kazakhstan", "", "!!!", "ЕС", "EU", "Ёлкин", "Yolkin", "Nu", "a b"])


@settings(max_examples=300, deadline=None)
@given(st.lists(SPELLINGS | texts, max_size=8), st.lists(SPELLINGS | words, min_size=1, max_size=3))
def test_a_folded_text_holds_each_line_once_and_finds_what_every_line_found(parts: list[str],
                                                                          typed: list[str]) -> None:
    """`fold_all` writes a spelling that folds as an earlier one once (issue 19, round 9: a person's
    Latin and Cyrillic names mostly fold alike — 37 % of a dialogue's search text was repeated lines,
    each one more for the search index to build), in the order first met; the search rule finds a
    word within one line, so any search finds the text exactly when it found every line written."""
    every_line = [fold(part) for part in parts if part]
    stored = fold_all(parts)
    lines = stored.split("\n") if every_line else []
    assert lines == list(dict.fromkeys(every_line))
    for typed_text in typed:
        words = query_words(typed_text)
        assert text_matches(stored, words) == text_matches("\n".join(every_line), words)
