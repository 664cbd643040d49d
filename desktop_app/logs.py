"""Logging, configured once for the whole program, in four categories: `db`, `exchange`, `report`, `ui`.

Each part logs to `logger(category)` (a child of `dialogue_register`); `configure()` is called once by
the entry point (CLI and window) and attaches one file handler in the log folder. Bugs with their
tracebacks still go to `errorlog` (the file the apology names); this log is the program's diary:
which database was opened, what was classified as busy or damaged, how long long work took.
`DIALOGUE_REGISTER_LOG=debug` makes it chatty. Nothing here writes personal data: names stay out.
"""

from __future__ import annotations

import logging
import os

from desktop_app.paths import log_dir

ROOT = "dialogue_register"
CATEGORIES = ("db", "exchange", "report", "ui")
LEVEL_ENV = "DIALOGUE_REGISTER_LOG"
_configured = False


class _Held(logging.Handler):
    """The records of a window's start, kept until its first paint (`configure(hold=True)`)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def logger(category: str) -> logging.Logger:
    """The logger of one category; an unknown category is a programming error."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown log category {category!r}; use one of {', '.join(CATEGORIES)}")
    return logging.getLogger(f"{ROOT}.{category}")


def configure(hold: bool = False) -> None:
    """Once per process (later calls do nothing): a rotating file in the log folder, INFO unless the
    environment asks otherwise. A log folder that cannot be written leaves logging off, silently.
    `hold=True` (the window's start): the records are kept in memory and the file is opened by
    `release()`, after the list's first paint — the rotating handler's module, the folder and the file
    cost ~12 ms of CPU the first window does not wait for (issue 19)."""
    global _configured
    if _configured:
        return
    _configured = True
    root = logging.getLogger(ROOT)
    root.setLevel(os.environ.get(LEVEL_ENV, "INFO").upper() if os.environ.get(LEVEL_ENV, "").upper()
                  in ("DEBUG", "INFO", "WARNING", "ERROR") else logging.INFO)
    root.propagate = False
    root.addHandler(_Held() if hold else _file_handler())


def release() -> None:
    """The file, if `configure(hold=True)` kept the records back: opened now, and what was kept is
    written to it first, in order. Nothing to do otherwise, and once done."""
    root = logging.getLogger(ROOT)
    for held in [handler for handler in root.handlers if isinstance(handler, _Held)]:
        root.removeHandler(held)
        handler = _file_handler()
        root.addHandler(handler)
        for record in held.records:
            handler.handle(record)


def _file_handler() -> logging.Handler:
    import logging.handlers

    try:
        folder = log_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "activity.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler
