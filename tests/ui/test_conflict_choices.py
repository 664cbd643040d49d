"""Choosing versions in the conflicts window (round 14): the choice keeps every other field and
survives exchanges both ways; keeping our edit of a participant the colleague removed brings the
participant back (before, it stayed removed and the kept value out of sight)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.enums import ParticipationStatus as S
from desktop_app.domain.enums import Role
from desktop_app.domain.records import Party
from desktop_app.services.exchange import conflicts as resolution
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import import_data
from desktop_app.ui.dialogs.conflicts_dialog import ConflictsDialog
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.form_driving import activate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def with_participant(dialogue, index: int, **changes):
    g = dialogue.delegations[0]
    ps = list(g.participants)
    ps[index] = replace(ps[index], **changes)
    return replace(dialogue, delegations=(replace(g, participants=tuple(ps)), *dialogue.delegations[1:]))


def _two_offices(database, tmp_path):
    """Timur's database with a Kazakh delegation of three, and Aigul's that got it from him."""
    database.officer = "Timur"
    people = add_people(database, "Aigerim Zhumabayeva", "Timur Hasanov", "Dana Akhmetova")
    dialogue = DialogueRepository(database).save(make_dialogue(
        delegations=(delegation_of(Party.country("KZ"), *people),)))
    colleague = open_database(tmp_path / "aigul" / "d.sqlite3")
    colleague.officer = "Aigul"
    import_data(colleague, build_bundle(database))
    return people, dialogue, colleague, DialogueRepository(database), DialogueRepository(colleague)


def _conflicts_window(qtbot, database) -> ConflictsDialog:
    """The conflicts window as the officer opens it."""
    dialog = ConflictsDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def normal(d):
    return replace(d, revision=0)


@pytest.mark.parametrize("pick", ["theirs", "ours"])
def test_choice_keeps_the_rest_and_survives_both_ways(qtbot, database, tmp_path, pick) -> None:
    database.officer = "Timur"
    people = add_people(database, "Aigerim Zhumabayeva", "Timur Hasanov", "Dana Akhmetova")
    dialogue = DialogueRepository(database).save(make_dialogue(
        delegations=(delegation_of(Party.country("KZ"), *people, supported=True),)))
    colleague = open_database(tmp_path / "aigul" / "d.sqlite3")
    colleague.officer = "Aigul"
    import_data(colleague, build_bundle(database))
    ours, theirs = DialogueRepository(database), DialogueRepository(colleague)
    # Aigul: title, summary, participant 1's status and position of participant 2
    d = theirs.get(dialogue.id)
    d = with_participant(replace(d, title="Title by Aigul", summary="Aigul's summary."), 1, status=S.ABSENT)
    d = with_participant(d, 2, position="Deputy Minister")
    theirs.save(d)
    # we: title, city, participant 0's role and participant 2's funding
    d = ours.get(dialogue.id)
    d = with_participant(replace(d, title="Title here", city="Bruxelles"), 0, role=Role.ADVISER)
    d = with_participant(d, 2, programme_funded=True)
    ours.save(d)
    import_data(database, build_bundle(colleague))

    dialog = _conflicts_window(qtbot, database)
    assert dialog.list.count() == 1, [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert set(dialog.choices) == {"title"}, set(dialog.choices)
    choice = dialog.choices["title"]
    wanted = (choice.theirs if pick == "theirs" else choice.ours)[0]
    button = choice.buttons[wanted]
    dialog.table.scrollTo(dialog.table.model().index(0, 0))
    for row in range(dialog.table.rowCount()):
        if dialog.table.cellWidget(row, 5) is button:
            dialog.table.scrollTo(dialog.table.model().index(row, 5))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert choice.keep() == wanted
    with qtbot.waitSignal(dialog.resolved):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    title = "Title by Aigul" if pick == "theirs" else "Title here"
    resolved = ours.get(dialogue.id)
    g = resolved.delegations[0]
    facts = (resolved.title, resolved.city, resolved.summary,
             [(p.person_id, p.role, p.status, p.position, p.programme_funded) for p in g.participants])
    want = (title, "Bruxelles", "Aigul's summary.",
            [(people[0].id, Role.ADVISER, S.ATTENDED, "Expert", False),
             (people[1].id, Role.MEMBER, S.ABSENT, "Expert", False),
             (people[2].id, Role.MEMBER, S.ATTENDED, "Deputy Minister", True)])
    assert facts == want

    # both ways: ours to Aigul, hers back to us
    import_data(colleague, build_bundle(database))
    import_data(database, build_bundle(colleague))
    assert resolution.open_conflicts(database) == [] and resolution.open_conflicts(colleague) == []
    mine, hers = ours.get(dialogue.id), theirs.get(dialogue.id)
    for record in (mine, hers):
        g = record.delegations[0]
        assert (record.title, record.city, record.summary,
                [(p.person_id, p.role, p.status, p.position, p.programme_funded) for p in g.participants]) == want
    assert normal(mine) == normal(hers)
    colleague.close()


def _click_keep(qtbot, dialog, field: str, version: str) -> None:
    choice = dialog.choices[field]
    button = choice.buttons[version]
    for row in range(dialog.table.rowCount()):
        if dialog.table.cellWidget(row, 5) is button:
            dialog.table.scrollTo(dialog.table.model().index(row, 5))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert choice.keep() == version


def test_same_participant_edited_both_sides_and_one_removed_there(qtbot, database, tmp_path) -> None:
    people, dialogue, colleague, ours, theirs = _two_offices(database, tmp_path)
    d = theirs.get(dialogue.id)
    d = with_participant(d, 1, position="Position by Aigul", status=S.ABSENT)
    g = d.delegations[0]
    d = replace(d, delegations=(replace(g, participants=g.participants[:2]),))  # Aigul removes Dana
    theirs.save(d)
    d = ours.get(dialogue.id)
    d = with_participant(d, 1, position="Position here", role=Role.EXPERT)
    d = with_participant(d, 2, position="Dana's new post")  # we edit Dana
    ours.save(d)
    import_data(database, build_bundle(colleague))

    dialog = _conflicts_window(qtbot, database)
    fields = {f.field: f for f in dialog.comparison.fields}
    labels = {f.field: (f.label, [v.text for v in f.versions]) for f in dialog.comparison.fields}
    pos = next(k for k in fields if k.endswith("position") and "Position here" in [v.text for v in fields[k].versions])
    _click_keep(qtbot, dialog, pos, dialog.choices[pos].theirs[0])
    with qtbot.waitSignal(dialog.resolved):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    resolved = ours.get(dialogue.id)
    facts = [(p.person_id, p.role, p.status, p.position) for g in resolved.delegations for p in g.participants]
    t = facts[1]
    assert t == (people[1].id, Role.EXPERT, S.ABSENT, "Position by Aigul"), (facts, labels)
    assert facts[0] == (people[0].id, Role.HEAD, S.ATTENDED, "Expert"), (facts, labels)

    import_data(colleague, build_bundle(database))
    import_data(database, build_bundle(colleague))
    assert resolution.open_conflicts(database) == [] and resolution.open_conflicts(colleague) == []
    mine, hers = ours.get(dialogue.id), theirs.get(dialogue.id)
    assert normal(mine) == normal(hers), (labels,)
    assert [(p.person_id, p.role, p.status, p.position) for g in mine.delegations for p in g.participants] == facts
    colleague.close()


def test_a_person_renamed_both_sides_keeps_other_fields(qtbot, database, tmp_path) -> None:
    from desktop_app.db.repositories.people import PeopleRepository
    from desktop_app.domain.enums import Sex
    database.officer = "Timur"
    repo = PeopleRepository(database)
    (person,) = add_people(database, "Aigerim Zhumabayeva")
    person = repo.save(replace(person, other_names=("Айгерим Жумабаева",), email="a@kz.example.org"))
    colleague = open_database(tmp_path / "aigul" / "d.sqlite3")
    colleague.officer = "Aigul"
    import_data(colleague, build_bundle(database))
    theirs = PeopleRepository(colleague)
    p = theirs.get(person.id)
    theirs.save(replace(p, name="Aigerim Zhumabaeva", sex=Sex.FEMALE))
    p = repo.get(person.id)
    repo.save(replace(p, name="Aigerim ZHUMABAYEVA", other_names=(*p.other_names, "Zhumabayeva A.")))
    import_data(database, build_bundle(colleague))
    dialog = _conflicts_window(qtbot, database)
    assert set(dialog.choices) == {"name"}, set(dialog.choices)
    _click_keep(qtbot, dialog, "name", dialog.choices["name"].theirs[0])
    with qtbot.waitSignal(dialog.resolved):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    mine = repo.get(person.id)
    assert (mine.name, mine.sex, mine.email, set(mine.other_names)) == (
        "Aigerim Zhumabaeva", Sex.FEMALE, "a@kz.example.org", {"Айгерим Жумабаева", "Zhumabayeva A."})
    import_data(colleague, build_bundle(database))
    import_data(database, build_bundle(colleague))
    hers = theirs.get(person.id)
    mine = repo.get(person.id)
    assert resolution.open_conflicts(database) == [] and resolution.open_conflicts(colleague) == []
    assert (hers.name, hers.sex, hers.email, set(hers.other_names)) == (
        "Aigerim Zhumabaeva", Sex.FEMALE, "a@kz.example.org", {"Айгерим Жумабаева", "Zhumabayeva A."})
    assert replace(mine, revision=0) == replace(hers, revision=0)
    colleague.close()


def test_keeping_our_edit_of_a_participant_removed_there_keeps_the_participant(qtbot, database, tmp_path) -> None:
    """Aigul removed Dana; we changed Dana's position meanwhile. The window offers Dana's position:
    "— (removed)" (theirs) or "Dana's new post" (ours, ticked). The officer keeps ours and applies:
    Dana must still be a participant, with the new post (and in both databases after exchange)."""
    people, dialogue, colleague, ours, theirs = _two_offices(database, tmp_path)
    d = theirs.get(dialogue.id)
    g = d.delegations[0]
    theirs.save(replace(d, delegations=(replace(g, participants=g.participants[:2]),)))
    ours.save(with_participant(ours.get(dialogue.id), 2, position="Dana's new post"))
    import_data(database, build_bundle(colleague))

    dialog = _conflicts_window(qtbot, database)
    (field,) = dialog.comparison.fields
    texts = {v.version: (v.text, v.ours) for v in field.versions}
    ours_version = next(k for k, (text, mine) in texts.items() if mine)
    assert texts[ours_version][0] == "Dana's new post", texts
    _click_keep(qtbot, dialog, field.field, ours_version)
    with qtbot.waitSignal(dialog.resolved):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    resolved = ours.get(dialogue.id)
    got = {p.person_id: p.position for g in resolved.delegations for p in g.participants}
    assert got.get(people[2].id) == "Dana's new post", (got, str(field.label))
    import_data(colleague, build_bundle(database))
    hers = theirs.get(dialogue.id)
    assert {p.person_id: p.position for g in hers.delegations for p in g.participants}.get(people[2].id) \
        == "Dana's new post"
    colleague.close()


@pytest.mark.parametrize("keep", [resolution.Keep.OURS, resolution.Keep.THEIRS])
def test_an_edit_kept_against_a_removed_delegation_brings_back_the_participant_and_its_delegation(
        database, tmp_path, keep) -> None:
    """Round 14: the colleague removed the whole delegation while we changed a position in it.
    Keeping ours brings that participant back with its delegation, as they were before the removal,
    in both databases after the next exchange (the delegation's other participant, whose removal
    nobody disputed, stays removed); keeping theirs leaves the delegation removed."""
    database.officer = "Timur"
    people = add_people(database, "Aigerim Zhumabayeva", "Timur Hasanov")
    dana = add_people(database, "Dana")
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=(
        delegation_of(Party.country("KZ"), *people), delegation_of(Party.country("UZ"), *dana))))
    colleague = open_database(tmp_path / "aigul" / "d.sqlite3")
    colleague.officer = "Aigul"
    import_data(colleague, build_bundle(database))
    ours, theirs = DialogueRepository(database), DialogueRepository(colleague)
    d = theirs.get(dialogue.id)
    theirs.save(replace(d, delegations=d.delegations[1:]))  # Kazakhstan's delegation removed there
    ours.save(with_participant(ours.get(dialogue.id), 1, position="Deputy head"))
    import_data(database, build_bundle(colleague))
    (conflict,) = resolution.open_conflicts(database)
    position = f"participants.{dialogue.delegations[0].participants[1].id}.position"
    assert resolution.choose(database, conflict.id, {position: keep}) == [position]  # the one field in dispute
    import_data(colleague, build_bundle(database))
    for repository in (ours, theirs):
        shown = repository.get(dialogue.id)
        kz = [g for g in shown.delegations if g.party == Party.country("KZ")]
        if keep is resolution.Keep.OURS:
            (g,) = kz
            # the participant edited here, with its delegation; the other one's removal stood alone
            assert [(p.person_id, p.position) for p in g.participants] == [(people[1].id, "Deputy head")]
            assert g.id == dialogue.delegations[0].id
        else:
            assert kz == []
    assert resolution.open_conflicts(database) == [] and resolution.open_conflicts(colleague) == []
    colleague.close()


def _two_conflicting_dialogues(database, tmp_path):
    """Two dialogues whose titles were changed here and at Aigul's: two conflicts wait here."""
    _people, dialogue, colleague, ours, theirs = _two_offices(database, tmp_path)
    second = ours.save(make_dialogue("EU-Kazakhstan expert meeting"))
    import_data(colleague, build_bundle(database))
    for record_id, mine, hers in ((dialogue.id, "Title here", "Title by Aigul"),
                                  (second.id, "Expert meeting here", "Expert meeting by Aigul")):
        theirs.save(replace(theirs.get(record_id), title=hers))
        ours.save(replace(ours.get(record_id), title=mine))
    import_data(database, build_bundle(colleague))
    return colleague, ours


