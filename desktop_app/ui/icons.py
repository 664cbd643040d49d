"""Toolbar and menu icons, by the officer's name for the action.

The pictures are Tabler Icons (MIT, `resources/icons/toolbar/LICENSE-tabler-icons.txt`): line
drawings in `currentColor`. They are drawn here with QSvgRenderer in the palette's text colour, so
they stay legible in a dark theme and need no SVG image plugin in the packaged app. Each picture is
drawn when a size of it is first shown (`_SvgEngine`), not at six sizes when the action is made: the
first window draws the toolbar's few at one size (issue 19); the greyed-out "disabled" look is the
style's own, as for any QIcon.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPalette, QPixmap

if TYPE_CHECKING:  # QtSvg and QPainter are imported where a picture is drawn (issue 19)
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPainter
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

# Toolbars ask for 16-32 px; the doubles serve high-DPI screens. Any size is drawn when asked for;
# these are the ones the icon says it has (QIcon.availableSizes).
_SIZES = (16, 20, 24, 32, 48, 64)


def icon_file(name: str):
    """The SVG file behind an action name; KeyError for a name nobody registered."""
    return resource_path("icons", "toolbar", f"{ICON_FILES[name]}.svg")


def _ink() -> QColor:
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app.palette().color(QPalette.ColorRole.WindowText)
    return QColor("#202020")


class _SvgEngine(QIconEngine):
    """An SVG picture drawn at the size asked for, the first time it is asked for, and kept.

    The disabled and selected looks come from the style (`QStyle.generatedIconPixmap`), as QIcon
    makes them for icons built from pixmaps."""

    def __init__(self, svg: bytes, name: str) -> None:
        super().__init__()
        self._svg = svg
        self._name = name
        self._renderer: QSvgRenderer | None = None  # read when first drawn
        self._pixmaps: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._svg, self._name)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(size, size) for size in _SIZES]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        if size.isEmpty():
            return QPixmap()
        if mode == QIcon.Mode.Active:  # as QIcon does: the normal picture
            mode = QIcon.Mode.Normal
        key = (size.width(), size.height(), mode)
        if (kept := self._pixmaps.get(key)) is None:
            kept = self._drawn(size) if mode == QIcon.Mode.Normal else _styled(
                mode, self.pixmap(size, QIcon.Mode.Normal, state))
            self._pixmaps[key] = kept
        return kept

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        pixmap = self.pixmap(QSize(round(rect.width() * ratio), round(rect.height() * ratio)), mode, state)
        painter.drawPixmap(rect, pixmap)

    def _drawn(self, size: QSize) -> QPixmap:
        from PySide6.QtCore import QByteArray, QRectF
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgRenderer

        if self._renderer is None:
            self._renderer = QSvgRenderer(QByteArray(self._svg))
            if not self._renderer.isValid():
                raise ValueError(f"the icon file for {self._name!r} is not a readable SVG")
        pixmap = QPixmap(size)
        pixmap.fill(QColor(0, 0, 0, 0))  # Qt.GlobalColor.transparent, without `Qt` before the first paint
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return pixmap


def _styled(mode: QIcon.Mode, pixmap: QPixmap) -> QPixmap:
    from PySide6.QtWidgets import QApplication, QStyleOption

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return pixmap
    return app.style().generatedIconPixmap(mode, pixmap, QStyleOption())


@cache
def _icon(name: str, ink: str) -> QIcon:
    svg = icon_file(name).read_text(encoding="utf-8").replace("currentColor", ink).encode("utf-8")
    return QIcon(_SvgEngine(svg, name))


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
