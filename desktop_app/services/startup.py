"""Opening the database the way the app and every CLI command do: warn, open, back up once a day."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from desktop_app.services.backups import DEFAULT_RETENTION, RetentionPolicy, back_up_if_due
from desktop_app.services.locations import location_warning


@dataclass
class Opened:
    database: Database
    warnings: list[str] = field(default_factory=list)
    daily_backup: Path | None = None


def open_for_work(path: Path, busy_timeout: float | None = None,
                  retention: RetentionPolicy = DEFAULT_RETENTION) -> Opened:
    """Open (creating or upgrading as needed), then take the daily backup if one is due.

    A failed daily backup (disk full, say) must not keep the officer from working: it becomes a
    warning. A damaged or foreign file raises before anything is written to it.
    """
    path = Path(path).expanduser().absolute()
    warnings = [warning] if (warning := location_warning(path)) else []
    database = open_database(path, busy_timeout)
    _owner_only(path)
    _clean_partials(path)
    backup = None
    try:
        backup = back_up_if_due(path, retention=retention)
    except UserError as error:
        warnings.append(Text("Today's automatic backup could not be made: %1", error.message))
    except OSError as error:
        with contextlib.suppress(Exception):
            warnings.append(Text("Today's automatic backup could not be made (%1).", error.strerror))
    return Opened(database, warnings, backup)


def _clean_partials(path: Path) -> None:
    """Partial files that killed or disk-full writes left beside the database, in backups/ and drafts/."""
    from desktop_app.services.backups import backups_folder
    from desktop_app.services.drafts import drafts_folder
    from desktop_app.services.safe_files import clean_partials

    clean_partials(path.parent)
    clean_partials(backups_folder(path), include_old=True)
    clean_partials(drafts_folder(path), include_old=True)


def _owner_only(path: Path) -> None:
    """A database copied in from a USB stick or an e-mail may be readable by everyone: make it the owner's."""
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)


def where_data_lives(path: Path, retention: RetentionPolicy = DEFAULT_RETENTION) -> list[str]:
    """Where the records, their backups and unsaved drafts are kept (the CLI's `check` and `where`)."""
    from desktop_app.services.backups import backups_folder
    from desktop_app.services.drafts import drafts_folder

    path = Path(path).expanduser().absolute()
    return [f"Database: {path}",
            f"Backups: {backups_folder(path)} (kept: {retention.describe()})",
            f"Unsaved drafts: {drafts_folder(path)}"]
