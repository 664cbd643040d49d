"""Prepare next edition (Ctrl+D in the main window) and its saves, driven by keys: the copy gets
fresh ids everywhere, the original changes only as documented (its open actions carried, at the
save that links them), and a later save of the copy does not carry an action set open again
(round 14: every save carried it again)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus
from desktop_app.ui.main_window import MainWindow
from tests.factories import add_institution, add_people, delegation_of, make_dialogue
from tests.ui.form_driving import activate, key_clicks, press

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def rows_of(path, dialogue_id: str) -> dict[str, list[tuple]]:
    """Every stored row of one dialogue, its children's too (the replica column included)."""
    with sqlite3.connect(path) as c:
        out = {"dialogues": c.execute("SELECT * FROM dialogues WHERE id = ?", (dialogue_id,)).fetchall()}
        for table in ("dialogue_programmes", "dialogue_frameworks", "dialogue_topics", "agenda_items",
                      "actions", "delegations"):
            out[table] = sorted(c.execute(f"SELECT * FROM {table} WHERE dialogue_id = ?", (dialogue_id,)).fetchall(),
                                key=repr)
        out["participants"] = sorted(c.execute(
            "SELECT p.* FROM participants p JOIN delegations d ON p.delegation_id = d.id WHERE d.dialogue_id = ?",
            (dialogue_id,)).fetchall(), key=repr)
    return out


def ids_of(d: r.Dialogue) -> set[str]:
    return {d.id, *(a.id for a in d.agenda), *(a.id for a in d.actions), *(g.id for g in d.delegations),
            *(p.id for g in d.delegations for p in g.participants)}


def _seed(database, actions):
    head, member = add_people(database, "Нурланов Ерлан", "Айгерим Жумабаева")
    ministry = add_institution(database, "Министерство внутренних дел", "KZ")
    return DialogueRepository(database).save(make_dialogue(
        "EU-Central Asia Drug Dialogue 2023", start_date=date(2023, 12, 13), summary="Last year's summary.",
        agenda=(r.AgendaItem("Opening"), r.AgendaItem("Drug situation", notes="Notes")),
        delegations=(delegation_of(r.Party.country("KZ"), head, member, institution=ministry),
                     delegation_of(r.Party.country("UZ"), member)),
        actions=actions))


def _next_edition(qtbot, database, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.dialogues.table.setFocus()
    window.dialogues.table.selectRow(0)
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    (editor, _), = window.editors.open_editors()
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    editor.tabs.setCurrentIndex(1)
    activate(qtbot, editor.delegations.add_heads_button)
    qtbot.mouseClick(editor.delegations.add_heads_button, Qt.MouseButton.LeftButton)
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())
    return window, editor


def test_next_edition_has_fresh_ids_and_leaves_the_original_alone(qtbot, database, db_path, monkeypatch) -> None:
    seed = _seed(database, (r.Action("Done already", status=ActionStatus.DONE),))
    before = rows_of(db_path, seed.id)
    _window, editor = _next_edition(qtbot, database, monkeypatch)
    new = DialogueRepository(database).get(editor.record().id)
    assert new.id != seed.id and new.delegations and new.delegations[0].participants
    assert ids_of(new) & ids_of(DialogueRepository(database).get(seed.id)) == set()
    assert rows_of(db_path, seed.id) == before  # the original: every row and its replica byte-identical


def test_a_later_save_of_the_next_edition_does_not_carry_an_action_again(qtbot, database, db_path, monkeypatch) -> None:
    """The officer re-opens last year's action (it was not taken over after all); typing a summary
    into the next edition later and saving must not turn it back into 'carried' without a word."""
    seed = _seed(database, (r.Action("Share the drug report", owner="EUDA"),))
    _window, editor = _next_edition(qtbot, database, monkeypatch)
    repository = DialogueRepository(database)
    carried = repository.get(seed.id)
    assert carried.actions[0].status is ActionStatus.CARRIED  # documented
    reopened = repository.save(replace(carried, actions=(replace(carried.actions[0], status=ActionStatus.OPEN),)))
    before = rows_of(db_path, seed.id)
    editor.reload()  # the form shows the stored next edition (as after a restart)
    activate(qtbot, editor.details.summary)
    editor.details.summary.setFocus()
    key_clicks(qtbot, editor.details.summary, "Agreed conclusions.")
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())
    after = repository.get(seed.id)
    assert after.actions[0].status is ActionStatus.OPEN, "last year's action silently carried again"
    assert rows_of(db_path, seed.id) == before and after.revision == reopened.revision
