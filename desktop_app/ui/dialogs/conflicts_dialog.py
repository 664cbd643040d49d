"""The conflicts an import left for the officer: both versions side by side, a choice per field.

Thin by design: the comparison and the saving are `services.exchange.conflicts`; this window lays
them out and hands back the choices.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.services.exchange import conflicts as resolution
from desktop_app.services.exchange.conflicts import Comparison, Keep
from desktop_app.ui.texts import shown

KIND_NAMES = {"dialogue": QT_TRANSLATE_NOOP("ConflictsDialog", "Dialogue"),
              "person": QT_TRANSLATE_NOOP("ConflictsDialog", "Person"),
              "institution": QT_TRANSLATE_NOOP("ConflictsDialog", "Institution")}
# The fields of the records as the comparison names them; a field not listed keeps the service's label.
FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("ConflictsDialog", "Title"),
    "series": QT_TRANSLATE_NOOP("ConflictsDialog", "Series"),
    "kind": QT_TRANSLATE_NOOP("ConflictsDialog", "Kind"),
    "status": QT_TRANSLATE_NOOP("ConflictsDialog", "Status"),
    "start_date": QT_TRANSLATE_NOOP("ConflictsDialog", "Start date"),
    "end_date": QT_TRANSLATE_NOOP("ConflictsDialog", "End date"),
    "city": QT_TRANSLATE_NOOP("ConflictsDialog", "City"),
    "country": QT_TRANSLATE_NOOP("ConflictsDialog", "Country"),
    "online": QT_TRANSLATE_NOOP("ConflictsDialog", "Online"),
    "chair": QT_TRANSLATE_NOOP("ConflictsDialog", "Chair"),
    "supporting_programmes": QT_TRANSLATE_NOOP("ConflictsDialog", "Supporting programmes"),
    "frameworks": QT_TRANSLATE_NOOP("ConflictsDialog", "Frameworks"),
    "topics": QT_TRANSLATE_NOOP("ConflictsDialog", "Topics"),
    "summary": QT_TRANSLATE_NOOP("ConflictsDialog", "Summary"),
    "delegations": QT_TRANSLATE_NOOP("ConflictsDialog", "Delegations"),
    "agenda": QT_TRANSLATE_NOOP("ConflictsDialog", "Agenda"),
    "actions": QT_TRANSLATE_NOOP("ConflictsDialog", "Actions"),
    "name": QT_TRANSLATE_NOOP("ConflictsDialog", "Name"),
    "other_names": QT_TRANSLATE_NOOP("ConflictsDialog", "Other spellings"),
    "sex": QT_TRANSLATE_NOOP("ConflictsDialog", "Sex"),
    "email": QT_TRANSLATE_NOOP("ConflictsDialog", "E-mail"),
    "acronym": QT_TRANSLATE_NOOP("ConflictsDialog", "Acronym"),
}
FIELD, OURS, THEIRS, CHOICE = range(4)


class FieldChoice(QWidget):
    """Two radio buttons, ours and theirs, for one field in conflict. Ours is chosen at first."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.ours = QRadioButton(self.tr("ours"))
        self.theirs = QRadioButton(self.tr("theirs"))
        self.ours.setChecked(True)
        self.group = QButtonGroup(self)
        self.group.addButton(self.ours)
        self.group.addButton(self.theirs)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.ours)
        layout.addWidget(self.theirs)

    def keep(self) -> Keep:
        return Keep.THEIRS if self.theirs.isChecked() else Keep.OURS


