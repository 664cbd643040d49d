"""The dialogue forms the officer has open: one window per dialogue, asked to close on quit or when
the database changes, and the list reloaded whenever one of them saves.

The form itself (`desktop_app.ui.forms.dialogue_editor.DialogueEditor`) is imported only when a
form is opened, so the list works on its own.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtWidgets import QWidget

from desktop_app.db.unit_of_work import Database

if TYPE_CHECKING:  # the first window names no record here; records follow its paint (issue 19)
    from desktop_app.domain import records as r

EditorFactory = Callable[[Database, "r.Dialogue | None", "QWidget | None"], Any]


def dialogue_editor_factory(database: Database, dialogue: r.Dialogue | None, parent: QWidget | None) -> Any:
    from desktop_app.ui.forms.dialogue_editor import DialogueEditor

    return DialogueEditor(database, dialogue, parent)


class EditorWindows:
    """Keeps the open editors; `on_saved(id)` is called after each save in any of them."""

    def __init__(self, on_saved: Callable[[str], None], parent: QWidget | None = None,
                 factory: EditorFactory = dialogue_editor_factory) -> None:
        self._on_saved = on_saved
        self._parent = parent
        self._factory = factory
        self._editors: list[tuple[Any, str | None]] = []

    def open(self, database: Database, dialogue: r.Dialogue | None, existing_id: str | None = None) -> Any:
        """Show a form for `dialogue` (None: a new one); a dialogue already open is brought forward."""
        if existing_id is not None:
            for editor, editing in self.open_editors():
                if editing == existing_id:
                    editor.show()
                    editor.raise_()
                    editor.activateWindow()
                    return editor
        editor = self._factory(database, dialogue, self._parent)
        form = weakref.ref(editor)  # not the form itself: its own signal would hold it alive
        editor.saved.connect(lambda saved_id: self._saved(form(), saved_id))
        self._editors.append((editor, existing_id))
        editor.show()
        return editor

    def _saved(self, editor: Any, dialogue_id: str) -> None:
        """A form that saved is that dialogue's form from now on: a new one (or a next edition) was
        kept under no id, so opening the saved dialogue from the list opened a second form of it,
        and the two shared one crash draft (round 15)."""
        self._editors = [(e, dialogue_id if e is editor else editing) for e, editing in self._editors]
        self._on_saved(dialogue_id)

    def open_editors(self) -> list[tuple[Any, str | None]]:
        """The editors still on screen (a closed one is forgotten and freed)."""
        alive = []
        for editor, editing in self._editors:
            if shiboken6.isValid(editor) and editor.isVisible():
                alive.append((editor, editing))
            elif shiboken6.isValid(editor):
                editor.deleteLater()
        self._editors = alive
        return list(alive)

    def records_changed(self, dialogue_ids: set[str]) -> None:
        """A write elsewhere (a merge, an import, a list) changed these dialogues: an open form
        without unsaved changes shows the stored version; one with changes keeps them (its save
        is rebased on the stored version, services.dialogues.rebased)."""
        for editor, editing in self.open_editors():
            if editing in dialogue_ids and hasattr(editor, "is_modified") and not editor.is_modified():
                editor.reload()

    def __len__(self) -> int:
        return len(self.open_editors())

    def close_all(self, dialogue_ids: set[str] | None = None) -> bool:
        """Ask each editor (of these dialogues, when given) to close (it asks about unsaved changes);
        False if one refused. Before a dialogue is deleted for good its form must be closed: its
        Save could only say the dialogue is gone and drop the words typed (round 15)."""
        for editor, editing in self.open_editors():
            if dialogue_ids is not None and editing not in dialogue_ids:
                continue
            if not editor.close():
                editor.raise_()
                editor.activateWindow()
                return False
        self.open_editors()
        return True
