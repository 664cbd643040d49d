"""The registration-list wizard: choose a file, see the sheet, map its columns, check every row, then
import all rows or none into a dialogue.

The wizard only lays out widgets and calls `services.registration.lists`; every rule lives there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import RecordNotFound, UserError
from desktop_app.domain.records import Dialogue, Party
from desktop_app.domain.reference import central_asia, organisations, party_name
from desktop_app.services.registration.checking import ListCheck
from desktop_app.services.registration.columns import Field, Mapping, check_mapping
from desktop_app.services.registration.lists import OpenedList, check_opened, corrected, open_list
from desktop_app.services.registration.reading import Sheet
from desktop_app.services.registration.writing import ImportSummary, import_list
from desktop_app.ui.texts import shown
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.translations import format_date, local_country_name, sorted_countries, ui_language

PREVIEW_ROWS = 40
DIALOGUE_CHOICES = 500  # the newest dialogues offered on the first page (the one chosen is always there)
FIELD_LABELS = {
    Field.NAME: QT_TRANSLATE_NOOP("MappingPage", "Full name"),
    Field.GIVEN_NAME: QT_TRANSLATE_NOOP("MappingPage", "Given name"),
    Field.FAMILY_NAME: QT_TRANSLATE_NOOP("MappingPage", "Family name"),
    Field.PATRONYMIC: QT_TRANSLATE_NOOP("MappingPage", "Patronymic"),
    Field.POSITION: QT_TRANSLATE_NOOP("MappingPage", "Position"),
    Field.INSTITUTION: QT_TRANSLATE_NOOP("MappingPage", "Institution"),
    Field.COUNTRY: QT_TRANSLATE_NOOP("MappingPage", "Country or organisation"),
    Field.SEX: QT_TRANSLATE_NOOP("MappingPage", "Sex"),
    Field.EMAIL: QT_TRANSLATE_NOOP("MappingPage", "E-mail"), Field.ROLE: QT_TRANSLATE_NOOP("MappingPage", "Role"),
}


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def _show_error(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))


def _table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _typed_path(text: str) -> str:
    """The path typed or pasted, without the double quotes Windows Explorer's "Copy as path" puts
    around it (round 16: they were taken as part of the file's name)."""
    text = text.strip()
    return text[1:-1].strip() if len(text) >= 2 and text[0] == text[-1] == '"' else text


class FilePage(QWizardPage):
    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the registration list"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx) or a CSV file; the first sheet is read."))
        self.dialogue = QComboBox()
        repository = DialogueRepository(wizard.database)
        for row in repository.page(limit=DIALOGUE_CHOICES).rows:
            self.dialogue.addItem(f"{format_date(row.start_date)} — {row.title}", row.id)
        if wizard.dialogue_id is not None:
            if self.dialogue.findData(wizard.dialogue_id) < 0:  # older than those offered: offered first
                # (round 16: the newest was chosen instead, and the list went into another meeting)
                try:
                    chosen: Dialogue | None = repository.get(wizard.dialogue_id)
                except RecordNotFound:
                    chosen = None
                if chosen is not None and chosen.deleted_at is None:
                    self.dialogue.insertItem(0, f"{format_date(chosen.start_date)} — {chosen.title}", chosen.id)
            # gone or in the trash since: none chosen, the officer chooses (Next waits for it)
            self.dialogue.setCurrentIndex(self.dialogue.findData(wizard.dialogue_id))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Path of the list"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        self.error = _error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Dialogue:"), self.dialogue)
        form.addRow(self.tr("List:"), path_row)
        form.addRow(self.error)
        self.path.textChanged.connect(self.completeChanged)
        self.path.textChanged.connect(lambda: _show_error(self.error, ""))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Registration list"), "",
                                              self.tr("Registration lists (*.xlsx *.csv *.txt)"))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and self.dialogue.currentData() is not None

    def validatePage(self) -> bool:
        try:
            fresh = open_list(Path(_typed_path(self.path.text())))
            dialogue = DialogueRepository(self.owner.database).get(self.dialogue.currentData())
        except UserError as error:
            _show_error(self.error, shown(error.message))
            return False
        previous = self.owner.opened
        if previous is not None and previous.path == fresh.path and self.owner.as_read == fresh.sheet:
            # the same file, unchanged: the rows corrected in the wizard and the matches chosen stay
            # (round 16: a look back at this page read it afresh and dropped them)
            fresh = previous
        else:
            self.owner.choices = {}  # a list read afresh: its rows' matches are chosen afresh
            self.owner.as_read = fresh.sheet
        self.owner.opened = fresh
        self.owner.dialogue_id, self.owner.revision, self.owner.dialogue_title = (
            dialogue.id, dialogue.revision, dialogue.title)
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("The sheet"))
        self.where = QLabel()
        self.table = _table([])
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table)

    def initializePage(self) -> None:
        opened = self.owner.opened
        assert opened is not None
        rows = opened.sheet.rows[:PREVIEW_ROWS]
        self.table.clear()
        self.table.setColumnCount(opened.sheet.width)
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([_column_letter(i) for i in range(opened.sheet.width)])
        self.table.setVerticalHeaderLabels([str(i + 1) for i in range(len(rows))])
        bold = QFont()
        bold.setBold(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if r == opened.header_row:
                    item.setFont(bold)
                    item.setBackground(QBrush(QColor("#e8f0fe")))
                self.table.setItem(r, c, item)
        total = len(opened.sheet.rows) - opened.header_row - 1
        self.where.setText(self.tr("Headings found in row %1; %2 rows below them (empty rows are skipped).")
                           .replace("%1", str(opened.header_row + 1)).replace("%2", str(total)))


class MappingPage(QWizardPage):
    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Which column holds what"))
        self.setSubTitle(self.tr("Guessed from the headings; correct any that are wrong."))
        self.combos: dict[Field, QComboBox] = {}
        form = QFormLayout(self)
        for field_ in Field:
            combo = QComboBox()
            self.combos[field_] = combo
            label = self.tr(FIELD_LABELS[field_]) if field_ in FIELD_LABELS else field_.label
            form.addRow(f"{label}:", combo)
        self.party = QComboBox()
        self.party.addItem(self.tr("(none: every row names its country)"), None)
        for code in central_asia():
            self.party.addItem(local_country_name(code), Party.country(code))
        for organisation in organisations():
            party = Party.organisation(organisation.name)
            self.party.addItem(party_name(party, ui_language()), party)
        for code, name in sorted_countries():
            if code not in central_asia():
                self.party.addItem(name, Party.country(code))
        form.addRow(self.tr("Delegation for rows without a country:"), self.party)
        self.error = _error_label()
        form.addRow(self.error)

    def initializePage(self) -> None:
        opened = self.owner.opened
        assert opened is not None
        # the officer's choices for this list (its headings unchanged), else the guesses
        same_list = self.owner.mapping_headers == opened.headers
        chosen = self.owner.mapping if same_list else opened.mapping
        for field_, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("(not in the list)"), None)
            for column, heading in enumerate(opened.headers):
                combo.addItem(f"{_column_letter(column)}: {heading}" if heading else _column_letter(column), column)
            guessed = chosen.get(field_)
            combo.setCurrentIndex(0 if guessed is None else guessed + 1)
        if same_list:
            self.party.setCurrentIndex(max(0, self.party.findData(self.owner.default_party)))
        _show_error(self.error, "")

    def cleanupPage(self) -> None:
        """Back: the columns chosen are kept for the way forward again (round 16: they were reset to
        the guesses when the officer looked back at the sheet)."""
        self._keep()

    def _keep(self) -> None:
        opened = self.owner.opened
        self.owner.mapping = self.mapping()
        self.owner.default_party = self.party.currentData()
        self.owner.mapping_headers = opened.headers if opened is not None else None

    def mapping(self) -> Mapping:
        return {f: combo.currentData() for f, combo in self.combos.items() if combo.currentData() is not None}

    def validatePage(self) -> bool:
        try:
            check_mapping(self.mapping())
        except UserError as error:
            _show_error(self.error, shown(error.message))
            return False
        self._keep()
        return True


