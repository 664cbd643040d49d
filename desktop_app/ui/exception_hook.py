"""The last line of defence: a bug in the GUI is logged with its traceback and the officer sees a
short apology instead of the program vanishing. A `UserError` that slipped through is shown as is."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication

from desktop_app.domain.errors import UserError
from desktop_app.errorlog import apology
from desktop_app.ui import messages


def explain(error: BaseException) -> str:
    """What the officer is told: the sentence of a UserError, otherwise the apology (and the log)."""
    if isinstance(error, UserError):
        return error.message
    return apology(error)


def handle(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    if error.__traceback__ is None and trace is not None:
        error = error.with_traceback(trace)
    text = explain(error)
    if QApplication.instance() is not None:
        messages.fail(QApplication.activeWindow(), text)
    else:  # pragma: no cover - only before the application exists
        print(text, file=sys.stderr)


def install() -> Callable[..., None]:
    """Install the hook; returns the previous one so a caller (or a test) can put it back."""
    previous = sys.excepthook
    sys.excepthook = handle
    return previous
