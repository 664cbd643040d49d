"""Every toolbar icon the UI may ask for exists, loads, and draws something visible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleOption

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


def _direct_render(name: str, size: int, ink: str) -> QImage:
    """The picture drawn straight from its SVG, as the icons were before they were drawn on demand."""
    svg = icon_file(name).read_text(encoding="utf-8").replace("currentColor", ink)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap.toImage()


@pytest.mark.parametrize("size", [16, 20, 24, 18, 40])
def test_an_icon_drawn_on_demand_is_the_svg_drawn_at_that_size(qapp: QApplication, size: int) -> None:
    """Issue 19: icons are drawn when a size is first shown; each size is the SVG itself at that size
    (not a scaled neighbour), in the palette's text colour, and it is drawn once."""
    ink = qapp.palette().color(QPalette.ColorRole.WindowText).name()
    qicon = icon("report")
    drawn = qicon.pixmap(QSize(size, size)).toImage()
    assert drawn.size() == QSize(size, size)
    assert drawn.convertToFormat(QImage.Format.Format_ARGB32) == _direct_render("report", size, ink).convertToFormat(
        QImage.Format.Format_ARGB32)
    assert qicon.pixmap(QSize(size, size)).cacheKey() == qicon.pixmap(QSize(size, size)).cacheKey()  # kept


def test_a_disabled_icon_is_greyed_by_the_style(qapp: QApplication) -> None:
    qicon = icon("report")
    normal = qicon.pixmap(QSize(24, 24), QIcon.Mode.Normal).toImage()
    disabled = qicon.pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage()
    expected = qapp.style().generatedIconPixmap(QIcon.Mode.Disabled, QPixmap.fromImage(normal), QStyleOption())
    assert disabled != normal
    assert disabled.convertToFormat(QImage.Format.Format_ARGB32) == expected.toImage().convertToFormat(
        QImage.Format.Format_ARGB32)
    assert {size.width() for size in qicon.availableSizes()} == {16, 20, 24, 32, 48, 64}
