"""The Agenda tab: ordered items with a title, the presenting party and notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.domain.records import AgendaItem
from desktop_app.ui.forms.ordered_table_section import OrderedTableSection
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.widgets.party_choices import country_labels, organisation_labels, party_from_text, party_label
from desktop_app.ui.widgets.table_editing import CompletingDelegate

TITLE, PRESENTER, NOTES = range(3)
HEADERS = (QT_TRANSLATE_NOOP("AgendaSection", "Title"), QT_TRANSLATE_NOOP("AgendaSection", "Presenter"),
           QT_TRANSLATE_NOOP("AgendaSection", "Notes"))


class AgendaSection(OrderedTableSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("agenda", [QCoreApplication.translate("AgendaSection", h) for h in HEADERS],
                         QCoreApplication.translate("AgendaSection", "&Add item"), parent)
        self.table.setItemDelegateForColumn(
            PRESENTER, CompletingDelegate(lambda: [*organisation_labels(), *country_labels()], self.table))
        self.table.setColumnWidth(TITLE, 420)
        self.table.setColumnWidth(PRESENTER, 260)

    def items(self) -> tuple[AgendaItem, ...]:
        return tuple(AgendaItem(title=title, presenter=party_from_text(presenter), notes=notes or None)
                     for title, presenter, notes in self.rows())

    def set_items(self, items: tuple[AgendaItem, ...]) -> None:
        self.set_rows([[i.title, party_label(i.presenter), i.notes or ""] for i in items])
