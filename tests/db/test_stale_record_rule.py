"""The stale-record rule (a copy read at one revision may not overwrite a record saved since) is
written once, in `db/repositories/revisions.py`, and every kind of record obeys it (issue 13)."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

import desktop_app
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain.errors import StaleRecord
from tests.factories import add_institution, add_people, make_dialogue

SOURCE = Path(desktop_app.__file__).parent
# StaleRecord raised outside the rule's module, each for a different rule than "saved since opened"
OTHER_RULES = {
    "db/repositories/dialogues.py": "a dialogue deleted for good elsewhere while open",
    "services/exchange/conflicts.py": "a conflict whose shown versions changed before the choice",
}


def stale_raises(path: Path) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sum(1 for node in ast.walk(tree) if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
               and isinstance(node.exc.func, ast.Name) and node.exc.func.id == "StaleRecord")


def test_only_the_rule_s_own_module_raises_a_stale_record():
    raising = {path.relative_to(SOURCE).as_posix(): stale_raises(path) for path in SOURCE.rglob("*.py")}
    raising = {name: n for name, n in raising.items() if n}
    assert raising.pop("db/repositories/revisions.py") == 1
    assert {name: n for name, n in raising.items() if name not in OTHER_RULES or n != 1} == {}


def test_a_stale_dialogue_is_refused_and_kept(database):
    repository = DialogueRepository(database)
    opened = repository.save(make_dialogue())
    repository.save(replace(opened, city="Almaty"))
    with pytest.raises(StaleRecord, match="changed elsewhere"):
        repository.save(replace(opened, city="Bishkek"))
    assert repository.get(opened.id).city == "Almaty"


def test_a_stale_person_is_refused_and_kept(database):
    (opened,) = add_people(database, "Aigerim Sadykova")
    repository = PeopleRepository(database)
    repository.save(replace(opened, email="a@example.org"))
    with pytest.raises(StaleRecord, match="Aigerim Sadykova was changed elsewhere"):
        repository.save(replace(opened, email="b@example.org"))
    assert repository.get(opened.id).email == "a@example.org"


def test_a_stale_institution_is_refused_and_kept(database):
    opened = add_institution(database, "Ministry of Health")
    repository = InstitutionRepository(database)
    repository.save(replace(opened, acronym="MoH"))
    with pytest.raises(StaleRecord, match="Ministry of Health was changed elsewhere"):
        repository.save(replace(opened, acronym="MH"))
    assert repository.get(opened.id).acronym == "MoH"
