"""The PDF report: Qt lays out the report's HTML once, at the width of an A4 landscape page, and the
pages are cut from that layout at places this module chooses, then written with QPdfWriter.

Why Qt and not a PDF library: Qt is already here and its text engine shapes Cyrillic with the
system's fonts. Why our own page breaks: Qt's own pagination splits table rows across pages,
leaves a heading alone at a page foot and pushes a tall image to a new page leaving the previous
one almost empty. Here the body is laid out as one endless page; every place a page may end is
listed (between top-level blocks, between table rows), with what must stay together (a heading
with what follows, a chart with its caption, a table's header with its first row). Each page
then ends at the last allowed place that fits, and a page that continues a table repeats its
header row. Pages are drawn and written one after another (the writer streams them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import BinaryIO

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextFrame,
    QTextTable,
)

from desktop_app.services.report.fit import Fit, fit_table, measurer
from desktop_app.services.report.html import (
    _chart,
    _section,
    _table_parts,
    qt_html,
    report_html,
    table_head,
    table_notes,
    title_html,
)
from desktop_app.services.report.model import Report, Table
from desktop_app.services.report.pdf_table import DrawnTable, Metrics
from desktop_app.services.report.raster import chart_image, ensure_gui
from desktop_app.services.safe_files import Incomplete

RESOLUTION = 300
MARGIN_MM = 15
FOOTER_MM = 9
ENDLESS = 1e9
CHUNK_ROWS = 300  # rows of a long table laid out at a time (one QTextDocument each)
DRAW_ROWS: int | None = CHUNK_ROWS  # longer tables are drawn with QPainter (`pdf_table.py`); None: never
KEEP_ROWS = 2500  # parts up to this many rows in all stay laid out between the two passes: not laid out twice
SECTION_ROWS = 30  # about the rows of an annex section, for grouping sections into parts
HEADS = 2e9  # where `paginate` finds the repeated header rows of long tables: beyond any body
HEAD_GAP = 1e6
FLUSH_BYTES = 1 << 20  # the PDF's bytes go to the file whenever a page leaves this many in the buffer


def _attach(document: QTextDocument, report: Report) -> None:
    for index, chart in enumerate(report.charts):
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart{index}.png"), chart_image(chart))
    if report.title_page.logo:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("logo"),
                             QImage.fromData(report.title_page.logo))


def report_document(report: Report) -> QTextDocument:
    """The whole report as one QTextDocument with the charts attached: the window's preview."""
    ensure_gui()
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    _attach(document, report)
    document.setHtml(report_html(report, qt=True))
    return document


@dataclass(frozen=True, slots=True)  # slots: a long table has a stop a row
class Stop:
    """A place a page may end: `y` in the laid-out body; `allowed` False keeps what is before it with
    what follows; `header` is the span of the table header to repeat when a page starts here."""

    y: float
    allowed: bool
    header: tuple[float, float] | None = None


def _table_stops(document: QTextDocument, table: QTextTable) -> tuple[float, float, list[Stop]]:
    """(top, bottom, stops between rows) of a table, from its cells' blocks.

    Not `frameBoundingRect`: Qt answers it by walking the layout, some 60 ms a table at 150 dialogues;
    the cells' blocks give the rows' extents directly, and a table's edges are half a row gap away."""
    layout = document.documentLayout()
    rows = table.rows()
    tops: list[float] = []
    bottoms: list[float] = []
    for row in range(rows):
        top, bottom = ENDLESS, 0.0
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            first = layout.blockBoundingRect(cell.firstCursorPosition().block())
            last = layout.blockBoundingRect(cell.lastCursorPosition().block())
            top, bottom = min(top, first.top()), max(bottom, last.bottom())
        tops.append(top)
        bottoms.append(bottom)
    edge = (tops[1] - bottoms[0]) / 2 if rows > 1 else 0.0
    headers = table.format().headerRowCount()
    stops = []
    header_span = None
    for row in range(1, rows):
        y = (bottoms[row - 1] + tops[row]) / 2
        if row == headers:
            header_span = (tops[0] - edge, y)
        stops.append(Stop(y, allowed=row > headers, header=header_span if row > headers else None))
    return tops[0] - edge, bottoms[-1] + 2 * edge, stops  # below: the table's own border as well


