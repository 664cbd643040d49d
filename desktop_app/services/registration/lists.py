"""The registration-list use cases in the order the wizard walks them: open, check, import."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.domain.records import Party
from desktop_app.domain.texts import Text
from desktop_app.services.people_duplicates import PeopleIndex, all_people, latest_countries
from desktop_app.services.registration.checking import ListCheck, check_list
from desktop_app.services.registration.columns import Mapping, check_header, find_header_row, guess_mapping
from desktop_app.services.registration.reading import Sheet, read_sheet
from desktop_app.services.registration.writing import ImportSummary, import_list


@dataclass(frozen=True)
class OpenedList:
    """A list read from disk with its header found and its columns guessed."""

    path: Path
    sheet: Sheet
    header_row: int  # 0-based index into sheet.rows
    mapping: Mapping

    @property
    def headers(self) -> tuple[str, ...]:
        return self.sheet.rows[self.header_row]


def open_list(path: Path) -> OpenedList:
    sheet = read_sheet(path)
    if not any(any(row) for row in sheet.rows):
        raise UserError(Text("%1 has no filled cells.", Path(path).name))
    header_row = find_header_row(sheet)
    check_header(sheet, header_row)
    return OpenedList(Path(path), sheet, header_row, guess_mapping(sheet.rows[header_row]))


def corrected(opened: OpenedList, row_number: int, cells: dict[int, str]) -> OpenedList:
    """The list with one row's cells as the officer corrected them in the wizard (`cells`: column ->
    text; `row_number` as Excel numbers it). The file on disk is not touched; checking the corrected
    list again takes the row in with the rest, or says what is still wrong."""
    index = row_number - 1
    if not opened.header_row < index < len(opened.sheet.rows):
        raise ValueError(f"row {row_number} is not below the header")
    row = list(opened.sheet.rows[index])
    row.extend([""] * (max(cells, default=-1) + 1 - len(row)))
    for column, text in cells.items():
        row[column] = text
    rows = (*opened.sheet.rows[:index], tuple(row), *opened.sheet.rows[index + 1:])
    return replace(opened, sheet=replace(opened.sheet, rows=rows))


def check_opened(database: Database, opened: OpenedList, dialogue_id: str, mapping: Mapping | None = None,
                 default_party: Party | None = None) -> ListCheck:
    """Check every row against the rules and against the people already in the database."""
    dialogue = DialogueRepository(database).get(dialogue_id)
    statuses = {p.person_id: p.status for d in dialogue.delegations for p in d.participants}
    return check_list(opened.sheet, opened.header_row, opened.mapping if mapping is None else mapping,
                      PeopleIndex(all_people(database), latest_countries(database)), default_party,
                      frozenset(statuses), dialogue.start_date, statuses)


def import_file(database: Database, path: Path, dialogue_id: str, default_party: Party | None = None,
                use_probable: bool = False) -> ImportSummary:
    """Open, check and import a list with the guessed columns in one call (the CLI and benchmarks)."""
    opened = open_list(path)
    revision = DialogueRepository(database).get(dialogue_id).revision
    check = check_opened(database, opened, dialogue_id, default_party=default_party)
    return import_list(database, dialogue_id, revision, check, use_probable)


