"""File ▸ Import bundle and the exports: the officer sees what an import would do before anything is
written, and is led to the conflicts it leaves; an export is what the list shows or just the rows chosen.

The exchange services are imported on first use: the first window does not need them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.db.unit_of_work import Database
from desktop_app.domain import list_records as r  # the list's records only: the rest follow the first paint
from desktop_app.domain.errors import UserError
from desktop_app.ui import messages


def bundle_filter() -> str:
    return QCoreApplication.translate("ExchangeActions", "Exchange bundles (*.json);;All files (*)")


def import_with_preview(parent: QWidget, database: Database, bundle: Path | None = None) -> bool:
    """Choose a bundle (or take `bundle`, given to `gui FILE`), show its dry run, import on the officer's
    word; True when anything was written.

    A bundle that leaves conflicts offers the side-by-side conflict view straight away, since that is
    the officer's next task and the conflicts are easy to forget otherwise."""
    from PySide6.QtWidgets import QFileDialog  # where used: the first window needs none (issue 19)

    from desktop_app.ui.dialogs.import_preview_dialog import ImportPreviewDialog

    title = QCoreApplication.translate("ExchangeActions", "Import bundle")
    if bundle is None:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), bundle_filter())
        if not name:
            return False
        bundle = Path(name)
    try:
        preview = ImportPreviewDialog(database, bundle, parent)
    except UserError as error:
        messages.fail(parent, error.message)
        return False
    preview.exec()
    summary = preview.result_summary
    preview.deleteLater()
    if summary is None:
        return False
    messages.inform(parent, messages.lines(summary.lines()), title)
    question = QCoreApplication.translate(
        "ExchangeActions", "Some records were edited on both sides. Compare them field by field now?")
    from desktop_app.services.exchange.importer import Outcome

    if summary.count(Outcome.CONFLICT) and messages.confirm(parent, question):
        show_conflicts(parent, database)
    return True


def show_conflicts(parent: QWidget, database: Database) -> None:
    from desktop_app.ui.dialogs.conflicts_dialog import ConflictsDialog

    dialog = ConflictsDialog(database, parent)
    dialog.exec()
    dialog.deleteLater()


def export_shown(parent: QWidget, database: Database, selection: r.DialogueFilter) -> Path | None:
    """What the list shows (its search and filters), so the officer sees what they send."""
    from desktop_app.services.exchange.exporter import export_bundle

    title = QCoreApplication.translate("ExchangeActions", "Export bundle")
    return _export(parent, title, "dialogues.json",
                   lambda target: export_bundle(database, target, selection))


def export_selected(parent: QWidget, database: Database, dialogue_ids: list[str]) -> Path | None:
    """The chosen rows only, with the people and institutions they name."""
    if not dialogue_ids:
        messages.warn(parent, QCoreApplication.translate(
            "ExchangeActions", "Select the dialogues to export in the list first."))
        return None
    from desktop_app.services.exchange.exporter import export_dialogues

    title = QCoreApplication.translate("ExchangeActions", "Export selected dialogues")
    return _export(parent, title, "selected-dialogues.json",
                   lambda target: export_dialogues(database, target, dialogue_ids))


def _export(parent: QWidget, title: str, default_name: str, write: Callable[[Path], int]) -> Path | None:
    """Ask where, write the bundle atomically (the service does), say how many dialogues went."""
    from PySide6.QtWidgets import QFileDialog  # where used: the first window needs none (issue 19)

    from desktop_app.ui.save_names import may_write

    name, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / default_name), bundle_filter())
    if not name:
        return None
    chosen = Path(name)
    target = chosen if chosen.suffix else chosen.with_suffix(".json")
    if not may_write(parent, chosen, target, title):  # the file dialog asked about `chosen` only
        return None
    try:
        count = write(target)
    except UserError as error:
        messages.fail(parent, error.message)
        return None
    # lupdate does not see plural forms in translate(): the number stands apart from the words instead
    done = (QCoreApplication.translate("ExchangeActions", "Exported 1 dialogue to %1.").replace("%1", str(target))
            if count == 1 else QCoreApplication.translate("ExchangeActions", "Exported %1 dialogues to %2.")
            .replace("%1", str(count)).replace("%2", str(target)))
    messages.inform(parent, done, title)
    return target
