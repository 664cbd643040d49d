"""The exchange as replication, as a state machine (issue 15; docs/exchange.md): 3–6 databases,
random edits of every kind, random exports and imports through random relays, laptops' clocks off
by years. After every step no edit a database has seen is lost without a waiting conflict naming
it; after a final all-to-all exchange every export is equal and every record keeps the rules.

`make test` runs a few examples (≤ 60 s on 2 cores); `make soak` runs many (SOAK_EXAMPLES)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import initialize, rule

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueStatus, Role
from desktop_app.services.registration.lists import import_file
from tests.services.registration_files import ENGLISH_HEADER, write_csv
from tests.services.replication_world import OfficesMachine, edit_dialogue, machine_settings, with_participant

SOAK = int(os.environ.get("SOAK_EXAMPLES", "0"))
_FOLDER = Path(tempfile.mkdtemp(prefix="replication-machine-"))

ROLES = [Role.MEMBER, Role.EXPERT, Role.ADVISER, Role.HEAD]


class Exchange(OfficesMachine):
    @initialize(count=st.integers(3, 6), seed=st.integers(0, 2**32 - 1))
    def start(self, count: int, seed: int) -> None:
        self.open_world(_FOLDER, seed, count)

    def dialogue(self, data: st.DataObject) -> str:
        return data.draw(st.sampled_from(self.dialogue_ids), label="dialogue")

    # ---- edits -------------------------------------------------------------------------------
    @rule(data=st.data(), name=st.sampled_from(["title", "summary", "city"]))
    def edit_field(self, data: st.DataObject, name: str) -> None:
        value = self.word(name)
        edit_dialogue(self.world, self.db(data), self.dialogue(data),
                      lambda d: (replace(d, **{name: value}), [(name, value)]))

    @rule(data=st.data(), role=st.sampled_from(ROLES))
    def add_participant(self, data: st.DataObject, role: Role) -> None:
        person = data.draw(st.sampled_from(self.people_ids), label="person")
        edit_dialogue(self.world, self.db(data), self.dialogue(data), lambda d: with_participant(d, person, role))

    @rule(data=st.data(), role=st.sampled_from(ROLES))
    def change_role(self, data: st.DataObject, role: Role) -> None:
        choice = data.draw(st.integers(0, 20), label="which participant")

        def change(d: r.Dialogue):  # type: ignore[no-untyped-def]
            everyone = [(i, j) for i, g in enumerate(d.delegations) for j, _ in enumerate(g.participants)]
            if not everyone:
                return None
            i, j = everyone[choice % len(everyone)]
            g = d.delegations[i]
            p = replace(g.participants[j], role=role)
            g = replace(g, participants=(*g.participants[:j], p, *g.participants[j + 1:]))
            return (replace(d, delegations=(*d.delegations[:i], g, *d.delegations[i + 1:])),
                    [(f"participants.{p.id}.role", role.value)])
        edit_dialogue(self.world, self.db(data), self.dialogue(data), change)

    @rule(data=st.data())
    def remove_participant(self, data: st.DataObject) -> None:
        choice = data.draw(st.integers(0, 20), label="which participant")

        def change(d: r.Dialogue):  # type: ignore[no-untyped-def]
            everyone = [(i, j) for i, g in enumerate(d.delegations) for j, _ in enumerate(g.participants)]
            if not everyone:
                return None
            i, j = everyone[choice % len(everyone)]
            g = d.delegations[i]
            gone = g.participants[j]
            g = replace(g, participants=(*g.participants[:j], *g.participants[j + 1:]))
            return (replace(d, delegations=(*d.delegations[:i], g, *d.delegations[i + 1:])),
                    [(f"participants.{gone.id}", None)])
        edit_dialogue(self.world, self.db(data), self.dialogue(data), change)

    @rule(data=st.data())
    def agenda(self, data: st.DataObject) -> None:
        title = self.word("item")
        remove = data.draw(st.booleans(), label="remove first item")

        def change(d: r.Dialogue):  # type: ignore[no-untyped-def]
            if remove and d.agenda:
                return replace(d, agenda=d.agenda[1:]), [(f"agenda.{d.agenda[0].id}", None)]
            item = r.AgendaItem(title=title, id=r.new_id())
            return replace(d, agenda=(*d.agenda, item)), [(f"agenda.{item.id}.title", title)]
        edit_dialogue(self.world, self.db(data), self.dialogue(data), change)

    @rule(data=st.data(), status=st.sampled_from([ActionStatus.OPEN, ActionStatus.DONE]))
    def action(self, data: st.DataObject, status: ActionStatus) -> None:
        def change(d: r.Dialogue):  # type: ignore[no-untyped-def]
            if not d.actions:
                return None
            a = replace(d.actions[0], status=status)
            return replace(d, actions=(a, *d.actions[1:])), [(f"actions.{a.id}.status", status.value)]
        edit_dialogue(self.world, self.db(data), self.dialogue(data), change)

    @rule(data=st.data(), final=st.booleans())
    def status(self, data: st.DataObject, final: bool) -> None:
        value = DialogueStatus.FINAL if final else DialogueStatus.DRAFT
        edit_dialogue(self.world, self.db(data), self.dialogue(data),
                      lambda d: (replace(d, status=value), [("status", value.value)]))

    @rule(data=st.data(), trash=st.booleans())
    def trash_or_restore(self, data: st.DataObject, trash: bool) -> None:
        index, dialogue_id = self.db(data), self.dialogue(data)
        with self.world.at(index) as database:
            repository = DialogueRepository(database)
            try:
                current = repository.get(dialogue_id)
            except Exception:
                return
            if (current.deleted_at is not None) == trash:
                return
            repository.delete(dialogue_id) if trash else repository.restore(dialogue_id)
        self.world.acknowledge(index, "dialogue", dialogue_id, "trashed", trash)

    @rule(data=st.data())
    def delete_for_good(self, data: st.DataObject) -> None:
        index, dialogue_id = self.db(data), self.dialogue(data)
        with self.world.at(index) as database:
            repository = DialogueRepository(database)
            try:
                if repository.get(dialogue_id).deleted_at is None:
                    return
            except Exception:
                return
            repository.purge(dialogue_id)
        self.world.acknowledge(index, "dialogue", dialogue_id, "", None)

    @rule(data=st.data())
    def rename_person(self, data: st.DataObject) -> None:
        index = self.db(data)
        person_id = data.draw(st.sampled_from(self.people_ids), label="person")
        name = self.word("Name")
        with self.world.at(index) as database:
            repository = PeopleRepository(database)
            try:
                person = repository.get(person_id)
            except Exception:
                return
            repository.save(replace(person, name=name))
        self.world.acknowledge(index, "person", person_id, "name", name)

    @rule(data=st.data())
    def merge_people(self, data: st.DataObject) -> None:
        index = self.db(data)
        pair = data.draw(st.lists(st.sampled_from(self.people_ids), min_size=2, max_size=2, unique=True),
                         label="two people")
        # any two people, either way: offices merge A into B and B into A, one person into two
        # others, and chains (A into B here, B into C there) without seeing each other
        keep, gone = pair
        merged_before = frozenset(i for i, kept in self.world.redirects(index).items() if kept == gone)
        with self.world.at(index) as database:
            named_before = {d: _named(database, d) for d in self.dialogue_ids}
            try:
                PeopleRepository(database).merge(keep, gone)
            except Exception as error:
                if type(error).__name__ in ("UserError", "RecordNotFound"):
                    return
                raise
            named_after = {d: _named(database, d) for d in self.dialogue_ids}
        # the merge has seen what it merged: the person's edits and those of people merged into it
        self.world.acknowledge(index, "person", gone, "", merged_before)
        # and it is an edit of each dialogue naming the merged person: it names the kept one (which
        # stays so even where another office's merge of the same person into a third one wins)
        for dialogue_id, before in named_before.items():
            for participant, person in named_after[dialogue_id].items():
                if before.get(participant) == gone and person == keep:
                    self.world.acknowledge(index, "dialogue", dialogue_id, f"participants.{participant}.person_id",
                                           keep)

    @rule(data=st.data())
    def import_list(self, data: st.DataObject) -> None:
        """A registration list read into a dialogue: a local edit like any other (it travels)."""
        index, dialogue_id = self.db(data), self.dialogue(data)
        name = self.word("Listed")
        path = write_csv(self.world.folder / f"list-{next(self.words)}.csv",
                         [ENGLISH_HEADER, (name, "Expert", "", "KZ", "F", "")])
        with self.world.at(index) as database:
            repository = DialogueRepository(database)
            try:
                before = repository.get(dialogue_id)
                import_file(database, path, dialogue_id)
            except Exception as error:
                if type(error).__name__ in ("UserError", "RecordNotFound", "ValidationFailed", "StaleRecord"):
                    return
                raise
            after = repository.get(dialogue_id)
        old = {p.id for g in before.delegations for p in g.participants}
        for g in after.delegations:
            for p in g.participants:
                if p.id not in old:
                    self.world.acknowledge(index, "dialogue", dialogue_id, f"participants.{p.id}.person_id",
                                           p.person_id)

    @rule(data=st.data(), years=st.integers(-3, 3))
    def skew_clock(self, data: st.DataObject, years: int) -> None:
        self.world.skew[self.db(data)] = timedelta(days=365 * years + data.draw(st.integers(-3, 3)))


def _named(database: object, dialogue_id: str) -> dict[str, str]:
    """Participant -> person of a dialogue as the database shows it (empty if it is not there)."""
    try:
        dialogue = DialogueRepository(database).get(dialogue_id)  # type: ignore[arg-type]
    except Exception:
        return {}
    return {p.id: p.person_id for g in dialogue.delegations for p in g.participants}


Exchange.TestCase.settings = machine_settings(SOAK, examples=6, steps=20, soak_steps=60)

TestExchange = pytest.mark.slow(Exchange.TestCase)
