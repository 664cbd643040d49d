"""The PDF report goes to its file page by page (issue 19, round 6: "pages streamed").

QPdfWriter writes into a small buffer that `pdf._Drain` empties into the report's file as pages are
done, instead of the whole PDF being built in memory and copied out at the end (74 MB at 100,000
dialogues). The file must be the same PDF either way: a sound cross-reference table (read strictly)
and the same text on every page.
"""

from __future__ import annotations

import io
import re
from itertools import pairwise
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.db.unit_of_work import Database
from desktop_app.services.report import ReportSelection, build_report, pdf
from desktop_app.services.report.model import Report
from tests.services.report_world import TODAY, build_many, build_world

pytestmark = pytest.mark.usefixtures("qapp")
STAMPS = re.compile(rb"D:\d{14}|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^<\s]*|uuid:[0-9a-f-]{36}|<[0-9a-f]{32,}>")


@pytest.fixture(scope="module")
def report(qapp, tmp_path_factory: pytest.TempPathFactory) -> Report:  # type: ignore[no-untyped-def]
    from desktop_app.db.opening import open_database

    database: Database = open_database(tmp_path_factory.mktemp("stream") / "dialogues.sqlite3")
    try:
        build_world(database)
        build_many(database, 5)
        return build_report(database, ReportSelection(include_drafts=True), "ru", today=TODAY)
    finally:
        database.close()


def _write(report: Report, flush: int) -> tuple[bytes, list[int], int]:
    """The PDF's bytes, how many had reached the file when each page was begun, and the pages."""
    target = io.BytesIO()
    reached: list[int] = []

    def tick(done: int, total: int) -> None:
        if total and done < total:
            reached.append(target.tell())

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "FLUSH_BYTES", flush)
        pages = pdf.write_pdf(report, target, tick)
    return target.getvalue(), reached, pages


def _texts(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data), strict=True)  # strict: a wrong cross-reference offset fails
    return ["".join(page.extract_text().split()) for page in reader.pages]


def test_the_pdf_reaches_its_file_while_its_pages_are_drawn(report: Report) -> None:
    data, reached, pages = _write(report, flush=1)
    assert pages >= 4
    assert reached[1] > 0  # the title page is in the file before the third page is begun
    assert all(later > earlier for earlier, later in pairwise(reached[1:]))
    assert len(_texts(data)) == pages


def test_a_pdf_streamed_page_by_page_is_the_pdf_written_at_once(report: Report) -> None:
    streamed, _, pages = _write(report, flush=1)
    whole, reached, whole_pages = _write(report, flush=1 << 40)
    assert reached[-1] == 0  # the comparison: nothing reached the file before the end
    assert pages == whole_pages
    assert _texts(streamed) == _texts(whole)
    assert _timeless(streamed) == _timeless(whole)  # the same bytes but for the time and the document's id


def _timeless(data: bytes) -> bytes:
    """`data` with the creation time and the document's random ids masked (the same length)."""
    return STAMPS.sub(lambda found: b"#" * len(found.group()), data)


def test_a_full_disk_stops_the_pdf_at_the_page_it_happens(report: Report) -> None:
    """The file's write fails (a full disk): the error comes out of `write_pdf` before the last page."""

    class Full(io.BytesIO):
        def write(self, data) -> int:  # type: ignore[no-untyped-def, override]
            raise OSError(28, "No space left on device")

    begun: list[int] = []
    with pytest.MonkeyPatch.context() as patch, pytest.raises(OSError, match="No space"):
        patch.setattr(pdf, "FLUSH_BYTES", 1)
        pdf.write_pdf(report, Full(), lambda done, total: begun.append(done) if total else None)
    assert begun and max(begun) < 3


def test_the_buffer_is_emptied_into_the_file(tmp_path: Path) -> None:
    """`_Drain` writes what the buffer holds, in order, and keeps nothing it has written."""
    target = io.BytesIO()
    drain = pdf._Drain(target)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "FLUSH_BYTES", 4)
        drain.buffer.write(b"%PD")
        drain()  # under FLUSH_BYTES: kept
        assert target.getvalue() == b""
        drain.buffer.write(b"F-1.4\n")
        drain()
        assert target.getvalue() == b"%PDF-1.4\n" and drain.buffer.size() == 0
        drain.buffer.write(b"%%EOF")
        drain(everything=True)
    assert target.getvalue() == b"%PDF-1.4\n%%EOF"


def test_the_workbook_is_copied_into_its_file_a_piece_at_a_time(report: Report, tmp_path: Path) -> None:
    """The workbook is built aside (past a size, in a temporary file) and copied in pieces: never held
    whole in memory (issue 19, round 6: 151 MB at 100,000 dialogues); the copy is the workbook."""
    from openpyxl import load_workbook

    from desktop_app.services.report import xlsx

    sizes: list[int] = []

    class Pieces(io.BytesIO):
        def write(self, data) -> int:  # type: ignore[no-untyped-def, override]
            sizes.append(len(data))
            return super().write(data)

    target = Pieces()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(xlsx, "SPOOL_BYTES", 1000)
        patch.setattr(xlsx, "COPY_BYTES", 4096)
        xlsx.write_xlsx(report, target)
    assert len(sizes) > 2 and max(sizes) <= 4096
    path = tmp_path / "copied.xlsx"
    path.write_bytes(target.getvalue())
    assert load_workbook(path, read_only=True).sheetnames[0] == "Сводка"
