"""The dialogue list as the officer uses it: scrolling, sorting, searching, filtering, the trash."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt

from desktop_app.db import models as m
from desktop_app.db.repositories.dialogues import DialogueRepository, DialogueSort
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus
from desktop_app.ui.dialogue_list_view import DialogueListView
from desktop_app.ui.models.dialogue_table_model import COLUMNS, SORT_ROLE, DialogueTableModel
from tests.factories import make_dialogue
from tests.ui.conftest import add_bare_dialogues, add_dialogues

PAGE = 200


def titles(model: DialogueTableModel) -> list[str]:
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def column_of(sort: DialogueSort) -> int:
    return [c for c, _ in COLUMNS].index(sort)


def test_a_large_register_is_fetched_page_by_page(qtbot, database):
    add_bare_dialogues(database, 3000)
    view = DialogueListView(DialogueRepository(database))
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    model = view.model
    assert model.total == 3000
    assert PAGE <= model.fetched <= 2 * PAGE
    view.table.scrollToBottom()  # the view asks for the next page when the end comes into sight
    qtbot.waitUntil(lambda: model.fetched > PAGE)
    assert model.fetched <= 3 * PAGE
    assert len({model.index(row, 0).data(Qt.ItemDataRole.UserRole + 2) for row in range(model.rowCount())}) \
        == model.fetched


def test_the_list_model_passes_the_model_tester(qtmodeltester, database):
    add_bare_dialogues(database, 450)
    model = DialogueTableModel(DialogueRepository(database), page_size=100)
    qtmodeltester.check(model)
    assert model.fetched < 450


def test_clicking_a_header_sorts_in_sql(qtbot, database):
    add_dialogues(database, make_dialogue("Bravo meeting", start_date=date(2021, 1, 1)),
                  make_dialogue("Alpha meeting", start_date=date(2020, 1, 1)),
                  make_dialogue("Charlie meeting", start_date=date(2022, 1, 1)))
    view = DialogueListView(DialogueRepository(database))
    qtbot.addWidget(view)
    view.resize(1200, 400)
    view.show()
    assert titles(view.model) == ["Charlie meeting", "Bravo meeting", "Alpha meeting"]  # newest first
    header = view.table.horizontalHeader()
    title_column = column_of(DialogueSort.TITLE)
    where = QPoint(header.sectionViewportPosition(title_column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    first_order = titles(view.model)
    assert sorted(first_order) in (first_order, list(reversed(first_order)))
    assert view.model.sort_key()[0] is DialogueSort.TITLE
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert titles(view.model) == list(reversed(first_order))
    raw = view.model.index(0, column_of(DialogueSort.DATE)).data(SORT_ROLE)
    assert raw in (date(2020, 1, 1), date(2021, 1, 1), date(2022, 1, 1))


def test_typing_in_the_search_box_narrows_the_list(qtbot, database):
    add_dialogues(database, make_dialogue("EU-Central Asia Drug Dialogue 2023", city="Brussels"),
                  make_dialogue("Regional conference", city="Tashkent", country="UZ", topics=("observatories",),
                                series="CADAP"))
    view = DialogueListView(DialogueRepository(database))
    qtbot.addWidget(view)
    assert view.model.rowCount() == 2
    qtbot.keyClicks(view.filters.search, "tashkent")
    assert view.model.rowCount() == 2  # nothing happens while the officer is still typing
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert titles(view.model) == ["Regional conference"]
    view.filters.search.clear()
    qtbot.keyClicks(view.filters.search, "METHAMPHETAMINE")
    qtbot.waitUntil(lambda: titles(view.model) == ["EU-Central Asia Drug Dialogue 2023"])


def test_filters_narrow_the_list(qtbot, database):
    add_dialogues(database,
                  make_dialogue("Old", start_date=date(2019, 5, 1), series="Alpha"),
                  make_dialogue("Draft one", start_date=date(2023, 5, 1), series="Beta",
                                status=DialogueStatus.DRAFT, country="KG", city="Bishkek"),
                  make_dialogue("Recent", start_date=date(2024, 5, 1), series="Alpha"))
    view = DialogueListView(DialogueRepository(database))
    qtbot.addWidget(view)
    filters = view.filters
    filters.series.setCurrentIndex(filters.series.findText("Alpha"))
    assert sorted(titles(view.model)) == ["Old", "Recent"]
    filters.date_from.set_value(date(2020, 1, 1))
    filters._emit()
    assert titles(view.model) == ["Recent"]
    filters.series.setCurrentIndex(0)
    filters.date_from.clear()
    filters.status.setCurrentIndex(filters.status.findText("Draft"))
    assert titles(view.model) == ["Draft one"]
    filters.status.setCurrentIndex(0)
    filters.country.setCurrentIndex(filters.country.findData("KG"))
    assert titles(view.model) == ["Draft one"]
    filters.country.setCurrentIndex(0)
    filters.date_to.set_value(date(2020, 1, 1))
    filters._emit()
    assert titles(view.model) == ["Old"]


def test_drafts_are_marked(qtbot, database):
    add_dialogues(database, make_dialogue("Draft one", status=DialogueStatus.DRAFT))
    model = DialogueTableModel(DialogueRepository(database))
    status = model.index(0, column_of(DialogueSort.STATUS))
    assert status.data() == "Draft"
    assert status.data(Qt.ItemDataRole.FontRole).italic()


def test_delete_to_trash_and_restore(qtbot, window, database):
    add_dialogues(database, make_dialogue("Keep me"), make_dialogue("Throw me", start_date=date(2024, 1, 1)))
    window.reload()
    table = window.dialogues.table
    assert titles(window.dialogues.model)[0] == "Throw me"
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert titles(window.dialogues.model) == ["Keep me"]
    assert "1 shown / 1 total" in window.count_label.text()
    window.page_actions[3].trigger()
    assert titles(window.trash.model) == ["Throw me"]
    window.trash.table.selectRow(0)
    window.restore_action.trigger()
    assert titles(window.trash.model) == []
    assert sorted(titles(window.dialogues.model)) == ["Keep me", "Throw me"]
    assert DialogueRepository(database).count() == 2


def test_delete_for_good_asks_first(qtbot, window, database, answers):
    dialogue = make_dialogue("Gone")
    add_dialogues(database, dialogue)
    DialogueRepository(database).delete(dialogue.id)
    window.reload()
    window.show_page(3)
    window.trash.table.selectRow(0)
    answers.confirm = False
    window.purge_action.trigger()
    assert titles(window.trash.model) == ["Gone"]
    assert "“Gone”" in answers.texts("ask")[0]
    answers.confirm = True
    window.purge_action.trigger()
    assert titles(window.trash.model) == []
    assert DialogueRepository(database).count(r.DialogueFilter(deleted=True)) == 0


def test_a_search_of_many_matches_is_counted_so_far_and_still_scrolls_to_its_end(qtbot, window, monkeypatch):
    """Issue 19: a word in most dialogues is counted only up to a bound ("More than …"); the list
    still fetches every match as the officer scrolls, and then says how many there are."""
    from desktop_app.ui.models import dialogue_table_model

    monkeypatch.setattr(dialogue_table_model, "COUNT_UP_TO", 250)
    add_bare_dialogues(window.database, 600)
    window.reload()
    view = window.dialogues
    view.table.setFocus()
    qtbot.keyClicks(view.filters.search, "00")  # the numbers of all 600 titles begin with it
    qtbot.waitUntil(lambda: view.model.selection.text == "00", timeout=3000)
    assert view.model.more and view.model.total == 250 and view.model.fetched == PAGE
    assert window.count_label.text() == "More than 250 shown / 600 total"
    for _ in range(5):
        view.table.scrollToBottom()  # the view asks for the next page when the end comes into sight
        qtbot.wait(50)
    qtbot.waitUntil(lambda: not view.model.more, timeout=3000)
    assert view.model.fetched == view.model.total == 600
    assert window.count_label.text() == "600 shown / 600 total"
    assert titles(view.model)[:2] == ["Meeting 00599", "Meeting 00598"]


def test_a_series_stored_in_several_cases_is_one_filter_choice_showing_every_spelling(qtbot, database):
    """"Drug Dialogue" typed here, "drug dialogue" from another office's bundle: `list`, `report` and the
    Report dialog take them as one series (case does not matter), so the window's filter offers it once
    and shows the dialogues of both; a series of one spelling is still the filter's own series (the
    list's index finds it, measured by make bench), not a set of ids."""
    add_dialogues(database,
                  make_dialogue("First", start_date=date(2021, 5, 1), series="Drug Dialogue"),
                  make_dialogue("Second", start_date=date(2022, 5, 1), series="drug dialogue"),
                  make_dialogue("Other", start_date=date(2023, 5, 1), series="Expert meetings"))
    view = DialogueListView(DialogueRepository(database))
    qtbot.addWidget(view)
    view.show()
    filters = view.filters
    listed = [filters.series.itemText(index) for index in range(1, filters.series.count())]
    assert sorted(name.casefold() for name in listed) == ["drug dialogue", "expert meetings"]
    filters.series.setFocus()
    qtbot.keyClicks(filters.series, "Expert")
    assert titles(view.model) == ["Other"]
    assert view.model.selection.series == "Expert meetings" and view.model.selection.ids is None
    qtbot.keyClick(filters.series, Qt.Key.Key_Up)  # the choice above: the series of two spellings
    assert titles(view.model) == ["Second", "First"]
    assert view.counts() == (2, 3)
    # a third spelling saved meanwhile (a bundle imported): the list after the change shows it too
    add_dialogues(database, make_dialogue("Third", start_date=date(2024, 5, 1), series="DRUG DIALOGUE"))
    view.reload()
    assert filters.series.currentText().casefold() == "drug dialogue"
    assert titles(view.model) == ["Third", "Second", "First"]
    filters.series.setCurrentIndex(0)
    assert sorted(titles(view.model)) == ["First", "Other", "Second", "Third"]


