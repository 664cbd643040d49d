"""Bringing a database file to the schema this program expects, safely.

Alembic runs SQLite DDL outside a transaction, so a failed migration is not rolled back: a copy of
the file is taken first, and on failure the copy is put back. A file written by a newer program
is refused before anything touches it.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.errors import DatabaseFull, NewerSchema, UserError
from desktop_app.domain.texts import Text

# The newest revision in db/migrations/versions. Kept as a constant so that opening an up-to-date
# database does not import Alembic at all; a test checks it against Alembic's own head.
SCHEMA_HEAD = "0014_import_participant_keys"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

if TYPE_CHECKING:  # SQLAlchemy is imported when an upgrade runs, not by SCHEMA_HEAD's readers
    from sqlalchemy import Engine


def known_revisions() -> list[str]:
    """Every revision this program can upgrade from, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def alembic_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the file; None for a file with no tables at all."""
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" in tables:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if tables:
            raise UserError(Text("This SQLite file was not made by Dialogue Register; open or create "
                                 "a Dialogue Register database instead."))
        return None


def backup_copy(path: Path, reason: str) -> Path:
    """A consistent copy of the file in `backups/` beside it, taken as every backup is
    (`services.backups.write_copy`: SQLite's backup API, the rollback journal, the safe writer), so it
    is one self-contained file listed and kept like the others. Imported here, not at the top: the
    backups module is not needed on the way to the first window unless the file must be upgraded."""
    from desktop_app.services.backups import write_copy

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    return write_copy(path, path.parent / "backups" / f"{path.stem}-{reason}-{stamp}.sqlite3")


def upgrade(engine: Engine, path: Path) -> Path | None:
    """Bring the file to SCHEMA_HEAD; returns the backup taken before an upgrade, if any."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return None
    if revision is not None and revision not in known_revisions():
        raise NewerSchema(Text("The database %1 was written by a newer version of Dialogue "
                               "Register; install the newer version to open it.", path.name))
    try:
        backup = backup_copy(path, f"before-upgrade-from-{revision}") if revision is not None else None
    except DatabaseFull as error:  # said of the database being opened, not of a copy the officer never asked for
        raise DatabaseFull(Text("The disk holding %1 is full, so the copy kept before an upgrade could not be "
                                "written and the database was not upgraded or opened; free some space and open "
                                "it again.", path.name)) from error
    try:
        _run_alembic(engine)
    except Exception:
        engine.dispose()
        if backup is not None:
            shutil.copyfile(backup, path)
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    return backup


def _run_alembic(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
