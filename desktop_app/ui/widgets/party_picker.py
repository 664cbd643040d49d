"""The party picker: a country or an organisation, chosen by completion or typed freely."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.domain.records import Party
from desktop_app.ui.widgets.completion import contains_completer
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
        self.textChanged.connect(lambda _text: self.party_changed.emit())

    def party(self) -> Party | None:
        return party_from_text(self.text(), self.countries_only)

    def set_party(self, party: Party | None) -> None:
        if party_from_text(self.text(), self.countries_only) != party:
            self.setText(party_label(party))
