"""Repositories made on first use, for the window's first paint (issue 19).

The window builds its pages around repositories before it is shown, but a repository module
imports SQLAlchemy and the models (~60 % of the program's start-up). `dialogues_later(database)`
and the others stand in for the repository and import and make it when first asked anything —
after the first paint, or at once if the officer gets there sooner. Nothing else changes: the
stand-in forwards every attribute to the repository it made.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, cast

from desktop_app.db.unit_of_work import Database

if TYPE_CHECKING:
    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository


class _Later:
    __slots__ = ("_database", "_made", "_module", "_name")

    def __init__(self, database: Database, module: str, name: str) -> None:
        self._database = database
        self._module = module
        self._name = name
        self._made: Any = None

    def __getattr__(self, attribute: str) -> Any:
        if self._made is None:
            self._made = getattr(importlib.import_module(self._module), self._name)(self._database)
        return getattr(self._made, attribute)


def dialogues_later(database: Database) -> DialogueRepository:
    return cast("DialogueRepository", _Later(database, "desktop_app.db.repositories.dialogues", "DialogueRepository"))


def people_later(database: Database) -> PeopleRepository:
    return cast("PeopleRepository", _Later(database, "desktop_app.db.repositories.people", "PeopleRepository"))


def institutions_later(database: Database) -> InstitutionRepository:
    return cast("InstitutionRepository", _Later(database, "desktop_app.db.repositories.people",
                                                "InstitutionRepository"))
