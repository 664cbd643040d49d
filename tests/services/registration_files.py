"""Registration lists made on the fly for tests and benchmarks (no big files are committed)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import openpyxl


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], merge: str | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    if merge:
        sheet.merge_cells(merge)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[str]], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


ENGLISH_HEADER = ("Name", "Position", "Institution", "Country", "Sex", "E-mail")
RUSSIAN_HEADER = ("ФИО", "Должность", "Организация", "Страна", "Пол", "Эл. почта")

_GIVEN = {"female": ["Aigerim", "Dinara", "Gulnara", "Zarina", "Malika", "Nilufar", "Aizhan", "Saule", "Madina",
                     "Kamila"],
          "male": ["Timur", "Azamat", "Daler", "Farkhod", "Nurlan", "Bakhtiyor", "Rustam", "Ulan", "Erlan", "Sanjar"]}
_FAMILY = ["Abdullaev", "Karimov", "Nazarov", "Toktogulov", "Ismoilov", "Rakhimov", "Yusupov", "Kasymov",
           "Juraev", "Sadykov", "Akhmedov", "Ermekov", "Usenov", "Joldoshev", "Toshmatov", "Seitkaliev"]
_COUNTRIES = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Germany", "Spain"]
_INSTITUTIONS = ["Ministry of Interior", "Ministry of Health", "Drug Control Agency", "Customs Service",
                 "Prosecutor General's Office"]


def participant_rows(count: int, seed: int = 1) -> list[tuple[str, ...]]:
    """`count` real-looking participants with distinct names (English headings)."""
    rng = random.Random(seed)
    rows: list[tuple[str, ...]] = []
    names: set[str] = set()
    while len(rows) < count:
        sex = rng.choice(["female", "male"])
        family = rng.choice(_FAMILY) + ("a" if sex == "female" else "")
        name = f"{rng.choice(_GIVEN[sex])} {family}"
        if name in names:
            continue
        names.add(name)
        rows.append((name, rng.choice(["Head of Unit", "Chief Specialist", "Deputy Minister", "Expert"]),
                     rng.choice(_INSTITUTIONS), rng.choice(_COUNTRIES), sex[0].upper(),
                     f"{name.lower().replace(' ', '.')}@example.org"))
    return rows


def registration_list_xlsx(path: Path, count: int, seed: int = 1) -> Path:
    """A list as a host sends it: a title, a date, an empty row, then the header and participants."""
    return write_xlsx(path, [("EU-Central Asia Drug Dialogue — list of participants",), ("Brussels, 13 December",),
                             (), ENGLISH_HEADER, *participant_rows(count, seed)])
