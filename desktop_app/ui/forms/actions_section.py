"""The Follow-up actions tab: what was agreed, who does it, by when, and whether it is done."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.domain.date_text import parse_date
from desktop_app.domain.enums import ActionStatus
from desktop_app.domain.errors import FieldProblem
from desktop_app.domain.records import Action
from desktop_app.ui.forms.ordered_table_section import OrderedTableSection
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.widgets.date_fields import unreadable
from desktop_app.ui.widgets.table_editing import ChoiceDelegate, DateDelegate, chosen

DESCRIPTION, OWNER, DUE, STATUS = range(4)
STATUS_NAMES = {ActionStatus.OPEN: QT_TRANSLATE_NOOP("ActionsSection", "Open"),
                ActionStatus.DONE: QT_TRANSLATE_NOOP("ActionsSection", "Done"),
                ActionStatus.CARRIED: QT_TRANSLATE_NOOP("ActionsSection", "Carried over")}
HEADERS = (QT_TRANSLATE_NOOP("ActionsSection", "Description"), QT_TRANSLATE_NOOP("ActionsSection", "Owner"),
           QT_TRANSLATE_NOOP("ActionsSection", "Due date"), QT_TRANSLATE_NOOP("ActionsSection", "Status"))


def status_labels() -> dict[ActionStatus, str]:
    """What the Status cells show, in the window's language; the cells keep the value (`chosen`)."""
    return {status: QCoreApplication.translate("ActionsSection", name) for status, name in STATUS_NAMES.items()}


def _date(text: str) -> date | None:
    """The due date held in a cell: `yyyy-MM-dd`, or text typed that is not a date (None here;
    `typing_problems` reports it, so it is never saved as no date without a word)."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


class ActionsSection(OrderedTableSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("actions", [QCoreApplication.translate("ActionsSection", h) for h in HEADERS],
                         QCoreApplication.translate("ActionsSection", "&Add action"), parent)
        self.table.setItemDelegateForColumn(DUE, DateDelegate(self.table))
        self.table.setItemDelegateForColumn(STATUS, ChoiceDelegate(status_labels(), self.table))
        self.table.setColumnWidth(DESCRIPTION, 420)
        self.table.setColumnWidth(OWNER, 200)

    def typing_problems(self) -> list[FieldProblem]:
        problems = []
        for row, (_description, _owner, due, _status) in enumerate(self.rows()):
            if due and _date(due) is None:
                problems.append(FieldProblem(f"actions[{row}].due_date", unreadable(due)))
        return problems

    def unread(self) -> tuple[tuple[str, str], ...]:
        """Due dates typed that cannot be read, as typed (see `DetailsSection.unread`)."""
        return tuple((f"actions[{row}].due_date", due) for row, (_d, _o, due, _s) in enumerate(self.rows())
                     if due and _date(due) is None)

    def show_unread(self, unread: dict[str, str]) -> None:
        """Show again due dates typed that cannot be read, after `set_actions`."""
        blocked = self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            if (typed := unread.get(f"actions[{row}].due_date")) is not None:
                self.table.put(row, DUE, typed)
        self.table.blockSignals(blocked)

    def new_row_texts(self) -> list[str]:
        return ["", "", "", status_labels()[ActionStatus.OPEN]]

    def prepare_row(self, row: int) -> None:
        self.table.put_choice(row, STATUS, status_labels(), ActionStatus.OPEN)

    def pasted_text(self, column: int, text: str) -> str:
        """A due date pasted is read as one typed in the cell is (`DateDelegate`): held as
        `yyyy-MM-dd` when it is a date, kept as copied (and said) when not. Round 16: a pasted
        01.03.2025 was called unreadable, as only `yyyy-MM-dd` was read back."""
        value = parse_date(text) if column == DUE else None
        return value.isoformat() if value is not None else text

    def column_words(self) -> dict[int, set[str]]:
        return {DESCRIPTION: {"description", "action", "follow-up action", "task", "описание", "мероприятие",
                              "действие", "задача"},
                OWNER: {"owner", "responsible", "ответственный", "исполнитель"},
                DUE: {"due", "due date", "deadline", "срок", "срок исполнения"}}

    def pasted_columns(self) -> tuple[int, ...]:
        return (DESCRIPTION, OWNER, DUE)  # the status is chosen, not pasted: a new row's is Open

    def current_actions(self) -> tuple[Action, ...]:
        labels = status_labels()
        actions = []
        for row in self.record_rows():
            due = self.table.text(row, DUE)
            action_id, carried_from, done_on = self._kept(row)
            actions.append(Action(description=self.stored(row, DESCRIPTION, str),
                                  owner=self.stored(row, OWNER, lambda text: text or None), due_date=_date(due),
                                  status=chosen(self.table.item(row, STATUS), labels, ActionStatus.OPEN), id=action_id,
                                  carried_from=carried_from, done_on=done_on))
        return tuple(actions)

    def _kept(self, row: int) -> tuple[str, str | None, date | None]:
        """The row's action id, the action it was carried from and the day it was done ("" and None: new)."""
        kept = self.hidden(row)
        return kept if isinstance(kept, tuple) else ("", None, None)

    def left_blank(self, row: int) -> bool:
        """A new row with no description, owner or due date typed and its status still Open (a row
        carried from the last edition is not new)."""
        action_id, carried_from, _done_on = self._kept(row)
        return (not action_id and carried_from is None
                and not any(self.table.text(row, column) for column in (DESCRIPTION, OWNER, DUE))
                and chosen(self.table.item(row, STATUS), status_labels(), ActionStatus.OPEN) is ActionStatus.OPEN)

    def set_actions(self, actions: tuple[Action, ...]) -> None:
        """Show the actions; each row keeps its action's id and `carried_from` (Prepare next edition
        links a carried action to the one it continues) out of sight."""
        labels = status_labels()
        self.set_rows([[a.description, a.owner or "", a.due_date.isoformat() if a.due_date else "",
                        labels[a.status]] for a in actions])
        blocked = self.table.blockSignals(True)
        for row, action in enumerate(actions):
            self.keep(row, (action.id, action.carried_from, action.done_on), DESCRIPTION)
            self.show_stored(row, DESCRIPTION, action.description)
            self.show_stored(row, OWNER, action.owner)
            self.table.put_choice(row, STATUS, labels, action.status)
        self.table.blockSignals(blocked)
