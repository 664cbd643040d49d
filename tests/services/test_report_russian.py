"""The Russian report holds no English word except what officers typed (contract §3 v2, issue 17).

Every format is read back as a reader sees it (sheet names and cells, the Word text with its footer,
the PDF's text, the HTML's visible text); every Latin word in it must come from text an officer typed
(titles, names, positions, institutions, topics, organisations not in the reference lists)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.db.unit_of_work import Database
from desktop_app.services.report import ReportSelection, build_report, write_report
from desktop_app.services.report.labels import RU
from tests.services.readers import docx_text, pdf_text
from tests.services.report_world import TODAY, build_world

pytestmark = pytest.mark.usefixtures("qapp")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*")


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("style", "script", "title")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("style", "script", "title")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.texts.append(data)


def _xlsx_text(path: Path) -> str:
    book = load_workbook(path)
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
             if isinstance(c, str)]
    return " ".join(book.sheetnames + cells)


def _html_text(path: Path) -> str:
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.texts)


def test_the_russian_report_has_no_english_words_but_typed_names(database: Database, tmp_path: Path) -> None:
    world = build_world(database)
    typed = world.typed_texts() | {"UNODC", "Europol"}  # organisations as officers typed them
    allowed = {word for text in typed for word in LATIN.findall(text)}
    report = build_report(database, ReportSelection(include_drafts=True), "ru", today=TODAY)
    texts = {
        "xlsx": _xlsx_text(write_report(report, tmp_path / "r.xlsx")),
        "docx": docx_text(write_report(report, tmp_path / "r.docx")),
        "pdf": pdf_text(write_report(report, tmp_path / "r.pdf")),
        "html": _html_text(write_report(report, tmp_path / "r.html")),
    }
    for kind, text in texts.items():
        assert "Участники" in text and "Женщины" in text, kind
        english = sorted({word for word in LATIN.findall(text) if word not in allowed})
        assert english == [], f"{kind}: {english}"
    # and the check can fail: the English report is full of words nobody typed
    english = build_report(database, ReportSelection(include_drafts=True), "en", today=TODAY)
    text = _html_text(write_report(english, tmp_path / "en.html"))
    assert {"Summary", "Participants", "Women", "Attended"} <= set(LATIN.findall(text)) - allowed


def test_every_russian_label_is_cyrillic() -> None:
    for english, russian in RU.items():
        assert not LATIN.search(russian.replace("%1", "").replace("%2", "")), (english, russian)
