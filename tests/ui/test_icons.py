"""Every toolbar icon the UI may ask for exists, loads, and draws something visible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.resources import resource_path
from desktop_app.ui.icons import ICON_FILES, app_icon, icon, icon_file

NEEDED = ["new_dialogue", "open", "save", "delete", "restore", "import", "export", "report", "backup",
          "restore_backup", "search", "people", "institutions", "settings", "about", "help", "duplicate",
          "add_delegation", "add_participant", "merge", "check_database"]


def _inked_pixels(qicon: QIcon, size: int) -> int:
    image = qicon.pixmap(QSize(size, size)).toImage()
    return sum(1 for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).alpha() > 0)


def test_every_action_the_ui_needs_has_an_icon() -> None:
    assert set(NEEDED) <= set(ICON_FILES)


@pytest.mark.parametrize("name", sorted(ICON_FILES))
def test_icon_file_exists_and_draws_something(qapp: QApplication, name: str) -> None:
    assert icon_file(name).is_file()
    qicon = icon(name)
    assert not qicon.isNull()
    inked = _inked_pixels(qicon, 24)
    # a line drawing: some pixels drawn, most of the square left clear
    assert 10 < inked < 24 * 24 * 0.8


def test_icons_are_drawn_in_the_palette_text_colour(qapp: QApplication) -> None:
    old = qapp.palette()
    palette = QPalette(old)
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff0000"))
    qapp.setPalette(palette)
    try:
        image = icon("search").pixmap(QSize(32, 32)).toImage()
        opaque = [image.pixelColor(x, y) for x in range(32) for y in range(32) if image.pixelColor(x, y).alpha() == 255]
        assert opaque and all(c.red() == 255 and c.green() == 0 and c.blue() == 0 for c in opaque)
    finally:
        qapp.setPalette(old)


def test_unknown_icon_name_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        icon_file("no-such-action")


def test_icon_licence_ships_beside_the_icons() -> None:
    assert "MIT License" in resource_path("icons", "toolbar", "LICENSE-tabler-icons.txt").read_text(encoding="utf-8")


def test_application_icon_has_every_size_and_is_opaque_in_the_middle(qapp: QApplication) -> None:
    qicon = app_icon()
    assert {size.width() for size in qicon.availableSizes()} == {16, 24, 32, 48, 64, 128, 256}
    image = qicon.pixmap(QSize(64, 64)).toImage()
    assert image.pixelColor(32, 32).alpha() == 255
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corners stay clear