def _stops(document: QTextDocument, keep: bool = False) -> tuple[list[Stop], float, float, bool]:
    """Every place the body may be cut, in order; the body's height; the bottom of its last table;
    and whether its last block must stay with what follows (`keep`: the same, from the part before)."""
    layout = document.documentLayout()
    stops: list[Stop] = []
    floor = 0.0  # the bottom of the last table: Qt places the empty block after a table inside its frame
    iterator = document.rootFrame().begin()
    while not iterator.atEnd():
        frame: QTextFrame | None = iterator.currentFrame()
        if isinstance(frame, QTextTable):
            top, bottom, inside = _table_stops(document, frame)
            stops.append(Stop(max(top, floor), allowed=not keep))
            stops.extend(inside)
            floor = bottom
            keep = False
        elif frame is not None:
            rect = layout.frameBoundingRect(frame)
            stops.append(Stop(max(rect.top(), floor), allowed=not keep))
            floor = rect.bottom()
            keep = False
        else:
            block = iterator.currentBlock()
            rect = layout.blockBoundingRect(block)
            stops.append(Stop(max(rect.top(), floor), allowed=not keep))
            # a heading stays with what follows it, a chart with its caption below
            keep = block.blockFormat().headingLevel() > 0 or _has_image(block)
        iterator += 1
    height = layout.documentSize().height()
    return [s for s in stops if 0 < s.y < height], height, floor, keep


def _has_image(block) -> bool:
    iterator = block.begin()
    while not iterator.atEnd():
        if iterator.fragment().charFormat().isImageFormat():
            return True
        iterator += 1
    return False


def paginate(stops: list[Stop], height: float, page: float) -> list[list[tuple[float, float]]]:
    """The slices of the body each page shows: a page ends at the last allowed stop that fits; when
    that would leave the page less than a third full, a kept-together stop is used instead, and
    then a short page, and only as a last resort (a block taller than a page) the page is cut where
    it is full."""
    pages: list[list[tuple[float, float]]] = []
    top = 0.0
    header: tuple[float, float] | None = None
    index = 0
    ys = [stop.y for stop in stops]  # in order: the stops that fit a page are found by bisection
    while top < height - 0.5:
        room = page - (header[1] - header[0] if header else 0.0)
        limit = top + room
        if height <= limit:
            pages.append(([header] if header else []) + [(top, height)])
            break
        while index < len(stops) and stops[index].y <= top:
            index += 1
        fitting = [s for s in stops[index:bisect_right(ys, limit, lo=index)] if s.y <= limit]
        best = next((s for s in reversed(fitting) if s.allowed and s.y - top >= room / 3), None)
        if best is None:  # what must stay together is taller than two thirds of a page: part it
            best = next((s for s in reversed(fitting) if s.y - top >= room / 3), None)
        if best is None:  # nothing to part it at (a chart with its caption): a short page, never a cut image
            best = next((s for s in reversed(fitting) if s.allowed), None)
        end = best.y if best else limit
        pages.append(([header] if header else []) + [(top, end)])
        header = best.header if best else None
        top = end
    return pages


@dataclass(frozen=True)
class Part:
    """A piece of the body laid out on its own: small tables together, a long table in parts of
    `CHUNK_ROWS` rows (`header`: the later parts repeat that table's header row on a new page),
    some annex sections together."""

    markup: str
    rows: int
    header: int | None = None
    ends_with_table: bool = False  # its height is its last table's bottom: no gap before the next part
    drawn: Table | None = None  # a long table drawn with QPainter (`pdf_table.py`); its header is `header`
    fit: Fit | None = None  # the drawn table's widths and font size, when fitted to its words (`fit.py`)


