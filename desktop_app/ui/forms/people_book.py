"""The people and institutions a form knows: those in the database and those typed in it.

Typing a name that is no known person creates a *pending* person (a fresh id, not yet saved); the
save service writes pending people together with the dialogue. Kept free of widgets so that the
form's undo snapshots can carry it as plain records.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import Any

from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import Sex
from desktop_app.domain.errors import RecordNotFound
from desktop_app.domain.names import written_alike
from desktop_app.domain.reference import country_name
from desktop_app.domain.search import fold
from desktop_app.ui.translations import ui_language
from desktop_app.ui.widgets.party_choices import country_label, organisation_label

LABEL_SEPARATOR = " / "


def person_label(name: str, other_names: tuple[str, ...]) -> str:
    """How completion offers a person: every spelling, so Cyrillic and Latin typists both find them."""
    return LABEL_SEPARATOR.join((name, *other_names))


def offer_text(offer: r.PersonOffer) -> str:
    """How a completion shows a person: every spelling, then where they came from last time."""
    where = [organisation_label(offer.organisation) if offer.organisation else
             (country_label(offer.country) if offer.country else ""),
             offer.institution or "", offer.position or ""]
    last = f"{offer.last_meeting} ({offer.last_date.isoformat()})" if offer.last_meeting and offer.last_date else ""
    details = " · ".join(part for part in (*where, last) if part)
    label = person_label(offer.name, offer.other_names)
    return f"{label} — {details}" if details else label


class PeopleBook:
    """Known people are looked up in the database when a name is typed, never loaded wholesale:
    reading every person (with their spellings) made opening and saving a form take most of a
    second at 20,000 people."""

    def __init__(self, database: Database) -> None:
        self.repository = PeopleRepository(database)
        self.records: dict[str, r.Person] = {}  # as read from the database
        self.edits: dict[str, r.Person] = {}  # new people and changed known people
        self.offered: dict[str, r.PersonOffer] = {}  # the completions offered, by folded label
        self.namesakes = 0  # how many others the last name looked up fits too (`known`)

    def refresh(self) -> None:
        """Forget what was read (after a save, the database holds the new and changed people)."""
        self.records.clear()

    def labels_matching(self, text: str, limit: int = 12) -> list[str]:
        """The completion texts for what is typed so far (see `offers_matching`)."""
        return [label for label, _ in self.offers_matching(text, limit)]

    def offers_matching(self, text: str, limit: int = 12) -> list[tuple[str, str]]:
        """Completion entries for what is typed so far, as (text put in the cell, text shown): the
        likeliest people first, matched in any script and order (`PeopleRepository.offers`), each
        shown with what tells namesakes apart — other spelling, country, institution, last meeting.
        Asked of the database at each keystroke instead of loading everyone."""
        offers = self.repository.offers(text.replace(LABEL_SEPARATOR, " "), limit)
        labels = [person_label(offer.name, offer.other_names) for offer in offers]
        entries = []
        picked: dict[str, str] = {}
        for offer, label in zip(offers, labels, strict=True):
            shown = offer_text(offer)
            plain = label
            if labels.count(label) > 1:  # namesakes: the cell gets the whole line, so the one picked is known
                label = shown
            key = label.casefold()
            # a namesake whose line is its plain name, or two lines alike, tell nobody apart: not a pick
            if picked.setdefault(key, offer.id) != offer.id or (labels.count(plain) > 1 and key == plain.casefold()):
                picked[key] = ""
            self.offered[key] = offer
            entries.append((label, shown))
        for key, person_id in picked.items():
            if not person_id:  # `known` weighs them as a typed name (the row's own first, the others said)
                del self.offered[key]
        return entries

    def latest(self, person_id: str) -> r.PersonOffer | None:
        """What a known person's most recent participation said (institution, position), when offered."""
        return next((o for o in self.offered.values() if o.id == person_id), None)

    def known(self, text: str, prefer: str | None = None) -> str | None:
        """The known person a typed text names: a whole completion label first, else a name, else
        another spelling, written alike (`written_alike`: without case, runs of spaces, ё/е, so
        «Петр  Иванов» typed is the recorded «Пётр Иванов», not a second person made at the save).
        Among namesakes (people one name fits) `prefer`, the row's own person, wins, else the first
        in name order; `namesakes` then holds the others' count, for the form to say that another
        may have been meant (round 15: it took the first without a word)."""
        self.namesakes = 0
        if text.casefold() in self.offered:  # a completion picked: the person offered, even among namesakes
            return self.offered[text.casefold()].id
        folded = written_alike(text)
        by_label: dict[str, str] = {}
        by_name: dict[str, list[str]] = {}
        for person_id, name, other_names in self.repository.spellings(text.replace(LABEL_SEPARATOR, " ")):
            by_label.setdefault(written_alike(person_label(name, other_names)), person_id)
            by_label.setdefault(written_alike(name), person_id)
            by_name.setdefault(written_alike(name), []).append(person_id)
            for other in other_names:
                by_label.setdefault(written_alike(other), person_id)
        fitting = by_name.get(folded, [])
        if prefer in fitting:
            return prefer
        self.namesakes = max(len(fitting) - 1, 0)
        return by_label.get(folded)

    def load(self, person_ids: set[str]) -> None:
        missing = person_ids - self.records.keys()
        if missing:
            self.records.update(self.repository.get_many(missing))

    def person(self, person_id: str) -> r.Person | None:
        if person_id in self.edits:
            return self.edits[person_id]
        if person_id not in self.records and person_id:
            self.load({person_id})
        return self.records.get(person_id)

    def name(self, person_id: str) -> str:
        person = self.person(person_id)
        return person.name if person else ""

    def resolve(self, text: str, current_id: str, shared: bool = False) -> str:
        """The person meant by a typed name: a known one, a new one of this form typed in another
        row under the same name (written alike, `written_alike`), the row's new one renamed, or a new one.
        One name typed in two rows is one person, as it would be were it stored already: the form's
        rules then say "in two delegations" or "the same person twice" (round 15: it made two people
        of one name, unsaid). `shared`: the row's new person is in another row too, so it is not
        renamed under that row (which would change it unasked); the row gets another person."""
        text = text.strip()
        if not text:
            return ""
        known = self.known(text, current_id)
        if known:
            self.load({known})
            return known
        folded = written_alike(text)
        typed = next((pid for pid, p in self.edits.items()
                      if p.revision == 0 and pid != current_id and written_alike(p.name) == folded), None)
        if typed is not None:
            return typed
        if current_id in self.edits and self.edits[current_id].revision == 0 and not shared:
            self.edits[current_id] = replace(self.edits[current_id], name=text)
            return current_id
        person = r.Person(id=r.new_id(), name=text)
        self.edits[person.id] = person
        return person.id

    def set_sex(self, person_id: str, sex: Sex | None) -> None:
        """The sex chosen for a known person, on the person as stored now: a copy read when the form
        opened would overwrite a correction made since on the People page, so the save refused it
        and offered only to drop every change of the form (round 15)."""
        if person_id not in self.edits:
            self.records.pop(person_id, None)  # read again below
        person = self.person(person_id)
        if person is not None and person.sex != sex:
            self.edits[person_id] = replace(person, sex=sex)
            if self.records.get(person_id) == self.edits[person_id]:
                del self.edits[person_id]

    def edits_for(self, person_ids: set[str]) -> tuple[r.Person, ...]:
        """New and changed people that a dialogue refers to: what its save must write."""
        return tuple(p for pid, p in sorted(self.edits.items()) if pid in person_ids)

    def restore(self, edits: tuple[r.Person, ...]) -> None:
        """The edits as a form state (undo, redo, a draft) holds them: those of the people its
        dialogue refers to, which is all a save writes. An edit made since is dropped, not kept: a
        known person's sex chosen and then undone stayed chosen and was saved (round 15)."""
        self.edits = {person.id: person for person in edits}

    def saved(self) -> None:
        """The edits are in the database now: drop them, and the old copies of the edited people
        (read again when next shown); the other people read so far are still what is stored."""
        for person_id in list(self.edits):
            self.records.pop(person_id, None)
        self.edits.clear()


