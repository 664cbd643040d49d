"""Guards the PySide6 pin: 6.12.0 on CPython 3.11 drops a reference to None on every void Qt call
and the process aborts ("none_dealloc") after ~10,000 calls. If this fails, fix the pin in
pyproject.toml rather than the test."""

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    holder = QObject()
    before = sys.getrefcount(None)
    for i in range(100_000):
        holder.setObjectName("x" if i % 2 else "y")
    after = sys.getrefcount(None)
    assert abs(after - before) < 100, f"refcount of None moved by {after - before} over 100,000 calls"
