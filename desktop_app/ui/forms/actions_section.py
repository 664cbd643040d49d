"""The Follow-up actions tab: what was agreed, who does it, by when, and whether it is done."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop_app.domain.enums import ActionStatus
from desktop_app.domain.records import Action
from desktop_app.ui.forms.ordered_table_section import OrderedTableSection
from desktop_app.ui.widgets.table_editing import ChoiceDelegate, DateDelegate

DESCRIPTION, OWNER, DUE, STATUS = range(4)
STATUS_LABELS = {ActionStatus.OPEN: "Open", ActionStatus.DONE: "Done"}


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


class ActionsSection(OrderedTableSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("actions", ["Description", "Owner", "Due date", "Status"], "&Add action", parent)
        self.table.setItemDelegateForColumn(DUE, DateDelegate(self.table))
        self.table.setItemDelegateForColumn(STATUS, ChoiceDelegate(list(STATUS_LABELS.values()), self.table))
        self.table.setColumnWidth(DESCRIPTION, 420)
        self.table.setColumnWidth(OWNER, 200)

    def new_row_texts(self) -> list[str]:
        return ["", "", "", STATUS_LABELS[ActionStatus.OPEN]]

    def actions(self) -> tuple[Action, ...]:
        by_label = {label: status for status, label in STATUS_LABELS.items()}
        return tuple(Action(description=description, owner=owner or None, due_date=_date(due),
                            status=by_label.get(status, ActionStatus.OPEN))
                     for description, owner, due, status in self.rows())

    def set_actions(self, actions: tuple[Action, ...]) -> None:
        self.set_rows([[a.description, a.owner or "", a.due_date.isoformat() if a.due_date else "",
                        STATUS_LABELS[a.status]] for a in actions])
