"""A bulk load's dialogues take the folded names of the people the same load wrote from memory
(issue 19: not read back from the file), and only while that is still what the file holds: a person
written again or removed after the load wrote them is read from the file; outside a load nothing
is remembered."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from benchmarks.generate import make_bundle
from desktop_app.db import bulk_writing, mapping, replica_store
from desktop_app.db import models as m
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.people import write_person
from desktop_app.domain.search import fold
from desktop_app.services.exchange import codec
from desktop_app.services.exchange.importer import import_data

NOW = datetime(2026, 12, 3, tzinfo=UTC)


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    read: list[set[str]] = []
    people_names = mapping.people_names

    def counted(session: Any, person_ids: Any) -> Any:
        read.append(set(person_ids))
        return people_names(session, person_ids)

    monkeypatch.setattr(mapping, "people_names", counted)
    return read


def test_an_import_into_an_empty_file_reads_no_name_back_and_stores_the_search_texts_of_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = make_bundle(6, people=40)
    read = _counting_reads(monkeypatch)
    database = open_database(tmp_path / "d.sqlite3")
    try:
        import_data(database, json.loads(json.dumps(data)))
        assert read == []  # every person the dialogues name was written by the same load
        with database.reading() as session:
            stored = dict(session.execute(select(m.DialogueRow.id, m.DialogueRow.search_text)).all())
            dialogues = [codec.dialogue_from_json(item) for item in data["dialogues"]]
            assert len(stored) == len(dialogues) == 6
            for dialogue in dialogues:  # what a one-by-one save reads from the file
                assert stored[dialogue.id] == mapping.search_text(session, dialogue)
            assert mapping.LOADED_NAMES not in session.info
    finally:
        database.close()


def _load(tmp_path: Path) -> tuple[Any, list[Any], list[Any]]:
    data = make_bundle(2, people=40)
    people = [codec.person_from_json(item) for item in data["people"]]
    database = open_database(tmp_path / "d.sqlite3")
    with database.writing() as session:  # the institutions the dialogues name
        bulk_writing.insert_institutions(session, _rows([codec.institution_from_json(item)
                                                         for item in data["institutions"]]), NOW)
    dialogues = [codec.dialogue_from_json(item) for item in data["dialogues"]]
    return database, people, dialogues


def _rows(records: list[Any]) -> list[bulk_writing.NewRow]:
    return [bulk_writing.NewRow(record, NOW, "{}") for record in records]


def _named(dialogue: Any) -> str:
    return dialogue.delegations[0].participants[0].person_id


@pytest.mark.parametrize("change", ["written again", "removed and written again"])
def test_a_person_written_again_during_a_load_is_read_from_the_file(tmp_path: Path, change: str) -> None:
    database, people, dialogues = _load(tmp_path)
    try:
        with database.writing() as session, bulk_writing.loading(session):
            bulk_writing.insert_people(session, _rows(people), NOW)
            person = next(p for p in people if p.id == _named(dialogues[0]))
            assert session.info[mapping.LOADED_NAMES][person.id] == mapping.person_folded(
                (person.name, *person.other_names))
            if change == "removed and written again":
                session.flush()
                replica_store.remove(session, "person", person.id)
                assert person.id not in session.info[mapping.LOADED_NAMES]
            renamed = replace(person, name="Zhyldyz Renamedova", other_names=("Жылдыз Переименова",),
                              revision=0 if change == "removed and written again" else 1)
            write_person(session, renamed, NOW)
            session.flush()
            assert person.id not in session.info[mapping.LOADED_NAMES]
            bulk_writing.insert_dialogues(session, _rows(dialogues), NOW)
            text = session.scalar(select(m.DialogueRow.search_text).where(m.DialogueRow.id == dialogues[0].id))
            assert fold("Zhyldyz Renamedova") in text.split("\n")
            assert fold(person.name) not in text.split("\n")
            assert text == mapping.search_text(session, dialogues[0])
    finally:
        database.close()


def test_outside_a_load_nothing_is_remembered_and_names_are_read(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    database, people, dialogues = _load(tmp_path)
    read = _counting_reads(monkeypatch)
    try:
        with database.writing() as session:
            bulk_writing.insert_people(session, _rows(people), NOW)
            assert mapping.LOADED_NAMES not in session.info
            bulk_writing.insert_dialogues(session, _rows(dialogues), NOW)
            assert read and _named(dialogues[0]) in read[0]
            text = session.scalar(select(m.DialogueRow.search_text).where(m.DialogueRow.id == dialogues[0].id))
            assert text == mapping.search_text(session, dialogues[0])
    finally:
        database.close()


def test_a_load_forgets_its_people_when_it_ends_even_by_an_error(tmp_path: Path) -> None:
    database, people, _ = _load(tmp_path)
    try:
        with pytest.raises(RuntimeError), database.writing() as session, bulk_writing.loading(session):
            bulk_writing.insert_people(session, _rows(people), NOW)
            assert len(session.info[mapping.LOADED_NAMES]) == len(people)
            raise RuntimeError("stop")
        assert mapping.LOADED_NAMES not in session.info
    finally:
        database.close()
