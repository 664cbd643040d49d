"""The conflicts imports left for the officer: per field the common version and every competing
version with who made it and when, a choice per field (docs/exchange.md).

Thin by design: the comparison and the saving are `services.exchange.conflicts`; this window lays
them out and hands back the choices.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
from desktop_app.services.exchange.conflicts import Conflicts, FieldConflict
from desktop_app.ui import messages
from desktop_app.ui.texts import shown
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP

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
FIELD, WHICH, VALUE, WHO, WHEN, CHOICE = range(6)


class FieldChoice:
    """One radio button per competing version of a field; ours (else the one shown) is chosen first."""

    def __init__(self, field: FieldConflict, parent: QWidget) -> None:
        self.field = field.field
        self.group = QButtonGroup(parent)
        self.buttons: dict[str, QRadioButton] = {}
        preferred = next((v for v in field.versions if v.ours), None) or next(v for v in field.versions if v.shown)
        for version in field.versions:
            button = QRadioButton(QCoreApplication.translate("ConflictsDialog", "keep"), parent)
            button.setToolTip(version.version)
            self.group.addButton(button)
            self.buttons[version.version] = button
            button.setChecked(version is preferred)
        self.ours = [v.version for v in field.versions if v.ours]
        self.theirs = [v.version for v in field.versions if not v.ours]
        self.preset = preferred.version

    def changed(self) -> bool:
        """The officer chose another version than the one chosen first."""
        return self.keep() != self.preset

    def keep(self) -> str:
        return next(version for version, button in self.buttons.items() if button.isChecked())

    def choose(self, versions: list[str]) -> None:
        if versions:
            self.buttons[versions[-1]].setChecked(True)


class ConflictsDialog(QDialog):
    """Lists open conflicts; for the selected one, every field with ours and theirs; Apply saves."""

    resolved = Signal(int)  # the conflict id, after its record was saved

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.comparison: Conflicts | None = None
        self.choices: dict[str, FieldChoice] = {}
        self.setWindowTitle(self.tr("Conflicts from imports"))

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._current_changed)
        self.empty = QLabel(self.tr("No conflicts wait for you: every import so far merged cleanly."))
        self.empty.setWordWrap(True)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Version"), self.tr("Value"),
                                              self.tr("Who"), self.tr("When"), self.tr("Keep")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (FIELD, WHICH, WHO, WHEN, CHOICE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.Stretch)

        self.all_ours = QPushButton(self.tr("Keep all ours"))
        self.all_theirs = QPushButton(self.tr("Take all theirs"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.all_ours.clicked.connect(lambda: self._choose_all(ours=True))
        self.all_theirs.clicked.connect(lambda: self._choose_all(ours=False))
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
        self.comparison = None  # what was shown is gone with the list: nothing to ask about
        self.list.clear()
        for conflict in resolution.open_conflicts(self.database):
            kind = self.tr(KIND_NAMES[conflict.record_kind]) if conflict.record_kind in KIND_NAMES \
                else conflict.record_kind
            item = QListWidgetItem(f"{conflict.label}\n{kind} · " + self.tr("%n fields", "", len(conflict.fields)))
            item.setData(Qt.ItemDataRole.UserRole, conflict.id)
            item.setToolTip(self.tr("Conflict %1").replace("%1", str(conflict.id)))
            self.list.addItem(item)
        has_any = self.list.count() > 0
        self.empty.setVisible(not has_any)
        if has_any:
            self.list.setCurrentRow(0)
        else:
            self._show(None)

    def _pending(self) -> bool:
        """Choices made on the conflict shown and not applied yet."""
        return self.comparison is not None and any(choice.changed() for choice in self.choices.values())

    def _ask_to_apply(self) -> bool:
        """Choices not applied are asked about, never dropped in silence (round 16: selecting another
        conflict or closing the window lost them without a word). True: go on (applied or discarded)."""
        if not self._pending():
            return True
        assert self.comparison is not None
        answer = messages.choose(
            self, self.tr("Apply your choices for “%1”?").replace("%1", self.comparison.conflict.label.strip("“”")),
            [self.tr("Apply"), self.tr("Don't apply")], self.windowTitle())
        return answer == 1 or (answer == 0 and self.apply())

    def _current_changed(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if previous is not None and current is not previous and self._pending():
            wanted = None if current is None else current.data(Qt.ItemDataRole.UserRole)
            shown_id = previous.data(Qt.ItemDataRole.UserRole)
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)  # the choices stay on screen while the officer answers
            self.list.blockSignals(False)
            if not self._ask_to_apply():
                return
            if self.comparison is not None and self.comparison.conflict.id == shown_id:  # discarded
                self.comparison = None
            self._select(wanted)
            return
        self._show_current()

    def _select(self, conflict_id: object) -> None:
        """Show the conflict `conflict_id` if it still waits, else the one selected now."""
        rows = [row for row in range(self.list.count())
                if self.list.item(row).data(Qt.ItemDataRole.UserRole) == conflict_id]
        if rows and rows[0] != self.list.currentRow():
            self.list.setCurrentRow(rows[0])  # shows it
        else:
            self._show_current()

    def reject(self) -> None:
        """Close, Escape or the window's close button: choices not applied are asked about first."""
        if self._ask_to_apply():
            super().reject()

    def _show_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self._show(None)
            return
        try:
            self._show(resolution.waiting(self.database, int(item.data(Qt.ItemDataRole.UserRole))))
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), shown(error.message))
            self._show(None)

    def _show(self, comparison: Conflicts | None) -> None:
        """Per field: the common version, then every competing version with who and when."""
        self.comparison = comparison
        self.choices = {}
        self.table.setRowCount(0)
        for button in (self.all_ours, self.all_theirs, self.apply_button):
            button.setEnabled(comparison is not None and bool(comparison.fields))
        if comparison is None:
            self.heading.setText("")
            return
        text = self.tr("“%1”: %2 fields were changed in two or more databases without seeing each other. "
                       "Choose for each which version to keep; your choice reaches the others with your "
                       "next bundle.").replace("%1", comparison.conflict.label.strip("“”")) \
            .replace("%2", str(len(comparison.fields)))
        for rule in comparison.rules:
            text += "\n" + self.tr("A merge broke a rule (open the record and correct it): %1").replace(
                "%1", shown(rule))
        self.heading.setText(text)
        bold = QFont()
        bold.setBold(True)
        rows = sum(1 + len(f.versions) for f in comparison.fields)
        self.table.setRowCount(rows)
        row = 0
        for field in comparison.fields:
            choice = FieldChoice(field, self.table)
            self.choices[field.field] = choice
            name = QTableWidgetItem(self._field(field.field, field.label))
            name.setFont(bold)
            self._put(row, FIELD, name)
            common = QTableWidgetItem(self.tr("common version"))
            common.setForeground(Qt.GlobalColor.gray)
            self._put(row, WHICH, common)
            self._put(row, VALUE, QTableWidgetItem(shown(field.base_text)))
            row += 1
            for version in field.versions:
                which = self.tr("ours") if version.ours else self.tr("theirs")
                self._put(row, WHICH, QTableWidgetItem(which))
                value = QTableWidgetItem(shown(version.text))
                if version.shown:
                    value.setFont(bold)
                    value.setToolTip(self.tr("Shown until you choose"))
                self._put(row, VALUE, value)
                who = (version.by or self.tr("unknown officer")) + " · " + version.database
                self._put(row, WHO, QTableWidgetItem(who))
                self._put(row, WHEN, QTableWidgetItem((version.at or "")[:16].replace("T", " ")))
                self.table.setCellWidget(row, CHOICE, choice.buttons[version.version])
                row += 1
        self.table.resizeRowsToContents()

    def _put(self, row: int, column: int, item: QTableWidgetItem) -> None:
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.table.setItem(row, column, item)

    def _field(self, field: str, label: str | None = None) -> str:
        if field in FIELD_LABELS:
            return self.tr(FIELD_LABELS[field])
        return shown(label) if label else field.replace("_", " ").capitalize()

    def _choose_all(self, ours: bool) -> None:
        for choice in self.choices.values():
            choice.choose(choice.ours if ours else choice.theirs)

    def apply(self) -> bool:
        """Keep the chosen versions (one edit, which travels), then show the next conflict. False
        when nothing was saved (the officer was told why)."""
        if self.comparison is None:
            return False
        choices: dict[str, object] = {name: choice.keep() for name, choice in self.choices.items()}
        conflict_id = self.comparison.conflict.id
        try:
            resolution.choose(self.database, conflict_id, choices,  # type: ignore[arg-type]
                              expected_revision=self.comparison.our_revision)
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), shown(error.message))
            return False
        self.resolved.emit(conflict_id)
        self.comparison = None
        self.reload()
        return True
