"""How alike two written names are, on the one folding of `domain/search.py`.

Used by the duplicate finder, the registration lists and the completion of names: one rule for
"is this the same person?" everywhere. Name words are compared with `rapidfuzz` in any order
(surname first or last); every word of the shorter name must match a word of the longer one, so
siblings who share a family name ("Aigerim" vs "Aliya" Zhumabayeva) and the -ov/-ova pair of a
brother and sister are kept apart; a patronymic missing on one side costs nothing.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import permutations

from rapidfuzz.fuzz import ratio

from desktop_app.domain.search import is_patronymic, name_words, typing_fold

# Family-name endings that differ between a man and a woman of the same family.
_FEMININE = (("ova", "ov"), ("eva", "ev"), ("ina", "in"), ("ska", "ski"), ("ka", "ki"))
_VOWEL_SHIFT = str.maketrans("o", "u")  # Uzbek o/u written either way: Oktam/Uktam, Bolat/Bulat


def written_alike(name: str) -> str:
    """The key under which two written names are the same name: case, runs of spaces and ё/е (which
    Russian writes either way) do not matter; nothing else is folded. A name typed into the form is
    a known person's name when the keys agree (a wider likeness is only offered, never assumed)."""
    return " ".join(name.casefold().replace("ё", "е").split())


def _gendered_pair(a: str, b: str) -> bool:
    """Karimov / Karimova: the same family, two different people."""
    for feminine, masculine in _FEMININE:
        if (a.endswith(feminine) and b.endswith(masculine) and a[: -len(feminine)] == b[: -len(masculine)]) or (
                b.endswith(feminine) and a.endswith(masculine) and b[: -len(feminine)] == a[: -len(masculine)]):
            return True
    return False


@lru_cache(maxsize=500_000)
def word_score(a: str, b: str) -> float:
    """How alike two folded name words are (0-100)."""
    if a == b:
        return 100.0
    score = max(ratio(a, b), ratio(a.translate(_VOWEL_SHIFT), b.translate(_VOWEL_SHIFT)) - 5.0)
    return 0.0 if score >= 70.0 and _gendered_pair(a, b) else score


def _without_patronymic(words: tuple[str, ...]) -> tuple[str, ...]:
    kept = tuple(w for w in words if not is_patronymic(w))
    return kept if len(kept) >= 2 else words


@lru_cache(maxsize=500_000)
def words_score(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """How alike two names are (0-100): every word of the shorter name matched to a word of the other,
    in any order; the weakest word match decides, a missing word (not a patronymic) costs a little."""
    if not a or not b:
        return 0.0
    if len(a) != len(b):
        a, b = _without_patronymic(a), _without_patronymic(b)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(long) > 6:
        long = long[:6]
        short = short[:6]
    best = 0.0
    for chosen in permutations(long, len(short)):
        score = min(word_score(x, y) for x, y in zip(short, chosen, strict=True))
        best = max(best, score)
        if best == 100.0:
            break
    if len(short) == 1 and len(long) > 1:
        return best * 0.8  # one word alone is too little to call two people one
    return best - 2.0 * (len(long) - len(short))


def name_score(a: str, b: str) -> float:
    """The similarity of two written names, across scripts, spellings and word order."""
    return words_score(name_words(a), name_words(b))


def _typed_word_score(typed: str, word: str) -> float:
    """How well a word being typed fits a name word: a beginning is a full match, a middle nearly,
    else the fuzzy likeness to the word or to its beginning of the same length."""
    if word == typed:
        return 100.0
    if word.startswith(typed):
        return 99.0
    if typed in word:
        return 90.0
    whole = word_score(typed, word)
    start = word_score(typed, word[:len(typed)]) - 5.0 if len(typed) >= 3 else 0.0
    return max(whole, start)


def typed_score(typed: str, spellings: tuple[str, ...]) -> float:
    """How well what is typed in a name field (perhaps half a word, any order, any script) offers a
    person known by `spellings` (0-100): the best spelling, every typed word placed on a distinct
    word of it, the weakest deciding; a typed patronymic the person is recorded without is skipped."""
    as_typed = tuple(w for w in typing_fold(typed).split() if len(w) > 1)
    return max((_typed_words_score(words, spellings) for words in {name_words(typed), as_typed} if words),
               default=0.0)


def _typed_words_score(typed_words: tuple[str, ...], spellings: tuple[str, ...]) -> float:
    best = 0.0
    for spelling in spellings:
        words = name_words(spelling)
        if not words:
            continue
        wanted = typed_words
        if len(wanted) > len(words):
            wanted = tuple(w for w in wanted if not is_patronymic(w))[:len(words)]
        for chosen in permutations(words, len(wanted)):
            score = min(_typed_word_score(t, w) for t, w in zip(wanted, chosen, strict=True))
            # the typed words in the spelling's own order rank a little higher
            if chosen != tuple(w for w in words if w in chosen):
                score -= 0.5
            best = max(best, score)
    return best
