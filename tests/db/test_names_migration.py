"""Migration 0007_names folds the stored search texts again, so an upgraded database finds a person
in the spelling the officer types (issue 16), through the same trigram index."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import text

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.search import fold_all

ARCHIVES = Path(__file__).parent / "archives"


def test_an_upgraded_database_finds_people_in_any_spelling(tmp_path) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(ARCHIVES / "schema-0004.sqlite3", copy)
    connection = sqlite3.connect(copy)  # as the old program left it: only case and ё folded
    assert connection.execute("SELECT count(*) FROM dialogues WHERE search_text LIKE '%jumabaeva%'").fetchone()[0] == 0
    connection.close()
    database = open_database(copy)
    try:
        assert DialogueRepository(database).count(r.DialogueFilter(text="Jumabaeva Aigerim")) >= 1
        assert [p.name for p in PeopleRepository(database).search("Jumabaeva")] == ["Aigerim Zhumabayeva"]
        with database.reading() as session:
            stored = dict(session.execute(text("SELECT name, search_name FROM people")).all())
            # the index agrees with the texts folded again (raises otherwise)
            session.execute(text("INSERT INTO dialogue_search (dialogue_search, rank) VALUES ('integrity-check', 1)"))
        assert stored["Aigerim Zhumabayeva"] == fold_all(("Aigerim Zhumabayeva", "Айгерим Жумабаева"))
    finally:
        database.close()
