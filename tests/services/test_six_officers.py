"""The programme as it works (issue 15): a coordinator and five country officers (KZ, KG, TJ, TM,
UZ), three rounds through the coordinator, one laptop a year fast and one two days slow; bundles
through the real command line in the first round. After one all-to-all round every database holds
the same records and every officer's edit is in them or in a conflict that names it."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

import pytest

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueKind, Role, Side
from desktop_app.services.exchange.exporter import export_bundle
from desktop_app.services.exchange.importer import import_bundle

OFFICES = ("coordinator", "KZ", "KG", "TJ", "TM", "UZ")
SKEW = {"KZ": timedelta(days=365), "TJ": timedelta(days=-2)}
_real_now = r.utc_now


def cli(path: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(path), *args], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


class Office:
    def __init__(self, folder: Path, name: str) -> None:
        self.name = name
        self.path = folder / name / "dialogues.sqlite3"
        database = open_database(self.path)
        database.close()

    def work(self):  # type: ignore[no-untyped-def]
        """Open this office's database with its laptop's clock."""
        database = open_database(self.path)
        database.officer = f"{self.name} officer"
        offset = SKEW.get(self.name, timedelta(0))
        patch = mock.patch.object(r, "utc_now", lambda: _real_now() + offset)
        patch.start()
        return database, patch


def export(office: Office, target: Path, through_cli: bool) -> Path:
    if through_cli:
        cli(office.path, "--officer", f"{office.name} officer", "export", "-o", str(target))
    else:
        database, patch = office.work()
        try:
            export_bundle(database, target, source=office.name)
        finally:
            patch.stop()
            database.close()
    return target


def bring_in(office: Office, bundle: Path, through_cli: bool) -> None:
    if through_cli:
        cli(office.path, "import", str(bundle))
        return
    database, patch = office.work()
    try:
        import_bundle(database, bundle)
    finally:
        patch.stop()
        database.close()


@pytest.mark.slow
def test_coordinator_and_five_officers_three_rounds(tmp_path: Path) -> None:
    """In `make test`: the command line carries the first bundle out and one office's first bundle in
    (and the conflicts at the end); the other bundles go in-process, through the same code (~30 s)."""
    scenario(tmp_path, cli_round=False)


@pytest.mark.soak
def test_coordinator_and_five_officers_three_rounds_all_through_the_command_line(tmp_path: Path) -> None:
    """`make soak`: every bundle of the first round through the command line (~80 s)."""
    scenario(tmp_path, cli_round=True)


def scenario(tmp_path: Path, cli_round: bool) -> None:
    offices = {name: Office(tmp_path, name) for name in OFFICES}
    coordinator = offices["coordinator"]
    database, patch = coordinator.work()
    meeting = r.Dialogue(id=r.new_id(), title="EU-Central Asia Drug Dialogue", kind=DialogueKind.REGIONAL,
                         start_date=date(2026, 11, 20), delegations=tuple(
                             r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country(c))
                             for c in OFFICES[1:]))
    DialogueRepository(database).save(meeting)
    cancelled = DialogueRepository(database).save(r.Dialogue(  # trashed, then deleted for good, by the coordinator
        id=r.new_id(), title="Cancelled expert meeting", kind=DialogueKind.EXPERT_MEETING,
        start_date=date(2026, 12, 10)))
    patch.stop()
    database.close()
    start = export(coordinator, tmp_path / "start.json", through_cli=True)
    for name in OFFICES[1:]:
        bring_in(offices[name], start, through_cli=cli_round or name == "KZ")

    expected: dict[str, str] = {}  # participant id -> the person it must still name
    titles: set[str] = set()
    for round_number in range(3):
        through_cli = round_number == 0 and cli_round
        bundles = []
        for name in OFFICES[1:]:
            database, patch = offices[name].work()
            try:
                person = PeopleRepository(database).save(
                    r.Person(id=r.new_id(), name=f"{name} delegate {round_number}"))
                current = DialogueRepository(database).get(meeting.id)
                delegation = next(d for d in current.delegations if d.party.code == name)
                participant = r.Participant(id=r.new_id(), person_id=person.id,
                                            role=Role.HEAD if not delegation.participants else Role.EXPERT)
                changed = replace(current, delegations=tuple(
                    replace(d, participants=(*d.participants, participant)) if d.id == delegation.id else d
                    for d in current.delegations))
                if name in ("KZ", "TJ"):  # two officers retitle the same meeting: a conflict, never a loss
                    title = f"Retitled by {name} in round {round_number}"
                    changed = replace(changed, title=title)
                    titles.add(title)
                DialogueRepository(database).save(changed)
                expected[participant.id] = person.id
            finally:
                patch.stop()
                database.close()
            bundles.append(export(offices[name], tmp_path / f"{name}-{round_number}.json", through_cli))
            if name == "TM" and round_number == 0:  # after sending: the coordinator merges this person meanwhile
                database, patch = offices[name].work()
                PeopleRepository(database).save(replace(PeopleRepository(database).get(person.id),
                                                        email="tm.delegate@example.tm"))
                patch.stop()
                database.close()
                duplicate = person.id
        for bundle in bundles:  # everyone through the coordinator
            bring_in(coordinator, bundle, through_cli)
        database, patch = coordinator.work()
        try:
            if round_number == 0:  # TM's delegate was already known under another record: merged
                known = PeopleRepository(database).save(r.Person(id=r.new_id(), name="Tm Delegate Zero"))
                PeopleRepository(database).merge(known.id, duplicate)
                expected = {p: known.id if person_id == duplicate else person_id for p, person_id in expected.items()}
            elif round_number == 1:
                DialogueRepository(database).delete(cancelled.id)
            else:
                DialogueRepository(database).purge(cancelled.id)
        finally:
            patch.stop()
            database.close()
        relay = export(coordinator, tmp_path / f"coordinator-{round_number}.json", through_cli)
        for name in OFFICES[1:]:
            bring_in(offices[name], relay, through_cli)

    # one all-to-all round
    final = [export(offices[name], tmp_path / f"final-{name}.json", False) for name in OFFICES]
    for name in OFFICES:
        for bundle in final:
            bring_in(offices[name], bundle, False)
    exports = []
    for name in OFFICES:
        data = json.loads(export(offices[name], tmp_path / f"check-{name}.json", False).read_text(encoding="utf-8"))
        for key in ("exported_at", "source", "database_id"):
            data.pop(key)
        exports.append(data)
    assert all(e == exports[0] for e in exports[1:])
    dialogue = next(d for d in exports[0]["dialogues"] if d["id"] == meeting.id)
    present = {p["id"]: p["person_id"] for d in dialogue["delegations"] for p in d["participants"]}
    assert present == expected  # all 15 delegates, none lost at the relay, TM's merged one as the kept person
    people = {p["id"]: p for p in exports[0]["people"]}
    assert duplicate not in people and people[known.id]["email"] == "tm.delegate@example.tm"  # the edit followed
    assert cancelled.id not in {d["id"] for d in exports[0]["dialogues"]}
    assert {t["id"]: t["for_good"] for t in exports[0]["deleted"]}[cancelled.id] is True
    waiting = {v["value"] for c in dialogue["conflicts"] if c["field"] == "title" for v in c["versions"]}
    assert dialogue["title"] in titles and waiting <= titles and len(waiting) >= 2
    listed = json.loads(cli(coordinator.path, "conflicts", "--format", "json"))
    assert any(c["record_id"] == meeting.id and any(f["field"] == "title" for f in c["fields"]) for c in listed)
    # the coordinator decides; the decision travels and the conflict closes everywhere
    chosen = next(c for c in listed if c["record_id"] == meeting.id)
    version = next(f for f in chosen["fields"] if f["field"] == "title")["versions"][0]["version"]
    cli(coordinator.path, "--officer", "Coordinator", "conflicts", "--resolve", str(chosen["id"]), "--keep", version)
    decided = export(coordinator, tmp_path / "decided.json", False)
    for name in OFFICES[1:]:
        bring_in(offices[name], decided, False)
        database = open_database(offices[name].path)
        try:
            assert DialogueRepository(database).get(meeting.id).title == \
                   next(f for f in chosen["fields"] if f["field"] == "title")["versions"][0]["value"]
        finally:
            database.close()
    assert "No conflicts wait." in cli(offices["UZ"].path, "conflicts")
