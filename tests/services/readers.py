"""Reading the four report formats back with real readers, into comparable plain values."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.services.report.model import SUMMARY_METRICS

COUNT_METRICS = SUMMARY_METRICS[2:]


def xlsx_summary(path: Path) -> dict[str, object]:
    sheet = load_workbook(path)["Summary"]
    return {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] in SUMMARY_METRICS}


def docx_summary(path: Path) -> dict[str, int]:
    table = Document(str(path)).tables[0]
    values = {row.cells[0].text: row.cells[1].text for row in table.rows[1:]}
    return {metric: int(values[metric]) for metric in COUNT_METRICS}


def docx_text(path: Path) -> str:
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(texts)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def pdf_summary(path: Path) -> dict[str, int]:
    text = " ".join(PdfReader(str(path)).pages[1].extract_text().split())
    found: dict[str, int] = {}
    for metric in COUNT_METRICS:
        after = text.split(f" {metric} ", 1)[1]
        found[metric] = int(after.split(" ", 1)[0])
    return found


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def html_tables(path: Path) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tables


def html_summary(path: Path) -> dict[str, int]:
    table = next(t for t in html_tables(path) if t and t[0] == ["Metric", "Value"])
    values = {row[0]: row[1] for row in table[1:]}
    return {metric: int(values[metric]) for metric in COUNT_METRICS}
