"""Migration 0011_refold folds again the texts an older program stored, so that «Бойко» typed in
either script finds "Sergej Bojko" recorded in 2026 before the folding knew й written j (issue 16)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import select, text

from desktop_app.db import models as m
from desktop_app.db.bulk_reading import dialogue_records
from desktop_app.db.mapping import search_text
from desktop_app.db.migrate import SCHEMA_HEAD
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.search import fold_all, joined_lines

ARCHIVES = Path(__file__).parent / "archives"
OLD = ARCHIVES / "schema-0010_exchange-spellings.sqlite3"


def _stored(path: Path, query: str) -> list[tuple[str, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_an_upgraded_database_finds_bojko_as_boiko_and_ioldoshev_as_yoldoshev(tmp_path) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(OLD, copy)
    # as the older program left it: the j and the i of й kept
    assert ("Sergej Bojko", "sergei bojko") in _stored(copy, "SELECT name, search_name FROM people")
    assert _stored(copy, "SELECT count(*) FROM dialogues WHERE search_text LIKE '%bojko%'") == [(1,)]
    database = open_database(copy)
    try:
        people = PeopleRepository(database)
        for typed in ("Бойко", "Bojko", "Boiko", "Boyko"):
            assert [p.name for p in people.search(typed)] == ["Sergej Bojko"], typed
        assert [p.name for p in people.search("Йолдошев")] == ["Ioldoshev Oibek"]
        assert [p.name for p in people.search("Кайрат Тойчиев")] == ["Kajrat Tojchiev"]
        assert [o.name for o in people.offers("Бойк")][:1] == ["Sergej Bojko"]
        dialogues = DialogueRepository(database)
        for typed in ("Бойко", "Yoldoshev Oybek", "Олий Мажлис", "Oliy Majlis", "bo"):
            assert dialogues.count(r.DialogueFilter(text=typed)) == 1, typed
        with database.reading() as session:
            # every stored text is what the program folds now, from the records themselves: its
            # lines, in their order (an older program wrote a line once more for each spelling that
            # folds alike, which finds nothing more: `joined_lines`, issue 19 round 9; a dialogue
            # saved again is written without them)
            records = dialogue_records(session, select(m.DialogueRow.id))
            stored = dict(session.execute(select(m.DialogueRow.id, m.DialogueRow.search_text)).all())
            assert {d.id: search_text(session, d) for d in records} == {
                key: joined_lines(text.split("\n")) for key, text in stored.items()}
            assert any(joined_lines(text.split("\n")) != text for text in stored.values())  # there were repeats
            for person_id, name in session.execute(select(m.PersonRow.id, m.PersonRow.name)):
                others = session.scalars(select(m.PersonOtherName.name).where(m.PersonOtherName.person_id == person_id)
                                         .order_by(m.PersonOtherName.sort_order)).all()
                assert session.get(m.PersonRow, person_id).search_name == fold_all((name, *others))
            for index in ("dialogue_search", "dialogue_words", "people_search", "people_words"):
                # each index agrees with the texts folded again (raises otherwise)
                session.execute(text(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)"))
    finally:
        database.close()


def test_only_lines_that_fold_otherwise_change(tmp_path) -> None:
    """A line with no "j" and no "io" folds as before and stays as it was; one that has them (the
    EEAS's Russian name, «служба», folded "slujba") is folded again."""
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(OLD, copy)
    query = "SELECT id, search_text FROM dialogues ORDER BY id"
    before = dict(_stored(copy, query))
    open_database(copy).close()
    after = dict(_stored(copy, query))
    for key, old in before.items():
        pairs = list(zip(old.split("\n"), after[key].split("\n"), strict=True))
        assert all(new == line for line, new in pairs if "j" not in line and "io" not in line)
    changed = {line: new for key, old in before.items()
               for line, new in zip(old.split("\n"), after[key].split("\n"), strict=True) if line != new}
    assert changed == {"evropeiska slujba vneshnih svazei": "evropeiska sluiba vneshnih svazei",
                       "oli majlis hearing on drug polici 2026": "oli mailis hearing on drug polici 2026",
                       "sergei bojko": "sergei boiko", "ioldoshev oibek": "eldoshev oibek",
                       "kajrat tojchev": "kairat toichev"}
    assert _stored(copy, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
