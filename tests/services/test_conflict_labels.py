"""How the conflicts window names a field of a participant or agenda item the colleague removed
(round 15): by the person's name and delegation (or the item's title) it had before the removal,
not by the first characters of its id and "—"."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.records import AgendaItem, Party
from desktop_app.services.exchange import conflicts as resolution
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import import_data
from tests.factories import add_people, delegation_of, make_dialogue


def _exchanged(database, tmp_path, dialogue):
    """Timur's database holding `dialogue`, and Aigul's that got it from him: both repositories."""
    database.officer = "Timur"
    stored = DialogueRepository(database).save(dialogue)
    colleague = open_database(tmp_path / "aigul" / "d.sqlite3")
    colleague.officer = "Aigul"
    import_data(colleague, build_bundle(database))
    return stored, colleague, DialogueRepository(database), DialogueRepository(colleague)


def _labels(database) -> dict[str, str]:
    (conflict,) = resolution.open_conflicts(database)
    return {f.field: str(f.label) for f in resolution.waiting(database, conflict.id).fields}


def test_a_removed_participant_is_named_by_person_and_delegation(database, tmp_path) -> None:
    people = add_people(database, "Aigerim Zhumabayeva", "Dana Akhmetova")
    dialogue, colleague, ours, theirs = _exchanged(database, tmp_path, make_dialogue(
        delegations=(delegation_of(Party.country("KZ"), *people),)))
    d = theirs.get(dialogue.id)
    g = d.delegations[0]
    theirs.save(replace(d, delegations=(replace(g, participants=g.participants[:1]),)))  # Dana removed there
    d = ours.get(dialogue.id)
    g = d.delegations[0]
    dana = replace(g.participants[1], position="Head of unit")
    ours.save(replace(d, delegations=(replace(g, participants=(g.participants[0], dana)),)))
    import_data(database, build_bundle(colleague))
    labels = _labels(database)
    assert labels == {f"participants.{dana.id}.position": "Participant Dana Akhmetova (Kazakhstan): position"}
    colleague.close()


def test_a_removed_agenda_item_is_named_by_its_title(database, tmp_path) -> None:
    dialogue, colleague, ours, theirs = _exchanged(database, tmp_path, make_dialogue(
        agenda=(AgendaItem(id="a1", title="Opening"), AgendaItem(id="a2", title="Harm reduction"))))
    d = theirs.get(dialogue.id)
    theirs.save(replace(d, agenda=d.agenda[:1]))
    d = ours.get(dialogue.id)
    ours.save(replace(d, agenda=(d.agenda[0], replace(d.agenda[1], notes="Moved to day two"))))
    import_data(database, build_bundle(colleague))
    item = d.agenda[1].id
    assert _labels(database) == {f"agenda.{item}.notes": "Agenda item “Harm reduction”: notes"}
    colleague.close()


def test_a_participant_still_there_is_named_as_before(database, tmp_path) -> None:
    people = add_people(database, "Aigerim Zhumabayeva")
    dialogue, colleague, ours, theirs = _exchanged(database, tmp_path, make_dialogue(
        delegations=(delegation_of(Party.country("KZ"), *people),)))
    for repo, post in ((theirs, "Minister"), (ours, "Deputy minister")):
        d = repo.get(dialogue.id)
        g = d.delegations[0]
        repo.save(replace(d, delegations=(replace(g, participants=(replace(g.participants[0], position=post),)),)))
    import_data(database, build_bundle(colleague))
    p = dialogue.delegations[0].participants[0].id
    assert _labels(database) == {f"participants.{p}.position": "Participant Aigerim Zhumabayeva (Kazakhstan): position"}
    colleague.close()
