"""Charts as PNG for the PDF, the Word file and the preview: Qt's SVG renderer draws `charts.py`'s SVG.

Qt is confined to this module and `pdf.py`; both need a QGuiApplication, which the app already
has and the command line creates (offscreen) before rendering.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop_app.services.report.charts import chart_svg
from desktop_app.services.report.model import Chart

SCALE = 2  # twice the drawing's size, so the bars stay sharp in print


def ensure_gui() -> None:
    """Qt draws text only inside a QGuiApplication; the command line has none of its own."""
    if QGuiApplication.instance() is None:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_gui.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive for the process


def chart_image(chart: Chart) -> QImage:
    ensure_gui()
    renderer = QSvgRenderer(QByteArray(chart_svg(chart).encode("utf-8")))
    size = renderer.defaultSize() * SCALE
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def chart_png(chart: Chart) -> bytes:
    image = chart_image(chart)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; PySide6 takes only str
    buffer.close()
    return bytes(data.data())
