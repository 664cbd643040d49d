"""Column widths and a font size that keep every word of the Dialogues table whole (round 18).

Why: the Dialogues table has the 13 columns of report contract version 2, some 300 mm of text at
9 pt, on a page of 267 mm (PDF) or 261 mm (Word). At fixed shares of the width its narrow columns
cut words where the column ended ("Kazakhsta|n", «Окончательн|ый», a date on two lines): Qt and
Word cut a word only when it is wider than its column. So each column gets at least its longest
word, measured with the font the report is drawn in (a date and a number are one word; a text
breaks at spaces and after a hyphen or dash, as Qt's and Word's line breakers do), and the width
left over goes to the columns whose text would otherwise wrap, in proportion to what more they
would need (the browsers' automatic table layout). When the longest words together are wider than
the page at 9 pt, the table's font is made smaller in steps of half a point, down to 7.5 pt. A word
wider than even that (a web address typed into a title) is still cut: the table has to fit the page.

Linear and flat: one pass over the rows, each distinct text and value measured once (the same
countries, kinds, statuses and dates fill most cells), nothing kept but a width a column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.services.report.cells import cell_text
from desktop_app.services.report.model import Report, Row, Table

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintDevice

# points: the tables' usual size first, then smaller; 7.5 pt the least (the Russian headers «Председатель»,
# «Окончательный» and the other twelve columns' longest words need it; smaller is hard to read in print)
SIZES = (9.0, 8.5, 8.0, 7.5)
FITTED = frozenset({"Dialogues"})  # the tables laid out by their words (the others keep `cells.WIDE_IN`)
# where a line may break: after spaces and after a hyphen or dash inside a word (Qt's and Word's rule)
TOKEN = re.compile(r"[^\s\-\u2010-\u2014]+[\-\u2010-\u2014]*\s*|[\-\u2010-\u2014]+\s*|\s+")
LINE_BREAK = re.compile("\r\n?|\n")
SLACK_PT = 1.0  # a column's room beyond its longest word: rounding of the renderers' own layout
KEPT = 50_000  # distinct texts remembered while the rows are read, then forgotten all at once


@dataclass(frozen=True)
class Fit:
    """A fitted table's font size (points) and each column's share of the table's width."""

    size: float
    shares: tuple[float, ...]

    def css_class(self) -> str:
        """The class Qt's style sheet (`html.QT_CSS`) gives this size: "" for 9 pt, else e.g. "pt85"."""
        return size_class(self.size)


def size_class(size: float) -> str:
    return "" if size == SIZES[0] else f"pt{round(size * 10)}"


