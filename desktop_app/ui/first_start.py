"""What the start needs to know about the first-run screen without building it: whether a file is the
sample database, whether this is the first start, and which database the window opens.

Apart from `dialogs/first_run_dialog.py` (the screen itself, which `start_database` imports only when
it is shown): the usual start builds no dialog class before the first window's paint (issue 19).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.paths import database_is_chosen, default_database_path, resolve_database_path
from desktop_app.ui.settings import recent_databases

if TYPE_CHECKING:
    from desktop_app.ui.preferences import Preferences

SAMPLE_FILE_NAME = "sample-dialogues.sqlite3"


def is_sample_database(path: Path | str) -> bool:
    return Path(path).name == SAMPLE_FILE_NAME


def sample_database_path(default_path: Path) -> Path:
    return Path(default_path).parent / SAMPLE_FILE_NAME


def is_first_run(default_path: Path, recent: Iterable[str]) -> bool:
    """No database at the default location, and no real (non-sample) database opened before still exists."""
    if Path(default_path).exists():
        return False
    return not any(Path(p).exists() and not is_sample_database(p) for p in recent)


def start_database(db_option: str | None, preferences: Preferences, parent: QWidget | None = None) -> Path | None:
    """The database the window opens: the one named, the default one, or the first-run screen's answer
    (also when the default one is not there though others were opened before: `FirstRunDialog`'s `missing`).

    None means the officer quit the first-run screen.
    """
    if database_is_chosen(db_option):
        return resolve_database_path(db_option)
    default_path = default_database_path(preferences.database_location())
    if Path(default_path).exists():
        return default_path
    from desktop_app.ui.dialogs import first_run_dialog  # the screen, only when it is shown

    # not a first start: the database opened at start is gone (a share not connected), not made anew
    missing = not is_first_run(default_path, recent_databases())
    return first_run_dialog.ask_first_database(parent, default_path, missing=missing)


def sample_note() -> str:
    """Said in the title bar of a sample database, so nobody types real records into it."""
    return QCoreApplication.translate("FirstRunDialog", "SAMPLE RECORDS (invented, for trying the program)")