def _parts(report: Report, fit_of: Callable[[Table], Fit | None] = lambda table: None) -> tuple[list[Part], list[str]]:
    """The body in parts, in order, and the header-row markup of each long table; `fit_of` gives a
    table's widths and font size when they come from its words (`fit.py`), else None."""
    parts: list[Part] = []
    heads: list[str] = []
    pending: list[str] = []
    rows = 0

    def flush() -> None:
        nonlocal rows
        if pending:
            parts.append(Part("".join(pending), rows))
        pending.clear()
        rows = 0

    for table in report.tables(shares=True, participants=False):  # the Participants are in the annex
        heading = f'<h2 id="{table.name.lower()}">{escape(report.t(table.name))}</h2>'
        fit = fit_of(table)
        if len(table.rows) <= min(CHUNK_ROWS, CHUNK_ROWS if DRAW_ROWS is None else DRAW_ROWS):
            pending.append(heading + "".join(_table_parts(report, table, True, fit=fit)) + table_notes(report, table))
            if table.name == "Summary" and not report.empty:
                pending.extend(_chart(i, report, True) for i in range(len(report.charts)))
            rows += len(table.rows)
            if rows >= CHUNK_ROWS:
                flush()
            continue
        drawn = DRAW_ROWS is not None and len(table.rows) > DRAW_ROWS
        if drawn:
            pending.append(heading)  # laid out by Qt, kept with the table (a heading keeps with what follows)
        flush()
        heads.append(table_head(report, table, fit))
        if drawn:
            parts.append(Part("", len(table.rows), len(heads) - 1, ends_with_table=True, drawn=table, fit=fit))
        else:
            for start in range(0, len(table.rows), CHUNK_ROWS):
                end = start + CHUNK_ROWS
                piece = Table(table.name, table.header, table.rows[start:end],
                              frozenset(i - start for i in table.drafts if start <= i < end))
                markup = "".join(_table_parts(report, piece, True, head=not start, fit=fit))
                parts.append(Part(markup if start else heading + markup, len(piece.rows),
                                  len(heads) - 1 if start else None, ends_with_table=True))
        if notes := table_notes(report, table):
            pending.append(notes)
        if table.name == "Summary" and not report.empty:
            pending.extend(_chart(i, report, True) for i in range(len(report.charts)))
    if report.annex_note:
        pending.append(f"<h2>{escape(report.t('Dialogues in detail'))}</h2><p>{escape(report.annex_note)}</p>")
    elif report.sections:
        pending.append(f"<h2>{escape(report.t('Dialogues in detail'))}</h2>")
    for section in report.sections:
        pending.append(_section(report, section, True))
        rows += SECTION_ROWS
        if rows >= CHUNK_ROWS:
            flush()
    flush()
    return parts, heads


