"""The people list: name, other spellings, sex, email and how many meetings they attended."""

from __future__ import annotations

from desktop_app.domain import records as r
from desktop_app.ui.models.record_table_model import Column, RecordTableModel


def people_columns() -> list[Column[r.PersonRow]]:
    return [
        Column("Name", lambda p: p.name),
        Column("Other spellings", lambda p: "; ".join(p.other_names)),
        Column("Sex", lambda p: p.sex.value.capitalize() if p.sex else ""),
        Column("Email", lambda p: p.email or ""),
        Column("Meetings", lambda p: str(p.participations), raw=lambda p: p.participations, right=True),
    ]


class PeopleTableModel(RecordTableModel[r.PersonRow]):
    def __init__(self, parent: object = None) -> None:
        super().__init__(people_columns(), parent)
