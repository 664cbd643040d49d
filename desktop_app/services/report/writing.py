"""Writing a report file: pick the format, write beside the target, rename into place.

A report that fails half-way (a full disk, a folder without permission) leaves no partial file:
the renderer writes a temporary file in the target's folder, which is renamed only when complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from desktop_app.services.report.model import Report

FORMATS = ("pdf", "docx", "xlsx", "html")


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


def _renderer(kind: str) -> Callable[[Report, Path], None]:
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


def write_report(report: Report, target: Path, kind: str | None = None) -> Path:
    """Render `report` into `target` all or nothing; returns the absolute path written."""
    kind = format_of(target, kind)
    target = target.expanduser().absolute()
    if target.is_dir():
        raise UserError(Text("%1 is a folder; give a file name for the report.", target))
    if not target.parent.is_dir():
        raise UserError(Text("The folder %1 does not exist.", target.parent))
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".{kind}", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise UserError(Text("The report cannot be written in %1 (%2).", target.parent, error.strerror)) from error
    temporary = Path(name)
    try:
        _renderer(kind)(report, temporary)
        if not temporary.exists() or temporary.stat().st_size == 0:
            raise UserError(Text("The report could not be written to %1.", target))
        temporary.chmod(0o644)  # mkstemp makes it private; a report is meant to be shared
        os.replace(temporary, target)
    except OSError as error:
        raise UserError(Text("The report cannot be written to %1 (%2).", target, error.strerror)) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    return target
