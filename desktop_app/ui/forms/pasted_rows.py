"""Rows of people copied from Excel, Word or a web page, read for the participant grid.

What those programs put on the clipboard for a table is text: one line per row, cells separated by
tabs. The columns are taken in the grid's order — name, institution, position, sex — and a first
line that names the columns ("Name", «ФИО», ...) is a header, not a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.enums import Sex

HEADER_WORDS = {"name", "full name", "participant", "institution", "organisation", "organization", "position",
                "title", "sex", "gender", "имя", "фио", "ф.и.о.", "участник", "организация", "учреждение",
                "ведомство", "должность", "пол"}
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


def sex_from_text(text: str) -> Sex | None:
    folded = text.strip().casefold()
    return next((sex for sex, words in SEX_WORDS.items() if folded in words), None)


def read_rows(text: str) -> list[PastedPerson]:
    """The people in `text`; empty lines and a header line are skipped."""
    rows = [[cell.strip() for cell in line.split("\t")] for line in text.replace("\r\n", "\n").split("\n")]
    rows = [row for row in rows if any(row)]
    if rows and all(cell.casefold().rstrip(":") in HEADER_WORDS for cell in rows[0] if cell):
        rows = rows[1:]
    people = []
    for row in rows:
        name, institution, position, sex_text = [*row, "", "", "", ""][:4]
        if not name:
            continue
        sex = sex_from_text(sex_text)
        people.append(PastedPerson(" ".join(name.split()), institution, position, sex,
                                   sex_text if sex is None and sex_text else ""))
    return people
