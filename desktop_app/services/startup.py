"""Opening the database the way the app and every CLI command do: warn, open, back up once a day.

What can wait does wait (issue 19): with `defer=True` the opening does only what the first window or
a command's answer needs (header and schema checks through SQLite, an upgrade after its own backup,
permissions) and hands back `AfterOpening` — the daily backup, and for the window SQLite's quick_check
too — which a command runs after printing its answer and the window in the background after its
first paint. A command keeps the quick_check in front: a damaged file is refused untouched and no
output is written from it (tests/reliability/test_damaged_files.py).
"""

from __future__ import annotations

import contextlib
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from desktop_app.db.opening import open_database, quick_check_finds_damage
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from desktop_app.services.locations import location_warning
from desktop_app.services.retention import DEFAULT_RETENTION, RetentionPolicy


@dataclass
class AfterOpeningResult:
    """What the work after opening found: `damage` (a sentence) when the quick_check failed — then no
    daily backup was taken, so rotation cannot push the good copies out — and the backup taken, if due."""

    daily_backup: Path | None = None
    warnings: list[str] = field(default_factory=list)
    damage: str | None = None


class AfterOpening(NamedTuple):
    """The work that follows an opening: partial files of killed writes cleared away, SQLite's
    quick_check, then the daily backup if it is still due
    (a `backup` command run in between made today's copy already: a due backup is written once).

    This and `Opened` are named tuples, made once per opening and never changed: a dataclass's
    methods are compiled as its module is imported, before the first window's paint (issue 19)."""

    path: Path
    retention: RetentionPolicy = DEFAULT_RETENTION
    quick_check: bool = False  # already done before opening, unless the window left it for later

    def run(self) -> AfterOpeningResult:
        result = AfterOpeningResult()
        _clean_partials(self.path)
        if self.quick_check and quick_check_finds_damage(self.path):
            result.damage = Text("The check after opening found damage in %1; restore it from a backup. "
                                 "Today's automatic backup was not taken, so the good backups are kept.",
                                 self.path.name)
            return result
        try:
            result.daily_backup = back_up_if_due(self.path, retention=self.retention)
        except UserError as error:
            result.warnings.append(Text("Today's automatic backup could not be made: %1", error.message))
        except OSError as error:
            with contextlib.suppress(Exception):
                result.warnings.append(Text("Today's automatic backup could not be made (%1).", error.strerror))
        return result


def back_up_if_due(path: Path, retention: RetentionPolicy = DEFAULT_RETENTION) -> Path | None:
    """`services.backups.back_up_if_due`, its module imported when the daily backup runs: after the
    window's first paint or a command's answer, not before (issue 19, round 7)."""
    from desktop_app.services import backups

    return backups.back_up_if_due(path, retention=retention)


class Opened(NamedTuple):
    """An opened database, what to tell the officer about it, and the work left for later."""

    database: Database
    warnings: list[str]
    daily_backup: Path | None = None
    later: AfterOpening | None = None  # with defer=True: to run after the first paint or the answer


def open_for_work(path: Path, busy_timeout: float | None = None,
                  retention: RetentionPolicy = DEFAULT_RETENTION, defer: bool = False,
                  check_later: bool = False) -> Opened:
    """Open (creating or upgrading as needed), then take the daily backup if one is due — at once, or
    with `defer` left in `Opened.later` for the caller to run once the officer has what they asked for
    (a command: after its answer; the window: after its first paint, in the background).

    SQLite's quick_check runs before opening, so a damaged file is refused untouched — unless
    `check_later` (the window, with `defer`): then it runs first thing in `later`, and the window says
    what it found. Before an upgrade it always runs first. A failed daily backup (disk full, say) must
    not keep the officer from working: it becomes a warning.
    """
    path = Path(path).expanduser().absolute()
    check_later = check_later and defer
    warnings = [warning] if (warning := location_warning(path)) else []
    database = open_database(path, busy_timeout, quick_check=not check_later)
    owner_only(path)
    later = AfterOpening(path, retention, quick_check=check_later)
    if defer:
        return Opened(database, warnings, None, later)
    done = later.run()
    return Opened(database, warnings + done.warnings, done.daily_backup)


def _clean_partials(path: Path) -> None:
    """Partial files that killed or disk-full writes left beside the database, in backups/ and drafts/."""
    from desktop_app.services.backups import backups_folder
    from desktop_app.services.drafts import drafts_folder
    from desktop_app.services.safe_files import clean_partials

    clean_partials(path.parent)
    clean_partials(backups_folder(path), include_old=True)
    clean_partials(drafts_folder(path), include_old=True)


def owner_only(path: Path) -> None:
    """A database copied in from a USB stick or an e-mail may be readable by everyone: make it the owner's.
    Only the others' rights are taken: a file its owner made read-only stays read-only (0444 → 0400)."""
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode
        if mode & 0o077:
            path.chmod(stat.S_IMODE(mode) & 0o700)


def where_data_lives(path: Path, retention: RetentionPolicy = DEFAULT_RETENTION) -> list[str]:
    """Where the records, their backups and unsaved drafts are kept (the CLI's `check` and `where`)."""
    from desktop_app.services.backups import backups_folder
    from desktop_app.services.drafts import drafts_folder

    path = Path(path).expanduser().absolute()
    return [f"Database: {path}",
            f"Backups: {backups_folder(path)} (kept: {retention.describe()})",
            f"Unsaved drafts: {drafts_folder(path)}"]
