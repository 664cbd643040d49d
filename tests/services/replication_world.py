"""Several databases exchanging bundles in one process, with an oracle of every acknowledged edit:
the world of the replication tests (test_replication_machine.py, test_people_exchange_machine.py,
test_six_officers.py), and the base of the two state machines (`OfficesMachine`).

The oracle knows, for each database, which edits it has seen (its own and those that came in
bundles); an edit is *superseded* when an edit of the same field (or a removal or deletion of its
record) was made by someone who had seen it. The invariant: every edit a database has seen and
that is not superseded is in that database — as the field's value or as a waiting version of it.
"""

from __future__ import annotations

import itertools
import json
import random
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import select

from desktop_app.db import models as m
from desktop_app.db import replica_store
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain import replication as rp
from desktop_app.domain.enums import DialogueKind, DialogueStatus, Role, Side
from desktop_app.domain.validation import dialogue_problems
from desktop_app.services.dialogues import save_dialogue
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import apply_bundle
from desktop_app.services.exchange.validation import parse_bundle

_real_now = r.utc_now
_RUNS = iter(range(10**9))


@dataclass(frozen=True)
class Edit:
    number: int
    database: int
    kind: str
    record_id: str
    path: str  # a field, a sub-record prefix ("participants.<id>") or "" for the whole record
    value: Any
    context: frozenset[int]  # the edits the editing database had seen


