"""The registration wizard driven as an officer would: file, preview, columns, check, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QWizard

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import database_counts
from desktop_app.services.registration.columns import Field
from desktop_app.ui.dialogs.registration_wizard import RegistrationWizard
from tests.factories import make_dialogue
from tests.services.registration_files import ENGLISH_HEADER, registration_list_xlsx, write_csv, write_xlsx

# The offscreen platform cannot size top-level windows and says so; that is not a fault of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialogue(database):
    return DialogueRepository(database).save(make_dialogue(delegations=()))


@pytest.fixture
def wizard(qtbot, database, dialogue):
    wizard = RegistrationWizard(database, dialogue.id)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def click(qtbot, wizard: RegistrationWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def choose_file(qtbot, wizard: RegistrationWizard, path: Path) -> None:
    qtbot.keyClicks(wizard.file_page.path, str(path))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)


def test_forty_participants_land_in_the_dialogue(qtbot, wizard, database, dialogue, tmp_path: Path) -> None:
    choose_file(qtbot, wizard, registration_list_xlsx(tmp_path / "list.xlsx", 40))
    assert wizard.currentPage() is wizard.preview_page
    assert "Headings found in row 4; 40 rows below them" in wizard.preview_page.where.text()
    assert wizard.preview_page.table.item(3, 0).text() == "Name"
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.mapping_page.combos[Field.COUNTRY].currentText() == "D: Country"
    assert wizard.mapping_page.combos[Field.ROLE].currentText() == "(not in the list)"
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.check_page.summary.text().startswith("All 40 rows are fine")
    assert wizard.check_page.entries.rowCount() == 40
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert "Add 40 participants" in wizard.import_page.text.text()
    with qtbot.waitSignal(wizard.imported):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    saved = DialogueRepository(database).get(dialogue.id)
    assert sum(len(d.participants) for d in saved.delegations) == 40
    assert not wizard.isVisible()


def test_a_hostile_file_is_refused_on_the_first_page(qtbot, wizard, tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    path.write_text("not a workbook")
    choose_file(qtbot, wizard, path)
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.isVisible()
    assert wizard.file_page.error.text() == "list.xlsx is not an Excel workbook, although its name ends in .xlsx."


def test_bad_rows_are_listed_and_set_aside_and_the_rest_goes_in(qtbot, wizard, database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Aigerim Zhumabayeva", "", "", "KZ", "әйел", ""),
                                               ("Timur Hasanov", "", "", "Atlantis", "M", "")])
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.check_page
    assert page.summary.text().startswith("1 rows cannot be read and will be set aside")
    assert (page.problems.item(0, 0).text(), page.problems.item(0, 1).text()) == (
        "3", "“Atlantis” is not a known country or organisation")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert database_counts(database).people == 1
    assert wizard.summary is not None and [p.row_number for p in wizard.summary.set_aside] == [3]


def test_a_probable_match_is_refused_unless_chosen_on_its_row(qtbot, wizard, database, tmp_path: Path) -> None:
    from desktop_app.db.repositories.people import PeopleRepository
    from tests.factories import add_people

    first, _second = add_people(database, "Jyldyz Usenova", "Oʻktam Yoʻldoshev")
    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Жылдыз Үсөнова", "", "", "KG", "", ""),
                                               ("Uktam Yoldoshev", "", "", "UZ", "", "")])
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.check_page
    assert set(page.choices) == {2, 3}
    assert all(combo.currentData() is None for combo in page.choices.values())  # never reused silently
    combo = page.choices[2]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the officer accepts the first row's match only
    assert combo.currentData() == first.id
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.summary is not None
    assert (wizard.summary.known_people, wizard.summary.new_people) == (1, 1)
    assert len(PeopleRepository(database).search()) == 3


def test_columns_can_be_corrected_by_hand(qtbot, wizard, database, dialogue, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [("Participant", "Nation", "Job"), ("Daler Ismoilov", "TJ", "Expert")])
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.mapping_page
    assert page.combos[Field.COUNTRY].currentIndex() == 0
    page.combos[Field.COUNTRY].setCurrentIndex(2)  # B: Nation
    page.combos[Field.POSITION].setCurrentIndex(3)  # C: Job
    page.combos[Field.SEX].setCurrentIndex(2)  # B again: refused
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is page
    assert page.error.text() == "Column 2 is chosen both as Country or organisation and as Sex."
    page.combos[Field.SEX].setCurrentIndex(0)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    (delegation,) = DialogueRepository(database).get(dialogue.id).delegations
    assert delegation.party.code == "TJ"
    assert delegation.participants[0].position == "Expert"


def test_an_edit_saved_elsewhere_meanwhile_is_not_overwritten(qtbot, wizard, database, dialogue,
                                                              tmp_path: Path) -> None:
    choose_file(qtbot, wizard, registration_list_xlsx(tmp_path / "list.xlsx", 3))
    for _ in range(3):
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
    DialogueRepository(database).save(dialogue.__class__(**{**dialogue.__dict__, "title": "Renamed elsewhere"}))
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.currentPage() is wizard.import_page
    assert "was changed elsewhere since you opened it" in wizard.import_page.error.text()
    assert database_counts(database).people == 0


def _to_cell(qtbot, table, row: int, column: int) -> None:
    """Walk to a cell with the arrow keys, as the officer does (from the table's first cell)."""
    table.window().activateWindow()  # the wizard's shortcuts (Alt+K) work in the active window
    qtbot.waitUntil(table.window().isActiveWindow)
    table.setFocus()
    table.setCurrentCell(0, 0)
    for _ in range(row):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    for _ in range(column):
        qtbot.keyClick(table, Qt.Key.Key_Right)
    assert (table.currentRow(), table.currentColumn()) == (row, column)


def test_a_row_set_aside_is_corrected_in_the_wizard_and_taken_in(qtbot, wizard, database, dialogue,
                                                                  tmp_path: Path) -> None:
    """Issue 16: the officer types the right country over the unreadable one, checks again, and the
    row goes in with the rest; a row still wrong stays set aside with its new reason."""
    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Aigerim Zhumabayeva", "", "", "KZ", "әйел", ""),
                                               ("Timur Hasanov", "Expert", "", "Republic of Atlantis", "M", ""),
                                               ("Dilnoza Tursunova", "", "", "UZ", "perhaps", "")])
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.check_page
    assert page.summary.text().startswith("2 rows cannot be read and will be set aside")
    assert page.recheck.isVisible() and page.fix_hint.isVisible()
    headings = [page.problems.horizontalHeaderItem(c).text() for c in range(page.problems.columnCount())]
    country = headings.index("Country or organisation (Country)")
    sex = headings.index("Sex")
    assert page.problems.item(0, country).text() == "Republic of Atlantis"
    _to_cell(qtbot, page.problems, 0, 1)
    qtbot.keyClicks(page.problems, "x")  # the reason is not a cell of the list: it cannot be typed over
    assert page.problems.item(0, 1).text() == "“Republic of Atlantis” is not a known country or organisation"
    _to_cell(qtbot, page.problems, 0, country)
    qtbot.keyClicks(page.problems, "U")  # typing over the cell opens its editor with the key typed
    editor = page.problems.focusWidget()
    assert editor is not page.problems
    qtbot.keyClicks(editor, "zbekistan")
    assert editor.text() == "Uzbekistan"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.problems.state() != QTableWidget.State.EditingState)
    assert page.problems.item(0, country).text() == "Uzbekistan"
    _to_cell(qtbot, page.problems, 1, sex)
    qtbot.keyClick(page.problems, Qt.Key.Key_F2)
    editor = page.problems.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "ayol")  # Uzbek for a woman; Check again straight from the open editor
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.summary.text().startswith("All 3"))  # a mnemonic clicks a moment later
    assert not page.problems.isVisible() and not page.recheck.isVisible(), [
        [page.problems.item(r, c).text() for c in range(page.problems.columnCount())]
        for r in range(page.problems.rowCount())]
    assert page.summary.text().startswith("All 3 rows are fine")
    assert [page.entries.item(r, 1).text() for r in range(3)] == [
        "Aigerim Zhumabayeva", "Timur Hasanov", "Dilnoza Tursunova"]
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.summary is not None and not wizard.summary.set_aside
    saved = DialogueRepository(database).get(dialogue.id)
    assert {d.party.code: len(d.participants) for d in saved.delegations} == {"KZ": 1, "UZ": 2}
    timur = next(p for d in saved.delegations for p in d.participants if p.position == "Expert")
    assert next(d for d in saved.delegations if timur in d.participants).party.code == "UZ"
    from desktop_app.services.registration.reading import read_sheet

    assert read_sheet(path).rows[2][3] == "Republic of Atlantis"  # the file itself is as it was


