"""Render the application icon SVG to the PNG sizes, the Windows .ico and the macOS .icns.

Run after editing resources/icons/app/dialogue-register.svg:
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_app_icon.py
QtSvg (in PySide6-Essentials) draws the PNGs; Pillow (the `package` extra) writes .ico/.icns.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app"
SVG = FOLDER / "dialogue-register.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int) -> Path:
    renderer = QSvgRenderer(str(SVG))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    target = FOLDER / f"dialogue-register-{size}.png"
    image.save(str(target))
    return target


def main() -> None:
    from PIL import Image

    _app = QGuiApplication([])
    pngs = {size: render(size) for size in SIZES}
    big = Image.open(pngs[256])
    big.save(FOLDER / "dialogue-register.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    Image.open(pngs[512]).save(FOLDER / "dialogue-register.icns")
    for name in ("dialogue-register.ico", "dialogue-register.icns", *(p.name for p in pngs.values())):
        print(f"{name}: {(FOLDER / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
