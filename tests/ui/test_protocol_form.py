"""Issue 18 in the dialogue form, driven by keys through the real cell editors and dialogs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus, ParticipationStatus, Role, Side
from desktop_app.ui.forms import delegations_section as section
from desktop_app.ui.forms import protocol_menu
from tests.factories import add_people, make_dialogue
from tests.services.documents_world import SEED_ID, seed_meeting
from tests.ui.form_driving import activate, cell, key_clicks, type_into_cell
from tests.ui.test_dialogue_editor import Answers, open_editor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
S = ParticipationStatus


def saved_kz(database, people, statuses, start: date, status=DialogueStatus.DRAFT, supported=False) -> r.Dialogue:
    participants = tuple(r.Participant(id=r.new_id(), person_id=p.id, role=Role.HEAD if i == 0 else Role.MEMBER,
                                       status=s) for i, (p, s) in enumerate(zip(people, statuses, strict=True)))
    delegation = r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country("KZ"),
                              programme_supported=supported, participants=participants)
    return DialogueRepository(database).save(make_dialogue(start_date=start, status=status, delegations=(delegation,)))


def test_every_role_is_offered_and_chosen_by_typing_in_the_cell(qtbot, database) -> None:
    people = add_people(database, "Aigerim Zhumabayeva", "Bakyt Osmonov")
    editor = open_editor(qtbot, database, saved_kz(database, people, (S.ATTENDED, S.ATTENDED), date(2023, 12, 13)))
    editor.tabs.setCurrentIndex(1)
    grid = editor.delegations.participants
    table = editor.delegations.participants
    table.setFocus()
    table.setCurrentCell(1, section.ROLE)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = table.viewport().findChild(QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Head", "Deputy head", "Alternate", "Adviser", "Expert", "Interpreter", "Observer", "Member"]
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    type_into_cell(qtbot, grid, 1, section.ROLE, "Dep")
    assert cell(grid, 1, section.ROLE) == "Deputy head"
    assert editor.record().delegations[0].participants[1].role is Role.DEPUTY_HEAD
    type_into_cell(qtbot, grid, 1, section.ROLE, "Interp")
    assert editor.record().delegations[0].participants[1].role is Role.INTERPRETER


def test_a_new_row_of_a_past_meeting_is_attended_of_a_future_one_invited_and_funded_by_default(qtbot, database):
    editor = open_editor(qtbot, database, saved_kz(database, [], (), date(2023, 12, 13), supported=True))
    editor.tabs.setCurrentIndex(1)
    editor.delegations.add_participant()
    qtbot.keyClick(editor.delegations.participants, Qt.Key.Key_Escape)
    grid = editor.delegations.participants
    assert cell(grid, 0, section.STATUS) == "Attended"
    assert grid.item(0, section.FUNDED).checkState() == Qt.CheckState.Checked  # the delegation is supported
    future = replace(make_dialogue(start_date=date.today() + timedelta(days=60)),
                     delegations=(r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country("KG")),))
    later = open_editor(qtbot, database, DialogueRepository(database).save(future))
    later.tabs.setCurrentIndex(1)
    later.delegations.add_participant()
    qtbot.keyClick(later.delegations.participants, Qt.Key.Key_Escape)
    row = later.delegations.participants_shown(0)[0]  # not in the record until a name is typed
    assert row.status is S.INVITED and not row.programme_funded
    assert later.record().delegations[0].participants == ()


def test_status_is_typed_in_its_cell_and_a_refused_change_is_explained(qtbot, database) -> None:
    people = add_people(database, "Aigerim Zhumabayeva", "Bakyt Osmonov")
    start = date.today() + timedelta(days=30)
    editor = open_editor(qtbot, database, saved_kz(database, people, (S.INVITED, S.INVITED), start))
    editor.tabs.setCurrentIndex(1)
    grid = editor.delegations.participants
    type_into_cell(qtbot, grid, 1, section.STATUS, "C")
    assert editor.record().delegations[0].participants[1].status is S.CONFIRMED
    type_into_cell(qtbot, grid, 1, section.STATUS, "A")  # attended, a month before the meeting
    assert editor.record().delegations[0].participants[1].status is S.CONFIRMED
    assert cell(grid, 1, section.STATUS) == "Confirmed"
    notice = editor.delegations.status_notice
    assert notice.isVisible() and start.isoformat() in notice.text()
    type_into_cell(qtbot, grid, 1, section.STATUS, "W")
    assert editor.record().delegations[0].participants[1].status is S.CANCELLED
    assert not notice.isVisible()


def test_space_on_the_funded_cell_funds_the_member_and_supports_the_delegation(qtbot, database) -> None:
    people = add_people(database, "Aigerim Zhumabayeva", "Bakyt Osmonov")
    editor = open_editor(qtbot, database, saved_kz(database, people, (S.ATTENDED, S.ATTENDED), date(2023, 12, 13)))
    editor.tabs.setCurrentIndex(1)
    grid = editor.delegations.participants
    activate(qtbot, grid)
    grid.setFocus()
    grid.setCurrentCell(1, section.FUNDED)
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    delegation = editor.record().delegations[0]
    assert delegation.participants[1].programme_funded and delegation.programme_supported
    assert editor.delegations.table.item(0, section.SUPPORTED).checkState() == Qt.CheckState.Checked
    qtbot.keyClick(grid, Qt.Key.Key_Space)  # unfunded again: the delegation's flag stays
    delegation = editor.record().delegations[0]
    assert not delegation.participants[1].programme_funded and delegation.programme_supported


def test_final_is_refused_while_someone_is_invited_and_mark_all_confirmed_as_attended(qtbot, database,
                                                                                      monkeypatch) -> None:
    answers = Answers(monkeypatch, None)  # type: ignore[arg-type]
    people = add_people(database, "Aigerim Zhumabayeva", "Bakyt Osmonov", "Dana Akhmetova")
    dialogue = saved_kz(database, people, (S.CONFIRMED, S.CONFIRMED, S.INVITED), date(2023, 12, 13))
    editor = open_editor(qtbot, database, dialogue)
    editor.details.status.setCurrentIndex(editor.details.status.findData(DialogueStatus.FINAL))
    assert editor.save() is False
    assert "Aigerim Zhumabayeva (Kazakhstan) is still confirmed" in answers.warnings[-1]
    editor.tabs.setCurrentIndex(1)
    activate(qtbot, editor)
    qtbot.keyClick(editor.delegations.mark_attended_button, Qt.Key.Key_Space)
    statuses = [p.status for p in editor.record().delegations[0].participants]
    assert statuses == [S.ATTENDED, S.ATTENDED, S.INVITED]
    editor.undo()  # the whole bulk change is one step
    assert [p.status for p in editor.record().delegations[0].participants] == [S.CONFIRMED, S.CONFIRMED, S.INVITED]
    editor.redo()
    assert editor.save() is False and "Dana Akhmetova (Kazakhstan) is still invited" in answers.warnings[-1]
    type_into_cell(qtbot, editor.delegations.participants, 2, section.STATUS, "N")  # no-show
    assert editor.save() is True
    stored = DialogueRepository(database).get(dialogue.id)
    assert stored.status is DialogueStatus.FINAL
    assert [p.status for p in stored.delegations[0].participants] == [S.ATTENDED, S.ATTENDED, S.ABSENT]


def test_final_is_refused_for_a_meeting_still_ahead_and_taken_from_its_first_day(qtbot, database,
                                                                                   monkeypatch) -> None:
    """Round 19: Final chosen by keys for a meeting dated tomorrow is refused with one sentence and
    nothing is stored; with the start date typed as today the same save goes through."""
    from desktop_app.ui.translations import format_date
    from tests.ui.form_driving import press, type_date

    answers = Answers(monkeypatch, None)  # type: ignore[arg-type]
    people = add_people(database, "Aigerim Zhumabayeva", "Bakyt Osmonov")
    tomorrow = date.today() + timedelta(days=1)
    dialogue = saved_kz(database, people, (S.ATTENDED, S.ATTENDED), tomorrow)
    editor = open_editor(qtbot, database, dialogue)
    editor.details.status.setFocus()
    qtbot.keyClick(editor.details.status, Qt.Key.Key_End)  # Draft, Final: the last one
    assert editor.details.status.currentData() == DialogueStatus.FINAL
    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (f"The meeting starts on {format_date(tomorrow)}, after today: keep it a draft until it has taken "
            "place.") in answers.warnings[-1]
    assert DialogueRepository(database).get(dialogue.id).status is DialogueStatus.DRAFT
    type_date(qtbot, editor.details.start_date, format_date(date.today()))
    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.is_modified())
    stored = DialogueRepository(database).get(dialogue.id)
    assert stored.status is DialogueStatus.FINAL and stored.start_date == date.today()


def test_attendance_from_the_signed_sheet_in_one_pass_from_the_keyboard(qtbot, database, monkeypatch) -> None:
    people = add_people(database, "Aigerim Zhumabayeva", "Bakyt Osmonov", "Dana Akhmetova")
    dialogue = saved_kz(database, people, (S.CONFIRMED, S.CONFIRMED, S.CANCELLED), date(2023, 12, 13))
    editor = open_editor(qtbot, database, dialogue)
    seen: list[list[str]] = []

    def officer_ticks(dialog: protocol_menu.SignedSheetDialog) -> int:
        dialog.show()
        seen.append([dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())])
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # the second person signed, the first did not
        qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(protocol_menu.SignedSheetDialog, "exec", officer_ticks)
    editor.signed_sheet_action.trigger()
    assert seen == [["Aigerim Zhumabayeva", "Bakyt Osmonov"]]  # the withdrawn person is not on the sheet
    assert [p.status for p in editor.record().delegations[0].participants] == [S.ABSENT, S.ATTENDED, S.CANCELLED]
    editor.undo()
    assert [p.status for p in editor.record().delegations[0].participants] == [S.CONFIRMED, S.CONFIRMED,
                                                                               S.CANCELLED]


def test_documents_menu_writes_a_russian_note_verbale(qtbot, database, monkeypatch, tmp_path: Path) -> None:
    seed_meeting(database)
    editor = open_editor(qtbot, database, DialogueRepository(database).get(SEED_ID))
    target = tmp_path / "nv-tj.pdf"

    def officer_fills(dialog: protocol_menu.DocumentDialog) -> int:
        dialog.show()
        dialog.language.setFocus()
        key_clicks(qtbot, dialog.language, "Р")  # Русский
        dialog.party.setCurrentIndex(dialog.party.findData("TJ"))
        dialog.path.setFocus()
        dialog.path.selectAll()
        qtbot.keyClicks(dialog.path, str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(protocol_menu.DocumentDialog, "exec", officer_fills)
    editor.document_actions["note-verbale"].trigger()
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(target)).pages)
    assert "Министерству иностранных дел Республики Таджикистан" in text
    assert "ВЕРБАЛЬНАЯ НОТА" in text


def _officer_types(qtbot, monkeypatch, name: str, format_key: str | None = None, after_format: bool = False):  # type: ignore[no-untyped-def]
    """The officer types a file name in the document dialog and, before or after it, picks a format by key."""
    seen: list[str] = []

    def fills(dialog: protocol_menu.DocumentDialog) -> int:
        dialog.show()

        def choose_format() -> None:
            if format_key:
                dialog.format.setFocus()
                key_clicks(qtbot, dialog.format, format_key)

        if not after_format:
            choose_format()
        dialog.path.setFocus()
        dialog.path.selectAll()
        qtbot.keyClicks(dialog.path, name)
        if after_format:
            choose_format()
        seen.append(dialog.path.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(protocol_menu.DocumentDialog, "exec", fills)
    return seen


def test_a_document_name_typed_without_its_extension_gets_the_chosen_formats(qtbot, database, monkeypatch,  # type: ignore[no-untyped-def]
                                                                            tmp_path: Path) -> None:
    """Format Word, file "sheet": written as sheet.docx (it was refused: "Cannot tell the document's
    format from “sheet”"), as the Report dialog does with "q3"."""
    seed_meeting(database)
    editor = open_editor(qtbot, database, DialogueRepository(database).get(SEED_ID))
    _officer_types(qtbot, monkeypatch, str(tmp_path / "sheet"), "W")
    answers = Answers(monkeypatch, QMessageBox.StandardButton.No)
    editor.document_actions["sign-in-sheet"].trigger()
    assert not answers.warnings and not answers.questions, (answers.warnings, answers.questions)
    assert (tmp_path / "sheet.docx").exists()


def test_choosing_the_format_after_typing_the_name_keeps_the_name(qtbot, database, monkeypatch,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    """The officer types "signatures.pdf", then picks Word: "signatures.docx" is written (the typed
    name was replaced by "sign-in-sheet - <title>.docx" without a word)."""
    seed_meeting(database)
    editor = open_editor(qtbot, database, DialogueRepository(database).get(SEED_ID))
    seen = _officer_types(qtbot, monkeypatch, str(tmp_path / "signatures.pdf"), "W", after_format=True)
    editor.document_actions["sign-in-sheet"].trigger()
    assert seen == [str(tmp_path / "signatures.docx")]
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["signatures.docx"]


def test_a_typed_extension_chooses_the_format(qtbot, database, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_meeting(database)
    editor = open_editor(qtbot, database, DialogueRepository(database).get(SEED_ID))
    formats: list[str] = []

    def fills(dialog: protocol_menu.DocumentDialog) -> int:
        dialog.show()
        dialog.path.setFocus()
        dialog.path.selectAll()
        qtbot.keyClicks(dialog.path, str(tmp_path / "list.docx"))
        formats.append(dialog.format.currentData())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(protocol_menu.DocumentDialog, "exec", fills)
    editor.document_actions["participant-list"].trigger()
    assert formats == ["docx"]
    assert (tmp_path / "list.docx").exists()


def test_a_document_over_an_existing_file_asks_first(qtbot, database, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A typed (or default) name of a file that exists: the officer is asked, and No keeps the file."""
    seed_meeting(database)
    editor = open_editor(qtbot, database, DialogueRepository(database).get(SEED_ID))
    earlier = tmp_path / "list.pdf"
    earlier.write_bytes(b"the signed copy")
    _officer_types(qtbot, monkeypatch, str(earlier))
    answers = Answers(monkeypatch, QMessageBox.StandardButton.No)
    editor.document_actions["participant-list"].trigger()
    assert any("already exists" in text for text in answers.questions), answers.questions
    assert earlier.read_bytes() == b"the signed copy"


def _mnemonics(dialog) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QLabel

    letters = []
    for widget in (*dialog.findChildren(QLabel), *dialog.findChildren(QAbstractButton)):
        if widget.isVisible() and "&" in widget.text().replace("&&", ""):
            letters.append(widget.text().replace("&&", "").split("&", 1)[1][0].casefold())
    return letters


@pytest.mark.parametrize("kind", ["note-verbale", "sign-in-sheet"])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_each_field_of_the_document_dialog_has_its_own_alt_key(qtbot, database, kind: str, language: str,  # type: ignore[no-untyped-def]
                                                              request: pytest.FixtureRequest) -> None:
    """Round 17: "&Format" and "&File" were both Alt+F (Alt+F reached the format first, the file name
    the comment promised only on a second press), «&Формат»/«&Файл» both Alt+Ф, and «&Ответ до» and
    «&Обзор…» both Alt+О."""
    if language == "ru":
        request.getfixturevalue("russian")
    seed_meeting(database)
    dialog = protocol_menu.DocumentDialog(kind, DialogueRepository(database).get(SEED_ID))
    qtbot.addWidget(dialog)
    dialog.show()
    letters = _mnemonics(dialog)
    assert len(letters) >= 5 and len(letters) == len(set(letters)), letters


def test_the_suggested_name_follows_the_party_and_the_format(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    seed_meeting(database)
    dialog = protocol_menu.DocumentDialog("note-verbale", DialogueRepository(database).get(SEED_ID))
    qtbot.addWidget(dialog)
    dialog.show()
    first = dialog.party.currentData()
    assert dialog.path.text() == str(Path.home() / f"note-verbale - EU-Central Asia Drug Dialogue 2023 - {first}.pdf")
    dialog.party.setCurrentIndex(dialog.party.findData("TJ"))
    dialog.format.setFocus()
    key_clicks(qtbot, dialog.format, "W")
    assert dialog.path.text() == str(Path.home() / "note-verbale - EU-Central Asia Drug Dialogue 2023 - TJ.docx")


def _reply_by_typed(qtbot, editor, monkeypatch, typed: str):  # type: ignore[no-untyped-def]
    """The officer opens Documents ▸ Note Verbale…, types the reply-by date and presses Write (Enter)."""
    from tests.ui.conftest import when_modal

    written: list[dict[str, object]] = []
    seen: list[tuple[str, bool, str, bool]] = []  # the sentence, still open, the text, the cursor in the field
    monkeypatch.setattr(protocol_menu, "write_from_form", lambda _editor, _kind, request: written.append(request))

    def officer(dialog) -> None:  # type: ignore[no-untyped-def]
        activate(qtbot, dialog)
        box = dialog.reply_by
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
        qtbot.keyClicks(box, typed)
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Write
        seen.append((dialog.problem.text(), dialog.isVisible(), box.text(), dialog.focusWidget() is box))
        if dialog.isVisible():
            dialog.reject()

    when_modal(officer)
    editor.document_actions["note-verbale"].trigger()
    return written, seen


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_reply_by_date_typed_is_the_one_written(qtbot, database, monkeypatch,  # type: ignore[no-untyped-def]
                                                    request: pytest.FixtureRequest, language: str) -> None:
    """Round 17: Reply by was a QDateEdit: 13.12.2023 typed into it left it at the date it showed
    (two weeks on) and the Note Verbale asked for a reply by that date, nothing said."""
    if language == "ru":
        request.getfixturevalue("russian")
    seed_meeting(database)
    editor = open_editor(qtbot, database, DialogueRepository(database).get(SEED_ID))
    written, seen = _reply_by_typed(qtbot, editor, monkeypatch, "12.12.2023")  # the day before the meeting
    assert [w["reply_by"] for w in written] == [date(2023, 12, 12)]
    assert seen[0][:2] == ("", False)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_reply_by_date_on_the_meetings_first_day_is_refused_naming_both_dates(  # type: ignore[no-untyped-def]
        qtbot, database, monkeypatch, request: pytest.FixtureRequest, language: str) -> None:
    """Round 18: a reply-by date on or after the day the meeting begins (a typo: the composition is
    needed before it) went into the note. The seed's meeting begins on 13 December 2023."""
    if language == "ru":
        request.getfixturevalue("russian")
    seed_meeting(database)
    editor = open_editor(qtbot, database, DialogueRepository(database).get(SEED_ID))
    written, seen = _reply_by_typed(qtbot, editor, monkeypatch, "13.12.2023")
    assert written == []
    assert seen[0] == ({"en": "The reply-by date 2023-12-13 is not before the dialogue begins (2023-12-13): "
                              "give an earlier date.",
                        "ru": "Срок ответа 13.12.2023 не раньше начала диалога (13.12.2023): "
                              "укажите более раннюю дату."}[language], True,
                       {"en": "2023-12-13", "ru": "13.12.2023"}[language], True)  # the date read, cursor on it


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("typed", ["31.02.2023", "next week", ""])
def test_a_reply_by_date_that_cannot_be_read_writes_nothing(qtbot, database, monkeypatch,  # type: ignore[no-untyped-def]
                                                            request: pytest.FixtureRequest, language: str,
                                                            typed: str) -> None:
    if language == "ru":
        request.getfixturevalue("russian")
    seed_meeting(database)
    editor = open_editor(qtbot, database, DialogueRepository(database).get(SEED_ID))
    written, seen = _reply_by_typed(qtbot, editor, monkeypatch, typed)
    assert written == []
    problem, still_open, kept, _in_field = seen[0]
    assert still_open and kept == typed
    if typed:
        assert problem.startswith(("“" if language == "en" else "«") + typed)
    else:
        assert problem == {"en": "Give the date the reply is asked by.",
                           "ru": "Укажите дату, до которой просят ответить."}[language]
