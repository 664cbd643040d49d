"""The Agenda tab: ordered items with a title, the presenting party and notes.

Each row keeps its item's id out of sight (as the actions keep theirs), so a save edits the items
it shows rather than removing them and adding new ones: a form that dropped the ids gave every item
a new id at each save, the replication state kept every removed item (~1,100 after 220 saves of a
five-item agenda, 240 KB), and an item edited in another database came back beside its copy."""

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

    def column_words(self) -> dict[int, set[str]]:
        return {TITLE: {"title", "item", "agenda item", "topic", "subject", "тема", "вопрос", "пункт",
                        "пункт повестки", "название"},
                PRESENTER: {"presenter", "speaker", "докладчик", "выступающий"},
                NOTES: {"notes", "note", "comments", "remarks", "примечания", "примечание", "комментарии"}}

    def items(self) -> tuple[AgendaItem, ...]:
        """The rows as agenda items, each with the id its row keeps ("" for a row added here: the
        save gives it one), and each cell not edited since `set_items` with its stored value
        (`OrderedTableSection.stored`: a presenter stored as "UNODC" is not renamed)."""
        return tuple(AgendaItem(title=self.stored(row, TITLE, str),
                                presenter=self.stored(row, PRESENTER, party_from_text),
                                notes=self.stored(row, NOTES, _text_or_none), id=self.item_id(row))
                     for row in self.record_rows())

    def item_id(self, row: int) -> str:
        kept = self.hidden(row, TITLE)
        return kept if isinstance(kept, str) else ""

    def set_items(self, items: tuple[AgendaItem, ...]) -> None:
        """Show the items; each row keeps its item's id (moved with the row, dropped with it)."""
        self.set_rows([[i.title, party_label(i.presenter), i.notes or ""] for i in items])
        blocked = self.table.blockSignals(True)
        for row, item in enumerate(items):
            self.keep(row, item.id, TITLE)
            for column, value in ((TITLE, item.title), (PRESENTER, item.presenter), (NOTES, item.notes)):
                self.show_stored(row, column, value)
        self.table.blockSignals(blocked)


def _text_or_none(text: str) -> str | None:
    return text or None
