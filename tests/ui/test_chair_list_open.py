"""Ctrl+S (or Ctrl+W ▸ Save) while the chair's suggestion list is open saves what the field shows,
as Tab and Return do there and in the grid (docs/entry.md, "Suggestion list"): the text typed when no
suggestion is highlighted — the chair may be an organisation not in the lists, and taking the first
suggestion instead would put a party the officer never chose into the record — or the suggestion
highlighted, which the field already shows. The list closes, so what is left on screen is what was
saved (round 15 left the list open over the saved field, as if a choice were still to be made)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.ui.widgets.party_choices import party_from_text
from tests.factories import make_dialogue
from tests.ui.form_driving import activate, key, keys, open_form

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize("highlighted", [False, True])
def test_ctrl_s_with_the_chairs_list_open_saves_what_the_field_shows(qtbot, database, highlighted):
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_form(qtbot, database, stored)
    chair = editor.details.chair
    activate(qtbot, chair)
    chair.setFocus()
    chair.selectAll()
    keys(qtbot, "Europ")
    popup = chair.completer().popup()
    assert popup.isVisible()
    if highlighted:
        key(qtbot, Qt.Key.Key_Down)  # the first suggestion fills the field
    shown = chair.text()
    assert (shown == "Europ") is not highlighted

    key(qtbot, Qt.Key.Key_S, CTRL)  # where the keyboard is: the open list
    saved = DialogueRepository(database).get(stored.id).chair
    assert saved == party_from_text(shown)
    assert saved == (r.Party.organisation("European Commission") if highlighted else r.Party.organisation("Europ"))
    assert not popup.isVisible() and chair.text() == shown
    assert not editor.is_modified()
