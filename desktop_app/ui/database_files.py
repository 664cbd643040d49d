"""The File menu's work: choose, create and open database files, import and export bundles.

Every failure a user can cause (locked, damaged, newer, unreadable file) arrives as a `UserError`
and is shown as one sentence; the window keeps the database it had.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app import __version__
from desktop_app.db.opening import open_database
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.errors import UserError
from desktop_app.errorlog import log_file
from desktop_app.paths import data_dir
from desktop_app.ui import messages

DATABASE_FILTER = "Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)"
BUNDLE_FILTER = "Exchange bundles (*.json);;All files (*)"


def _start_folder() -> str:
    return str(data_dir())


def ask_database_to_open(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Open database", _start_folder(), DATABASE_FILTER)
    return Path(name) if name else None


def ask_new_database(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "New database", _start_folder(), DATABASE_FILTER)
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(".sqlite3")
    if path.exists():
        messages.warn(parent, f"{path.name} already exists; use Open database to open it, "
                              "or choose a new name.")
        return None
    return path


def open_or_explain(parent: QWidget, path: Path) -> Database | None:
    try:
        return open_database(path)
    except UserError as error:
        messages.fail(parent, error.message)
        return None


def import_bundle(parent: QWidget, database: Database) -> bool:
    """True when something was imported (so the lists must be reloaded)."""
    name, _ = QFileDialog.getOpenFileName(parent, "Import bundle", str(Path.home()), BUNDLE_FILTER)
    if not name:
        return False
    from desktop_app.services.exchange.importer import import_bundle as read_bundle  # not needed at start-up

    try:
        summary = read_bundle(database, Path(name))
    except UserError as error:
        messages.fail(parent, error.message)
        return False
    messages.inform(parent, "\n".join(summary.lines()), "Import bundle")
    return True


def export_bundle(parent: QWidget, database: Database, selection: r.DialogueFilter) -> None:
    """Exports what the list shows (its search and filters), so the officer sees what they send."""
    name, _ = QFileDialog.getSaveFileName(parent, "Export bundle", str(Path.home() / "dialogues.json"),
                                          BUNDLE_FILTER)
    if not name:
        return
    target = Path(name)
    if not target.suffix:
        target = target.with_suffix(".json")
    from desktop_app.services.exchange.exporter import export_bundle as write_bundle  # not needed at start-up

    try:
        count = write_bundle(database, target, selection)
    except UserError as error:
        messages.fail(parent, error.message)
        return
    dialogues = "1 dialogue" if count == 1 else f"{count} dialogues"
    messages.inform(parent, f"Exported {dialogues} to {target}.", "Export bundle")


def about_text(database: Database) -> str:
    return (f"Dialogue Register {__version__}\n\n"
            "A record of drug-policy dialogues, their delegations and participants.\n\n"
            f"Database: {database.path}\n"
            f"Data folder: {data_dir()}\n"
            f"Error log: {log_file()}")


def show_data_folder(parent: QWidget) -> None:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        messages.inform(parent, f"The data folder is {folder}.")