def test_a_correction_still_wrong_stays_set_aside_with_its_new_reason(qtbot, wizard, database,
                                                                     tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Aigerim Zhumabayeva", "", "", "KZ", "", ""),
                                               ("Timur Hasanov", "", "", "Atlantis", "M", "")])
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.check_page
    _to_cell(qtbot, page.problems, 0, 2)  # the name: the officer empties it by mistake
    qtbot.keyClick(page.problems, Qt.Key.Key_F2)
    editor = page.problems.focusWidget()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.problems.state() != QTableWidget.State.EditingState)
    with qtbot.waitSignal(page.recheck.clicked):
        qtbot.keyClick(page.problems, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert page.problems.isVisible()
    assert page.problems.item(0, 1).text().startswith("the name is missing")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert database_counts(database).people == 1
    assert wizard.summary is not None and [p.row_number for p in wizard.summary.set_aside] == [3]


def test_a_correction_typed_but_not_checked_again_is_not_lost_on_next(qtbot, wizard, database, dialogue,
                                                                       tmp_path: Path) -> None:
    """Round 16: a country typed over the unreadable one, then Next without Check again: the wizard went
    on and imported the list with the row still set aside, the typing gone. Now Next checks the
    corrections first and stays on the page to show the result; the next Next goes on."""
    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Aigerim Zhumabayeva", "", "", "KZ", "", ""),
                                               ("Timur Hasanov", "", "", "Atlantis", "M", "")])
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.check_page
    headings = [page.problems.horizontalHeaderItem(c).text() for c in range(page.problems.columnCount())]
    _to_cell(qtbot, page.problems, 0, headings.index("Country or organisation (Country)"))
    qtbot.keyClicks(page.problems, "T")
    qtbot.keyClicks(page.problems.focusWidget(), "J")  # the editor still open when Next is pressed
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is page
    assert page.summary.text().startswith("All 2 rows are fine"), page.summary.text()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert "Add 2 participants" in wizard.import_page.text.text()
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    saved = DialogueRepository(database).get(dialogue.id)
    assert {d.party.code: len(d.participants) for d in saved.delegations} == {"KZ": 1, "TJ": 1}