@dataclass
class World:
    folder: Path
    databases: list[Database]
    known: list[set[int]] = field(default_factory=list)
    edits: dict[int, Edit] = field(default_factory=dict)
    bundles: list[tuple[dict[str, Any], frozenset[int]]] = field(default_factory=list)
    skew: list[timedelta] = field(default_factory=list)
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))  # type: ignore[type-arg]

    # ---- making edits --------------------------------------------------------------------------
    @contextmanager
    def at(self, index: int) -> Iterator[Database]:
        """Work in database `index` with its laptop's clock (skewed by years, if so chosen)."""
        offset = self.skew[index]
        with mock.patch.object(r, "utc_now", lambda: _real_now() + offset):
            yield self.databases[index]

    def acknowledge(self, index: int, kind: str, record_id: str, path: str, value: Any) -> None:
        edit = Edit(next(self.counter), index, kind, record_id, path, value, frozenset(self.known[index]))
        self.edits[edit.number] = edit
        self.known[index].add(edit.number)

    def export(self, index: int) -> None:
        with self.at(index) as database:
            bundle = json.loads(json.dumps(build_bundle(database, source=f"db{index}")))
        self.bundles.append((bundle, frozenset(self.known[index])))

    def deliver(self, bundle_index: int, index: int) -> None:
        bundle, knowledge = self.bundles[bundle_index]
        raw = json.dumps(bundle, ensure_ascii=False).encode("utf-8")
        with self.at(index) as database, database.writing() as session:
            apply_bundle(session, parse_bundle(raw, "bundle.json"))  # checked as the command line does
        self.known[index] |= knowledge

    # ---- reading -----------------------------------------------------------------------------
    def state(self, index: int, kind: str, record_id: str) -> rp.State | None:
        with self.databases[index].reading() as session:
            row = replica_store.load_row(session, kind, record_id)
            return None if row is None else replica_store.state_of(session, kind, row)

    def redirects(self, index: int) -> dict[str, str]:
        with self.databases[index].reading() as session:
            return replica_store.redirects(session)

    def superseded(self, edit: Edit, known: set[int], kept: dict[str, str] | None = None) -> bool:
        """An edit of the same field made after seeing this one; a person's edit and one of the
        person it was merged into are of one record (the edit follows the merge)."""
        kept = kept or {}
        for other in (self.edits[n] for n in known):
            if edit.number not in other.context:
                continue
            if other.path == "":  # deleted, or merged away, after seeing the edit
                if other.record_id == edit.record_id or edit.record_id in (other.value or ()):
                    return True
                continue
            if rp._follow(kept, other.record_id) != rp._follow(kept, edit.record_id):
                continue
            if other.path == edit.path or edit.path.startswith(other.path + "."):
                return True
        return False

    def lost_edits(self, index: int) -> list[Edit]:
        """Edits database `index` has seen, not superseded, and nowhere in it."""
        lost = []
        kept = self.redirects(index)
        states: dict[tuple[str, str], rp.State | None] = {}
        for number in sorted(self.known[index]):
            edit = self.edits[number]
            if self.superseded(edit, self.known[index], kept):
                continue
            key = (edit.kind, edit.record_id)
            if key not in states:
                states[key] = self.state(index, *key)
                if states[key] is None and edit.kind != "dialogue" and edit.record_id in kept:
                    # merged away: an edit the merge had not seen follows it to the kept person
                    states[key] = self.state(index, edit.kind, kept[edit.record_id])
            state = states[key]
            if state is None:
                if edit.path == "":
                    continue  # a deletion, and the record is gone
                lost.append(edit)
                continue
            if edit.path == "":
                continue
            path = edit.path
            if path.count(".") == 1 and path.split(".")[0] in rp.SUBRECORDS:  # a removed sub-record
                path = f"{path}.{rp.SUBRECORDS[path.split('.')[0]][0]}"
            candidates = state.fields.get(path, ())
            want = rp._follow(kept, edit.value)
            if not any(rp._follow(kept, c.value) == want for c in candidates):
                lost.append(edit)
                self.last_seen = (path, candidates, {p: c for p, c in state.fields.items()
                                                      if p.startswith(path.rsplit(".", 1)[0])}, state.version)
        return lost

    def unflagged_trash(self, index: int) -> list[tuple[int, int]]:
        """(trash, edit) pairs made without either seeing the other, where the dialogue shows in the
        trash and no waiting conflict names it (contract §2: the trash is then a conflict)."""
        with self.databases[index].reading() as session:
            flagged = set(session.scalars(select(m.ConflictRow.record_id).where(m.ConflictRow.resolved_at.is_(None))))
        found = []
        known = self.known[index]
        for trash in (self.edits[n] for n in sorted(known)):
            if trash.path != "trashed" or trash.value is not True or trash.record_id in flagged:
                continue
            state = self.state(index, "dialogue", trash.record_id)
            if state is None or rp.values(state).get("trashed") is not True:
                continue
            trashes = [t for t in (self.edits[n] for n in known)
                       if t.record_id == trash.record_id and t.path == "trashed" and t.value is True]
            for edit in (self.edits[n] for n in sorted(known)):
                if edit.record_id != trash.record_id or edit.path in ("", "trashed") or \
                        edit.number in trash.context or trash.number in edit.context or \
                        self.superseded(edit, known):
                    continue
                if any(edit.number in t.context for t in trashes):
                    continue  # trashed at once elsewhere by someone who had seen it: what either saw counts
                if self.made_in_the_trash(edit):
                    continue  # its officer edited it in the trash: it did not go there silently
                found.append((trash.number, edit.number))
        return found

    def made_in_the_trash(self, edit: Edit) -> bool:
        """Whether the dialogue was in the trash where `edit` was made: it had seen a trash of the
        dialogue and no restore made after that trash (docs/exchange.md: an edit made later in the
        database that trashed it, or by someone who had seen the trash, is no conflict)."""
        moves = [self.edits[n] for n in edit.context
                 if self.edits[n].record_id == edit.record_id and self.edits[n].path == "trashed"]
        return any(t.value is True and not any(r.value is False and t.number in r.context for r in moves)
                   for t in moves)

    def export_without_envelope(self, index: int) -> dict[str, Any]:
        bundle = json.loads(json.dumps(build_bundle(self.databases[index])))
        for key in ("exported_at", "source", "database_id"):
            bundle.pop(key, None)
        return bundle

    def rule_breakers(self, index: int) -> list[str]:
        """Dialogues that break a rule and have no waiting conflict naming it."""
        database = self.databases[index]
        with database.reading() as session:
            flagged = set(session.scalars(select(m.ConflictRow.record_id).where(m.ConflictRow.resolved_at.is_(None))))
            ids = list(session.scalars(select(m.DialogueRow.id)))
        found = []
        for dialogue_id in ids:
            dialogue = DialogueRepository(database).get(dialogue_id)
            record = json.loads(json.dumps(replica_store_record(dialogue)))
            state = self.state(index, "dialogue", dialogue_id)
            assert state is not None
            # a rule broken by fields set in two or more databases must wait as a conflict; one
            # officer who saves two heads gets the form's warning (docs/exchange.md)
            merged = [paths for _, paths in rp.rule_breaks(record)
                      if len({rp.winner(state.fields[p]).dot[0] for p in paths if p in state.fields}) > 1]
            broken = dialogue_problems(dialogue) or merged
            if broken and dialogue_id not in flagged:
                found.append(dialogue_id)
        return found

    def close(self) -> None:
        for database in self.databases:
            database.close()


