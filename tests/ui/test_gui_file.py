"""`dialogue-register gui FILE` (contract v2) in the window: a database is switched to through the one
open path, a bundle opens the import preview, a registration list opens the wizard for the selected
dialogue (or one sentence when none is selected)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app.cli import build_parser
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services import backups
from desktop_app.ui.dialogs.registration_wizard import RegistrationWizard
from tests.factories import make_dialogue
from tests.services.registration_files import ENGLISH_HEADER, write_xlsx
from tests.ui.conftest import add_dialogues, when_modal


def test_the_gui_command_takes_a_file() -> None:
    args = build_parser().parse_args(["gui", "list.xlsx"])
    assert args.command == "gui" and args.file == "list.xlsx"
    assert build_parser().parse_args(["gui"]).file is None


def test_a_database_file_is_switched_to_through_the_open_path(window, qtbot, tmp_path) -> None:
    other = tmp_path / "colleague.sqlite3"
    database = open_database(other)
    try:
        DialogueRepository(database).save(make_dialogue("In the colleague's database"))
    finally:
        database.close()
    window.open_file(other)
    assert window.database.path == other.absolute()
    # the open path ran: its daily backup follows in the background (issue 19)
    qtbot.waitUntil(lambda: window._after_work is None and bool(backups.list_backups(other)), timeout=10_000)
    assert [info.reason for info in backups.list_backups(other)] == ["daily"]


def test_a_registration_list_opens_the_wizard_for_the_selected_dialogue(window, database, tmp_path) -> None:
    add_dialogues(database, make_dialogue("Expert meeting"))
    window.reload()
    window.dialogues.table.selectRow(0)
    sheet = write_xlsx(tmp_path / "registration.xlsx", [ENGLISH_HEADER, ("Timur Nazarov", "Expert", "Customs",
                                                                         "Kazakhstan", "M", "")])
    seen: list[str] = []

    def look(dialog) -> None:
        if isinstance(dialog, RegistrationWizard):
            seen.append(dialog.file_page.path.text())
        dialog.reject()

    when_modal(look)
    window.open_file(sheet)
    assert seen == [str(sheet)]


def test_a_registration_list_with_no_dialogue_selected_is_one_sentence(window, database, tmp_path, answers) -> None:
    add_dialogues(database, make_dialogue("Expert meeting"))
    window.reload()
    window.dialogues.table.clearSelection()
    window.dialogues.table.setCurrentIndex(window.dialogues.model.index(-1, -1))
    window.open_file(tmp_path / "registration.csv")
    assert any("Select the dialogue in the list first" in text for text in answers.texts("warn"))
    assert QApplication.activeModalWidget() is None


def test_a_file_of_another_kind_is_one_sentence(window, answers) -> None:
    window.open_file(Path("/tmp/notes.txt"))
    assert any("notes.txt is not a database, an exchange bundle" in text for text in answers.texts("warn"))
