"""The institutions list: name, acronym and country."""

from __future__ import annotations

from desktop_app.domain import records as r
from desktop_app.ui.models.record_table_model import Column, RecordTableModel
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.translations import local_country_name

C = "InstitutionTableModel"


def institution_columns() -> list[Column[r.Institution]]:
    return [
        Column(QT_TRANSLATE_NOOP("InstitutionTableModel", "Name"), lambda i: i.name, context=C),
        Column(QT_TRANSLATE_NOOP("InstitutionTableModel", "Acronym"), lambda i: i.acronym or "", context=C),
        Column(QT_TRANSLATE_NOOP("InstitutionTableModel", "Country"), lambda i: local_country_name(i.country),
               context=C),
    ]


class InstitutionTableModel(RecordTableModel[r.Institution]):
    def __init__(self, parent: object = None) -> None:
        super().__init__(institution_columns(), parent)