def write_pdf(report: Report, target: BinaryIO, tick: Callable[[int, int], None] | None = None) -> int:
    """Draw the report page by page into `target`; returns the number of pages.

    QPdfWriter writes into a small buffer that is emptied into `target` after every page that
    filled it past `FLUSH_BYTES` (`_Drain`), so the bytes go through the one safe writer like
    every file (services.safe_files: a full disk is heard at once, from `target.write`) and the PDF
    is never held whole in memory (issue 19, round 6: at 100,000 dialogues the buffer and its copy
    were 74 MB). QPdfWriter counts the offsets of its cross-reference table itself, not from the
    device, so emptying the buffer under it is safe. A failure of the painter is heard through its
    `end()`, which is checked. `tick` hears of each page drawn.

    Flat memory (issue 19): the body is laid out in parts (`_parts`), one QTextDocument each. A first
    pass lays each part out to find where pages end (and so the number of pages "page X of Y" needs),
    keeping only the first `KEEP_ROWS` rows' parts; the second draws the pages, laying the others out
    again one at a time and dropping each once its pages are drawn."""
    tick = tick or (lambda done, total: None)
    tick(0, 0)
    ensure_gui()
    drain = _Drain(target)
    writer = QPdfWriter(drain.buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(report.title)
    writer.setCreator("Dialogue Register")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    footer = FOOTER_MM / 25.4 * RESOLUTION
    page = QSizeF(writer.width(), writer.height() - footer)

    def laid_out(markup: str) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(QFont("DejaVu Sans", 10))
        document.documentLayout().setPaintDevice(writer)  # lay out in the PDF's own units, fonts in points
        if "<img" in markup:
            _attach(document, report)
        document.setPageSize(QSizeF(page.width(), ENDLESS))  # before the text: laid out once, at this width
        document.setHtml(qt_html(markup))
        return document

    title = laid_out(title_html(report, qt=True))
    measure = measurer(writer)

    def fit_of(table: Table) -> Fit | None:
        return fit_table(report, table, lambda: measure, lambda: _table_room(laid_out, len(table.header)))

    parts, heads = _parts(report, fit_of)
    # the header rows of long tables, laid out once and kept, placed (for `paginate`) beyond the body
    head_documents = [laid_out(markup) for markup in heads]
    head_spans: list[tuple[float, float]] = []
    for index, document in enumerate(head_documents):
        table = next(f for f in _frames(document) if isinstance(f, QTextTable))
        top, bottom, _ = _table_stops(document, table)
        head_spans.append((HEADS + index * HEAD_GAP + max(0.0, top), HEADS + index * HEAD_GAP + bottom))
    offsets: list[float] = []
    heights: list[float] = []
    stops: list[Stop] = []
    kept: dict[int, QTextDocument | DrawnTable] = {}
    kept_rows = 0
    offset = 0.0
    keep = False
    for index, part in enumerate(parts):
        tick(0, 0)  # laying out: Cancel is heard between parts
        if part.drawn is not None:  # a long table: measured here, drawn row by row (`pdf_table.py`)
            assert part.header is not None
            drawn = _drawn_table(report, part.drawn, head_documents[part.header], laid_out, page.width(),
                                 writer, lambda: tick(0, 0), part.fit)
            if index:
                stops.append(Stop(offset, allowed=not keep))
            own_header = (offset, offset + drawn.head_height)
            stops.extend(Stop(y + offset, True, own_header) for y in drawn.stops())
            offsets.append(offset)
            following = parts[index + 1].markup if index + 1 < len(parts) else ""
            height = drawn.height + _space_after_table(following, laid_out, drawn.metrics)
            heights.append(height)
            offset += height
            keep = False
            kept[index] = drawn  # one float a row: kept until drawn
            continue
        document = laid_out(part.markup)
        inside, height, floor, keep_after = _stops(document, keep)
        if part.ends_with_table:
            height = floor
        repeated = head_spans[part.header] if part.header is not None else None
        if index:
            stops.append(Stop(offset, allowed=not keep, header=repeated))
        for stop in inside:
            if stop.y < height:
                span = (stop.header[0] + offset, stop.header[1] + offset) if stop.header else repeated
                stops.append(Stop(stop.y + offset, stop.allowed, span))
        offsets.append(offset)
        heights.append(height)
        offset += height
        keep = keep_after
        if kept_rows + part.rows <= KEEP_ROWS:
            kept[index] = document
            kept_rows += part.rows
        del document
    slices = paginate(stops, offset, page.height())
    total = 1 + len(slices)
    painter = QPainter(writer)
    footer_font = QFont("DejaVu Sans", 9)
    page_text = report.t("Page %1 of %2")

    def draw_footer(number: int) -> None:
        painter.setFont(footer_font)
        text = page_text.replace("%1", str(number)).replace("%2", str(total))
        painter.drawText(QRectF(0, writer.height() - footer * 0.8, page.width(), footer * 0.8),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         f"{report.title} — {text}")

    def draw(document: QTextDocument | DrawnTable, start: float, end: float, y: float) -> None:
        if isinstance(document, DrawnTable):
            document.draw(painter, start, end, y)
            return
        painter.save()
        painter.translate(0, y - start)
        # a block that begins exactly where the slice ends belongs to the next page: Qt would
        # draw it clipped (invisible, yet in the PDF's text), so the slice stops just short of it
        document.drawContents(painter, QRectF(0, start, page.width(), max(0.0, end - start - 1)))
        painter.restore()

    def part_document(index: int) -> QTextDocument | DrawnTable:
        document = kept.get(index)
        if document is None:
            document = kept[index] = laid_out(parts[index].markup)
        return document

    try:
        title.drawContents(painter, QRectF(0, 0, page.width(), page.height()))
        draw_footer(1)
        for number, pieces in enumerate(slices, start=2):
            tick(number - 1, total)
            writer.newPage()  # the page before is written now: its bytes can go
            drain()
            y = 0.0
            for start, end in pieces:
                if start >= HEADS:  # a long table's header row, repeated
                    index = int((start - HEADS) // HEAD_GAP)
                    base = HEADS + index * HEAD_GAP
                    draw(head_documents[index], start - base, end - base, y)
                else:
                    first = max(0, bisect_right(offsets, start) - 1)
                    for old in [i for i in kept if i < first]:  # drawn: dropped
                        del kept[old]
                    index = first
                    while index < len(parts) and offsets[index] < end:
                        low, high = max(start, offsets[index]), min(end, offsets[index] + heights[index])
                        if high > low:
                            draw(part_document(index), low - offsets[index], high - offsets[index],
                                 y + low - start)
                        index += 1
                y += end - start
            draw_footer(number)
    except BaseException:  # Cancel (or a failure): end the painter before its writer goes
        painter.end()
        raise
    if not painter.end():
        raise Incomplete("the PDF writer reported a failure")
    drain(everything=True)
    tick(total, total)
    return total


class _Drain:
    """The device QPdfWriter writes into: a buffer emptied into the report's file as pages are done.

    Not a QIODevice of our own that writes straight through: PySide6 hands `writeData` its bytes as
    a `str`, which binary PDF content is not."""

    def __init__(self, target: BinaryIO) -> None:
        self.target = target
        self.buffer = QBuffer()
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)

    def __call__(self, everything: bool = False) -> None:
        if self.buffer.pos() < (1 if everything else FLUSH_BYTES):
            return
        self.target.write(self.buffer.data().data())
        self.buffer.close()  # opened again, emptied (QPdfWriter keeps its own offsets)
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate)


