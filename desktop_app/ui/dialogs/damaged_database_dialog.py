"""Shown instead of the main window when the database file is damaged or not ours.

It says what is wrong in one sentence, offers the newest backup that passes verification, or another
file. It never writes to the damaged file: a restore keeps the damaged bytes aside in `backups/`.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.errors import UserError
from desktop_app.ui.texts import shown
from desktop_app.ui.translations import format_moment


class Outcome(Enum):
    RESTORED = "restored"  # the latest good backup is now the database: open it
    OPEN_OTHER = "open_other"  # open `other_path` instead
    QUIT = "quit"


class DamagedDatabaseDialog(QDialog):
    def __init__(self, database_path: Path, message: str, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # where used: the usual start names no `Qt` before its paint

        from desktop_app.services import backups  # shown for a damaged file only: the usual start needs none

        super().__init__(parent)
        self.database_path = Path(database_path)
        self.outcome = Outcome.QUIT
        self.other_path: Path | None = None
        self.backup = backups.latest_good_backup(self.database_path)
        self.setWindowTitle(self.tr("The database cannot be opened"))

        headline = QLabel(self.tr("The database cannot be opened."))
        headline.setStyleSheet("font-weight: bold;")
        self.message = QLabel(shown(message))
        self.message.setWordWrap(True)
        where = QLabel(self.tr("File: {0}\nIt has not been changed.").format(self.database_path))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        if self.backup is not None:
            offer = self.tr("The latest good backup is from {0}, with {1} dialogues and {2} people. Restoring it "
                            "keeps the damaged file aside in the backups folder.").format(
                format_moment(self.backup.created), self.backup.dialogues,
                self.backup.people)
        else:
            offer = self.tr("No good backup of this database was found in {0}. Open another file, or a copy you "
                            "kept elsewhere.").format(backups.backups_folder(self.database_path))
        self.offer = QLabel(offer)
        self.offer.setWordWrap(True)

        self.restore_button = QPushButton(self.tr("Restore the latest good backup"))
        self.restore_button.setEnabled(self.backup is not None)
        self.open_button = QPushButton(self.tr("Open another file…"))
        self.quit_button = QPushButton(self.tr("Quit"))
        self.restore_button.clicked.connect(self._restore)
        self.open_button.clicked.connect(self._open_other)
        self.quit_button.clicked.connect(self.reject)
        if self.backup is not None:
            self.restore_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        for widget in (headline, self.message, where, self.offer):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)

    def _restore(self) -> None:
        from desktop_app.services import backups

        if self.backup is None:
            return
        try:
            backups.restore(self.database_path, self.backup.path)
        except UserError as error:
            from PySide6.QtWidgets import QMessageBox  # here: the window's usual start shows none (issue 19)

            QMessageBox.warning(self, self.windowTitle(), shown(error.message))
            return
        self.outcome = Outcome.RESTORED
        self.accept()

    def _open_other(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        kinds = self.tr("Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)")
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open another database"),
                                              str(self.database_path.parent), kinds)
        if name:
            self.other_path = Path(name)
            self.outcome = Outcome.OPEN_OTHER
            self.accept()