class InstitutionBook:
    def __init__(self, database: Database) -> None:
        self.repository = InstitutionRepository(database)
        self.records: dict[str, r.Institution] = {}
        self.new: dict[str, r.Institution] = {}
        self.read: tuple[Any, ...] = ()  # the table's fingerprint when `records` was read
        self.refresh()

    def refresh(self) -> None:
        self.read = self.repository.fingerprint()  # first: a change made meanwhile is read next time
        self.records = {i.id: i for i in self.repository.all()}

    def follow_changes(self) -> None:
        """Read the institutions again when any changed since they were read (one aggregate query):
        one renamed on the Institutions page while the form is open is found under its new name,
        not made a second time by the save (round 15)."""
        if self.repository.fingerprint() != self.read:
            known = self.records
            self.refresh()
            for institution_id, institution in known.items():  # one merged away since: its rows keep
                self.records.setdefault(institution_id, institution)  # its name until the save follows

    def labels(self) -> list[str]:
        """Every name an institution is known by: typing its Russian name finds the English one; and
        for a name several institutions share, each with its country (`namesakes`), so the one
        meant can be picked."""
        self.follow_changes()
        names = {name for i in (*self.records.values(), *self.new.values()) for name in (i.name, *i.other_names)}
        return sorted(names | set(self.namesakes().values()), key=str.casefold)

    def namesakes(self) -> dict[str, str]:
        """"Ministry of Internal Affairs (Uzbekistan)" for each institution whose name another one
        has too, by id (its country in the window's language; "—" for none)."""
        by_name: dict[str, list[r.Institution]] = {}
        for institution in (*self.records.values(), *self.new.values()):
            by_name.setdefault(fold(institution.name), []).append(institution)
        language = ui_language()
        return {i.id: f"{i.name} ({country_name(i.country, language) if i.country else '—'})"
                for group in by_name.values() if len(group) > 1 for i in group}

    def name(self, institution_id: str | None) -> str:
        if not institution_id:
            return ""
        institution = self.new.get(institution_id) or self.records.get(institution_id)
        return institution.name if institution else ""

    def resolve(self, text: str, current_id: str | None, country: str | None, renaming: bool = False) -> str | None:
        """The institution a typed name means: a known one (see below), else a new one. `renaming`:
        the row holding `current_id` is the only one naming it, so a new (unsaved) institution is
        renamed to the text rather than another added; shared by another row, it keeps its name
        there (round 15: correcting one row renamed the other's institution)."""
        text = text.strip()
        if not text:
            return None
        self.follow_changes()
        folded = fold(text)
        picked = [i for i, label in self.namesakes().items() if fold(label) == folded]
        if picked:  # a namesake picked with its country
            return current_id if current_id in picked else picked[0]
        named = [i for i in (*self.records.values(), *self.new.values())
                 if folded in {fold(n) for n in (i.name, i.acronym or "", *i.other_names) if n}]
        if named:
            # one name, several institutions (every country has a "Ministry of Internal Affairs"): the
            # row's own if it is one of them, else the delegation's country's, else the first (round 14:
            # the first in name order was taken, another country's for all but one delegation)
            return next((i.id for i in named if i.id == current_id), None) or next(
                (i.id for i in named if country and i.country == country), named[0].id)
        if renaming and current_id in self.new:
            self.new[current_id] = replace(self.new[current_id], name=text)
            return current_id
        institution = r.Institution(id=r.new_id(), name=text, country=country)
        self.new[institution.id] = institution
        return institution.id

    def load(self, institution_id: str) -> None:
        """Know an institution the form did not list (one deleted since, or added by another window)."""
        if institution_id not in self.records and institution_id not in self.new:
            with contextlib.suppress(RecordNotFound):
                self.records[institution_id] = self.repository.get(institution_id)

    def new_for(self, institution_ids: set[str]) -> tuple[r.Institution, ...]:
        return tuple(i for iid, i in sorted(self.new.items()) if iid in institution_ids)

    def restore(self, new: tuple[r.Institution, ...]) -> None:
        for institution in new:
            self.new[institution.id] = institution

    def saved(self) -> None:
        """The new institutions are stored now: read the list again, with any another window added
        meanwhile. A save that added none, when no institution changed since the list was read,
        leaves it as it is (reading the list was ~6 % of each form save; issue 19, round 13)."""
        added = bool(self.new)
        self.new.clear()
        if added or self.repository.fingerprint() != self.read:
            self.refresh()
