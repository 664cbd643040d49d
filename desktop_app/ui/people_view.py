"""The people page: find a person, correct their record, merge two records of one person."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop_app.domain import records as r
from desktop_app.domain.errors import UserError
from desktop_app.ui import messages
from desktop_app.ui.models.people_model import COUNTED, PeopleTableModel
from desktop_app.ui.person_dialog import PersonDialog
from desktop_app.ui.record_list_page import RecordListPage
from desktop_app.ui.same_name import told_apart

if TYPE_CHECKING:  # the window's first paint comes before SQLAlchemy is imported (issue 19)
    from desktop_app.db.repositories.people import PeopleRepository


class PeopleView(RecordListPage):
    """`changed` tells the window that dialogues may show new names (after an edit or a merge)."""

    changed = Signal()

    def __init__(self, repository: PeopleRepository, parent: QWidget | None = None, load: bool = True) -> None:
        """`load=False`: the rows are read on the first `reload()` (the window's first paint does not wait)."""
        super().__init__(PeopleTableModel(count=self._count_meetings), self.tr("Search names in any spelling…"),
                         (240, 240, 70, 220, 70), parent=parent)
        self.table.setObjectName("peopleTable")
        self._repository = repository
        self.person_dialog: PersonDialog | None = None
        self.add_button(self.tr("&New person…"), self.new_person)
        self.add_button(self.tr("Ed&it…"), self.edit_current)  # Alt+E is the Edit menu
        self.merge_button = self.add_button(
            self.tr("&Merge…"), self.merge_selected,
            self.tr("Select the two records of one person, then merge them into one"))
        self.loaded = False
        if load:
            self.reload()

    def set_repository(self, repository: PeopleRepository) -> None:
        self._repository = repository
        if self.loaded:
            self.reload()

    def reload(self) -> None:
        self.loaded = True
        # the first screenful's meetings counted with the search; the others as they come into view
        self.model.set_records(self._repository.search(self.search.text(), counted=COUNTED))

    def _count_meetings(self, person_ids: list[str]) -> dict[str, int]:
        return self._repository.meetings_of(person_ids)

    def selected_people(self) -> list[r.PersonRow]:
        return [p for row in self.selected_rows() if (p := self.model.record_at(row))]

    def new_person(self) -> None:
        self._open_dialog(r.Person(id=r.new_id(), name=""))

    def edit_current(self) -> None:
        people = self.selected_people()
        if not people:
            return
        try:
            person = self._repository.get(people[0].id)
        except UserError as error:
            messages.warn(self, error.message)
            self.reload()
            return
        self._open_dialog(person)

    def _open_dialog(self, person: r.Person) -> None:
        """Window-modal but not blocking, so the list stays drawn and tests can fill it in."""
        self.person_dialog = PersonDialog(self._repository, person, self)
        self.person_dialog.accepted.connect(self._after_edit)
        self.person_dialog.open()

    def _after_edit(self) -> None:
        self.reload()
        self.changed.emit()

    def _meetings(self, count: int | None) -> str:
        return self.tr("%n meeting(s)", "", count or 0)

    def _spellings(self, person: r.PersonRow) -> str:
        return "; ".join(person.other_names) or self.tr("no other spelling")

    def merge_selected(self) -> None:
        people = self.selected_people()
        if len(people) != 2:
            messages.inform(self, self.tr("Select exactly two people (Ctrl+click) to merge them into one record."))
            return
        first, second = people
        if first.meetings is None or second.meetings is None:  # selected before they came into view
            counts = self._repository.meetings_of([first.id, second.id])
            first, second = (replace(p, meetings=counts.get(p.id, 0)) for p in (first, second))
        keep_text = self.tr("Keep “%1”")
        keeps = [keep_text.replace("%1", p.name) for p in (first, second)]
        shown = [self._meetings(p.meetings) for p in (first, second)]
        if first.name == second.name:  # namesakes: what tells them apart, on the buttons and above them
            details = [[self._spellings(p), p.email or self.tr("no e-mail"), self._meetings(p.meetings)]
                       for p in (first, second)]
            apart = told_apart(*details)
            keeps = [f"{keep} ({detail})" for keep, detail in zip(keeps, apart, strict=True)]
            if apart != tuple(shown):
                shown = [f"{detail}; {count}" for detail, count in zip(apart, shown, strict=True)]
        text = (self.tr("Merge these two records of one person?") + "\n\n"
                f"• {first.name} ({shown[0]})\n"
                f"• {second.name} ({shown[1]})\n\n"
                + self.tr("All meetings move to the record you keep; the other name is kept as another spelling."))
        choice = messages.choose(self, text, keeps)
        if choice is None:
            return
        keep, gone = (first, second) if choice == 0 else (second, first)
        from desktop_app.services.merging import RecordKind, not_kept
        from desktop_app.services.people_duplicates import meetings_in_two_delegations

        try:
            # what the kept record cannot hold too is said before, not dropped unsaid (round 15)
            said = not_kept(self._repository.database, RecordKind.PERSON, keep.id, gone.id)
            if said and not messages.confirm(self, messages.lines([*said, self.tr("Merge them?")])):
                return
            self._repository.merge(keep.id, gone.id)
        except UserError as error:
            messages.warn(self, error.message)
        else:
            if twice := meetings_in_two_delegations(self._repository.database, keep.id):
                messages.inform(self, self.tr(
                    "“%1” is now in two delegations of %2. Open the meeting and keep the right one.")
                    .replace("%1", keep.name).replace("%2", ", ".join(f"“{title}”" for title in twice)))
        self.reload()
        self.changed.emit()
