"""Probable duplicate people: one person written in several scripts and spellings.

"Айгерим Жумабаева", "Aigerim Zhumabayeva", "Jumabaeva Aigerim" are one woman. We transliterate every
name to ASCII with `anyascii` (it knows the Kazakh, Kyrgyz, Tajik and Uzbek letters), fold the usual
romanisation variants to one spelling (zh/j, kh/h, ye/e, iy/y...), and compare the name *words* with
`rapidfuzz` in any order. Every word of the shorter name must match a word of the longer one, so
siblings who share a family name ("Aigerim" vs "Aliya" Zhumabayeva) and the -ov/-ova pair of a
brother and sister are kept apart.

Comparing every pair of 50,000 people is 1.25 billion comparisons; instead people are put in blocks
by the first letters of two of their name words, and only people who share a block are compared.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, permutations

from anyascii import anyascii
from rapidfuzz.fuzz import ratio

from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r

THRESHOLD = 85.0
"""Scores at or above this are offered as probable duplicates (100: the same name after folding)."""

BLOCK_PREFIX = 3
OTHER_PREFIX = 2

# Romanisation variants that name the same sound, applied in order to a lower-case ASCII word.
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("q", "k"), ("x", "ks"),
    ("ph", "f"), ("w", "v"), ("sch", "sh"), ("tch", "ch"), ("ts", "c"), ("tz", "c"),
    ("yo", "e"), ("ye", "e"), ("ie", "e"), ("yu", "u"), ("iu", "u"), ("ya", "a"), ("ia", "a"),
    ("iy", "i"), ("yi", "i"), ("ii", "i"), ("y", "i"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
)
_APOSTROPHES = "'`ʻʼ’‘´ʹ"
_UZBEK_O = re.compile(r"[oO][ʻ'`’‘]")
_DOUBLED = re.compile(r"(.)\1+")
# Family-name endings that differ between a man and a woman of the same family.
_FEMININE = (("ova", "ov"), ("eva", "ev"), ("ina", "in"), ("aia", "ii"), ("skaa", "ski"), ("kaa", "ki"))


@lru_cache(maxsize=200_000)
def phonetic_word(word: str) -> str:
    """One name word in a spelling-neutral ASCII form: "Жумабаева", "Zhumabayeva", "Jumabaeva" → "jumabaeva"."""
    text = unicodedata.normalize("NFKC", word)
    text = _UZBEK_O.sub("u", text)  # Uzbek Latin oʻ is Cyrillic ў, which transliterates to u
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    text = anyascii(text).lower()
    text = "".join(ch for ch in text if ch.isalpha())
    for old, new in _VARIANTS:
        text = text.replace(old, new)
    return _DOUBLED.sub(r"\1", text)


@lru_cache(maxsize=200_000)
def name_words(name: str) -> tuple[str, ...]:
    """The phonetic words of a name, initials and particles of one letter dropped."""
    parts = re.split(r"[\s,.\-]+", name)
    words = (phonetic_word(p) for p in parts if p)
    return tuple(w for w in words if len(w) > 1)


def _gendered_pair(a: str, b: str) -> bool:
    """Karimov / Karimova: the same family, two different people."""
    for feminine, masculine in _FEMININE:
        if (a.endswith(feminine) and b.endswith(masculine) and a[: -len(feminine)] == b[: -len(masculine)]) or (
                b.endswith(feminine) and a.endswith(masculine) and b[: -len(feminine)] == a[: -len(masculine)]):
            return True
    return False


def _word_score(a: str, b: str) -> float:
    if a == b:
        return 100.0
    score = ratio(a, b)
    return 0.0 if score >= 70.0 and _gendered_pair(a, b) else score


@lru_cache(maxsize=500_000)
def words_score(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """How alike two names are (0-100): every word of the shorter name matched to a word of the other,
    in any order; the weakest word match decides, and a missing word (a patronymic) costs a little."""
    if not a or not b:
        return 0.0
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(long) > 6:
        long = long[:6]
        short = short[:6]
    best = 0.0
    for chosen in permutations(long, len(short)):
        score = min(_word_score(x, y) for x, y in zip(short, chosen, strict=True))
        best = max(best, score)
        if best == 100.0:
            break
    if len(short) == 1 and len(long) > 1:
        return best * 0.8  # one word alone is too little to call two people one
    return best - 2.0 * (len(long) - len(short))


def name_score(a: str, b: str) -> float:
    """The similarity of two written names, across scripts, spellings and word order."""
    return words_score(name_words(a), name_words(b))


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

    def __init__(self, people: Iterable[r.Person]) -> None:
        self.people = list(people)
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
    rows = PeopleRepository(database).search(limit=10_000_000)
    return [r.Person(id=row.id, name=row.name, other_names=row.other_names, sex=row.sex, email=row.email)
            for row in rows]


def find_duplicate_people(database: Database, threshold: float = THRESHOLD) -> list[DuplicatePair]:
    return find_duplicates(all_people(database), threshold)


def merge_people(database: Database, keep_id: str, merge_id: str) -> r.Person:
    """Merge two records of one person; the other spelling is kept in `other_names`."""
    return PeopleRepository(database).merge(keep_id, merge_id)
