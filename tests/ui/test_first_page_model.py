"""Issue 19, round 6: the first window's list is shown by a C++ stand-in (ui/first_page_model.py)
until its first paint is over, then by the real model. The officer sees the same first page either
way, in English and Russian, and keys and selection carry on across the swap."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QFont, QStandardItemModel
from PySide6.QtWidgets import QHeaderView

from desktop_app.db.first_page import DialogueSort, read_first_page
from desktop_app.db.repositories.later import dialogues_later
from desktop_app.domain.enums import DialogueStatus
from desktop_app.ui.dialogue_list_view import DialogueListView
from desktop_app.ui.first_page_model import SHOWN_ROLES
from desktop_app.ui.models.dialogue_table_model import COLUMNS, DialogueTableModel
from tests.factories import make_dialogue
from tests.ui.conftest import add_bare_dialogues, add_dialogues

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def first_window_list(qtbot, database) -> DialogueListView:
    """The list as MainWindow builds it for the first paint: a stand-in showing the first page."""
    view = DialogueListView(dialogues_later(database), load=False, stand_in=True)
    qtbot.addWidget(view)
    view.resize(1200, 500)
    # as MainWindow reads it: the rows the first paint can show, the rest when the real model takes over
    view.show_first_page(read_first_page(database.path, *view.model.sort_key(), limit=view.first_paint_rows()))
    view.show()
    qtbot.waitExposed(view)
    return view


def comparable(value: object) -> object:
    if isinstance(value, QFont):
        return ("font", value.italic(), value.bold())
    if isinstance(value, QColor):
        return ("colour", value.name())
    return value


def varied(database) -> None:
    add_dialogues(database,
                  make_dialogue("Final in Brussels", start_date=date(2024, 3, 4), end_date=date(2024, 3, 5)),
                  make_dialogue("A draft, online", start_date=date(2024, 2, 1), status=DialogueStatus.DRAFT,
                                online=True, city=None, country=None, series=None),
                  make_dialogue("Across months", start_date=date(2023, 11, 30), end_date=date(2023, 12, 1),
                                chair=None, country="KZ", city="Almaty"))


def assert_shows_what_the_model_shows(view: DialogueListView, rows: int) -> None:
    stand_in, model = view.table.model(), view.model
    assert isinstance(stand_in, QStandardItemModel) and not isinstance(stand_in, DialogueTableModel)
    assert stand_in.rowCount() == model.page_rows and stand_in.columnCount() == model.columnCount() == len(COLUMNS)
    assert rows <= model.fetched
    for column in range(len(COLUMNS)):
        assert stand_in.headerData(column, Qt.Orientation.Horizontal) == \
            model.headerData(column, Qt.Orientation.Horizontal)
    for row in range(rows):
        for column in range(len(COLUMNS)):
            for role in SHOWN_ROLES:
                assert comparable(stand_in.index(row, column).data(role)) == \
                    comparable(model.index(row, column).data(role)), (row, column, role)
            flags = stand_in.flags(stand_in.index(row, column))
            assert flags & Qt.ItemFlag.ItemIsSelectable and flags & Qt.ItemFlag.ItemIsEnabled
            assert not flags & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)


def test_the_stand_in_shows_each_cell_as_the_model_does_in_english(qtbot, database) -> None:
    varied(database)
    view = first_window_list(qtbot, database)
    assert_shows_what_the_model_shows(view, 3)
    assert view.table.model().index(1, 1).data() == "A draft, online"
    assert view.model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole).name() == "#6b6b6b"  # a draft is grey


def test_the_stand_in_shows_each_cell_as_the_model_does_in_russian(qtbot, database, russian) -> None:
    varied(database)
    view = first_window_list(qtbot, database)
    assert_shows_what_the_model_shows(view, 3)
    assert view.table.model().headerData(0, Qt.Orientation.Horizontal) != "Date"  # translated
    assert view.table.model().index(0, 0).data() == "04–05.03.2024"


def test_the_stand_in_fills_the_rows_a_screen_can_show_and_holds_the_page(qtbot, database) -> None:
    add_bare_dialogues(database, 450)
    view = first_window_list(qtbot, database)
    shown = view.first_paint_rows()
    assert 10 < shown < view.model.page_size
    assert view.table.model().rowCount() == view.model.page_rows == view.model.page_size  # the scroll bar's
    assert view.model.rowCount() == shown  # the first read: only what the first paint shows
    assert_shows_what_the_model_shows(view, shown)
    assert view.table.currentIndex().row() == 0  # Enter opens something straight away, as before


def test_the_real_model_takes_over_with_the_whole_first_page_as_one_read_would_give_it(qtbot, database) -> None:
    add_bare_dialogues(database, 450)
    whole = [row.id for row in read_first_page(database.path, limit=200).rows]
    view = first_window_list(qtbot, database)
    inserted: list[tuple[int, int]] = []
    view.model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    view.attach_model()
    assert [view.model.row_at(row).id for row in range(view.model.rowCount())] == whole
    assert inserted == [(view.first_paint_rows(), 199)]  # one read of the rest, appended
    view.model.complete_page()  # a full page reads nothing more
    assert inserted == [(view.first_paint_rows(), 199)]


def test_a_row_beyond_the_first_read_acted_on_before_the_swap_is_read_then(qtbot, database) -> None:
    """Page Down and Enter before the work after the first paint: the stand-in's row 150 is a dialogue
    the model had not read yet; it is read then, and the key acts on the right dialogue."""
    add_bare_dialogues(database, 450)
    whole = [row.id for row in read_first_page(database.path, limit=200).rows]
    view = first_window_list(qtbot, database)
    assert view.model.row_at(150) is None
    view.table.setCurrentIndex(view.table.model().index(150, 0))
    assert view.current_id() == whole[150]
    assert view.table.model() is not view.model  # still the stand-in: only the rows were read
    flags = QItemSelectionModel.SelectionFlag
    view.table.selectionModel().select(view.table.model().index(199, 0),
                                       flags.ClearAndSelect | flags.Rows)  # one row, whatever keys are held
    assert view.selected_ids() == [whole[199]]


def test_a_short_list_fills_no_more_rows_than_it_has(qtbot, database) -> None:
    add_bare_dialogues(database, 5)
    view = first_window_list(qtbot, database)
    assert view.table.model().rowCount() == view.model.rowCount() == view.model.page_rows == 5
    assert_shows_what_the_model_shows(view, 5)
    view.attach_model()
    assert view.model.rowCount() == 5


def test_the_table_is_told_of_the_first_page_once_a_row_not_once_a_cell(qtbot, database) -> None:
    """Round 7: each cell set in a shown model is a `dataChanged` the table and its headers handle
    (~216 cells, ~8 M instructions before the first paint); a filled row added whole is one
    `rowsInserted`. The cells are the same (the tests above)."""
    add_bare_dialogues(database, 450)
    view = DialogueListView(dialogues_later(database), load=False, stand_in=True)
    qtbot.addWidget(view)
    stand_in = view.table.model()
    told: list[str] = []
    stand_in.dataChanged.connect(lambda *args: told.append("cell"))
    stand_in.rowsInserted.connect(lambda *args: told.append("rows"))
    view.show_first_page(read_first_page(database.path, *view.model.sort_key(), limit=view.model.page_size))
    assert told.count("cell") == 0
    assert told.count("rows") <= view.first_paint_rows() + 1
    assert_shows_what_the_model_shows(view, view.first_paint_rows())


def test_after_the_swap_the_same_columns_current_row_and_selection_and_keys_go_on(qtbot, database) -> None:
    add_bare_dialogues(database, 450)
    view = first_window_list(qtbot, database)
    header = view.table.horizontalHeader()
    header.resizeSection(2, 233)
    header.moveSection(3, 5)
    widths = [header.sectionSize(column) for column in range(len(COLUMNS))]
    order = [header.visualIndex(column) for column in range(len(COLUMNS))]
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert sorted({index.row() for index in view.table.selectionModel().selectedRows()}) == [1, 2]
    chosen = view.selected_ids()
    told: list[bool] = []
    view.selection_changed.connect(lambda: told.append(True))

    view.attach_model()

    assert view.table.model() is view.model
    assert [header.sectionSize(column) for column in range(len(COLUMNS))] == widths
    assert [header.visualIndex(column) for column in range(len(COLUMNS))] == order
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.DescendingOrder)
    assert view.table.currentIndex().row() == 2 and view.selected_ids() == chosen
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # the keys go on from where they were
    assert view.table.currentIndex().row() == 3 and view.selected_ids() == [view.model.row_at(3).id]
    assert told  # the window's actions follow the real model's selection too
    view.table.scrollToBottom()  # and the next page is fetched as before
    qtbot.waitUntil(lambda: view.model.fetched > view.model.page_size)
    view.attach_model()  # a second call does nothing
    assert view.table.model() is view.model and view.table.currentIndex().isValid()


def test_a_header_click_after_the_swap_sorts_in_sql(qtbot, database) -> None:
    add_dialogues(database, make_dialogue("Bravo", start_date=date(2021, 1, 1)),
                  make_dialogue("Alpha", start_date=date(2020, 1, 1)),
                  make_dialogue("Charlie", start_date=date(2022, 1, 1)))
    view = first_window_list(qtbot, database)
    view.attach_model()
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=_section_centre(header, 1))
    assert view.model.sort_key() == (DialogueSort.TITLE, False)
    assert [view.model.index(row, 1).data() for row in range(3)] == ["Alpha", "Bravo", "Charlie"]


def _section_centre(header: QHeaderView, column: int):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)


def test_a_reload_before_the_swap_shows_the_real_model(qtbot, database) -> None:
    add_dialogues(database, make_dialogue("First"))
    view = first_window_list(qtbot, database)
    add_dialogues(database, make_dialogue("Second", start_date=date(2030, 1, 1)))
    view.reload()
    assert view.table.model() is view.model
    assert [view.table.model().index(row, 1).data() for row in range(2)] == ["Second", "First"]
    assert view.table.currentIndex().row() == 1  # the dialogue that was current stays current


def test_the_sort_is_restored_from_the_saved_words_or_else_from_the_header(qtbot, database) -> None:
    add_dialogues(database, make_dialogue("Alpha"), make_dialogue("Bravo"))
    source = first_window_list(qtbot, database)
    source.attach_model()
    source.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    state = source.save_state()
    words = source.saved_sort(state)
    assert words.startswith("title asc ")
    source.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    stale = source.saved_sort(source.save_state())  # beside other columns (another version saved these)
    # the words; none (older settings); words that disagree; words saved beside other columns
    for saved in (words, None, words.replace("title", "date"), stale, "nonsense"):
        view = DialogueListView(dialogues_later(database), load=False, stand_in=True)
        qtbot.addWidget(view)
        view.restore_state(QByteArray(state), saved)
        assert view.model.sort_key() == (DialogueSort.TITLE, False), saved
