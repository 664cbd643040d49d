"""A value read back from a field the officer did not change is the value that was shown there.

A form shows stored values as text and reads its fields back at each save. Reading text back
normalises it (spaces trimmed, "" as no value, a name the reference lists know as their main
name, "a; b" as two topics), which is right for what the officer types and wrong for what they
did not touch: a value from another office's bundle would be rewritten by any save, and the
replication state would record an edit of it nobody made (round 14: the chair "UNODC" saved as
"United Nations Office on Drugs and Crime" when only the summary was typed). Each field keeps what
it showed beside the value; `as_stored` is the one rule that reads it back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

Shown = tuple[str, Any]  # the text a field showed, and the value it was showing


def as_stored(shown: Shown | None, text: str, read: Callable[[str], T]) -> T | Any:
    """The shown value while the field's text is exactly what it showed; otherwise the text read."""
    if shown is not None and shown[0] == text:
        return shown[1]
    return read(text)
