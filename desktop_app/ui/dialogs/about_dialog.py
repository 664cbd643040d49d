"""Help ▸ About: the version, where the records and their backups are kept, and every licence.

Where the data lives is the part officers need most (copying the database to a new laptop, finding
a backup after a crash), so each folder has its own "Show in folder" button.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.db.unit_of_work import Database
from desktop_app.errorlog import log_file
from desktop_app.licences import COMPONENTS, PROGRAM_LICENCE
from desktop_app.services.backups import backups_folder
from desktop_app.ui.icons import app_icon
from desktop_app.ui.preferences import load_preferences


class AboutDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database_path = Path(database.path)
        self.backups_path = backups_folder(self.database_path)
        self.setWindowTitle(self.tr("About Dialogue Register"))

        picture = QLabel()
        picture.setPixmap(app_icon().pixmap(QSize(64, 64)))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel("<h2>Dialogue Register</h2>")
        self.version = QLabel(self.tr("Version %1").replace("%1", __version__))
        description = QLabel(self.tr("A record of drug-policy dialogues, their delegations and participants, "
                                     "for programme officers."))
        description.setWordWrap(True)
        words = QVBoxLayout()
        for widget in (title, self.version, description):
            words.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addLayout(words, 1)

        self.database_label = self._path_label(self.database_path)
        self.backups_label = self._path_label(self.backups_path)
        self.log_label = self._path_label(log_file())
        self.database_button = QPushButton(self.tr("Show in folder"))
        self.database_button.clicked.connect(lambda: self.show_folder(self.database_path.parent))
        self.backups_button = QPushButton(self.tr("Show in folder"))
        self.backups_button.clicked.connect(lambda: self.show_folder(self.backups_path))
        for button in (self.database_button, self.backups_button):
            button.setAutoDefault(False)  # Enter closes the box rather than opening a folder
        if not self.backups_path.is_dir():
            self.backups_button.setEnabled(False)
            self.backups_label.setText(self.tr("%1 (no backups yet)").replace("%1", str(self.backups_path)))
        retention = load_preferences().retention()
        self.kept = QLabel(self.tr("Kept automatically: the newest %1 backups, plus one a month for %2 months.")
                           .replace("%1", str(retention.keep_last)).replace("%2", str(retention.keep_months)))
        self.kept.setWordWrap(True)
        self.kept.setEnabled(False)

        places = QGridLayout()
        places.addWidget(QLabel(self.tr("Database:")), 0, 0)
        places.addWidget(self.database_label, 0, 1)
        places.addWidget(self.database_button, 0, 2)
        places.addWidget(QLabel(self.tr("Backups:")), 1, 0)
        places.addWidget(self.backups_label, 1, 1)
        places.addWidget(self.backups_button, 1, 2)
        places.addWidget(self.kept, 2, 1, 1, 2)
        places.addWidget(QLabel(self.tr("Error log:")), 3, 0)
        places.addWidget(self.log_label, 3, 1, 1, 2)
        places.setColumnStretch(1, 1)
        places_box = QGroupBox(self.tr("Where your data is kept"))
        places_box.setLayout(places)

        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(self._licences_html())
        licences_box = QGroupBox(self.tr("Licences"))
        licences_layout = QVBoxLayout(licences_box)
        licences_layout.addWidget(self.licences)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(places_box)
        layout.addWidget(licences_box, 1)
        layout.addWidget(buttons)
        self.resize(720, 600)

    @staticmethod
    def _path_label(path: Path) -> QLabel:
        label = QLabel(str(path))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy into a message
        label.setWordWrap(True)
        return label

    def _licences_html(self) -> str:
        own = self.tr("Dialogue Register is free software under the %1 licence.").replace("%1", PROGRAM_LICENCE)
        uses = self.tr("It uses these components, each under its own licence (see LICENSES.md):")
        rows = "".join(f"<tr><td><a href='{escape(c.url)}'>{escape(c.name)}</a></td>"
                       f"<td>{escape(c.licence)}</td></tr>" for c in COMPONENTS)
        return (f"<p>{escape(own)}</p><p>{escape(uses)}</p>"
                f"<table cellspacing='0' cellpadding='3'>{rows}</table>")

    def show_folder(self, folder: Path) -> None:
        """Open the folder in the system's file manager; if none answers, say where it is."""
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            from desktop_app.ui import messages

            messages.inform(self, self.tr("The folder is %1.").replace("%1", str(folder)))
