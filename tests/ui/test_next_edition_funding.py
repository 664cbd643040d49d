"""Last year's heads added to next year's meeting are funded as their delegation is, as new rows are.

Round 16: Prepare next edition keeps each delegation's *Supported* flag, but "Add last year's heads
as invited" added every head unfunded, where a row typed into a supported delegation is funded
(docs/delegations.md). The programme's funded figures for the new meeting came out short unless the
officer ticked each head by hand. Now an added head is funded when its delegation is supported.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.ui.main_window import MainWindow
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.form_driving import activate, press

CTRL = Qt.KeyboardModifier.ControlModifier


def test_heads_added_from_last_year_are_funded_as_their_delegation_is(qtbot, database, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    kz_head, eu_head = add_people(database, "Нурланов Ерлан", "Anna Schmidt")
    DialogueRepository(database).save(make_dialogue(
        "EU-Central Asia Drug Dialogue 2023", start_date=date(2023, 12, 13),
        delegations=(delegation_of(r.Party.country("KZ"), kz_head, supported=True),
                     delegation_of(r.Party.organisation("European Commission"), eu_head))))
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    window.dialogues.table.setFocus()
    window.dialogues.table.selectRow(0)
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    (editor, _), = window.editors.open_editors()
    press(qtbot, editor, Qt.Key.Key_2, CTRL)
    section = editor.delegations
    activate(qtbot, section.add_heads_button)
    qtbot.keyClick(section.add_heads_button, Qt.Key.Key_Space)
    funded = {d.party.key: [(p.person_id, p.programme_funded) for p in d.participants] for d in section.delegations()}
    assert funded == {r.Party.country("KZ").key: [(kz_head.id, True)],
                      r.Party.organisation("European Commission").key: [(eu_head.id, False)]}
