"""The first window's page through sqlite3 (db/first_page.py) is the repository's page query, word
for word, and reads the same rows (issue 19: the list is shown before SQLAlchemy is imported)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.dialects import sqlite

from desktop_app.db.first_page import COUNT_SQL, DialogueSort, page_sql, read_first_page
from desktop_app.db.repositories.dialogues import DialogueRepository, list_count_statement, page_statement
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
    assert str(list_count_statement().compile(dialect=sqlite.dialect())) == COUNT_SQL


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


def _dialogues_copied(path, copies: int) -> None:
    """`copies` more current dialogues, made in SQL from the first one (new ids; the search
    triggers dropped in this copy of the file: only the list's count is read here)."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        for (trigger,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'dialogues'").fetchall():
            connection.execute(f'DROP TRIGGER "{trigger}"')
        columns = [row[1] for row in connection.execute("PRAGMA table_info(dialogues)")]
        chosen = ", ".join("id || '-' || ?" if column == "id" else column for column in columns)
        for copy in range(copies):
            connection.execute(f"INSERT INTO dialogues ({', '.join(columns)}) SELECT {chosen} FROM dialogues "
                               "WHERE deleted_at IS NULL LIMIT 1", (str(copy),))
        connection.commit()
    finally:
        connection.close()


def _steps_of_the_count(path) -> tuple[int, int]:
    """The list's count and the number of SQLite virtual-machine steps it took."""
    import sqlite3

    connection = sqlite3.connect(path)
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    try:
        connection.set_progress_handler(step, 1)
        total = connection.execute(COUNT_SQL).fetchone()[0]
    finally:
        connection.close()
    return total, steps[0]


def test_the_count_does_not_grow_with_the_list(database: Database, tmp_path) -> None:
    """The first window's count takes as many steps at 2,000 dialogues as at 20 (issue 19: counted a
    row at a time, it was the part of the first window that grew with the file, ~31 M instructions
    more at 100,000 than at 2,000): the whole table counted by SQLite's b-tree count, less the
    trash read off its own index. The number is the same: every dialogue not in the trash."""
    import shutil

    repository = DialogueRepository(database)
    for day in range(1, 4):
        repository.save(make_dialogue(f"Dialogue {day}", start_date=date(2024, 3, day)))
    repository.delete(repository.page().rows[0].id)
    database.close()
    small, large = tmp_path / "small.sqlite3", tmp_path / "large.sqlite3"
    shutil.copyfile(database.path, small)
    shutil.copyfile(database.path, large)
    _dialogues_copied(small, 18)
    _dialogues_copied(large, 1998)
    (small_total, small_steps), (large_total, large_steps) = _steps_of_the_count(small), _steps_of_the_count(large)
    assert (small_total, large_total) == (20, 2000)
    assert large_steps == small_steps
