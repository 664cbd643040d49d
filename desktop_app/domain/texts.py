"""A message that is English text now and can be translated later, without Qt below the UI.

The checks and services produce sentences for the officer (validation problems, `UserError`s, import
summaries). They must stay Qt-free and the CLI prints them in English, yet a Russian window should
show them in Russian. `Text` is a `str` whose value is the English sentence with its `%1…` filled, so
every `str`, `==`, `in`, `print` and log keeps working unchanged; it also carries the English
`template` and the `args`, so the UI (`desktop_app.ui.texts.shown`) can look the template up in the
Qt catalogue and fill the same arguments into the translation.

Templates are literal strings at the call (`Text("Delegation %1 has no head.", n)`): a test scans
the package for them and checks each is listed in `desktop_app/ui/message_catalogue.py`, where Qt's
lupdate finds them. A number is either put apart from the words ("Rows to correct: %1") or given
with its noun by `counted` ("1 dialogue", "2 dialogues"), whose Russian Qt takes from the catalogue's
three plural forms (1 диалог, 2 диалога, 5 диалогов).
"""

from __future__ import annotations

import re
from typing import Any

_PLACEHOLDER = re.compile(r"%(\d{1,2})")


def fill(template: str, args: tuple[str, ...] | list[str]) -> str:
    """`%1`, `%2`… replaced by the arguments in one pass (an argument's own `%2` stays as it is)."""

    def one(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(one, template)


class Text(str):
    """The English sentence (`str(text)`) plus the `template` and `args` it was made from.

    An argument may itself be a `Text` (a label such as "Delegation %1"), which the UI translates too;
    anything else (names, dates, country codes, numbers) is shown as `str(arg)` in every language.
    """

    template: str
    args: tuple[Any, ...]

    def __new__(cls, template: str, *args: Any) -> Text:
        value = super().__new__(cls, fill(template, tuple(str(a) for a in args)))
        value.template = template
        value.args = args
        return value

    def __repr__(self) -> str:
        return f"Text({self.template!r}{''.join(', ' + repr(a) for a in self.args)})"


class Counted(Text):
    """A number with its noun, made by `counted`: the English ("1 dialogue") is its value; its
    `template` ("%n dialogues") is a message with plural forms in the catalogue, looked up with
    `number` so the language's own rule picks the form (Russian: 1, 21 диалог; 2 диалога; 5, 11 диалогов).
    (Not `count`: that is `str.count`.)"""

    number: int

    def __new__(cls, count: int, one: str, many: str) -> Counted:
        value = str.__new__(cls, f"{count} {one if count == 1 else many}")
        value.template = f"%n {many}"
        value.args = ()
        value.number = count
        return value

    def __repr__(self) -> str:
        return f"Counted({self.number!r}, {self.template!r})"


def counted(count: int, one: str, many: str | None = None) -> Counted:
    """"1 dialogue", "2 dialogues", "0 people": the one place a count agrees with its noun, for the
    command line (English, and Russian under `--lang ru`) and the window alike (round 17 wrote
    "1 dialogues exported"; round 18 "Added: 1 dialogues, 1 people"). `one` and `many` are literal
    English words at the call: tools/message_catalogue.py lists each `%n <many>` for the translators.
    """
    return Counted(count, one, many or one + "s")


def joined(separator: str, parts: list[str] | tuple[str, ...]) -> Text:
    """`separator.join(parts)` that stays translatable: each part that is a `Text` is translated alone.

    Its template ("%1; %2") is not in the catalogue, so a translator keeps it as it is and only the
    parts change language.
    """
    template = separator.join(f"%{number}" for number in range(1, len(parts) + 1))
    return Text(template, *parts)
