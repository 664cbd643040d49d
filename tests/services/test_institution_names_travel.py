"""An institution's other names (its name in another language, earlier names: issue 16) travel in
every bundle (docs/exchange.md "Fields": institution `name`, `acronym`, `country`, `other_names`).

Until round 15 the export read institutions without them: every bundle carried `"other_names": []`
beside the dot of the edit that had typed them, so the receiver stored that edit as "no other
names" — a concurrent edit of another field elsewhere was enough for the names to vanish in every
office after the next exchange, reported as "updated", with no conflict (found by
`test_people_exchange_machine.py`)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.conflicts import ConflictRepository
from desktop_app.db.repositories.people import InstitutionRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import apply_bundle
from tests.services.replication_world import differences


def _exchange(source: Database, target: Database) -> None:
    bundle = json.loads(json.dumps(build_bundle(source)))
    with target.writing() as session:
        apply_bundle(session, bundle)


def _export(database: Database) -> dict[str, object]:
    bundle = json.loads(json.dumps(build_bundle(database)))
    for key in ("exported_at", "source", "database_id"):
        bundle.pop(key)
    return bundle


def test_an_institutions_other_names_are_in_its_bundle(database: Database) -> None:
    institution = InstitutionRepository(database).save(r.Institution(
        id=r.new_id(), name="Ministry of Health", other_names=("Министерство здравоохранения", "Минздрав")))
    exported = build_bundle(database)["institutions"]
    assert [i["other_names"] for i in exported if i["id"] == institution.id] == [
        ["Министерство здравоохранения", "Минздрав"]]


def test_other_names_typed_in_one_office_survive_an_edit_of_another_field_elsewhere(tmp_path: Path) -> None:
    a, b = (open_database(tmp_path / name / "dialogues.sqlite3") for name in ("a", "b"))
    try:
        a.officer, b.officer = "Officer A", "Officer B"
        ministry = InstitutionRepository(a).save(r.Institution(id=r.new_id(), name="Ministry of Health"))
        _exchange(a, b)
        InstitutionRepository(b).save(replace(InstitutionRepository(b).get(ministry.id), other_names=("Минздрав",)))
        InstitutionRepository(a).save(replace(InstitutionRepository(a).get(ministry.id), acronym="MoH"))

        _exchange(b, a)
        _exchange(a, b)

        for database in (a, b):
            shown = InstitutionRepository(database).get(ministry.id)
            assert (shown.acronym, shown.other_names) == ("MoH", ("Минздрав",))
            assert ConflictRepository(database).open_conflicts() == []
        assert _export(a) == _export(b), differences(_export(a), _export(b))
    finally:
        a.close()
        b.close()
