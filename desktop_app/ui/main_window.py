"""The main window: menus, toolbar, status bar and the four pages (dialogues, people, institutions,
trash). It wires actions to the pages and to the database-file actions; the work lives elsewhere."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop_app.db.first_page import read_first_page
from desktop_app.db.repositories.later import dialogues_later, institutions_later, people_later
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.ui import database_files, exchange_actions, messages, qt_later
from desktop_app.ui.dialogue_list_view import DialogueListView
from desktop_app.ui.editor_windows import EditorFactory, EditorWindows, dialogue_editor_factory
from desktop_app.ui.icons import icon
from desktop_app.ui.officer import officer_name
from desktop_app.ui.records_changed import RecordsChangedSignal
from desktop_app.ui.settings import app_settings, recent_databases, remember_database
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.widgets.fitting_toolbar import fit_toolbar
from desktop_app.ui.widgets.screen_fit import resize_within_screen
from desktop_app.ui.window_claim import DatabaseClaim

if TYPE_CHECKING:
    from PySide6.QtCore import Qt  # named only after the first paint (ui/qt_later.py)
    from PySide6.QtGui import QCloseEvent, QShowEvent  # for the annotations only

    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.services.startup import AfterOpening, AfterOpeningResult
    from desktop_app.ui.institutions_view import InstitutionsView
    from desktop_app.ui.people_view import PeopleView

    ListPage = DialogueListView | PeopleView | InstitutionsView

DATABASE_SUFFIXES = (".sqlite3", ".sqlite", ".db")
BUNDLE_SUFFIXES = (".json",)
LIST_SUFFIXES = (".xlsx", ".csv")

PAGES = (QT_TRANSLATE_NOOP("MainWindow", "Dialogues"), QT_TRANSLATE_NOOP("MainWindow", "People"),
         QT_TRANSLATE_NOOP("MainWindow", "Institutions"), QT_TRANSLATE_NOOP("MainWindow", "Trash"))
DIALOGUES, PEOPLE, INSTITUTIONS, TRASH = range(4)
_TABLE_KEYS = {DIALOGUES: "dialogues", PEOPLE: "people", INSTITUTIONS: "institutions", TRASH: "trash"}  # settings


def _dialogues(database: Database) -> DialogueRepository:
    """The repository, imported when an action needs it: the first paint does without (issue 19)."""
    from desktop_app.db.repositories.dialogues import DialogueRepository

    return DialogueRepository(database)


class MainWindow(QMainWindow):
    """`MainWindow(database)`; `switch_database(path)` moves the whole window to another file.

    The window holds a claim on its database (one window per database, ui/window_claim.py): a later
    start on the same database brings this window forward and hands it its FILE (`open_file`).
    """

    def __init__(self, database: Database, editor_factory: EditorFactory = dialogue_editor_factory,
                 parent: QWidget | None = None, claim: DatabaseClaim | None = None,
                 later: AfterOpening | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._painted = False  # the list's first paint: what can wait (check, backup, drafts) follows it
        self._later: AfterOpening | None = later
        self._after_work: object | None = None
        self._when_painted: list[Callable[[], object]] | None = []  # None once _after_first_paint ran
        self._after_widgets: list[QWidget] = []
        self._last_trashed: dict[str, str] = {}  # id → title of what the last Delete to trash moved
        self.claim: DatabaseClaim | None = None
        if claim is None:
            claim = DatabaseClaim(database.path)
            claim.try_claim()  # started by a caller that did not claim it (tests): best effort
        self._hold(claim)
        self.editors = EditorWindows(self._dialogue_saved, self, editor_factory)
        # The first paint shows one page of the list, read through sqlite3 (db/first_page.py) once the
        # remembered sort is known; the repositories, SQLAlchemy and the models are imported after it
        # (issue 19), the other pages read after it (_after_first_paint) or when shown.
        # Only the list is built before that paint: the People, Institutions and Trash pages are built
        # after it (`_page`), or at once when the officer asks for one sooner (Ctrl+2, View ▸ Trash).
        # shown by a C++ stand-in until then (ui/first_page_model.py): no `Qt` namespace before the paint
        self.dialogues = DialogueListView(dialogues_later(database), load=False, stand_in=True)
        self._built: dict[int, ListPage] = {DIALOGUES: self.dialogues}
        self.pages = QStackedWidget()
        for number in range(len(PAGES)):
            self.pages.addWidget(self.dialogues if number == DIALOGUES else QWidget())  # stand-ins until built
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.addItems([self.tr(name) for name in PAGES])
        self.navigation.setMaximumWidth(220)
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 6px 8px; }")
        self.navigation.currentRowChanged.connect(self.show_page)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([140, 1100])
        self.setCentralWidget(self.splitter)

        self.path_label = QLabel()
        self.count_label = QLabel()
        self.conflicts_button = QPushButton()
        self.conflicts_button.setFlat(True)
        self.conflicts_button.clicked.connect(lambda: self.show_conflicts())
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.conflicts_button)
        self.statusBar().addPermanentWidget(self.count_label)
        # every local write and import broadcasts what it changed (services.writing): one Qt signal
        self.changes = RecordsChangedSignal(self)
        self.changes.records_changed.connect(self._records_changed)
        self._listen(database)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.dialogues.counts_changed.connect(self._show_counts)
        self.dialogues.filters.problems.connect(self._say_filter_problem)
        self._filter_problem = ""  # the sentence the status bar shows for a period that cannot be read
        self.dialogues.open_requested.connect(self.open_dialogue)
        self.dialogues.selection_changed.connect(self._update_actions)
        self._reload_pending = False
        # the pages a write made stale and no reload has refreshed since (each reload resets its model)
        self._stale: set[object] = set()
        self.dialogues.model.modelReset.connect(self._page_reloaded)
        resize_within_screen(self, 1280, 780)  # 1366×768 and 150 % scaling too (issue 14)
        self._pending_splitter: QByteArray | None = None
        self._restore_settings()
        self.dialogues.show_first_page(read_first_page(database.path, *self.dialogues.model.sort_key(),
                                                       limit=self.dialogues.first_paint_rows()))
        self._show_database()
        self.navigation.setCurrentRow(DIALOGUES)  # shows the page (currentRowChanged): once, not twice
        # the list's first paint starts what can wait: the table's own Paint comes in the same pass as its
        # rows' (asking for its viewport here would cost ~25 ms of PySide6 type lookups before the paint)
        self.dialogues.table.installEventFilter(self)

    # --- after the first paint (issue 19) --------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and watched is self.dialogues.table and event.type() == QEvent.Type.Paint:
            self._painted = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        """The officer sees the list; now the opening's quick_check and daily backup (in the background),
        the other pages built and read, then the forms a crash left (a question, so after the list is
        there to be seen). Keys pressed meanwhile wait in the event queue: every action and menu exists
        from the start, and a page asked for sooner is built when asked."""
        later, self._later = self._later, None
        from desktop_app import garbage
        from desktop_app.logs import release

        garbage.release()  # Python's cyclic collector, held while the window was made
        release()  # the log file, and what the start logged (desktop_app/logs.py)
        self.dialogues.attach_model()  # the real model in place of the first page's stand-in
        if self.claim is not None:
            self.claim.listen()  # later starts on this database now bring this window forward
        remember_database(str(self.database.path))
        self.after_opening(later)
        self.dialogues.refresh_choices()  # the series filter's names
        for number in (TRASH, PEOPLE, INSTITUTIONS):
            page = self._page(number)
            if not page.loaded:
                page.reload()
        self._count_pages()
        self._show_conflict_count()
        self.offer_left_drafts()
        waiting, self._when_painted = self._when_painted or [], None
        for callback in waiting:
            callback()

    def when_painted(self, callback: Callable[[], object]) -> None:
        """Run `callback` after the list's first paint and the work that follows it (a question over the
        window: the officer's name at the first start), or now if that has run."""
        if self._when_painted is None:
            callback()
        else:
            self._when_painted.append(callback)

    # --- the pages built after the first paint ----------------------------------------------------
    @property
    def trash(self) -> DialogueListView:
        return self._page(TRASH)  # type: ignore[return-value]

    @property
    def people(self) -> PeopleView:
        return self._page(PEOPLE)  # type: ignore[return-value]

    @property
    def institutions(self) -> InstitutionsView:
        return self._page(INSTITUTIONS)  # type: ignore[return-value]

    def _page(self, number: int) -> ListPage:
        """The page, built the first time it is wanted, in place of its stand-in in the stack."""
        if (page := self._built.get(number)) is None:
            page = self._build_page(number)
            self._built[number] = page
            current = self.pages.currentIndex()
            stand_in = self.pages.widget(number)
            self.pages.insertWidget(number, page)
            if stand_in is not None:
                self.pages.removeWidget(stand_in)
                stand_in.deleteLater()
            self.pages.setCurrentIndex(current)
            page.model.modelReset.connect(self._page_reloaded)
            settings = app_settings()
            if isinstance(columns := settings.value(f"columns/{_TABLE_KEYS[number]}"), QByteArray):
                if isinstance(page, DialogueListView):
                    page.restore_state(columns, settings.value(f"sort/{_TABLE_KEYS[number]}"))
                else:
                    page.restore_state(columns)
        return page

    def _build_page(self, number: int) -> ListPage:
        if number == TRASH:
            trash = DialogueListView(dialogues_later(self.database), trash=True, load=False)
            trash.counts_changed.connect(self._show_counts)
            trash.filters.problems.connect(self._say_filter_problem)
            trash.selection_changed.connect(self._update_actions)
            self._table_action(self.purge_action, trash.table)
            trash.add_action_buttons(self.restore_action, self.purge_action)
            return trash
        page: PeopleView | InstitutionsView
        if number == PEOPLE:
            from desktop_app.ui.people_view import PeopleView

            page = PeopleView(people_later(self.database), load=False)
        else:
            from desktop_app.ui.institutions_view import InstitutionsView

            page = InstitutionsView(institutions_later(self.database), load=False)
        page.model.modelReset.connect(self._update_actions_and_counts)
        page.changed.connect(self._refresh_stale)
        return page

    def after_opening(self, later: AfterOpening | None) -> None:
        """Run an opening's quick_check and due daily backup off the window's thread, with a busy bar in
        the status bar; the officer works meanwhile. Before the first paint it waits for that paint."""
        if later is None:
            return
        if not self._painted:
            self._later = later
            return
        from PySide6.QtWidgets import QProgressBar  # after the paint (issue 19)

        from desktop_app.ui.long_work import Work

        self._remove_after_widgets()  # an earlier file's work still running reports, without its bar
        label = QLabel(self.tr("Checking the database and taking today's backup…"))
        bar = QProgressBar()
        bar.setRange(0, 0)  # one SQLite step each: busy, not a percentage
        bar.setMaximumWidth(120)
        self.statusBar().addWidget(label)
        self.statusBar().addWidget(bar)
        self._after_widgets = [label, bar]
        work = Work(lambda _progress: later.run(), category="db", name="after opening")
        self._after_work = work  # kept until it reports
        # bound methods only: a window closed meanwhile is simply not told (a lambda would outlive it)
        work.succeeded.connect(self._after_opening_done)
        work.failed.connect(self._after_opening_failed)
        work.finished.connect(self._after_opening_finished)
        work.start()

    def _after_opening_failed(self, error: UserError) -> None:
        messages.warn(self, error.message)

    def _after_opening_finished(self) -> None:
        if self.sender() is self._after_work:
            self._remove_after_widgets()
            self._after_work = None

    def _remove_after_widgets(self) -> None:
        for widget in self._after_widgets:
            self.statusBar().removeWidget(widget)
            widget.deleteLater()
        self._after_widgets = []

    def _after_opening_done(self, result: AfterOpeningResult) -> None:
        if result.damage:
            messages.warn(self, result.damage)
        for warning in result.warnings:
            messages.warn(self, warning)
        if result.daily_backup is not None:
            self.statusBar().showMessage(self.tr("Today's backup written to %1.").replace(
                "%1", str(result.daily_backup)), 8000)

    # --- building -----------------------------------------------------------------------------
    def _action(self, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | Qt.Key | str | None = None,
                tip: str = "", icon_name: str | None = None) -> QAction:
        action = QAction(text, self)
        if icon_name is not None:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            # what setShortcut does in Qt 6; PySide6 weighs setShortcut's `Qt.Key` overload, which builds
            # the whole `Qt` namespace before the first paint (ui/qt_later.py)
            sequence = QKeySequence(shortcut)
            action.setShortcuts([sequence] if not sequence.isEmpty() else [])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _table_action(self, action: QAction, table: QWidget) -> None:
        """Enter and Del act on the list only, so they still work as usual in the search box."""
        self.removeAction(action)
        action.setProperty("shortcutContext", qt_later.WIDGET_WITH_CHILDREN_SHORTCUT)  # before the paint: no `Qt`
        table.addAction(action)

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.new_database_action = self._action(self.tr("&New database…"), self.new_database, None,
                                                self.tr("Create an empty database file and switch to it"))
        self.open_database_action = self._action(self.tr("&Open database…"), self.open_database, S.Open,
                                                 self.tr("Open another database file"), "open")
        self.import_action = self._action(
            self.tr("&Import bundle…"), self.import_bundle, "Ctrl+I",
            self.tr("See what an exchange bundle (.json) would add or update, then import it"), "import")
        self.export_action = self._action(self.tr("&Export bundle…"), self.export_bundle, "Ctrl+E",
                                          self.tr("Write the dialogues shown in the list to an exchange bundle"),
                                          "export")
        self.export_selected_action = self._action(
            self.tr("Export &selected dialogues…"), self.export_selected, "Ctrl+Shift+E",
            self.tr("Write only the dialogues selected in the list to an exchange bundle"))
        self.registration_action = self._action(
            self.tr("Import re&gistration list…"), self.import_registration_list, "Ctrl+L",
            self.tr("Add participants from an Excel or CSV registration list to the selected dialogue"),
            "add_participant")
        self.report_action = self._action(self.tr("Summary &report…"), self.show_report, "Ctrl+Shift+R",
                                          self.tr("Counts and lists of meetings for the EU Delegation, "
                                                  "as PDF, Word, Excel or HTML"), "report")
        self.backup_action = self._action(self.tr("&Back up now"), self.back_up_now, "Ctrl+B",
                                          self.tr("Write a consistent copy of the database to its backups folder"),
                                          "backup")
        self.restore_backup_action = self._action(
            self.tr("Res&tore from backup…"), self.restore_from_backup, None,
            self.tr("Go back to one of the backups of this database"), "restore_backup")
        self.quit_action = self._action(self.tr("&Quit"), self.close, S.Quit)
        self.new_action = self._action(self.tr("&New dialogue"), self.new_dialogue, S.New,
                                       self.tr("Record a new dialogue"), "new_dialogue")
        self.open_action = self._action(self.tr("&Open dialogue"), self.open_current, "Return",
                                        self.tr("Open the selected dialogue in its form"), "open_dialogue")
        self._table_action(self.open_action, self.dialogues.table)
        self.duplicate_action = self._action(  # Prepare next edition, in place of Duplicate as new
            self.tr("Prepare ne&xt edition"), self.duplicate_current, "Ctrl+D",
            self.tr("Start next year's meeting from the selected dialogue: dates a year on, the same parties, "
                    "its open actions carried over"), "duplicate")
        self.delete_action = self._action(self.tr("&Delete to trash"), self.delete_selected, S.Delete,
                                          self.tr("Move the selected dialogues to the trash"), "delete")
        self._table_action(self.delete_action, self.dialogues.table)
        self.undo_trash_action = self._action(self.tr("&Undo delete to trash"), self.undo_trash, S.Undo,
                                              self.tr("Put back in the list the dialogues the last Delete to "
                                                      "trash moved"))
        self.undo_trash_action.setEnabled(False)
        self.restore_action = self._action(self.tr("&Restore from trash"), self.restore_selected, "Ctrl+R",
                                           self.tr("Put the selected dialogues back in the list"), "restore")
        self.purge_action = self._action(self.tr("Delete for &good…"), self.purge_selected, "Shift+Del",
                                         self.tr("Remove the selected dialogues from the trash for ever"))
        # Delete for good acts on the trash's list only: it moves there when the trash is built (_page)
        self.find_action = self._action(self.tr("&Find"), self.focus_search, S.Find,
                                        self.tr("Go to the search box"), "search")
        self.settings_action = self._action(self.tr("&Settings…"), self.show_settings, "Ctrl+,",
                                            self.tr("Language, database location, backups, report defaults"),
                                            "settings")
        self.duplicates_action = self._action(
            self.tr("Find duplicate &people…"), self.find_duplicate_people, None,
            self.tr("People recorded twice under different spellings, to merge"), "merge")
        self.page_actions = [self._action(f"&{self.tr(name)}", lambda _=False, n=number: self.show_page(n),
                                          f"Ctrl+{number + 1}") for number, name in enumerate(PAGES)]
        for action in self.page_actions:
            action.setCheckable(True)
        self.conflicts_action = self._action(self.tr("&Conflicts from imports…"), self.show_conflicts, None,
                                             self.tr("Records edited on both sides: choose field by field"))
        self.check_action = self._action(self.tr("&Check database"), self.check_database, None,
                                         self.tr("Look for damage in the database file"), "check_database")
        self.about_action = self._action(self.tr("&About Dialogue Register"), self.about, None, "", "about")
        self.data_folder_action = self._action(self.tr("Show &data folder"), self.show_data_folder)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addActions([self.new_database_action, self.open_database_action])
        self.recent_menu = file.addMenu(self.tr("Recent &databases"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        file.addSeparator()
        file.addActions([self.import_action, self.export_action, self.export_selected_action,
                         self.registration_action])
        file.addSeparator()
        file.addAction(self.report_action)
        file.addSeparator()
        file.addActions([self.backup_action, self.restore_backup_action])
        file.addSeparator()
        file.addAction(self.quit_action)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addAction(self.undo_trash_action)
        edit.addSeparator()
        edit.addActions([self.new_action, self.open_action, self.duplicate_action, self.delete_action])
        edit.addSeparator()
        edit.addActions([self.restore_action, self.purge_action])
        edit.addSeparator()
        edit.addActions([self.find_action, self.duplicates_action])
        edit.addSeparator()
        edit.addAction(self.settings_action)
        self.edit_menu = edit
        view = bar.addMenu(self.tr("&View"))
        view.addActions(self.page_actions)
        view.addSeparator()
        view.addAction(self.conflicts_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.check_action, self.data_folder_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setProperty("toolButtonStyle", qt_later.TOOL_BUTTON_TEXT_BESIDE_ICON)
        toolbar.setMovable(False)
        toolbar.addActions([self.new_action, self.open_action, self.duplicate_action, self.delete_action])
        toolbar.addSeparator()
        toolbar.addActions([self.import_action, self.export_action, self.report_action])
        toolbar.addSeparator()
        toolbar.addAction(self.backup_action)
        self.addToolBar(toolbar)
        fit_toolbar(toolbar)  # every action in view, however long the labels (issue 14)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = [p for p in recent_databases() if p != str(self.database.path)]
        for number, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{number} {path}")
            action.triggered.connect(lambda _=False, p=path: self._open_recent(Path(p)))
        if not paths:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _open_recent(self, path: Path) -> None:
        """A recent database that is not there any more (moved, deleted, on a share or stick not connected)
        is said, not made anew: an empty database in its place hid the records, and what was typed into it
        would lie under the share once connected. File ▸ New database makes a new one on purpose."""
        if not path.exists():
            messages.warn(self, self.tr("%1 is not there (moved, deleted, or on a drive that is not connected), "
                                        "so it was not opened.").replace("%1", str(path)))
            return
        self.switch_database(path)

    # --- pages --------------------------------------------------------------------------------
    def show_page(self, number: int) -> None:
        if not 0 <= number < len(PAGES):
            return
        wanted = self._page(number)  # built and read after the first paint, or now if wanted sooner
        if not wanted.loaded:
            wanted.reload()
        self.pages.setCurrentIndex(number)
        if self.navigation.currentRow() != number:
            self.navigation.setCurrentRow(number)
        for index, action in enumerate(self.page_actions):
            action.setChecked(index == number)
        self._count_pages()
        page = wanted
        if isinstance(page, DialogueListView):
            self._show_counts(*page.counts())
            page.table.setFocus()
        else:  # People or Institutions
            self.count_label.setText(self.tr("%1 shown").replace("%1", str(page.model.rowCount())))
        self._update_actions()

    def _count_pages(self) -> None:
        """How much each page holds, in the navigation, so the officer sees the trash is not empty
        (after the first paint: four counts the list does not need)."""
        if not self._painted:
            return
        from desktop_app.db.repositories.people import database_counts

        counts = database_counts(self.database)
        numbers = (counts.dialogues, counts.people, counts.institutions, counts.deleted_dialogues)
        for row, (name, number) in enumerate(zip(PAGES, numbers, strict=True)):
            item = self.navigation.item(row)
            if item is not None:
                item.setText(f"{self.tr(name)}  ({number})")

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def focus_search(self) -> None:
        page = self.pages.currentWidget()
        if isinstance(page, DialogueListView):
            search = page.filters.search
        elif self._built.get(self.current_page()) is page:  # People or Institutions (a RecordListPage)
            search = page.search  # type: ignore[union-attr]
        else:
            return
        from PySide6.QtCore import Qt

        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    def _update_actions_and_counts(self) -> None:
        page = self._built.get(self.current_page())
        if page is not None and not isinstance(page, DialogueListView):
            self.count_label.setText(self.tr("%1 shown").replace("%1", str(page.model.rowCount())))

    def _update_actions(self) -> None:
        page = self.current_page()
        on_list = page == DIALOGUES
        has_row = bool(self.dialogues.selected_ids())
        trash = self._built.get(TRASH)
        in_trash = trash is not None and bool(trash.selected_ids())  # type: ignore[union-attr]
        self.open_action.setEnabled(on_list and has_row)
        self.duplicate_action.setEnabled(on_list and has_row)
        self.delete_action.setEnabled(on_list and has_row)
        self.export_selected_action.setEnabled(on_list and has_row)
        self.restore_action.setEnabled(page == TRASH and in_trash)
        self.purge_action.setEnabled(page == TRASH and in_trash)

    def _listen(self, database: Database) -> None:
        database.listeners.append(self.changes.relay)
        database.officer = officer_name()
        self._show_conflict_count()

    def _records_changed(self, changes: dict[str, set[str]]) -> None:
        """Pages, open forms and the conflicts count follow every write, wherever it was made."""
        self.editors.records_changed(changes.get("dialogue", set()))
        self._show_conflict_count()
        self._stale.update(page.model for page in self._list_pages())
        if not self._reload_pending:
            self._reload_pending = True
            QTimer.singleShot(0, self._refresh_stale)

    def _list_pages(self) -> list[ListPage]:
        """The pages built so far: one not yet built reads the database when it is."""
        return list(self._built.values())

    def _page_reloaded(self) -> None:
        self._stale.discard(self.sender())

    def _refresh_stale(self) -> None:
        """Reload each page a write has changed since its last reload: once per change, however many
        writes a task made (a delete of ten dialogues) and whoever reloaded a page already (a page
        after its own merge). Runs after the event loop's turn following a broadcast; a task that
        needs its rows at once (select the dialogue just saved) calls it right away."""
        self._reload_pending = False
        if not self._stale:
            return
        for page in self._list_pages():
            if page.model in self._stale:
                page.reload()
        self._stale.clear()
        self.show_page(self.current_page())

    def _show_conflict_count(self) -> None:
        if not self._painted:  # after the first paint (issue 19)
            return
        from desktop_app.services.writing import waiting_count

        count = waiting_count(self.database)
        self.conflicts_button.setVisible(count > 0)
        self.conflicts_button.setText(self.tr("%n conflicts wait", "", count))
        self.conflicts_button.setToolTip(self.tr("Open the conflicts from imports"))

    def _show_counts(self, shown: int, total: int) -> None:
        page = self.pages.currentWidget()
        if self.sender() in (None, page):
            more = isinstance(page, DialogueListView) and page.model.more  # a search counted only so far
            text = self.tr("More than %1 shown / %2 total") if more else self.tr("%1 shown / %2 total")
            self.count_label.setText(text.replace("%1", str(shown)).replace("%2", str(total)))

    def _say_filter_problem(self, problem: str) -> None:
        """A period typed that cannot narrow the list, said until it can (then only that is taken away)."""
        if problem:
            self.statusBar().showMessage(problem)
        elif self._filter_problem and self.statusBar().currentMessage() == self._filter_problem:
            self.statusBar().clearMessage()
        self._filter_problem = problem

    def reload(self) -> None:
        """Everything from the database again (after an import, a merge, a save elsewhere)."""
        for page in self._list_pages():
            page.reload()
        self.show_page(self.current_page())

    # --- dialogues ----------------------------------------------------------------------------
    def new_dialogue(self) -> None:
        self._open_editor(None, None)

    def open_current(self) -> None:
        if dialogue_id := self.dialogues.current_id():
            self.open_dialogue(dialogue_id)

    def open_dialogue(self, dialogue_id: str) -> None:
        try:
            dialogue = _dialogues(self.database).get(dialogue_id)
        except UserError as error:
            messages.warn(self, error.message)
            self.reload()
            return
        self._open_editor(dialogue, dialogue_id)

    def duplicate_current(self) -> None:
        dialogue_id = self.dialogues.current_id()
        if not dialogue_id:
            return
        from desktop_app.services.next_edition import prepare_next_edition

        try:
            edition = prepare_next_edition(self.database, dialogue_id, self.tr("Follow-up of the previous dialogue"))
        except UserError as error:
            messages.warn(self, error.message)
            return
        editor = self._open_editor(edition.dialogue, None)
        if editor is not None and hasattr(editor, "offer_previous"):
            editor.offer_previous(edition.previous_chair, edition.previous_heads)

    def _open_editor(self, dialogue: object, dialogue_id: str | None) -> object | None:
        try:
            return self.editors.open(self.database, dialogue, dialogue_id)  # type: ignore[arg-type]
        except ImportError:
            messages.warn(self, self.tr("The dialogue form is not part of this build of Dialogue Register."))
            return None

    def _dialogue_saved(self, dialogue_id: str) -> None:
        self._refresh_stale()
        self.dialogues.select_id(dialogue_id)
        self.show_page(self.current_page())

    def delete_selected(self) -> None:
        ids = self.dialogues.selected_ids()
        if not ids:
            return
        titles = dict(zip(ids, self.dialogues.selected_titles(), strict=False))
        repository = _dialogues(self.database)
        moved, refused = {}, []
        for dialogue_id in ids:  # each on its own: one gone elsewhere does not keep the others here
            try:
                repository.delete(dialogue_id)
                moved[dialogue_id] = titles.get(dialogue_id, "")
            except UserError as error:
                refused.append(error.message)
        for message in dict.fromkeys(refused):
            messages.warn(self, message)
        self._refresh_stale()
        self.show_page(DIALOGUES)
        if moved:  # how many were moved, not how many were selected (round 15)
            self._last_trashed = moved  # what Ctrl+Z puts back (round 16)
            self.undo_trash_action.setEnabled(True)
            count = len(moved)
            said = (self.tr("Moved 1 dialogue to the trash (Ctrl+Z puts it back).") if count == 1 else
                    self.tr("Moved %n dialogues to the trash (Ctrl+Z puts them back).", "", count))
            self.statusBar().showMessage(said, 8000)

    def _say_put_back(self, count: int) -> None:
        if count:
            self.statusBar().showMessage(self.tr("Put 1 dialogue back in the list.") if count == 1 else
                                         self.tr("Put %n dialogues back in the list.", "", count), 8000)

    def undo_trash(self) -> None:
        """Put back what the last Delete to trash moved: a Del on the wrong row (it sits beside the
        arrow keys) is taken back where it was pressed. A dialogue restored since is left as it is;
        one deleted for good since (from the Trash page or another window) is said."""
        from desktop_app.domain.errors import RecordNotFound

        moved, self._last_trashed = self._last_trashed, {}
        self.undo_trash_action.setEnabled(False)
        repository = _dialogues(self.database)
        put_back, back_already = [], 0
        for dialogue_id, title in moved.items():
            try:
                if repository.get(dialogue_id).deleted_at is None:
                    back_already += 1  # put back already (Trash page, another window)
                    continue
                repository.restore(dialogue_id)
                put_back.append(dialogue_id)
            except RecordNotFound:
                messages.warn(self, self.tr("“%1” was deleted for good since: it cannot be put back.")
                              .replace("%1", title))
            except UserError as error:
                messages.warn(self, error.message)
        self._refresh_stale()
        self.show_page(DIALOGUES)
        self.dialogues.select_ids(put_back)  # back where Del took them from: selected, as they were
        self._say_put_back(len(put_back))
        if back_already and not put_back:  # round 17: Ctrl+Z said nothing, as if it had not been heard
            self.statusBar().showMessage(self.tr("Already back in the list: put back from the Trash page or "
                                                 "another window since."), 8000)

    def restore_selected(self) -> None:
        ids = self.trash.selected_ids()
        if not ids:
            return
        repository = _dialogues(self.database)
        count, refused = 0, []
        for dialogue_id in ids:  # each on its own, as Del: one gone elsewhere does not keep the others
            try:
                repository.restore(dialogue_id)
                count += 1
            except UserError as error:
                refused.append(error.message)
        for message in dict.fromkeys(refused):
            messages.warn(self, message)
        self._refresh_stale()
        self.show_page(TRASH)
        self._say_put_back(count)

    def purge_selected(self) -> None:
        titles = self.trash.selected_titles()
        ids = self.trash.selected_ids()
        if not ids:
            return
        question = (self.tr("Delete “%1” for good? This cannot be undone.").replace("%1", titles[0])
                    if len(titles) == 1 else
                    self.tr("Delete these %n dialogues for good? This cannot be undone.", "", len(ids)))
        if not messages.confirm(self, question) or not self.editors.close_all(set(ids)):
            return  # a form of one of them kept open (Cancel): nothing is deleted
        repository = _dialogues(self.database)
        try:
            for dialogue_id in ids:
                repository.purge(dialogue_id)
        except UserError as error:
            messages.warn(self, error.message)
        self._refresh_stale()
        self.show_page(TRASH)

    # --- database files -----------------------------------------------------------------------
    def new_database(self) -> None:
        if path := database_files.ask_new_database(self):
            self.switch_database(path)

    def open_database(self) -> None:
        if path := database_files.ask_database_to_open(self):
            self.switch_database(path)

    def switch_database(self, path: Path) -> bool:
        """Open `path` through the one open path and move every page to it; on any problem say why and
        keep the current one."""
        if _same_file(path, self.database.path):  # by any spelling: a symlink to it, the file a link names
            return True
        opened = database_files.open_for_window(self, path)
        if opened is None:
            return False
        database, claim, later = opened
        if not self.editors.close_all():
            database.close()
            claim.release()
            return False
        old = self.database
        if self.changes.relay in old.listeners:
            old.listeners.remove(self.changes.relay)
        self._use_database(database)
        self._listen(database)
        old.close()
        self._hold(claim)
        self.after_opening(later)
        self.offer_left_drafts()
        return True

    def _hold(self, claim: DatabaseClaim) -> None:
        """Keep the claim on the current database (letting the previous one go), and answer later starts."""
        if self.claim is not None and self.claim is not claim:
            self.claim.release()
        self.claim = claim
        claim.setParent(self)
        claim.handed_over.connect(self._handed_over)

    def _handed_over(self, file: str) -> None:
        """A later start on this database: come to the front, and open the file it was given."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        if file:
            QTimer.singleShot(0, lambda: self.open_file(Path(file)))

    def open_file(self, path: Path) -> None:
        """`dialogue-register gui FILE` and the desktop's "Open with": a database is switched to, a bundle
        opens the import preview, a registration list opens the wizard for the selected dialogue."""
        suffix = path.suffix.lower()
        if suffix in DATABASE_SUFFIXES:
            self.switch_database(path)
        elif suffix in BUNDLE_SUFFIXES:
            if exchange_actions.import_with_preview(self, self.database, path):
                self._refresh_stale()
        elif suffix in LIST_SUFFIXES:
            self.import_registration_list(path)
        else:
            messages.warn(self, self.tr("%1 is not a database, an exchange bundle (.json) or a registration "
                                        "list (.xlsx, .csv), so it cannot be opened here.").replace("%1", path.name))

    def _use_database(self, database: Database) -> None:
        from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository

        self.database = database
        self._last_trashed = {}  # another file's dialogues: nothing of it to put back
        self.undo_trash_action.setEnabled(False)
        dialogues = _dialogues(database)
        self.dialogues.set_repository(dialogues)
        if (trash := self._built.get(TRASH)) is not None:
            trash.set_repository(dialogues)  # type: ignore[arg-type]
        if (people := self._built.get(PEOPLE)) is not None:
            people.set_repository(PeopleRepository(database))  # type: ignore[arg-type]
        if (institutions := self._built.get(INSTITUTIONS)) is not None:
            institutions.set_repository(InstitutionRepository(database))  # type: ignore[arg-type]
        self._show_database()
        self.show_page(self.current_page())

    def import_bundle(self) -> None:
        if exchange_actions.import_with_preview(self, self.database):
            self._refresh_stale()

    def export_bundle(self) -> None:
        exchange_actions.export_shown(self, self.database, self.dialogues.model.selection)

    def export_selected(self) -> None:
        exchange_actions.export_selected(self, self.database, self.dialogues.selected_ids())

    def show_conflicts(self) -> None:
        exchange_actions.show_conflicts(self, self.database)
        self._show_conflict_count()
        self._refresh_stale()

    def import_registration_list(self, path: Path | None = None) -> None:
        """The registration wizard for the selected dialogue; `path` is a list given to `gui FILE`."""
        from desktop_app.ui.dialogs.registration_wizard import RegistrationWizard

        if not _dialogues(self.database).count():
            messages.warn(self, self.tr("Record the dialogue first: a registration list is added to a dialogue."))
            return
        if path is not None and not self.dialogues.current_id():
            messages.warn(self, self.tr("Select the dialogue in the list first, then open %1 again: a registration "
                                        "list is added to one dialogue.").replace("%1", path.name))
            return
        if not self.editors.close_all():  # the wizard saves the dialogue; an open form would be stale
            return
        wizard = RegistrationWizard(self.database, self.dialogues.current_id(), self)
        if path is not None:
            wizard.file_page.path.setText(str(path))
        wizard.imported.connect(lambda _summary: self._refresh_stale())
        wizard.exec()
        wizard.deleteLater()

    def show_report(self) -> None:
        from desktop_app.ui.dialogs.report_dialog import ReportDialog

        dialog = ReportDialog(self.database, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def find_duplicate_people(self) -> None:
        from desktop_app.ui.dialogs.duplicates_dialog import DuplicatesDialog

        dialog = DuplicatesDialog(self.database, self)
        dialog.exec()
        dialog.deleteLater()
        self._refresh_stale()

    # --- keeping the data safe ----------------------------------------------------------------
    def back_up_now(self) -> None:
        from desktop_app.ui.dialogs.restore_dialog import back_up_now

        if (target := back_up_now(self, self.database.path)) is not None:
            self.statusBar().showMessage(self.tr("Backup written to %1.").replace("%1", str(target)), 8000)

    def restore_from_backup(self) -> None:
        """Open forms are closed first (asking about their changes): they would hold records from
        before the restore. The file is let go during the restore and opened again after it."""
        from desktop_app.ui.dialogs.restore_dialog import RestoreDialog

        if not self.editors.close_all():
            return
        path = self.database.path
        dialog = RestoreDialog(path, self, release=self.database.close, reopen=lambda: self._reopen(path))
        dialog.exec()
        dialog.deleteLater()

    def _reopen(self, path: Path) -> None:
        """After a restore: the same file again, through the one open path, keeping this window's claim."""
        opened = database_files.open_for_window(self, path, claim=self.claim)
        if opened is not None:
            self._use_database(opened.database)
            self.after_opening(opened.later)

    def check_database(self) -> None:
        """Off the window's thread with progress (a large file takes a while); Cancel stops waiting."""
        from desktop_app.services.checking import check_database
        from desktop_app.ui.long_work import WorkCancelled, run_with_progress

        path = self.database.path
        try:
            report = run_with_progress(self, self.tr("Check database"), self.tr("Checking the database…"),
                                       lambda _progress: check_database(path), category="db", name="check")
        except UserError as error:
            messages.fail(self, error.message)
            return
        except WorkCancelled:
            return
        text = messages.lines(report.lines())
        if report.sound:
            messages.inform(self, text, self.tr("Check database"))
        else:
            messages.warn(self, text, self.tr("Check database"))

    def offer_left_drafts(self) -> None:
        """Forms left unsaved by a crash are opened again with their changes, if the officer wants."""
        from desktop_app.domain.records import with_new_ids
        from desktop_app.services import drafts
        from desktop_app.ui.left_drafts import ask_about_left_drafts

        for draft in ask_about_left_drafts(self, self.database):
            try:
                _dialogues(self.database).get(draft.dialogue.id)
            except UserError:
                if not draft.base_revision:  # never saved: the form starts from the draft itself, unsaved
                    self._open_editor(draft.dialogue, None)
                    continue
                # saved once and deleted for good since: its ids went with the deletion (which travels),
                # so the kept work becomes a new dialogue, unsaved; its draft is kept under the new id
                # before the old one goes (round 14: the form showed it as saved and Close dropped it)
                editor: Any = self._open_editor(with_new_ids(draft.dialogue), None)
                if editor is None:
                    continue
                editor.keep_draft()
                with contextlib.suppress(OSError, UserError):
                    if drafts.load_draft(self.database.path, editor.record().id) is not None:
                        drafts.discard_draft(self.database.path, draft.dialogue.id)
                editor.statusBar().showMessage(self.tr(
                    "“%1” was deleted for good after these changes were kept: Save keeps them as a new "
                    "dialogue.").replace("%1", draft.dialogue.title))
            else:
                self.open_dialogue(draft.dialogue.id)

    def _show_database(self) -> None:
        from desktop_app.ui.first_start import is_sample_database, sample_note

        title = self.tr("Dialogue Register — %1").replace("%1", self.database.path.name)
        self.setWindowTitle(f"{title} — {sample_note()}" if is_sample_database(self.database.path) else title)
        self.path_label.setText(str(self.database.path))
        if self._painted:  # at the start, after the first paint (a write of the settings file)
            remember_database(str(self.database.path))

    # --- help ---------------------------------------------------------------------------------
    def about(self) -> None:
        from desktop_app.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.database, self)
        dialog.exec()
        dialog.deleteLater()

    def show_settings(self) -> None:
        from desktop_app.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self, database=self.database)
        if dialog.exec():
            self.database.officer = officer_name()
            self.statusBar().showMessage(self.tr("Settings saved. A new language takes effect on the next start."),
                                         8000)
        dialog.deleteLater()

    def show_data_folder(self) -> None:
        database_files.show_data_folder(self)

    # --- remembering the layout ---------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = app_settings()
        if isinstance(geometry := settings.value("window/geometry"), QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state := settings.value("window/state"), QByteArray):
            self.restoreState(state)
        if isinstance(splitter := settings.value("window/splitter"), QByteArray):
            self._pending_splitter = splitter  # applied once laid out, or Qt shares the width anew
        if isinstance(columns := settings.value("columns/dialogues"), QByteArray):
            # the other pages' when they are built (_page); the sort saved beside: ui/qt_later.py
            self.dialogues.restore_state(columns, settings.value("sort/dialogues"))

    def save_settings(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        for key, page in self._remembered_tables().items():
            columns = page.save_state()
            settings.setValue(f"columns/{key}", columns)
            if isinstance(page, DialogueListView):
                settings.setValue(f"sort/{key}", page.saved_sort(columns))
        settings.sync()

    def _remembered_tables(self) -> dict[str, ListPage]:
        """The built pages' tables (a page never built keeps what was saved for it)."""
        return {_TABLE_KEYS[number]: page for number, page in self._built.items()}

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_splitter is not None:
            self.splitter.restoreState(self._pending_splitter)
            self._pending_splitter = None

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quitting asks every open form about unsaved work first; one refusal stops the quit."""
        if not self.editors.close_all():
            event.ignore()
            return
        self.save_settings()
        event.accept()
        if self.claim is not None:  # the database is free for the next window
            self.claim.release()


def _same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one database file (symlinks followed): this window's claim is on the real
    file, so opening it again by a link asked the window to close itself."""
    import os

    return os.path.realpath(Path(one).expanduser().absolute()) == os.path.realpath(Path(other).absolute())
