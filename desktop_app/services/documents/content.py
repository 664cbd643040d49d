"""What each document says, built from the stored record and the programme's details.

- Note Verbale: the invitation of one partner's delegation, in the form protocol offices use
  (third person, the compliments and the closing formula, place and date, the addressee at the
  foot, no signature line — a note is initialled and stamped), the agenda as an annex.
- Sign-in sheet: for the registration desk, one page per delegation with everyone expected
  (invited, confirmed, attended), a signature column per meeting day and blank lines for walk-ins.
- Participant list: as published after the meeting, by delegation, heads first, attended only,
  no e-mail addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.domain.enums import ParticipationStatus, PartyType
from desktop_app.domain.errors import UserError
from desktop_app.domain.programme import ProgrammeDetails
from desktop_app.domain.protocol import EXPECTED
from desktop_app.domain.records import Delegation, Dialogue, Institution, Participant, Party, Person
from desktop_app.domain.reference import country_name, party_name
from desktop_app.domain.roles import role_label, role_rank
from desktop_app.domain.texts import Text
from desktop_app.services.documents.model import Block, Document, PageBreak, Para, Style, Table
from desktop_app.services.documents.words import (
    date_in_words,
    dates_in_words,
    delegation_of,
    ministry,
    ministry_address,
)

KINDS = ("note-verbale", "sign-in-sheet", "participant-list")
BLANK_LINES = 3  # for people who come unannounced
MAX_SIGNATURE_DAYS = 5  # a longer meeting gets one column per day up to this, then one for all
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")

PHRASES = {
    "en": {
        "note": "NOTE VERBALE", "no": "No.", "annex": "Annex", "agenda": "Draft agenda",
        "compliments": "{sender} presents its compliments to {ministry} and has the honour to invite "
                       "{delegation} to take part in the {title}.",
        "when": "Dates: {dates}.", "where": "Place: {place}.", "online": "Place: online.",
        "chair": "Chair: {chair}.",
        "attached": "The draft agenda of the meeting is attached as an annex to this note.",
        "reply": "{sender} would be grateful to receive the composition of the delegation (the names, "
                 "positions and institutions of its members, and who heads it) by {reply_by}.",
        "contact": "Contact: {contact}.",
        "closing": "{sender} avails itself of this opportunity to renew to {ministry} the assurances of its "
                   "highest consideration.",
        "sheet": "SIGN-IN SHEET", "list": "LIST OF PARTICIPANTS", "delegation": "Delegation: {party}",
        "number": "No.", "name": "Name", "institution": "Institution", "position": "Position",
        "role": "Role", "signature": "Signature", "continued": "(continued)",
        "page": "page", "of": "of", "nobody": "No participants recorded.",
    },
    "ru": {
        "note": "ВЕРБАЛЬНАЯ НОТА", "no": "№", "annex": "Приложение", "agenda": "Проект повестки дня",
        "compliments": "{sender} свидетельствует своё уважение {ministry} и имеет честь пригласить "
                       "{delegation} принять участие в мероприятии «{title}».",
        "when": "Даты проведения: {dates}.", "where": "Место проведения: {place}.",
        "online": "Место проведения: онлайн.", "chair": "Председатель: {chair}.",
        "attached": "Проект повестки дня прилагается к настоящей ноте.",
        "reply": "{sender} просит сообщить состав делегации (фамилии, должности и места работы её членов, "
                 "а также главу делегации) не позднее {reply_by}.",
        "contact": "Контактная информация: {contact}.",
        "closing": "{sender} пользуется случаем, чтобы возобновить {ministry} уверения в своём весьма высоком "
                   "уважении.",
        "sheet": "ЛИСТ РЕГИСТРАЦИИ УЧАСТНИКОВ", "list": "СПИСОК УЧАСТНИКОВ", "delegation": "Делегация: {party}",
        "number": "№", "name": "Ф. И. О.", "institution": "Организация", "position": "Должность",
        "role": "Роль", "signature": "Подпись", "continued": "(продолжение)",
        "page": "стр.", "of": "из", "nobody": "Участники не указаны.",
    },
}


@dataclass(frozen=True)
class Record:
    """Everything a document is made from, read in one go."""

    dialogue: Dialogue
    people: dict[str, Person]
    institutions: dict[str, Institution]
    programme: ProgrammeDetails


def _p(language: str) -> dict[str, str]:
    return PHRASES["ru" if language == "ru" else "en"]


def split_names(person: Person | None, language: str) -> tuple[str, str]:
    """The name in the document's script first, then the same person in the other script (if any)."""
    if person is None:
        return "?", ""
    spellings = [person.name, *person.other_names]
    wants_cyrillic = language == "ru"
    first = next((s for s in spellings if bool(_CYRILLIC.search(s)) == wants_cyrillic), person.name)
    other = next((s for s in spellings if bool(_CYRILLIC.search(s)) != bool(_CYRILLIC.search(first))), "")
    return first, other