def differences(a: Any, b: Any, path: str = "") -> list[str]:
    """Where two exports differ (the first few), for a failure message an engineer can act on."""
    if a == b:
        return []
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for key in sorted(set(a) | set(b), key=str) for d in differences(a.get(key), b.get(key),
                                                                                    f"{path}.{key}")][:5]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in differences(x, y, f"{path}[{i}]")][:5]
    return [f"{path}: {json.dumps(a, ensure_ascii=False)[:300]} != {json.dumps(b, ensure_ascii=False)[:300]}"]


def replica_store_record(dialogue: r.Dialogue) -> dict[str, Any]:
    from desktop_app.domain import record_fields as rf

    return rf.dialogue_json(dialogue)


_TEMPLATE: dict[str, Path] = {}


def template(folder: Path) -> Path:
    """One migrated, empty database file, copied for every database of every example (fast)."""
    if "path" not in _TEMPLATE or not _TEMPLATE["path"].exists():
        path = folder / "template.sqlite3"
        database = open_database(path)
        database.close()
        _TEMPLATE["path"] = path
    return _TEMPLATE["path"]


def make_world(folder: Path, template_path: Path, count: int, people: int = 6, dialogues: int = 2) -> World:
    folder.mkdir(parents=True, exist_ok=True)
    databases = []
    for index in range(count):
        path = folder / f"db{index}" / "dialogues.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template_path, path)
        database = open_database(path)
        database.officer = f"Officer {index}"
        databases.append(database)
    world = World(folder, databases, known=[set() for _ in range(count)], skew=[timedelta(0)] * count)
    seed = databases[0]
    persons = [PeopleRepository(seed).save(r.Person(id=r.new_id(), name=f"Person {i}")) for i in range(people)]
    for d in range(dialogues):
        delegation = r.Delegation(
            id=r.new_id(), side=Side.PARTNER, party=r.Party.country("KZ"), participants=(
                r.Participant(id=r.new_id(), person_id=persons[d].id, role=Role.HEAD),))
        save_dialogue(seed, r.Dialogue(
            id=r.new_id(), title=f"Dialogue {d}", kind=DialogueKind.REGIONAL, start_date=date(2024, 1, 1 + d),
            status=DialogueStatus.DRAFT, delegations=(delegation,),
            agenda=(r.AgendaItem(title="Opening"),), actions=(r.Action(description="Report back"),)))
    world.export(0)
    for index in range(1, count):
        world.deliver(0, index)
    world.bundles.clear()
    return world


def edit_dialogue(world: World, index: int, dialogue_id: str, change: Any) -> bool:
    """Apply `change(dialogue) -> (dialogue, [(path, value)])` as an officer's save; False if not possible."""
    with world.at(index) as database:
        repository = DialogueRepository(database)
        try:
            dialogue = repository.get(dialogue_id)
        except Exception:
            return False
        result = change(dialogue)
        if result is None:
            return False
        changed, acknowledged = result
        try:
            save_dialogue(database, changed)
        except Exception as error:  # a save the form would refuse (a rule) acknowledges nothing
            if type(error).__name__ in ("ValidationFailed", "UserError"):
                return False
            raise
    from desktop_app.domain import record_fields as rf

    before = rp.flatten("dialogue", rf.dialogue_json(dialogue))
    for path, value in acknowledged:
        removal = path.count(".") == 1 and path.split(".")[0] in rp.SUBRECORDS
        if removal or before.get(path) != value:  # a value set to what it was is no edit
            world.acknowledge(index, "dialogue", dialogue_id, path, value)
    return True


