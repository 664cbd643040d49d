"""Open windows at a comfortable size that still fits the screen they are on.

Programme laptops have 1366×768 screens, and a 1920×1080 screen at 150 % scaling offers only
1280×720 to the program; a window opened taller than that hides its Save/Close buttons below the
screen's edge.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

MARGIN_WIDTH, MARGIN_HEIGHT = 24, 48  # the window's frame and title bar


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """`widget.resize(width, height)`, smaller where the screen has less room (never below what the
    window needs to show its contents)."""
    screen = widget.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - MARGIN_WIDTH), min(height, room.height() - MARGIN_HEIGHT)
    needed = widget.minimumSizeHint()
    widget.resize(max(width, needed.width()), max(height, needed.height()))
