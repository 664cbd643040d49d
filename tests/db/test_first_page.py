"""The first window's page through sqlite3 (db/first_page.py) is the repository's page query, word
for word, and reads the same rows (issue 19: the list is shown before SQLAlchemy is imported)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.dialects import sqlite

from desktop_app.db import models as m
from desktop_app.db.first_page import COUNT_SQL, DialogueSort, page_sql, read_first_page
from desktop_app.db.repositories.dialogues import DialogueRepository, filter_conditions, page_statement
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from tests.factories import make_dialogue


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("sort", list(DialogueSort))
def test_the_text_is_the_repositorys_query(sort: DialogueSort, descending: bool) -> None:
    compiled = page_statement(r.EMPTY_FILTER, sort, descending, 0, 200).compile(dialect=sqlite.dialect())
    assert str(compiled) == page_sql(sort, descending)
    assert list(compiled.params.values()) == [200, 0]  # LIMIT ? OFFSET ?, in that order


def test_the_count_is_the_repositorys_count() -> None:
    count = select(func.count()).select_from(m.DialogueRow).where(*filter_conditions(r.EMPTY_FILTER))
    assert str(count.compile(dialect=sqlite.dialect())) == COUNT_SQL


@pytest.mark.parametrize("sort", [DialogueSort.DATE, DialogueSort.CHAIR, DialogueSort.SERIES])
def test_the_rows_are_the_repositorys(database: Database, sort: DialogueSort) -> None:
    repository = DialogueRepository(database)
    for day in range(1, 8):
        repository.save(make_dialogue(f"Dialogue {day}", start_date=date(2024, 3, day),
                                      series=None if day % 3 else "Human rights",
                                      chair=r.Party.organisation("EEAS") if day % 2 else r.Party.country("KZ")))
    repository.delete(repository.page().rows[0].id)  # the trash is not on the list
    for descending in (True, False):
        assert read_first_page(database.path, sort, descending, limit=4) == \
            repository.page(sort=sort, descending=descending, limit=4)


def test_a_file_gone_bad_since_opening_is_one_sentence(tmp_path) -> None:
    """The first page is read after the checks; a file damaged in between is said in one sentence
    (as the repository's reading says it), never a traceback."""
    from desktop_app.domain.errors import UserError

    path = tmp_path / "scribbled.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    with pytest.raises(UserError, match="damaged"):
        read_first_page(path)
