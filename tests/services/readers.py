"""Reading the four report formats back with real readers, into comparable plain values.

The Summary is read by position (the contract: readers read the Russian sheets by position), so the
same readers serve both languages; numbers are read back from their language's spelling."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.services.report.labels import t
from desktop_app.services.report.model import SUMMARY_METRICS

COUNT_METRICS = SUMMARY_METRICS[2:]


def number(text: str) -> int:
    """1,234 / 1 234 (no-break space) / 1234 -> 1234."""
    return int(re.sub(r"[,\s\u00a0\u202f]", "", text))


def xlsx_summary(path: Path) -> dict[str, object]:
    sheet = load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(min_row=2, max_row=len(SUMMARY_METRICS) + 1, values_only=True))
    return {metric: row[1] for metric, row in zip(SUMMARY_METRICS, rows, strict=True)}


def docx_summary(path: Path) -> dict[str, int]:
    table = Document(str(path)).tables[0]
    values = [row.cells[1].text for row in table.rows[1:]]
    return {metric: number(value) for metric, value in zip(SUMMARY_METRICS, values, strict=True)
            if metric in COUNT_METRICS}


def docx_text(path: Path) -> str:
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts.extend(cell.text for row in table.rows for cell in row.cells)
    texts.extend(p.text for section in document.sections for p in section.footer.paragraphs)
    return "\n".join(texts)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def pdf_summary(path: Path, language: str = "en") -> dict[str, int]:
    """The Summary's counts from the PDF's text: each metric's name followed by its number."""
    text = pdf_text(path)
    found: dict[str, int] = {}
    for metric in COUNT_METRICS:
        label = re.escape(t(metric, language))
        match = re.search(rf"(?:^|\s){label}\s+(\d+)(?=\s|$)", text)  # the world's numbers are < 1000
        assert match, metric
        found[metric] = number(match.group(1))
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


def html_summary(path: Path, language: str = "en") -> dict[str, int]:
    header = [t("Metric", language), t("Value", language), t("Share", language)]
    table = next(t_ for t_ in html_tables(path) if t_ and t_[0] == header)
    values = [row[1] for row in table[1:]]
    return {metric: number(value) for metric, value in zip(SUMMARY_METRICS, values, strict=True)
            if metric in COUNT_METRICS}
