"""A document as a few plain blocks, so one builder serves both the Word and the PDF writer.

Builders (`content.py`) decide what is said; writers (`docx_out.py`, `pdf_out.py`) decide how it
looks on A4. A table's rows are never split across pages by either writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Style(StrEnum):
    TITLE = "title"  # NOTE VERBALE, LIST OF PARTICIPANTS
    HEADING = "heading"  # a delegation's name on its page
    BODY = "body"  # justified running text with a first-line indent (a note's paragraphs)
    PLAIN = "plain"  # left aligned, no indent
    RIGHT = "right"  # the reference number, place and date
    SMALL = "small"  # captions, the other script


@dataclass(frozen=True)
class Para:
    text: str
    style: Style = Style.PLAIN
    bold: bool = False
    keep_with_next: bool = False  # a heading stays on the page of what it introduces
    space_before: bool = False  # set apart from what precedes (the place and date, the addressee)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # a cell's "\n" is a line break (a name and its other script)
    widths: tuple[float, ...]  # shares of the text width, summing to 1
    tall_rows: bool = False  # room to sign in every row
    continued: str = ""  # above the table's rest on a following page, e.g. "Delegation: Kazakhstan (continued)"


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Para | Table | PageBreak


@dataclass(frozen=True)
class Document:
    title: str  # the file's title property
    blocks: tuple[Block, ...]
    landscape: bool = False
    letterhead: tuple[str, ...] = ()  # on the first page, above everything (with the logo)
    logo: bytes | None = None
    running_header: str = ""  # at the top of every page: the meeting, its dates and place
    footer: str = ""  # before "page N of M"
    language: str = "en"
    names: tuple[str, ...] = field(default=(), compare=False)  # every person named (for checks)
