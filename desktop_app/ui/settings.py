"""Where the window remembers its size, splitter, columns and recent databases between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "DialogueRegister"
APPLICATION = "Dialogue Register"
RECENT_KEY = "recentDatabases"
RECENT_LIMIT = 8


def app_settings() -> QSettings:
    """INI format everywhere, so tests can redirect it with `QSettings.setPath`."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def recent_databases() -> list[str]:
    value = app_settings().value(RECENT_KEY, [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


def remember_database(path: str) -> None:
    paths = [path, *(p for p in recent_databases() if p != path)][:RECENT_LIMIT]
    settings = app_settings()
    settings.setValue(RECENT_KEY, paths)
    settings.sync()
