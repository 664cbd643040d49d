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
from desktop_app.db.repositories.conflicts import ConflictRepository
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import Role
from desktop_app.services.exchange import conflicts as resolution
from desktop_app.services.exchange.exporter import build_bundle, export_bundle
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


def test_edits_on_both_sides_are_a_conflict_and_everything_else_still_applies(offices) -> None:
    coordinator, aigul, bakyt = offices
    coordinator.send(aigul)
    coordinator.send(bakyt)
    brussels, bishkek = aigul.dialogue(BRUSSELS_2023), aigul.dialogue(BISHKEK_2022)
    aigul.edit(brussels.id, title="EU-Central Asia Drug Dialogue 2023 (Brussels)")
    aigul.edit(bishkek.id, summary="Aigul's summary of Bishkek.")
    ours = bakyt.edit(brussels.id, city="Bruxelles")

    summary = aigul.send(bakyt)
    assert outcomes(summary)[brussels.id] is Outcome.CONFLICT
    assert outcomes(summary)[bishkek.id] is Outcome.UPDATED  # the rest of the bundle still lands
    conflict = next(o for o in summary.outcomes if o.outcome is Outcome.CONFLICT)
    assert set(conflict.fields) == {"title", "city"}
    kept = bakyt.by_id(brussels.id)
    assert (kept.title, kept.city, kept.updated_at) == (ours.title, "Bruxelles", ours.updated_at)
    assert bakyt.by_id(bishkek.id).summary == "Aigul's summary of Bishkek."
    waiting = ConflictRepository(bakyt.database).open_conflicts()
    assert [(c.record_id, set(c.fields), c.source) for c in waiting] == [(brussels.id, {"title", "city"}, "aigul")]
    assert "conflict: dialogue" in "\n".join(summary.lines())

    before = bakyt.dump()  # the same bundle again: the conflict is reported again, nothing is written
    again = import_bundle(bakyt.database, bakyt.folder / "aigul-1.json")
    assert outcomes(again)[brussels.id] is Outcome.CONFLICT
    assert bakyt.dump() == before


def test_a_conflict_resolved_field_by_field_and_the_next_round_is_clean(offices) -> None:
    coordinator, aigul, bakyt = offices
    coordinator.send(aigul)
    coordinator.send(bakyt)
    brussels = aigul.dialogue(BRUSSELS_2023)
    aigul.edit(brussels.id, title="EU-Central Asia Drug Dialogue 2023 (Brussels)", topics=("drug policy",))
    bakyt.edit(brussels.id, city="Bruxelles")
    aigul.send(bakyt)

    [conflict] = resolution.open_conflicts(bakyt.database)
    shown = resolution.compare(bakyt.database, conflict.id)
    assert {f.field for f in shown.differing()} == {"title", "city", "topics"}
    city = next(f for f in shown.fields if f.field == "city")
    assert (city.ours_text, city.theirs_text) == ("Bruxelles", "Brussels")
    delegations = next(f for f in shown.fields if f.field == "delegations")
    assert not delegations.differs and "Kazakhstan" in delegations.ours_text

    resolution.resolve(bakyt.database, conflict.id, {"title": "theirs", "topics": "theirs", "city": "ours"},
                       expected_revision=shown.our_revision)
    merged = bakyt.by_id(brussels.id)
    assert (merged.title, merged.city, merged.topics) == (
        "EU-Central Asia Drug Dialogue 2023 (Brussels)", "Bruxelles", ("drug policy",))
    assert resolution.open_conflicts(bakyt.database) == []

    # aigul is shown what bakyt kept of his own (the city) once, and takes it
    assert outcomes(bakyt.send(aigul))[brussels.id] is Outcome.CONFLICT
    [theirs] = resolution.open_conflicts(aigul.database)
    assert theirs.fields == ("city",)
    resolution.resolve(aigul.database, theirs.id, {"city": "theirs"})
    assert aigul.by_id(brussels.id) == replace(merged, revision=aigul.by_id(brussels.id).revision)

    # next round, in every direction: nothing to do, nothing in conflict
    for sender, receiver in ((aigul, bakyt), (bakyt, aigul), (aigul, coordinator), (coordinator, bakyt),
                             (coordinator, aigul)):
        summary = sender.send(receiver)
        assert summary.count(Outcome.CONFLICT) == 0, (sender.name, receiver.name, summary.lines())
    assert build_bundle(aigul.database)["dialogues"] == build_bundle(bakyt.database)["dialogues"]
    assert build_bundle(coordinator.database)["dialogues"] == build_bundle(aigul.database)["dialogues"]


def test_taking_theirs_for_every_field_takes_their_version_as_it_is(offices) -> None:
    coordinator, aigul, bakyt = offices
    coordinator.send(aigul)
    coordinator.send(bakyt)
    brussels = aigul.dialogue(BRUSSELS_2023)
    theirs = aigul.edit(brussels.id, city="Brussels, Europa building")
    bakyt.edit(brussels.id, city="Bruxelles")
    aigul.send(bakyt)
    [conflict] = resolution.open_conflicts(bakyt.database)
    resolution.resolve(bakyt.database, conflict.id, {"city": "theirs"})
    assert bakyt.by_id(brussels.id).updated_at == theirs.updated_at
    # ... so aigul's next edit is a plain update at bakyt, not a new conflict
    aigul.edit(brussels.id, summary="Later edit by Aigul.")
    assert outcomes(aigul.send(bakyt))[brussels.id] is Outcome.UPDATED
    assert outcomes(bakyt.send(aigul))[brussels.id] is Outcome.UNCHANGED


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


