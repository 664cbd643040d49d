"""Opening a database file: create it (owner-only) if missing, refuse what is not ours, migrate."""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app.db.engine import make_engine
from desktop_app.db.errors import translated_errors
from desktop_app.db.migrate import upgrade
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import DatabaseCorrupt, UserError

SQLITE_HEADER = b"SQLite format 3\x00"


def open_database(path: Path | str, busy_timeout: float | None = None) -> Database:
    path = Path(path).expanduser().absolute()
    _prepare_file(path)
    engine = make_engine(path) if busy_timeout is None else make_engine(path, busy_timeout)
    try:
        with translated_errors(path):
            upgrade(engine, path)
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine)


def _prepare_file(path: Path) -> None:
    if path.is_dir():
        raise UserError(f"{path} is a folder; give the path of a database file instead.")
    folder = path.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"The folder {folder} cannot be created ({error.strerror}).") from error
    if path.exists():
        _refuse_foreign(path)
        return
    if not os.access(folder, os.W_OK):
        raise UserError(f"The folder {folder} is read-only; choose another place for the database.")
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        _refuse_foreign(path)
    except OSError as error:
        raise UserError(f"The database {path} cannot be created ({error.strerror}).") from error


def _refuse_foreign(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise UserError(f"The database {path} cannot be read ({error.strerror}).") from error
    if header and header != SQLITE_HEADER:
        raise DatabaseCorrupt(f"{path.name} is not a Dialogue Register database (it is not an SQLite "
                              "file, or it is damaged); restore it from a backup.")