def test_corrections_and_chosen_matches_outlive_a_look_back_at_the_columns(qtbot, wizard, database, dialogue,
                                                                           tmp_path: Path) -> None:
    """Round 16: Back to the columns and Next again reset every probable match to "New person" and
    dropped a correction typed but not yet checked: a known person was added again as a new one."""
    from tests.factories import add_people

    (known,) = add_people(database, "Jyldyz Usenova")
    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Жылдыз Үсөнова", "", "", "KG", "", ""),
                                               ("Timur Hasanov", "", "", "Atlantis", "M", "")])
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.check_page
    combo = page.choices[2]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == known.id
    headings = [page.problems.horizontalHeaderItem(c).text() for c in range(page.problems.columnCount())]
    _to_cell(qtbot, page.problems, 0, headings.index("Country or organisation (Country)"))
    qtbot.keyClicks(page.problems, "T")
    qtbot.keyClicks(page.problems.focusWidget(), "J")
    qtbot.keyClick(page.problems.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.problems.state() != QTableWidget.State.EditingState)
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentPage() is wizard.mapping_page
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is page
    assert page.summary.text().startswith("All 2 rows are fine"), page.summary.text()
    assert page.choices[2].currentData() == known.id
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.summary is not None and (wizard.summary.known_people, wizard.summary.new_people) == (1, 1)


def test_the_dialogue_chosen_is_the_one_imported_into_even_beyond_the_newest_offered(qtbot, database, tmp_path: Path,
                                                                                    monkeypatch) -> None:
    """Round 16: the wizard offers the newest 500 dialogues; opened for an older one it silently chose
    the newest instead, and the list went into another meeting. Now the one chosen is always offered."""
    from datetime import date

    from desktop_app.ui.dialogs import registration_wizard

    monkeypatch.setattr(registration_wizard, "DIALOGUE_CHOICES", 1)
    older = DialogueRepository(database).save(make_dialogue("Older meeting", start_date=date(2015, 5, 5),
                                                            delegations=()))
    newer = DialogueRepository(database).save(make_dialogue("Newer meeting", start_date=date(2024, 5, 5),
                                                            delegations=()))
    wizard = RegistrationWizard(database, older.id)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.file_page.dialogue.currentData() == older.id
    choose_file(qtbot, wizard, registration_list_xlsx(tmp_path / "list.xlsx", 2))
    for _ in range(3):
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert sum(len(d.participants) for d in DialogueRepository(database).get(older.id).delegations) == 2
    assert not DialogueRepository(database).get(newer.id).delegations