def _keep_theirs_by_keys(qtbot, dialog) -> str:
    """The officer tabs to the other version's button and presses Space."""
    choice = dialog.choices["title"]
    button = choice.buttons[choice.theirs[0]]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert choice.keep() == choice.theirs[0]
    return dialog.comparison.conflict.record_id


def test_choices_not_applied_are_asked_about_when_the_window_closes(qtbot, database, tmp_path, answers) -> None:
    """Round 16: choosing versions and pressing Escape (or Close) dropped the choices without a word."""
    colleague, ours = _two_conflicting_dialogues(database, tmp_path)
    dialog = _conflicts_window(qtbot, database)
    activate(qtbot, dialog)
    record_id = _keep_theirs_by_keys(qtbot, dialog)

    answers.choice = None  # Cancel: the window stays, with the choice
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(answers.texts("ask")) == 1
    assert answers.texts("ask")[0].startswith("Apply your choices for ")
    assert dialog.choices["title"].keep() == dialog.choices["title"].theirs[0]

    answers.choice = 1  # Don't apply: closed, nothing chosen
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(resolution.open_conflicts(database)) == 2

    dialog = _conflicts_window(qtbot, database)
    activate(qtbot, dialog)
    record_id = _keep_theirs_by_keys(qtbot, dialog)
    answers.choice = 0  # Apply
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(resolution.open_conflicts(database)) == 1
    assert ours.get(record_id).title.endswith("by Aigul")

    dialog = _conflicts_window(qtbot, database)  # no choice made: closes without a question
    asked = len(answers.texts("ask"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(answers.texts("ask")) == asked
    colleague.close()


def test_choices_not_applied_are_asked_about_when_another_conflict_is_selected(qtbot, database, tmp_path,
                                                                               answers) -> None:
    colleague, ours = _two_conflicting_dialogues(database, tmp_path)
    dialog = _conflicts_window(qtbot, database)
    activate(qtbot, dialog)
    first = _keep_theirs_by_keys(qtbot, dialog)

    answers.choice = None  # Cancel: the first conflict stays selected, with the choice
    dialog.list.setCurrentRow(1)
    assert dialog.list.currentRow() == 0 and dialog.comparison.conflict.record_id == first
    assert dialog.choices["title"].keep() == dialog.choices["title"].theirs[0]

    answers.choice = 0  # Apply: saved, and the conflict asked for is shown
    dialog.list.setCurrentRow(1)
    assert ours.get(first).title.endswith("by Aigul")
    assert dialog.list.count() == 1 and dialog.comparison.conflict.record_id != first
    assert dialog.choices["title"].keep() == dialog.choices["title"].ours[0]
    assert len(answers.texts("ask")) == 2
    colleague.close()
