"""The rules a record must satisfy, in one place.

The form calls these as the officer types, import calls them per record before writing, and the
database backs the structural ones with constraints. Each rule yields a `FieldProblem` naming the
field so the caller can mark it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from desktop_app.domain.date_text import FIRST_YEAR, LAST_YEAR, takes_year
from desktop_app.domain.enums import PartyType
from desktop_app.domain.errors import FieldProblem
from desktop_app.domain.list_records import Party
from desktop_app.domain.names import written_alike
from desktop_app.domain.party_name import PartyName
from desktop_app.domain.reference import is_known_country
from desktop_app.domain.text_rules import FORBIDDEN, forbidden_character
from desktop_app.domain.texts import Text

if TYPE_CHECKING:  # annotations only: the first window checks no record (issue 19)
    from desktop_app.domain.records import Delegation, Dialogue, Institution, Person

LIMITS = {
    "title": 300, "series": 200, "city": 100, "summary": 100_000, "programme": 100,
    "framework": 300, "topic": 100, "party_name": 200, "delegation_notes": 5000,
    "agenda_title": 500, "agenda_notes": 20_000, "action_description": 2000, "action_owner": 200,
    "person_name": 200, "email": 254, "institution_name": 300, "acronym": 40, "position": 300,
}
# A meeting longer than this, or dated further ahead than this, was most likely mistyped.
LONGEST_MEETING_DAYS = 14
FURTHEST_AHEAD_DAYS = 365


Label = str | Callable[[], str]  # a label, or how to make it: built only when there is a problem


def _named(label: Label) -> str:
    return label() if callable(label) else label


def _later(make: Callable[..., str], *arguments: object) -> Callable[[], str]:
    """A label made only when asked for (`make` holds the literal Text, so lupdate still lists it);
    an argument that is itself a label is made then too."""
    return lambda: make(*(_named(a) if callable(a) else a for a in arguments))


def _too_long(where: str, value: str | None, limit_key: str, label: Label) -> Iterator[FieldProblem]:
    """The length rule and, since every text field passes here, the characters rule (issue 21).
    `label` may be a function: a bundle of 2,000 dialogues passes here ~300,000 times, and the
    translatable label is only needed for the rare problem (issue 19)."""
    if value is None:
        return
    limit = LIMITS[limit_key]
    if len(value) > limit:
        yield FieldProblem(where, Text("%1 is %2 characters long; at most %3 are allowed.",
                                        _named(label), f"{len(value):,}", f"{limit:,}"))
    if found := forbidden_character(value):  # each kind its own sentence, so each language words it whole
        kind, spelled, at = found
        if kind == "surrogate":
            said = Text("%1 holds half of a character (a lone surrogate %2) at position %3; remove it (it "
                        "cannot be written to a report or a bundle).", _named(label), spelled, str(at))
        elif kind == "non-character":
            said = Text("%1 holds the non-character %2 at position %3; remove it (it cannot be written to a "
                        "report or a bundle).", _named(label), spelled, str(at))
        else:
            said = Text("%1 holds the control character %2 at position %3; remove it (it cannot be written "
                        "to a report or a bundle).", _named(label), spelled, str(at))
        yield FieldProblem(where, said)


def party_problems(where: str, party: Party | None, label: Label) -> Iterator[FieldProblem]:
    if party is None:
        return
    if party.type is PartyType.COUNTRY:
        if not is_known_country(party.code):
            yield FieldProblem(where, Text("%1: “%2” is not a known country code.", _named(label), party.code))
    elif not (party.name or "").strip():
        yield FieldProblem(where, Text("%1: the organisation needs a name.", _named(label)))
    else:
        yield from _too_long(where, party.name, "party_name", lambda: Text("%1's name", _named(label)))


def dialogue_problems(dialogue: Dialogue, texts_clean: bool = False) -> list[FieldProblem]:
    """Everything that makes a dialogue impossible to save; empty when it may be saved.
    `texts_clean`: the caller knows that none of the record's texts holds a character
    `FORBIDDEN` finds (a bundle whose bytes show that none of its texts can,
    `exchange.validation._texts_known_clean`), so the quick pass does not look for one again."""
    if _may_be_saved(dialogue, texts_clean):  # nearly every dialogue of a bundle: nothing to word
        return []
    return _dialogue_problems(dialogue)


def _may_be_saved(dialogue: Dialogue, texts_clean: bool = False) -> bool:
    """`dialogue_problems` is empty, found in one pass that builds nothing (issue 19: a bundle's
    check ran the worded rules' generators, labels and places for every field of every dialogue).
    The same rules as `_dialogue_problems`; `tests/domain/test_quick_rules.py` holds the two equal.
    With `texts_clean` the characters' rule is known to hold and is not asked (~25 % of the pass:
    a search per text, ~60 a dialogue)."""
    bad = FORBIDDEN.search

    def fits(value: str | None, limit_key: str) -> bool:
        return value is None or (len(value) <= LIMITS[limit_key] and (texts_clean or bad(value) is None))

    def party_fits(party: Party | None) -> bool:
        if party is None:
            return True
        if party.type is PartyType.COUNTRY:
            return is_known_country(party.code)
        return bool((party.name or "").strip()) and fits(party.name, "party_name")

    if not (dialogue.title.strip() and fits(dialogue.title, "title") and fits(dialogue.series, "series")
            and fits(dialogue.city, "city") and fits(dialogue.summary, "summary")):
        return False
    if dialogue.end_date is not None and dialogue.end_date < dialogue.start_date:
        return False
    if not (_year_fits(dialogue.start_date) and _year_fits(dialogue.end_date)):
        return False
    if dialogue.country is not None and not is_known_country(dialogue.country):
        return False
    if not party_fits(dialogue.chair):
        return False
    if not (all(fits(v, "programme") for v in dialogue.supporting_programmes)
            and all(fits(v, "framework") for v in dialogue.frameworks)
            and all(fits(v, "topic") for v in dialogue.topics)):
        return False
    for item in dialogue.agenda:
        if not (item.title.strip() and fits(item.title, "agenda_title") and fits(item.notes, "agenda_notes")
                and party_fits(item.presenter)):
            return False
    for action in dialogue.actions:
        if not (action.description.strip() and fits(action.description, "action_description")
                and fits(action.owner, "action_owner") and _year_fits(action.due_date)
                and _year_fits(action.done_on)):
            return False
    position_limit = LIMITS["position"]
    for delegation in dialogue.delegations:
        if not (party_fits(delegation.party) and fits(delegation.notes, "delegation_notes")):
            return False
        people_seen: set[str] = set()
        for participant in delegation.participants:
            person_id, position = participant.person_id, participant.position
            if not person_id or person_id in people_seen:
                return False
            people_seen.add(person_id)
            # `fits(position, "position")` written out (issue 19: ~64,000 participants at 2,000 dialogues)
            if position is not None and (len(position) > position_limit
                                         or (not texts_clean and bad(position) is not None)):
                return False
    return True


def _year_fits(day: date | None) -> bool:
    """A date the form can show and take back: its year within FIRST_YEAR…LAST_YEAR, the years a
    date field reads (round 19: a bundle's 0001-01-01 or 9999-12-31 was stored, and the form then
    refused to save the record it had opened)."""
    return day is None or takes_year(day.year)


def _year_problems(key: str, day: date | None, label: Label) -> list[FieldProblem]:
    if _year_fits(day):
        return []
    return [FieldProblem(key, Text("%1 is %2, outside the years %3 to %4 the program takes.", _named(label), day,
                                   str(FIRST_YEAR), str(LAST_YEAR)))]


def _dialogue_problems(dialogue: Dialogue) -> list[FieldProblem]:
    """`dialogue_problems`, each worded with its field."""
    problems: list[FieldProblem] = []
    add = problems.extend
    if not dialogue.title.strip():
        problems.append(FieldProblem("title", Text("The title is required.")))
    add(_too_long("title", dialogue.title, "title", lambda: Text("The title")))
    add(_too_long("series", dialogue.series, "series", lambda: Text("The series")))
    add(_too_long("city", dialogue.city, "city", lambda: Text("The city")))
    add(_too_long("summary", dialogue.summary, "summary", lambda: Text("The summary")))
    if dialogue.end_date is not None and dialogue.end_date < dialogue.start_date:
        problems.append(FieldProblem(
            "end_date",
            Text("The end date %1 is before the start date %2.", dialogue.end_date, dialogue.start_date)))
    for key, day, name in (("start_date", dialogue.start_date, lambda: Text("The start date")),
                           ("end_date", dialogue.end_date, lambda: Text("The end date"))):
        add(_year_problems(key, day, name))
    if dialogue.country is not None and not is_known_country(dialogue.country):
        problems.append(FieldProblem("country", Text("“%1” is not a known country code.", dialogue.country)))
    add(party_problems("chair", dialogue.chair, lambda: Text("The chair")))
    for key, values, limit_key, one in (
            ("supporting_programmes", dialogue.supporting_programmes, "programme", lambda: Text("A programme")),
            ("frameworks", dialogue.frameworks, "framework", lambda: Text("A framework")),
            ("topics", dialogue.topics, "topic", lambda: Text("A topic"))):
        for i, value in enumerate(values):
            add(_too_long(f"{key}[{i}]", value, limit_key, one))
    for i, item in enumerate(dialogue.agenda):
        if not item.title.strip():
            problems.append(FieldProblem(f"agenda[{i}].title", Text("Agenda item %1 needs a title.", i + 1)))
        add(_too_long(f"agenda[{i}].title", item.title, "agenda_title",
                      _later(lambda n: Text("Agenda item %1's title", n), i + 1)))
        add(_too_long(f"agenda[{i}].notes", item.notes, "agenda_notes",
                      _later(lambda n: Text("Agenda item %1's notes", n), i + 1)))
        add(party_problems(f"agenda[{i}].presenter", item.presenter,
                           _later(lambda n: Text("Agenda item %1's presenter", n), i + 1)))
    for i, action in enumerate(dialogue.actions):
        if not action.description.strip():
            problems.append(FieldProblem(f"actions[{i}].description", Text("Action %1 needs a description.", i + 1)))
        add(_too_long(f"actions[{i}].description", action.description, "action_description",
                      _later(lambda n: Text("Action %1's description", n), i + 1)))
        add(_too_long(f"actions[{i}].owner", action.owner, "action_owner",
                      _later(lambda n: Text("Action %1's owner", n), i + 1)))
        add(_year_problems(f"actions[{i}].due_date", action.due_date,
                           _later(lambda n: Text("Action %1's due date", n), i + 1)))
        add(_year_problems(f"actions[{i}].done_on", action.done_on,
                           _later(lambda n: Text("Action %1's date done", n), i + 1)))
    for i, delegation in enumerate(dialogue.delegations):
        def label(delegation: Delegation = delegation, i: int = i) -> str:  # named by its party
            return PartyName(delegation.party) or Text("Delegation %1", i + 1)

        add(party_problems(f"delegations[{i}].party", delegation.party, label))
        add(_too_long(f"delegations[{i}].notes", delegation.notes, "delegation_notes",
                      _later(lambda name: Text("%1's notes", name), label)))
        people_seen: set[str] = set()
        for j, participant in enumerate(delegation.participants):
            where = f"delegations[{i}].participants[{j}]"
            if not participant.person_id:
                problems.append(FieldProblem(where, Text("%1, participant %2: the person is missing.", label(),
                                                         j + 1)))
            elif participant.person_id in people_seen:
                problems.append(FieldProblem(where, Text("%1 lists the same person twice.", label())))
            people_seen.add(participant.person_id)
            add(_too_long(f"{where}.position", participant.position, "position",
                          _later(lambda name, n: Text("%1, participant %2's position", name, n), label, j + 1)))
    return problems


def dialogue_warnings(dialogue: Dialogue, today: date | None = None,
                      person_name: Callable[[str], str] | None = None,
                      institution: Callable[[str], Institution | None] | None = None) -> list[FieldProblem]:
    """Things worth a second look that do not prevent saving (imports may legitimately have them).

    `person_name` and `institution` look up what the record holds only as ids; without them the
    checks that need them (the same person in two delegations, an institution of another country)
    still run, naming less."""
    warnings: list[FieldProblem] = []
    if dialogue.end_date is not None and (dialogue.end_date - dialogue.start_date).days + 1 > LONGEST_MEETING_DAYS:
        warnings.append(FieldProblem("end_date", Text("The meeting lasts %1 days: check the end date.",
                                                      (dialogue.end_date - dialogue.start_date).days + 1)))
    if (dialogue.start_date - (today or date.today())).days > FURTHEST_AHEAD_DAYS:
        warnings.append(FieldProblem("start_date", Text("The meeting is dated %1, more than a year ahead: "
                                                        "check the start date.", dialogue.start_date)))
    seen_parties: set[str] = set()
    for i, delegation in enumerate(dialogue.delegations):
        if delegation.party.key in seen_parties:
            warnings.append(FieldProblem(f"delegations[{i}].party",
                                         Text("Delegation %1 repeats a party that already has a delegation.", i + 1)))
        seen_parties.add(delegation.party.key)
    from desktop_app.domain.protocol import head_problems  # here: it needs every record type, the list none

    warnings.extend(head_problems(dialogue))  # one head per delegation (domain.protocol); never refused here
    warnings.extend(_people_in_two_delegations(dialogue, person_name))
    if institution is not None:
        warnings.extend(_institutions_of_other_countries(dialogue, institution))
    return warnings


def _people_in_two_delegations(dialogue: Dialogue,
                               person_name: Callable[[str], str] | None) -> Iterator[FieldProblem]:
    """By person, and by name too: a name typed again in a form is a new record until saved."""
    first: dict[str, int] = {}
    for i, delegation in enumerate(dialogue.delegations):
        for j, participant in enumerate(delegation.participants):
            if not participant.person_id:
                continue
            name = person_name(participant.person_id) if person_name else ""
            keys = [participant.person_id, *([written_alike(name)] if name.strip() else [])]
            earlier = min((first[k] for k in keys if k in first), default=i)
            for k in keys:
                first.setdefault(k, i)
            if earlier != i:
                yield FieldProblem(f"delegations[{i}].participants[{j}]", Text(
                    "%1 is in two delegations, %2 and %3.", name or Text("The same person"),
                    PartyName(dialogue.delegations[earlier].party), PartyName(delegation.party)))


def _institutions_of_other_countries(dialogue: Dialogue,
                                     institution: Callable[[str], Institution | None]) -> Iterator[FieldProblem]:
    for i, delegation in enumerate(dialogue.delegations):
        if delegation.party.type is not PartyType.COUNTRY:
            continue
        seen: set[str] = set()
        for j, participant in enumerate(delegation.participants):
            found = institution(participant.institution_id) if participant.institution_id else None
            if found is None or found.id in seen or not found.country or found.country == delegation.party.code:
                continue
            seen.add(found.id)
            yield FieldProblem(f"delegations[{i}].participants[{j}]", Text(
                "%1 is recorded as an institution of %2, not of %3.", found.name,
                PartyName(Party.country(found.country)), PartyName(delegation.party)))


def person_problems(person: Person, texts_clean: bool = False) -> list[FieldProblem]:
    """Everything that makes a person impossible to save; empty when they may be saved.
    `texts_clean`: as for `dialogue_problems`."""
    if _person_may_be_saved(person, texts_clean):  # nearly every person of a bundle: nothing to word
        return []
    return _person_problems(person)


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_email_address(text: str) -> bool:
    """Whether typed text reads as one e-mail address (name@domain.tld, no spaces): asked of what an
    officer types or a list gives, not of what is stored (an old record or a bundle keeps what it
    holds, whatever its shape). One rule for the person dialog and registration lists (round 15:
    the dialog stored "aigerim@mvd" or a name, which a list refused)."""
    return _EMAIL.match(text) is not None


def _person_may_be_saved(person: Person, texts_clean: bool = False) -> bool:
    """`person_problems` is empty, found without a generator, label or list per field (issue 19:
    a 2,000-dialogue bundle's check asks it of ~5,000 people). The same rules as
    `_person_problems`; `tests/domain/test_quick_rules.py` holds the two equal. With
    `texts_clean` the characters' rule is known to hold and is not asked."""
    bad = FORBIDDEN.search
    name, email, limit = person.name, person.email, LIMITS["person_name"]
    if not (name.strip() and len(name) <= limit and (texts_clean or bad(name) is None)):
        return False
    if email is not None and (len(email) > LIMITS["email"] or not (texts_clean or bad(email) is None)):
        return False
    for other in person.other_names:
        if other is not None and (len(other) > limit or not (texts_clean or bad(other) is None)):
            return False
    return True


def kept_old_name(old: str, new: str, known: tuple[str, ...], limit: str) -> str | None:
    """The old name a person or institution renamed from `old` to `new` keeps as another spelling
    (person) or other name (institution), so that a registration list or a colleague's record still
    naming it the old way finds it (round 17: a rename forgot the old name). None when `old` is
    written as `new` is (case, spaces and ё/е aside: `written_alike`) or as one of the names it
    already has (`known`: its other names, an institution's acronym), or when the rules would refuse
    it as a name now (`limit`: the key of `LIMITS`; an older record may hold a name too long or
    with characters no longer allowed). A ";" in it is kept: the dialogs read a name the record has
    whole from the field (round 17: a name from a bundle such as "Zhumabaeva; Aigerim" was renamed
    without a word and forgotten)."""
    old = old.strip()
    if not old or not new.strip() or written_alike(old) in {written_alike(n) for n in (new, *known)}:
        return None
    if len(old) > LIMITS[limit] or FORBIDDEN.search(old) is not None:
        return None
    return old


def _person_problems(person: Person) -> list[FieldProblem]:
    """`person_problems`, each worded with its field."""
    problems: list[FieldProblem] = []
    if not person.name.strip():
        problems.append(FieldProblem("name", Text("The person's name is required.")))
    problems.extend(_too_long("name", person.name, "person_name", lambda: Text("The name")))
    problems.extend(_too_long("email", person.email, "email", lambda: Text("The e-mail address")))
    for i, other in enumerate(person.other_names):
        problems.extend(_too_long(f"other_names[{i}]", other, "person_name", lambda: Text("Another spelling")))
    return problems


def institution_problems(institution: Institution) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not institution.name.strip():
        problems.append(FieldProblem("name", Text("The institution's name is required.")))
    problems.extend(_too_long("name", institution.name, "institution_name", lambda: Text("The institution's name")))
    problems.extend(_too_long("acronym", institution.acronym, "acronym", lambda: Text("The acronym")))
    for i, other in enumerate(institution.other_names):
        problems.extend(_too_long(f"other_names[{i}]", other, "institution_name", lambda: Text("Another name")))
    if institution.country is not None and not is_known_country(institution.country):
        problems.append(FieldProblem("country", Text("“%1” is not a known country code.", institution.country)))
    return problems