def _drawn_table(report: Report, table: Table, head: QTextDocument, laid_out: Callable[[str], QTextDocument],
                 width: float, writer: QPdfWriter, tick: Callable[[], None], fit: Fit | None = None) -> DrawnTable:
    """A long table to draw with QPainter, its columns and rows measured as Qt would lay them out."""
    metrics = Metrics.calibrate(head, laid_out, len(table.header), width, RESOLUTION / 96,
                                fit.css_class() if fit else "")
    return DrawnTable(table.rows, table.drafts, table.header, [report.t(name) for name in table.header],
                      report.language, metrics, writer, tick, fit.size if fit else 9)


def _table_room(laid_out: Callable[[str], QTextDocument], columns: int) -> tuple[float, float]:
    """(the width Qt takes a table's column percentages of, a column's width beyond its text) in
    points, for a table of `columns` columns: read from one Qt lays out with a narrow first column
    and the others equal (a column of share s has s times the first, less the second, for its text;
    both depend on the number of columns, whose borders take their part of the width)."""
    narrow = 1 / (2 * columns)
    other = (1 - narrow) / (columns - 1)
    cells = "".join(f'<td width="{share * 100:.3f}%">x</td>' for share in [narrow] + [other] * (columns - 1))
    sample = laid_out(f'<table border="1" cellspacing="0" cellpadding="2" width="100%"><tr>{cells}</tr></table>')
    table = next(f for f in _frames(sample) if isinstance(f, QTextTable))
    place = sample.documentLayout()
    first, second = (place.blockBoundingRect(table.cellAt(0, column).firstCursorPosition().block()).width()
                     for column in (0, 1))
    whole = (second - first) / (other - narrow)
    points = 72 / RESOLUTION
    return whole * points, (whole * narrow - first) * points


FIRST_BLOCK = re.compile(r"\s*<(h[1-6]|p)\b[^>]*>.*?</\1>", re.S)


def _space_after_table(following: str, laid_out: Callable[[str], QTextDocument], metrics: Metrics) -> float:
    """The space Qt leaves between a table's last row and the block after it (an empty block and that
    block's top margin), less the table's own bottom padding and border: a drawn table is followed
    by what follows it as far down as in a document Qt lays out whole."""
    first = FIRST_BLOCK.match(following)
    if first is None:
        return 0.0
    sample = laid_out('<table border="1" cellspacing="0" cellpadding="2" width="100%"><tr><td>x</td></tr></table>'
                      + first.group(0))
    stops, _, floor, _ = _stops(sample)
    below = [stop.y for stop in stops if stop.y > floor + 0.5]
    return max(0.0, below[-1] - floor - metrics.extra / 2 - metrics.border) if below else 0.0


def _frames(document: QTextDocument) -> list[QTextFrame]:
    found = []
    iterator = document.rootFrame().begin()
    while not iterator.atEnd():
        frame = iterator.currentFrame()
        if frame is not None:
            found.append(frame)
        iterator += 1
    return found
