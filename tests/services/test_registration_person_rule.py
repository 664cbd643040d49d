"""A registration list's names obey the person rule itself (`domain.validation.person_problems`),
not a copy of it (issue 13): whatever the person rule refuses is set aside at the check, with the
rule's own words, so it can never fail the whole import at the write."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain.records import Person
from desktop_app.domain.validation import LIMITS, person_problems
from desktop_app.services.registration.lists import check_opened, open_list
from desktop_app.services.registration.writing import import_list
from tests.factories import make_dialogue
from tests.services.registration_files import ENGLISH_HEADER, write_csv

LIMIT = LIMITS["person_name"]
NAMES = {
    "at the limit": "A" * (LIMIT - 2) + " B",
    "over the limit": "A" * LIMIT + " B",
    "a control character": "Daler\x1bIsmoilov",
}


@pytest.mark.parametrize("case", list(NAMES))
def test_a_name_is_refused_exactly_when_the_person_rule_refuses_it(database, tmp_path: Path, case: str) -> None:
    name = NAMES[case]
    dialogue = DialogueRepository(database).save(make_dialogue())
    path = write_csv(tmp_path / "list.csv", [ENGLISH_HEADER, (name, "Expert", "", "Kazakhstan", "F", ""),
                                             ("Aigerim Zhumabayeva", "Expert", "", "Kazakhstan", "F", "")])
    check = check_opened(database, open_list(path), dialogue.id)
    expected = [str(problem.message) for problem in person_problems(Person(id="", name=name))]
    assert [str(p.message) for p in check.problems if p.row_number == 2] == (["; ".join(expected)] if expected else [])
    summary = import_list(database, dialogue.id, dialogue.revision, check)  # never refused whole at the write
    assert summary.participants == (1 if expected else 2)
    names = sorted(p.name for p in PeopleRepository(database).search())
    assert names == sorted(["Aigerim Zhumabayeva", *([] if expected else [name])])


def test_the_cases_cover_a_refusal_of_each_kind() -> None:
    refused = {case: bool(person_problems(Person(id="", name=name))) for case, name in NAMES.items()}
    assert refused == {"at the limit": False, "over the limit": True, "a control character": True}
