"""A toolbar that keeps every action in view on a narrow or scaled screen.

Russian labels are longer: at 1366×768 with 150 % scaling the last buttons fell into the toolbar's
»» overflow menu, where an officer does not look. The toolbar shows text beside the icons when all
of it fits, else text under the icons, else icons alone (each still named in its tooltip and for
screen readers).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QToolBar

from desktop_app.ui import qt_later

# Qt.ToolButtonStyle's values, set through the property: the toolbar is fitted before the first paint,
# which names no `Qt` (ui/qt_later.py)
STYLES = (qt_later.TOOL_BUTTON_TEXT_BESIDE_ICON, qt_later.TOOL_BUTTON_TEXT_UNDER_ICON, qt_later.TOOL_BUTTON_ICON_ONLY)


class ToolbarFit(QObject):
    def __init__(self, toolbar: QToolBar) -> None:
        super().__init__(toolbar)
        self.toolbar = toolbar
        self._fitting = False
        toolbar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.toolbar and event.type() in (QEvent.Type.Resize, QEvent.Type.Show,
                                                         QEvent.Type.LanguageChange):
            self.fit()
        return super().eventFilter(watched, event)

    def needed(self, style: int) -> int:
        """The width every button and separator takes in `style` (a Qt.ToolButtonStyle value)."""
        self.toolbar.setProperty("toolButtonStyle", style)
        # the toolbar's own hint is its layout's with the margins, as its width is: asking for the
        # layout itself made PySide6 look its private class up among the layouts it knows, building
        # their enumerations before the first paint (issue 19)
        return self.toolbar.sizeHint().width()

    def fit(self) -> None:
        if self._fitting or self.toolbar.width() <= 0:
            return
        self._fitting = True
        try:
            room = self.toolbar.width()
            chosen = next((style for style in STYLES if self.needed(style) <= room), STYLES[-1])
            self.toolbar.setProperty("toolButtonStyle", chosen)
        finally:
            self._fitting = False


def fit_toolbar(toolbar: QToolBar) -> ToolbarFit:
    return ToolbarFit(toolbar)
