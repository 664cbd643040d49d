"""The institutions list: name, acronym and country."""

from __future__ import annotations

from desktop_app.domain import records as r
from desktop_app.domain.reference import country_name
from desktop_app.ui.models.record_table_model import Column, RecordTableModel


def institution_columns() -> list[Column[r.Institution]]:
    return [
        Column("Name", lambda i: i.name),
        Column("Acronym", lambda i: i.acronym or ""),
        Column("Country", lambda i: country_name(i.country)),
    ]


class InstitutionTableModel(RecordTableModel[r.Institution]):
    def __init__(self, parent: object = None) -> None:
        super().__init__(institution_columns(), parent)
