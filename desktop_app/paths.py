"""Where the program keeps its files on this computer (platformdirs), and which database to open."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "DialogueRegister"
DB_FILE_NAME = "dialogues.sqlite3"
DB_ENV = "DIALOGUE_REGISTER_DB"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def standard_database_path() -> Path:
    """Where a database goes when nobody chose a place: the per-user data folder."""
    return data_dir() / DB_FILE_NAME


def default_database_path(preferred: str | Path | None = None) -> Path:
    """DIALOGUE_REGISTER_DB beats `preferred` (the Settings choice), which beats the per-user data folder.

    The preference is passed in rather than read here, so this module (used by every CLI command)
    never needs Qt; the window reads it from its settings.
    """
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return Path(preferred).expanduser() if preferred else standard_database_path()


def database_is_chosen(option: str | None) -> bool:
    """True when `--db` or DIALOGUE_REGISTER_DB names the file, so no first-run question is due."""
    return bool(option or os.environ.get(DB_ENV))


def resolve_database_path(option: str | None, preferred: str | Path | None = None) -> Path:
    """`--db` beats everything default_database_path() weighs."""
    return Path(option).expanduser() if option else default_database_path(preferred)
