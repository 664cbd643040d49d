"""Two officers and a coordinator exchanging bundles round after round, in every direction of the
contract's import rules (§2): add, unchanged, newer updates, older ignored, conflicts surfaced and
resolved field by field, and the next round clean."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.services.exchange.exporter import export_bundle
from desktop_app.services.exchange.importer import ImportSummary, Outcome, import_bundle
from desktop_app.services.samples import load_samples

BRUSSELS_2023 = "EU-Central Asia Drug Dialogue 2023"
BISHKEK_2022 = "EU-Central Asia Drug Dialogue 2022"


class Office:
    """One officer's laptop: a database and the bundles it sends."""

    def __init__(self, name: str, folder: Path) -> None:
        self.name = name
        self.folder = folder
        self.path = folder / name / "dialogues.sqlite3"
        self.database: Database = open_database(self.path)
        self.dialogues = DialogueRepository(self.database)
        self.sent = 0

    def send(self, other: Office, dry_run: bool = False) -> ImportSummary:
        self.sent += 1
        bundle = self.folder / f"{self.name}-{self.sent}.json"
        export_bundle(self.database, bundle, source=self.name)
        return import_bundle(other.database, bundle, dry_run=dry_run)

    def dialogue(self, title: str) -> r.Dialogue:
        row = next(row for row in self.dialogues.page().rows if row.title == title)
        return self.dialogues.get(row.id)

    def by_id(self, dialogue_id: str) -> r.Dialogue:
        return self.dialogues.get(dialogue_id)

    def edit(self, dialogue_id: str, **fields: object) -> r.Dialogue:
        return self.dialogues.save(replace(self.by_id(dialogue_id), **fields))

    def dump(self) -> list[str]:
        """Every row of every table: 'nothing was written' means this did not change."""
        connection = sqlite3.connect(self.path)
        try:
            return list(connection.iterdump())
        finally:
            connection.close()


@pytest.fixture
def offices(tmp_path):
    coordinator, aigul, bakyt = (Office(n, tmp_path) for n in ("coordinator", "aigul", "bakyt"))
    load_samples(coordinator.database)
    yield coordinator, aigul, bakyt
    for office in (coordinator, aigul, bakyt):
        office.database.close()


def outcomes(summary: ImportSummary, kind: str = "dialogue") -> dict[str, Outcome]:
    return {o.id: o.outcome for o in summary.outcomes if o.kind == kind}


def test_records_are_added_then_left_alone_and_twice_is_once(offices) -> None:
    coordinator, aigul, _ = offices
    first = coordinator.send(aigul)
    assert first.count(Outcome.ADDED, "dialogue") == 4 and first.count(Outcome.ADDED, "person") == 12
    before = aigul.dump()
    second = coordinator.send(aigul)
    assert second.count(Outcome.UNCHANGED) == len(second.outcomes)
    assert aigul.dump() == before


def test_a_newer_edit_travels_officer_to_coordinator_to_officer(offices) -> None:
    coordinator, aigul, bakyt = offices
    coordinator.send(aigul)
    coordinator.send(bakyt)  # both had the records from the coordinator before
    target = aigul.dialogue(BRUSSELS_2023)
    edited = aigul.edit(target.id, city="Brussels (Justus Lipsius)")

    assert outcomes(aigul.send(coordinator))[target.id] is Outcome.UPDATED
    assert outcomes(coordinator.send(bakyt))[target.id] is Outcome.UPDATED
    arrived = bakyt.by_id(target.id)
    assert arrived.city == "Brussels (Justus Lipsius)"
    assert arrived.updated_at == edited.updated_at  # lossless: their updated_at, not the time of import
    # the same edit sent directly from aigul is now unchanged at bakyt
    assert outcomes(aigul.send(bakyt))[target.id] is Outcome.UNCHANGED


def test_an_older_version_never_overwrites_a_newer_one(offices, tmp_path) -> None:
    coordinator, aigul, _ = offices
    coordinator.send(aigul)
    old_bundle = tmp_path / "old.json"
    export_bundle(coordinator.database, old_bundle, source="coordinator")
    target = coordinator.dialogue(BRUSSELS_2023)
    coordinator.edit(target.id, summary="Newer summary from the coordinator.")
    coordinator.send(aigul)

    summary = import_bundle(aigul.database, old_bundle)  # a stale file arrives late
    assert outcomes(summary)[target.id] is Outcome.KEPT_LOCAL
    assert aigul.by_id(target.id).summary == "Newer summary from the coordinator."


def test_a_dry_run_reports_the_same_and_writes_nothing(offices) -> None:
    coordinator, aigul, bakyt = offices
    coordinator.send(aigul)
    coordinator.send(bakyt)
    brussels = aigul.dialogue(BRUSSELS_2023)
    aigul.edit(brussels.id, city="Brussels (Berlaymont)")
    bakyt.edit(brussels.id, city="Bruxelles")
    before = bakyt.dump()
    rehearsal = aigul.send(bakyt, dry_run=True)
    assert bakyt.dump() == before
    assert rehearsal.dry_run and outcomes(rehearsal)[brussels.id] is Outcome.CONFLICT
    real = import_bundle(bakyt.database, aigul.folder / "aigul-1.json")
    assert [(o.id, o.outcome) for o in real.outcomes] == [(o.id, o.outcome) for o in rehearsal.outcomes]