def with_participant(dialogue: r.Dialogue, person_id: str, role: Role) -> tuple[r.Dialogue, list] | None:
    if not dialogue.delegations or any(p.person_id == person_id for d in dialogue.delegations for p in d.participants):
        return None
    participant = r.Participant(id=r.new_id(), person_id=person_id, role=role)
    first = dialogue.delegations[0]
    moved = replace(first, participants=(*first.participants, participant))
    return (replace(dialogue, delegations=(moved, *dialogue.delegations[1:])),
            [(f"participants.{participant.id}.person_id", person_id),
             (f"participants.{participant.id}.role", role.value)])


class OfficesMachine(RuleBasedStateMachine):
    """What the exchange's state machines share (test_replication_machine.py and
    test_people_exchange_machine.py): offices opened from one seed, so a failing example replays
    exactly; the exchange rules (export anywhere, deliver any bundle anywhere); the invariant that no
    edit an office has seen is lost; and, at teardown, one all-to-all round after which every export
    is equal, every rule is kept or waits as a conflict, and nothing is lost."""

    world: World
    count: int

    def open_world(self, folder: Path, seed: int, count: int, **sizes: int) -> None:
        # ids (records', databases') from the example's seed: which of two merges wins, and which
        # version a field shows, depend on them
        ids = random.Random(seed)
        self.uuids = mock.patch("uuid.uuid4", lambda: uuid.UUID(int=ids.getrandbits(128), version=4))
        self.uuids.start()
        self.world = make_world(folder / f"run{next(_RUNS)}", template(folder), count, **sizes)
        self.count = count
        self.words = iter(range(10**9))
        seed_db = self.world.databases[0]
        self.dialogue_ids = [row.id for row in DialogueRepository(seed_db).page().rows]
        self.people_ids = [p.id for p in PeopleRepository(seed_db).search()]

    def teardown(self) -> None:
        world = getattr(self, "world", None)
        try:
            if world is not None:
                try:
                    self.final_exchange_converges()
                finally:
                    world.close()
        finally:
            if hasattr(self, "uuids"):
                self.uuids.stop()

    def db(self, data: st.DataObject) -> int:
        return data.draw(st.integers(0, self.count - 1), label="office")

    def word(self, stem: str) -> str:
        return f"{stem} {next(self.words)}"

    @rule(data=st.data())
    def export(self, data: st.DataObject) -> None:
        self.world.export(self.db(data))

    @precondition(lambda self: bool(self.world.bundles))
    @rule(data=st.data())
    def deliver(self, data: st.DataObject) -> None:
        """Any bundle to any office: a relay, the same bundle again, an older one after a newer."""
        bundle = data.draw(st.integers(0, len(self.world.bundles) - 1), label="bundle")
        self.world.deliver(bundle, self.db(data))

    @invariant()
    def no_edit_lost(self) -> None:
        for index in range(self.count):
            assert self.world.lost_edits(index) == [], f"office {index}: {getattr(self.world, 'last_seen', None)}"
            assert self.world.unflagged_trash(index) == [], f"office {index}"

    def all_to_all(self) -> None:
        start = len(self.world.bundles)
        for index in range(self.count):
            self.world.export(index)
        for index in range(self.count):
            for bundle in range(start, start + self.count):
                if bundle != start + index:  # an office does not import its own bundle
                    self.world.deliver(bundle, index)

    def final_exchange_converges(self) -> None:
        """One all-to-all round: every export equal, people included (their whole state: a kept
        person is the fold of the states every office now holds, docs/exchange.md)."""
        self.all_to_all()
        exports = [self.world.export_without_envelope(i) for i in range(self.count)]
        for index in range(1, self.count):
            assert exports[index] == exports[0], (f"office {index} differs from office 0: "
                                                  f"{differences(exports[0], exports[index])}")
        for index in range(self.count):
            assert self.world.rule_breakers(index) == [], f"office {index}"
            assert self.world.lost_edits(index) == [], f"office {index}: {self.world.lost_edits(index)} " \
                f"{getattr(self.world, 'last_seen', None)}"


def machine_settings(soak: int, examples: int, steps: int, soak_steps: int) -> settings:
    """A few examples in `make test` (each machine ≤ 60 s on 2 cores), many in `make soak`; no
    shrinking: a failing run prints every step as it was, and shrinking these takes many minutes."""
    return settings(max_examples=soak or examples, stateful_step_count=soak_steps if soak else steps, deadline=None,
                    phases=(Phase.explicit, Phase.reuse, Phase.generate),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])
