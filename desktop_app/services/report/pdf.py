"""The PDF report: Qt lays out the report's HTML on A4 landscape pages (13 columns need the width)
and writes them with QPdfWriter.

Why Qt and not a PDF library: Qt is already here, its text engine shapes Cyrillic with the
system's fonts, and tables break across pages with their header rows repeated (`<thead>` becomes
the table's header rows). The pages are drawn one by one so that each gets a footer with
"page N of M".
"""

from __future__ import annotations

from typing import BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from desktop_app.services.report.html import report_html
from desktop_app.services.report.model import Report
from desktop_app.services.report.raster import chart_image, ensure_gui
from desktop_app.services.safe_files import Incomplete

RESOLUTION = 300
MARGIN_MM = 15
FOOTER_MM = 8


def report_document(report: Report) -> QTextDocument:
    """The report as a QTextDocument with the charts attached: the PDF and the preview share it."""
    ensure_gui()
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(QFont("DejaVu Sans", 9))
    for index, chart in enumerate(report.charts):
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart{index}.png"), chart_image(chart))
    document.setHtml(report_html(report, qt=True))
    return document


def write_pdf(report: Report, target: BinaryIO) -> int:
    """Draw the report into memory, then write it to `target`; returns the number of pages.

    Drawn into a buffer, not a file: QPdfWriter reports a failed write only through the painter's
    `end()`, which is checked, and the bytes then go through the one safe writer like every file.
    """
    document = report_document(report)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(report.title)
    writer.setCreator("Dialogue Register")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    document.documentLayout().setPaintDevice(writer)  # lay out in the PDF's own units, fonts in points
    footer = FOOTER_MM / 25.4 * RESOLUTION
    page = QSizeF(writer.width(), writer.height() - footer)
    document.setPageSize(page)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise Incomplete("the PDF could not be started")
    footer_font = QFont("DejaVu Sans", 8)
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.translate(0, -number * page.height())
        document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
        painter.restore()
        painter.setFont(footer_font)
        painter.drawText(QRectF(0, writer.height() - footer * 0.8, page.width(), footer * 0.8),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         f"{report.title} — page {number + 1} of {pages}")
    if not painter.end():
        raise Incomplete("the PDF writer reported a failure")
    buffer.close()
    target.write(data.data())
    return pages
