"""The party picker: a country or an organisation, chosen by completion or typed freely."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.domain.records import Party
from desktop_app.ui.widgets.as_stored import Shown, as_stored
from desktop_app.ui.widgets.completion import contains_completer
from desktop_app.ui.widgets.one_line import keep_on_one_line
from desktop_app.ui.widgets.party_choices import (
    country_labels,
    organisation_labels,
    party_from_text,
    party_label,
)


class PartyPicker(QLineEdit):
    """Completion over the reference countries (English and Russian) and organisations.

    `countries_only` is for the host country; otherwise text that is no known party is taken as
    the name of an unlisted organisation.
    """

    party_changed = Signal()

    def __init__(self, countries_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countries_only = countries_only
        entries = country_labels() if countries_only else (*organisation_labels(), *country_labels())
        self.setCompleter(contains_completer(entries, self))
        self.setPlaceholderText(self.tr("Country") if countries_only else self.tr("Country or organisation"))
        self.setClearButtonEnabled(True)
        keep_on_one_line(self)
        self.textChanged.connect(lambda _text: self.party_changed.emit())
        self._shown: Shown | None = None  # the party `set_party` showed, read back while not edited

    def party(self) -> Party | None:
        """The party typed or chosen; the one `set_party` showed as it was while the text is not
        edited (an organisation stored as "UNODC" is not renamed to the list's main name)."""
        return as_stored(self._shown, self.text(), lambda text: party_from_text(text, self.countries_only))

    def set_party(self, party: Party | None) -> None:
        if self.party() != party:
            self.setText(party_label(party))
        self._shown = (self.text(), party)
