"""What a stored text may contain: one rule for import, the repair migration and the reports.

Any text field may hold letters of any script, tab, line feed and carriage return; a CRLF is stored
as a plain LF. It may not hold the other control characters (NUL, ESC, U+0001…, DEL, the C1 range),
lone surrogates (halves of a UTF-16 pair, which no file can encode) or the non-characters U+FFFE and
U+FFFF. Those are what made the Word and Excel writers fail for the whole database: XML 1.0 cannot
carry them, so a report could not be written at all.
"""

from __future__ import annotations

import re
import unicodedata

# Everything XML 1.0 cannot carry, plus DEL and the C1 controls (invisible, never meant as text).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def forbidden_character(value: str) -> tuple[str, str, int] | None:
    """The first character `value` may not hold: its kind ("surrogate", "non-character" or "control"),
    its code spelled (U+0007, with its Unicode name where it has one) and its position from 1."""
    found = FORBIDDEN.search(value)
    if found is None:
        return None
    char = found.group()
    code = ord(char)
    where = found.start() + 1
    if 0xD800 <= code <= 0xDFFF:
        return "surrogate", f"U+{code:04X}", where
    if code in (0xFFFE, 0xFFFF):
        return "non-character", f"U+{code:04X}", where
    name = unicodedata.name(char, "") or {0: "NUL", 0x1B: "ESCAPE", 0x7F: "DELETE"}.get(code, "")
    return "control", f"U+{code:04X}" + (f" {name}" if name else ""), where


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored, naming the first bad character; None when it can."""
    found = forbidden_character(value)
    if found is None:
        return None
    kind, spelled, where = found
    if kind == "surrogate":
        return f"holds half of a character (a lone surrogate {spelled}) at position {where}"
    if kind == "non-character":
        return f"holds the non-character {spelled} at position {where}"
    return f"holds the control character {spelled} at position {where}"


def normalised(value: str) -> str:
    """The text as stored: CRLF becomes LF."""
    return value.replace("\r\n", "\n") if "\r" in value else value


def repaired(value: str) -> str:
    """A stored text made storable: CRLF to LF, a vertical tab (Excel's line break) to LF, the rest dropped."""
    return FORBIDDEN.sub(lambda m: "\n" if m.group() == "\x0b" else "", normalised(value))


def printable(value: str) -> str:
    """For the reports: any character a file format cannot carry shown as U+FFFD, never a failure."""
    return FORBIDDEN.sub(REPLACEMENT, value) if FORBIDDEN.search(value) else value
