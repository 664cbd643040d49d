"""How text is folded for matching: ONE folding used by every search, completion and the
duplicate finder, so that «Нурланов Ерлан», "Yerlan Nurlanov" and "Erlan Nurlanov" meet.

`fold` turns any text into a spelling-neutral lower-case ASCII form: case and diacritics go,
Cyrillic (Russian, Kazakh, Kyrgyz, Tajik, Uzbek) and the Latin alphabets of Central Asia
(official Uzbek oʻ gʻ x, Turkmen ş ç ž ý, Kazakh Latin ä ö ü ğ ñ ı) go through `anyascii`, and
the romanisation variants people really use are brought to one spelling (ж zh/j/dzh, х kh/h/x
(and ks/x, so that Uzbek "Xasanov" and "Alexey"/"Aleksei" both meet),
ё/е, й y/i/j, ю yu/iu, я ya/ia, ҷ j, қ q/k, ғ gh/g, ...). Words stay words (spaces), so a folded
query word is a substring of the folded text exactly when a spelling of it is written there; that
is what the trigram search index (migration 0004, refolded by 0007_names) and the people search
compare. Doubled letters become one ("Nurmukhammed"/"Nurmuhamed").

The folding is the same at save time and at query time; changing it needs a migration that folds
the stored texts again (see 0007_names).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii

# Letters that anyascii spells otherwise than Central Asian passports do, mapped first.
_LETTERS = str.maketrans({
    "ё": "е", "ң": "н", "ғ": "г", "қ": "к", "ҳ": "х", "һ": "х", "ҷ": "ж", "ў": "о",
    "ş": "sh", "ç": "ch", "ž": "zh", "ñ": "n", "ň": "n", "ğ": "g", "ı": "i",
})
_APOSTROPHES = "'`ʻʼ’‘´ʹ"
_NO_APOSTROPHES = str.maketrans("", "", _APOSTROPHES)
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"([a-z])\1+")
_FINAL_J = re.compile(r"(?<=[aeiouy])j\b")  # й at the end of a word in GOST/ISO 9 and German spelling
# й written "i" before o at the start of a word or after a vowel ("Ioldoshev" = «Йолдошев», "Maiorov" =
# «Майоров»): read as "y", so that it folds as "yo" does (the vowels a, e, u after such an "i" already fold).
_I_BEFORE_O = re.compile(r"(?:(?<![a-z])|(?<=[aeiouy]))i(?=o)")
# й written "j" after a vowel and before a consonant or the end of a word ("Bojko" = «Бойко», "Kajrat"):
# applied to the folded spelling, where the j of ж (zh, dzh) is one letter with it, so both scripts agree.
_J_AS_I = re.compile(r"(?<=[aeiou])j(?![aeiou])")
# Romanisation variants that name the same sound, applied in order to lower-case ASCII.
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("q", "k"), ("x", "h"), ("ks", "h"),
    ("ph", "f"), ("w", "v"), ("sch", "sh"), ("tch", "ch"), ("ts", "c"), ("tz", "c"),
    ("yo", "e"), ("ye", "e"), ("ie", "e"), ("yu", "u"), ("iu", "u"), ("ya", "a"), ("ia", "a"),
    ("iy", "i"), ("yi", "i"), ("ii", "i"), ("y", "i"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
)


def fold(text: str) -> str:
    """Any text in the one spelling-neutral form every search and name match compares.

    "Жумабеков Талант", "Jumabekov Talant", "ZHUMABEKOV" → "jumabekov talant"…; "Oʻktam"/"Oktam"/
    "Ўктам" → "oktam"; punctuation becomes a space, digits stay. Short texts (names, words typed)
    are remembered; long ones (a summary) are not, to keep memory bounded."""
    return _fold_short(text) if len(text) <= 200 else _fold(text)


@lru_cache(maxsize=200_000)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    """`_fold_piece` of the whole text, folded word by word (issue 19: the 45,000 words of 2,000
    dialogues' titles, summaries and people's names are 885 different words, so most are folded
    once; 73 → 20 ms of a bundle import). The same text: no step of `_fold_piece` looks across a
    space — NFKC composes nothing with one, casefold and anyascii read letter by letter and keep it,
    and the rules after `_NOT_WORD` match within a word (`\b`, a lookbehind or lookahead read a
    space and the text's end alike) — and its result is its words joined by one space. Only the
    plain space splits: other white space is not always a separator (anyascii drops U+0085).
    tests/domain/test_folding.py holds the two equal for any text."""
    return " ".join(filter(None, map(_fold_word, text.split(" "))))


@lru_cache(maxsize=100_000)
def _fold_word(word: str) -> str:
    return _fold_piece(word)


def _fold_piece(text: str) -> str:
    """The folding of one text (`fold`'s rule), written for any text."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_NO_APOSTROPHES)  # Uzbek oʻ gʻ and the soft sign: the letter stays, the mark goes
    if not text.isascii():  # anyascii reads letter by letter: only where there is something to spell
        text = anyascii(text.translate(_LETTERS)).lower()
    text = text.replace("'", "").replace("`", "")  # the soft and hard signs come out of anyascii as '
    text = _NOT_WORD.sub(" ", text)
    text = _DOUBLED.sub(r"\1", _FINAL_J.sub("i", text))  # Dmitrij = Dmitriy; Iuliia, Çaryýewa: one letter
    text = _I_BEFORE_O.sub("y", text)
    for old, new in _VARIANTS:
        text = text.replace(old, new)
    text = _J_AS_I.sub("i", text)
    return " ".join(_DOUBLED.sub(r"\1", text).split())


def fold_all(parts: Iterable[str | None]) -> str:
    return joined_lines(fold(part) for part in parts if part)


def joined_lines(folded: Iterable[str]) -> str:
    """Folded texts as one stored search text: one a line, each once, in the order first met. A
    person's Latin and Cyrillic names, a party's English and Russian ones, mostly fold alike
    (issue 19, round 9: 37 % of a generated dialogue's text was repeated lines, each one more for
    the search index to build and the file to hold); `text_matches` finds a word within one line,
    so a repeat finds nothing the first does not (tests/domain/test_folding.py)."""
    return "\n".join(dict.fromkeys(folded))


# Endings of a patronymic (after folding): Russian -ovich/-ovna, Kazakh/Kyrgyz -uly/-kyzy,
# Uzbek -oʻgʻli/-qizi. A name matches with or without it.
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna", "uli", "ulu", "kizi", "ogli", "ugli")


def is_patronymic(word: str) -> bool:
    """Whether a folded name word is a patronymic (or the separate word "uly"/"kyzy" of one)."""
    return word.endswith(_PATRONYMIC_ENDINGS)


# Letters that begin a spelling variant, so that their folding depends on the letter typed next
# ("Kazak" → "Kazakh" folds to "kazah"): at the end of what is typed so far they are left out.
_OPEN_ENDINGS = frozenset("kzdstgyipoej" "иыйежҷ")


def typing_fold(text: str) -> str:
    """The folding of a text still being typed: `fold`, less a last letter whose folding the next
    letter could change, so that every prefix of a name keeps finding it ("Kazak" finds
    "Kazakhstan", "Bak" finds "Bakhyt")."""
    stripped = text.rstrip()
    if stripped and not text[-1].isspace() and stripped[-1].casefold() in _OPEN_ENDINGS:
        shorter = fold(stripped[:-1])
        if len(shorter.split()[-1] if shorter.split() else "") >= 2 or (shorter and len(shorter.split()) > 1):
            return shorter
    return fold(text)


def query_words(query: str | None) -> list[str]:
    """The folded words a search must find. In a name of three words or more, a patronymic is
    optional: "Nurlanov Yerlan Bolatovich" finds «Нурланов Ерлан» recorded without it."""
    words = [word for word in fold(query or "").split() if word]
    if len(words) >= 3:
        required = [word for word in words if not is_patronymic(word)]
        if len(required) >= 2:
            return required
    return words


# The shortest word the trigram indexes find as a substring; shorter words are looked up in the
# word indexes (migration 0010_search) as the beginning of a word.
TRIGRAM = 3


def text_matches(folded: str, words: Iterable[str]) -> bool:
    """THE rule of every search over folded text (the list, the People page), written as a plain
    scan: each word of three characters or more is found anywhere in the text (while it is typed, a
    word is often a piece of a word); a shorter one must begin a word ("KZ", "ЕС", "Nu…"): two
    letters inside a word match nearly every text and say nothing. The indexes of migrations 0004
    and 0010_search answer exactly this, without reading the texts (tests/db/test_search_rule.py)."""
    tokens = folded.split()
    return all(word in folded if len(word) >= TRIGRAM else any(token.startswith(word) for token in tokens)
               for word in words)


@lru_cache(maxsize=200_000)
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name, initials and particles of one letter dropped."""
    return tuple(word for word in fold(name).split() if len(word) > 1)
