"""A document as a PDF, laid out by Qt (QTextDocument drawn on a QPdfWriter) as the report is.

Qt's own pagination may cut a table row in two, which a sign-in sheet must never do (half a row
on each page: nowhere to sign). So the pages are made here: blocks are added to a page one by one
— a table row by row, its header repeated on each page — and what no longer fits on the page,
measured by Qt's layout at the page's real size, starts the next one. A heading marked
`keep_with_next` moves with the first row of its table.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from desktop_app.services.documents.model import Document, PageBreak, Para, Style, Table
from desktop_app.services.report.raster import ensure_gui

RESOLUTION = 300
MARGIN_MM = 20
HEADER_MM = 8
FOOTER_MM = 8
FONT = "Times New Roman"  # on the officers' Windows laptops; elsewhere the next that exists
FAMILIES = [FONT, "Liberation Serif", "DejaVu Serif"]
ALIGN = {Style.TITLE: "center", Style.HEADING: "left", Style.BODY: "justify", Style.PLAIN: "left",
         Style.RIGHT: "right", Style.SMALL: "left"}
SIZE = {Style.TITLE: 14, Style.HEADING: 13, Style.BODY: 12, Style.PLAIN: 12, Style.RIGHT: 12, Style.SMALL: 9}

Piece = Para | tuple[Table, list[tuple[str, ...]]] | str  # str: raw HTML (letterhead)


def _font(size: int) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSize(size)
    return font


def _para_html(para: Para) -> str:
    indent = "text-indent: 60px; " if para.style is Style.BODY else ""
    before = 40 if para.space_before else 0
    space = 10 if para.style in (Style.BODY, Style.TITLE, Style.HEADING) else 3
    text = escape(para.text).replace("\n", "<br/>")
    if para.bold:
        text = f"<b>{text}</b>"
    return (f'<p style="{indent}text-align: {ALIGN[para.style]}; font-size: {SIZE[para.style]}pt; '
            f'margin-top: {before}px; margin-bottom: {space}px;">{text}</p>')


def _cell_html(text: str, bold: bool) -> str:
    lines = [escape(line) for line in text.split("\n")]
    first = f"<b>{lines[0]}</b>" if bold else lines[0]
    rest = "".join(f'<br/><span style="font-size: 9pt;">{line}</span>' for line in lines[1:])
    return first + rest


def _table_html(table: Table, rows: list[tuple[str, ...]]) -> str:
    size = 10 if len(table.header) <= 5 else 9
    head = "".join(f'<th width="{share * 100:.1f}%" align="left" bgcolor="#eeeeee">{_cell_html(text, True)}</th>'
                   for text, share in zip(table.header, table.widths, strict=True))
    filler = '<br/><br/>' if table.tall_rows else ""
    body = "".join("<tr>" + "".join(f"<td>{_cell_html(value, False)}{filler if column == 0 else ''}</td>"
                                    for column, value in enumerate(row)) + "</tr>" for row in rows)
    return (f'<table width="100%" border="1" cellspacing="0" cellpadding="5" style="border-collapse: collapse; '
            f'font-size: {size}pt; margin-bottom: 8px;"><thead><tr>{head}</tr></thead>{body}</table>')


def _letterhead_html(document: Document) -> str:
    parts = []
    if document.logo:
        parts.append('<p align="center"><img src="logo" height="150"/></p>')
    parts.extend(f'<p align="center" style="font-size: 11pt; margin: 0;"><b>{escape(line)}</b></p>'
                 for line in document.letterhead)
    if document.letterhead:
        parts.append('<p style="margin-bottom: 12px;"></p>')
    return "".join(parts)


class _Pages:
    """Fills pages, asking Qt whether each addition still fits on one page."""

    def __init__(self, writer: QPdfWriter, page: QSizeF, document: Document) -> None:
        self.writer, self.page, self.document = writer, page, document
        self.pages: list[str] = []
        self.current: list[Piece] = []

    def html(self, pieces: list[Piece]) -> str:
        out = []
        for piece in pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif isinstance(piece, Para):
                out.append(_para_html(piece))
            else:
                out.append(_table_html(*piece))
        families = ", ".join(f"'{f}'" for f in FAMILIES)
        return f'<html><body style="font-family: {families};">{"".join(out)}</body></html>'

    def layout(self, html: str) -> QTextDocument:
        text = QTextDocument()
        text.setDocumentMargin(0)
        text.setDefaultFont(_font(12))
        if self.document.logo:
            text.addResource(QTextDocument.ResourceType.ImageResource, QUrl("logo"),
                             QImage.fromData(QByteArray(self.document.logo)))
        text.documentLayout().setPaintDevice(self.writer)
        text.setPageSize(self.page)
        text.setHtml(html)
        return text

    def fits(self, pieces: list[Piece]) -> bool:
        return self.layout(self.html(pieces)).pageCount() <= 1

    def flush(self) -> None:
        if self.current:
            self.pages.append(self.html(self.current))
        self.current = []

    def add_para(self, para: Para) -> None:
        if self.current and not self.fits([*self.current, para]):
            self.flush()
        self.current.append(para)

    def add_table(self, table: Table) -> None:
        piece: tuple[Table, list[tuple[str, ...]]] = (table, [])
        self.current.append(piece)
        for row in table.rows:
            piece[1].append(row)
            if self.fits(self.current):
                continue
            piece[1].pop()
            carried: list[Piece] = []
            if not piece[1]:  # not one row fitted: the table (and its heading) start the next page
                self.current.pop()
                while self.current and isinstance(self.current[-1], Para) and self.current[-1].keep_with_next:
                    carried.insert(0, self.current.pop())
            self.flush()
            if not carried and table.continued:
                carried = [Para(table.continued, Style.HEADING, bold=True)]
            piece = (table, [row])
            self.current = [*carried, piece]  # a single row taller than a page is the one thing left to Qt


def paginate(document: Document, writer: QPdfWriter, page: QSizeF) -> list[str]:
    """The HTML of each page; every table row whole on one page."""
    pages = _Pages(writer, page, document)
    letterhead = _letterhead_html(document)
    if letterhead:
        pages.current.append(letterhead)
    for block in document.blocks:
        if isinstance(block, PageBreak):
            pages.flush()
        elif isinstance(block, Para):
            pages.add_para(block)
        else:
            pages.add_table(block)
    pages.flush()
    return pages.pages


def write_pdf(document: Document, target: Path) -> None:
    ensure_gui()
    writer = QPdfWriter(str(target))
    writer.setResolution(RESOLUTION)
    writer.setTitle(document.title)
    writer.setCreator("Dialogue Register")
    orientation = QPageLayout.Orientation.Landscape if document.landscape else QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(MARGIN_MM, MARGIN_MM - HEADER_MM / 2, MARGIN_MM, MARGIN_MM / 2),
                                     QPageLayout.Unit.Millimeter))
    header = HEADER_MM / 25.4 * RESOLUTION
    footer = FOOTER_MM / 25.4 * RESOLUTION
    page = QSizeF(writer.width(), writer.height() - header - footer)
    pages = paginate(document, writer, page)
    painter = QPainter(writer)
    small = _font(8)
    of = "из" if document.language == "ru" else "of"
    word = "стр." if document.language == "ru" else "page"
    for number, html in enumerate(pages):
        if number:
            writer.newPage()
        layout = _Pages(writer, page, document).layout(html)
        painter.setFont(small)
        if document.running_header:
            painter.drawText(QRectF(0, 0, page.width(), header * 0.8),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter), document.running_header)
        painter.save()
        painter.translate(0, header)
        layout.drawContents(painter, QRectF(0, 0, page.width(), page.height()))
        painter.restore()
        painter.setFont(small)
        footer_text = f"{document.footer} — {word} {number + 1} {of} {len(pages)}" if document.footer else \
            f"{word} {number + 1} {of} {len(pages)}"
        painter.drawText(QRectF(0, writer.height() - footer * 0.8, page.width(), footer * 0.8),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), footer_text)
    painter.end()
