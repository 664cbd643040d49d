"""The sentence `text_problem` gives for a text that cannot be stored: it names the first bad
character by its code (and its name, where it has one) and its position, at each edge of the ranges
the rule refuses — the officer is told exactly what to remove."""

from __future__ import annotations

import pytest

from desktop_app.domain.text_rules import text_problem


@pytest.mark.parametrize(("value", "sentence"), [
    ("ab\ud800", "holds half of a character (a lone surrogate U+D800) at position 3"),
    ("\udfff", "holds half of a character (a lone surrogate U+DFFF) at position 1"),
    ("x\ufffe", "holds the non-character U+FFFE at position 2"),
    ("\uffff", "holds the non-character U+FFFF at position 1"),
    ("\x00", "holds the control character U+0000 NUL at position 1"),
    ("Almaty\x1b[0m", "holds the control character U+001B ESCAPE at position 7"),
    ("a\x7f", "holds the control character U+007F DELETE at position 2"),
    ("\x07", "holds the control character U+0007 at position 1"),
    ("\x9f", "holds the control character U+009F at position 1"),
    ("ok\x01then\x02", "holds the control character U+0001 at position 3"),
])
def test_the_first_bad_character_is_named_with_its_position(value: str, sentence: str) -> None:
    assert text_problem(value) == sentence


@pytest.mark.parametrize("value", ["", "Tab\tline\nreturn\r\n", "Алматы – Ташкент", "\ud7ff\ue000\ufffd", "\xa0"])
def test_storable_text_has_no_problem(value: str) -> None:
    assert text_problem(value) is None
