"""The form fits the officer's screen in both languages, marks problems with icons and palette
colours that stay readable in a dark theme, and names every control for screen readers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Side
from desktop_app.ui.widgets.marks import contrast, error_colour, marked_background, warning_colour
from tests.factories import add_institution, add_people, delegation_of, make_dialogue
from tests.ui.form_driving import key
from tests.ui.test_dialogue_editor import open_editor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

# The room a window gets: 1366×768 less a panel, and 1920×1080 at 150 % (1280×720 logical) less a panel.
SCREENS = {"1366x768": (1366, 728), "1920x1080@150%": (1280, 690)}


def meeting_with_people(database) -> r.Dialogue:
    people = add_people(database, "Асель Нурланова", "Aibek Toktogulov")
    ministry = add_institution(database, "National Information-Analytical Centre on Drug Control under the "
                               "Cabinet of Ministers", "KZ")
    long_party = r.Party.organisation("European Monitoring Centre for Drugs and Drug Addiction")
    return DialogueRepository(database).save(make_dialogue(delegations=(
        delegation_of(r.Party.country("KZ"), *people, institution=ministry),
        delegation_of(long_party, side=Side.EU))))


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_form_fits_with_save_and_close_in_view_and_every_participant_column(qtbot, database, request, language,
                                                                                screen):
    if language == "ru":
        request.getfixturevalue("russian")
    editor = open_editor(qtbot, database, meeting_with_people(database))
    width, height = SCREENS[screen]
    hint = editor.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height
    editor.resize(width, height)
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        for button in (editor.save_button, editor.close_button):
            place = QRect(button.mapTo(editor, button.rect().topLeft()), button.size())
            assert editor.rect().contains(place), (tab, button.text())
    editor.tabs.setCurrentIndex(1)
    editor.delegations.select(0)
    QApplication.processEvents()
    grid = editor.delegations.participants
    assert grid.horizontalScrollBar().maximum() == 0  # no sideways scrolling
    header = grid.horizontalHeader()
    for column in range(grid.columnCount()):  # Sex included
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= grid.viewport().width() + 1
        assert header.sectionSize(column) >= header.sectionSizeHint(column) - 1, column
    editor.delegations.select(1)
    assert "European Monitoring Centre for Drugs and Drug Addiction" in editor.delegations.table.item(1, 0).toolTip()


def test_the_form_opens_within_a_small_screen(qtbot, database):
    editor = open_editor(qtbot, database)
    room = editor.screen().availableGeometry()
    assert editor.width() <= max(room.width(), editor.minimumSizeHint().width())
    assert editor.height() <= max(room.height(), editor.minimumSizeHint().height())


DARK = {QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535", QPalette.ColorRole.ButtonText: "#e6e6e6"}


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp):
    before = qapp.palette()
    if request.param == "dark":
        palette = QPalette(before)
        for role, colour in DARK.items():
            palette.setColor(role, QColor(colour))
        qapp.setPalette(palette)
    yield request.param
    qapp.setPalette(before)


def test_problems_are_marked_with_an_icon_and_readable_colours_in_either_theme(qtbot, database, theme):
    editor = open_editor(qtbot, database, DialogueRepository(database).save(make_dialogue()))
    palette = editor.palette()
    window, text = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Text)
    assert contrast(error_colour(palette), window) >= 4.5
    assert contrast(warning_colour(palette), window) >= 4.5
    assert contrast(marked_background(palette), text) >= 4.5
    editor.details.title.setFocus()
    editor.details.title.selectAll()
    key(qtbot, Qt.Key.Key_Delete)
    assert "The title is required." in editor.message.text()
    assert error_colour(palette).name() in editor.message.styleSheet()
    assert editor.message_icon.isVisible() and not editor.message_icon.pixmap().isNull()
    assert marked_background(palette).name() in editor.details.title.styleSheet()
    assert not editor.tabs.tabIcon(0).isNull() and editor.tabs.tabIcon(1).isNull()
    glyphs = ("⛔", "⚠")
    texts = [editor.message.text(), *(editor.tabs.tabText(i) for i in range(editor.tabs.count()))]
    assert not any(glyph in t for t in texts for glyph in glyphs)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_control_has_an_accessible_name(qtbot, database, request, language):
    if language == "ru":
        request.getfixturevalue("russian")
    editor = open_editor(qtbot, database, meeting_with_people(database))
    nameless = []
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        for widget in editor.findChildren(QWidget):
            if not widget.isVisibleTo(editor) or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                continue
            name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
            if not name.replace("&", "").strip():
                nameless.append(f"{tab}: {type(widget).__name__} {widget.objectName()}")
    assert nameless == [], "\n".join(nameless)


@pytest.mark.parametrize("width", [1366, 1280, 1000])
def test_the_russian_toolbar_shows_every_action(qtbot, database, russian, width):
    from PySide6.QtWidgets import QToolBar

    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(database)
    qtbot.addWidget(window)
    window.resize(width, 700)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    (toolbar,) = window.findChildren(QToolBar)
    hidden = [action.text() for action in toolbar.actions()
              if not action.isSeparator() and not toolbar.widgetForAction(action).isVisible()]
    assert hidden == []
    if width == 1366:
        assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
