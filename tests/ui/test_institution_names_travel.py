"""An institution's other names typed on the Institutions page travel in an exported bundle (round 15).

The bundle's reader of institutions (`db/bulk_reading.institution_records`) read none of their
other names, so every export wrote `"other_names": []`: the Russian name an officer added to a
ministry never reached a colleague, whose search by it found nothing (docs/exchange.md lists
`other_names` among what travels). Driven by keys: Ctrl+3, Return, Alt+O, typing, Return; Ctrl+E."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.people import InstitutionRepository
from desktop_app.domain import records as r
from desktop_app.services.exchange.importer import import_bundle
from tests.factories import add_institution, add_people, delegation_of, make_dialogue
from tests.ui.conftest import add_dialogues
from tests.ui.form_driving import key_clicks, open_first_record, press

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def test_other_names_typed_for_an_institution_are_in_the_bundle_and_arrive(
        qtbot, window, database, tmp_path, monkeypatch, answers) -> None:
    ministry = add_institution(database, "Ministry of Health", "KZ")
    add_dialogues(database, make_dialogue("Travelling", delegations=(
        delegation_of(r.Party.country("KZ"), *add_people(database, "Timur Nazarov"), institution=ministry),)))
    window.reload()
    dialog = open_first_record(qtbot, window, Qt.Key.Key_3)
    press(qtbot, dialog, Qt.Key.Key_O, ALT)  # &Other names
    key_clicks(qtbot, dialog.other_names, "Министерство здравоохранения; Денсаулық сақтау министрлігі")
    qtbot.keyClick(dialog.other_names, Qt.Key.Key_Return)  # Save
    qtbot.waitUntil(lambda: not dialog.isVisible())
    typed = ("Министерство здравоохранения", "Денсаулық сақтау министрлігі")
    assert InstitutionRepository(database).get(ministry.id).other_names == typed

    bundle = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(bundle), "")))
    press(qtbot, window, Qt.Key.Key_1, CTRL)
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(bundle.exists)
    (sent,) = json.loads(bundle.read_text(encoding="utf-8"))["institutions"]
    assert sent["other_names"] == list(typed)

    colleague = open_database(tmp_path / "colleague" / "dialogues.sqlite3")
    try:
        import_bundle(colleague, bundle)
        assert InstitutionRepository(colleague).get(ministry.id).other_names == typed
    finally:
        colleague.close()
