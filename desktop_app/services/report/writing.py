"""Writing a report file: pick the format, render it through the one safe writer.

A report that fails half-way (a full disk, a folder without permission) leaves no partial file and
the previous report untouched: `services.safe_files` writes a temporary file beside the target,
checks it (the PDF painter's result and the PDF's cross-reference table, the ZIP's CRCs and XML
parts for DOCX and XLSX, the closing tag of HTML) and only then renames it into place, owner-only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from desktop_app.services.report.model import Report
from desktop_app.services.safe_files import Check, check_pdf, check_text_end, check_zip, write_file

FORMATS = ("pdf", "docx", "xlsx", "html")
# Called by a renderer as it goes: (done, total) in its own units (rows, blocks, pages). It may raise to
# stop the writing (Cancel in the window: `Progress.check`); the safe writer then removes the partial file.
Tick = Callable[[int, int], None]


def no_tick(done: int, total: int) -> None:
    """The command line's progress: none."""


def format_of(target: Path, chosen: str | None = None) -> str:
    """The format asked for, or the one the file's extension names."""
    if chosen:
        if chosen not in FORMATS:
            raise UserError(Text("“%1” is not a report format; choose pdf, docx, xlsx or html.", chosen))
        return chosen
    extension = target.suffix.lower().lstrip(".")
    if extension == "htm":
        extension = "html"
    if extension not in FORMATS:
        raise UserError(Text("Cannot tell the report format from “%1”; "
                             "end the file name in .pdf, .docx, .xlsx or .html, or give --format.", target.name))
    return extension


def _renderer(kind: str) -> Callable[[Report, BinaryIO, Tick], Any]:
    if kind == "xlsx":
        from desktop_app.services.report.xlsx import write_xlsx
        return write_xlsx
    if kind == "docx":
        from desktop_app.services.report.docx_writer import write_docx
        return write_docx
    if kind == "html":
        from desktop_app.services.report.html import write_html
        return write_html
    from desktop_app.services.report.pdf import write_pdf
    return write_pdf


def write_report(report: Report, target: Path, kind: str | None = None, tick: Tick = no_tick) -> Path:
    """Render `report` into `target` all or nothing; returns the absolute path written.

    `tick` hears how far the renderer is and may stop it by raising: then nothing is written."""
    kind = format_of(target, kind)
    target = target.expanduser().absolute()
    render = _renderer(kind)
    pages: list[int] = []

    def fill(stream: BinaryIO) -> None:
        result = render(report, stream, tick)
        if isinstance(result, int):
            pages.append(result)

    def check(path: Path) -> None:
        checks: dict[str, Check] = {"pdf": check_pdf(pages[0] if pages else None), "docx": check_zip,
                                    "xlsx": check_zip, "html": check_text_end(b"</html>")}
        checks[kind](path)

    write_file(target, fill, check)
    return target
