"""The dialogue form's protocol work (issue 18): attendance after the meeting, and the documents.

- Dialogue ▸ Mark all confirmed as attended; Dialogue ▸ Attendance from the signed sheet… (tick who
  signed: one pass sets attended or absent for everyone expected).
- Documents ▸ Note Verbale…, Sign-in sheet…, Participant list…: made from the saved record (the form
  offers to save first), in English or Russian, as PDF or Word.

The scanned signed sheet will be attached to the record when attachments come (a later issue): the
signed-sheet dialog is where that file will be chosen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import ParticipationStatus, Side
from desktop_app.domain.errors import UserError
from desktop_app.domain.protocol import EXPECTED
from desktop_app.domain.records import Dialogue
from desktop_app.services.documents.content import default_reply_by, reply_by_problem
from desktop_app.ui.save_names import may_write
from desktop_app.ui.texts import shown
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.translations import ui_language
from desktop_app.ui.widgets.date_fields import DateField
from desktop_app.ui.widgets.party_choices import party_label

if TYPE_CHECKING:
    from desktop_app.ui.forms.dialogue_editor import DialogueEditor

KIND_TITLES = {"note-verbale": QT_TRANSLATE_NOOP("DocumentDialog", "Note Verbale"),
               "sign-in-sheet": QT_TRANSLATE_NOOP("DocumentDialog", "Sign-in sheet"),
               "participant-list": QT_TRANSLATE_NOOP("DocumentDialog", "Participant list")}


class SignedSheetDialog(QDialog):
    """Tick who signed the sheet; OK marks them attended and every other expected person absent."""

    def __init__(self, dialogue: Dialogue, name_of, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attendance from the signed sheet"))
        self.ids: list[str] = []
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Signed"), self.tr("Name"), self.tr("Delegation")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        for delegation in dialogue.delegations:
            for participant in delegation.participants:
                if participant.status not in EXPECTED and participant.status is not ParticipationStatus.ABSENT:
                    continue  # withdrawn before the meeting: not on the sheet
                row = self.table.rowCount()
                self.table.insertRow(row)
                check = QTableWidgetItem()
                check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                               | Qt.ItemFlag.ItemIsUserCheckable)
                attended = participant.status is ParticipationStatus.ATTENDED
                check.setCheckState(Qt.CheckState.Checked if attended else Qt.CheckState.Unchecked)
                self.table.setItem(row, 0, check)
                self.table.setItem(row, 1, QTableWidgetItem(name_of(participant.person_id)))
                self.table.setItem(row, 2, QTableWidgetItem(party_label(delegation.party)))
                self.ids.append(participant.id)
        self.table.resizeColumnsToContents()
        hint = QLabel(self.tr("Space ticks the selected person. Those not ticked are marked absent."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)
        if self.ids:
            self.table.setCurrentCell(0, 0)
        self.table.setFocus()

    def keyPressEvent(self, event) -> None:
        """Space (in the table or anywhere in the dialog) ticks or unticks the selected person."""
        if event.key() == Qt.Key.Key_Space and self.table.currentRow() >= 0:
            self.toggle(self.table.currentRow())
            return
        super().keyPressEvent(event)

    def toggle(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is None:
            return
        item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                           else Qt.CheckState.Checked)

    def signed(self) -> set[str]:
        return {pid for row, pid in enumerate(self.ids)
                if (item := self.table.item(row, 0)) is not None and item.checkState() == Qt.CheckState.Checked}


class DocumentDialog(QDialog):
    """What the document needs: its language, the file, and for a Note Verbale the party and reply-by date."""

    def __init__(self, kind: str, dialogue: Dialogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.starts = dialogue.start_date
        self.setWindowTitle(self.tr(KIND_TITLES[kind]))
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("Русский", "ru")
        self.language.setCurrentIndex(1 if ui_language() == "ru" else 0)
        form.addRow(self.tr("&Language"), self.language)
        self.party = QComboBox(self)
        # typed as in the form's date fields (round 17: a QDateEdit kept its own date when 13.12.2023
        # was typed, and the Note Verbale asked for a reply by that other date)
        self.reply_by = DateField(self)
        if kind == "note-verbale":
            partners = sorted(dialogue.delegations, key=lambda d: d.side is not Side.PARTNER)
            for delegation in partners:
                self.party.addItem(party_label(delegation.party), delegation.party.code or delegation.party.name)
            self.reply_by.set_value(default_reply_by(dialogue.start_date, date.today()))
            form.addRow(self.tr("&Invited party"), self.party)
            form.addRow(self.tr("&Reply by"), self.reply_by)
        else:
            self.party.hide()
            self.reply_by.hide()
        self.format = QComboBox(self)
        for label, extension in (("PDF", "pdf"), ("Word (.docx)", "docx")):  # the same in every language
            self.format.addItem(label, extension)
        form.addRow(self.tr("F&ormat"), self.format)  # Alt+F is the file (round 17: both were Alt+F)
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("&Browse…"), self)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        file_label = QLabel(self.tr("&File"), self)
        file_label.setBuddy(self.path)  # Alt+F goes to the file name (the row holds a layout, not a field)
        form.addRow(file_label, where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Write"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel(self)  # why Write cannot go on, in one sentence
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        safe_title = "".join(c if c.isalnum() or c in " -_" else "_" for c in dialogue.title).strip() or "dialogue"
        self._stem = f"{kind} - {safe_title}"
        self._suggested = ""  # the name the dialog made; a name the officer typed is never replaced
        self.confirmed: Path | None = None  # the file the save dialog asked "replace?" about
        self.format.currentIndexChanged.connect(self._suffix)
        self.party.currentIndexChanged.connect(self._suffix)
        self.path.textEdited.connect(self._typed)
        browse.clicked.connect(self._browse)
        self._suffix()

    def _suffix(self) -> None:
        """The file's name for the chosen format and party. The suggested name follows both; a name the
        officer typed or browsed to keeps its words and only takes the format's extension (round 17:
        picking Word after typing "signatures.pdf" replaced it with "sign-in-sheet - <title>.docx")."""
        current = Path(self.path.text().strip() or str(Path.home() / self._stem))
        extension = self.format.currentData()
        if self.path.text() == self._suggested or not self.path.text().strip():
            party = f" - {self.party.currentData()}" if self.kind == "note-verbale" and self.party.count() else ""
            self._suggested = str(current.parent / f"{self._stem}{party}.{extension}")
            self.path.setText(self._suggested)
            return
        if current.suffix.lower().lstrip(".") != extension:
            self.path.setText(str(_with_extension(current, extension)))

    def _typed(self, text: str) -> None:
        """A name typed with .pdf or .docx chooses that format (the file is written as its name says)."""
        index = self.format.findData(Path(text.strip()).suffix.lower().lstrip("."))
        if index >= 0 and index != self.format.currentIndex():
            self.format.blockSignals(True)
            self.format.setCurrentIndex(index)
            self.format.blockSignals(False)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Write the document to"), self.path.text(),
                                              self.tr("PDF or Word (*.pdf *.docx)"))
        if name:
            self.confirmed = Path(name)
            self.path.setText(name)
            self._typed(name)

    def target(self) -> Path:
        """The file to write: the name given, with the chosen format's extension when it has neither
        .pdf nor .docx ("sheet" is written as "sheet.pdf", as the Report dialog does with "q3")."""
        given = Path(self.path.text().strip())
        if not self.path.text().strip() or given.suffix.lower().lstrip(".") in ("pdf", "docx"):
            return given
        return _with_extension(given, self.format.currentData())

    def reply_by_problem(self) -> str | None:
        """Why the reply-by date cannot go into the Note Verbale: not a date, none given, or one the
        note cannot ask for (on or after the meeting's start, before the note is issued today)."""
        if self.kind != "note-verbale":
            return None
        if (problem := self.reply_by.problem()) is not None:
            return shown(problem)
        if (value := self.reply_by.value()) is None:
            return self.tr("Give the date the reply is asked by.")
        refused = reply_by_problem(value, self.starts, date.today())
        return shown(refused) if refused is not None else None

    def accept(self) -> None:
        """Write only with the reply-by date as typed: one that cannot be read is said, the dialog stays."""
        problem = self.reply_by_problem()
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            self.reply_by.setFocus()
            return
        super().accept()

    def request(self) -> dict[str, object]:
        return {"language": self.language.currentData(), "target": self.target(),
                "party": self.party.currentData() if self.kind == "note-verbale" else None,
                "reply_by": self.reply_by.value() if self.kind == "note-verbale" else None}


def _with_extension(path: Path, extension: str) -> Path:
    """`path` ending in `.extension`: a .pdf or .docx replaced, any other ending kept ("minutes.v2")."""
    if path.suffix.lower() in (".pdf", ".docx"):
        return path.with_suffix(f".{extension}")
    return path.with_name(f"{path.name}.{extension}")


def write_from_form(editor: DialogueEditor, kind: str, request: dict[str, object]) -> Path | None:
    """Build and write the document from the saved record; a problem is said in one sentence."""
    from desktop_app.services.documents import build_document, load_record, write_document

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        record = load_record(editor.database, editor._base.id)
        document = build_document(record, kind, str(request["language"]), request["party"],  # type: ignore[arg-type]
                                  request["reply_by"])  # type: ignore[arg-type]
        written = write_document(document, request["target"])  # type: ignore[arg-type]
    except UserError as error:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(editor, QCoreApplication.translate("DialogueEditor", "Document not written"),
                            shown(error.message))
        return None
    QApplication.restoreOverrideCursor()
    message = QCoreApplication.translate("DialogueEditor", "Written to %1")
    editor.statusBar().showMessage(message.replace("%1", str(written)), 10000)
    return written


def make_document(editor: DialogueEditor, kind: str) -> Path | None:
    if editor.is_modified() or editor._base.revision == 0:
        answer = QMessageBox.question(
            editor, QCoreApplication.translate("DialogueEditor", "Save first"),
            QCoreApplication.translate("DialogueEditor",
                                       "Documents are made from the saved dialogue. Save your changes now?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer != QMessageBox.StandardButton.Save or not editor.save():
            return None
    dialog = DocumentDialog(kind, editor._base, editor)
    if kind == "note-verbale" and dialog.party.count() == 0:
        QMessageBox.information(
            editor, QCoreApplication.translate("DialogueEditor", "No delegation"),
            QCoreApplication.translate("DialogueEditor",
                                       "A Note Verbale invites a delegation: add the partner's delegation first."))
        return None
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    request = dialog.request()
    target = request["target"]
    assert isinstance(target, Path)
    # a file of that name is replaced only when the save dialog asked about it or the officer agrees
    # (round 17: a typed or suggested name over an existing file replaced it without a word)
    if target.name and not may_write(editor, dialog.confirmed or Path(), target, dialog.windowTitle()):
        return None
    return write_from_form(editor, kind, request)


def signed_sheet(editor: DialogueEditor) -> None:
    dialog = SignedSheetDialog(editor.record(), editor.people.name, editor)
    if not dialog.ids:
        QMessageBox.information(
            editor, QCoreApplication.translate("DialogueEditor", "Nobody expected"),
            QCoreApplication.translate("DialogueEditor", "No participant is invited, confirmed or attended yet."))
        return
    if dialog.exec() == QDialog.DialogCode.Accepted:
        editor.delegations.apply_signatures(dialog.signed())


def add_protocol_menus(editor: DialogueEditor, dialogue_menu: QMenu) -> None:
    def action(text: str, slot, shortcut: str | None = None) -> QAction:
        """A window action that, like the form's own (`DialogueEditor._action`), first takes in the
        cell being typed: Ctrl+Shift+S listed the name a cell was replacing (round 15)."""
        made = QAction(text, editor)
        if shortcut:
            made.setShortcut(shortcut)
        made.triggered.connect(editor.commit_open_editor)
        made.triggered.connect(slot)
        editor.addAction(made)
        return made

    translate = QCoreApplication.translate
    dialogue_menu.addSeparator()
    mark = action(translate("DialogueEditor", "Mar&k all confirmed as attended"),
                  editor.delegations.mark_confirmed_attended)
    signed = action(translate("DialogueEditor", "Attendance from the &signed sheet…"),
                    lambda: signed_sheet(editor), "Ctrl+Shift+S")
    dialogue_menu.addActions([mark, signed])
    documents = editor.menuBar().addMenu(QCoreApplication.translate("DialogueEditor", "D&ocuments"))
    made = {
        "note-verbale": action(QCoreApplication.translate("DialogueEditor", "&Note Verbale…"),
                               lambda: make_document(editor, "note-verbale")),
        "sign-in-sheet": action(QCoreApplication.translate("DialogueEditor", "&Sign-in sheet…"),
                                lambda: make_document(editor, "sign-in-sheet")),
        "participant-list": action(QCoreApplication.translate("DialogueEditor", "&Participant list…"),
                                   lambda: make_document(editor, "participant-list")),
    }
    documents.addActions(list(made.values()))
    editor.mark_attended_action, editor.signed_sheet_action = mark, signed  # type: ignore[attr-defined]
    editor.document_actions = made  # type: ignore[attr-defined]