def test_each_page_reached_by_return_has_the_keys_and_a_hidden_page_has_none(qtbot, wizard, database,
                                                                              tmp_path: Path) -> None:
    """Round 16: Return on the columns page showed the check page with the keyboard still on the hidden
    page's first combo ("Full name"): the officer's Down arrow there, meant for the list of rows,
    silently chose another column for the names. Now each page shown has the keys on one of its own
    visible widgets."""
    from PySide6.QtWidgets import QApplication

    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Aizhan Ospanova", "", "", "KZ", "", "")])
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    wizard.file_page.path.setFocus()
    qtbot.keyClicks(wizard.file_page.path, str(path))
    for page in (wizard.preview_page, wizard.mapping_page, wizard.check_page, wizard.import_page):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert wizard.currentPage() is page
        focus = QApplication.focusWidget()
        buttons = [wizard.button(b) for b in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton)]
        assert focus is not None and focus.isVisible() and (page.isAncestorOf(focus) or focus in buttons), focus
        if page is wizard.check_page:
            qtbot.keyClick(focus, Qt.Key.Key_Down)
            assert wizard.mapping_page.combos[Field.NAME].currentText() == "A: Name"


def test_a_path_pasted_with_quotes_as_windows_copies_it_opens_the_list(qtbot, wizard, tmp_path: Path) -> None:
    """Round 16: Windows Explorer's "Copy as path" puts the path in double quotes; pasted into the
    wizard it was refused as 'list.xlsx" cannot be opened: No such file or directory'."""
    path = registration_list_xlsx(tmp_path / "list.xlsx", 2)
    choose_file(qtbot, wizard, Path(f'"{path}"'))
    assert wizard.currentPage() is wizard.preview_page, wizard.file_page.error.text()


def test_columns_chosen_by_hand_outlive_a_look_back_at_the_sheet(qtbot, wizard, database, dialogue,
                                                                  tmp_path: Path) -> None:
    """Round 16: Back to the sheet to see which column is which, then Next: every column chosen by
    hand (and the delegation for rows without a country) was reset to the guesses, silently."""
    path = write_csv(tmp_path / "list.csv", [("Participant", "Nation", "Job"), ("Daler Ismoilov", "TJ", "Expert")])
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.mapping_page
    page.combos[Field.COUNTRY].setCurrentIndex(2)  # B: Nation
    page.combos[Field.POSITION].setCurrentIndex(3)  # C: Job
    page.party.setCurrentIndex(1)
    party = page.party.currentData()
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentPage() is wizard.preview_page
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert (page.combos[Field.COUNTRY].currentText(), page.combos[Field.POSITION].currentText()) == (
        "B: Nation", "C: Job")
    assert page.party.currentData() == party


def test_corrections_outlive_a_look_back_at_the_first_page_when_the_file_is_unchanged(qtbot, wizard, database,
                                                                                      tmp_path: Path) -> None:
    """Round 16: Back to the first page (to check the dialogue chosen) and on again read the file
    afresh: the rows corrected in the wizard were set aside again, the typing gone. The same file,
    unchanged, now keeps them; a file changed on disk is read afresh."""
    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Aigerim Zhumabayeva", "", "", "KZ", "", ""),
                                               ("Timur Hasanov", "", "", "Atlantis", "M", "")])
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.check_page
    headings = [page.problems.horizontalHeaderItem(c).text() for c in range(page.problems.columnCount())]
    page.problems.item(0, headings.index("Country or organisation (Country)")).setText("TJ")
    page.check_again()
    assert page.summary.text().startswith("All 2 rows are fine")
    for _ in range(3):
        click(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentPage() is wizard.file_page
    for _ in range(3):
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is page
    assert page.summary.text().startswith("All 2 rows are fine"), page.summary.text()