def test_a_dialogue_in_the_trash_takes_their_edit_and_stays_in_the_trash(offices) -> None:
    coordinator, aigul, _ = offices
    coordinator.send(aigul)
    brussels = aigul.dialogue(BRUSSELS_2023)
    aigul.dialogues.delete(brussels.id)
    coordinator.edit(brussels.id, summary="Coordinator's summary.")
    summary = coordinator.send(aigul)
    [outcome] = [o for o in summary.outcomes if o.id == brussels.id]
    assert outcome.outcome is Outcome.UPDATED and outcome.note == "in your trash"
    kept = aigul.by_id(brussels.id)
    assert kept.deleted_at is not None and kept.summary == "Coordinator's summary."


def test_people_new_in_a_conflicting_dialogue_arrive_and_theirs_can_be_taken(offices) -> None:
    coordinator, aigul, bakyt = offices
    coordinator.send(aigul)
    coordinator.send(bakyt)
    brussels = aigul.dialogue(BRUSSELS_2023)
    newcomer = PeopleRepository(aigul.database).save(r.Person(id=r.new_id(), name="Nurlan Abenov"))
    first = brussels.delegations[0]
    grown = replace(first, participants=(*first.participants,
                                         r.Participant(id=r.new_id(), person_id=newcomer.id, role=Role.MEMBER)))
    aigul.edit(brussels.id, delegations=(grown, *brussels.delegations[1:]))
    bakyt.edit(brussels.id, summary="Bakyt's summary.")

    summary = aigul.send(bakyt)
    assert outcomes(summary)[brussels.id] is Outcome.CONFLICT
    assert outcomes(summary, "person")[newcomer.id] is Outcome.ADDED
    [conflict] = resolution.open_conflicts(bakyt.database)
    shown = resolution.compare(bakyt.database, conflict.id)
    delegations = next(f for f in shown.fields if f.field == "delegations")
    assert "Nurlan Abenov" in delegations.theirs_text and "Nurlan Abenov" not in delegations.ours_text
    resolution.resolve(bakyt.database, conflict.id, {"delegations": "theirs", "summary": "ours"})
    merged = bakyt.by_id(brussels.id)
    assert newcomer.id in {p.person_id for d in merged.delegations for p in d.participants}
    assert merged.summary == "Bakyt's summary."


def test_a_record_created_here_and_changed_there_before_it_came_back_is_a_conflict_once(offices) -> None:
    """Without a common version to compare with, an edit on both sides cannot be told from a
    harmless one: the officer confirms once, and from then on the record is in step."""
    coordinator, aigul, _ = offices
    created = aigul.dialogues.save(_dushanbe())
    aigul.send(coordinator)
    coordinator.edit(created.id, city="Dushanbe")
    assert outcomes(coordinator.send(aigul))[created.id] is Outcome.CONFLICT
    [conflict] = resolution.open_conflicts(aigul.database)
    resolution.resolve(aigul.database, conflict.id, {"city": "theirs"})
    coordinator.edit(created.id, summary="Second edit by the coordinator.")
    assert outcomes(coordinator.send(aigul))[created.id] is Outcome.UPDATED


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


def test_a_stale_bundle_does_not_replace_the_newer_version_waiting_in_a_conflict(offices, tmp_path) -> None:
    coordinator, aigul, bakyt = offices
    coordinator.send(aigul)
    coordinator.send(bakyt)
    brussels = aigul.dialogue(BRUSSELS_2023)
    bakyt.edit(brussels.id, city="Bruxelles")
    aigul.edit(brussels.id, summary="First edit by Aigul.")
    stale = tmp_path / "stale.json"
    export_bundle(aigul.database, stale, source="aigul")
    aigul.edit(brussels.id, summary="Second edit by Aigul.")
    aigul.send(bakyt)
    assert outcomes(import_bundle(bakyt.database, stale))[brussels.id] is Outcome.CONFLICT
    [conflict] = resolution.open_conflicts(bakyt.database)
    assert conflict.incoming["summary"] == "Second edit by Aigul."


def test_people_and_institutions_follow_the_same_rules(offices) -> None:
    from desktop_app.db.repositories.people import InstitutionRepository

    coordinator, aigul, bakyt = offices
    coordinator.send(aigul)
    coordinator.send(bakyt)
    person_id = build_bundle(aigul.database)["people"][0]["id"]
    institution_id = build_bundle(aigul.database)["institutions"][0]["id"]
    people_a, people_b = PeopleRepository(aigul.database), PeopleRepository(bakyt.database)
    people_a.save(replace(people_a.get(person_id), name="Aigerim Jumabaeva", email="a.j@example.org"))
    people_b.save(replace(people_b.get(person_id), email="aigerim@example.kz"))
    institutions_a = InstitutionRepository(aigul.database)
    institutions_a.save(replace(institutions_a.get(institution_id), acronym="MoH-KZ"))

    summary = aigul.send(bakyt)
    assert outcomes(summary, "person")[person_id] is Outcome.CONFLICT
    assert outcomes(summary, "institution")[institution_id] is Outcome.UPDATED
    assert InstitutionRepository(bakyt.database).get(institution_id).acronym == "MoH-KZ"
    [conflict] = resolution.open_conflicts(bakyt.database)
    assert conflict.record_kind == "person" and set(conflict.fields) == {"name", "email"}
    resolution.resolve(bakyt.database, conflict.id, {"name": "theirs", "email": "ours"})
    merged = people_b.get(person_id)
    assert (merged.name, merged.email) == ("Aigerim Jumabaeva", "aigerim@example.kz")
    # dialogues find the person under the new name
    assert DialogueRepository(bakyt.database).count(r.DialogueFilter(text="Jumabaeva")) >= 1
