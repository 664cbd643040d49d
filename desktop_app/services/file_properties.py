"""What a written Word or Excel file says about itself (File ▸ Info): this program and the time it
was written. Left to the libraries, a Word report said it was created on 23 December 2013 by
"python-docx" (its template's properties) and a workbook "openpyxl" (round 14). No person's name is
written: a report made with --no-names leaves names out of its properties too."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

PROGRAM = "Dialogue Register"


def stamp(properties: Any, title: str, language: str) -> None:
    """Set the core properties (python-docx's `core_properties` or openpyxl's `properties`)."""
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)  # both write naive times as UTC
    properties.title = title
    properties.language = language
    properties.created = now
    properties.modified = now
    properties.comments = None if hasattr(properties, "creator") else ""
    if hasattr(properties, "creator"):  # openpyxl
        properties.creator = PROGRAM
        properties.lastModifiedBy = PROGRAM
    else:  # python-docx
        properties.author = PROGRAM
        properties.last_modified_by = PROGRAM
        properties.revision = 1
