"""Recall and precision of the completion and the list search on real spellings (issue 16).
The figures are kept in docs/search.md."""

from __future__ import annotations

import pytest

from tests.search.measure import completion_figures, fill, list_search_figures
from tests.search.spelling_table import HARD_NEGATIVES, PAIRS


@pytest.fixture(scope="module")
def table_database(tmp_path_factory):
    from desktop_app.db.opening import open_database

    database = open_database(tmp_path_factory.mktemp("spellings") / "dialogues.sqlite3")
    yield database, fill(database)
    database.close()


def test_the_table_is_large_enough() -> None:
    assert len(PAIRS) >= 60
    assert len(HARD_NEGATIVES) >= 20


def test_completion_finds_the_person_in_any_spelling(table_database) -> None:
    figures = completion_figures(*table_database)
    print(f"\ncompletion: {figures.queries} spellings, recall {figures.recall:.3f}, "
          f"precision {figures.precision:.3f}; missed: {figures.misses}")
    assert figures.recall >= 0.95
    assert figures.precision >= 0.95


def test_the_list_search_finds_the_meetings_of_the_person_in_any_spelling(table_database) -> None:
    figures = list_search_figures(*table_database)
    print(f"\nlist search: {figures.queries} spellings, recall {figures.recall:.3f}, "
          f"precision {figures.precision:.3f}; missed: {figures.misses}")
    assert figures.recall >= 0.95
    assert figures.precision >= 0.95
