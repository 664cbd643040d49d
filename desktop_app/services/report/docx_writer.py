"""The Word report: title page, headings, real Word tables, charts, page numbers in the footer."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from desktop_app.services.report.cells import cell_text, column_shares, is_number
from desktop_app.services.report.model import NO_DIALOGUES, Cell, Report
from desktop_app.services.report.raster import chart_png

BLUE = RGBColor(0x1F, 0x4E, 0x79)
MARGIN_CM = 1.8
TEXT_WIDTH_CM = 29.7 - 2 * MARGIN_CM  # A4 landscape, like the PDF: the Dialogues table has 13 columns


def _page_number(paragraph) -> None:  # type: ignore[no-untyped-def]
    """A PAGE field: Word fills in the number of each page."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _shade(cell, colour: str) -> None:  # type: ignore[no-untyped-def]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _table(document, header: tuple[str, ...], rows: list[tuple[Cell, ...]], size: float = 8) -> None:  # type: ignore[no-untyped-def]
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Cm(TEXT_WIDTH_CM * share) for share in column_shares(header)]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, title, width in zip(table.rows[0].cells, header, widths, strict=True):
        cell.width = width
        cell.text = ""
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
        run.font.size = Pt(size)
        _shade(cell, "DCE6F1")
    _repeat_header(table.rows[0])
    for row in rows or [("None.",) + ("",) * (len(header) - 1)]:
        # row.cells rescans the whole table each time (quadratic); the row's own cells suffice
        cells = [_Cell(tc, table) for tc in table.add_row()._tr.tc_lst]
        for cell, value, width in zip(cells, row, widths, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(cell_text(value))
            run.font.size = Pt(size)
            if is_number(value):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()


def write_docx(report: Report, target: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)  # A4 landscape
    section.orientation = WD_ORIENT.LANDSCAPE
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    styles = document.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(10)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{report.title} — page ")
    _page_number(footer)

    title = document.add_paragraph()
    title.paragraph_format.space_before = Pt(90)
    run = title.add_run(report.title)
    run.bold = True
    run.font.size = Pt(28)
    run.font.color.rgb = BLUE
    document.add_paragraph().add_run(f"Period: {report.period_text}").font.size = Pt(14)
    for key, value in report.filters:
        document.add_paragraph(f"{key}: {value}")
    document.add_paragraph(f"Generated on {report.generated_on.isoformat()} by Dialogue Register")
    if report.empty:
        empty = document.add_paragraph().add_run(NO_DIALOGUES)
        empty.bold = True
        empty.font.size = Pt(14)
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)

    for name, header, rows in report.tables():
        document.add_heading(name, level=1)
        _table(document, header, rows, size=8 if len(header) > 8 else 9)
        if name == "Summary" and not report.empty:
            for chart in report.charts:
                document.add_picture(BytesIO(chart_png(chart)), width=Cm(11))
    for section_ in report.sections:
        line = section_.line
        heading = document.add_heading(line.title + (" (draft)" if line.is_draft else ""), level=1)
        heading.paragraph_format.page_break_before = True
        _table(document, ("Fact", "Value"), [(k, v) for k, v in section_.facts], size=9)
        document.add_paragraph(section_.narrative).paragraph_format.left_indent = Cm(0.5)
        if section_.narrative_ru:
            document.add_paragraph(section_.narrative_ru).paragraph_format.left_indent = Cm(0.5)
        document.add_heading("Delegations", level=2)
        rows: list[tuple[Cell, ...]] = []
        for group in section_.delegations:
            supported = " (programme-supported)" if group.programme_supported else ""
            if not group.attendees:
                rows.append((group.party + supported, group.side, "—", "", "", ""))
            rows.extend((group.party + supported, group.side, a.name, a.role, a.position, a.institution)
                        for a in group.attendees)
        _table(document, ("Delegation", "Side", "Participant", "Role", "Position", "Institution"), rows)
        document.add_heading("Agenda", level=2)
        _table(document, ("#", "Item", "Presented by"),
               [(i, a.title, a.presenter) for i, a in enumerate(section_.agenda, start=1)])
        document.add_heading("Actions", level=2)
        _table(document, ("Action", "Owner", "Due date", "Status"),
               [(a.action, a.owner, a.due_date, a.status) for a in section_.actions])
    document.core_properties.title = report.title
    document.save(str(target))
