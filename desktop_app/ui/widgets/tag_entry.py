"""Tag entry: several short values (topics, frameworks, programmes) in one line, with completion.

Values are separated by semicolons (framework titles may contain commas); completion works on the
value being typed, so earlier values stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop_app.ui.widgets.as_stored import Shown, as_stored
from desktop_app.ui.widgets.one_line import keep_on_one_line

SEPARATOR = ";"


def split_tags(text: str) -> tuple[str, ...]:
    seen: list[str] = []
    for part in text.split(SEPARATOR):
        value = part.strip()
        if value and value not in seen:
            seen.append(value)
    return tuple(seen)


def join_tags(tags: Iterable[str]) -> str:
    return f"{SEPARATOR} ".join(tags)


class _LastTagCompleter(QCompleter):
    """Completes only the text after the last separator and keeps what came before."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(SEPARATOR)[-1].strip()]

    def pathFromIndex(self, index) -> str:
        widget = self.widget()
        done = widget.text().split(SEPARATOR)[:-1] if isinstance(widget, QLineEdit) else []
        chosen = str(index.data())
        return join_tags([*(part.strip() for part in done if part.strip()), chosen]) + f"{SEPARATOR} "


class TagEntry(QLineEdit):
    def __init__(self, suggestions: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        completer = _LastTagCompleter(self)
        completer.setModel(QStringListModel(list(suggestions), completer))
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setPlaceholderText(self.tr("Separate values with ;"))
        keep_on_one_line(self, f"{SEPARATOR} ")  # values pasted one a line are values, not one holding breaks
        self._shown: Shown | None = None  # the tags `set_tags` showed, read back while not edited

    def set_suggestions(self, suggestions: Iterable[str]) -> None:
        model = self.completer().model()
        assert isinstance(model, QStringListModel)
        model.setStringList(sorted(set(suggestions), key=str.casefold))

    def tags(self) -> tuple[str, ...]:
        """The values typed; those shown by `set_tags` as they were while the text is not edited (a
        stored "HIV; hepatitis" stays one topic, a repeated or spaced value stays as it came)."""
        return tuple(as_stored(self._shown, self.text(), split_tags))

    def set_tags(self, tags: Iterable[str]) -> None:
        tags = tuple(tags)
        if self.tags() != tags:
            self.setText(join_tags(tags))
        self._shown = (self.text(), tags)
