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
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.db import replica_store
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import record_fields as rf
from desktop_app.domain import reference
from desktop_app.domain import replication as rp
from desktop_app.domain.enums import Role
from desktop_app.domain.errors import UserError
from desktop_app.services.dialogues import save_dialogue
from desktop_app.services.exchange import codec, importer
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


_REFS = sorted({o.ref for o in reference.organisations() if o.ref})
_PARTIES = st.sampled_from([
    {"type": "country", "code": "KZ", "ref": "iso3166:KZ"}, {"type": "country", "code": "KZ"},
    {"type": "country", "code": "KZ", "ref": "iso3166:UZ"}, {"type": "country", "code": "KZ", "ref": None},
    {"type": "country", "code": "KZ", "ref": "unknown:1"}, {"type": "organisation", "name": "EMCDDA"},
    {"type": "organisation", "name": "Europol", "ref": _REFS[0]},
    {"type": "organisation", "name": "European Union Drugs Agency", "ref": "euda"},
    {"type": "organisation", "name": "EMCDDA", "ref": "euda"}, {"type": "organisation", "name": "A free name"},
    {"type": "organisation", "name": "A free name", "ref": "euda"}, {"type": "organisation", "name": "Europol",
                                                                     "ref": "iso3166:KZ"}])
_V2 = {kind: [rp.encode(kind, item["id"], importer._v1_state(kind, item, "a bundle"))
              for item in make_bundle(3, people=60)[PLURAL]] for kind, PLURAL in
       (("dialogue", "dialogues"), ("person", "people"), ("institution", "institutions"))}


@st.composite
def checked_v2_records(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A version 2 record as a checked bundle holds it, with parties whose `ref` reads otherwise (or
    not), in the trash or not, and a time of its edit other than its `updated_at`."""
    kind = draw(st.sampled_from(["dialogue", "dialogue", "person", "institution"]))
    record = json.loads(json.dumps(draw(st.sampled_from(_V2[kind]))))
    if kind == "dialogue":
        places = [(record, "chair"), *((a, "presenter") for a in record["agenda"]),
                  *((d, "party") for d in record["delegations"])]
        for _ in range(draw(st.integers(0, 4))):
            place, name = draw(st.sampled_from(places))
            place[name] = draw(_PARTIES if name == "party" else st.one_of(st.none(), _PARTIES))
        record["trashed"] = draw(st.sampled_from([False, True]))
        if record["actions"] and draw(st.booleans()):
            record["actions"][0]["id"] = ""
    (author,) = record["replica"]["authors"].values()
    author[1] = draw(st.sampled_from([author[1], None, "2030-05-06T07:08:09Z", "2030-05-06T07:08:09.123+02:00"]))
    record["updated_at"] = draw(st.sampled_from([record.get("updated_at"), "2031-01-01T00:00:00Z"]))
    return kind, record


@settings(max_examples=200, deadline=None)
@given(checked_v2_records())
def test_a_version_2_record_new_here_shows_what_its_encoding_shows(sent: tuple[str, dict[str, Any]]) -> None:
    """The record the bundle's check read, when taken, is the one `record_of` reads from the encoding."""
    kind, item = sent
    read = {"dialogue": codec.dialogue_from_json, "person": codec.person_from_json,
            "institution": codec.institution_from_json}[kind](item)
    new = importer._v2_new(kind, item, {}, read)
    assert new is not None
    assert new.shown is None or new.shown == rf.record_of(kind, new.encoded)
    usual = kind != "dialogue" or (not item["trashed"] and all(a["id"] for a in item["actions"]) and all(
        p.get("ref") in (None, reference.party_ref(codec.party_from_json(p))) for p in _parties(item)))
    if usual:
        assert new.shown is not None  # the usual record (its parties' own refs or none): taken
    assert importer._v2_new(kind, item, {}).shown is None  # nothing read: read from the encoding


def _parties(item: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in (item.get("chair"), *(a["presenter"] for a in item["agenda"]),
                        *(d["party"] for d in item["delegations"])) if p is not None]
