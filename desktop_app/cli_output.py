"""How `list`, `people` and `actions` print their rows: `table`, `csv` or `json` (contract §1 v2).

`json` is an array of objects with the contract's keys and `csv` the same columns under a header row
of those keys: both for programs, so they are the same in every language (ISO dates, country codes,
the record's status words). `table` is for a person at a terminal: headers, dates, statuses and
party names in the language of `--lang`, ids cut to their first 8 characters (what `document
--dialogue` and `import-list --dialogue` take), columns aligned.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TextIO

from desktop_app.services.report.labels import ACTION_STATUS, SEX, STATUS, t, table_date
from desktop_app.services.report.parties import city_name

SHORT_ID = 8

# Headers the report has no word for (its own are in services/report/labels.py).
_RU = {"ID": "ID", "Other names": "Другие написания", "Description": "Описание", "Carried from": "Перенесено из",
       "Overdue": "Просрочено", "No dialogues match.": "Нет подходящих диалогов.",
       "Nobody matches.": "Никто не найден.", "No actions match.": "Нет подходящих действий."}


def word(text: str, language: str) -> str:
    return _RU.get(text, t(text, language)) if language == "ru" else text


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_json(rows: Iterable[dict[str, object]], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    json.dump([{key: _plain(value) for key, value in row.items()} for row in rows], out, ensure_ascii=False,
              indent=1)
    out.write("\n")


def write_csv(rows: Iterable[dict[str, object]], columns: Sequence[str], out: TextIO | None = None) -> None:
    """RFC 4180 quoting with a header row; a list (other names) is one cell joined with "; ".

    Lines end in LF, not RFC 4180's CRLF: the output goes to pipes and Unix tools (cut, awk, grep),
    which would keep a CR in the last column; spreadsheets read either ending.
    """
    out = out or sys.stdout
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["; ".join(map(str, v)) if isinstance(v, list) else "" if v is None else _plain(v)
                         for v in (row[c] for c in columns)])


_BREAKS = re.compile(r"\r\n|[\r\n\t]")
# The direction controls: embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI)
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _one_line(text: str) -> str:
    """A cell on its row and in its column. A stored line break or tab (an action typed over two lines)
    shows as a space: printed as it was, it broke the row in two under the wrong headers (round 17). A
    direction control shows spelled out, <U+202E>: printed as it was, a terminal that follows it
    reversed or moved the rest of the row, the other cells too (round 18: a name pasted with a
    right-to-left override). The stored text is unchanged; CSV and JSON, for programs, carry it exactly."""
    if _BREAKS.search(text):
        text = _BREAKS.sub(" ", text)
    if _DIRECTION.search(text):
        text = _DIRECTION.sub(lambda found: f"<U+{ord(found.group()):04X}>", text)
    return text


def _width(text: str) -> int:
    """Terminal columns a text takes: wide (CJK) characters two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def write_table(rows: Iterable[Sequence[str]], headers: Sequence[str], empty: str,
                out: TextIO | None = None) -> None:
    """Columns aligned with two spaces between them, the header first; `empty` when there is no row."""
    out = out or sys.stdout
    body = [[_one_line(text) for text in row] for row in rows]
    if not body:
        out.write(empty + "\n")
        return
    cells = [list(headers), *body]
    widths = [max(_width(line[i]) for line in cells) for i in range(len(headers))]
    for line in cells:
        padded = [text + " " * (widths[i] - _width(text)) for i, text in enumerate(line)]
        out.write("  ".join(padded).rstrip() + "\n")


def _day(value: object, language: str) -> str:
    return table_date(value, language) if isinstance(value, date) else ""


def _city(value: object, language: str) -> str:
    """As typed in English; the report's Russian name of a known city in Russian."""
    return city_name(str(value), language) if value and language == "ru" else str(value or "")


def dialogue_cells(language: str, party: Callable[[str | None, str], str]) -> tuple[list[str], Callable[
        [dict[str, object]], list[str]]]:
    headers = [word(h, language) for h in ("ID", "Start date", "End date", "Title", "Series", "City", "Country",
                                           "Chair", "Delegations", "Participants", "Status")]

    def cells(row: dict[str, object]) -> list[str]:
        return [str(row["id"])[:SHORT_ID], _day(row["start_date"], language), _day(row["end_date"], language),
                str(row["title"]), str(row["series"] or ""), _city(row["city"], language),
                party(row["country"], language), party(row["chair"], language),  # type: ignore[arg-type]
                str(row["delegations"]), str(row["participants"]), t(STATUS[str(row["status"])], language)]

    return headers, cells


def person_cells(language: str) -> tuple[list[str], Callable[[dict[str, object]], list[str]]]:
    headers = [word(h, language) for h in ("ID", "Name", "Other names", "Sex", "Dialogues")]

    def cells(row: dict[str, object]) -> list[str]:
        sex = row["sex"]
        return [str(row["id"])[:SHORT_ID], str(row["name"]), "; ".join(row["other_names"]),  # type: ignore[arg-type]
                t(SEX[str(sex)], language) if sex else "", str(row["dialogues"])]

    return headers, cells


def action_cells(language: str, today: date, overdue: Callable[[str, date | None, date], bool]) -> tuple[
        list[str], Callable[[dict[str, object]], list[str]]]:
    headers = [word(h, language) for h in ("ID", "Dialogue", "Description", "Owner", "Due date", "Status",
                                           "Carried from")]

    def cells(row: dict[str, object]) -> list[str]:
        status = str(row["status"])
        shown = t(ACTION_STATUS.get(status, status), language)
        if overdue(status, row["due_date"], today):  # type: ignore[arg-type]
            shown = f"{shown} ({word('Overdue', language).lower()})"
        return [str(row["id"])[:SHORT_ID], f"{str(row['dialogue_id'])[:SHORT_ID]} {row['dialogue']}",
                str(row["description"]), str(row["owner"] or ""), _day(row["due_date"], language), shown,
                str(row["carried_from"] or "")[:SHORT_ID]]

    return headers, cells
