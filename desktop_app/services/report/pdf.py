"""The PDF report: Qt lays out the report's HTML on A4 pages and writes them with QPdfWriter.

Why Qt and not a PDF library: Qt is already here, its text engine shapes Cyrillic with the
system's fonts, tables break across pages with their header rows repeated (`<thead>` becomes
the table's header rows), and QTextDocument.print numbers the pages itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop_app.services.report.html import report_html
from desktop_app.services.report.model import Report
from desktop_app.services.report.raster import chart_image, ensure_gui

RESOLUTION = 300


def report_document(report: Report) -> QTextDocument:
    """The report as a QTextDocument with the charts attached: the PDF and the preview share it."""
    ensure_gui()
    document = QTextDocument()
    document.setDocumentMargin(0)
    for index, chart in enumerate(report.charts):
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart{index}.png"), chart_image(chart))
    document.setHtml(report_html(report, qt=True))
    return document


def write_pdf(report: Report, target: Path) -> None:
    document = report_document(report)
    writer = QPdfWriter(str(target))
    writer.setResolution(RESOLUTION)
    writer.setTitle(report.title)
    writer.setCreator("Dialogue Register")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    document.setPageSize(QSizeF())  # unpaginated: print() paginates a copy and numbers the pages
    document.print_(writer)
