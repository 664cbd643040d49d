"""The File menu's database files: choose, create and open them (bundles: `exchange_actions`).

Every failure a user can cause (locked, damaged, newer, unreadable file, open in another window) is
shown as one sentence; the window keeps the database it had. Opening goes through `open_for_window`,
the window's side of the one open path (docs/opening.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import DatabaseCorrupt, UserError
from desktop_app.logs import logger
from desktop_app.paths import data_dir
from desktop_app.services.retention import DEFAULT_RETENTION, RetentionPolicy
from desktop_app.services.startup import AfterOpening, Opened, open_for_work
from desktop_app.ui import messages
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.window_claim import DatabaseClaim

DATABASE_FILTER = QT_TRANSLATE_NOOP(
    "DatabaseFiles", "Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)")


def _tr(text: str) -> str:
    """For the filters above; literal strings are wrapped where they are written, for lupdate."""
    return QCoreApplication.translate("DatabaseFiles", text)


def _start_folder() -> str:
    return str(data_dir())


def ask_database_to_open(parent: QWidget) -> Path | None:
    from PySide6.QtWidgets import QFileDialog  # where used: the first window needs none (issue 19)

    name, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("DatabaseFiles", "Open database"),
                                          _start_folder(), _tr(DATABASE_FILTER))
    return Path(name) if name else None


def ask_new_database(parent: QWidget) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("DatabaseFiles", "New database"),
                                          _start_folder(), _tr(DATABASE_FILTER))
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(".sqlite3")
    if path.exists():
        messages.warn(parent, QCoreApplication.translate(
            "DatabaseFiles", "%1 already exists; use Open database to open it, or choose a new name.")
            .replace("%1", path.name))
        return None
    return path


class WindowOpened(NamedTuple):
    database: Database
    claim: DatabaseClaim
    later: AfterOpening | None  # quick_check and daily backup: MainWindow runs them after its first paint


def open_for_window(parent: QWidget | None, path: Path, claim: DatabaseClaim | None = None,
                    retention: RetentionPolicy | None = None) -> WindowOpened | None:
    """The window's one way to open a database: at start, File ▸ Open / New / Recent, after a restore.

    It claims the database for this window (one window per database; `claim` when already held), then
    runs the one open path (`services.startup.open_for_work`: checks, upgrade, owner-only permissions,
    daily backup, cloud-folder warning) with the rescue dialog for a damaged file, and shows the warnings.
    The quick_check and the daily backup are deferred (`later`): the window runs them in the background
    after its first paint (MainWindow.after_opening), so neither stands between the officer and the list.
    None, with the reason said in one sentence, when it cannot be opened; the caller keeps what it had.
    """
    from desktop_app.ui.preferences import load_preferences

    path = Path(path).expanduser().absolute()
    retention = retention or load_preferences().retention()
    given = claim
    claim = claim if claim is not None else _claimed(parent, path)
    if claim is None:
        return None
    opened = open_or_rescue(path, parent, retention=retention, defer=True)
    if opened is None:
        if claim is not given:  # a claim handed in stays with its holder
            claim.release()
        return None
    if opened.database.path != claim.database_path:  # the rescue dialog opened another file instead
        claim.release()
        if (claim := _claimed(parent, opened.database.path)) is None:
            opened.database.close()
            return None
    for warning in opened.warnings:  # a cloud or network folder, a daily backup that failed
        messages.warn(parent, warning)
    logger("ui").info("window opened %s (check and daily backup after the first paint)", opened.database.path.name)
    return WindowOpened(opened.database, claim, opened.later)


def _claimed(parent: QWidget | None, path: Path) -> DatabaseClaim | None:
    claim = DatabaseClaim(path)
    if claim.try_claim():
        return claim
    messages.warn(parent, claim.holder())
    return None


def show_data_folder(parent: QWidget) -> None:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        messages.inform(parent, QCoreApplication.translate("DatabaseFiles", "The data folder is %1.")
                        .replace("%1", str(folder)))


def open_or_rescue(path: Path, parent: QWidget | None = None,
                   retention: RetentionPolicy = DEFAULT_RETENTION, defer: bool = False) -> Opened | None:
    """Open the database for the window; if it is damaged, let the officer restore or pick another file.
    `defer`: the quick_check and the daily backup are left in `Opened.later` (services.startup).

    Returns the `Opened` database (with its warnings to show) or None if the officer quits. Any other
    problem (locked, newer version, unreadable folder) is shown in one sentence and also ends in None.
    """
    path = Path(path)
    while True:
        try:
            return open_for_work(path, retention=retention, defer=defer, check_later=defer)
        except DatabaseCorrupt as error:
            # the dialog's module only for a damaged file: the usual start builds no dialog (issue 19)
            from desktop_app.ui.dialogs.damaged_database_dialog import DamagedDatabaseDialog, Outcome

            dialog = DamagedDatabaseDialog(path, error.message, parent)
            dialog.exec()
            if dialog.outcome is Outcome.QUIT:
                return None
            if dialog.outcome is Outcome.OPEN_OTHER and dialog.other_path is not None:
                path = dialog.other_path
        except UserError as error:
            messages.fail(parent, error.message)
            return None
