"""Probable duplicate people: one person written in several scripts and spellings.

"Айгерим Жумабаева", "Aigerim Zhumabayeva", "Jumabaeva Aigerim" are one woman. Names are folded by
the one folding of every search (`domain/search.fold`) and compared by `domain/names.name_score`
(name words in any order, siblings and the -ov/-ova pair of a brother and sister kept apart): the
finder holds no rule of its own about spellings.

Comparing every pair of 50,000 people is 1.25 billion comparisons; instead people are put in blocks
by the first letters of two of their name words, and only people who share a block are compared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations, permutations

from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.names import name_score
from desktop_app.domain.search import name_words

THRESHOLD = 85.0
"""Scores at or above this are offered as probable duplicates (100: the same name after folding)."""

BLOCK_PREFIX = 3
OTHER_PREFIX = 2


def person_score(a: r.Person, b: r.Person) -> float:
    """The best match among every spelling either person is known by."""
    if a.email and b.email and a.email.casefold() == b.email.casefold():
        return 100.0
    if a.sex and b.sex and a.sex != b.sex:
        return 0.0
    return max(name_score(x, y) for x in (a.name, *a.other_names) for y in (b.name, *b.other_names))


_VOWELS = re.compile(r"(?<=.)[aeiou]+")


def _skeleton(word: str) -> str:
    """The word's first letter and its consonants: "tashpulatov"/"toshpulatov" → "tshpltv"."""
    return _VOWELS.sub("", word)


def block_keys(name: str) -> set[str]:
    """Keys that two spellings of one name share. Two kinds, for each ordered pair of words: the first
    three letters of one with the first two of the other ("Usonova"/"Usenova" meet), and the same on
    the consonants alone ("Tashpulatov"/"Toshpulatov", "Muhammad"/"Mohammad" meet). Blocks stay small
    because a key always names two words, so "Aigerim K..." never gathers every Aigerim."""
    words = sorted(set(name_words(name)))
    if len(words) == 1:
        return {words[0][:BLOCK_PREFIX], "~" + _skeleton(words[0])[:BLOCK_PREFIX]}
    keys = {f"{x[:BLOCK_PREFIX]}|{y[:OTHER_PREFIX]}" for x, y in permutations(words, 2)}
    skeletons = [_skeleton(w) for w in words]
    keys |= {f"~{x[:BLOCK_PREFIX]}|{y[:OTHER_PREFIX]}" for x, y in permutations(skeletons, 2)}
    # a first vowel written o or u (Uzbek "Oʻktam"/"Uktam"): the consonant key of one word with the
    # first consonant of the other
    keys |= {f"^{x[:BLOCK_PREFIX]}|{y.lstrip('aeiou')[:1]}" for x, y in permutations(skeletons, 2)}
    return keys


@dataclass(frozen=True)
class DuplicatePair:
    """Two people who are probably one, with how sure we are (0-100)."""

    first: r.Person
    second: r.Person
    score: float


def find_duplicates(people: Iterable[r.Person], threshold: float = THRESHOLD) -> list[DuplicatePair]:
    """Probable duplicate pairs among `people`, the surest first."""
    people = list(people)
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        keys: set[str] = set()
        for spelling in (person.name, *person.other_names):
            keys |= block_keys(spelling)
        for key in keys:
            blocks[key].append(index)
    seen: set[tuple[int, int]] = set()
    pairs: list[DuplicatePair] = []
    for members in blocks.values():
        for i, j in combinations(members, 2):
            if (i, j) in seen:
                continue
            seen.add((i, j))
            score = person_score(people[i], people[j])
            if score >= threshold:
                pairs.append(DuplicatePair(people[i], people[j], round(score, 1)))
    pairs.sort(key=lambda p: (-p.score, p.first.name, p.second.name))
    return pairs


class PeopleIndex:
    """Known people in blocks, so each name on a registration list is compared with a few, not all."""

    def __init__(self, people: Iterable[r.Person], countries: dict[str, str] | None = None) -> None:
        self.people = list(people)
        self.countries = countries or {}  # person id → the country of their latest delegation
        self.by_email = {p.email.casefold(): p for p in self.people if p.email}
        self.blocks: dict[str, list[int]] = defaultdict(list)
        for index, person in enumerate(self.people):
            keys: set[str] = set()
            for spelling in (person.name, *person.other_names):
                keys |= block_keys(spelling)
            for key in keys:
                self.blocks[key].append(index)

    def matches(self, name: str, threshold: float = THRESHOLD) -> list[tuple[r.Person, float]]:
        """People already known who are probably the person called `name`, the surest first."""
        candidates = {i for key in block_keys(name) for i in self.blocks.get(key, ())}
        found = []
        for i in candidates:
            person = self.people[i]
            score = max(name_score(name, s) for s in (person.name, *person.other_names))
            if score >= threshold:
                found.append((person, round(score, 1)))
        found.sort(key=lambda item: (-item[1], item[0].name))
        return found


def all_people(database: Database) -> list[r.Person]:
    """Every person not deleted, as records (the duplicate finder reads them all once)."""
    # no meeting counts: they are not needed here, and counting 50,000 people's took ~45 s (round 17)
    rows = PeopleRepository(database).search(limit=10_000_000, counted=0)
    return [r.Person(id=row.id, name=row.name, other_names=row.other_names, sex=row.sex, email=row.email)
            for row in rows]


def latest_countries(database: Database) -> dict[str, str]:
    """Each person's country as their most recent country delegation says (for registration lists:
    a namesake from another country is offered, not reused)."""
    return PeopleRepository(database).latest_countries()


def find_duplicate_people(database: Database, threshold: float = THRESHOLD) -> list[DuplicatePair]:
    return find_duplicates(all_people(database), threshold)


def merge_people(database: Database, keep_id: str, merge_id: str) -> r.Person:
    """Merge two records of one person; the other spelling is kept in `other_names`."""
    from desktop_app.services.merging import RecordKind, merge_records

    merged = merge_records(database, RecordKind.PERSON, keep_id, merge_id)
    assert isinstance(merged, r.Person)
    return merged


def meetings_in_two_delegations(database: Database, person_id: str) -> list[str]:
    """The titles of the meetings (not in the trash) where the person is in more than one delegation:
    what a merge of two people can leave (both participations are kept; the form warns and the
    officer keeps one). Said after the merge, not left to be found (round 14)."""
    from sqlalchemy import func, select

    from desktop_app.db import models as m

    d, g, p = m.DialogueRow, m.DelegationRow, m.ParticipantRow
    with database.reading() as session:
        return list(session.scalars(
            select(d.title).join(g, g.dialogue_id == d.id).join(p, p.delegation_id == g.id)
            .where(p.person_id == person_id, d.deleted_at.is_(None))
            .group_by(d.id).having(func.count(func.distinct(g.id)) > 1).order_by(d.start_date, d.title)))
