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


def _texts(value: object) -> list[str]:
    """Every text of a parsed JSON value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (key, *_texts(item))]
    return []


ESCAPES = st.sampled_from(["\\b", "\\f", "\\n", "\\t", "\\r", "\\\\", '\\"', "\\/", "\\u0008", "\\u000c",
                           "\\u000C", "\\u001f", "\\u0020", "\\u007f", "\\u0080", "\\u009F", "\\u00a0", "\\ud800",
                           "\\uDFFF", "\\ud83d\\ude00", "\\ufffe", "\\uFFFF", "\\ufffd", "\\u2014", "\\u0062"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(PIECES, NEIGHBOURS, ESCAPES, st.characters()), max_size=10).map("".join),
       st.lists(st.one_of(PIECES, NEIGHBOURS, ESCAPES), max_size=6).map("".join))
def test_a_file_without_suspect_bytes_or_control_escapes_holds_no_forbidden_text(value: str, key: str) -> None:
    """`_no_control_escape` with `_suspect_bytes` clear: no text the file parses to, value or key,
    holds a character the domain's rules refuse (`text_rules.FORBIDDEN`)."""
    import json

    from desktop_app.domain.text_rules import FORBIDDEN

    try:
        raw = f'{{"{key}": ["{value}"]}}'.encode()
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeError, ValueError):  # not a bundle: refused before any rule is asked
        return
    if not validation._suspect_bytes(raw) and validation._no_control_escape(raw):
        assert all(FORBIDDEN.search(text) is None for text in _texts(data))


def test_a_control_escape_is_found() -> None:
    for text in ("\\b", "\\f", "x\\by", "\\\\b"):  # the last a backslash and a b: refused to the quick way too
        assert not validation._no_control_escape(f'{{"name": "{text}"}}'.encode())
    assert validation._no_control_escape(b'{"name": "\\n\\t\\u0062\\u0066"}')


def test_a_control_escape_in_a_valid_bundle_is_refused_as_before() -> None:
    """A `\\b` or `\\f` escape (U+0008, U+000C) is the one forbidden text a bundle's bytes may hold
    without being suspect: the domain's rules still look for it and word it as they always did."""
    import json

    import pytest

    from benchmarks.generate import make_bundle
    from desktop_app.domain.errors import BadBundle

    for where, escape in (("title", "\\b"), ("summary", "\\f")):
        bundle = make_bundle(2, people=60)
        bundle["dialogues"][1][where] = "before@after"
        raw = json.dumps(bundle, ensure_ascii=False).replace("before@after", f"before{escape}after").encode()
        assert not validation._suspect_bytes(raw) and not validation._no_control_escape(raw)
        expected = bundle["dialogues"][1][where] = json.loads(f'"before{escape}after"')
        with pytest.raises(BadBundle) as worded_before:  # the rules asked in full, as before round 9
            validation.check_meaning(bundle, "b.json")
        with pytest.raises(BadBundle) as refused:
            validation.parse_bundle(raw, "b.json")
        assert str(refused.value) == str(worded_before.value) and f"dialogues[1].{where}" in str(refused.value)
        assert expected in (f"before{chr(8)}after", f"before{chr(12)}after")
