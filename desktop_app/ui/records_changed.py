"""The bridge from the services' plain-Python broadcast of changed records to one Qt signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class RecordsChangedSignal(QObject):
    """`relay` is a `Database` listener; `records_changed` reaches the window's thread (queued when a
    worker thread wrote)."""

    records_changed = Signal(object)  # {kind: set of ids}

    def relay(self, changes: dict[str, set[str]]) -> None:
        self.records_changed.emit(changes)
