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
from dataclasses import dataclass, field

from desktop_app.domain.enums import Sex

NAME, INSTITUTION, POSITION, SEX = "name", "institution", "position", "sex"
NUMBERING = "numbering"  # a column of row numbers: not data, skipped
COLUMN_WORDS = {
    NAME: {"name", "full name", "participant", "имя", "фио", "ф.и.о.", "ф. и. о.", "участник", "фамилия, имя",
           "фамилия имя отчество", "фамилия, имя, отчество"},
    INSTITUTION: {"institution", "organisation", "organization", "организация", "учреждение", "ведомство"},
    POSITION: {"position", "title", "должность"},
    SEX: {"sex", "gender", "пол"},
}
NUMBERING_WORDS = {"№", "#", "no", "no.", "nr", "n°", "№ п/п", "п/п", "n"}
HEADER_WORDS: set[str] = set().union(*COLUMN_WORDS.values())
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


def _column_of(cell: str) -> str | None:
    word = _word(cell)
    return next((column for column, words in COLUMN_WORDS.items() if word in words), None)


def _is_header(cells: list[str]) -> bool:
    """A first line naming the columns: one of them names the person, or all of them are names of
    the grid's columns (or of a numbering column)."""
    named = [cell for cell in cells if cell]
    return bool(named) and (any(_column_of(cell) == NAME for cell in named)
                            or all(_word(cell) in HEADER_WORDS | NUMBERING_WORDS for cell in named))


def read_table(text: str) -> PastedTable:
    """The people in `text`, and what of it was not read; empty lines are skipped."""
    rows = [[cell.strip() for cell in line.split("\t")] for line in text.replace("\r\n", "\n").split("\n")]
    rows = [row for row in rows if any(row)]
    header = rows.pop(0) if rows and _is_header(rows[0]) else None
    columns: list[str | None] = []  # what each column holds; None: not read (NUMBERING: not data)
    if header is not None:
        for cell in header:
            column = _column_of(cell)
            columns.append(NUMBERING if _word(cell) in NUMBERING_WORDS
                           else column if column is not None and column not in columns else None)
    else:
        numbered = bool(rows) and all(len(row) > 1 and ROW_NUMBER.fullmatch(row[0]) for row in rows)
        columns = [*[NUMBERING] * numbered, *GRID_ORDER]
    widest = max((len(row) for row in [*rows, header or []]), default=0)
    columns += [None] * (widest - len(columns))
    left_out = tuple(header[i] if header is not None and i < len(header) and header[i] else str(i + 1)
                     for i, column in enumerate(columns)
                     if column is None and any(i < len(row) and row[i] for row in rows))
    people, nameless = [], 0
    for row in rows:
        cells = {column: cell for column, cell in zip(columns, row, strict=False) if column}
        name = " ".join(cells.get(NAME, "").split())
        if not name:
            nameless += 1
            continue
        sex_text = cells.get(SEX, "")
        sex = sex_from_text(sex_text)
        people.append(PastedPerson(name, cells.get(INSTITUTION, ""), cells.get(POSITION, ""), sex,
                                   sex_text if sex is None and sex_text else ""))
    return PastedTable(people, left_out, nameless)


def read_rows(text: str) -> list[PastedPerson]:
    """The people in `text` (see `read_table`)."""
    return read_table(text).people
