"""A document as a Word file (python-docx): A4, Times New Roman as protocol offices use, real tables
whose rows may not break across pages (`cantSplit`) and whose header row repeats on every page."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from desktop_app.services import file_properties
from desktop_app.services.documents.model import Document, PageBreak, Para, Style, Table

MARGIN_CM = 2.0
ALIGN = {Style.TITLE: WD_ALIGN_PARAGRAPH.CENTER, Style.HEADING: WD_ALIGN_PARAGRAPH.LEFT,
         Style.BODY: WD_ALIGN_PARAGRAPH.JUSTIFY, Style.PLAIN: WD_ALIGN_PARAGRAPH.LEFT,
         Style.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT, Style.SMALL: WD_ALIGN_PARAGRAPH.LEFT}
SIZE = {Style.TITLE: 14, Style.HEADING: 13, Style.BODY: 12, Style.PLAIN: 12, Style.RIGHT: 12, Style.SMALL: 9}


def _row_properties(row, header: bool) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _cell(cell, text: str, size: float, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    lines = text.split("\n")
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold
        run.font.size = Pt(size if index == 0 else size - 1.5)
        if index < len(lines) - 1:
            run.add_break()


def _table(docx, table: Table, width_cm: float, caption: str = "") -> None:
    """`caption`: a first header row across the table (the delegation's name), repeated with the header
    on every page the table runs to, so a continued page still says whose it is."""
    out = docx.add_table(rows=0, cols=len(table.header))
    out.style = "Table Grid"
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    out.autofit = False
    widths = [Cm(width_cm * share) for share in table.widths]
    size = 10 if len(table.header) <= 5 else 9
    if caption:
        row = out.add_row()
        _row_properties(row, header=True)
        merged = row.cells[0].merge(row.cells[-1])
        _cell(merged, caption, 12, bold=True)
    for values, header in ((table.header, True), *((row, False) for row in table.rows)):
        row = out.add_row()
        _row_properties(row, header)
        if table.tall_rows and not header:
            row.height = Cm(1.3)
        for cell, value, width in zip(row.cells, values, widths, strict=True):
            cell.width = width
            _cell(cell, value, size, bold=header)


def write_docx(document: Document, target: Path) -> None:
    docx = new_docx()
    section = docx.sections[0]
    if document.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    width_cm = (29.7 if document.landscape else 21.0) - 2 * MARGIN_CM
    normal = docx.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    if document.running_header:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header.add_run(document.running_header).font.size = Pt(9)
    if document.logo:
        docx.add_picture(BytesIO(document.logo), height=Cm(2.0))
        docx.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in document.letterhead:
        paragraph = docx.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.bold = True
        run.font.size = Pt(11)
    if document.letterhead:
        docx.add_paragraph()
    page_break_next = False
    caption = ""
    blocks = document.blocks
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (isinstance(block, Para) and block.style is Style.HEADING and isinstance(following, Table)
                and following.continued):
            caption = block.text  # printed as the table's first header row instead (see _table)
            continue
        if isinstance(block, PageBreak):
            page_break_next = True
            continue
        if isinstance(block, Para):
            paragraph = docx.add_paragraph()
            paragraph.alignment = ALIGN[block.style]
            paragraph.paragraph_format.space_after = Pt(8 if block.style in (Style.BODY, Style.TITLE) else 2)
            if block.style is Style.BODY:
                paragraph.paragraph_format.first_line_indent = Cm(1.25)
            if block.space_before:
                paragraph.paragraph_format.space_before = Pt(24)
            paragraph.paragraph_format.keep_with_next = block.keep_with_next or block.style is Style.TITLE
            paragraph.paragraph_format.page_break_before = page_break_next
            run = paragraph.add_run(block.text)
            run.bold = block.bold
            run.font.size = Pt(SIZE[block.style])
        else:
            if page_break_next:
                docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _table(docx, block, width_cm, caption)
            caption = ""
        page_break_next = False
    file_properties.stamp(docx.core_properties, document.title, "ru-RU" if document.language == "ru" else "en-GB")
    docx.save(str(target))
