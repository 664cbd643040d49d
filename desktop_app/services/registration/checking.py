"""Every row of a registration list checked before anything is written.

Bad rows are named by the row number the officer sees in Excel; people already in the database are
found by folded name and other spellings (the duplicate finder), so the list adds no duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.enums import ParticipationStatus, Role, Sex
from desktop_app.domain.protocol import NEEDS_STARTED, STATUS_WORDS, has_begun_on, status_change_problem_on
from desktop_app.domain.records import Party, Person
from desktop_app.domain.search import fold
from desktop_app.domain.texts import Text, joined
from desktop_app.domain.validation import LIMITS, person_problems
from desktop_app.services.people_duplicates import PeopleIndex
from desktop_app.services.registration.columns import Field, Mapping, check_mapping, fold_heading
from desktop_app.services.registration.reading import Sheet
from desktop_app.services.registration.values import (
    ATTENDANCE_HEADINGS,
    ValueProblem,
    parse_attendance,
    parse_email,
    parse_party,
    parse_role,
    parse_sex,
    parse_status,
)


@dataclass(frozen=True)
class ListEntry:
    """One participant of the list, read and checked."""

    row_number: int  # as Excel numbers it, 1-based
    name: str
    party: Party
    sex: Sex | None = None
    email: str | None = None
    position: str | None = None
    institution: str | None = None
    role: Role = Role.MEMBER
    status: ParticipationStatus | None = None  # None: none given, the meeting's date decides (issue 18)
    known: Person | None = None  # the same person already in the database (same name after folding)
    probable: tuple[tuple[Person, float], ...] = ()  # people who may be the same, with a score
    in_dialogue: bool = False  # already a participant of the dialogue: skipped on import
    # the list's attendance column ("Attended") is blank on this row: a new participant is invited,
    # not attended by the meeting's date (what a blank says is only that nobody ticked it)
    unmarked: bool = False


@dataclass(frozen=True)
class RowProblem:
    row_number: int
    message: str

    def __str__(self) -> str:
        if str(self.message).endswith("."):  # a rule's own sentence: one full stop, not two (round 17)
            return Text("Row %1: %2", self.row_number, self.message)
        return Text("Row %1: %2.", self.row_number, self.message)


@dataclass(frozen=True)
class ListCheck:
    """The result of checking a list: good entries, and bad rows that are set aside with their reason
    (fixed in the file or the wizard and imported again later)."""

    entries: tuple[ListEntry, ...]
    problems: tuple[RowProblem, ...]

    @property
    def ok(self) -> bool:
        """Whether there is anything to import: rows that cannot be read are set aside, they never
        hold back the rest of the list."""
        return bool(self.entries)


def _cell(row: tuple[str, ...], mapping: Mapping, field_: Field) -> str:
    column = mapping.get(field_)
    if column is None or column >= len(row):
        return ""
    return " ".join(row[column].split())


def _name(row: tuple[str, ...], mapping: Mapping) -> str:
    if Field.NAME in mapping:
        return _cell(row, mapping, Field.NAME)
    parts = (_cell(row, mapping, f) for f in (Field.GIVEN_NAME, Field.PATRONYMIC, Field.FAMILY_NAME))
    return " ".join(p for p in parts if p)


def _differs(known: Person, email: str | None, sex: Sex | None) -> bool:
    """Whether the list says something of a person found by name that the database contradicts."""
    return bool((email and known.email and email.casefold() != known.email.casefold())
                or (sex and known.sex and sex is not known.sex))


def _one_name(name: str) -> tuple[str, ...]:
    """What two spellings of one name on one list share: its folded words in any order ("Иван Петров",
    "Петров Иван", "Ivan Petrov"); initials count ("Иванов А." and "Иванов И." are two people)."""
    return tuple(sorted(fold(name).split()))


def check_list(sheet: Sheet, header_row: int, mapping: Mapping, people: PeopleIndex,
               default_party: Party | None = None, dialogue_people: frozenset[str] = frozenset(),
               start_date: date | None = None, statuses: dict[str, ParticipationStatus] | None = None,
               today: date | None = None) -> ListCheck:
    """Check every row below the header; empty rows are skipped, bad rows reported with their number.
    `start_date`, `statuses` (of the people already in the meeting) and `today`: a row's status is
    held to the form's rule (`domain.protocol`), so a list cannot do what the form refuses: nobody
    attended or missed a meeting that has not begun, and nobody who came goes back to "invited"
    (round 15: a list did both, silently)."""
    check_mapping(mapping)
    today = today or date.today()
    statuses = statuses or {}
    entries: list[ListEntry] = []
    problems: list[RowProblem] = []
    seen: dict[tuple[str, ...], tuple[int, str]] = {}  # one name in any word order and script: its row, as listed
    status_column = mapping.get(Field.STATUS)
    attendance = status_column is not None and status_column < len(sheet.rows[header_row]) and fold_heading(
        sheet.rows[header_row][status_column]) in ATTENDANCE_HEADINGS
    read_status = parse_attendance if attendance else parse_status
    for index in range(header_row + 1, len(sheet.rows)):
        row = sheet.rows[index]
        number = index + 1
        if not any(row):
            continue
        name = _name(row, mapping)
        messages: list[str] = []
        if not name:
            messages.append(Text("the name is missing"))
        values: dict[str, object] = {}
        for key, field_, parse in (("sex", Field.SEX, parse_sex), ("email", Field.EMAIL, parse_email),
                                   ("role", Field.ROLE, parse_role), ("party", Field.COUNTRY, parse_party),
                                   ("status", Field.STATUS, read_status)):
            try:
                values[key] = parse(_cell(row, mapping, field_))
            except ValueProblem as problem:
                messages.append(problem.args[0])
        if name:  # the person rule itself (length, characters, e-mail): what it refuses is set aside here
            email = values.get("email")
            messages.extend(problem.message for problem in person_problems(
                Person(id="", name=name, email=email if isinstance(email, str) else None)))
        party = values.get("party") or default_party
        if party is None and "party" in values:
            messages.append(Text("the country is missing") if Field.COUNTRY in mapping
                            else Text("no country column is chosen and no delegation is given for the whole list"))
        position = _cell(row, mapping, Field.POSITION) or None
        institution = _cell(row, mapping, Field.INSTITUTION) or None
        if position and len(position) > LIMITS["position"]:
            messages.append(Text("the position is %1 characters long; at most %2", f"{len(position):,}",
                                 LIMITS["position"]))
        if institution and len(institution) > LIMITS["institution_name"]:
            messages.append(Text("the institution is %1 characters long; at most %2", f"{len(institution):,}",
                                 LIMITS["institution_name"]))
        if name and (earlier := seen.get(_one_name(name))) is not None:
            # round 16: "Петров Иван" below "Иван Петров" was a second new person in one meeting
            number_before, listed_as = earlier
            messages.append(Text("%1 is already listed in row %2", name, number_before) if listed_as == name
                            else Text("%1 is already listed in row %2 as %3", name, number_before, listed_as))
        status = values.get("status")
        if start_date is not None and status in NEEDS_STARTED and not has_begun_on(start_date, today):
            messages.append(Text("nobody has attended or missed a meeting that has not begun; it starts on %1",
                                 start_date))
        if messages:
            problems.append(RowProblem(number, joined("; ", messages)))
            continue
        seen[_one_name(name)] = (number, name)
        matches = people.matches(name)
        email = values.get("email")
        known = next((p for p, _ in matches if fold(p.name) == fold(name)), None) or next(
            (p for p, score in matches if score >= 100.0), None)
        if known is None and email:
            known = people.by_email.get(str(email).casefold())
        came_from = people.countries.get(known.id) if known is not None else None
        # another country is a namesake's sign, but not for someone already in this meeting: one
        # person is not at one meeting twice (round 14: listed under another country, they were added
        # again as a new person)
        other_country = bool(isinstance(party, Party) and party.code and came_from and came_from != party.code
                             and known is not None and known.id not in dialogue_people)
        doubtful = known is not None and (_differs(known, email, values.get("sex"))  # type: ignore[arg-type]
                                          or other_country)
        if doubtful and known is not None:  # a namesake (other e-mail, sex or country): offered, never reused silently
            matches = [(known, 100.0), *((p, s) for p, s in matches if p.id != known.id)]
            known = None
        probable = tuple((p, s) for p, s in matches if known is None or p.id != known.id)
        if (start_date is not None and known is not None and isinstance(status, ParticipationStatus)
                and (was := statuses.get(known.id)) is not None
                and status_change_problem_on(start_date, was, status, today) is not None):
            problems.append(RowProblem(number, Text("%1 is already in the meeting as %2 and cannot become %3", name,
                                                    STATUS_WORDS[was], STATUS_WORDS[status])))
            continue
        entries.append(ListEntry(
            row_number=number, name=name, party=party,  # type: ignore[arg-type]
            sex=values.get("sex"), email=email, position=position,  # type: ignore[arg-type]
            institution=institution, role=values.get("role") or Role.MEMBER,  # type: ignore[arg-type]
            status=values.get("status"),  # type: ignore[arg-type]
            known=known, probable=probable, in_dialogue=known is not None and known.id in dialogue_people,
            unmarked=attendance and values.get("status") is None))
    if not entries and not problems:
        problems.append(RowProblem(header_row + 2, Text("the list has no participants below its header")))
    return ListCheck(tuple(entries), tuple(problems))
