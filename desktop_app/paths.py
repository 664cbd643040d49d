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


def expanded(text: str | Path) -> Path:
    """`text` with a leading `~` or `~user` made the home folder it names. One sentence when it names
    none ("~nosuchuser/x.sqlite3" in `--db`, DIALOGUE_REGISTER_DB or Settings): `Path.expanduser`
    raised a RuntimeError, which the command line and the window could only apologise for as a bug."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        from desktop_app.domain.errors import UserError
        from desktop_app.domain.texts import Text

        home = str(text).replace(os.sep, "/").split("/", 1)[0]
        raise UserError(Text("“%1” names no home folder on this computer: give the full path.", home)) from None


def default_database_path(preferred: str | Path | None = None) -> Path:
    """DIALOGUE_REGISTER_DB beats `preferred` (the Settings choice), which beats the per-user data folder.

    The preference is passed in rather than read here, so this module (used by every CLI command)
    never needs Qt; the window reads it from its settings.
    """
    override = os.environ.get(DB_ENV)
    if override:
        return expanded(override)
    return expanded(preferred) if preferred else standard_database_path()


def database_is_chosen(option: str | None) -> bool:
    """True when `--db` or DIALOGUE_REGISTER_DB names the file, so no first-run question is due."""
    return bool(option or os.environ.get(DB_ENV))


def resolve_database_path(option: str | None, preferred: str | Path | None = None) -> Path:
    """`--db` beats everything default_database_path() weighs."""
    return expanded(option) if option else default_database_path(preferred)
