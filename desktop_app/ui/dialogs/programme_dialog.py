"""Settings ▸ Programme…: who the documents come from (issue 18).

The programme's name, the sender of its Notes Verbales, the letterhead, the reference-number pattern,
the contact lines, the disclaimer and a logo. They are stored in the database (every officer working
on the same file prints the same letterhead), not in this computer's settings. Nothing of the EU's
emblem is shipped: a logo is an image the officer chooses.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.db.repositories.programme import ProgrammeRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.domain.programme import ProgrammeDetails
from desktop_app.ui.texts import shown

MAX_LOGO_BYTES = 2_000_000
EXAMPLE_REFERENCE = "CADAP/{year}/{party}/{number}"  # the same in every language
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def logo_type(data: bytes) -> str | None:
    """"image/png" or "image/jpeg" when the bytes are one (by their signature), else None."""
    return next((kind for signature, kind in LOGO_TYPES.items() if data.startswith(signature)), None)


class ProgrammeDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Programme"))
        self.repository = ProgrammeRepository(database)
        current = self.repository.get()
        self.logo: bytes | None = current.logo
        self.logo_kind: str | None = current.logo_type

        self.name = QLineEdit(current.name)
        self.name.setPlaceholderText(self.tr("e.g. Central Asia Drug Action Programme (CADAP 7)"))
        self.sender_text = QPlainTextEdit(current.sender)
        self.sender_text.setPlaceholderText(self.tr("The Delegation of the European Union to …\n"
                                               "Представительство Европейского Союза в …"))
        self.sender_text.setToolTip(self.tr("Who presents its compliments in a Note Verbale: one line per language "
                                       "(English, Russian); the one in the document's language is used."))
        self.letterhead = QPlainTextEdit(current.letterhead)
        self.letterhead.setToolTip(self.tr("Printed at the head of documents, one line per line. The last line is "
                                           "the place the notes are issued from, e.g. “Astana / Астана”."))
        self.reference = QLineEdit(current.reference_pattern)
        self.reference.setPlaceholderText(EXAMPLE_REFERENCE)
        self.reference.setToolTip(self.tr("{year}, {party} and {date} are filled in; {number} is left blank "
                                          "for the registry. Empty: no reference number."))
        self.contact = QPlainTextEdit(current.contact)
        self.contact.setToolTip(self.tr("For replies: name, e-mail, telephone, one per line."))
        self.disclaimer = QLineEdit(current.disclaimer)
        for edit in (self.sender_text, self.letterhead, self.contact):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
        self.logo_preview = QLabel()
        self.logo_preview.setMinimumSize(120, 60)
        self.choose_logo_button = QPushButton(self.tr("Choose &logo…"))
        self.remove_logo_button = QPushButton(self.tr("&Remove logo"))
        self.choose_logo_button.clicked.connect(self._choose_logo)
        self.remove_logo_button.clicked.connect(self._remove_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(self.remove_logo_button)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Sender:"), self.sender_text)
        form.addRow(self.tr("&Letterhead:"), self.letterhead)
        form.addRow(self.tr("&Reference pattern:"), self.reference)
        form.addRow(self.tr("&Contact:"), self.contact)
        form.addRow(self.tr("&Disclaimer:"), self.disclaimer)
        form.addRow(self.tr("Logo:"), logo_row)
        note = QLabel(self.tr("Stored in the database: everyone working on this file prints the same. "
                              "No emblem is shipped with the program."))
        note.setWordWrap(True)
        note.setEnabled(False)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self._show_logo()

    def details(self) -> ProgrammeDetails:
        return ProgrammeDetails(
            name=self.name.text().strip(), sender=self.sender_text.toPlainText().strip(),
            letterhead=self.letterhead.toPlainText().strip(), reference_pattern=self.reference.text().strip(),
            contact=self.contact.toPlainText().strip(), disclaimer=self.disclaimer.text().strip(),
            logo=self.logo, logo_type=self.logo_kind if self.logo else None)

    def choose_logo_file(self) -> Path | None:
        """Ask for the image; tests replace this to answer without a native file dialog."""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        return Path(name) if name else None

    def use_logo(self, path: Path) -> bool:
        """Take the image at `path`; a file that is not a PNG or JPEG (or too big) is refused in one sentence."""
        try:
            data = path.read_bytes()
        except OSError as error:
            return self._say(self.tr("The logo cannot be read (%1).").replace("%1", error.strerror or str(error)))
        kind = logo_type(data)
        if kind is None or QImage.fromData(data).isNull():
            return self._say(self.tr("The logo must be a PNG or JPEG image."))
        if len(data) > MAX_LOGO_BYTES:
            return self._say(self.tr("The logo is larger than 2 MB; choose a smaller image."))
        self.logo, self.logo_kind = data, kind
        self.problem.hide()
        self._show_logo()
        return True

    def _say(self, message: str) -> bool:
        self.problem.setText(message)
        self.problem.show()
        return False

    def _choose_logo(self) -> None:
        path = self.choose_logo_file()
        if path is not None:
            self.use_logo(path)

    def _remove_logo(self) -> None:
        self.logo, self.logo_kind = None, None
        self._show_logo()

    def _show_logo(self) -> None:
        self.remove_logo_button.setEnabled(self.logo is not None)
        if not self.logo:
            self.logo_preview.setText(self.tr("(none)"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(self.logo)
        self.logo_preview.setPixmap(pixmap.scaled(160, 60, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))

    def accept(self) -> None:
        try:
            self.repository.save(self.details())
        except UserError as error:
            self._say(shown(error.message))
            return
        super().accept()