def test_trash_against_an_edit_made_meanwhile_is_a_conflict_in_both_databases(offices) -> None:
    """Contract §2: a dialogue moved to the trash goes to the trash in the others unless it was
    edited there since; then it is a conflict, like any other, until an officer decides."""
    from desktop_app.services.exchange import conflicts

    coordinator, aigul, _ = offices
    coordinator.send(aigul)
    brussels = aigul.dialogue(BRUSSELS_2023)
    aigul.dialogues.delete(brussels.id)
    coordinator.edit(brussels.id, summary="Coordinator's summary.")
    summary = coordinator.send(aigul)
    [outcome] = [o for o in summary.outcomes if o.id == brussels.id]
    assert outcome.outcome is Outcome.CONFLICT and "trashed" in outcome.fields
    # the summary says where the record is meanwhile (docs/exchange.md), on the conflict's own line
    [line] = [line for line in summary.lines() if brussels.id in line]
    assert line.startswith("  conflict: dialogue") and line.endswith(": trashed [in your trash]"), line
    summary = aigul.send(coordinator)
    [outcome] = [o for o in summary.outcomes if o.id == brussels.id]
    assert outcome.outcome is Outcome.CONFLICT and "trashed" in outcome.fields
    for office in (coordinator, aigul):  # nothing lost meanwhile: the edit is in the record
        assert office.by_id(brussels.id).summary == "Coordinator's summary."
    [waiting] = [c for c in conflicts.open_conflicts(coordinator.database) if c.record_id == brussels.id]
    shown = conflicts.waiting(coordinator.database, waiting.id)
    [trash] = [f for f in shown.fields if f.field == "trashed"]
    assert {v.by for v in trash.versions} == {aigul.database.officer, coordinator.database.officer}
    # the coordinator keeps the edit (restores the dialogue); the choice travels and closes it at aigul
    conflicts.choose(coordinator.database, waiting.id, {"trashed": "ours"})
    assert coordinator.by_id(brussels.id).deleted_at is None
    coordinator.send(aigul)
    assert aigul.by_id(brussels.id).deleted_at is None
    assert not [c for c in conflicts.open_conflicts(aigul.database) if c.record_id == brussels.id]


def test_trash_after_seeing_the_edit_is_no_conflict(offices) -> None:
    coordinator, aigul, _ = offices
    coordinator.send(aigul)
    brussels = aigul.dialogue(BRUSSELS_2023)
    coordinator.edit(brussels.id, summary="Coordinator's summary.")
    coordinator.send(aigul)
    aigul.dialogues.delete(brussels.id)
    summary = aigul.send(coordinator)
    assert outcomes(summary)[brussels.id] is Outcome.UPDATED
    assert coordinator.by_id(brussels.id).deleted_at is not None


def test_trash_kept_after_the_conflict_closes_everywhere(offices) -> None:
    from desktop_app.services.exchange import conflicts

    coordinator, aigul, _ = offices
    coordinator.send(aigul)
    brussels = aigul.dialogue(BRUSSELS_2023)
    aigul.dialogues.delete(brussels.id)
    coordinator.edit(brussels.id, summary="Coordinator's summary.")
    coordinator.send(aigul)
    [waiting] = [c for c in conflicts.open_conflicts(aigul.database) if c.record_id == brussels.id]
    conflicts.choose(aigul.database, waiting.id, {"trashed": "ours"})  # aigul's: in the trash
    aigul.send(coordinator)
    for office in (coordinator, aigul):
        kept = office.by_id(brussels.id)
        assert kept.deleted_at is not None and kept.summary == "Coordinator's summary."
        assert not [c for c in conflicts.open_conflicts(office.database) if c.record_id == brussels.id]


def _dushanbe() -> r.Dialogue:
    from datetime import date

    from desktop_app.domain.enums import DialogueKind

    return r.Dialogue(id=r.new_id(), title="Bilateral meeting in Dushanbe", kind=DialogueKind.BILATERAL,
                      start_date=date(2024, 3, 5))


def test_a_database_of_the_previous_schema_takes_newer_records(tmp_path, offices) -> None:
    """Records from before exchange tracking count as in step: a newer version simply updates them."""
    coordinator = offices[0]
    archive = Path(__file__).parents[1] / "db" / "archives" / "schema-0001.sqlite3"
    shutil.copyfile(archive, tmp_path / "old.sqlite3")
    old = open_database(tmp_path / "old.sqlite3")
    try:
        brussels = coordinator.dialogue(BRUSSELS_2023)
        coordinator.edit(brussels.id, summary="Edited after the upgrade.")
        bundle = tmp_path / "newer.json"
        export_bundle(coordinator.database, bundle, source="coordinator")
        summary = import_bundle(old, bundle)
        assert outcomes(summary)[brussels.id] is Outcome.UPDATED
        assert summary.count(Outcome.CONFLICT) == 0
        assert DialogueRepository(old).get(brussels.id).summary == "Edited after the upgrade."
    finally:
        old.close()

