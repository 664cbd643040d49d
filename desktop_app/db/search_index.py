"""The search indexes as SQL conditions: ONE place that turns folded query words into FTS5 queries
over a trigram index (words of three characters or more, anywhere in the text: migration 0004 for
the dialogues, 0010_search for people) and a word index (shorter words, at the beginning of a
word: 0010_search). Together they answer `domain.search.text_matches` without reading any text.

Every word is quoted, so what was typed is only ever text to find (never FTS syntax such as OR,
NEAR or *); the folded words hold only letters and digits anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Select, func, literal_column, or_, select, table, text
from sqlalchemy.orm import QueryableAttribute

from desktop_app.domain.search import TRIGRAM


@dataclass(frozen=True)
class SearchIndexes:
    """The two FTS5 tables over one folded column of `owner` (joined on rowid)."""

    owner: str
    trigrams: str
    words: str
    terms: str  # every word of the folded texts, once (migration 0012_search_speed)


DIALOGUES = SearchIndexes("dialogues", "dialogue_search", "dialogue_words", "dialogue_terms")
PEOPLE = SearchIndexes("people", "people_search", "people_words", "people_terms")


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def trigram_query(words: list[str]) -> str | None:
    """FTS5 query of the trigram index for the words it can find (each a substring)."""
    return " AND ".join(_quoted(word) for word in words if len(word) >= TRIGRAM) or None


def words_query(words: list[str]) -> str | None:
    """FTS5 query of the word index for the short words (each the beginning of a word)."""
    return " AND ".join(_quoted(word) + "*" for word in words if len(word) < TRIGRAM) or None


def index_queries(indexes: SearchIndexes, words: list[str]) -> list[tuple[str, str]]:
    """(FTS5 table, its MATCH query) for each index the words need: one or two."""
    found = []
    if query := trigram_query(words):
        found.append((indexes.trigrams, query))
    if query := words_query(words):
        found.append((indexes.words, query))
    return found


# A word of three characters or more held by more stored words than this is looked up in the
# trigram index instead (an OR of hundreds of words costs more than the phrase walk it replaces).
MOST_TERMS = 64
_PLAIN = re.compile(r"[a-z0-9]+")  # what a folded word and a `unicode61` token of one are
NOTHING = ""  # a query no text matches: a word held by no stored word


def planned_queries(connection: Connection, indexes: SearchIndexes, words: list[str]) -> list[tuple[str, str]]:
    """`index_queries`, but answered by the word index alone when it can (issue 19): a word of three
    characters or more becomes the OR of the stored words holding it (`indexes.terms`, kept by the
    triggers of 0012_search_speed), so one FTS5 query without positions finds every word —
    ~1-3 ms where the trigram phrase walk took ~80 ms for "tokaibekova" at 100,000 dialogues.
    `[(words index, NOTHING)]` when a word is in no stored word; the trigram index as before when a
    word is in too many (`MOST_TERMS`) or is not a plain folded word."""
    parts = []
    for word in words:
        if len(word) < TRIGRAM:
            parts.append(_quoted(word) + "*")
            continue
        if not _PLAIN.fullmatch(word):
            return index_queries(indexes, words)
        holding = [term for (term,) in connection.execute(
            text(f"SELECT term FROM {indexes.terms} WHERE instr(term, :word) > 0 LIMIT :most"),
            {"word": word, "most": MOST_TERMS + 1})]
        if len(holding) > MOST_TERMS or not all(_PLAIN.fullmatch(term) for term in holding):
            return index_queries(indexes, words)
        if not holding:
            return [(indexes.words, NOTHING)]
        parts.append("(" + " OR ".join(_quoted(term) for term in holding) + ")")
    return [(indexes.words, " AND ".join(parts))] if parts else []


def matching_rowids(index: str, query: str) -> Select[tuple[int]]:
    return select(literal_column("rowid")).select_from(table(index)).where(literal_column(index).op("MATCH")(query))


def conditions(indexes: SearchIndexes, words: list[str], queries: list[tuple[str, str]] | None = None,
               driving: bool = True) -> list[ColumnElement[bool]]:
    """`owner.rowid IN (matches)` for each index the words need (`queries`: as `planned_queries`
    made them); none for no words. `driving=False`: `+rowid`, so SQLite reads the rows through
    another index and looks each up in the matches, never the other way round."""
    rowid: ColumnElement[int] = literal_column(f"{'' if driving else '+'}{indexes.owner}.rowid")
    if queries is None:
        queries = index_queries(indexes, words)
    return [rowid.in_(matching_rowids(index, query)) if query != NOTHING else literal_column("0") == 1
            for index, query in queries]


def any_of(indexes: SearchIndexes, words: list[str]) -> ColumnElement[bool]:
    """`owner.rowid IN (matches)` for a text holding at least one of these words of three
    characters or more (the person completion's near candidates)."""
    query = " OR ".join(_quoted(word) for word in words if len(word) >= TRIGRAM)
    return literal_column(f"{indexes.owner}.rowid").in_(matching_rowids(indexes.trigrams, query))


def scanned(folded: ColumnElement[str] | QueryableAttribute[str], words: list[str]) -> list[ColumnElement[bool]]:
    """`domain.search.text_matches` as SQL over the stored folded text itself, for a page read
    along the sort when matches are many (issue 19: SQLite stops once the page is full, where an
    index's matches would all be gathered first). A word of three characters or more is found
    anywhere (`instr`); a shorter one begins the text or follows a space or a line break — the
    only separators a folded text holds (`fold` joins words with one space, `fold_all` parts with a
    line break). tests/db/test_search_rule.py holds it to the rule."""
    found: list[ColumnElement[bool]] = []
    for word in words:
        if len(word) >= TRIGRAM:
            found.append(func.instr(folded, word) > 0)
        else:
            found.append(or_(func.substr(folded, 1, len(word)) == word, func.instr(folded, " " + word) > 0,
                             func.instr(folded, "\n" + word) > 0))
    return found
