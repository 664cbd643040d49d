"""Messages from below the UI, in the window's language.

The checks and services write their sentences as `Text` (desktop_app/domain/texts.py): English
values that keep their template and arguments. Here, and only here, the template is looked up in
the Qt catalogue under the context "Messages" (lupdate finds the templates in
`message_catalogue.py`) and the arguments are filled into the translation. An argument that is a
`Text` itself ("Delegation %1") is translated the same way; names, dates and country codes are
shown as they were written. A template missing from the catalogue, or a plain `str`, is shown
unchanged, so nothing is ever lost, only left in English.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.enums import PartyType
from desktop_app.domain.party_name import PartyName
from desktop_app.domain.reference import countries, organisations
from desktop_app.domain.texts import Counted, Text, fill
from desktop_app.ui.translations import format_date, ui_language

CONTEXT = "Messages"


def shown(text: str) -> str:
    """`text` as the officer should read it: translated when it is a `Text`, else as it is."""
    if not isinstance(text, Text):
        return text
    if isinstance(text, Counted):
        return _counted(text)
    template = QCoreApplication.translate(CONTEXT, text.template)
    return fill(template, tuple(shown(arg) if isinstance(arg, Text) else _plain(arg) for arg in text.args))


def _counted(text: Counted) -> str:
    """The number with its noun in the catalogue's plural form for it (Qt knows each language's rule);
    the English of `counted` itself where the catalogue has no such message."""
    said = QCoreApplication.translate(CONTEXT, text.template, None, text.number)
    return str(text) if said == text.template.replace("%n", str(text.number)) else said


def shown_lines(lines: Iterable[str], separator: str = "\n") -> str:
    """Several messages (a summary's lines, a check's report) joined after each is translated."""
    return separator.join(shown(line) for line in lines)


def _plain(value: object) -> str:
    """A non-`Text` argument; a `str()` that happens to give a `Text` (a row problem) is translated too.
    A date is written as the window writes dates (13.12.2023 in a Russian window; the English text,
    the command line's, has it as 2023-12-13): round 15, the form's messages named dates otherwise
    than its fields."""
    if type(value) is date:
        return format_date(value)
    if isinstance(value, PartyName):
        return _party_name(value)
    as_text = str(value)
    return shown(as_text) if isinstance(as_text, Text) else as_text


def _party_name(name: PartyName) -> str:
    """A delegation's party in the window's language ("Казахстан" in a Russian window)."""
    if ui_language() != "ru":
        return str(name)  # an English window: the name as the record has it
    party = name.party
    if party.type is PartyType.COUNTRY:
        country = countries().get(party.code or "")
        return country.ru if country else str(name)
    return next((o.ru for o in organisations() if o.name == party.name and o.ru), str(name))
