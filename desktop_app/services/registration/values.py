"""One cell of a registration list read as a value of the record: a sex, a party, a role."""

from __future__ import annotations

from functools import cache

from desktop_app.domain.enums import ParticipationStatus, Role, Sex
from desktop_app.domain.records import Party
from desktop_app.domain.reference import countries, organisations
from desktop_app.domain.roles import ROLE_WORDS
from desktop_app.domain.search import fold
from desktop_app.domain.texts import Text
from desktop_app.domain.validation import is_email_address
from desktop_app.services.registration.columns import fold_heading
from desktop_app.services.registration.words import COUNTRY_WORDS, role_words, sex_words

_SEX = sex_words()
_ROLES = role_words()  # the Central Asian words (registration.words)
_STATUS = {
    ParticipationStatus.INVITED: ("invited", "invitation sent", "приглашен", "приглашена", "приглашение"),
    ParticipationStatus.CONFIRMED: ("confirmed", "registered", "yes", "подтвердил", "подтвердила", "подтверждено",
                                    "подтвержден", "подтверждена", "согласие", "зарегистрирован", "да"),
    ParticipationStatus.ATTENDED: ("attended", "present", "signed", "participated", "присутствовал",
                                   "присутствовала", "участвовал", "участвовала", "участие", "был", "была",
                                   "присутствие"),
    ParticipationStatus.ABSENT: ("absent", "no show", "did not come", "not present", "отсутствовал",
                                 "отсутствовала", "не явился", "не явилась", "неявка", "не был", "не была"),
    ParticipationStatus.CANCELLED: ("cancelled", "canceled", "withdrawn", "declined", "отказ", "отказался",
                                    "отказалась", "отменено", "отменил", "отменила", "отозван"),
}


class ValueProblem(ValueError):
    """A cell that cannot be read; the message names what was found."""


def parse_sex(text: str) -> Sex | None:
    if not text.strip():
        return None
    folded = fold_heading(text)
    if folded not in _SEX:
        raise ValueProblem(Text("“%1” is not a sex (use F or M, Ж or М)", text))
    return _SEX[folded]  # None: "Prefer not to say", not recorded


@cache
def _role_words() -> dict[str, Role]:
    """Every word of the one table (domain.roles.ROLE_WORDS, which other languages extend), folded."""
    return {**{fold_heading(word): role for role, words in ROLE_WORDS.items() for word in words}, **_ROLES}


def parse_role(text: str) -> Role:
    folded = fold_heading(text)
    if not folded:
        return Role.MEMBER
    role = _role_words().get(folded)
    if role is None:
        raise ValueProblem(Text("“%1” is not a role (e.g. Head, Deputy head, Adviser, Expert, Interpreter, "
                                "Observer, Member; Глава делегации, Советник, Эксперт, Переводчик)", text))
    return role


@cache
def _status_words() -> dict[str, ParticipationStatus]:
    return {fold_heading(word): status for status, words in _STATUS.items() for word in words}


# A column headed "Attended" ("Присутствие", "Явка") is ticked, not worded: a yes is attended and a
# no absent (round 14: its "yes" was read as "confirmed", the word's meaning in a status column).
ATTENDANCE_HEADINGS = frozenset({"attended", "attendance", "present", "присутствие", "явка",
                                 "отметка о присутствии", "присутствовал", "присутствовала"})
_TICKED = frozenset({"yes", "y", "да", "x", "х", "+", "✓", "✔", "v", "1", "true", "present"})
_NOT_TICKED = frozenset({"no", "n", "нет", "-", "–", "—", "0", "false"})


def parse_attendance(text: str) -> ParticipationStatus | None:
    """A cell of an attendance column: ticked, attended; "no", absent; a status word as in a status
    column; empty: None (`ListEntry.unmarked` says so)."""
    mark = text.strip().casefold()
    if mark in _TICKED:
        return ParticipationStatus.ATTENDED
    if mark in _NOT_TICKED:
        return ParticipationStatus.ABSENT
    return parse_status(text)


def parse_status(text: str) -> ParticipationStatus | None:
    """A participation status as lists write it; empty: None (the meeting's date decides)."""
    folded = fold_heading(text)
    if not folded:
        return None
    status = _status_words().get(folded)
    if status is None:
        raise ValueProblem(Text("“%1” is not a participation status (e.g. invited, confirmed, attended, absent, "
                                "cancelled; приглашён, подтвердил, присутствовал, не явился, отказ)", text))
    return status


def parse_email(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if not is_email_address(text):
        raise ValueProblem(Text("“%1” is not an e-mail address", text))
    return text


@cache
def _party_names() -> dict[str, Party]:
    names: dict[str, Party] = {}
    for code, country in countries().items():
        for name in (code, country.en, country.ru):
            names[fold(name)] = Party.country(code)
    for name, code in COUNTRY_WORDS.items():
        if code in countries():
            names[fold(name)] = Party.country(code)
    for organisation in organisations():
        for spelling in (organisation.name, organisation.ru, organisation.acronym):
            if spelling:
                names[fold(spelling)] = Party.organisation(organisation.name)
    return names


def parse_party(text: str) -> Party | None:
    """A country by ISO code or English/Russian name, or a known organisation by name or acronym."""
    if not text.strip():
        return None
    party = _party_names().get(fold(text))
    if party is None:
        raise ValueProblem(Text("“%1” is not a known country or organisation", text))
    return party
