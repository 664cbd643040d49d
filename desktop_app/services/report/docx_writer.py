"""The Word report: title page, contents, headings, real Word tables, charts, "page X of Y".

Print rules (contract §3 v2, issue 17): body text 10 pt, tables 9 pt; every table row cannot split
across pages and the header row repeats; headings keep with what follows; a table of contents field
that Word fills when it opens the file (`w:updateFields`), since only Word knows the page numbers.

Speed: every block is inserted before the body's final `w:sectPr`, found once and kept
(`Body.append`). python-docx's `add_paragraph`/`add_table` look the `sectPr` up again for each block,
and `document.paragraphs[-1]` walks the whole body; at a few thousand blocks that is quadratic.
Tables are built as WordprocessingML text and parsed once per table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import escape
from io import BytesIO
from typing import BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from desktop_app.services import file_properties
from desktop_app.services.report.cells import cell_text, column_shares, is_number
from desktop_app.services.report.charts import WIDTH, chart_height
from desktop_app.services.report.fit import Fit, fit_table, measurer
from desktop_app.services.report.html import delegation_table
from desktop_app.services.report.model import NO_DIALOGUES, Report, Table
from desktop_app.services.report.raster import chart_png

BLUE = RGBColor(0x1F, 0x4E, 0x79)
MARGIN_CM = 1.8
TEXT_WIDTH_CM = 29.7 - 2 * MARGIN_CM  # A4 landscape, like the PDF: the Dialogues table has 13 columns
TEXT_HEIGHT_CM = 21.0 - 2 * MARGIN_CM - 1.5
BODY_PT = 10
TABLE_PT = 9
STREAM_FROM = 200  # a table longer than this many rows is written into the file row by row (`_save`)
PIECE_ROWS = 500  # rows of a streamed table joined into one write
MARKER = "DR-STREAMED-TABLE-"  # the text of the paragraph a streamed table replaces
CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))  # not allowed in XML
# A row that may be taller than this cannot be kept whole: Word does not move a row that "cannot split"
# and is taller than a page, it cuts it off at the page's foot and the rest is never printed (round 16:
# a summary of a few pages in the annex's facts). Half the page's text height, in points.
TALL_ROW_PT = TEXT_HEIGHT_CM / 2.54 * 72 / 2
SHORT_CELL = 300  # characters: a cell this short is never that tall, and is not measured
LINE_PITCH = 1.2  # a line's height in sizes of its font
AVERAGE_LETTER = 0.5  # an average letter's width in sizes of its font
LINE_BREAK = re.compile("\r\n?|\n")  # inside a <w:t> Word shows a line feed as a space (round 16)
# a fitted table's cells (`fit.py`): half a millimetre of margin left and right, as the PDF's padding
# (Word's default of 1.9 mm took 50 mm of the Dialogues table's 13 columns), and what a column has
# beyond its text: both margins and a share of the half-point borders
FITTED_MARGIN_TWIPS = 28
FITTED_OVERHEAD_PT = 2 * FITTED_MARGIN_TWIPS / 20 + 0.5


class Body:
    """Appends blocks to the document body in order, before the section properties found once."""

    def __init__(self, document) -> None:
        self.document = document
        self.anchor = document.element.body.sectPr
        self.streamed: list[tuple[Table, float, Fit | None]] = []  # long tables, written into the file by `_save`

    def append(self, element) -> None:
        self.anchor.addprevious(element)

    def paragraph(self, text: str = "", style: str | None = None, keep_with_next: bool = False) -> Paragraph:
        element = OxmlElement("w:p")
        self.append(element)
        paragraph = Paragraph(element, self.document._body)
        if style:
            paragraph.style = self.document.styles[style]
        if text:
            paragraph.add_run(text.translate(CONTROL))
        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def heading(self, text: str, level: int) -> Paragraph:
        return self.paragraph(text, f"Heading {level}", keep_with_next=True)


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES, TOC): Word computes its result; `placeholder` shows until then."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("result", placeholder),
                       ("end", None)):
        if kind in ("begin", "separate", "end"):
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                element.set(qn("w:dirty"), "true")
        elif kind == "result":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        run._r.append(element)


def _lines(text: str, twips: int, size: float) -> int:
    """About how many lines `text` takes in a column `twips` wide at `size` points (an average letter
    is half as wide as it is high): enough to tell a row of a few lines from one of pages."""
    per_line = max(1, int(twips / 20 / (size * AVERAGE_LETTER)))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _table_xml(report: Report, table: Table, size: float, fit: Fit | None = None) -> str:
    """A whole table as WordprocessingML: shaded bold header row repeated on each page, no row split."""
    return "".join(_table_parts(report, table, size, fit))


def _fit(report: Report, table: Table) -> Fit | None:
    """The widths and font size of a table laid out by its words (`fit.py`), else None."""
    return fit_table(report, table, measurer, lambda: (Cm(TEXT_WIDTH_CM).pt, FITTED_OVERHEAD_PT))


def _table_parts(report: Report, table: Table, size: float, fit: Fit | None = None) -> Iterator[str]:
    """`_table_xml` in pieces of some hundred rows, for a table streamed into the file (`_save`).
    `fit`: the widths and font size from the table's words (`fit.py`), with narrower cell margins."""
    shares = fit.shares if fit is not None else column_shares(table.header, table.name)
    twips = [round(Cm(TEXT_WIDTH_CM * share).pt * 20) for share in shares]
    size = fit.size if fit is not None else size
    half_points = round(size * 2)
    margins = (f'<w:tblCellMar><w:left w:w="{FITTED_MARGIN_TWIPS}" w:type="dxa"/>'
               f'<w:right w:w="{FITTED_MARGIN_TWIPS}" w:type="dxa"/></w:tblCellMar>' if fit is not None else "")
    plain = [name == "Year" for name in table.header]

    def row(values, header: bool = False, draft: bool = False) -> str:
        cells = []
        whole = True  # the row cannot split across pages, unless it may be taller than a page
        for year, value, width in zip(plain, values, twips, strict=True):
            text = escape(cell_text(value, report.language, year).translate(CONTROL))
            if whole and len(text) > SHORT_CELL and _lines(text, width, size) * size * LINE_PITCH > TALL_ROW_PT:
                whole = False
            if "\n" in text or "\r" in text:  # a line break the officer typed: Word's own, not a space
                text = LINE_BREAK.sub('</w:t><w:br/><w:t xml:space="preserve">', text)
            align = '<w:jc w:val="right"/>' if is_number(value) else ""
            shade = '<w:shd w:val="clear" w:color="auto" w:fill="DCE6F1"/>' if header else ""
            style = ("<w:b/>" if header else "") + ("<w:i/><w:color w:val=\"7A4500\"/>" if draft else "")
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
                         f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/>{align}</w:pPr>'
                         f'<w:r><w:rPr>{style}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
                         f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>')
        properties = ("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else
                      "<w:trPr><w:cantSplit/></w:trPr>" if whole else "")
        return f"<w:tr>{properties}{''.join(cells)}</w:tr>"

    header = tuple(report.t(name) for name in table.header)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    yield (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
           f'<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>{margins}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
           + row(header, header=True))
    rows: list[str] = []
    for index, values in enumerate(table.rows):
        rows.append(row(values, draft=index in table.drafts))
        if len(rows) == PIECE_ROWS:
            yield "".join(rows)
            rows.clear()
    yield "".join(rows) + "</w:tbl>"