def place_of(dialogue: Dialogue, language: str) -> str:
    """The city and country in the document's language: a city of the reference list by its name in
    that language, as the report names it (round 17: «Место проведения: Bishkek, Кыргызстан»)."""
    from desktop_app.services.report.parties import city_name

    parts = [city_name(dialogue.city, language), country_name(dialogue.country, language) if dialogue.country else ""]
    return ", ".join(p for p in parts if p)


def _heading_lines(record: Record, language: str) -> str:
    d = record.dialogue
    parts = [d.title, dates_in_words(d.start_date, d.end_date, language)]
    if place := place_of(d, language):
        parts.append(place)
    return " — ".join(parts)


def in_language(text: str, language: str) -> str:
    """One language's version of a setting written in both: on separate lines or as "Astana / Астана".
    The version in the document's script is taken; a setting in one language only is taken as it is."""
    versions = [v.strip() for line in text.splitlines() for v in line.split(" / ") if v.strip()]
    wanted = [v for v in versions if bool(_CYRILLIC.search(v)) == (language == "ru")]
    return (wanted or versions or [""])[0]


def _sentence(text: str) -> str:
    """A sentence ending in an abbreviation («2023 г.») takes no second full stop."""
    return text.replace("..", ".")


def _sender(programme: ProgrammeDetails, language: str) -> str:
    sender = in_language(programme.sender, language) or programme.name.strip()
    if not sender:
        raise UserError(Text("A Note Verbale needs the programme's sender: set it in Settings ▸ Programme."))
    return sender


def _reference(programme: ProgrammeDetails, party: Party, issued: date) -> str:
    """The pattern's {year}, {party} and {date} filled; {number} left as a blank for the registry."""
    pattern = programme.reference_pattern.strip()
    if not pattern:
        return ""
    values = {"year": str(issued.year), "party": party.code or party.name or "", "date": issued.isoformat(),
              "number": "______"}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), pattern)


