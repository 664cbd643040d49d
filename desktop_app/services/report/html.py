"""The HTML report (one self-contained file) and the HTML that Qt lays out for the PDF and preview.

Both come from the same markup so they show the same tables; only the styling and the way charts
are embedded differ (inline SVG for browsers, image resources for Qt's rich-text engine, which
supports a subset of HTML 4 and CSS 2). The title page is separate markup: the PDF prints it on a
page of its own (`pdf.py`), a browser shows it first and its print stylesheet breaks after it.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterator, Sequence
from html import escape
from itertools import islice
from typing import BinaryIO

from desktop_app.services.report.cells import cell_text, column_shares, is_number
from desktop_app.services.report.charts import chart_svg
from desktop_app.services.report.fit import SIZES, Fit, size_class
from desktop_app.services.report.labels import number_text
from desktop_app.services.report.model import NO_DIALOGUES, Cell, Report, Table

BROWSER_CSS = """
body { font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1f2d3d; margin: 2em auto;
       max-width: 100em; padding: 0 1.5em; line-height: 1.4; font-size: 11pt; }
h1 { color: #1f4e79; font-size: 1.9em; margin-bottom: 0.2em; }
h2 { color: #1f4e79; border-bottom: 2px solid #1f4e79; padding-bottom: 0.2em; margin-top: 2em; }
h3 { color: #1f4e79; margin-top: 1.6em; }
.programme { font-size: 1.3em; font-weight: bold; color: #1f2d3d; }
.period { font-size: 1.3em; }
.disclaimer { font-style: italic; color: #444444; }
.logo { max-height: 5em; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 10pt; width: 100%; }
th, td { border: 1px solid #b7c3d0; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
th { background: #dce6f1; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.d { white-space: nowrap; }
tr.draft td { font-style: italic; color: #7a4500; }
.meta td { border: none; padding: 0.1em 1em 0.1em 0; }
.narrative { background: #f4f7fb; border-left: 4px solid #1f4e79; padding: 0.6em 1em; }
.empty { font-size: 1.2em; font-weight: bold; color: #9c5700; }
.chart svg { max-width: 100%; height: auto; }
.caption { font-size: 0.9em; color: #333333; }
.scroll { overflow-x: auto; }
@media print {
  @page { size: A4 landscape; margin: 15mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  tr, .chart, .narrative { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .title-page { break-after: page; page-break-after: always; }
  .scroll { overflow: visible; }
  th { background: #dce6f1; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

QT_CSS = """
body { font-family: "DejaVu Sans"; font-size: 10pt; color: #1f2d3d; }
h1 { color: #1f4e79; font-size: 20pt; }
h2 { color: #1f4e79; font-size: 15pt; }
h3 { color: #1f4e79; font-size: 12pt; }
th { background-color: #dce6f1; font-weight: bold; text-align: left; font-size: 9pt; }
td { font-size: 9pt; }
td.n { text-align: right; }
tr.draft td { font-style: italic; color: #7a4500; }
.narrative { background-color: #f4f7fb; }
.caption { font-size: 10pt; color: #333333; }
.empty { font-size: 13pt; font-weight: bold; color: #9c5700; }
""" + "".join(  # a table fitted to its words in a smaller font (`fit.py`): <table class="pt80"> is 8 pt;
    # its <br/> too: Qt gives a line break typed in a cell the `td` rule's 9 pt line otherwise
    f"table.{size_class(size)} td, table.{size_class(size)} th, table.{size_class(size)} br "
    f"{{ font-size: {size:g}pt; }}\n" for size in SIZES[1:])

_SPECIAL = re.compile("[&<>\"'\r\n]")  # what `cell_html` replaces
PIECE_ROWS = 500  # table rows joined into one write of the HTML report
TEXTS_KEPT = 200_000  # distinct texts whose cells are remembered while a table is written
CHART_WIDTH_PX = 820  # Qt sizes images in screen pixels (96 per inch): 22 cm of the 26.7 cm text width
CHART_MAX_HEIGHT_PX = 380  # 10 cm: both charts and their captions fit one page (171 mm of text height)


_BREAK = re.compile("\r\n?|\n")


def cell_html(text: str) -> str:
    """A cell's text escaped, its line breaks kept as `<br/>` (a summary typed in paragraphs): HTML,
    Qt's rich text included, would run the lines together (round 16)."""
    escaped = escape(text)
    return _BREAK.sub("<br/>", escaped) if "\n" in escaped or "\r" in escaped else escaped


def _cell(value: Cell, language: str, plain: bool = False, width: str = "") -> str:
    if is_number(value):
        css = ' class="n"'
    elif value is not None and not isinstance(value, str):
        css = ' class="d"'
    else:
        css = ""
    return f"<td{css}{width}>{cell_html(cell_text(value, language, plain))}</td>"


def _table(report: Report, table: Table, qt: bool) -> str:
    """A table with its header row repeated on every page; a table with no rows says so instead."""
    return "".join(_table_parts(report, table, qt))


def _table_parts(report: Report, table: Table, qt: bool, head: bool = True, fit: Fit | None = None) -> Iterator[str]:
    """`_table` in pieces of some hundred rows: the Participants table (a row a participation) is
    written as it is read, never held as one string. `head=False`: the rows alone, the widths on the
    first row (the PDF lays a long table out in parts, `pdf.py`). `fit`: the PDF's widths and font
    size for a table fitted to its words (`fit.py`)."""
    if not table.rows:
        yield f"<p>{escape(report.t('None.'))}</p>"
        return
    attributes = _table_attributes(fit) if qt else ""
    widths = _widths(table, fit)
    heads = "".join(f"<th{width}>{escape(report.t(h))}</th>" for h, width in zip(table.header, widths, strict=True))
    yield (("" if qt else '<div class="scroll">') + f"<table{attributes}>"
           + (f"<thead><tr>{heads}</tr></thead>" if head else "") + "<tbody>")
    plain = [h == "Year" for h in table.header]
    rows = iter(table.rows)
    body = ""
    if not head:  # the widths on the first row
        row = next(rows)
        css = ' class="draft"' if 0 in table.drafts else ""
        cells = "".join(_cell(v, report.language, p, w) for p, v, w in zip(plain, row, widths, strict=True))
        body = f"<tr{css}>{cells}</tr>"
    start = 1 if not head else 0
    texts, other = _Texts(), _Formatted(report.language)
    while piece := list(islice(rows, PIECE_ROWS)):
        yield body
        body = _rows_html(piece, plain, report.language, table.drafts, start, texts, other)
        start += len(piece)
    yield body + "</tbody></table>" + ("" if qt else "</div>")


def _rows_html(rows: Sequence[Sequence[Cell]], plain: list[bool], language: str, drafts: frozenset[int],
               first: int, texts: _Texts | None = None, other: _Formatted | None = None) -> str:
    """The `<tr>` of each row (`first`: the table's index of the first, for the draft marks), as
    `_cell` writes them, in one string: the Participants table has 530,000 rows at 20,000 dialogues.

    A cell is one dictionary lookup: a text's (or an empty) cell is escaped and made once per
    distinct text (`_Texts`, kept from piece to piece by the caller), a date's or a number's once
    per distinct value (`_Formatted`); no function is called for a cell seen before."""
    texts = _Texts() if texts is None else texts
    other = _Formatted(language) if other is None else other
    marked = [first + index in drafts for index in range(len(rows))] if drafts else [False] * len(rows)
    return "".join([
        ('<tr class="draft">' if draft else "<tr>")
        + "".join([texts[value] if value.__class__ is str or value is None else other[value, value.__class__, year]
                   for value, year in zip(row, plain, strict=True)])
        + "</tr>" for row, draft in zip(rows, marked, strict=True)])


class _Texts(dict[str | None, str]):
    """A text's cell, `<td>` and escaped, made on the first lookup; forgotten all at once when it
    holds `TEXTS_KEPT` texts (memory stays flat)."""

    def __missing__(self, key: str | None) -> str:
        if len(self) > TEXTS_KEPT:
            self.clear()
        value = self[key] = "<td></td>" if key is None else f"<td>{cell_html(key)}</td>"
        return value


class _Formatted(dict[tuple[Cell, type, bool], str]):
    """`_cell` of (value, its type, plain), worked out on the first lookup: a lookup a cell after that."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def __missing__(self, key: tuple[Cell, type, bool]) -> str:
        value = self[key] = _cell(key[0], self.language, key[2])
        return value


def _row_cells(row: Sequence[Cell], plain: list[bool], language: str) -> str:
    """`_cell` of each value, with the common cases (text, nothing, a number) inline: the Participants
    table has 11 cells a participation, some six million at 20,000 dialogues."""
    cells = []
    for value, year in zip(row, plain, strict=True):
        kind = value.__class__
        if kind is str:
            text = value if _SPECIAL.search(value) is None else cell_html(value)  # type: ignore[arg-type]
            cells.append(f"<td>{text}</td>")
        elif value is None:
            cells.append("<td></td>")
        elif kind is int:
            cells.append(f'<td class="n">{value if year else number_text(value, language)}</td>')  # type: ignore[arg-type]
        else:
            cells.append(_cell(value, language, year))
    return "".join(cells)


def table_head(report: Report, table: Table, fit: Fit | None = None) -> str:
    """A table of its header row alone, as Qt lays it out: repeated above the later parts of a long table."""
    widths = _widths(table, fit)
    heads = "".join(f"<th{width}>{escape(report.t(h))}</th>" for h, width in zip(table.header, widths, strict=True))
    return f"<table{_table_attributes(fit)}><thead><tr>{heads}</tr></thead></table>"


def _table_attributes(fit: Fit | None) -> str:
    """A Qt table's attributes: Qt's `border="1"` grid, and the class of a fitted table's font size."""
    css = f' class="{fit.css_class()}"' if fit is not None and fit.css_class() else ""
    return f'{css} border="1" cellspacing="0" cellpadding="2" width="100%"'


def _widths(table: Table, fit: Fit | None) -> list[str]:
    """Each column's `width` attribute: the fitted shares to a thousandth of a percent, or `cells.WIDE_IN`'s."""
    if fit is not None:
        return [f' width="{share * 100:.3f}%"' for share in fit.shares]
    return [f' width="{round(share * 100)}%"' for share in column_shares(table.header, table.name)]


def chart_size(report: Report, index: int) -> tuple[int, int]:
    """Display size of a chart (px): the text width, or less so that it takes at most half a page."""
    from desktop_app.services.report.charts import WIDTH, chart_height

    height = chart_height(report.charts[index])
    width = min(CHART_WIDTH_PX, round(CHART_MAX_HEIGHT_PX * WIDTH / height))
    return width, round(width * height / WIDTH)


def _chart(index: int, report: Report, qt: bool) -> str:
    chart = report.charts[index]
    caption = f'<p class="caption">{escape(chart.caption)}</p>'
    if qt:
        width, height = chart_size(report, index)
        return f'<p><img src="chart{index}.png" width="{width}" height="{height}"/></p>{caption}'
    return (f'<figure class="chart" role="img" aria-label="{escape(chart.title)}">{chart_svg(chart)}'
            f"<figcaption class=\"caption\">{escape(chart.caption)}</figcaption></figure>")


def title_html(report: Report, qt: bool = False) -> str:
    """The title page: programme, title, period in words, filters, date of generation, disclaimer."""
    page = report.title_page
    parts = []
    if page.logo:
        source = "logo" if qt else data_uri(page.logo)
        parts.append(f'<p><img class="logo" src="{source}" height="90"/></p>')
    if qt:
        parts.append('<p style="font-size: 40pt">&nbsp;</p>')
    if page.programme:
        parts.append(f'<p class="programme" style="font-size: 16pt; font-weight: bold">{escape(page.programme)}</p>')
    parts.append(f"<h1>{escape(page.title)}</h1>")
    parts.append(f'<p class="period" style="font-size: 15pt">{escape(report.t("Reporting period"))}: '
                 f"{escape(page.period)}</p>")
    rows = "".join(f"<tr><td>{escape(k)}:</td><td>{escape(v)}</td></tr>" for k, v in page.filters)
    parts.append(f'<table class="meta">{rows}</table>')
    parts.append(f"<p>{escape(page.generated)}.</p>")
    if report.empty:
        parts.append(f'<p class="empty">{escape(report.t(NO_DIALOGUES))}</p>')
    if page.disclaimer:
        if qt:
            parts.append('<p style="font-size: 30pt">&nbsp;</p>')
        parts.append(f'<p class="disclaimer"><i>{escape(page.disclaimer)}</i></p>')
    return "".join(parts)


def body_html(report: Report, qt: bool = False) -> str:
    """The tables, the charts after the Summary, then the per-dialogue annex (or the note why not)."""
    return _tables_html(report, qt) + "".join(_section(report, section, qt) for section in report.sections)


def table_notes(report: Report, table: Table) -> str:
    """What is printed under a table: under Participation, the organisations counted with their
    predecessors ("… (formerly EMCDDA): …"); the PDF and the HTML share it."""
    if table.name != "Participation":
        return ""
    return "".join(f'<p class="caption">{escape(note)}</p>' for note in report.party_notes)


def _tables_html(report: Report, qt: bool) -> str:
    """The tables, the charts after the Summary, and the annex's heading (or the note why it is left out)."""
    return "".join(_tables_parts(report, qt))


def _tables_parts(report: Report, qt: bool) -> Iterator[str]:
    for table in report.tables(shares=True, participants=not qt):  # the PDF has them in the annex
        yield f'<h2 id="{table.name.lower()}">{escape(report.t(table.name))}</h2>'
        yield from _table_parts(report, table, qt)
        yield table_notes(report, table)
        if table.name == "Summary" and not report.empty:
            yield "".join(_chart(i, report, qt) for i in range(len(report.charts)))
    if report.annex_note:
        yield f"<h2>{escape(report.t('Dialogues in detail'))}</h2><p>{escape(report.annex_note)}</p>"
    elif report.sections:
        yield f"<h2>{escape(report.t('Dialogues in detail'))}</h2>"


def _section(report: Report, section, qt: bool) -> str:
    t = report.t
    line = section.line
    draft = f' <span class="draft">{escape(t("(draft)"))}</span>' if line.is_draft else ""
    parts = [f"<h3>{escape(line.title)}{draft}</h3>",
             _table(report, Table("Facts", ("Fact", "Value"), tuple(section.facts)), qt),
             f'<p class="narrative" lang="{report.language}">{escape(section.narrative)}</p>',
             f"<h3>{escape(t('Delegations and participants'))}</h3>"]
    parts.append(_table(report, delegation_table(report, section), qt))
    parts.append(f"<h3>{escape(t('Agenda'))}</h3>")
    if section.agenda:
        parts.append(_table(report, Table("Agenda", ("#", "Item", "Presented by"), tuple(
            (i, a.title, a.presenter) for i, a in enumerate(section.agenda, start=1))), qt))
    else:
        parts.append(f"<p>{escape(t('No agenda recorded.'))}</p>")
    parts.append(f"<h3>{escape(t('Actions'))}</h3>")
    if section.actions:
        parts.append(_table(report, Table("Actions", ("Action", "Owner", "Due date", "Status"), tuple(
            (a.action, a.owner, a.due_date, a.status) for a in section.actions)), qt))
    else:
        parts.append(f"<p>{escape(t('No actions recorded.'))}</p>")
    return "".join(parts)


def delegation_table(report: Report, section) -> Table:
    """The annex's delegations: one row a participant, or with --no-names one row a delegation with counts."""
    t = report.t
    if not report.names:
        return Table("Delegations", ("Delegation", "Side", "Participants"), tuple(
            (g.party + (f" ({t('programme-supported')})" if g.programme_supported else ""), g.side,
             sum(a.attended for a in g.attendees)) for g in section.delegations))
    rows: list[tuple[Cell, ...]] = []
    for group in section.delegations:
        party = group.party + (f" ({t('programme-supported')})" if group.programme_supported else "")
        if not group.attendees:
            rows.append((party, group.side, "—", "", "", "", ""))
        for a in group.attendees:
            status = a.status + (f", {t('programme-funded')}" if a.funded else "")
            rows.append((party, group.side, a.name, a.role, a.position, a.institution, status))
    return Table("Delegations", ("Delegation", "Side", "Participant", "Role", "Position", "Institution", "Status"),
                 tuple(rows))


def report_html(report: Report, qt: bool = False) -> str:
    """The whole report as one HTML page (browsers); the PDF lays out `title_html` and `body_html` apart."""
    css = QT_CSS if qt else BROWSER_CSS
    return (f'<!DOCTYPE html><html lang="{report.language}"><head><meta charset="utf-8"/>'
            f"<title>{escape(report.title)}</title><style>{css}</style></head>"
            f'<body><div class="title-page">{title_html(report, qt)}</div>{body_html(report, qt)}</body></html>')


def qt_html(markup: str) -> str:
    return f"<html><head><style>{QT_CSS}</style></head><body>{markup}</body></html>"


def write_html(report: Report, target: BinaryIO, tick: Callable[[int, int], None] | None = None) -> None:
    """The page in three writes (head and title page, tables, each annex section), never one string of
    the whole report; `tick` hears of each section."""
    tick = tick or (lambda done, total: None)
    total = 2 + len(report.sections)
    tick(0, total)
    target.write((f'<!DOCTYPE html><html lang="{report.language}"><head><meta charset="utf-8"/>'
                  f"<title>{escape(report.title)}</title><style>{BROWSER_CSS}</style></head>"
                  f'<body><div class="title-page">{title_html(report)}</div>').encode())
    for piece in _tables_parts(report, qt=False):  # a table is written as it is read
        target.write(piece.encode("utf-8"))
    tick(1, total)
    for index, section in enumerate(report.sections, start=2):
        target.write(_section(report, section, False).encode("utf-8"))
        tick(index, total)
    target.write(b"</body></html>")
    tick(total, total)


def data_uri(data: bytes) -> str:
    kind = "image/jpeg" if data[:2] == b"\xff\xd8" else "image/png"
    return f"data:{kind};base64," + base64.b64encode(data).decode("ascii")
