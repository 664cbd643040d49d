"""Probable duplicate people, pair by pair: merge the pair (keeping the other spelling) or skip it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.domain.records import Person
from desktop_app.services.merging import RecordKind, not_kept
from desktop_app.services.people_duplicates import (
    DuplicatePair,
    find_duplicate_people,
    meetings_in_two_delegations,
    merge_people,
)
from desktop_app.ui.texts import shown


def _describe(person: Person) -> str:
    extra = [s for s in (person.email, *person.other_names) if s]
    return person.name + (f"  ({', '.join(extra)})" if extra else "")


class DuplicatesDialog(QDialog):
    """Lists the pairs the duplicate finder proposes; the officer decides each one."""

    people_merged = Signal(str)  # id of the person kept

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.skipped: set[frozenset[str]] = set()
        self.pairs: list[DuplicatePair] = []
        self.setWindowTitle(self.tr("Probable duplicate people"))
        self.resize(820, 420)
        self.summary = QLabel()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Person"), self.tr("Probably the same as"), self.tr("Score")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.keep_left = QPushButton(self.tr("Merge, keep left name"))
        self.keep_right = QPushButton(self.tr("Merge, keep right name"))
        self.skip = QPushButton(self.tr("Not the same — skip"))
        buttons = QHBoxLayout()
        for button in (self.keep_left, self.keep_right, self.skip):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.keep_left.clicked.connect(lambda: self._merge(keep_left=True))
        self.keep_right.clicked.connect(lambda: self._merge(keep_left=False))
        self.skip.clicked.connect(self._skip)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        """The pairs, found off the window's thread (47 s at 50,000 people) with progress and Cancel."""
        from desktop_app.ui.long_work import WorkCancelled, run_with_progress

        database = self.database
        try:
            pairs = run_with_progress(self if self.isVisible() else self.parentWidget(),
                                      self.tr("Probable duplicate people"), self.tr("Comparing the people's names…"),
                                      lambda _progress: find_duplicate_people(database), name="duplicate finding")
        except WorkCancelled:
            pairs = []
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), shown(error.message))
            pairs = []
        self.pairs = [p for p in pairs if frozenset((p.first.id, p.second.id)) not in self.skipped]
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            score = QTableWidgetItem(f"{pair.score:.0f}")
            score.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((QTableWidgetItem(_describe(pair.first)),
                                           QTableWidgetItem(_describe(pair.second)), score)):
                self.table.setItem(row, column, item)
        self.summary.setText(self.tr("%n pair(s) of people look like one person written differently.", "",
                                     len(self.pairs)) if self.pairs
                             else self.tr("No probable duplicates were found."))
        if self.pairs:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_pair(self) -> DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        return self.pairs[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        enabled = self.selected_pair() is not None
        for button in (self.keep_left, self.keep_right, self.skip):
            button.setEnabled(enabled)

    def _skip(self) -> None:
        pair = self.selected_pair()
        if pair is not None:
            self.skipped.add(frozenset((pair.first.id, pair.second.id)))
            self.reload()

    def _merge(self, keep_left: bool) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        keep, gone = (pair.first, pair.second) if keep_left else (pair.second, pair.first)
        question = self.tr("Merge “%1” into “%2”? Their participations move to “%2” and “%1” is kept as another "
                           "spelling.").replace("%1", gone.name).replace("%2", keep.name)
        # what the kept person's record cannot hold too is said before, not dropped unsaid (round 14)
        try:
            for sentence in not_kept(self.database, RecordKind.PERSON, keep.id, gone.id):
                question += " " + shown(sentence)
        except UserError as error:  # one of them merged or deleted meanwhile
            QMessageBox.warning(self, self.tr("Merge two people"), shown(error.message))
            self.reload()
            return
        answer = QMessageBox.question(self, self.tr("Merge two people"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            merge_people(self.database, keep.id, gone.id)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Merge two people"), shown(error.message))
            return
        self.people_merged.emit(keep.id)
        if twice := meetings_in_two_delegations(self.database, keep.id):
            QMessageBox.information(self, self.tr("Merge two people"), self.tr(
                "“%1” is now in two delegations of %2. Open the meeting and keep the right one.")
                .replace("%1", keep.name).replace("%2", ", ".join(f"“{title}”" for title in twice)))
        self.reload()