def measurer(device: QPaintDevice | None = None) -> Callable[[str, bool], float]:
    """`measure(text, bold)` for `fit_columns`: the width in points of DejaVu Sans at 9 pt, the PDF's
    font, on `device` (the PDF writer: the same metrics it lays out with) or a 300 dpi image (Word:
    DejaVu Sans is wider than Calibri, so a word that fits here fits there). Each text measured once.
    Qt is imported here, not with the module: the HTML page and the workbook never load it."""
    from PySide6.QtGui import QFont, QFontMetricsF, QImage

    from desktop_app.services.report.raster import ensure_gui

    ensure_gui()  # Qt's fonts need the application object (the Word report may not have made it yet)
    if device is None:
        image = QImage(1, 1, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(11811)  # 300 dpi
        image.setDotsPerMeterY(11811)
        device = image
    regular = QFont("DejaVu Sans")
    regular.setPointSizeF(SIZES[0])
    bold = QFont(regular)
    bold.setBold(True)
    to_points = 72 / device.logicalDpiX()
    metrics = (QFontMetricsF(regular, device), QFontMetricsF(bold, device))
    known: tuple[dict[str, float], dict[str, float]] = ({}, {})

    def measure(text: str, heavy: bool) -> float:
        widths = known[heavy]
        found = widths.get(text)
        if found is None:
            if len(widths) > KEPT:
                widths.clear()
            found = widths[text] = metrics[heavy].horizontalAdvance(text) * to_points
        return found

    measure.device = device  # type: ignore[attr-defined]  # kept alive as long as the function
    return measure


def words(text: str) -> list[str]:
    """The pieces of `text` no line break may cut, trailing spaces dropped."""
    return [piece.rstrip() for part in LINE_BREAK.split(text) for piece in TOKEN.findall(part) if piece.strip()]


def fit_table(report: Report, table: Table, measure: Callable[[], Callable[[str, bool], float]],
              room: Callable[[], tuple[float, float]]) -> Fit | None:
    """A table's fit when it is one laid out by its words (`FITTED`) and has rows, else None: the PDF
    and Word ask this one question. `measure()` and `room()` (the table's width and a column's
    overhead, `fit_columns`) are asked only for such a table: making them loads Qt or lays out a table."""
    if table.name not in FITTED or not table.rows:
        return None
    return fit_columns([report.t(name) for name in table.header], table.rows,
                       [name == "Year" for name in table.header], report.language, measure(), *room())


def fit_columns(names: Sequence[str], rows: Iterable[Row], plain: Sequence[bool], language: str,
                measure: Callable[[str, bool], float], width: float, overhead: float) -> Fit:
    """The font size and shares for a table of `rows` under the header `names` (as printed).

    `measure(text, bold)`: the text's width in points at 9 pt; `width`: the table's width the shares
    are of, and `overhead`: a column's width beyond its text (padding and borders), both in points.
    `plain`: the columns whose numbers are years (not grouped), as `cells.cell_text` writes them."""
    columns = len(names)
    least = [max((measure(word, True) for word in words(name)), default=0.0) for name in names]
    most = [max((measure(line, True) for line in LINE_BREAK.split(name)), default=0.0) for name in names]
    seen: list[set[object]] = [set() for _ in range(columns)]
    for row in rows:
        for column, value in enumerate(row):
            known = seen[column]
            if value is None or value in known:
                continue
            if len(known) > KEPT:
                known.clear()
            known.add(value)
            if isinstance(value, str):
                for word in words(value):
                    least[column] = max(least[column], measure(word, False))
                whole = max((measure(" ".join(line.split()), False) for line in LINE_BREAK.split(value)), default=0.0)
            else:  # a date or a number: one word
                whole = measure(cell_text(value, language, plain[column]), False)
                least[column] = max(least[column], whole)
            most[column] = max(most[column], whole)
    extra = overhead + SLACK_PT
    for size in SIZES:
        scale = size / SIZES[0]
        low = [value * scale + extra for value in least]
        if sum(low) <= width:
            break
    high = [max(value * scale + extra, floor) for value, floor in zip(most, low, strict=True)]
    if sum(low) > width:  # a word wider than the page allows (a web address in a title): only it is cut
        spans = capped(low, width)
    elif sum(high) <= width:  # every cell on one line: the room left spread in proportion
        spans = [value * width / sum(high) for value in high]
    else:  # each column its longest word, and the rest where lines would wrap
        room = (width - sum(low)) / (sum(high) - sum(low))
        spans = [lo + (hi - lo) * room for lo, hi in zip(low, high, strict=True)]
    total = sum(spans) or 1.0
    return Fit(size, tuple(span / total for span in spans))


def capped(least: Sequence[float], width: float) -> list[float]:
    """Each column its longest word, but none wider than the one cap that makes the columns fill
    `width`: the columns whose longest word is under the cap keep every word whole, and only the
    overlong words are cut (round 18: a 70-letter word in one title had every column shrunk alike,
    so the dates and the countries were cut instead). The cap is found by filling the columns from
    the narrowest: each column under it takes its own width, the rest share what is left."""
    order = sorted(least)
    left, count = width, len(order)
    cap = width / count if count else 0.0
    for value in order:
        cap = left / count
        if value > cap:
            break
        left -= value
        count -= 1
    return [min(value, cap) for value in least]
