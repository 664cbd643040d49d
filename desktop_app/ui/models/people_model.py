"""The people list: name, other spellings, sex, email and how many meetings they attended."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer

from desktop_app.domain import records as r
from desktop_app.domain.enums import Sex
from desktop_app.domain.errors import UserError
from desktop_app.ui.models.record_table_model import Column, ModelIndex, RecordTableModel
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP

C = "PeopleTableModel"
MEETINGS = 4  # the Meetings column
COUNTED = 30  # people whose meetings are counted at once: a screenful (~22 rows at 1366×768) and more
SEX_NAMES = {Sex.FEMALE: QT_TRANSLATE_NOOP("PeopleTableModel", "Female"),
             Sex.MALE: QT_TRANSLATE_NOOP("PeopleTableModel", "Male")}


def _sex(person: r.PersonRow) -> str:
    return QCoreApplication.translate(C, SEX_NAMES[person.sex]) if person.sex else ""


def people_columns() -> list[Column[r.PersonRow]]:
    return [
        Column(QT_TRANSLATE_NOOP("PeopleTableModel", "Name"), lambda p: p.name, context=C),
        Column(QT_TRANSLATE_NOOP("PeopleTableModel", "Other spellings"), lambda p: "; ".join(p.other_names),
               context=C),
        Column(QT_TRANSLATE_NOOP("PeopleTableModel", "Sex"), _sex, context=C),
        Column(QT_TRANSLATE_NOOP("PeopleTableModel", "Email"), lambda p: p.email or "", context=C),
        Column(QT_TRANSLATE_NOOP("PeopleTableModel", "Meetings"),
               lambda p: "" if p.meetings is None else str(p.meetings), raw=lambda p: p.meetings, right=True,
               context=C),
    ]


class PeopleTableModel(RecordTableModel[r.PersonRow]):
    """The people found; their meetings counted as their rows come into view (issue 19, round 17:
    counting the 500 people of a page took ~0.4 s at 100,000 dialogues, before anything was shown).
    `count` answers the meetings of the people named (`PeopleRepository.meetings_of`)."""

    def __init__(self, parent: object = None, count: Callable[[list[str]], dict[str, int]] | None = None) -> None:
        super().__init__(people_columns(), parent)
        self._count = count
        self._asked: set[int] = set()  # blocks of COUNTED rows whose counting is under way or done
        self._generation = 0  # a block asked for before `set_records` does not fill the new rows

    def set_records(self, records: Any) -> None:
        self._generation += 1
        self._asked = set()
        super().set_records(records)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == MEETINGS and self._count is not None \
                and (person := self.record_at(index.row())) is not None and person.meetings is None:
            self._ask(index.row() // COUNTED)
        return super().data(index, role)

    def _ask(self, block: int) -> None:
        if block in self._asked:
            return
        self._asked.add(block)
        generation = self._generation
        QTimer.singleShot(0, self, lambda: self.count_block(block, generation))

    def count_block(self, block: int, generation: int | None = None) -> None:
        """Count the meetings of one block of rows not counted yet, and show them."""
        if self._count is None or (generation is not None and generation != self._generation):
            return
        first, last = block * COUNTED, min(len(self._records), (block + 1) * COUNTED) - 1
        wanted = [self._records[row].id for row in range(first, last + 1) if self._records[row].meetings is None]
        if not wanted:
            return
        try:
            counts = self._count(wanted)
        except UserError:  # the database went away meanwhile: the column stays empty, nothing else is lost
            return
        for row in range(first, last + 1):
            person = self._records[row]
            if person.meetings is None and person.id in counts:
                self._records[row] = replace(person, meetings=counts[person.id])
        self.dataChanged.emit(self.index(first, MEETINGS), self.index(last, MEETINGS))
