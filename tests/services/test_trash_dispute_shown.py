"""Round 16: a dialogue trashed in one office while edited in another waits in the trash as a
conflict (docs/exchange.md). The Conflicts window and `conflicts` marked "out of the trash" as the
version shown -- the edit's version is the greatest -- while the dialogue was in the trash, and
keeping "ours" in an office that had no version of its own (a relay) took it out of the trash."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.records import DialogueFilter
from desktop_app.services.exchange import conflicts as resolution
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import import_data
from tests.factories import make_dialogue


def _in_trash(database, dialogue_id: str) -> bool:
    return dialogue_id in {row.id for row in DialogueRepository(database).page(DialogueFilter(deleted=True)).rows}


def test_the_trash_is_the_version_shown_and_a_relay_keeping_ours_keeps_it_there(database, tmp_path: Path) -> None:
    database.officer = "Anna"
    dialogue = DialogueRepository(database).save(make_dialogue())
    chynara = open_database(tmp_path / "c.sqlite3")
    relay = open_database(tmp_path / "relay.sqlite3")
    try:
        chynara.officer, relay.officer = "Chynara", "Dmitri"
        import_data(chynara, build_bundle(database))
        ours = DialogueRepository(database)
        for _ in range(2):  # two saves: Anna's version is the greatest
            ours.save(replace(ours.get(dialogue.id), city=ours.get(dialogue.id).city + "!"))
        DialogueRepository(chynara).delete(dialogue.id)
        import_data(database, build_bundle(chynara))
        import_data(relay, build_bundle(database))

        for office in (database, relay):
            assert _in_trash(office, dialogue.id)
            [waiting] = resolution.open_conflicts(office)
            trashed = next(f for f in resolution.waiting(office, waiting.id).fields if f.field == "trashed")
            assert [v.value for v in trashed.versions if v.shown] == [True]

        [waiting] = resolution.open_conflicts(relay)
        resolution.choose(relay, waiting.id, {"trashed": resolution.Keep.OURS})  # none is the relay's own
        assert _in_trash(relay, dialogue.id) and resolution.open_conflicts(relay) == []
    finally:
        chynara.close()
        relay.close()


def test_a_field_in_conflict_that_the_trash_rule_names_too_is_listed_once(database, tmp_path: Path) -> None:
    """The title edited in two offices and the dialogue trashed in a third: the conflict's fields
    name the title once (the window's list counted it twice: "4 fields" for title, trash, city)."""
    database.officer = "Anna"
    dialogue = DialogueRepository(database).save(make_dialogue())
    offices = [open_database(tmp_path / f"{name}.sqlite3") for name in ("b", "c")]
    try:
        for office in offices:
            import_data(office, build_bundle(database))
        bolat, chynara = offices
        ours = DialogueRepository(database)
        ours.save(replace(ours.get(dialogue.id), title="Title A", city="Astana"))
        DialogueRepository(bolat).save(replace(DialogueRepository(bolat).get(dialogue.id), title="Title B"))
        DialogueRepository(chynara).delete(dialogue.id)
        import_data(database, build_bundle(bolat))
        import_data(database, build_bundle(chynara))
        [waiting] = resolution.open_conflicts(database)
        assert sorted(waiting.fields) == sorted(set(waiting.fields)) and "title" in waiting.fields
    finally:
        for office in offices:
            office.close()
