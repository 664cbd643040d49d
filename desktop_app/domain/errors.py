"""The one error type the user sees.

Services raise `UserError` with one clear sentence; the CLI prints it and exits 1, the UI shows it
in a dialog. Anything else that escapes is a bug and is logged with its traceback.
"""

from __future__ import annotations

from typing import NamedTuple


class FieldProblem(NamedTuple):
    """One broken rule: which field (a dotted path such as `delegations[2].party`) and why. A named
    tuple: this module is imported at every start, and a dataclass's methods are compiled then."""

    field: str
    message: str


class UserError(Exception):
    """A problem the user can act on, described in one sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationFailed(UserError):
    """A record breaks a rule of the domain; `problems` lists every broken rule."""

    def __init__(self, message: str, problems: list[FieldProblem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class DatabaseLocked(UserError):
    """Another program holds the write lock longer than we are willing to wait."""


class DatabaseCorrupt(UserError):
    """The file is not a sound SQLite database (truncated, zeroed, foreign, damaged)."""


class DatabaseFull(UserError):
    """The disk (or the file's size limit) is full: nothing was written; free space and try again."""


class DatabaseReadOnly(UserError):
    """The file or its folder cannot be written (permissions, a read-only medium)."""


class NewerSchema(UserError):
    """The database was written by a newer version of the program; we must not touch it."""


class StaleRecord(UserError):
    """The record changed in the database since it was read; saving would overwrite someone's work."""


class RecordNotFound(UserError):
    """The record asked for is not in the database (or was deleted for good)."""


class BadBundle(UserError):
    """An exchange bundle that cannot be imported as it is."""
