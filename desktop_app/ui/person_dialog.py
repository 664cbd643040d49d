"""Editing one person: name, other spellings (e.g. Cyrillic), sex and email."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app.domain import records as r
from desktop_app.domain.enums import Sex
from desktop_app.domain.errors import UserError
from desktop_app.ui.old_name import SPELLING_SEPARATOR, OldNameKept, split_spellings
from desktop_app.ui.same_name import second_person_agreed
from desktop_app.ui.texts import shown
from desktop_app.ui.widgets.as_stored import as_stored
from desktop_app.ui.widgets.one_line import keep_on_one_line

if TYPE_CHECKING:  # the window's first paint comes before SQLAlchemy is imported (issue 19)
    from desktop_app.db.repositories.people import PeopleRepository

class PersonDialog(QDialog):
    """Saves through the repository on OK; a refused save keeps the dialog open with the reason."""

    def __init__(self, repository: PeopleRepository, person: r.Person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Person — %1").replace("%1", person.name) if person.revision
                            else self.tr("New person"))
        self._repository = repository
        self._person = person
        self.saved: r.Person | None = None
        self.name = QLineEdit(person.name)
        self.other_names = QLineEdit(f"{SPELLING_SEPARATOR} ".join(person.other_names))
        self.other_names.setPlaceholderText(self.tr("Other spellings, separated by ;"))
        self.sex = QComboBox()
        self.sex.addItem(self.tr("Not recorded"), None)
        self.sex.addItem(self.tr("Female"), Sex.FEMALE.value)
        self.sex.addItem(self.tr("Male"), Sex.MALE.value)
        self.sex.setCurrentIndex(max(self.sex.findData(person.sex.value), 0) if person.sex else 0)
        self.email = QLineEdit(person.email or "")
        # each text as shown with the stored value: read back as it was while not edited (`as_stored`)
        self._shown = {"name": (self.name.text(), person.name),
                       "other_names": (self.other_names.text(), person.other_names),
                       "email": (self.email.text(), person.email)}
        for field in (self.name, self.email):  # a pasted break is a space; in the spellings, a separator
            keep_on_one_line(field)
        keep_on_one_line(self.other_names, f"{SPELLING_SEPARATOR} ")
        self.old_name = QLabel()
        self.old_name.setWordWrap(True)
        self.old_name_kept = OldNameKept(
            person.name if person.revision else "", self.name, self.other_names, self.old_name,
            self.tr("The old name “%1” will be kept as another spelling; delete it there if it was only a "
                    "typing mistake."), "person_name", whole=person.other_names)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Other spellings:"), self.other_names)
        form.addRow(self.tr("&Sex:"), self.sex)
        form.addRow(self.tr("&Email:"), self.email)
        form.addRow(self.old_name)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    @property
    def _names(self) -> tuple[str, ...]:
        """The stored names, each read whole from the other spellings field (`split_spellings`)."""
        return (*self._person.other_names, self._person.name)

    def edited(self) -> r.Person:
        sex = self.sex.currentData()
        was = self._shown
        return replace(self._person, name=as_stored(was["name"], self.name.text(), str.strip),
                       other_names=as_stored(was["other_names"], self.other_names.text(),
                                             lambda text: split_spellings(text, self._names)),
                       sex=Sex(sex) if sex else None,
                       email=as_stored(was["email"], self.email.text(), lambda text: text.strip() or None))

    def accept(self) -> None:
        from desktop_app.domain.validation import is_email_address  # the rules follow the first paint

        person = self.edited()
        typed = self.email.text().strip()
        if typed and person.email != self._person.email and not is_email_address(typed):
            # what is typed is held to the list's rule; a stored address is kept as it is (round 15)
            self.problem.setText(self.tr("“%1” is not an e-mail address: type it as name@example.org, or "
                                         "leave the field empty.").replace("%1", typed))
            self.problem.show()
            self.email.setFocus()
            return
        if person.name and person.name != self._person.name and not second_person_agreed(
                self, person.name, self._repository.named_alike(person.name, person.id)):
            self.name.setFocus()
            return
        try:
            self.saved = self._repository.save(person)
        except UserError as error:
            self.problem.setText(shown(error.message))
            self.problem.show()
            return
        super().accept()
