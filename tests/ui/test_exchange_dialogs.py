"""The import preview and the conflicts window, driven as an officer would (pytest-qt)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services.exchange import conflicts as resolution
from desktop_app.services.exchange.importer import Outcome
from desktop_app.ui.dialogs.conflicts_dialog import FIELD, VALUE, WHICH, WHO, ConflictsDialog
from desktop_app.ui.dialogs.import_preview_dialog import ImportPreviewDialog


def dump(database) -> list[str]:
    connection = sqlite3.connect(database.path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def cell(table, row: int, column: int) -> str:
    return table.item(row, column).text()


def test_the_preview_shows_what_would_happen_and_cancel_writes_nothing(qtbot, database, colleague_bundle) -> None:
    path, *_ = colleague_bundle
    before = dump(database)
    dialog = ImportPreviewDialog(database, path)
    qtbot.addWidget(dialog)
    counts = dialog.counts
    assert [cell(counts, row, 0) for row in range(counts.rowCount())] == ["0", "1", "2", "0", "1", "0"]
    assert cell(counts, 2, 1) == "12"  # people unchanged
    assert not dialog.conflict_note.isHidden() and "edited both here and by the sender" in dialog.conflict_note.text()
    conflict_line = dialog.details.topLevelItem(0)
    assert "Renamed by Aigul" in conflict_line.text(1) and conflict_line.text(2) == "title"
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.result() == 0
    assert dump(database) == before


def test_import_from_the_preview_applies_everything_but_the_conflict(qtbot, database, colleague_bundle) -> None:
    path, conflicting, updated, _ = colleague_bundle
    dialog = ImportPreviewDialog(database, path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].count(Outcome.CONFLICT) == 1 and dialog.result_summary is signal.args[0]
    repository = DialogueRepository(database)
    assert repository.get(updated).summary == "Aigul's summary."
    assert repository.get(conflicting).city == "Bruxelles"
    assert repository.get(conflicting).title in ("Renamed by Aigul", "Renamed here")  # shown until chosen
    assert len(resolution.open_conflicts(database)) == 1


def test_the_preview_names_a_dialogue_the_sender_deleted_for_good(qtbot, database, tmp_path) -> None:
    """Round 16: the preview's table and list had no place for what the import deletes: a dialogue
    the sender had deleted for good disappeared on Import without the officer being told which."""
    import json

    from desktop_app.db.opening import open_database
    from desktop_app.services.exchange.exporter import build_bundle
    from desktop_app.services.exchange.importer import import_data
    from desktop_app.services.samples import load_samples

    load_samples(database)
    colleague = open_database(tmp_path / "aigul" / "dialogues.sqlite3")
    import_data(colleague, build_bundle(database))
    theirs = DialogueRepository(colleague)
    gone = theirs.page().rows[0]
    theirs.delete(gone.id)
    theirs.purge(gone.id)
    path = tmp_path / "from-aigul.json"
    path.write_text(json.dumps(build_bundle(colleague), ensure_ascii=False), encoding="utf-8")
    colleague.close()

    dialog = ImportPreviewDialog(database, path)
    qtbot.addWidget(dialog)
    counts = dialog.counts
    deleted = [row for row in range(counts.rowCount()) if counts.verticalHeaderItem(row).text().startswith("Deleted")]
    assert [cell(counts, row, 0) for row in deleted] == ["1"]
    lines = [dialog.details.topLevelItem(i) for i in range(dialog.details.topLevelItemCount())]
    assert [(line.text(0), line.text(1)) for line in lines] == [("Delete", f"dialogue “{gone.title}”")]
    assert any(gone.title in line for line in dialog.preview.lines())  # the command line names it too


def test_a_bad_file_is_refused_before_the_preview_opens(database, tmp_path) -> None:
    from desktop_app.domain.errors import UserError

    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(UserError, match="not valid JSON"):
        ImportPreviewDialog(database, bad)


def test_the_conflicts_window_shows_base_ours_and_theirs_with_who_and_applies_the_choice(
        qtbot, database, colleague_bundle, tmp_path) -> None:
    from desktop_app.services.exchange.importer import import_bundle

    path, conflicting, *_ = colleague_bundle
    import_bundle(database, path)
    dialog = ConflictsDialog(database)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "1 fields" in dialog.list.item(0).text()
    table = dialog.table
    assert cell(table, 0, FIELD) == "Title" and cell(table, 0, WHICH) == "common version"
    rows = {cell(table, row, VALUE): row for row in range(1, table.rowCount())}
    assert set(rows) == {"Renamed here", "Renamed by Aigul"}
    assert cell(table, 0, VALUE) not in rows  # the title both changed from
    assert cell(table, rows["Renamed here"], WHICH) == "ours"
    assert cell(table, rows["Renamed by Aigul"], WHICH) == "theirs"
    assert cell(table, rows["Renamed by Aigul"], WHO).startswith("Aigul · ")
    assert cell(table, rows["Renamed here"], WHO).startswith("Timur · ")
    assert set(dialog.choices) == {"title"}
    dialog.grab().save(str(tmp_path / "conflicts.png"))

    dialog.show()
    qtbot.waitExposed(dialog)
    choice = dialog.choices["title"]
    theirs = choice.buttons[choice.theirs[0]]
    table.scrollToItem(table.item(rows["Renamed by Aigul"], VALUE))
    qtbot.mouseClick(theirs, Qt.MouseButton.LeftButton, pos=QPoint(8, theirs.height() // 2))
    assert choice.keep() == choice.theirs[0]
    with qtbot.waitSignal(dialog.resolved):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    saved = DialogueRepository(database).get(conflicting)
    assert (saved.title, saved.city) == ("Renamed by Aigul", "Bruxelles")
    assert dialog.list.count() == 0 and not dialog.empty.isHidden()
    assert not dialog.apply_button.isEnabled()


def test_take_all_theirs_then_apply(qtbot, database, colleague_bundle) -> None:
    from desktop_app.services.exchange.importer import import_bundle

    path, conflicting, *_ = colleague_bundle
    import_bundle(database, path)
    dialog = ConflictsDialog(database)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.all_theirs, Qt.MouseButton.LeftButton)
    assert all(choice.keep() in choice.theirs for choice in dialog.choices.values())
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    saved = DialogueRepository(database).get(conflicting)
    assert (saved.title, saved.city) == ("Renamed by Aigul", "Bruxelles")


def test_a_record_saved_again_meanwhile_is_not_overwritten(qtbot, database, colleague_bundle, monkeypatch) -> None:
    from desktop_app.services.exchange.importer import import_bundle

    path, conflicting, *_ = colleague_bundle
    import_bundle(database, path)
    dialog = ConflictsDialog(database)
    qtbot.addWidget(dialog)
    repository = DialogueRepository(database)
    repository.save(replace(repository.get(conflicting), city="Brussels, edited meanwhile"))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    qtbot.mouseClick(dialog.all_theirs, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert warnings and "changed since the versions were shown" in warnings[0]
    assert repository.get(conflicting).city == "Brussels, edited meanwhile"
    assert dialog.list.count() == 1


def test_the_conflicts_window_reads_russian_in_russian(qtbot, database, tmp_path, russian) -> None:
    """Issue 15: labels, values and rules of a conflict are Russian in a Russian window (a
    participant's role changed in two databases; a dialogue trashed there and edited here)."""
    from desktop_app.db.opening import open_database
    from desktop_app.domain.enums import Role
    from desktop_app.services.exchange.exporter import build_bundle
    from desktop_app.services.exchange.importer import import_data
    from desktop_app.services.samples import load_samples

    load_samples(database)
    colleague = open_database(tmp_path / "aigul" / "dialogues.sqlite3")
    import_data(colleague, build_bundle(database))
    ours, theirs = DialogueRepository(database), DialogueRepository(colleague)
    first = next(d for d in build_bundle(database)["dialogues"] if any(g["participants"] for g in d["delegations"]))
    second = next(d for d in build_bundle(database)["dialogues"] if d["id"] != first["id"])
    for repository, role in ((ours, Role.EXPERT), (theirs, Role.ADVISER)):
        d = repository.get(first["id"])
        g = next(g for g in d.delegations if g.participants)
        p = replace(g.participants[-1], role=role)
        moved = replace(g, participants=(*g.participants[:-1], p))
        repository.save(replace(d, delegations=tuple(moved if x.id == g.id else x for x in d.delegations)))
    theirs.delete(second["id"])
    ours.save(replace(ours.get(second["id"]), summary="Edited here meanwhile."))
    import_data(database, build_bundle(colleague))
    colleague.close()

    dialog = ConflictsDialog(database)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    seen: list[str] = []
    for index in range(dialog.list.count()):
        dialog.list.setCurrentRow(index)
        table = dialog.table
        seen += [cell(table, row, column) for row in range(table.rowCount()) for column in (FIELD, WHICH, VALUE)
                 if table.item(row, column) is not None]
    text = "\n".join(seen)
    assert "Участник " in text and ": роль" in text and "эксперт" in text and "советник" in text
    assert "В корзине" in text and "в корзине" in text and "не в корзине" in text
    for english in ("Participant", "role", "expert", "adviser", "In the trash", "removed", "common version",
                    "ours", "theirs", "yes", "no"):
        assert english not in text.split(), english
    assert not any(word in text for word in ("Participant", "In the trash", "out of the trash"))
    dialog.resize(1366, 700)
    dialog.grab().save(str(tmp_path / "conflicts-ru.png"))
