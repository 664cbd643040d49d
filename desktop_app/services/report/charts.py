"""Bar charts as plain SVG text, drawn by hand.

Why hand-drawn SVG: two simple bar charts do not justify matplotlib (tens of megabytes, slow
import on an officer's laptop); SVG text needs no library at all, embeds in the HTML report as
it is, and Qt's SVG renderer turns the same drawing into a PNG for the PDF, the Word file and
the preview (`raster.py`). One drawing, so the charts agree across formats like the numbers do.

Readable in grey print: the stacked parts differ in lightness (dark, middle, light with an
outline), every part carries its number, and a legend names them. Every bar is drawn: a chart
that would need more bars than fit shows an explicit "Other (n)" bar, built in `build.py`.
"""

from __future__ import annotations

from html import escape

from desktop_app.services.report.model import Chart

WIDTH = 900
BAR_HEIGHT = 19
GAP = 6
LABEL_WIDTH = 330
TITLE_HEIGHT = 30
LEGEND_HEIGHT = 26
# dark, middle, light: apart in lightness, so grey print keeps them apart
FILLS = ("#1f3b5c", "#7f9cbf", "#e6e6e6")
TEXT_ON = ("#ffffff", "#000000", "#000000")
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"


def chart_height(chart: Chart) -> int:
    legend = LEGEND_HEIGHT if len(chart.series) > 1 else 0
    return TITLE_HEIGHT + legend + max(1, len(chart.bars)) * (BAR_HEIGHT + GAP) + GAP


def chart_svg(chart: Chart) -> str:
    """A horizontal bar chart, one bar per label, stacked by series; numbers on the parts and at the end."""
    height = chart_height(chart)
    most = max((sum(values) for _, values in chart.bars), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 70
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" font-family="{FONT}" font-size="14">',
             f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
             f'<text x="0" y="20" font-size="16" font-weight="bold" fill="#000000">{escape(chart.title)}</text>']
    top = TITLE_HEIGHT
    if len(chart.series) > 1:
        x = LABEL_WIDTH
        for index, name in enumerate(chart.series):
            parts.append(f'<rect x="{x}" y="{top + 2}" width="16" height="16" fill="{FILLS[index % 3]}" '
                         f'stroke="#000000" stroke-width="1"/>')
            parts.append(f'<text x="{x + 22}" y="{top + 15}" fill="#000000">{escape(name)}</text>')
            x += 40 + 9 * len(name)
        top += LEGEND_HEIGHT
    if not chart.bars:
        parts.append(f'<text x="0" y="{top + 16}" fill="#333333">{escape(chart.empty_text)}</text>')
    for index, (label, values) in enumerate(chart.bars):
        y = top + index * (BAR_HEIGHT + GAP)
        shown = label if len(label) <= 36 else label[:35] + "…"
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end" fill="#000000" font-size="13">'
                     f'{escape(shown)}</text>')
        x = LABEL_WIDTH
        for part, value in enumerate(values):
            width = round(room * value / most)
            if width <= 0:
                continue
            parts.append(f'<rect x="{x}" y="{y}" width="{width}" height="{BAR_HEIGHT}" fill="{FILLS[part % 3]}" '
                         f'stroke="#000000" stroke-width="0.8"/>')
            if len(values) > 1 and width >= 9 * len(str(value)) + 6:
                parts.append(f'<text x="{x + width / 2}" y="{y + 14}" text-anchor="middle" font-size="12" '
                             f'fill="{TEXT_ON[part % 3]}">{value}</text>')
            x += width
        parts.append(f'<text x="{x + 6}" y="{y + 15}" fill="#000000" font-weight="bold">{sum(values)}</text>')
    parts.append("</svg>")
    return "".join(parts)
