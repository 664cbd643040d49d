"""Toolbar and menu icons, by the officer's name for the action.

The pictures are Tabler Icons (MIT, `resources/icons/toolbar/LICENSE-tabler-icons.txt`): line
drawings in `currentColor`. They are drawn here with QSvgRenderer in the palette's text colour, so
they stay legible in a dark theme and need no SVG image plugin in the packaged app; QIcon derives the
greyed-out "disabled" look itself.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop_app.resources import resource_path

# Action name -> Tabler file (without .svg). Add a row here and copy the SVG to add an icon.
ICON_FILES: dict[str, str] = {
    "new_dialogue": "message-plus",
    "open": "folder-open",
    "open_dialogue": "pencil",
    "save": "device-floppy",
    "delete": "trash",
    "restore": "restore",  # take a dialogue back out of the trash
    "import": "file-import",
    "export": "file-export",
    "report": "report-analytics",
    "backup": "database-export",
    "restore_backup": "database-import",
    "search": "search",
    "people": "users",
    "institutions": "building-bank",
    "settings": "settings",
    "about": "info-circle",
    "help": "help",
    "duplicate": "copy",
    "add_delegation": "flag-plus",
    "add_participant": "user-plus",
    "merge": "arrow-merge",
    "check_database": "database-check",
    "calendar": "calendar",  # the date fields' calendar button
    "problem": "alert-circle",  # a field or tab that stops saving
    "warning": "alert-triangle",  # worth a second look, does not stop saving
}

# Toolbars ask for 16-32 px; the doubles serve high-DPI screens.
_SIZES = (16, 20, 24, 32, 48, 64)


def icon_file(name: str):
    """The SVG file behind an action name; KeyError for a name nobody registered."""
    return resource_path("icons", "toolbar", f"{ICON_FILES[name]}.svg")


def _ink() -> QColor:
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app.palette().color(QPalette.ColorRole.WindowText)
    return QColor("#202020")


@cache
def _icon(name: str, ink: str) -> QIcon:
    svg = icon_file(name).read_text(encoding="utf-8").replace("currentColor", ink)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError(f"the icon file for {name!r} is not a readable SVG")
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def app_icon() -> QIcon:
    """The program's own icon (two speech bubbles), for the window title bar and the task bar."""
    result = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        result.addFile(str(resource_path("icons", "app", f"dialogue-register-{size}.png")), QSize(size, size))
    return result


def icon(name: str) -> QIcon:
    """The icon for an action, e.g. `icon("new_dialogue")`, in the current palette's text colour."""
    return _icon(name, _ink().name())


def coloured_icon(name: str, colour: QColor) -> QIcon:
    """The icon drawn in `colour` (a palette's error or warning colour), for markers beside text."""
    return _icon(name, colour.name())
