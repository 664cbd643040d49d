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


def default_database_path() -> Path:
    """`--db` beats DIALOGUE_REGISTER_DB, which beats the per-user data folder."""
    override = os.environ.get(DB_ENV)
    return Path(override).expanduser() if override else data_dir() / DB_FILE_NAME


def resolve_database_path(option: str | None) -> Path:
    return Path(option).expanduser() if option else default_database_path()
