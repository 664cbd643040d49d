"""The list's search must find a dialogue by a participant's current name, however it changed."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from tests.factories import add_people, delegation_of, make_dialogue


def _titles(database, text: str) -> list[str]:
    return [row.title for row in DialogueRepository(database).page(r.DialogueFilter(text=text)).rows]


def test_a_renamed_participant_is_found_under_the_new_name_only(database) -> None:
    aigerim, olga = add_people(database, "Aigerim Zhumabayeva", "Olga Ivanova")
    repository = DialogueRepository(database)
    opened = repository.get(repository.save(make_dialogue(
        "Dialogue 2023", delegations=(delegation_of(r.Party.country("KZ"), aigerim, olga),))).id)
    repository.save(make_dialogue("Other meeting", delegations=(delegation_of(r.Party.country("KG"), olga),)))
    assert _titles(database, "zhumabayeva") == ["Dialogue 2023"]

    PeopleRepository(database).save(replace(aigerim, name="Aigerim Seitkali", other_names=("Айгерим Сейткали",)))

    assert _titles(database, "zhumabayeva") == []
    assert _titles(database, "seitkali") == ["Dialogue 2023"]
    assert _titles(database, "сейткали") == ["Dialogue 2023"]
    assert sorted(_titles(database, "ivanova")) == ["Dialogue 2023", "Other meeting"]
    saved = repository.save(replace(opened, summary="Edited after the rename."))  # the open form still saves
    assert saved.revision == opened.revision + 1
    assert _titles(database, "seitkali edited") == ["Dialogue 2023"]
