"""The quick test for texts a bundle must not hold (issue 19: two cheaper passes instead of one
alternation over the whole file) finds exactly what the one regular expression finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.services.exchange import validation

PIECES = st.sampled_from(["a", "\\", "u", "r", "0", "1", "7", "9", "f", "F", "e", "d", "D", "8", "b", "\x7f",
                          "\x85", "\x9f", "\xa0", "\ufffe", "\uffff", "\ufffd", "\r", "\n", "Ж", '"'])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_the_quick_test_finds_what_the_regular_expression_finds(text: str) -> None:
    assert validation._suspect(text) == (validation._SUSPECT.search(text) is not None)


def test_each_kind_of_suspect_text_is_found() -> None:
    for text in ("\\u0000", "\\u001F", "\\u007f", "\\u0085", "\\uD800", "\\uFFFE", "\\r", "\x7f", "\x85",
                 "\ufffe", "\uffff", "a\rb"):
        assert validation._suspect(f'{{"name": "x{text}y"}}'), text
    for text in ("\\u0041", "\\n", "Жанар", "\\\\", "\\u00a0"):
        assert not validation._suspect(f'{{"name": "x{text}y"}}'), text


# Characters whose UTF-8 bytes share a lead byte or a prefix with a suspect one (C2 A0, C2 AB,
# EF BF BD, EF BE BF, EF BB BF the byte order mark) must not be taken for it.
NEIGHBOURS = st.sampled_from(["«", "\xa0", "\xbf", "\ufffd", "\uffbf", "\ufeff", "\u00c2", "\u0080", "\u009f",
                              "\U0001f600", "\u2028"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(PIECES, NEIGHBOURS), max_size=14).map("".join), st.booleans())
def test_the_test_on_the_files_bytes_finds_what_the_test_on_its_text_finds(text: str, bom: bool) -> None:
    raw = ("\ufeff" if bom else "").encode("utf-8") + text.encode("utf-8")
    assert validation._suspect_bytes(raw) == validation._suspect(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_the_test_on_the_files_bytes_holds_for_any_text(text: str) -> None:
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate is no UTF-8 file
        return
    assert validation._suspect_bytes(raw) == validation._suspect(text)
