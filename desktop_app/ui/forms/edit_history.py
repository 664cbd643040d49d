"""Undo and redo for a whole form, as a stack of snapshots.

Each edit pushes the form's state; consecutive edits of the same text field merge into one step
(typing "Brussels" is undone at once, not letter by letter). Snapshots are frozen records, so
undo really restores the last edit whichever field or table it was in.
"""

from __future__ import annotations

from typing import Generic, TypeVar

State = TypeVar("State")


class EditHistory(Generic[State]):
    def __init__(self, state: State) -> None:
        self.reset(state)

    def reset(self, state: State) -> None:
        self._states: list[State] = [state]
        self._index = 0
        self._last_key: str | None = None

    @property
    def current(self) -> State:
        return self._states[self._index]

    def push(self, state: State, merge_key: str | None = None) -> None:
        """Record a new state; with the same `merge_key` as the previous push, replace that step."""
        if state == self.current:
            return
        del self._states[self._index + 1:]
        if merge_key is not None and merge_key == self._last_key and self._index > 0:
            self._states[self._index] = state
        else:
            self._states.append(state)
            self._index += 1
        self._last_key = merge_key

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._states) - 1

    def undo(self) -> State | None:
        if not self.can_undo():
            return None
        self._index -= 1
        self._last_key = None
        return self.current

    def redo(self) -> State | None:
        if not self.can_redo():
            return None
        self._index += 1
        self._last_key = None
        return self.current
