"""Before a bundle is imported: what it would add, update, leave alone, and where it conflicts.

The preview is a dry run of the very import that Import performs (`import_bundle(dry_run=True)`),
so what the officer sees is what will happen; nothing is written until Import is pressed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.services.exchange.importer import KINDS, ImportSummary, Outcome, import_bundle
from desktop_app.ui.texts import shown
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP

ROWS = (
    (Outcome.ADDED, QT_TRANSLATE_NOOP("ImportPreviewDialog", "New")),
    (Outcome.UPDATED, QT_TRANSLATE_NOOP("ImportPreviewDialog", "Merged (their changes added)")),
    (Outcome.UNCHANGED, QT_TRANSLATE_NOOP("ImportPreviewDialog", "Unchanged")),
    (Outcome.KEPT_LOCAL, QT_TRANSLATE_NOOP("ImportPreviewDialog", "Kept (ours already has their changes)")),
    (Outcome.CONFLICT, QT_TRANSLATE_NOOP("ImportPreviewDialog", "Conflicts (edited on both sides)")),
    (Outcome.DELETED, QT_TRANSLATE_NOOP("ImportPreviewDialog", "Deleted (deleted for good by the sender)")),
)
COLUMNS = (QT_TRANSLATE_NOOP("ImportPreviewDialog", "Dialogues"), QT_TRANSLATE_NOOP("ImportPreviewDialog", "People"),
           QT_TRANSLATE_NOOP("ImportPreviewDialog", "Institutions"))
WHAT = {Outcome.CONFLICT: QT_TRANSLATE_NOOP("ImportPreviewDialog", "Conflict"),
        Outcome.UPDATED: QT_TRANSLATE_NOOP("ImportPreviewDialog", "Update"),
        Outcome.ADDED: QT_TRANSLATE_NOOP("ImportPreviewDialog", "New"),
        Outcome.KEPT_LOCAL: QT_TRANSLATE_NOOP("ImportPreviewDialog", "Keep ours"),
        Outcome.DELETED: QT_TRANSLATE_NOOP("ImportPreviewDialog", "Delete")}
# What the import service says of a record and of its kind, in the officer's language.
NOTES = {"in your trash": QT_TRANSLATE_NOOP("ImportPreviewDialog", "in your trash")}
KIND_NAMES = {"dialogue": QT_TRANSLATE_NOOP("ImportPreviewDialog", "dialogue"),
              "person": QT_TRANSLATE_NOOP("ImportPreviewDialog", "person"),
              "institution": QT_TRANSLATE_NOOP("ImportPreviewDialog", "institution")}


class ImportPreviewDialog(QDialog):
    """Shows the dry run of importing `path`; Import applies it, Cancel leaves the database as it is.

    Raises UserError from the constructor when the file is not a valid bundle, so the caller can
    show that sentence instead of an empty preview."""

    imported = Signal(object)  # the ImportSummary of the real import

    def __init__(self, database: Database, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.path = path
        self.preview: ImportSummary = import_bundle(database, path, dry_run=True, limit=_bundle_limit())
        self.result_summary: ImportSummary | None = None
        self.setWindowTitle(self.tr("Import %1").replace("%1", path.name))

        conflicts = self.preview.count(Outcome.CONFLICT)
        self.heading = QLabel(self.tr("Nothing has been written yet. Importing %1 would:").replace("%1", path.name))
        self.counts = QTableWidget(len(ROWS), len(COLUMNS))
        self.counts.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.counts.setVerticalHeaderLabels([self.tr(label) for _, label in ROWS])
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, (outcome, _) in enumerate(ROWS):
            for column, kind in enumerate(KINDS):
                item = QTableWidgetItem(str(self.preview.count(outcome, kind)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.counts.setItem(row, column, item)
        self.counts.setFixedHeight(self.counts.horizontalHeader().height()
                                   + sum(self.counts.rowHeight(i) for i in range(len(ROWS))) + 4)

        self.details = QTreeWidget()
        self.details.setHeaderLabels([self.tr("What"), self.tr("Record"), self.tr("Fields in conflict")])
        self.details.setRootIsDecorated(False)
        # what the import deletes is named too (round 16: the preview left it out, so dialogues
        # deleted for good by the sender disappeared without the officer being told)
        for outcome in (Outcome.CONFLICT, Outcome.DELETED, Outcome.UPDATED, Outcome.ADDED, Outcome.KEPT_LOCAL):
            for o in self.preview.of(outcome):
                if not o.label:  # a merged person gone into the one it was merged into: nothing to name
                    continue
                kind = self.tr(KIND_NAMES[o.kind]) if o.kind in KIND_NAMES else o.kind
                note = self.tr(NOTES[o.note]) if o.note in NOTES else o.note
                label = f"{kind} {o.label}" + (f" ({note})" if note else "")
                QTreeWidgetItem(self.details, [self.tr(WHAT[outcome]), label, ", ".join(o.fields)])
        self.details.resizeColumnToContents(0)
        self.details.setColumnWidth(1, 380)

        self.conflict_note = QLabel(self.tr(
            "%n record(s) were edited both here and by the sender since you last exchanged them. "
            "Ours will not be overwritten: after the import you choose, field by field, what to keep.",
            "", conflicts))
        self.conflict_note.setWordWrap(True)
        self.conflict_note.setVisible(conflicts > 0)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(self.conflict_note)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 520)

    def _import(self) -> None:
        """Off the window's thread with progress; Cancel interrupts SQLite and rolls the import back."""
        from desktop_app.ui.long_work import WorkCancelled, run_with_progress

        database, path = self.database, self.path
        try:
            limit = _bundle_limit()
            self.result_summary = run_with_progress(self, self.tr("Import"), self.tr("Importing %1…")
                                                    .replace("%1", path.name),
                                                    lambda _progress: import_bundle(database, path, limit=limit),
                                                    category="exchange", name="bundle import", writes=True)
        except UserError as error:  # e.g. the file changed or the database is locked: nothing written
            QMessageBox.warning(self, self.tr("Import"), shown(error.message))
            return
        except WorkCancelled:
            QMessageBox.information(self, self.tr("Import"), self.tr("The import was cancelled; nothing was written."))
            return
        self.imported.emit(self.result_summary)
        self.accept()


def _bundle_limit() -> int:
    """The largest bundle the officer lets Import read (Settings)."""
    from desktop_app.ui.preferences import load_preferences

    return load_preferences().bundle_limit()
