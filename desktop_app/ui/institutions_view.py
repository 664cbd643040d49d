"""The institutions page: the ministries, agencies and organisations participants come from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.errors import UserError
from desktop_app.domain.search import fold, query_words
from desktop_app.ui import messages
from desktop_app.ui.institution_dialog import InstitutionDialog
from desktop_app.ui.models.institution_model import InstitutionTableModel
from desktop_app.ui.record_list_page import RecordListPage
from desktop_app.ui.same_name import told_apart
from desktop_app.ui.translations import local_country_name

if TYPE_CHECKING:  # the window's first paint comes before SQLAlchemy is imported (issue 19)
    from desktop_app.db.repositories.people import InstitutionRepository


def matches(institution: r.Institution, text: str) -> bool:
    """Any word typed, in any script or spelling, in the name, acronym or another name."""
    haystack = fold(" ".join(p for p in (institution.name, institution.acronym or "", *institution.other_names) if p))
    return all(word in haystack for word in query_words(text))


class InstitutionsView(RecordListPage):
    changed = Signal()

    def __init__(self, repository: InstitutionRepository, parent: QWidget | None = None, load: bool = True) -> None:
        """`load=False`: the rows are read on the first `reload()` (the window's first paint does not wait)."""
        super().__init__(InstitutionTableModel(), self.tr("Search name, acronym or another name, in any script…"),
                         (420, 110, 180), parent=parent)
        self.table.setObjectName("institutionTable")
        self._repository = repository
        self.institution_dialog: InstitutionDialog | None = None
        self.add_button(self.tr("&New institution…"), self.new_institution)
        self.add_button(self.tr("Ed&it…"), self.edit_current)  # Alt+E is the Edit menu
        self.add_button(self.tr("&Merge…"), self.merge_selected)
        self.loaded = False
        if load:
            self.reload()

    @property
    def _database(self) -> Database:
        return self._repository.database

    def set_repository(self, repository: InstitutionRepository) -> None:
        self._repository = repository
        if self.loaded:
            self.reload()

    def reload(self) -> None:
        self.loaded = True
        text = self.search.text()
        self.model.set_records([i for i in self._repository.all() if matches(i, text)])

    def new_institution(self) -> None:
        self._open_dialog(r.Institution(id=r.new_id(), name=""))

    def edit_current(self) -> None:
        rows = self.selected_rows()
        chosen = self.model.record_at(rows[0]) if rows else None
        if chosen is None:
            return
        try:
            institution = self._repository.get(chosen.id)
        except UserError as error:
            messages.warn(self, error.message)
            self.reload()
            return
        self._open_dialog(institution)

    def merge_selected(self) -> None:
        """Two selected institutions that are one (its Russian and English names): the officer
        chooses which name to keep; the other becomes another name of it."""
        chosen = [record for row in self.selected_rows() if (record := self.model.record_at(row)) is not None]
        if len(chosen) != 2:
            messages.inform(self, self.tr("Select the two institutions that are one (Ctrl+click), then Merge."))
            return
        keep = messages.choose(self, self.tr("Keep which name? The other becomes another name of it, and its "
                                             "participants move over."), self._told_apart(chosen),
                               self.tr("Merge institutions"))
        if keep is None:
            return
        kept, gone = chosen[keep], chosen[1 - keep]
        try:
            from desktop_app.services.merging import RecordKind, merge_records, not_kept

            # an acronym or country the kept record cannot hold too is said before (round 15)
            said = not_kept(self._database, RecordKind.INSTITUTION, kept.id, gone.id)
            if said and not messages.confirm(self, messages.lines([*said, self.tr("Merge them?")]),
                                             self.tr("Merge institutions")):
                return
            merge_records(self._database, RecordKind.INSTITUTION, kept.id, gone.id)
        except UserError as error:
            messages.warn(self, error.message)
        self._after_edit()

    def _told_apart(self, chosen: list[r.Institution]) -> list[str]:
        """The two names, each with what tells it from the other when both records have that name."""
        if chosen[0].name != chosen[1].name:
            return [c.name for c in chosen]
        details = [[c.acronym or self.tr("no acronym"),
                    local_country_name(c.country) if c.country else self.tr("no country"),
                    "; ".join(c.other_names) or self.tr("no other name")] for c in chosen]
        return [f"{c.name} ({detail})" for c, detail in zip(chosen, told_apart(*details), strict=True)]

    def _open_dialog(self, institution: r.Institution) -> None:
        self.institution_dialog = InstitutionDialog(self._repository, institution, self)
        self.institution_dialog.accepted.connect(self._after_edit)
        self.institution_dialog.open()

    def _after_edit(self) -> None:
        self.reload()
        self.changed.emit()