class CheckPage(QWizardPage):
    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Checking every row"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = _table([self.tr("Row"), self.tr("What is wrong")])
        # a row that cannot be read is corrected here, in its cells, then checked again (issue 16)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                      | QAbstractItemView.EditTrigger.EditKeyPressed
                                      | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.problem_columns: list[int] = []  # the sheet's column shown in problems' column 2 + i
        self.fix_hint = QLabel(self.tr("To take a row in, correct its cells below (type over a cell or press F2), "
                                       "then Check again. The file itself is not changed."))
        self.fix_hint.setWordWrap(True)
        self.recheck = QPushButton(self.tr("Chec&k again"))
        self.recheck.clicked.connect(self.check_again)
        self.entries = _table([self.tr("Row"), self.tr("Name"), self.tr("Delegation"), self.tr("Already known as")])
        self.use_probable = QCheckBox(self.tr("Use the known person where the name is only probably the same"))
        self.choices: dict[int, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.fix_hint)
        layout.addWidget(self.problems)
        fixing = QHBoxLayout()
        fixing.addWidget(self.recheck)
        fixing.addStretch(1)
        layout.addLayout(fixing)
        layout.addWidget(self.entries)
        layout.addWidget(self.use_probable)

    def _fill_problems(self, check: ListCheck) -> None:
        """The rows set aside, each with its reason and its mapped cells, ready to be corrected."""
        opened = self.owner.opened
        assert opened is not None
        by_column = sorted((column, field_) for field_, column in self.owner.mapping.items())
        self.problem_columns = [column for column, _ in by_column]
        headings = [self.tr("Row"), self.tr("What is wrong")]
        for column, field_ in by_column:
            heading = opened.headers[column] if column < len(opened.headers) else ""
            label = (QCoreApplication.translate("MappingPage", FIELD_LABELS[field_]) if field_ in FIELD_LABELS
                     else field_.label)
            headings.append(f"{label} ({heading})" if heading and heading != label else label)
        self.problems.clear()
        self.problems.setColumnCount(len(headings))
        self.problems.setHorizontalHeaderLabels(headings)
        self.problems.setRowCount(len(check.problems))
        for r, problem in enumerate(check.problems):
            for c, text in enumerate((str(problem.row_number), shown(problem.message))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.problems.setItem(r, c, item)
            index = problem.row_number - 1
            row = opened.sheet.rows[index] if opened.header_row < index < len(opened.sheet.rows) else ()
            for i, column in enumerate(self.problem_columns):
                self.problems.setItem(r, 2 + i, QTableWidgetItem(row[column] if column < len(row) else ""))
        self.problems.resizeColumnsToContents()
        editable = any(opened.header_row < p.row_number - 1 < len(opened.sheet.rows) for p in check.problems)
        self.problems.setVisible(bool(check.problems))
        self.fix_hint.setVisible(editable)
        self.recheck.setVisible(editable)

    def _take_corrections(self) -> bool:
        """Put what the officer typed over the rows set aside (an open cell editor too) into the
        wizard's copy of the list, and the matches chosen into `owner.choices`; whether any cell changed."""
        opened = self.owner.opened
        if opened is None or self.owner.check is None:
            return False
        if self.problems.state() == QAbstractItemView.State.EditingState:  # an open cell editor: what is typed counts
            editor = self.problems.indexWidget(self.problems.currentIndex())
            if editor is not None:
                self.problems.commitData(editor)
                self.problems.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.owner.choices = {row: combo.currentData() for row, combo in self.choices.items()}
        before = opened
        for r, problem in enumerate(self.owner.check.problems):
            if not opened.header_row < problem.row_number - 1 < len(opened.sheet.rows):
                continue  # "no participants below the header": nothing to correct
            cells = {column: (item.text() if (item := self.problems.item(r, 2 + i)) is not None else "")
                     for i, column in enumerate(self.problem_columns)}
            opened = corrected(opened, problem.row_number, cells)
        self.owner.opened = opened
        return opened.sheet.rows != before.sheet.rows

    def check_again(self) -> None:
        """Take the officer's corrections of the rows set aside into the list and check it again:
        a corrected row goes in with the rest, one still wrong stays here with its new reason."""
        if self.owner.opened is None or self.owner.check is None:
            return
        self._take_corrections()
        self.initializePage()  # the officer's choices on other rows stay as they were (`owner.choices`)
        (self.problems if self.problems.isVisible() else self.entries).setFocus()

    def cleanupPage(self) -> None:
        """Back: what was typed over the rows set aside and the matches chosen are kept for the way
        forward again (round 16: they were dropped, a chosen match becoming a new person again)."""
        self._take_corrections()

    def initializePage(self) -> None:
        owner = self.owner
        assert owner.opened is not None and owner.dialogue_id is not None
        try:
            check = check_opened(owner.database, owner.opened, owner.dialogue_id, owner.mapping, owner.default_party)
        except UserError as error:
            check = None
            self.summary.setText(shown(error.message))
        owner.check = check
        self.problems.setRowCount(0)
        self.entries.setRowCount(0)
        if check is None:
            self.problems.hide()
            self.fix_hint.hide()
            self.recheck.hide()
            self.completeChanged.emit()
            return
        self._fill_problems(check)
        self.entries.setRowCount(len(check.entries))
        self.choices = {}
        for r, entry in enumerate(check.entries):
            if entry.in_dialogue and (entry.status is not None or entry.position):
                # the import takes the list's facts for them (round 16: this said "skipped")
                known = self.tr("already in this dialogue — attendance and position taken from the list")
            elif entry.in_dialogue:
                known = self.tr("already in this dialogue — skipped")
            elif entry.known is not None:
                known = entry.known.name
            else:
                known = ""
            party = party_name(entry.party, ui_language())
            for c, text in enumerate((str(entry.row_number), entry.name, party, known)):
                self.entries.setItem(r, c, QTableWidgetItem(text))
            if entry.known is None and entry.probable and not entry.in_dialogue:
                # each probable match accepted or refused on its own row; a new person unless chosen
                choice = QComboBox()
                choice.addItem(self.tr("New person"), None)
                for person, score in entry.probable:
                    details = "; ".join(x for x in (person.email or "", person.sex.value if person.sex else "") if x)
                    label = self.tr("Same as %1 (%2% alike)").replace("%1", person.name).replace("%2", f"{score:.0f}")
                    choice.addItem(f"{label} — {details}" if details else label, person.id)
                choice.setCurrentIndex(max(0, choice.findData(owner.choices.get(entry.row_number))))
                self.entries.setCellWidget(r, 3, choice)
                self.choices[entry.row_number] = choice
        self.entries.resizeColumnsToContents()
        known_count = sum(1 for e in check.entries if e.known is not None)
        probable = sum(1 for e in check.entries if e.known is None and e.probable)
        self.use_probable.setVisible(False)  # replaced by a choice on each row
        if check.problems:
            text = self.tr("%1 rows cannot be read and will be set aside (see why below; correct them there and "
                           "check again, or later in the file); the other %2 rows will be imported.").replace(
                               "%1", str(len(check.problems))).replace("%2", str(len(check.entries)))
        else:
            text = self.tr("All %1 rows are fine. Already known: %2; possibly known: %3; new: %4.") \
                .replace("%1", str(len(check.entries))).replace("%2", str(known_count)).replace("%3", str(probable)) \
                .replace("%4", str(len(check.entries) - known_count - probable))
        self.summary.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.check is not None and self.owner.check.ok

    def validatePage(self) -> bool:
        """Next with corrections not yet checked: they are checked now and the page stays, showing
        the result (round 16: the wizard went on and the row typed over stayed set aside, silently)."""
        if self._take_corrections():
            self.initializePage()
            (self.problems if self.problems.isVisible() else self.entries).setFocus()
            return False
        self.owner.use_probable = False
        return True


class ImportPage(QWizardPage):
    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Import"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.error = _error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        check = self.owner.check
        count = len([e for e in check.entries if not e.in_dialogue]) if check else 0
        self.text.setText(self.tr("Add %1 participants to “%2”. Every row is written or none is; rows that "
                                  "cannot be read are set aside.")
                          .replace("%1", str(count)).replace("%2", self.owner.dialogue_title))
        _show_error(self.error, "")

    def validatePage(self) -> bool:
        owner = self.owner
        assert owner.check is not None and owner.dialogue_id is not None
        try:
            owner.summary = import_list(owner.database, owner.dialogue_id, owner.revision, owner.check,
                                        owner.use_probable, owner.choices)
        except UserError as error:
            _show_error(self.error, shown(error.message) + " " + self.tr("Nothing was imported."))
            return False
        owner.imported.emit(owner.summary)
        return True


class RegistrationWizard(QWizard):
    """Import a registration list into a dialogue's delegations; `imported` fires once it is saved."""

    imported = Signal(object)  # ImportSummary

    def __init__(self, database: Database, dialogue_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.dialogue_id = dialogue_id
        self.dialogue_title = ""
        self.revision = 0
        self.opened: OpenedList | None = None  # the list as the wizard holds it: corrections typed in
        self.as_read: Sheet | None = None  # the list as last read from its file
        self.mapping: Mapping = {}
        self.mapping_headers: tuple[str, ...] | None = None  # the headings `mapping` was chosen for
        self.default_party: Party | None = None
        self.check: ListCheck | None = None
        self.use_probable = False
        self.choices: dict[int, str | None] = {}  # row → the known person accepted, None for a new one
        self.summary: ImportSummary | None = None
        self.setWindowTitle(self.tr("Import a registration list"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(860, 600)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.preview_page, self.mapping_page, self.check_page, self.import_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.currentIdChanged.connect(self._keys_on_page)

    def _keys_on_page(self, _page_id: int) -> None:
        """The keys go to the page shown. QWizard gives them to the page's first widget that takes
        focus even when it is hidden (the check page's rows set aside, when there are none), which
        left them on the page just left, hidden (round 16: a Down arrow on the check page chose
        another column for the names)."""
        focus = QApplication.focusWidget()
        page = self.currentPage()
        if page is None or (focus is not None and focus.isVisible()):
            return
        if page is self.check_page:
            target: QWidget = self.check_page.problems if not self.check_page.problems.isHidden() \
                else self.check_page.entries
        else:
            target = self.button(QWizard.WizardButton.FinishButton if self.nextId() == -1
                                 else QWizard.WizardButton.NextButton)
        target.setFocus()
