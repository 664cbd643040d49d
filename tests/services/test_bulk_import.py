"""Importing new records in bulk (issue 19) stores exactly what the one-by-one write path stores, keeps
the reference checks, and the CLI reads and checks a bundle once."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from benchmarks.generate import make_bundle
from desktop_app.cli import main as cli_main
from desktop_app.db import models as m
from desktop_app.db import replica_store
from desktop_app.db.opening import open_database
from desktop_app.domain.errors import UserError
from desktop_app.services.exchange import validation
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import Outcome, import_data

TABLES = ("people", "person_other_names", "institutions", "institution_other_names", "dialogues",
          "dialogue_programmes", "dialogue_frameworks", "dialogue_topics", "agenda_items", "actions",
          "delegations", "participants", "exchange_conflicts")
NOT_COMPARED = {"created_at", "detected_at", "id_"}


def _one_by_one(session: Any, kind: str, states: list[tuple[str, Any]]) -> None:
    """The write path before issue 19: every new record through `store`, one ORM unit each."""
    for record_id, state in states:
        if isinstance(state, replica_store.NewRecord):  # encoded straight from the record: its state's way
            state = state.state()
        replica_store.store(session, kind, record_id, state, check=False)


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    database = open_database(path)
    try:
        with database.reading() as session:
            found = {}
            for table in TABLES:
                columns = [c for c in m.Base.metadata.tables[table].columns
                           if c.name not in NOT_COMPARED and not (table == "exchange_conflicts" and c.name == "id")]
                found[table] = sorted((tuple(row) for row in session.execute(select(*columns))), key=repr)
            return found
    finally:
        database.close()


def _imported(path: Path, data: dict[str, Any], monkeypatch: pytest.MonkeyPatch, bulk: bool) -> Path:
    with monkeypatch.context() as patch:
        if not bulk:
            patch.setattr(replica_store, "store_new", _one_by_one)
        database = open_database(path)
        try:
            summary = import_data(database, json.loads(json.dumps(data)))
        finally:
            database.close()
    assert summary.count(Outcome.ADDED) == len(data["people"]) + len(data["institutions"]) + len(data["dialogues"])
    return path


@pytest.mark.parametrize(("version", "at_once"), [(1, 1000), (2, 1000), (1, 7), (2, 7)])
def test_new_records_in_bulk_are_the_rows_the_one_by_one_path_writes(tmp_path: Path, monkeypatch, version: int,
                                                                     at_once: int) -> None:
    """`at_once`: new records written this many at a time (`importer.NEW_AT_ONCE`): one batch a
    kind, or several (60 people, 12 dialogues in batches of 7)."""
    from desktop_app.services.exchange import importer

    monkeypatch.setattr(importer, "NEW_AT_ONCE", at_once)
    data = make_bundle(12, people=60)
    if version == 2:  # the same records as a version 2 bundle: exported by a database that has them
        source = _imported(tmp_path / "source.sqlite3", data, monkeypatch, bulk=False)
        database = open_database(source)
        try:
            data = build_bundle(database)
        finally:
            database.close()
    bulk = _tables(_imported(tmp_path / "bulk.sqlite3", data, monkeypatch, bulk=True))
    one_by_one = _tables(_imported(tmp_path / "orm.sqlite3", data, monkeypatch, bulk=False))
    assert bulk["participants"] and bulk["dialogues"]
    for table in TABLES:
        assert bulk[table] == one_by_one[table], table


def test_a_new_dialogue_naming_another_dialogues_delegation_is_refused_and_nothing_is_written(
        tmp_path: Path) -> None:
    data = make_bundle(2, people=60)
    database = open_database(tmp_path / "db.sqlite3")
    try:
        import_data(database, {**data, "dialogues": data["dialogues"][:1]})
        before = build_bundle(database)
        stolen = json.loads(json.dumps(data["dialogues"][1]))
        stolen["delegations"][0]["id"] = data["dialogues"][0]["delegations"][0]["id"]
        with pytest.raises(UserError, match="already belongs to another dialogue"):
            import_data(database, {**data, "dialogues": [stolen]})
        after = build_bundle(database)
    finally:
        database.close()
    assert [d["id"] for d in after["dialogues"]] == [d["id"] for d in before["dialogues"]]
    assert after["dialogues"] == before["dialogues"]


def test_the_cli_reads_and_checks_a_bundle_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps(make_bundle(3, people=60), ensure_ascii=False), encoding="utf-8")
    calls = []
    parse = validation.parse_bundle
    monkeypatch.setattr(validation, "parse_bundle", lambda raw, name: calls.append(name) or parse(raw, name))
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert cli_main(["--db", str(tmp_path / "db.sqlite3"), "--officer", "Test", "import", str(bundle)]) == 0
    assert calls == ["bundle.json"]
    assert "Added: 3 dialogues, 60 people" in printed.getvalue()


def test_the_cli_reads_and_merges_a_bundle_with_the_cyclic_collector_paused_and_restores_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector walked every live record of a big bundle over and over (issue 19): off while
    the bundle is read and merged, and while the database is opened and closed around the merge
    with the whole bundle still alive (each pass between the two pauses walked all of it: ≈ 0.08 s
    of 2,000 dialogues); on again after — also after a refused bundle."""
    import gc

    from desktop_app.db.unit_of_work import Database
    from desktop_app.services import startup
    from desktop_app.services.exchange import importer

    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps(make_bundle(2, people=60), ensure_ascii=False), encoding="utf-8")
    enabled: list[tuple[str, bool]] = []
    parse, apply = validation.parse_bundle, importer.apply_bundle
    monkeypatch.setattr(validation, "parse_bundle", lambda raw, name: enabled.append(("read", gc.isenabled()))
                        or parse(raw, name))
    monkeypatch.setattr(importer, "apply_bundle", lambda session, data: enabled.append(("merge", gc.isenabled()))
                        or apply(session, data))
    open_for_work, close = startup.open_for_work, Database.close
    monkeypatch.setattr(startup, "open_for_work", lambda *a, **k: enabled.append(("open", gc.isenabled()))
                        or open_for_work(*a, **k))
    monkeypatch.setattr(Database, "close", lambda self: enabled.append(("close", gc.isenabled())) or close(self))
    assert gc.isenabled()
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli_main(["--db", str(tmp_path / "db.sqlite3"), "--officer", "Test", "import", str(bundle)]) == 0
    assert enabled == [("read", False), ("open", False), ("merge", False), ("close", False)]
    assert gc.isenabled()
    bundle.write_text("{", encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert cli_main(["--db", str(tmp_path / "db.sqlite3"), "--officer", "Test", "import", str(bundle)]) != 0
    assert gc.isenabled()


def test_a_checked_bundle_is_imported_with_the_records_its_check_read_and_stores_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: the records the bundle's check read from each record's JSON are the ones the
    import stores (no second reading), and the rows are those of a bundle read afresh."""
    from desktop_app.services.exchange import codec

    data = make_bundle(12, people=60)
    checked = validation.parse_bundle(json.dumps(data).encode("utf-8"), "bundle.json")
    assert isinstance(checked, validation.CheckedBundle)
    assert all(checked.record_read(item) is not None for item in checked["dialogues"])
    assert checked.record_read(json.loads(json.dumps(checked["dialogues"][0]))) is None  # not that very object
    reads: list[str] = []
    original = codec.dialogue_from_json
    monkeypatch.setattr(codec, "dialogue_from_json", lambda item: reads.append(item["id"]) or original(item))
    database = open_database(tmp_path / "checked.sqlite3")
    try:
        import_data(database, checked)
    finally:
        database.close()
    assert reads == []
    assert checked.read == {}  # each let go of once stored
    monkeypatch.undo()
    assert _tables(tmp_path / "checked.sqlite3") == _tables(_imported(tmp_path / "plain.sqlite3", data, monkeypatch,
                                                                      bulk=True))
