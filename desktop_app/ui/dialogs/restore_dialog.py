"""File → Restore from backup…: the backups with their dates and record counts; restore the chosen one.

The dialog never holds the database open: the caller passes `release` (close its Database) and
`reopen` (open it again), called around the restore so no window of ours is writing during the swap.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text, counted
from desktop_app.services import backups
from desktop_app.ui.preferences import load_preferences
from desktop_app.ui.texts import shown
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.translations import format_moment

REASONS = {"daily": QT_TRANSLATE_NOOP("RestoreDialog", "Automatic (daily)"),
           "manual": QT_TRANSLATE_NOOP("RestoreDialog", "Backed up by hand"),
           "before-restore": QT_TRANSLATE_NOOP("RestoreDialog", "Before a restore"),
           "damaged": QT_TRANSLATE_NOOP("RestoreDialog", "Damaged file set aside")}


def reason_label(reason: str, info: backups.BackupInfo | None = None) -> str:
    """The kind of copy; with `info`, also whether it is kept apart from the daily rotation (issue 21)
    and whether it is dated in the future (taken while the computer's clock was wrong)."""
    if reason.startswith("before-upgrade"):
        label = QCoreApplication.translate("RestoreDialog", "Before an upgrade")
    else:
        label = QCoreApplication.translate("RestoreDialog", REASONS[reason]) if reason in REASONS else reason
    if info is None:
        return label
    if info.kept_apart:
        label = QCoreApplication.translate("RestoreDialog", "{0}, kept apart from the daily rotation").format(label)
    if info.in_future():
        label = QCoreApplication.translate("RestoreDialog", "{0}, dated in the future (the clock was wrong)"
                                           ).format(label)
    return label


class RestoreDialog(QDialog):
    def __init__(self, database_path: Path, parent: QWidget | None = None,
                 release: Callable[[], None] | None = None, reopen: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.database_path = Path(database_path)
        self.release = release or (lambda: None)
        self.reopen = reopen or (lambda: None)
        self.restored: backups.BackupInfo | None = None
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(720, 420)

        intro = QLabel(self.tr("Choose the backup to go back to. The database as it is now is kept as a "
                               "backup first, so a restore can itself be undone.\nBackups are kept in {folder}.")
                       .format(folder=backups.backups_folder(self.database_path)))
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Dialogues"),
                                              self.tr("People"), self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("There are no backups of this database yet."))

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("Restore selected…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.other_button = buttons.addButton(self.tr("Restore from a file…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button = buttons.addButton(self.tr("Back up now"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.restore_button.clicked.connect(self._restore_selected)
        self.other_button.clicked.connect(self._restore_other)
        self.backup_button.clicked.connect(self._back_up_now)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self._restore_selected())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.entries = backups.list_backups(self.database_path)
        self.table.setRowCount(len(self.entries))
        for row, info in enumerate(self.entries):
            cells = [format_moment(info.created), reason_label(info.reason, info),
                     "" if info.dialogues is None else str(info.dialogues),
                     "" if info.people is None else str(info.people),
                     self.tr("Can be restored") if info.usable else self.tr("Cannot be restored: {0}").format(
                         shown(info.problem or ""))]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.entries)
        self.table.setVisible(bool(self.entries))
        first_usable = next((row for row, info in enumerate(self.entries)  # a wrong clock's copy is not "latest"
                             if info.usable and not info.in_future()), None)
        if first_usable is not None:
            self.table.selectRow(first_usable)
        self._update_buttons()

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.usable)

    def _restore_selected(self) -> None:
        info = self.selected()
        if info is not None and info.usable:
            label = Text("%1 (%2): %3 dialogues, %4 people", format_moment(info.created), reason_label(info.reason),
                         info.dialogues, info.people)  # the service's wording, with the date and reason shown here
            self.restore_file(info.path, shown(label))

    def _restore_other(self) -> None:
        kinds = self.tr("Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)")
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a file"), str(self.database_path.parent),
                                              kinds)
        if name:
            self.restore_file(Path(name), Path(name).name)

    def restore_file(self, path: Path, label: str) -> bool:
        """Confirm, then restore; one sentence on failure, with the database left as it was."""
        answer = QMessageBox.question(
            self, self.tr("Restore from backup"),
            self.tr("Replace the database with the backup of {0}?\nThe database as it is now is kept as a "
                    "backup first.").format(label))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.release()
        try:
            self.restored = backups.restore(self.database_path, path, retention=load_preferences().retention())
        except UserError as error:
            QMessageBox.warning(self, self.tr("Restore from backup"), shown(error.message))
            return False
        finally:
            self.reopen()
        # each count agrees with its noun ("1 dialogue", round 18: "Restored: 1 dialogues"); counts the
        # backup's check could not read are not said ("None dialogues"), as on the command line
        dialogues, people = self.restored.dialogues, self.restored.people
        QMessageBox.information(self, self.tr("Restore from backup"), shown(
            Text("Restored the database.") if dialogues is None or people is None else
            Text("Restored: %1 and %2.", counted(dialogues, "dialogue"), counted(people, "person", "people"))))
        self.accept()
        return True

    def _back_up_now(self) -> None:
        try:
            target = backups.back_up(self.database_path, "manual", retention=load_preferences().retention())
        except UserError as error:
            QMessageBox.warning(self, self.tr("Back up now"), shown(error.message))
            return
        self.refresh()
        QMessageBox.information(self, self.tr("Back up now"), self.tr("Backup written to {0}.").format(target))


def back_up_now(parent: QWidget | None, database_path: Path) -> Path | None:
    """File → Back up now: one consistent copy into the backups folder, and say where it went."""
    from desktop_app.ui.long_work import WorkCancelled, run_with_progress

    title = QCoreApplication.translate("RestoreDialog", "Back up now")
    retention = load_preferences().retention()
    try:  # off the window's thread; Cancel stops waiting (a copy half-made is never kept)
        target = run_with_progress(parent, title, QCoreApplication.translate("RestoreDialog", "Writing the backup…"),
                                   lambda _progress: backups.back_up(Path(database_path), "manual",
                                                                     retention=retention),
                                   category="db", name="backup")
    except UserError as error:
        QMessageBox.warning(parent, title, shown(error.message))
        return None
    except WorkCancelled:
        return None
    QMessageBox.information(parent, QCoreApplication.translate("RestoreDialog", "Back up now"),
                            QCoreApplication.translate("RestoreDialog", "Backup written to {0}.").format(target))
    return target
