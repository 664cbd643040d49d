"""A completer that finds an entry by any part of it, whatever the case or alphabet typed."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QStringListModel, Qt
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
