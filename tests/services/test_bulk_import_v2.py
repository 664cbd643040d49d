"""A version 2 bundle's records new here (issue 19): encoded straight from the bundle's JSON
(`replication.encode_received`) and written in bulk, they are stored exactly as the state's way
stores them — in bulk or one by one through `store` — with what the officer is told, for plain
records (one edit each), records edited again, trashed, with people merged, and records naming a
person a tombstone of the same bundle merged away."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import make_bundle
from desktop_app.db import replica_store
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import replication as rp
from desktop_app.domain.enums import Role
from desktop_app.domain.errors import UserError
from desktop_app.services.dialogues import save_dialogue
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import import_data
from tests.services.test_bulk_import import _one_by_one, _tables


def _bundles(folder: Path) -> dict[str, dict[str, Any]]:
    """Version 2 bundles of one database: its records as imported once (`plain`), after edits of
    every kind (`edited`), and `plain` with the tombstones of `edited` (merged people redirect)."""
    data = make_bundle(8, people=60)
    database = open_database(folder / "source.sqlite3")
    try:
        import_data(database, json.loads(json.dumps(data)))
        plain = build_bundle(database)
        dialogues = DialogueRepository(database)
        first, second, third = (dialogues.get(d["id"]) for d in data["dialogues"][:3])
        save_dialogue(database, replace(first, city="Riga", summary="edited again"))
        delegation = second.delegations[0]
        member = next(p for p in delegation.participants if p.role is not Role.HEAD)
        save_dialogue(database, replace(second, delegations=(
            replace(delegation, participants=tuple(replace(p, position="Adviser") if p is member else p
                                                   for p in delegation.participants)), *second.delegations[1:])))
        dialogues.delete(third.id)  # to the trash
        named = [p.person_id for d in first.delegations for p in d.participants]
        for kept in named[4:]:  # two people of the first dialogue never in one delegation
            try:
                PeopleRepository(database).merge(kept, named[0])
                break
            except UserError:
                continue
        edited = build_bundle(database)
    finally:
        database.close()
    assert edited["deleted"] and not plain["deleted"]
    return {"plain": plain, "edited": edited, "plain with merges": {**plain, "deleted": edited["deleted"]}}


def _imported(path: Path, data: dict[str, Any], monkeypatch: pytest.MonkeyPatch, way: str) -> list[tuple[Any, ...]]:
    with monkeypatch.context() as patch:
        if way == "one by one":
            patch.setattr(replica_store, "store_new", _one_by_one)
        if way in ("one by one", "state's way in bulk"):
            patch.setattr(rp, "encode_received", lambda kind, record, kept: None)
        database = open_database(path)
        try:
            summary = import_data(database, json.loads(json.dumps(data)))
        finally:
            database.close()
    return sorted(((o.kind, o.id, o.label, o.outcome, o.fields, o.note) for o in summary.outcomes), key=repr)


def test_new_records_of_a_version_2_bundle_are_stored_as_the_states_way_stores_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, data in _bundles(tmp_path).items():
        stored, told = {}, {}
        for way in ("fast", "state's way in bulk", "one by one"):
            path = tmp_path / f"{name}-{way}.sqlite3"
            told[way] = _imported(path, data, monkeypatch, way)
            stored[way] = _tables(path)
        for way in ("state's way in bulk", "one by one"):
            assert told["fast"] == told[way], (name, way)
            for table, rows in stored["fast"].items():
                assert rows == stored[way][table], (name, way, table)


def test_a_plain_version_2_bundle_is_stored_without_a_state_per_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: what the bundle carries is stored as it is (no `decode`, `redirect`, `encode_shown`)."""
    data = _bundles(tmp_path)["plain"]
    calls: list[str] = []
    for name in ("decode", "redirect", "encode_shown"):
        original = getattr(rp, name)
        monkeypatch.setattr(rp, name, lambda *a, _name=name, _original=original, **k: calls.append(_name)
                            or _original(*a, **k))
    database = open_database(tmp_path / "fresh.sqlite3")
    try:
        import_data(database, json.loads(json.dumps(data)))
    finally:
        database.close()
    assert calls == []