def _table(body: Body, report: Report, table: Table, size: float = TABLE_PT) -> None:
    """A table in the body; a long one (the Dialogues table has a row a dialogue) as a marker paragraph that
    `_save` replaces with the table's rows as it writes the file, so that no tree of it is ever built."""
    if not table.rows:
        body.paragraph(report.t("None."))
        return
    fit = _fit(report, table)
    if len(table.rows) > STREAM_FROM:
        body.paragraph(f"{MARKER}{len(body.streamed)}:")
        body.streamed.append((table, size, fit))
    else:
        body.append(parse_xml(_table_xml(report, table, size, fit)))
    body.paragraph().paragraph_format.space_after = Pt(2)


def _save(document, body: Body, report: Report, target: BinaryIO, tick: Callable[[], None]) -> None:
    """The document as python-docx saves it, with each long table written in place of its marker
    paragraph, row by row, into the ZIP's `word/document.xml`: the file's memory is that of its short
    parts, whatever the number of rows."""
    built = BytesIO()
    document.save(built)
    with ZipFile(built) as source, ZipFile(target, "w", ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename != "word/document.xml" or not body.streamed:
                out.writestr(item, source.read(item.filename), compress_type=ZIP_DEFLATED)
                continue
            xml = source.read(item.filename).decode("utf-8")
            streamed = ZipInfo(item.filename, item.date_time)
            streamed.compress_type = ZIP_DEFLATED
            with out.open(streamed, "w") as stream:
                position = 0
                for number, (table, size, fit) in enumerate(body.streamed):
                    marker = f"<w:p><w:r><w:t>{MARKER}{number}:</w:t></w:r></w:p>"
                    at = xml.index(marker, position)
                    stream.write(xml[position:at].encode("utf-8"))
                    for piece in _table_parts(report, table, size, fit):
                        stream.write(piece.encode("utf-8"))
                        tick()
                    position = at + len(marker)
                stream.write(xml[position:].encode("utf-8"))


def _chart(body: Body, report: Report, index: int) -> None:
    chart = report.charts[index]
    ratio = chart_height(chart) / WIDTH
    width = min(22.0, TEXT_HEIGHT_CM * 0.55 / ratio)  # both charts and captions on one page
    picture = body.paragraph(keep_with_next=True)
    picture.add_run().add_picture(BytesIO(chart_png(chart)), width=Cm(width))
    caption = body.paragraph(chart.caption)
    caption.runs[0].italic = True


def _styles(document) -> None:
    styles = document.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(BODY_PT)
    for level, size in ((1, 16), (2, 13), (3, 11)):
        style = styles[f"Heading {level}"]
        style.font.size = Pt(size)
        style.font.color.rgb = BLUE
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.keep_together = True


def _title_page(body: Body, report: Report) -> None:
    page = report.title_page
    if page.logo:
        body.paragraph().add_run().add_picture(BytesIO(page.logo), height=Cm(2.5))
    spacer = body.paragraph()
    spacer.paragraph_format.space_before = Pt(60 if page.logo else 110)
    if page.programme:
        run = body.paragraph().add_run(page.programme)
        run.bold = True
        run.font.size = Pt(16)
    title = body.paragraph().add_run(page.title)
    title.bold = True
    title.font.size = Pt(28)
    title.font.color.rgb = BLUE
    body.paragraph().add_run(f"{report.t('Reporting period')}: {page.period}").font.size = Pt(15)
    for key, value in page.filters:
        body.paragraph(f"{key}: {value}")
    body.paragraph(f"{page.generated}.")
    if report.empty:
        empty = body.paragraph().add_run(report.t(NO_DIALOGUES))
        empty.bold = True
        empty.font.size = Pt(14)
    if page.disclaimer:
        disclaimer = body.paragraph()
        disclaimer.paragraph_format.space_before = Pt(60)
        disclaimer.add_run(page.disclaimer).italic = True
    body.paragraph().add_run().add_break(WD_BREAK.PAGE)


def write_docx(report: Report, target: BinaryIO, tick: Callable[[int, int], None] | None = None) -> None:
    """`tick` hears of each table and each annex section."""
    tick = tick or (lambda done, total: None)
    tables = report.tables(shares=True, participants=False)  # participants: in the annex
    total = len(tables) + len(report.sections) + 1
    tick(0, total)
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)  # A4 landscape
    section.orientation = WD_ORIENT.LANDSCAPE
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    _styles(document)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    before, _, rest = report.t("Page %1 of %2").partition("%1")
    between, _, after = rest.partition("%2")
    footer.add_run(f"{report.title} — {before}")
    _field(footer, "PAGE", "1")
    footer.add_run(between)
    _field(footer, "NUMPAGES", "1")
    footer.add_run(after)
    update = OxmlElement("w:updateFields")  # Word fills in the contents and page numbers on opening
    update.set(qn("w:val"), "true")
    document.settings.element.append(update)

    body = Body(document)
    _title_page(body, report)
    body.heading(report.t("Contents"), 1)
    _field(body.paragraph(), 'TOC \\o "1-2" \\h \\z \\u', report.t("Contents"))
    body.paragraph().add_run().add_break(WD_BREAK.PAGE)
    for done, table in enumerate(tables, start=1):
        body.heading(report.t(table.name), 1)
        _table(body, report, table)
        if table.name == "Participation":
            for note in report.party_notes:
                body.paragraph(note).runs[0].italic = True
        if table.name == "Summary" and not report.empty:
            for index in range(len(report.charts)):
                _chart(body, report, index)
        tick(done, total)
    if report.annex_note or report.sections:
        body.heading(report.t("Dialogues in detail"), 1)
    if report.annex_note:
        body.paragraph(report.annex_note)
    for done, section_ in enumerate(report.sections, start=len(tables) + 1):
        tick(done, total)
        line = section_.line
        body.heading(line.title + (f" {report.t('(draft)')}" if line.is_draft else ""), 2)
        _table(body, report, Table("Facts", ("Fact", "Value"), tuple(section_.facts)))
        body.paragraph(section_.narrative).paragraph_format.left_indent = Cm(0.5)
        body.heading(report.t("Delegations and participants"), 3)
        _table(body, report, delegation_table(report, section_))
        body.heading(report.t("Agenda"), 3)
        if section_.agenda:
            _table(body, report, Table("Agenda", ("#", "Item", "Presented by"), tuple(
                (i, a.title, a.presenter) for i, a in enumerate(section_.agenda, start=1))))
        else:
            body.paragraph(report.t("No agenda recorded."))
        body.heading(report.t("Actions"), 3)
        if section_.actions:
            _table(body, report, Table("Actions", ("Action", "Owner", "Due date", "Status"), tuple(
                (a.action, a.owner, a.due_date, a.status) for a in section_.actions)))
        else:
            body.paragraph(report.t("No actions recorded."))
    file_properties.stamp(document.core_properties, report.title, report.language)
    tick(total - 1, total)
    _save(document, body, report, target, lambda: tick(total - 1, total))
    tick(total, total)
