"""Bar charts as plain SVG text, drawn by hand.

Why hand-drawn SVG: three simple bar charts do not justify matplotlib (tens of megabytes, slow
import on an officer's laptop); SVG text needs no library at all, embeds in the HTML report as
it is, and Qt's SVG renderer turns the same drawing into a PNG for the PDF, the Word file and
the preview (`raster.py`). One drawing, so the charts agree across formats like the numbers do.
"""

from __future__ import annotations

from html import escape

from desktop_app.services.report.model import Chart

WIDTH = 640
BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 190
TITLE_HEIGHT = 34
COLOURS = ("#1f4e79", "#c0504d", "#7f7f7f")
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"


def chart_height(chart: Chart) -> int:
    return TITLE_HEIGHT + max(1, len(chart.bars)) * (BAR_HEIGHT + GAP) + GAP


def chart_svg(chart: Chart) -> str:
    """A horizontal bar chart: one bar per label, the value written at the end of the bar."""
    height = chart_height(chart)
    most = max((value for _, value in chart.bars), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 60
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" font-family="{FONT}" font-size="13">',
             f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
             f'<text x="0" y="20" font-size="15" font-weight="bold" fill="#1f2d3d">{escape(chart.title)}</text>']
    if not chart.bars:
        parts.append(f'<text x="0" y="{TITLE_HEIGHT + 16}" fill="#555555">Nothing to show.</text>')
    sex_chart = len(chart.bars) == 3 and chart.bars[0][0] == "Women"
    for index, (label, value) in enumerate(chart.bars):
        y = TITLE_HEIGHT + index * (BAR_HEIGHT + GAP)
        width = round(room * value / most)
        colour = COLOURS[index] if sex_chart else COLOURS[0]
        shown = label if len(label) <= 28 else label[:27] + "…"
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" fill="#1f2d3d">'
                     f'{escape(shown)}</text>')
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(width, 1)}" height="{BAR_HEIGHT}" '
                     f'fill="{colour}"/>')
        parts.append(f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 16}" fill="#1f2d3d">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)
