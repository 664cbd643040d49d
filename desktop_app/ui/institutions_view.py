"""The institutions page: the ministries, agencies and organisations participants come from."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop_app.db.repositories.people import InstitutionRepository
from desktop_app.domain import records as r
from desktop_app.domain.errors import UserError
from desktop_app.domain.search import fold, query_words
from desktop_app.ui import messages
from desktop_app.ui.institution_dialog import InstitutionDialog
from desktop_app.ui.models.institution_model import InstitutionTableModel
from desktop_app.ui.record_list_page import RecordListPage


def matches(institution: r.Institution, text: str) -> bool:
    haystack = fold(" ".join(p for p in (institution.name, institution.acronym or "") if p))
    return all(word in haystack for word in query_words(text))


class InstitutionsView(RecordListPage):
    changed = Signal()

    def __init__(self, repository: InstitutionRepository, parent: QWidget | None = None) -> None:
        super().__init__(InstitutionTableModel(), self.tr("Search name or acronym…"), (420, 110, 180), parent=parent)
        self.table.setObjectName("institutionTable")
        self._repository = repository
        self.institution_dialog: InstitutionDialog | None = None
        self.add_button(self.tr("&New institution…"), self.new_institution)
        self.add_button(self.tr("&Edit…"), self.edit_current)
        self.reload()

    def set_repository(self, repository: InstitutionRepository) -> None:
        self._repository = repository
        self.reload()

    def reload(self) -> None:
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

    def _open_dialog(self, institution: r.Institution) -> None:
        self.institution_dialog = InstitutionDialog(self._repository, institution, self)
        self.institution_dialog.accepted.connect(self._after_edit)
        self.institution_dialog.open()

    def _after_edit(self) -> None:
        self.reload()
        self.changed.emit()
