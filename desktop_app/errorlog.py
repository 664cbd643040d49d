"""Bugs are written, with their traceback, to a log file in the data folder; the user gets a short
apology naming that file instead of a traceback."""

from __future__ import annotations

import logging
import traceback
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.paths import log_dir


def log_file() -> Path:
    return log_dir() / "dialogue-register.log"


def record_bug(error: BaseException) -> Path | None:
    """Append the traceback to the log; returns the log's path, or None if even that failed."""
    path = log_file()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as stream:
            stream.write(f"--- {datetime.now(UTC).isoformat()}\n")
            stream.write("".join(traceback.format_exception(error)))
        return path
    except OSError:
        logging.getLogger(__name__).exception("could not write the error log")
        return None


def apology(error: BaseException) -> str:
    path = record_bug(error)
    where = f"; the details were written to {path}" if path else ""
    return f"Something went wrong inside Dialogue Register ({type(error).__name__}){where}."
