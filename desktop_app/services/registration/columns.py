"""Which row of a list is its header and which column holds what, guessed from the headings.

Lists arrive with a title, a date and empty rows above the header, in English or Russian. The
guess only pre-fills the wizard's combos; the officer confirms or corrects it.
"""

from __future__ import annotations

import re
from enum import StrEnum

from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from desktop_app.services.registration.reading import Sheet

HEADER_SEARCH_ROWS = 30


class Field(StrEnum):
    """What a column of a registration list can hold."""

    NAME = "name"
    GIVEN_NAME = "given_name"
    FAMILY_NAME = "family_name"
    PATRONYMIC = "patronymic"
    POSITION = "position"
    INSTITUTION = "institution"
    COUNTRY = "country"
    SEX = "sex"
    EMAIL = "email"
    ROLE = "role"
    STATUS = "status"  # invited, confirmed, attended, absent, cancelled (issue 18)

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Field.NAME: Text("Full name"), Field.GIVEN_NAME: Text("Given name"), Field.FAMILY_NAME: Text("Family name"),
    Field.PATRONYMIC: Text("Patronymic"), Field.POSITION: Text("Position"), Field.INSTITUTION: Text("Institution"),
    Field.COUNTRY: Text("Country or organisation"), Field.SEX: Text("Sex"), Field.EMAIL: Text("E-mail"),
    Field.ROLE: Text("Role"), Field.STATUS: Text("Participation status"),
}

# Headings as officers write them, folded (lower case, ё→е, punctuation to spaces).
_HEADINGS: dict[Field, tuple[str, ...]] = {
    Field.NAME: ("name", "full name", "participant", "participant name", "name of participant", "names",
                 "name and surname", "surname and name", "фио", "ф и о", "фамилия имя отчество",
                 "фамилия и имя", "имя и фамилия", "фамилия имя", "участник", "ф и о участника", "фио участника"),
    Field.GIVEN_NAME: ("first name", "given name", "forename", "имя"),
    Field.FAMILY_NAME: ("last name", "surname", "family name", "фамилия"),
    Field.PATRONYMIC: ("patronymic", "middle name", "отчество"),
    Field.POSITION: ("position", "job title", "function", "post", "title position", "должность", "позиция",
                     "занимаемая должность"),
    Field.INSTITUTION: ("institution", "organisation", "organization", "agency", "ministry", "employer",
                        "institution organisation", "организация", "учреждение", "ведомство", "место работы",
                        "орган", "министерство ведомство", "наименование организации"),
    Field.COUNTRY: ("country", "state", "delegation", "party", "country organisation", "страна",
                    "государство", "делегация", "страна организация"),
    Field.SEX: ("sex", "gender", "m f", "пол", "м ж"),
    Field.EMAIL: ("email", "e mail", "mail", "email address", "e mail address", "эл почта",
                  "электронная почта", "адрес электронной почты", "почта", "e mail адрес"),
    Field.ROLE: ("role", "роль", "head of delegation", "статус", "role in delegation", "роль в делегации",
                 "функция", "должность в делегации"),
    Field.STATUS: ("status", "participation", "participation status", "attendance", "attended", "rsvp",
                   "статус участия", "участие", "присутствие", "явка", "отметка о присутствии"),
}
_KEYWORDS: dict[Field, tuple[str, ...]] = {
    Field.NAME: ("фио", "full name"),
    Field.POSITION: ("должност", "position"),
    Field.INSTITUTION: ("организац", "учрежден", "institution", "organi", "ведомств"),
    Field.COUNTRY: ("стран", "country"),
    Field.EMAIL: ("mail", "почт"),
}


def fold_heading(text: str) -> str:
    text = text.casefold().replace("ё", "е")
    return " ".join(re.sub(r"[^\w]+", " ", text).replace("_", " ").split())


def guess_field(heading: str) -> Field | None:
    """The field a heading most probably names, or None."""
    folded = fold_heading(heading)
    if not folded:
        return None
    for field_, headings in _HEADINGS.items():
        if folded in headings:
            return field_
    for field_, words in _KEYWORDS.items():
        if any(word in folded for word in words):
            return field_
    return None


Mapping = dict[Field, int]
"""Which column (0-based) holds each field."""


def find_header_row(sheet: Sheet) -> int:
    """Index of the header row: the first of the top rows naming the most known fields (three are
    enough); failing that, the first row with a name heading alone ("Participant", "ФИО")."""
    best, best_count, name_only = None, 1, None
    names = {Field.NAME, Field.GIVEN_NAME, Field.FAMILY_NAME}
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        found = {f for f in (guess_field(c) for c in row) if f is not None}
        if name_only is None and found & names:
            name_only = index
        if len(found) > best_count:
            best, best_count = index, len(found)
            if best_count >= 3:
                break
    if best is None:
        best = name_only
    if best is None:
        raise UserError(Text("No header row was recognised in the first 30 rows: the list needs headings such as "
                             "“Name” or “ФИО”, “Country” or “Страна” above the participants."))
    return best


def guess_mapping(headers: tuple[str, ...]) -> Mapping:
    """Column guesses for a header row; the first column naming a field wins."""
    mapping: Mapping = {}
    for column, heading in enumerate(headers):
        field_ = guess_field(heading)
        if field_ is not None and field_ not in mapping:
            mapping[field_] = column
    return mapping


def check_header(sheet: Sheet, header_row: int) -> None:
    """A merged heading hides which column it names: refuse it with the cell range to fix."""
    row_number = header_row + 1
    for text, first, last in sheet.merged:
        if first <= row_number <= last and ":" in text:
            raise UserError(Text("The header row has merged cells (%1); unmerge them so that each column has "
                                 "its own heading.", text))


def has_names(mapping: Mapping) -> bool:
    """Whether the columns give each row's name: a name column, or given and family name columns."""
    return Field.NAME in mapping or {Field.GIVEN_NAME, Field.FAMILY_NAME} <= mapping.keys()


def check_mapping(mapping: Mapping) -> None:
    if not has_names(mapping):
        raise UserError(Text("Choose the column that holds the names (or both the given and the family name columns)."))
    used: dict[int, Field] = {}
    for field_, column in mapping.items():
        if column in used:
            raise UserError(Text("Column %1 is chosen both as %2 and as %3.", column + 1, used[column].label,
                                 field_.label))
        used[column] = field_
