"""Qt's `QT_TRANSLATE_NOOP` marker, typed as what it returns.

lupdate finds a text to translate by the marker's name at the call, wherever the name comes from, so
this stand-in marks texts exactly as Qt's does. It exists because PySide6's stub declares Qt's marker
as returning `object`, while it returns the English text unchanged; every label table would otherwise
need a cast before `tr()` (mypy in `make lint`, issue 13).
"""


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """`source` unchanged; lupdate records it under `context` for the translators."""
    return source
