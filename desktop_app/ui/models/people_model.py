"""The people list: name, other spellings, sex, email and how many meetings they attended."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.domain import records as r
from desktop_app.domain.enums import Sex
from desktop_app.ui.models.record_table_model import Column, RecordTableModel
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP

C = "PeopleTableModel"
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
        Column(QT_TRANSLATE_NOOP("PeopleTableModel", "Meetings"), lambda p: str(p.meetings),
               raw=lambda p: p.meetings, right=True, context=C),
    ]


class PeopleTableModel(RecordTableModel[r.PersonRow]):
    def __init__(self, parent: object = None) -> None:
        super().__init__(people_columns(), parent)
