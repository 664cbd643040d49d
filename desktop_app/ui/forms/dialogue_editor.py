"""The dialogue form: one window per dialogue, with tabs for details, delegations, agenda, actions.

It edits a copy (plain records, no session), checks the domain's rules as the officer types, and
hands the whole record — with any people and institutions typed into it — to the save service,
which writes all of it or nothing.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.enums import DialogueKind
from desktop_app.domain.errors import FieldProblem, StaleRecord, UserError
from desktop_app.domain.protocol import final_problems
from desktop_app.domain.records import Dialogue, Institution, Participant, Party, Person, new_id
from desktop_app.domain.validation import dialogue_problems, dialogue_warnings
from desktop_app.services import drafts
from desktop_app.services.dialogues import save_dialogue
from desktop_app.ui.forms.actions_section import ActionsSection
from desktop_app.ui.forms.agenda_section import AgendaSection
from desktop_app.ui.forms.delegations_section import DelegationsSection
from desktop_app.ui.forms.details_section import DetailsSection
from desktop_app.ui.forms.edit_history import EditHistory
from desktop_app.ui.forms.people_book import InstitutionBook, PeopleBook
from desktop_app.ui.texts import shown
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.widgets.marks import error_colour, marked_field_style, problem_icon, warning_colour, warning_icon
from desktop_app.ui.widgets.party_choices import party_label
from desktop_app.ui.widgets.screen_fit import resize_within_screen
from desktop_app.ui.widgets.table_editing import EditTable

APP_NAME = "Dialogue Register"
DETAILS, DELEGATIONS, AGENDA, ACTIONS = range(4)
TAB_NAMES = (QT_TRANSLATE_NOOP("DialogueEditor", "&Details"), QT_TRANSLATE_NOOP("DialogueEditor", "De&legations"),
             QT_TRANSLATE_NOOP("DialogueEditor", "A&genda"), QT_TRANSLATE_NOOP("DialogueEditor", "Follow-up a&ctions"))
# Unsaved edits are kept as a draft this long after the last keystroke (a crash loses at most this).
DRAFT_DELAY_MS = 1500
# Typing in these fields merges into one undo step; every other edit is a step of its own.
MERGED_FIELDS = {"title", "series", "city", "country", "chair", "supporting_programmes", "frameworks",
                 "topics", "summary", "start_date", "end_date"}
PROBLEM, WARNING = "problem", "warning"
AGENDA_COLUMNS = {"title": 0, "presenter": 1, "notes": 2}
ACTION_COLUMNS = {"description": 0, "owner": 1, "due_date": 2}


@dataclass(frozen=True)
class FormState:
    """Everything the form holds, as plain records: what undo restores and what Save writes."""

    dialogue: Dialogue
    people: tuple[Person, ...]
    institutions: tuple[Institution, ...]
    # the start date field holds a date: a new form shows none until one is typed, and undo gives back
    # a typed one even when it is today, the date the blank record falls back to (round 14)
    start_typed: bool = True
    # dates typed that cannot be read, as typed, by where they are ("end_date", "actions[0].due_date"):
    # not in the record, yet typed — the form is unsaved and undo gives them back (round 16)
    unread: tuple[tuple[str, str], ...] = ()


def _blank_dialogue() -> Dialogue:
    return Dialogue(id=new_id(), title="", kind=DialogueKind.REGIONAL, start_date=date.today())


def _field_of(key: str) -> str:
    """The record field an edit or a problem is about: `delegations[2].party` -> `delegations`."""
    head = key.split("[")[0].split(".")[0]
    return "delegations" if head == "participants" else head


class DialogueEditor(QMainWindow):
    """`DialogueEditor(database, dialogue=None)`: None is a new dialogue, revision 0 an unsaved copy."""

    saved = Signal(str)

    def __init__(self, database: Database, dialogue: Dialogue | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.repository = DialogueRepository(database)
        self.people = PeopleBook(database)
        self.institutions = InstitutionBook(database)
        self._base = dialogue or _blank_dialogue()
        self._new = dialogue is None
        self._loading = False
        self._closed = False
        # A new form is not red before the officer types: problems show for the fields typed in,
        # and all of them once Save is tried (None: show every problem).
        self._shown_fields: set[str] | None = set() if dialogue is None else None
        self._twin_key: tuple[str, object] | None = None
        self._twin_ids: list[str] = []
        self._twin_accepted: tuple[str, object] | None = None

        self.details = DetailsSection(self)
        self.delegations = DelegationsSection(self.people, self.institutions, self)
        self.delegations.meeting_date = self.details.start_date.value
        start_date = self.details.start_date  # not `self`: a lambda holding the form would keep it alive
        self.delegations.meeting_start = lambda: start_date.value() or date.today()  # after it is closed
        self.agenda = AgendaSection(self)
        self.actions_tab = ActionsSection(self)
        self.tabs = QTabWidget(self)
        for widget, name in zip((self.details, self.delegations, self.agenda, self.actions_tab), TAB_NAMES,
                                strict=True):
            self.tabs.addTab(widget, self.tr(name).replace("&", ""))
        self.tabs.setAccessibleName(self.tr("Parts of the dialogue"))
        self.tabs.tabBar().setAccessibleName(self.tr("Parts of the dialogue"))
        self.agenda.table.setAccessibleName(self.tr("Agenda"))
        self.actions_tab.table.setAccessibleName(self.tr("Follow-up actions"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("formMessage")
        self.message_icon = QLabel(self)  # the problem or warning marker: an icon, not a font's glyph
        self.message_icon.setAccessibleName(self.tr("Problem marker"))
        self.message_icon.hide()
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_icon)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        self._fit_screen()
        self._make_actions()

        suggestions_topics = set(self.repository.topic_names())
        self.details.set_suggestions(self.repository.series_names(), suggestions_topics,
                                     self._base.frameworks, {"CADAP", *self._base.supporting_programmes})
        self._load_widgets(self._base)
        state = self.snapshot()
        self.history: EditHistory[FormState] = EditHistory(state)
        self._clean: FormState | None = state if (dialogue is None or dialogue.revision > 0) else None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        open_cell = self._take_back_draft()

        self.details.changed.connect(self._edited)
        for section in (self.delegations, self.agenda, self.actions_tab):
            section.changed.connect(self._edited)
        for telling in (self.delegations, self.agenda, self.actions_tab):
            telling.told.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self.tabs.currentChanged.connect(lambda _i: self.commit_open_editor())
        for edit in (*self.findChildren(QLineEdit), *self.findChildren(QPlainTextEdit)):
            edit.installEventFilter(self)
        # A button's Alt+letter clicks it without taking the focus, so a cell being typed in stayed open
        # while Move up / Move down / Remove moved the rows under it, and its text went to another row
        # (round 15). `pressed` comes before the (animated) click: the cell is taken in first.
        for button in self.findChildren(QAbstractButton):
            button.pressed.connect(self.commit_open_editor)
        for table in self._cell_tables().values():  # typing in an open cell is kept as a draft too
            table.typing.connect(self._draft_timer.start)
        self.delegations.party_picker.textEdited.connect(self._draft_timer.start)  # so is a party typed
        self._refresh()
        if open_cell is None or not self._open_cell_again(open_cell):
            self.details.title.setFocus()

    def _fit_screen(self) -> None:
        """Open at a comfortable size that still fits the screen (1366×768, or 150 % scaling), so
        Save and Close are never below its edge."""
        resize_within_screen(self, 1180, 780)

    # --- actions and keyboard ------------------------------------------------------------------

    def _action(self, text: str, slot, *keys: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])

        def run(_checked: bool = False) -> None:
            self.commit_open_editor()  # what is typed in a cell belongs to the form before any action
            slot()

        action.triggered.connect(run)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.save_action = self._action(self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        # Ctrl+W on every platform (the standard key is only Ctrl+F4 on some desktops).
        self.close_action = self._action(self.tr("&Close"), self.close, "Ctrl+W", "Ctrl+F4")
        self.undo_action = self._action(self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("&Redo"), self.redo, "Ctrl+Shift+Z", "Ctrl+Y")
        self.add_delegation_action = self._action(self.tr("Add delegat&ion…"), self.focus_new_delegation,
                                                  "Ctrl+Shift+D")
        self.add_participant_action = self._action(self.tr("Add &participant"), self.add_participant, "Ctrl+Shift+P")
        self.add_central_asia_action = self._action(
            self.tr("Add the five Central Asian c&ountries"), self.delegations.add_central_asian_countries,
            "Ctrl+Shift+C")
        self.add_eu_action = self._action(self.tr("Add &EU side"), self.delegations.add_eu_institutions, "Ctrl+Shift+E")
        self.add_agenda_action = self._action(self.tr("Add &agenda item"), self.add_agenda_item, "Ctrl+Shift+A")
        self.add_follow_up_action = self._action(self.tr("Add &follow-up action"), self.add_follow_up, "Ctrl+Shift+F")
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addActions([self.save_action, self.close_action])
        edit_menu = menus.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        dialogue_menu = menus.addMenu(self.tr("&Dialogue"))
        for index, name in enumerate(TAB_NAMES):
            tab = self._action(self.tr("Go to %1").replace("%1", self.tr(name)),
                               lambda _=False, i=index: self.tabs.setCurrentIndex(i), f"Ctrl+{index + 1}")
            dialogue_menu.addAction(tab)
        dialogue_menu.addSeparator()
        dialogue_menu.addActions([self.add_delegation_action, self.add_central_asia_action, self.add_eu_action,
                                  self.add_participant_action, self.add_agenda_action, self.add_follow_up_action])
        from desktop_app.ui.forms.protocol_menu import add_protocol_menus

        add_protocol_menus(self, dialogue_menu)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z in a text field undoes the form's last edit, not just that field's typing."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
                or QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Shift+Z")):
            return True  # not accepted: the window's shortcut fires
        return super().eventFilter(watched, event)

    def focus_new_delegation(self) -> None:
        self.tabs.setCurrentIndex(DELEGATIONS)
        self.delegations.party_picker.setFocus()

    def add_participant(self) -> None:
        self.tabs.setCurrentIndex(DELEGATIONS)
        self.delegations.add_participant()

    def add_agenda_item(self) -> None:
        self.tabs.setCurrentIndex(AGENDA)
        self.agenda.add_row()

    def add_follow_up(self) -> None:
        self.tabs.setCurrentIndex(ACTIONS)
        self.actions_tab.add_row()

    # --- state ---------------------------------------------------------------------------------

    def record(self) -> Dialogue:
        """The dialogue as the form shows it now (id and revision from the record opened)."""
        return replace(self._base, **self.details.facts(), agenda=self.agenda.items(),  # type: ignore[arg-type]
                       actions=self.actions_tab.current_actions(), delegations=self.delegations.delegations())

    def snapshot(self) -> FormState:
        dialogue = self.record()
        person_ids = {p.person_id for d in dialogue.delegations for p in d.participants}
        institution_ids = {p.institution_id for d in dialogue.delegations for p in d.participants
                           if p.institution_id}
        return FormState(replace(dialogue, revision=0, updated_at=None), self.people.edits_for(person_ids),
                         self.institutions.new_for(institution_ids), self.details.start_date.value() is not None,
                         (*self.details.unread(), *self.actions_tab.unread()))

    def is_modified(self) -> bool:
        """Edits not saved — also a party typed in the party field and not yet added, which Save
        adds (`DelegationsSection.take_typed_party`), so closing asks about it."""
        return self._clean is None or self.snapshot() != self._clean or self.delegations.party_typed()

    def errors(self) -> list[FieldProblem]:
        return self._problems(self.record())

    def _problems(self, dialogue: Dialogue) -> list[FieldProblem]:
        """What stops saving: text typed that cannot be read (a date), then the record's rules."""
        typed = [*self.details.typing_problems(), *self.actions_tab.typing_problems()]
        said = {problem.field for problem in typed}  # one message per field: the one about the typing
        if "start_date" in said:  # the rules would compare the end date with a start date nobody typed
            said.add("end_date")  # (today's, or the one stored): "before the start date …" misled (round 16)
        rules = dialogue_problems(dialogue) + final_problems(dialogue, self.people.name)
        return [*typed, *(p for p in rules if p.field not in said)]

    def warnings(self, dialogue: Dialogue | None = None) -> list[FieldProblem]:
        """What deserves a second look but does not stop saving (see `dialogue_warnings`)."""
        institutions = self.institutions
        return dialogue_warnings(dialogue or self.record(), person_name=self.people.name,
                                 institution=lambda iid: institutions.new.get(iid) or institutions.records.get(iid))

    def commit_open_editor(self) -> None:
        """Take what is typed in an open cell editor into the form, as Return would. The one place
        every way out (save, close, switching tab, quitting, the main window's database changes,
        which all close the form) goes through, so a typed cell is never skipped. A field's open
        suggestion list closes, leaving the field as it shows: the text typed, or the suggestion
        highlighted (as Tab and Return leave it) — never a suggestion not chosen (round 16)."""
        for table in self.findChildren(EditTable):
            table.commit_editing()
        for edit in self.findChildren(QLineEdit):
            completer = edit.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None and popup.isVisible():
                popup.hide()

    def _load_widgets(self, dialogue: Dialogue, start_known: bool | None = None,
                      unread: tuple[tuple[str, str], ...] = ()) -> None:
        """Show `dialogue`; `start_known`: whether its start date is shown (None: unless it is a new
        form's fallback date); `unread`: dates typed that cannot be read, shown again as typed."""
        self._loading = True
        try:
            if start_known is None:
                start_known = not (self._new and dialogue.start_date == self._base.start_date)
            self.details.load(dialogue, start_known=start_known)
            self.agenda.set_items(dialogue.agenda)
            self.actions_tab.set_actions(dialogue.actions)
            self.delegations.set_delegations(dialogue.delegations)
            self.details.show_unread(dict(unread))
            self.actions_tab.show_unread(dict(unread))
        finally:
            self._loading = False

    def _restore(self, state: FormState) -> None:
        self.people.restore(state.people)
        self.institutions.restore(state.institutions)
        self._load_widgets(state.dialogue, state.start_typed, state.unread)
        self._refresh()

    def _edited(self, key: str) -> None:
        if self._loading or self._closed:
            return
        if self._shown_fields is not None:
            self._shown_fields.add(_field_of(key))
        if key == "start_date":  # in the same undo step as the date
            self.delegations.follow_start_date({p.id for d in self._base.delegations for p in d.participants})
        self.history.push(self.snapshot(), key if key in MERGED_FIELDS else None)
        self._refresh()
        self._draft_timer.start()

    def undo(self) -> None:
        state = self.history.undo()
        if state is not None:
            self._restore(state)
            self._draft_timer.start()  # the draft follows: an undone edit must not come back after a crash

    def redo(self) -> None:
        state = self.history.redo()
        if state is not None:
            self._restore(state)
            self._draft_timer.start()

    # --- what the officer sees -----------------------------------------------------------------

    def _refresh(self) -> None:
        dialogue = self.record()
        problems = [p for p in self._problems(dialogue)
                    if self._shown_fields is None or _field_of(p.field) in self._shown_fields]
        warnings = self.warnings(dialogue)
        self._mark(problems)
        if problems:
            more = self.tr(" (and %n more)", "", len(problems) - 1) if len(problems) > 1 else ""
            self._say(f"{shown(problems[0].message)}{more}", PROBLEM)
        elif warnings or self._twins(dialogue):
            twin = [self.tr("Another dialogue has the same title and start date.")] if self._twins(dialogue) else []
            self._say(" ".join([*twin, *(shown(w.message) for w in warnings[:3])]), WARNING)
        else:
            self._say("", None)
        self.delegations.show_head_warning()
        self.undo_action.setEnabled(self.history.can_undo())
        self.redo_action.setEnabled(self.history.can_redo())
        modified = self.is_modified()
        title = dialogue.title or self.tr("New dialogue")
        self.setWindowTitle(f"{title}{'*' if modified else ''} — {APP_NAME}")

    def _say(self, text: str, kind: str | None) -> None:
        """The line beside Save: a problem (stops saving) or a warning, with its icon and colour."""
        palette = self.palette()
        self.message.setText(text)
        if kind is None or not text:
            self.message.setStyleSheet("")
            self.message_icon.hide()
            return
        colour = error_colour(palette) if kind == PROBLEM else warning_colour(palette)
        icon = problem_icon(palette) if kind == PROBLEM else warning_icon(palette)
        size = self.message.fontMetrics().height()
        self.message.setStyleSheet(f"color: {colour.name()};")
        self.message_icon.setPixmap(icon.pixmap(size, size))
        self.message_icon.setToolTip(self.tr("Not saved until this is put right") if kind == PROBLEM
                                     else self.tr("Worth a second look; saving is not stopped"))
        self.message_icon.show()

    def _mark(self, problems: list[FieldProblem]) -> None:
        fields = self.details.field_widgets()
        messages: dict[str, list[str]] = {}
        for problem in problems:
            messages.setdefault(problem.field.split("[")[0].split(".")[0], []).append(shown(problem.message))
        for name, widget in fields.items():
            text = "\n".join(messages.get(name, []))
            widget.setStyleSheet(marked_field_style(self.palette()) if text else "")
            widget.setToolTip(text)
        for table in (self.agenda.table, self.actions_tab.table, self.delegations.table):
            table.blockSignals(True)
            table.clear_marks()
        for problem in problems:
            self._mark_cell(problem)
        for table in (self.agenda.table, self.actions_tab.table, self.delegations.table):
            table.blockSignals(False)
        tabs = {DETAILS: any(n in fields for n in messages), DELEGATIONS: "delegations" in messages,
                AGENDA: "agenda" in messages, ACTIONS: "actions" in messages}
        for index, bad in tabs.items():
            self.tabs.setTabIcon(index, problem_icon(self.palette()) if bad else QIcon())
            self.tabs.setTabToolTip(index, self.tr("Something on this tab stops saving") if bad else "")

    def _mark_cell(self, problem: FieldProblem) -> None:
        head, _, rest = problem.field.partition("[")
        if not rest:
            return
        number, _, tail = rest.partition("]")
        row = int(number) if number.isdigit() else -1
        column_name = tail.lstrip(".").split(".")[0]
        if head == "agenda":
            self.agenda.table.mark(row, AGENDA_COLUMNS.get(column_name, 0), shown(problem.message))
        elif head == "actions":
            self.actions_tab.table.mark(row, ACTION_COLUMNS.get(column_name, 0), shown(problem.message))
        elif head == "delegations":
            self.delegations.table.mark(row, 0, shown(problem.message))

    def _twins(self, dialogue: Dialogue) -> list[str]:
        """Other dialogues with this title and start date (asked of the database once per pair)."""
        key = (dialogue.title.strip(), dialogue.start_date)
        if self._twin_key != key:
            self._twin_key = key
            self._twin_ids = self.repository.twins(dialogue.title, dialogue.start_date, dialogue.id)
        return self._twin_ids

    def offer_previous(self, chair: Party | None, heads: dict[str, tuple[Participant, ...]]) -> None:
        """Prepare next edition: last year's chair as a hint in the empty chair field, and last
        year's heads of delegation offered (added only when the officer asks)."""
        if chair is not None:
            self.details.chair.setPlaceholderText(
                self.tr("Last time: %1").replace("%1", party_label(chair)))
        self.delegations.offer_heads(heads)

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save everything or nothing; say why when refused. True when saved."""
        self.commit_open_editor()
        self.delegations.take_typed_party()
        self._shown_fields = None
        state = self.snapshot()
        dialogue = self.record()
        problems = self._problems(dialogue)
        if problems:
            self._refresh()
            self._say(self.tr("Not saved: %1").replace("%1", shown(problems[0].message)), PROBLEM)
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The dialogue was not saved. %1").replace("%1", shown(problems[0].message)))
            return False
        self._twin_key = None  # ask the database again: another window may have saved a twin
        asked = (dialogue.title.strip(), dialogue.start_date)
        if self._twins(dialogue) and self._twin_accepted != asked and QMessageBox.question(
                self, self.tr("Same title and date"),
                self.tr("Another dialogue is called “%1” and starts on the same day. Save this one as well?")
                .replace("%1", dialogue.title.strip()),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Save:
            return False
        self._twin_accepted = asked  # one question: the same answer holds until title or date change
        try:
            stored = save_dialogue(self.database, dialogue, state.people, state.institutions,
                                   base=self._base if self._base.revision else None)
        except StaleRecord as error:
            answer = QMessageBox.question(
                self, self.tr("Changed elsewhere"),
                shown(error.message) + "\n\n" + self.tr("Nothing was saved. Reload the saved version now? "
                                                  "(Your changes in this window will be discarded.)"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            self._say(self.tr("Not saved: %1").replace("%1", shown(error.message)), PROBLEM)
            if answer == QMessageBox.StandardButton.Yes:
                self.reload()
            return False
        except UserError as error:
            self._say(self.tr("Not saved: %1").replace("%1", shown(error.message)), PROBLEM)
            QMessageBox.warning(self, self.tr("Not saved"), shown(error.message))
            return False
        self.people.saved()
        self.institutions.saved()
        self._base = stored
        self._new = False  # saved: its start date is the one typed, shown again when the form reloads
        self._load_widgets(stored)
        self._clean = self.snapshot()
        self.history.reset(self._clean)
        self._refresh()
        self._forget_draft()
        if stored.deleted_at is not None:  # moved there while this form was open: said, not found later
            self.statusBar().showMessage(self.tr("Saved “%1”. It is in the trash: restore it from the Trash page "
                                                 "(Ctrl+4) to see it in the list.").replace("%1", stored.title))
        else:
            self.statusBar().showMessage(self.tr("Saved “%1”.").replace("%1", stored.title), 5000)
        self.saved.emit(stored.id)
        return True

    def reload(self) -> None:
        """Show the dialogue as it is now stored, dropping this window's edits."""
        try:
            self._base = self.repository.get(self._base.id)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Cannot reload"), shown(error.message))
            return
        self._forget_draft()
        self.people.edits.clear()
        self.institutions.new.clear()
        self.institutions.refresh()
        self._load_widgets(self._base)
        self._clean = self.snapshot()
        self.history.reset(self._clean)
        self._refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_open_editor()
        if not self.is_modified():
            self._close_cleanly(event)
            return
        title = self.record().title or self.tr("this new dialogue")
        QTimer.singleShot(0, self._name_prompt_buttons)
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save your changes to “%1” before closing?").replace("%1", title),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Discard or (answer == QMessageBox.StandardButton.Save
                                                            and self.save()):
            self._close_cleanly(event)
        else:
            event.ignore()

    def _name_prompt_buttons(self) -> None:
        """The unsaved-changes prompt's buttons in the officer's words, each with its own key:
        «Не сохранять», not Qt's «Отклонить», for Discard. Done once the prompt is up, so the
        prompt stays the standard one (Esc cancels, the platform's button order)."""
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            for which, text in ((QMessageBox.StandardButton.Save, self.tr("&Save")),
                                (QMessageBox.StandardButton.Discard, self.tr("&Don't save"))):
                button = box.button(which)
                if button is not None:
                    button.setText(text)

    def _close_cleanly(self, event: QCloseEvent) -> None:
        """Closed on purpose: no draft stays behind and none is written later (no "crash" prompt)."""
        self._forget_draft()
        self._closed = True
        event.accept()

    # --- drafts: unsaved edits that survive a crash ----------------------------------------------

    def keep_draft(self) -> None:
        """Write the unsaved state beside the database; a failure is said in the status bar, not in
        a dialog, because the officer is typing and the real save still works."""
        self._draft_timer.stop()
        if self._closed:
            return
        open_cell = self._open_cell()
        if not (self.is_modified() or open_cell is not None):
            # back as stored (undone, or a cell's typing dropped with Esc): a draft kept before would
            # bring back after a crash what the officer took back
            self._forget_draft()
            return
        state = self.snapshot()
        try:
            drafts.save_draft(self.database.path, replace(state.dialogue, revision=self._base.revision),
                              state.people, state.institutions, base=self._base, open_cell=open_cell,
                              party_typed=self.delegations.party_picker.text() if self.delegations.party_typed()
                              else "")
        except UserError as error:
            self.statusBar().showMessage(shown(error.message), 10000)

    def _cell_tables(self) -> dict[str, EditTable]:
        """The form's tables by the names a draft keeps an open cell under."""
        return {"delegations": self.delegations.table, "participants": self.delegations.participants,
                "agenda": self.agenda.table, "actions": self.actions_tab.table}

    def _open_cell(self) -> drafts.OpenCell | None:
        """The cell being typed in, if any: what a crash now would otherwise lose."""
        for name, table in self._cell_tables().items():
            typed = table.typed_in_open_cell()
            if typed is not None:
                delegation = self.delegations.current_index() if name == "participants" else -1
                return drafts.OpenCell(name, *typed, delegation=delegation)
        return None

    def _open_cell_again(self, cell: drafts.OpenCell) -> bool:
        """The cell a draft was kept in, open again on its tab with its text as typed (not taken in yet)."""
        table = self._cell_tables().get(cell.table)
        if table is None:
            return False
        if cell.table == "participants":  # the participants shown are those of the selected delegation
            if not 0 <= cell.delegation < len(self.delegations.delegations()):
                return False
            self.delegations.select(cell.delegation)
        # a row added at the end and typed in only in the open cell is not in the record the draft kept
        # (`record_rows`): added again, as Tab past the last row added it
        while table.grow is not None and table.rowCount() <= cell.row < table.rowCount() + 3:
            table.grow()
        if not (0 <= cell.row < table.rowCount() and 0 <= cell.column < table.columnCount()):
            return False
        tab = self.delegations if cell.table in ("delegations", "participants") else (
            self.agenda if cell.table == "agenda" else self.actions_tab)
        self.tabs.setCurrentWidget(tab)
        return table.open_cell_with(cell.row, cell.column, cell.text)

    def _forget_draft(self) -> None:
        self._draft_timer.stop()
        with contextlib.suppress(OSError, UserError):  # one that cannot be removed is offered again later
            drafts.discard_draft(self.database.path, self._base.id)

    def _take_back_draft(self) -> drafts.OpenCell | None:
        """Edits kept when the program last ended without saving come back into the form, marked
        unsaved, so the officer decides with Save or Close ▸ Discard — nothing is lost unasked.
        Returns the cell that was being typed in, for the form to open again once it is built."""
        try:
            draft = drafts.load_draft(self.database.path, self._base.id)
        except UserError:
            return None
        if draft is None:
            return None
        state = FormState(replace(draft.dialogue, revision=0, updated_at=None), draft.people, draft.institutions,
                          not (self._new and draft.dialogue.start_date == self._base.start_date))
        if state == self.snapshot() and draft.open_cell is None and not draft.party_typed.strip():
            return None
        if state != self.snapshot():
            self._restore(state)
            self.history.push(self.snapshot(), None)
            self._refresh()
        if draft.party_typed.strip():  # not added yet: Save adds it, as it would have before the crash
            self.delegations.party_picker.setText(draft.party_typed)
        when = draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        note = self.tr("Unsaved changes kept at %1 are back in this form: Save keeps them, "
                       "Close ▸ Discard drops them.").replace("%1", when)
        if draft.base_revision and draft.base_revision != self._base.revision:
            if draft.base is not None and draft.base.id == self._base.id:
                # the save applies the officer's changes (draft against the record they began from) to
                # the dialogue as stored now, or asks when both changed a field (`rebased`): a
                # colleague's save since is not put back
                self._base = replace(draft.base, deleted_at=self._base.deleted_at)
            note += " " + self.tr("The dialogue was saved elsewhere since then: check before saving.")
        if self._base.deleted_at is not None:  # saved, it stays there: said, so the work is not thought lost
            note += " " + self.tr("It is in the trash and stays there after Save; restore it from the Trash page "
                                  "(Ctrl+4) to see it in the list.")
        self.statusBar().showMessage(note)
        return draft.open_cell
