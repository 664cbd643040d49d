"""The HTML report (one self-contained file) and the HTML that Qt lays out for the PDF and preview.

Both come from the same markup so they show the same tables; only the styling and the way charts
are embedded differ (inline SVG for browsers, image resources for Qt's rich-text engine, which
supports a subset of HTML 4 and CSS 2).
"""

from __future__ import annotations

import base64
from html import escape
from typing import BinaryIO

from desktop_app.services.report.cells import WIDE, cell_text, is_number
from desktop_app.services.report.charts import chart_svg
from desktop_app.services.report.model import NO_DIALOGUES, Cell, Report

BROWSER_CSS = """
body { font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1f2d3d; margin: 2em auto;
       max-width: 60em; padding: 0 1.5em; line-height: 1.4; }
h1 { color: #1f4e79; font-size: 1.9em; margin-bottom: 0.2em; }
h2 { color: #1f4e79; border-bottom: 2px solid #1f4e79; padding-bottom: 0.2em; margin-top: 2em; }
h3 { color: #1f4e79; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.9em; }
th, td { border: 1px solid #b7c3d0; padding: 0.3em 0.55em; vertical-align: top; text-align: left; }
th { background: #dce6f1; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.small { font-size: 0.8em; }
.draft { color: #9c5700; font-style: italic; }
.meta td { border: none; padding: 0.1em 1em 0.1em 0; }
.narrative { background: #f4f7fb; border-left: 4px solid #1f4e79; padding: 0.6em 1em; }
.empty { font-size: 1.2em; font-weight: bold; color: #9c5700; }
.chart { margin: 0.5em 0 1.5em; }
"""

CHART_WIDTH = 440  # Qt scales image sizes from screen pixels to the printer: about 12.7 cm

QT_CSS = """
body { font-family: "DejaVu Sans"; font-size: 9pt; color: #1f2d3d; }
h1 { color: #1f4e79; font-size: 22pt; }
h2 { color: #1f4e79; font-size: 14pt; }
h3 { color: #1f4e79; font-size: 11pt; }
th { background-color: #dce6f1; font-weight: bold; text-align: left; }
td.n { text-align: right; }
table.small { font-size: 7pt; }
.draft { color: #9c5700; font-style: italic; }
.narrative { background-color: #f4f7fb; }
.empty { font-size: 13pt; font-weight: bold; color: #9c5700; }
"""


def _cell(value: Cell, draft: bool = False) -> str:
    css = ' class="n"' if is_number(value) else (' class="draft"' if draft else "")
    return f"<td{css}>{escape(cell_text(value))}</td>"


def _width(name: str, header: tuple[str, ...]) -> str:
    """A width hint for Qt's table layout, which otherwise gives every column the same share."""
    return f' width="{WIDE[name]}%"' if name in WIDE and len(header) > 1 else ""


def _table(header: tuple[str, ...], rows: list[tuple[Cell, ...]], qt: bool, drafts: set[int] | None = None,
           small: bool = False) -> str:
    attributes = ' border="1" cellspacing="0" cellpadding="3" width="100%"' if qt else ""
    if small:
        attributes += ' class="small"'
    head = "".join(f'<th{_width(h, header) if qt else ""}>{escape(h)}</th>' for h in header)
    body = []
    for index, row in enumerate(rows):
        draft = drafts is not None and index in drafts
        cells = "".join(_cell(v, draft and h == "Status") for h, v in zip(header, row, strict=True))
        body.append(f"<tr>{cells}</tr>")
    if not rows:
        body.append(f'<tr><td colspan="{len(header)}">None.</td></tr>')
    return f"<table{attributes}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _chart(index: int, report: Report, qt: bool) -> str:
    chart = report.charts[index]
    if qt:
        return f'<p><img src="chart{index}.png" width="{CHART_WIDTH}"/></p>'
    return f'<div class="chart" role="img" aria-label="{escape(chart.title)}">{chart_svg(chart)}</div>'


def report_html(report: Report, qt: bool = False) -> str:
    """The whole report as HTML; `qt=True` gives the flavour QTextDocument lays out for the PDF."""
    # Qt's rich text ignores margins on headings; a blank line of large type lowers the title instead.
    spacer = '<p style="font-size: 72pt">&nbsp;</p>' if qt else ""
    title = f'<span style="font-size: 28pt">{escape(report.title)}</span>' if qt else escape(report.title)
    meta = ' cellpadding="3"' if qt else ""
    parts = [f"{spacer}<h1>{title}</h1>",
             f'<p style="font-size: 14pt">Period: {escape(report.period_text)}</p>',
             f'<table class="meta"{meta}>' + "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
                                                     for k, v in report.filters) + "</table>",
             f"<p>Generated on {report.generated_on.isoformat()} by Dialogue Register.</p>"]
    if report.empty:
        parts.append(f'<p class="empty">{NO_DIALOGUES}</p>')
    drafts = {i for i, line in enumerate(report.dialogues) if line.is_draft}
    for number, (name, header, rows) in enumerate(report.tables()):
        page_break = ' style="page-break-before: always"' if qt and number in (0, 1) else ""
        parts.append(f"<h2{page_break}>{escape(name)}</h2>")
        parts.append(_table(header, rows, qt, drafts if name == "Dialogues" else None, small=len(header) > 8))
        if name == "Summary" and not report.empty:
            if qt:  # side by side, so that the summary and its charts share one landscape page
                cells = [f"<td>{_chart(i, report, qt)}</td>" for i in range(len(report.charts))]
                parts.append(f"<table><tr>{''.join(cells[:2])}</tr><tr>{''.join(cells[2:])}</tr></table>")
            else:
                parts.extend(_chart(i, report, qt) for i in range(len(report.charts)))
    for section in report.sections:
        line = section.line
        draft = ' <span class="draft">(draft)</span>' if line.is_draft else ""
        page_break = ' style="page-break-before: always"' if qt else ""
        parts.append(f"<h2{page_break}>{escape(line.title)}{draft}</h2>")
        parts.append(_table(("Fact", "Value"), [(k, v) for k, v in section.facts], qt))
        parts.append(f'<p class="narrative">{escape(section.narrative)}</p>')
        if section.narrative_ru:
            parts.append(f'<p class="narrative" lang="ru">{escape(section.narrative_ru)}</p>')
        parts.append("<h3>Delegations</h3>")
        rows: list[tuple[Cell, ...]] = []
        for group in section.delegations:
            supported = " (programme-supported)" if group.programme_supported else ""
            if not group.attendees:
                rows.append((group.party + supported, group.side, "—", "", "", ""))
            for attendee in group.attendees:
                rows.append((group.party + supported, group.side, attendee.name, attendee.role,
                             attendee.position, attendee.institution))
        parts.append(_table(("Delegation", "Side", "Participant", "Role", "Position", "Institution"), rows, qt))
        parts.append("<h3>Agenda</h3>")
        parts.append(_table(("#", "Item", "Presented by"),
                            [(i, a.title, a.presenter) for i, a in enumerate(section.agenda, start=1)], qt))
        parts.append("<h3>Actions</h3>")
        parts.append(_table(("Action", "Owner", "Due date", "Status"),
                            [(a.action, a.owner, a.due_date, a.status) for a in section.actions], qt))
    css = QT_CSS if qt else BROWSER_CSS
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>'
            f"<title>{escape(report.title)}</title><style>{css}</style></head>"
            f"<body>{''.join(parts)}</body></html>")


def write_html(report: Report, target: BinaryIO) -> None:
    target.write(report_html(report).encode("utf-8"))


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
