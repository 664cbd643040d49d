"""A completer that finds an entry by any part of it, whatever the case, alphabet or spelling typed
(the one folding of domain/search.py)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter

from desktop_app.domain.search import fold, typing_fold

COMPLETION_ROLE = Qt.ItemDataRole.UserRole  # what an entry puts in the field, when not its text
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1  # the entry folded, as the typed text is compared


class _FoldedStrings(QStringListModel):
    """Entries that also answer in their folded form (domain/search.fold), which the completer
    compares with the folded typed text: "kaz", "каз", "Qaz" all find Kazakhstan."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == FOLDED_ROLE:
            return fold(str(super().data(index, Qt.ItemDataRole.DisplayRole) or ""))
        return super().data(index, role)


class FoldingCompleter(QCompleter):
    """Matches what is typed, folded, anywhere in each entry, folded: any case, script or spelling."""

    def splitPath(self, path: str) -> list[str]:
        return [typing_fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        chosen = index.data(COMPLETION_ROLE)
        return str(chosen if chosen is not None else index.data(Qt.ItemDataRole.DisplayRole))


def contains_completer(entries: Iterable[str], parent: QObject | None = None) -> QCompleter:
    completer = FoldingCompleter(parent)
    completer.setModel(_FoldedStrings(list(entries), completer))
    completer.setCompletionRole(FOLDED_ROLE)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(12)
    return completer


def set_entries(completer: QCompleter, entries: Iterable[str]) -> None:
    model = completer.model()
    assert isinstance(model, QStringListModel)
    model.setStringList(list(entries))


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