def test_the_filter_follows_a_series_left_with_one_spelling_or_none(qtbot, database):
    """The spellings change under a chosen series: down to one (the other's dialogues purged), the filter is
    the series' own again; none left, the choice is "All series" and the list shows them all, as it says."""
    repository = DialogueRepository(database)
    add_dialogues(database, make_dialogue("First", series="Drug Dialogue"),
                  make_dialogue("Second", series="drug dialogue"), make_dialogue("Other", series="Beta"))
    view = DialogueListView(repository)
    qtbot.addWidget(view)
    filters = view.filters
    filters.series.setCurrentIndex(filters.series.findText("Drug Dialogue", Qt.MatchFlag.MatchFixedString))
    assert sorted(titles(view.model)) == ["First", "Second"]
    second = next(row.id for row in repository.page(view.model.selection).rows if row.title == "Second")
    with database.writing() as session:
        session.execute(m.DialogueRow.__table__.update().where(m.DialogueRow.id == second)
                        .values(series="Beta"))
    view.reload()
    assert titles(view.model) == ["First"]
    assert view.model.selection.series == "Drug Dialogue" and view.model.selection.ids is None
    with database.writing() as session:
        session.execute(m.DialogueRow.__table__.update().where(m.DialogueRow.series == "Drug Dialogue")
                        .values(series="Beta"))
    view.reload()
    assert filters.series.currentIndex() == 0
    assert sorted(titles(view.model)) == ["First", "Other", "Second"]


