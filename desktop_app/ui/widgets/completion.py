"""A completer that finds an entry by any part of it, whatever the case or alphabet typed."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter


def contains_completer(entries: Iterable[str], parent: QObject | None = None) -> QCompleter:
    completer = QCompleter(parent)
    completer.setModel(QStringListModel(list(entries), completer))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(12)
    return completer


def set_entries(completer: QCompleter, entries: Iterable[str]) -> None:
    model = completer.model()
    assert isinstance(model, QStringListModel)
    model.setStringList(list(entries))


COMPLETION_ROLE = Qt.ItemDataRole.UserRole


def set_offers(completer: QCompleter, entries: Iterable[str | tuple[str, str]]) -> None:
    """Entries that may show more than they put in the field: (text put in, text shown), e.g. a
    person with their country and last meeting, completing to the name alone."""
    model = completer.model()
    if not isinstance(model, QStandardItemModel):
        model = QStandardItemModel(completer)
        completer.setModel(model)
        completer.setCompletionRole(COMPLETION_ROLE)
    model.clear()
    for entry in entries:
        text, shown = (entry, entry) if isinstance(entry, str) else entry
        item = QStandardItem(shown)
        item.setData(text, COMPLETION_ROLE)
        item.setEditable(False)
        model.appendRow(item)


def offered_texts(completer: QCompleter) -> list[str]:
    """What each entry of a completer would put in the field (for tests and for reading back)."""
    model = completer.model()
    role = completer.completionRole()
    return [str(model.data(model.index(row, 0), role)) for row in range(model.rowCount())]
