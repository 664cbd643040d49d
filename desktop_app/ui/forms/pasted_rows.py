"""Rows of people copied from Excel, Word or a web page, read for the participant grid.

What those programs put on the clipboard for a table is text: one line per row, cells separated by
tabs. Without a header the columns are taken in the grid's order — name, institution, position,
sex. A first line that names the columns ("Name", «ФИО», ...) is a header, not a person, and then
each column is read by its name, in any order: a numbering column («№», "No.") is skipped, and one
the grid has no place for ("E-mail", «Телефон») is left out and named (`PastedTable.left_out`), as
are rows with no name — nothing copied is dropped without a word (round 16: a list beginning with a
«№» column made people called "№", "1" and "2").
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.enums import Sex

NAME, INSTITUTION, POSITION, SEX = "name", "institution", "position", "sex"
K = TypeVar("K", bound=Hashable)  # what names a grid's column: a field's name, a column's number
COLUMN_WORDS = {
    NAME: {"name", "full name", "participant", "имя", "фио", "ф.и.о.", "ф. и. о.", "участник", "фамилия, имя",
           "фамилия имя отчество", "фамилия, имя, отчество",
           # a name in several columns: its parts, joined in the order copied
           "фамилия", "отчество", "surname", "last name", "family name", "first name", "given name",
           "middle name", "patronymic"},
    INSTITUTION: {"institution", "organisation", "organization", "организация", "учреждение", "ведомство"},
    POSITION: {"position", "title", "должность"},
    SEX: {"sex", "gender", "пол"},
}
NUMBERING_WORDS = {"№", "#", "no", "no.", "nr", "n°", "№ п/п", "п/п", "n"}
GRID_ORDER = (NAME, INSTITUTION, POSITION, SEX)
ROW_NUMBER = re.compile(r"\d{1,4}[.)]?")
SEX_WORDS = {
    Sex.FEMALE: {"f", "female", "woman", "w", "ж", "жен", "жен.", "женский", "женщина"},
    Sex.MALE: {"m", "male", "man", "м", "муж", "муж.", "мужской", "мужчина"},
}


@dataclass(frozen=True)
class PastedPerson:
    name: str
    institution: str = ""
    position: str = ""
    sex: Sex | None = None
    sex_text: str = ""  # as copied, when it was not understood


@dataclass(frozen=True)
class PastedTable:
    """The people read, and what was copied but not read: the columns left out (by their header, or
    their number counting from 1 when there is none) and how many rows had no name."""

    people: list[PastedPerson]
    left_out: tuple[str, ...] = field(default=())
    nameless: int = 0


def sex_from_text(text: str) -> Sex | None:
    folded = text.strip().casefold()
    return next((sex for sex, words in SEX_WORDS.items() if folded in words), None)


def _word(cell: str) -> str:
    return " ".join(cell.casefold().rstrip(":").split())


@dataclass(frozen=True)
class PastedCells(Generic[K]):
    """The lines of a table copied (Excel, Word, a web page), each line's cells by the column they
    go to, and the columns copied that go nowhere (by their header, else their number from 1)."""

    rows: list[dict[K, str]]
    left_out: tuple[str, ...] = ()


def read_cells(text: str, order: Sequence[K], words: Mapping[K, set[str]]) -> PastedCells[K]:
    """THE reading of a copied table for the form's grids. Without a header the cells go to the
    columns in `order` (after a first column of row numbers, which is skipped). A first line naming
    the first column of `order`, or naming only columns (`words`) and numbering, is a header: each
    column goes where its name says, in any order (columns of one name joined: Фамилия | Имя |
    Отчество is one name); a numbering column is skipped. Blank lines are skipped; cells are trimmed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rows = [cells for cells in ([cell.strip() for cell in line.split("\t")] for line in lines) if any(cells)]

    def column_of(cell: str) -> K | None:
        return next((column for column, named in words.items() if _word(cell) in named), None)

    named = [cell for cell in rows[0] if cell] if rows else []
    header = rows.pop(0) if named and (any(column_of(cell) == order[0] for cell in named) or all(
        column_of(cell) is not None or _word(cell) in NUMBERING_WORDS for cell in named)) else None
    skipped: list[bool] = []  # a numbering column: not data, not left out
    columns: list[K | None] = []
    if header is not None:
        for cell in header:
            column = column_of(cell)
            skipped.append(_word(cell) in NUMBERING_WORDS)
            columns.append(column)  # a column named twice: its cells joined (surname, first name, …)
    else:
        numbered = bool(rows) and all(len(row) > 1 and ROW_NUMBER.fullmatch(row[0]) for row in rows)
        skipped = [True] * numbered
        columns = [*[None] * numbered, *order]
    widest = max((len(row) for row in [*rows, header or []]), default=0)
    columns += [None] * (widest - len(columns))
    skipped += [False] * (widest - len(skipped))
    left_out = tuple(header[i] if header is not None and i < len(header) and header[i] else str(i + 1)
                     for i, column in enumerate(columns)
                     if column is None and not skipped[i] and any(i < len(row) and row[i] for row in rows))
    placed: list[dict[K, str]] = []
    for row in rows:
        cells: dict[K, str] = {}
        for column, cell in zip(columns, row, strict=False):
            if column is not None:
                cells[column] = f"{cells[column]} {cell}".strip() if column in cells else cell
        placed.append(cells)
    return PastedCells([cells for cells in placed if any(cells.values())], left_out)  # not a number alone


def read_table(text: str) -> PastedTable:
    """The people in `text`, and what of it was not read (see `read_cells`)."""
    table = read_cells(text, GRID_ORDER, COLUMN_WORDS)
    people, nameless = [], 0
    for cells in table.rows:
        name = " ".join(cells.get(NAME, "").split())
        if not name:
            nameless += 1
            continue
        sex_text = cells.get(SEX, "")
        sex = sex_from_text(sex_text)
        people.append(PastedPerson(name, cells.get(INSTITUTION, ""), cells.get(POSITION, ""), sex,
                                   sex_text if sex is None and sex_text else ""))
    return PastedTable(people, table.left_out, nameless)


def left_out_columns(left_out: Sequence[str]) -> str:
    """The status bar's sentence naming the copied columns a grid has no place for."""
    names = ", ".join(name if name.isdigit() else f"“{name}”" for name in left_out)
    return QCoreApplication.translate("PastedRows", "Columns left out (%1): this table has no place for them.").replace(
        "%1", names)


def read_rows(text: str) -> list[PastedPerson]:
    """The people in `text` (see `read_table`)."""
    return read_table(text).people
