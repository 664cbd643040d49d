"""Edit ▸ Settings…: language, the database opened at start, backup retention, report defaults.

OK saves only when every value is usable; a problem is said in one sentence inside the dialog (no
message box to click away) and nothing is saved. Cancel saves nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFocusEvent, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.paths import expanded, standard_database_path
from desktop_app.ui.officer import LIMIT as OFFICER_LIMIT
from desktop_app.ui.officer import officer_name, set_officer_name
from desktop_app.ui.preferences import (
    BUNDLE_LIMIT_MB_RANGE,
    KEEP_LAST_RANGE,
    KEEP_MONTHS_RANGE,
    Preferences,
    load_preferences,
    save_preferences,
)

DATABASE_SUFFIXES = (".sqlite3", ".sqlite", ".db")


class NumberBox(QSpinBox):
    """A whole number in a range, with what was typed kept as typed. A QSpinBox drops the key that
    leaves its range (20000 MB typed became 2000 MB) and, left with a number out of it (0 backups),
    shows it while keeping the previous value, which OK then saved (round 17). Here a number out of
    range stays in the box, even once it is left, and `typed_out_of_range()` gives it for OK to say."""

    def _number(self, text: str) -> str | None:
        """The digits typed, without the suffix; None when the text is no whole number."""
        core = text.strip()
        suffix = self.suffix().strip()
        if suffix and core.endswith(suffix):
            core = core[:-len(suffix)].strip()
        return core if core.isdigit() else None

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        number = self._number(text)
        if number is not None and not self.minimum() <= int(number) <= self.maximum():
            return QValidator.State.Intermediate, text, position
        return super().validate(text, position)

    def typed_out_of_range(self) -> str | None:
        number = self._number(self.lineEdit().text())
        return number if number is not None and not self.minimum() <= int(number) <= self.maximum() else None

    def focusOutEvent(self, event: QFocusEvent) -> None:
        typed = self.lineEdit().text()
        out_of_range = self.typed_out_of_range()
        super().focusOutEvent(event)  # puts the previous value back in the box
        if out_of_range is not None:
            self.lineEdit().setText(typed)


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, database: Database | None = None) -> None:
        super().__init__(parent)
        self.programme_database = database  # for the Programme page (issue 18): its details live in the database
        self.setWindowTitle(self.tr("Settings"))
        self.saved: Preferences | None = None
        current = load_preferences()

        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("English", "en")  # each language in its own name
        self.language.addItem("Русский", "ru")
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        restart_note = QLabel(self.tr("Language takes effect on restart."))
        restart_note.setEnabled(False)  # greyed: a note, not a field

        self.database = QLineEdit(current.database_path)
        self.database.setPlaceholderText(str(standard_database_path()))
        self.database.setClearButtonEnabled(True)
        self.database.setMinimumWidth(360)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self._browse)
        database_row = QHBoxLayout()
        database_row.addWidget(self.database, 1)
        database_row.addWidget(self.browse_button)
        database_note = QLabel(self.tr("Opened when the program starts; leave empty for the standard place."))
        database_note.setEnabled(False)

        self.keep_last = NumberBox()
        self.keep_last.setRange(*KEEP_LAST_RANGE)
        self.keep_last.setValue(current.keep_last)
        self.keep_last.setSuffix(self.tr(" backups"))
        self.keep_months = NumberBox()
        self.keep_months.setRange(*KEEP_MONTHS_RANGE)
        self.keep_months.setValue(current.keep_months)
        self.keep_months.setSuffix(self.tr(" months"))
        self.keep_months.setSpecialValueText(self.tr("none"))

        self.bundle_limit = NumberBox()
        self.bundle_limit.setRange(*BUNDLE_LIMIT_MB_RANGE)
        self.bundle_limit.setValue(current.bundle_limit_mb)
        self.bundle_limit.setSuffix(self.tr(" MB"))
        self.bundle_limit.setToolTip(self.tr("Import refuses a bundle larger than this before reading it."))

        self.report_format = QComboBox()
        for label, kind in ((self.tr("PDF document (.pdf)"), "pdf"), (self.tr("Word document (.docx)"), "docx"),
                            (self.tr("Excel workbook (.xlsx)"), "xlsx"), (self.tr("Web page (.html)"), "html")):
            self.report_format.addItem(label, kind)
        self.report_format.setCurrentIndex(max(0, self.report_format.findData(current.report_format)))
        self.final_only = QCheckBox(self.tr("Final records only (leave out drafts)"))
        self.final_only.setChecked(current.report_final_only)

        general = QFormLayout()
        self.officer = QLineEdit(officer_name() or "")
        self.officer.setMaxLength(OFFICER_LIMIT)
        self.officer.setToolTip(self.tr("Recorded with every change you make; it travels with the records."))
        general.addRow(self.tr("Your name:"), self.officer)
        general.addRow(self.tr("Language:"), self.language)
        general.addRow("", restart_note)
        general.addRow(self.tr("Database:"), database_row)
        general.addRow("", database_note)
        general.addRow(self.tr("Largest bundle to import:"), self.bundle_limit)
        general_box = QGroupBox(self.tr("General"))
        general_box.setLayout(general)

        retention = QFormLayout()
        retention.addRow(self.tr("Keep the newest:"), self.keep_last)
        retention.addRow(self.tr("Plus one a month for:"), self.keep_months)
        retention_box = QGroupBox(self.tr("Automatic backups"))
        retention_box.setLayout(retention)

        report = QFormLayout()
        report.addRow(self.tr("Format:"), self.report_format)
        report.addRow("", self.final_only)
        report_box = QGroupBox(self.tr("Summary report defaults"))
        report_box.setLayout(report)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for box in (general_box, retention_box, report_box):
            layout.addWidget(box)
        if database is not None:
            self.programme_button = QPushButton(self.tr("&Programme…"))
            self.programme_button.clicked.connect(self.show_programme)
            programme = QHBoxLayout()
            programme_note = QLabel(self.tr("Sender, letterhead, reference numbers and contact for documents; "
                                            "kept in this database."))
            programme_note.setWordWrap(True)
            programme_note.setEnabled(False)
            programme.addWidget(programme_note, 1)
            programme.addWidget(self.programme_button)
            programme_box = QGroupBox(self.tr("Programme"))
            programme_box.setLayout(programme)
            layout.addWidget(programme_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def show_programme(self) -> None:
        from desktop_app.ui.dialogs.programme_dialog import ProgrammeDialog

        assert self.programme_database is not None
        dialog = ProgrammeDialog(self.programme_database, self)
        dialog.exec()
        dialog.deleteLater()

    def preferences(self) -> Preferences:
        """What the fields say now (not yet checked or saved)."""
        return Preferences(language=self.language.currentData(), database_path=self.database.text().strip(),
                           keep_last=self.keep_last.value(), keep_months=self.keep_months.value(),
                           report_format=self.report_format.currentData(),
                           report_final_only=self.final_only.isChecked(),
                           bundle_limit_mb=self.bundle_limit.value())

    def validation_problem(self) -> str | None:
        """One sentence for the first value that cannot be used, or None."""
        text = self.database.text().strip()
        if not text:
            return None
        try:
            path = expanded(text)
        except UserError:
            return self.tr("“%1” names no home folder on this computer: give the full path, or choose "
                           "it with Browse….").replace("%1", text.replace("\\", "/").split("/", 1)[0])
        if not path.is_absolute():
            return self.tr("Give the database location as a full path, or choose it with Browse….")
        if path.is_dir():
            return self.tr("The database location is a folder; add a file name such as dialogues.sqlite3.")
        if path.suffix.lower() not in DATABASE_SUFFIXES:
            return self.tr("The database file name must end in .sqlite3, .sqlite or .db.")
        if not path.parent.is_dir():
            return self.tr("The folder %1 does not exist; create it first or choose another.").replace(
                "%1", str(path.parent))
        return None

    def accept(self) -> None:
        """Every value checked before any is saved, the name too: a refused OK saves nothing, so Cancel
        after it leaves everything as it was."""
        if not self.officer.text().strip() and officer_name() is not None:
            # the name authors every change: cleared, it would have stayed unseen as it was
            self._refuse(self.tr("Give your name; it is recorded with every change you make."), self.officer)
            return
        for box, label in ((self.bundle_limit, self.tr("Largest bundle to import:")),
                           (self.keep_last, self.tr("Keep the newest:")),
                           (self.keep_months, self.tr("Plus one a month for:"))):
            if (typed := box.typed_out_of_range()) is not None:
                self._refuse(self.tr("“%1” takes a number from %2 to %3, not %4.").replace(
                    "%1", label.rstrip(":")).replace("%2", str(box.minimum())).replace(
                    "%3", str(box.maximum())).replace("%4", typed), box)
                return
        problem = self.validation_problem()
        if problem:
            self._refuse(problem, self.database)
            return
        if self.officer.text().strip():
            set_officer_name(self.officer.text())
        self.saved = self.preferences()
        save_preferences(self.saved)
        super().accept()

    def _refuse(self, problem: str, field: QWidget) -> None:
        self.problem.setText(problem)
        self.problem.show()
        field.setFocus()

    def choose_database(self) -> Path | None:
        """Ask for the file; tests replace this to answer without a native file dialog."""
        start = self.database.text().strip() or str(standard_database_path())
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Database opened at start"), start,
            self.tr("Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)  # choosing an existing database is the usual case
        return Path(name) if name else None

    def _browse(self) -> None:
        path = self.choose_database()
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".sqlite3")
        self.database.setText(str(path))
        self.problem.hide()
