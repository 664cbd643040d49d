"""A long table of the PDF report drawn with QPainter directly, not laid out by Qt's rich text (issue 19).

Why: Qt's rich-text engine costs some 5 ms of CPU a row of the Dialogues table (parsing the markup,
laying it out, drawing it, and the rows past the first few thousand twice), so the PDF of 20,000
dialogues took over 100 s. Here a row costs a few `QFontMetricsF` measurements and glyph runs.

It looks as the rich-text tables do because the geometry is Qt's own: the columns' text x and
width are read from the header row as Qt lays it out (`html.table_head`), and the row height, line
pitch and padding from a small table Qt lays out once (`Metrics.calibrate`); fonts, colours and
the borders' tones are those of `html.QT_CSS` and Qt's `border="1"`. Cells wrap at word boundaries
(spaces, after a hyphen or dash) and, like Qt, inside a word only when the word alone is wider than
the column; numbers are right-aligned; draft rows are italic and brown; the header row is bold on
its tint and is drawn again at the top of every page the table continues on.

Flat memory: the table keeps one float a row (its top); a row's lines are worked out again when its
page is drawn (small caches of widths, wrapped texts and shaped lines, emptied when they grow,
spare most of that work).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGlyphRun,
    QPaintDevice,
    QPainter,
    QPen,
    QTextDocument,
    QTextLayout,
    QTextTable,
)

from desktop_app.services.report.cells import cell_text, is_number
from desktop_app.services.report.model import Row

TEXT = QColor("#1f2d3d")  # QT_CSS: body colour
DRAFT = QColor("#7a4500")  # QT_CSS: tr.draft td
HEAD = QColor("#dce6f1")  # QT_CSS: th
BOLD = 2  # the header row's style (0 a row, 1 a draft's row)
DARK = QColor("#808080")  # Qt's border brush for `border="1"`: cells inset (dark top and left) ...
LIGHT = QColor("#c0c0c0")  # ... the table outset (light top and left, dark bottom and right)
CACHE = 20_000  # widths and wrapped texts remembered, then forgotten all at once (memory stays flat)
# shaped lines remembered, likewise: one costs ~1.6 KB of Qt's memory (glyphs and positions), so 50,000
# held 78 MB at 100,000 dialogues; the lines worth remembering are the few hundred repeated ones
# (countries, kinds, statuses, numbers, dates), and a title is drawn once anyway (issue 19, round 6)
SHAPED = 2_000
# a break is allowed after spaces and after a hyphen or dash inside a word (as Qt's line breaker does)
TOKEN = re.compile(r"[^\s\-\u2010-\u2014]+[\-\u2010-\u2014]*\s*|[\-\u2010-\u2014]+\s*|\s+")
LINE_BREAK = re.compile("\r\n?|\n")  # what `html.cell_html` writes as <br/>


def _table_of(document: QTextDocument) -> QTextTable:
    iterator = document.rootFrame().begin()
    while not iterator.atEnd():
        frame = iterator.currentFrame()
        if isinstance(frame, QTextTable):
            return frame
        iterator += 1
    raise ValueError("no table in the document")


@dataclass(frozen=True)
class Metrics:
    """Qt's geometry of a rich-text table row, read from tables Qt laid out (device units)."""

    columns: tuple[tuple[float, float], ...]  # each column's text x and width
    line: float  # the pitch of a cell's lines
    extra: float  # a row's height beyond its lines: padding and borders, half above the text
    border: float  # a border's width (a cell's and the table's)
    width: float  # the table's width

    @classmethod
    def calibrate(cls, head: QTextDocument, layout: Callable[[str], QTextDocument], columns: int,
                  width: float, pixel: float, css_class: str = "") -> Metrics:
        """From the laid-out header document (the columns) and a table of one, three and one line(s)
        (the line pitch and the rest of a row); `pixel`: device units of a CSS pixel; `css_class`:
        the class of a table fitted to its words in a smaller font (`fit.py`)."""
        table = _table_of(head)
        places = head.documentLayout()
        spans = []
        for column in range(columns):
            rect = places.blockBoundingRect(table.cellAt(0, column).firstCursorPosition().block())
            spans.append((rect.left(), rect.width()))
        cells = "".join("<td>x</td>" for _ in range(columns - 1))
        css = f' class="{css_class}"' if css_class else ""
        sample = layout(f'<table{css} border="1" cellspacing="0" cellpadding="2" width="100%">'
                        f"<tr><td>x</td>{cells}</tr><tr><td>x<br/>x<br/>x</td>{cells}</tr>"
                        f"<tr><td>x</td>{cells}</tr></table>")
        rows = _table_of(sample)
        where = sample.documentLayout()
        tops = [where.blockBoundingRect(rows.cellAt(row, 0).firstCursorPosition().block()).top() for row in range(3)]
        one, three = tops[1] - tops[0], tops[2] - tops[1]
        line = (three - one) / 2
        return cls(tuple(spans), line, one - line, rows.format().border() * pixel, width)


