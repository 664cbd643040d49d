"""Editing one institution: name, acronym, other names (other languages, earlier names), country."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app.domain import records as r
from desktop_app.domain.errors import UserError
from desktop_app.ui.old_name import SPELLING_SEPARATOR, OldNameKept, split_spellings
from desktop_app.ui.same_name import second_institution_agreed
from desktop_app.ui.texts import shown
from desktop_app.ui.translations import sorted_countries
from desktop_app.ui.widgets.as_stored import as_stored
from desktop_app.ui.widgets.one_line import keep_on_one_line

if TYPE_CHECKING:  # the window's first paint comes before SQLAlchemy is imported (issue 19)
    from desktop_app.db.repositories.people import InstitutionRepository


class InstitutionDialog(QDialog):
    def __init__(self, repository: InstitutionRepository, institution: r.Institution,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Institution — %1").replace("%1", institution.name) if institution.revision
                            else self.tr("New institution"))
        self._repository = repository
        self._institution = institution
        self.saved: r.Institution | None = None
        self.name = QLineEdit(institution.name)
        self.acronym = QLineEdit(institution.acronym or "")
        self.other_names = QLineEdit("; ".join(institution.other_names))
        self.other_names.setPlaceholderText(self.tr("Its name in other languages, earlier names; separated by ;"))
        # each text as shown with the stored value: read back as it was while not edited (`as_stored`)
        self._shown = {"name": (self.name.text(), institution.name),
                       "acronym": (self.acronym.text(), institution.acronym),
                       "other_names": (self.other_names.text(), institution.other_names)}
        self.country = QComboBox()
        self.country.addItem("—", None)
        for code, name in sorted_countries():
            self.country.addItem(name, code)
        if institution.country:
            self.country.setCurrentIndex(max(self.country.findData(institution.country), 0))
        for field in (self.name, self.acronym):  # a pasted break is a space; in the other names, a separator
            keep_on_one_line(field)
        keep_on_one_line(self.other_names, f"{SPELLING_SEPARATOR} ")
        self.old_name = QLabel()
        self.old_name.setWordWrap(True)
        self.old_name_kept = OldNameKept(
            institution.name if institution.revision else "", self.name, self.other_names, self.old_name,
            self.tr("The old name “%1” will be kept as another name; delete it there if it was only a "
                    "typing mistake."), "institution_name", also=self.acronym,
            whole=institution.other_names)
        # an acronym replaced by another is a name lists and colleagues may still use, as the old name is
        self.old_acronym = QLabel()
        self.old_acronym.setWordWrap(True)
        self.old_acronym_kept = OldNameKept(
            (institution.acronym or "") if institution.revision else "", self.acronym, self.other_names,
            self.old_acronym, self.tr("The old acronym “%1” will be kept as another name; delete it there if "
                                      "it was only a typing mistake."), "institution_name", also=self.name,
            whole=institution.other_names)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Acronym:"), self.acronym)
        form.addRow(self.tr("&Other names:"), self.other_names)
        form.addRow(self.tr("&Country:"), self.country)
        form.addRow(self.old_name)
        form.addRow(self.old_acronym)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    @property
    def _names(self) -> tuple[str, ...]:
        """The stored names, each read whole from the other names field (`split_spellings`)."""
        institution = self._institution
        return (*institution.other_names, institution.name, institution.acronym or "")

    def edited(self) -> r.Institution:
        was = self._shown
        return replace(self._institution, name=as_stored(was["name"], self.name.text(), str.strip),
                       acronym=as_stored(was["acronym"], self.acronym.text(), lambda text: text.strip() or None),
                       country=self.country.currentData(),
                       other_names=as_stored(was["other_names"], self.other_names.text(),
                                             lambda text: split_spellings(text, self._names)))

    def accept(self) -> None:
        institution = self.edited()
        if institution.name and institution.name != self._institution.name and not second_institution_agreed(
                self, institution.name, self._repository.named_alike(institution.name, institution.id)):
            self.name.setFocus()
            return
        try:
            self.saved = self._repository.save(institution)
        except UserError as error:
            self.problem.setText(shown(error.message))
            self.problem.show()
            return
        super().accept()
