"""One-line fields keep what is pasted into them on one line.

QLineEdit keeps the line breaks and tabs of a text pasted into it, out of sight, and the form saved
them: a title copied from Word over two lines was stored with a line break in it, and topics copied
one a line were one topic (round 16). Here each break — with the spaces around it — becomes a
space, or in a field of several values (`TagEntry`) the values' separator, as the field is edited.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLineEdit

BREAKS = re.compile(r"[ ]*[\r\n\t\v\f\u2028\u2029]+[ ]*")


def on_one_line(text: str, separator: str = " ") -> str:
    """`text` with each run of line breaks and tabs (and the spaces around it) as `separator`."""
    return BREAKS.sub(separator, text)


def keep_on_one_line(edit: QLineEdit, separator: str = " ") -> None:
    """As the officer edits `edit` (typing, pasting, dropping text), breaks become `separator`; the
    cursor stays after what was pasted. Text set by the program (a stored value) is left alone."""

    def edited(text: str) -> None:
        if BREAKS.search(text):
            before = on_one_line(text[:edit.cursorPosition()], separator)
            edit.setText(on_one_line(text, separator))
            edit.setCursorPosition(len(before))

    edit.textEdited.connect(edited)