def test_a_period_is_typed_as_people_write_dates(qtbot, database):
    """Round 17: From and to were date boxes showing "any" that could not be typed over ("2020-01-01"
    typed became "any0200101", the list stayed as it was and nothing was said). Now a date is typed as
    in the form's date fields, shown back in the window's format; one that is not a date, or a period
    that starts after it ends, is said in one sentence and the list stays as it was; emptied, no limit."""
    from PySide6.QtWidgets import QApplication

    from tests.ui.form_driving import activate

    add_dialogues(database, make_dialogue("Old", start_date=date(2019, 5, 1)),
                  make_dialogue("Recent", start_date=date(2024, 5, 1)))
    view = DialogueListView(DialogueRepository(database))
    qtbot.addWidget(view)
    view.show()
    activate(qtbot, view)
    said: list[str] = []
    view.filters.problems.connect(said.append)
    view.filters.search.setFocus()
    qtbot.keyClick(view.filters.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.filters.date_from
    assert view.filters.date_from.placeholderText() == "any"
    qtbot.keyClicks(view.filters.date_from, "1 Jan 2020")
    qtbot.keyClick(view.filters.date_from, Qt.Key.Key_Tab)
    assert titles(view.model) == ["Recent"]
    assert view.filters.date_from.text() == "2020-01-01" and said[-1] == ""
    qtbot.keyClicks(view.filters.date_to, "31.13.2024")
    qtbot.keyClick(view.filters.date_to, Qt.Key.Key_Return)
    assert said[-1].startswith("“31.13.2024” is not a date the program can read")
    assert titles(view.model) == ["Recent"]  # as it was
    view.filters.date_to.selectAll()
    qtbot.keyClicks(view.filters.date_to, "2019-12-31")
    qtbot.keyClick(view.filters.date_to, Qt.Key.Key_Return)
    assert said[-1] == "The period starts on 2020-01-01, after it ends on 2019-12-31: nothing could match."
    assert titles(view.model) == ["Recent"]
    view.filters.date_from.clear()
    qtbot.waitUntil(lambda: titles(view.model) == ["Old"])
    assert said[-1] == ""


def test_the_window_says_a_period_it_cannot_read_in_its_status_bar(qtbot, window):
    box = window.dialogues.filters.date_from
    box.setFocus()
    qtbot.keyClicks(box, "yesterday")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage().startswith("“yesterday” is not a date the program can read")
    box.clear()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "")


def test_a_period_end_is_chosen_in_a_calendar_by_keys(qtbot, database):
    add_dialogues(database, make_dialogue("Old", start_date=date(2019, 5, 1)),
                  make_dialogue("Recent", start_date=date(2024, 5, 1)))
    view = DialogueListView(DialogueRepository(database))
    qtbot.addWidget(view)
    view.show()
    box = view.filters.date_to
    box.set_value(date(2020, 3, 10))
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert box.calendar is not None and box.calendar.isVisible()
    grid = box.calendar.focusWidget() or box.calendar
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert box.text() == "2020-03-11" and not box.calendar.isVisible()
    qtbot.waitUntil(lambda: titles(view.model) == ["Old"])


def test_the_series_are_offered_in_the_order_of_the_alphabet_case_not_mattering(qtbot, database):
    """Round 17: as stored (SQLite's binary order), "alpha" came after "Zeta", below every capital."""
    add_dialogues(database, *(make_dialogue(name, series=name) for name in ("Zeta", "alpha", "Beta", "gamma",
                                                                            "GAMMA")))
    view = DialogueListView(DialogueRepository(database))
    qtbot.addWidget(view)
    series = view.filters.series
    assert [series.itemText(i) for i in range(series.count())] == ["All series", "alpha", "Beta", "GAMMA", "Zeta"]
