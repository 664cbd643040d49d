"""The soak's trash example (issue 15, round 5, seed 179167; /work/notes/r5-exchange-soak-trash-finding.log)
made small, with real exports and imports.

Office A trashes a dialogue and deletes it for good; office B, not knowing, trashes the same dialogue
itself and then edits it in its own trash. A's bundle carries only the tombstone, which had not seen
B's edits, so B keeps the record — in the trash, where B's own officer put it and edited it. The
edit has not disappeared into the trash silently: it was made there, after the trash it shows
(docs/exchange.md: "an edit made later in the database that trashed it ... is no conflict"). The
machine's oracle paired B's edit with A's trash (the two had not seen each other) and asked for a
conflict; an edit made while its own database showed the dialogue in the trash needs none.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import delete

from desktop_app.db import models as m
from desktop_app.db.repositories.conflicts import ConflictRepository
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import replication as rp
from tests.services.replication_world import World, edit_dialogue, make_world, template

A, B = 0, 1


def _world(tmp_path: Path) -> tuple[World, str]:
    world = make_world(tmp_path / "world", template(tmp_path), 2, people=2, dialogues=1)
    dialogue_id = DialogueRepository(world.databases[0]).page().rows[0].id
    return world, dialogue_id


def _trash(world: World, index: int, dialogue_id: str) -> None:
    with world.at(index) as database:
        DialogueRepository(database).delete(dialogue_id)
    world.acknowledge(index, "dialogue", dialogue_id, "trashed", True)


def _set_city(world: World, index: int, dialogue_id: str, city: str) -> None:
    assert edit_dialogue(world, index, dialogue_id, lambda d: (replace(d, city=city), [("city", city)]))


def _waiting(world: World, index: int) -> list[str]:
    return [c.record_id for c in ConflictRepository(world.databases[index]).open_conflicts()]


def test_an_edit_made_in_ones_own_trash_is_kept_there_without_a_conflict(tmp_path: Path) -> None:
    world, dialogue_id = _world(tmp_path)
    try:
        _trash(world, A, dialogue_id)
        with world.at(A) as database:
            DialogueRepository(database).purge(dialogue_id)
        world.acknowledge(A, "dialogue", dialogue_id, "", None)
        world.export(A)  # the tombstone only

        _trash(world, B, dialogue_id)
        _set_city(world, B, dialogue_id, "Almaty")  # edited in B's own trash
        world.deliver(0, B)

        # the program: B keeps the record (the tombstone had not seen B's edits), in B's trash, with
        # the edit, and nothing to choose (B's officer trashed it and edited it there)
        state = world.state(B, "dialogue", dialogue_id)
        assert state is not None
        assert rp.values(state)["trashed"] is True and rp.values(state)["city"] == "Almaty"
        assert rp.disputes(state) == {}
        assert _waiting(world, B) == []
        # the oracle: nothing lost, and no trash over an edit its trashing had not seen
        assert world.lost_edits(B) == []
        assert world.unflagged_trash(B) == []

        # B's bundle brings the record back to A, in the trash with the edit: the same everywhere
        world.export(B)
        world.deliver(1, A)
        assert world.export_without_envelope(A) == world.export_without_envelope(B)
        assert world.lost_edits(A) == [] and world.unflagged_trash(A) == []
    finally:
        world.close()


def test_an_edit_made_out_of_the_trash_still_needs_a_conflict(tmp_path: Path) -> None:
    """The oracle still catches the real thing: B trashed, restored and then edited (out of the
    trash); A's trash, which had not seen the edit, arrives and shows (A's later dot). The program
    flags it; without the waiting conflict the oracle names the pair."""
    world, dialogue_id = _world(tmp_path)
    try:
        for n in range(3):
            _set_city(world, A, dialogue_id, f"Bishkek {n}")  # A's trash gets the greater dot
        _trash(world, A, dialogue_id)
        world.export(A)  # A's trash, with its state

        _trash(world, B, dialogue_id)
        with world.at(B) as database:
            DialogueRepository(database).restore(dialogue_id)
        world.acknowledge(B, "dialogue", dialogue_id, "trashed", False)
        _set_city(world, B, dialogue_id, "Astana")
        world.deliver(0, B)

        assert _waiting(world, B) == [dialogue_id]
        assert world.unflagged_trash(B) == []
        with world.databases[B].writing() as session:  # as if the program had not flagged it
            session.execute(delete(m.ConflictRow))
        assert world.unflagged_trash(B) != []
    finally:
        world.close()