def place_of_issue(programme: ProgrammeDetails) -> str:
    """The letterhead's last line is where the programme's notes are issued from (e.g. "Astana")."""
    lines = [line.strip() for line in programme.letterhead.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _issue_place(programme: ProgrammeDetails, language: str) -> str:
    return in_language(place_of_issue(programme), language)


def find_delegation(dialogue: Dialogue, party_text: str) -> Delegation:
    """A delegation by country code, a country's or organisation's name in either language, an
    organisation's acronym or earlier name (case-insensitive)."""
    wanted = party_text.strip().casefold()
    for delegation in dialogue.delegations:
        party = delegation.party
        names = {party.key.casefold(), (party.code or "").casefold(), (party.name or "").casefold(),
                 party_name(party).casefold(), party_name(party, "ru").casefold()}
        if wanted and wanted in names:
            return delegation
    # an acronym or an earlier or later name of the organisation ("EMCDDA"), as `report --country` finds
    # it (round 17: refused though the refusal itself listed the organisation)
    from desktop_app.services.report.parties import resolve_party

    found = resolve_party(party_text, [d.party for d in dialogue.delegations])
    for delegation in dialogue.delegations:
        if found is not None and delegation.party == found:
            return delegation
    parties = ", ".join(d.party.code or d.party.name or "" for d in dialogue.delegations) or "none"
    raise UserError(Text("“%1” has no delegation in “%2” (its parties: %3).", party_text, dialogue.title, parties))


def reply_by_problem(reply_by: date, starts: date | None, issued: date) -> Text | None:
    """Why a Note Verbale cannot ask for the delegation's composition by `reply_by`, or None.

    The composition is needed before the meeting, so a date on or after its first day (`starts`) is a
    typo, as is, for a meeting still ahead, a date before the note's own date of issue (round 18:
    both were written into the note). A note for a meeting already begun when it is issued (a
    record made afterwards) is held to the first day only; a dialogue without a start date, to nothing.
    """
    if starts is None:
        return None
    if reply_by >= starts:
        return Text("The reply-by date %1 is not before the dialogue begins (%2): give an earlier date.",
                    reply_by, starts)
    if issued < starts and reply_by < issued:
        return Text("The reply-by date %1 is before the note's date of issue (%2): give a later date.",
                    reply_by, issued)
    return None


def default_reply_by(starts: date, today: date) -> date:
    """The reply-by date a Note Verbale dialog offers, one `reply_by_problem` accepts: three weeks
    before the meeting while that is still ahead, else two weeks from today, else (a meeting within
    two weeks) the day before it; for a meeting already begun, three weeks before it as the note then
    would have asked (round 18: "two weeks from today" came after the meeting's start)."""
    if starts - timedelta(days=21) > today:
        return starts - timedelta(days=21)
    if today + timedelta(days=14) < starts:
        return today + timedelta(days=14)
    if today < starts:
        return starts - timedelta(days=1)
    return starts - timedelta(days=21)


def note_verbale(record: Record, party_text: str, reply_by: date, language: str = "en",
                 issued: date | None = None) -> Document:
    d = record.dialogue
    delegation = find_delegation(d, party_text)
    party = delegation.party
    issued = issued or date.today()
    if (problem := reply_by_problem(reply_by, d.start_date, issued)) is not None:
        raise UserError(problem)
    p = _p(language)
    programme = record.programme
    sender = _sender(programme, language)
    blocks: list[Block] = []
    if reference := _reference(programme, party, issued):
        blocks.append(Para(f"{p['no']} {reference}", Style.PLAIN))
    blocks.append(Para(p["note"], Style.TITLE, bold=True))
    blocks.append(Para(p["compliments"].format(sender=sender, ministry=ministry(party, language),
                                               delegation=delegation_of(party, language), title=d.title), Style.BODY))
    facts = [p["when"].format(dates=dates_in_words(d.start_date, d.end_date, language))]
    if d.online and not d.city:
        facts.append(p["online"])
    elif place := place_of(d, language):
        facts.append(p["where"].format(place=place))
    if d.chair is not None:
        facts.append(p["chair"].format(chair=party_name(d.chair, language)))
    blocks.extend(Para(_sentence(fact), Style.PLAIN) for fact in facts)
    if d.agenda:
        blocks.append(Para(p["attached"], Style.BODY))
    blocks.append(Para(_sentence(p["reply"].format(sender=sender, reply_by=date_in_words(reply_by, language))),
                       Style.BODY))
    contact = "; ".join(line.strip() for line in programme.contact.splitlines() if line.strip())
    if contact:
        blocks.append(Para(p["contact"].format(contact=contact), Style.BODY))
    blocks.append(Para(p["closing"].format(sender=sender, ministry=ministry(party, language)), Style.BODY))
    where = _issue_place(programme, language)
    when = date_in_words(issued, language)
    blocks.append(Para(f"{where}, {when}" if where else when, Style.RIGHT, space_before=True))
    blocks.extend(Para(line, Style.PLAIN, bold=i == 0, space_before=i == 0)
                  for i, line in enumerate(ministry_address(party, language)))
    if d.agenda:
        blocks.append(PageBreak())
        blocks.append(Para(f"{p['annex']}", Style.RIGHT))
        blocks.append(Para(p["agenda"], Style.TITLE, bold=True))
        blocks.append(Para(_heading_lines(record, language), Style.PLAIN))
        for number, item in enumerate(d.agenda, start=1):
            presenter = f" ({party_name(item.presenter, language)})" if item.presenter else ""
            blocks.append(Para(f"{number}. {item.title}{presenter}", Style.PLAIN))
    return Document(title=f"{p['note']} — {party_name(party, language)}", blocks=tuple(blocks),
                    letterhead=_letterhead(programme), logo=programme.logo, language=language)


def _letterhead(programme: ProgrammeDetails) -> tuple[str, ...]:
    lines = [line.strip() for line in programme.letterhead.splitlines() if line.strip()]
    return tuple(lines[:-1]) if len(lines) > 1 else tuple(lines)  # the last line is the place of issue


def meeting_days(dialogue: Dialogue) -> list[date]:
    end = dialogue.end_date or dialogue.start_date
    return [dialogue.start_date + timedelta(days=n) for n in range((end - dialogue.start_date).days + 1)]


def _institution(record: Record, participant: Participant) -> str:
    institution = record.institutions.get(participant.institution_id or "")
    return institution.name if institution else ""


def _ordered(participants: tuple[Participant, ...]) -> list[Participant]:
    return sorted(participants, key=lambda p: role_rank(p.role))  # stable: the form's order within a role


def sign_in_sheet(record: Record, language: str = "en") -> Document:
    d = record.dialogue
    p = _p(language)
    days = meeting_days(d)
    day_columns = ([f"{p['signature']}\n{date_in_words(day, language)}" for day in days]
                   if 1 < len(days) <= MAX_SIGNATURE_DAYS else [p["signature"]])
    header = (p["number"], p["name"], p["institution"], p["position"], *day_columns)
    signature_share = 0.18 if len(day_columns) == 1 else min(0.12, 0.5 / len(day_columns))
    rest = 1 - signature_share * len(day_columns)
    widths = (0.06, rest * 0.36, rest * 0.34, rest * 0.30 - 0.06, *([signature_share] * len(day_columns)))
    blocks: list[Block] = []
    names: list[str] = []
    for index, delegation in enumerate(d.delegations):
        if index:
            blocks.append(PageBreak())
        blocks.append(Para(p["sheet"], Style.TITLE, bold=True))
        heading = p["delegation"].format(party=party_name(delegation.party, language))
        blocks.append(Para(heading, Style.HEADING, bold=True, keep_with_next=True))
        rows = []
        expected = [x for x in _ordered(delegation.participants) if x.status in EXPECTED]
        for number, participant in enumerate(expected, start=1):
            first, other = split_names(record.people.get(participant.person_id), language)
            names.append(first)
            position = participant.position or ""
            if participant.role.value != "member":
                position = f"{position}\n{role_label(participant.role, language)}" if position else \
                    role_label(participant.role, language)
            rows.append((f"{number}.", f"{first}\n{other}" if other else first, _institution(record, participant),
                         position, *([""] * len(day_columns))))
        rows.extend((f"{n}.", "", "", "", *([""] * len(day_columns)))
                    for n in range(len(expected) + 1, len(expected) + 1 + BLANK_LINES))
        blocks.append(Table(header, tuple(rows), widths, tall_rows=True, continued=f"{heading} {p['continued']}"))
    if not d.delegations:
        blocks.append(Para(p["sheet"], Style.TITLE, bold=True))
        blocks.append(Table(header, tuple((f"{n}.", "", "", "", *([""] * len(day_columns)))
                                          for n in range(1, 16)), widths, tall_rows=True))
    return Document(title=f"{p['sheet']} — {d.title}", blocks=tuple(blocks), landscape=len(day_columns) > 2,
                    running_header=_heading_lines(record, language), language=language, names=tuple(names),
                    footer=d.title)


def participant_list(record: Record, language: str = "en") -> Document:
    d = record.dialogue
    p = _p(language)
    blocks: list[Block] = [Para(p["list"], Style.TITLE, bold=True), Para(_heading_lines(record, language), Style.PLAIN)]
    names: list[str] = []
    header = (p["name"], p["role"], p["position"], p["institution"])
    for delegation in d.delegations:
        attended = [x for x in _ordered(delegation.participants) if x.status is ParticipationStatus.ATTENDED]
        if not attended:
            continue
        title = party_name(delegation.party, language)
        if delegation.party.type is PartyType.ORGANISATION and not title:
            title = delegation.party.name or ""
        blocks.append(Para(title, Style.HEADING, bold=True, keep_with_next=True))
        rows = []
        for participant in attended:
            first, other = split_names(record.people.get(participant.person_id), language)
            names.append(first)
            rows.append((f"{first}\n{other}" if other else first, role_label(participant.role, language),
                         participant.position or "", _institution(record, participant)))
        blocks.append(Table(header, tuple(rows), (0.28, 0.17, 0.25, 0.30)))
    if not names:
        blocks.append(Para(p["nobody"], Style.PLAIN))
    return Document(title=f"{p['list']} — {d.title}", blocks=tuple(blocks), letterhead=_letterhead(record.programme),
                    logo=record.programme.logo, language=language, names=tuple(names), footer=d.title)
