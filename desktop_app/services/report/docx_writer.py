"""The Word report: title page, headings, real Word tables, charts, page numbers in the footer."""

from __future__ import annotations

from html import escape
from io import BytesIO
from typing import BinaryIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

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


_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))  # not allowed in XML


def _row_xml(values: tuple[Cell, ...], widths: list[int], size: float, header: bool = False) -> str:
    """One table row as WordprocessingML.

    Built as text and parsed once per row: python-docx's object API creates each of a cell's
    elements separately, which made a register of 300 dialogues take over a minute.
    """
    half_points = round(size * 2)
    cells = []
    for value, width in zip(values, widths, strict=True):
        text = escape(cell_text(value).translate(_CONTROL))
        align = '<w:jc w:val="right"/>' if is_number(value) else ""
        shade = '<w:shd w:val="clear" w:color="auto" w:fill="DCE6F1"/>' if header else ""
        bold = "<w:b/>" if header else ""
        cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
                     f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/>{align}</w:pPr>'
                     f'<w:r><w:rPr>{bold}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
                     f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>')
    repeat = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
    return f'<w:tr {nsdecls("w")}>{repeat}{"".join(cells)}</w:tr>'


def _table(document, header: tuple[str, ...], rows: list[tuple[Cell, ...]], size: float = 8) -> None:  # type: ignore[no-untyped-def]
    """A real Word table: header row shaded, bold and repeated on every page; widths fitted."""
    table = document.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Cm(TEXT_WIDTH_CM * share) for share in column_shares(header)]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    twips = [round(width.pt * 20) for width in widths]
    tbl = table._tbl
    tbl.append(parse_xml(_row_xml(header, twips, size, header=True)))
    for row in rows or [("None.",) + ("",) * (len(header) - 1)]:
        tbl.append(parse_xml(_row_xml(row, twips, size)))
    document.add_paragraph()


def write_docx(report: Report, target: BinaryIO) -> None:
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
    # Built in memory, then written: python-docx leaves its ZIP open when a write fails (a full disk),
    # and that ZIP's clean-up would print a traceback after the officer's sentence.
    built = BytesIO()
    document.save(built)
    target.write(built.getbuffer())