class ConflictsDialog(QDialog):
    """Lists open conflicts; for the selected one, every field with ours and theirs; Apply saves."""

    resolved = Signal(int)  # the conflict id, after its record was saved

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.comparison: Comparison | None = None
        self.choices: dict[str, FieldChoice] = {}
        self.setWindowTitle(self.tr("Conflicts from imports"))

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.empty = QLabel(self.tr("No conflicts wait for you: every import so far merged cleanly."))
        self.empty.setWordWrap(True)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Ours (this database)"),
                                              self.tr("Theirs (imported)"), self.tr("Keep")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OURS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(THEIRS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CHOICE, QHeaderView.ResizeMode.ResizeToContents)

        self.all_ours = QPushButton(self.tr("Keep all ours"))
        self.all_theirs = QPushButton(self.tr("Take all theirs"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.all_ours.clicked.connect(lambda: self._choose_all(Keep.OURS))
        self.all_theirs.clicked.connect(lambda: self._choose_all(Keep.THEIRS))
        self.apply_button.clicked.connect(self.apply)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.all_ours)
        choice_row.addWidget(self.all_theirs)
        choice_row.addStretch(1)
        choice_row.addWidget(self.apply_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(choice_row)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 800])

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.resize(1100, 640)
        self.reload()

    def reload(self) -> None:
        """Fill the list from the database; select the first conflict."""
        self.list.clear()
        for conflict in resolution.open_conflicts(self.database):
            source = " · " + self.tr("from %1").replace("%1", conflict.source) if conflict.source else ""
            kind = self.tr(KIND_NAMES[conflict.record_kind]) if conflict.record_kind in KIND_NAMES \
                else conflict.record_kind
            item = QListWidgetItem(f"{conflict.label}\n{kind}{source}")
            item.setData(Qt.ItemDataRole.UserRole, conflict.id)
            fields = ", ".join(self._field(f) for f in conflict.fields)
            item.setToolTip(self.tr("Fields in conflict: %1").replace("%1", fields))
            self.list.addItem(item)
        has_any = self.list.count() > 0
        self.empty.setVisible(not has_any)
        if has_any:
            self.list.setCurrentRow(0)
        else:
            self._show(None)

    def _show_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self._show(None)
            return
        try:
            self._show(resolution.compare(self.database, int(item.data(Qt.ItemDataRole.UserRole))))
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), shown(error.message))
            self._show(None)

    def _show(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self.choices = {}
        self.table.setRowCount(0)
        for button in (self.all_ours, self.all_theirs, self.apply_button):
            button.setEnabled(comparison is not None)
        if comparison is None:
            self.heading.setText("")
            return
        differing = len(comparison.differing())
        self.heading.setText(self.tr("“%1” was edited here and by %2 since you last exchanged it. "
                                     "%3 fields differ: choose for each which version to keep.")
                             .replace("%1", comparison.conflict.label.strip("“”"))
                             .replace("%2", comparison.conflict.source or self.tr("the sender"))
                             .replace("%3", str(differing)))
        bold = QFont()
        bold.setBold(True)
        # fields in conflict first, then the rest for context
        ordered = comparison.differing() + [f for f in comparison.fields if not f.differs]
        self.table.setRowCount(len(ordered))
        for row, field in enumerate(ordered):
            name = QTableWidgetItem(self._field(field.field, field.label))
            ours, theirs = QTableWidgetItem(field.ours_text), QTableWidgetItem(field.theirs_text)
            if field.differs:
                for item in (name, ours, theirs):
                    item.setFont(bold)
                choice = FieldChoice(field.field)
                self.choices[field.field] = choice
                self.table.setCellWidget(row, CHOICE, choice)
            else:
                same = QTableWidgetItem(self.tr("same"))
                same.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, CHOICE, same)
            for column, item in ((FIELD, name), (OURS, ours), (THEIRS, theirs)):
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def _field(self, field: str, label: str | None = None) -> str:
        if field in FIELD_LABELS:
            return self.tr(FIELD_LABELS[field])
        return label or field.replace("_", " ").capitalize()

    def _choose_all(self, keep: Keep) -> None:
        for choice in self.choices.values():
            (choice.theirs if keep is Keep.THEIRS else choice.ours).setChecked(True)

    def apply(self) -> None:
        """Save the record as chosen and close the conflict (one transaction), then show the next."""
        if self.comparison is None:
            return
        choices = {name: choice.keep() for name, choice in self.choices.items()}
        conflict_id = self.comparison.conflict.id
        try:
            resolution.resolve(self.database, conflict_id, choices,
                               expected_revision=self.comparison.our_revision)
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), shown(error.message))
            return
        self.resolved.emit(conflict_id)
        self.reload()