class DrawnTable:
    """One long table, measured once and drawn page by page.

    Coordinates are local: 0 is the top of the table (its header row), `height` the bottom of its
    border. `stops()` are the places a page may end (between rows); a page that continues the
    table starts with `draw(0, head_height)`, the header row again."""

    def __init__(self, rows: Sequence[Row], drafts: frozenset[int], header: tuple[str, ...], names: Sequence[str],
                 language: str, metrics: Metrics, device: QPaintDevice,
                 tick: Callable[[], None] = lambda: None, size: float = 9) -> None:
        self.rows, self.drafts, self.language, self.metrics, self.device = rows, drafts, language, metrics, device
        self.plain = tuple(name == "Year" for name in header)
        regular = QFont("DejaVu Sans")
        regular.setPointSizeF(size)  # 9 pt, or a fitted table's smaller size (`fit.py`)
        italic, bold = QFont(regular), QFont(regular)
        italic.setItalic(True)
        bold.setBold(True)
        self.fonts = (regular, italic, bold)  # by style: a row, a draft's row, the header row
        self.measures = tuple(QFontMetricsF(font, device) for font in self.fonts)
        self.widths: tuple[dict[str, float], ...] = ({}, {}, {})
        self.wrapped: dict[tuple[str, int, int], tuple[str, ...]] = {}
        self.glyphs: dict[tuple[str, int], list[QGlyphRun]] = {}
        self.known: dict[tuple[object, type, bool], str] = {}
        self.names = [" ".join(name.split()) for name in names]
        self.head_lines = [self.lines(name, column, BOLD) for column, name in enumerate(self.names)]
        self.head_height = metrics.border + max(1, *map(len, self.head_lines)) * metrics.line + metrics.extra
        self.tops = array("d")
        y = self.head_height
        for index, row in enumerate(rows):
            if not index % 500:
                tick()
            self.tops.append(y)
            style = int(index in drafts)
            lines = max(len(self.lines(text, column, style)) for column, text in enumerate(self.texts(row)))
            y += max(1, lines) * metrics.line + metrics.extra
        self.tops.append(y)
        self.height = y + metrics.border  # the table's own bottom border

    def texts(self, row: Row) -> list[str]:
        """The cells' texts as Qt shows them from the HTML: runs of white space as one space, a line
        break kept (`html.cell_html` writes it as `<br/>`)."""
        return [(" ".join(value.split()) if "\n" not in value and "\r" not in value
                 else "\n".join(" ".join(part.split()) for part in LINE_BREAK.split(value)))
                if value.__class__ is str else "" if value is None
                else self.formatted(value, plain) for value, plain in zip(row, self.plain, strict=True)]

    def formatted(self, value: object, plain: bool) -> str:
        """A date's or a number's text, worked out once per distinct value."""
        key = (value, value.__class__, plain)
        found = self.known.get(key)
        if found is None:
            if len(self.known) > CACHE:
                self.known.clear()
            found = self.known[key] = cell_text(value, self.language, plain)  # type: ignore[arg-type]
        return found

    def width(self, text: str, style: int) -> float:
        known = self.widths[style]
        found = known.get(text)
        if found is None:
            if len(known) > CACHE:
                known.clear()
            found = known[text] = self.measures[style].horizontalAdvance(text)
        return found

    def lines(self, text: str, column: int, style: int) -> tuple[str, ...]:
        """`text` in the lines it takes in `column`: whole words where they fit, a word wider than the
        column cut where the column ends (Qt's WrapAtWordBoundaryOrAnywhere)."""
        if not text:
            return ()
        if "\n" in text:  # a line break the officer typed: each line wrapped on its own
            return tuple(line for part in text.split("\n") for line in (self.lines(part, column, style) or ("",)))
        room = self.metrics.columns[column][1]
        if self.width(text, style) <= room:
            return (text,)
        key = (text, column, style)
        found = self.wrapped.get(key)
        if found is not None:
            return found
        lines: list[str] = []
        current = ""
        for token in TOKEN.findall(text):
            candidate = current + token
            if self.width(candidate.rstrip(), style) <= room:
                current = candidate
                continue
            if current:
                lines.append(current.rstrip())
                current = ""
            while self.width(token.rstrip(), style) > room:  # a word wider than the column: cut it
                cut = 1
                while cut < len(token) and self.width(token[:cut + 1], style) <= room:
                    cut += 1
                lines.append(token[:cut])
                token = token[cut:]
            current = token
        if current.strip():
            lines.append(current.rstrip())
        if len(self.wrapped) > CACHE:
            self.wrapped.clear()
        result = self.wrapped[key] = tuple(lines)
        return result

    def stops(self) -> list[float]:
        """Where a page may end: between rows (not between the header and the first row)."""
        return [self.tops[index] for index in range(1, len(self.rows))]

    def _text(self, painter: QPainter, line: str, style: int, x: float, top: float) -> None:
        """`line` with its top left at (x, top), shaped once per distinct line and style (the same
        countries, kinds, statuses and numbers fill most cells) and drawn as glyph runs."""
        key = (line, style)
        runs = self.glyphs.get(key)
        if runs is None:
            if len(self.glyphs) > SHAPED:
                self.glyphs.clear()
            layout = QTextLayout(line, self.fonts[style], self.device)
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            runs = self.glyphs[key] = layout.glyphRuns()
        at = QPointF(x, top)
        for run in runs:
            painter.drawGlyphRun(at, run)

    def draw(self, painter: QPainter, start: float, end: float, y: float) -> None:
        """Draw what lies in [start, end) of the table with `start` at `y` on the page.

        The borders are Qt's: each cell a hairline box inside its border band, dark above and left,
        light below and right, in a table whose own border is light left and dark right and below.
        They are drawn as a grid, a line a row and a line a column edge for all the rows drawn, not
        four lines a cell: the PDF's page stream (compressed on each new page) stays small."""
        metrics = self.metrics
        shift = y - start
        border = metrics.border
        pad = metrics.extra / 2 - border  # a cell's padding
        thin = border / 3  # a cell's border: a hairline
        bands: list[tuple[float, float]] = []  # (top, bottom) of each row drawn, the header's first
        if start < self.head_height - 0.5:  # the header row: its tint, then its words in bold
            top, bottom = shift + border, shift + self.head_height
            painter.setPen(TEXT)
            for (x, width), lines in zip(metrics.columns, self.head_lines, strict=True):
                painter.fillRect(QRectF(x - pad, top + border, width + 2 * pad, bottom - top - 2 * border), HEAD)
                line_top = top + metrics.extra / 2
                for line in lines:
                    self._text(painter, line, BOLD, x, line_top)
                    line_top += metrics.line
            bands.append((top, bottom))
        index = max(0, bisect_right(self.tops, start + 0.5) - 1)
        while index < len(self.rows) and self.tops[index + 1] <= end + 0.5:
            top, bottom = self.tops[index] + shift, self.tops[index + 1] + shift
            style = int(index in self.drafts)
            painter.setPen(DRAFT if style else TEXT)
            row = self.rows[index]
            for column, ((x, width), text, value) in enumerate(zip(metrics.columns, self.texts(row), row,
                                                                   strict=True)):
                line_top = top + metrics.extra / 2
                for line in self.lines(text, column, style):
                    self._text(painter, line, style, x + width - self.width(line, style) if is_number(value) else x,
                               line_top)
                    line_top += metrics.line
            bands.append((top, bottom))
            index += 1
        if not bands:
            return
        first, last = bands[0][0], bands[-1][1]
        left_edge = metrics.columns[0][0] - pad - thin / 2
        right_edge = metrics.columns[-1][0] + metrics.columns[-1][1] + pad + thin / 2
        dark = [QLineF(left_edge, top + border - thin / 2, right_edge, top + border - thin / 2) for top, _ in bands]
        light = [QLineF(left_edge, bottom - border + thin / 2, right_edge, bottom - border + thin / 2)
                 for _, bottom in bands]
        upper, lower = first + border - thin / 2, last - border + thin / 2
        for x, width in metrics.columns:
            dark.append(QLineF(x - pad - thin / 2, upper, x - pad - thin / 2, lower))
            light.append(QLineF(x + width + pad + thin / 2, upper, x + width + pad + thin / 2, lower))
        table_top = first - border if start < self.head_height - 0.5 else first
        edge_light = [QLineF(border / 2, table_top, border / 2, last)]
        edge_dark = [QLineF(metrics.width - border / 2, table_top, metrics.width - border / 2, last)]
        if start < self.head_height - 0.5:  # the table's top
            edge_light.append(QLineF(0, table_top + border / 2, metrics.width, table_top + border / 2))
        if index == len(self.rows) and self.height <= end + 0.5:  # the table's foot
            edge_dark.append(QLineF(0, last + border / 2, metrics.width, last + border / 2))
        for colour, width, drawn in ((DARK, thin, dark), (LIGHT, thin, light),
                                     (LIGHT, border, edge_light), (DARK, border, edge_dark)):
            pen = QPen(colour)
            pen.setWidthF(width)
            painter.setPen(pen)
            painter.drawLines(drawn)
        painter.setPen(TEXT)
