"""The `table` format with a name holding a Unicode direction control (round 18).

A stored text may hold U+202A–U+202E and U+2066–U+2069 (text_rules allows them: they are not XML's
forbidden characters), e.g. a name pasted from a chat with a right-to-left override. Printed raw, a
terminal that follows bidi reversed the rest of the row, the counts and statuses of other columns
too. The table now spells each one out (<U+202E>) so the columns stay in order and the officer sees
it is there; the stored text is unchanged, and CSV and JSON carry it exactly.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.cli_output import write_table
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services.startup import open_for_work
from tests.factories import add_people, make_dialogue

RLO, PDF, FSI, PDI = "\u202e", "\u202c", "\u2068", "\u2069"
CONTROLS = "".join(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def test_every_direction_control_is_spelled_out_and_the_columns_stay_in_place() -> None:
    out = io.StringIO()
    write_table([["a", f"Ai{RLO}gerim{PDF}", "1"], ["b", f"{FSI}Timur{PDI}", "22"], ["c", CONTROLS, "3"]],
                ["ID", "Name", "Dialogues"], "none", out=out)
    text = out.getvalue()
    lines = text.splitlines()
    assert not any(c in text for c in CONTROLS), repr(text)
    assert "Ai<U+202E>gerim<U+202C>" in lines[1] and "<U+2068>Timur<U+2069>" in lines[2], lines
    assert "<U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069>" in lines[3], lines
    assert lines[0].index("Dialogues") == lines[1].index("1") == lines[2].index("22") == lines[3].index("3"), lines


def test_a_plain_name_in_another_script_is_printed_as_it_is() -> None:
    out = io.StringIO()
    write_table([["a", "Айгерим Жумабаева", "1"]], ["ID", "Name", "Dialogues"], "none", out=out)
    assert "Айгерим Жумабаева" in out.getvalue() and "<U+" not in out.getvalue()


@pytest.fixture
def register(tmp_path: Path) -> Path:
    db = tmp_path / "db.sqlite3"
    database = open_for_work(db).database
    try:
        add_people(database, f"Aigerim {RLO}Zhumabayeva")
        DialogueRepository(database).save(make_dialogue(title=f"Expert meeting {RLO}2024{PDF}", delegations=()))
    finally:
        database.close()
    return db


def test_people_and_list_tables_spell_out_the_override_and_json_keeps_it(register: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["--db", str(register), "people"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert RLO not in "".join(table) and "Aigerim <U+202E>Zhumabayeva" in table[1], table
    assert main(["--db", str(register), "--lang", "ru", "list"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert RLO not in "".join(table) and "Expert meeting <U+202E>2024<U+202C>" in table[1], table
    assert table[1].rstrip().endswith("Окончательный"), table  # the last column is still last

    assert main(["--db", str(register), "people", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == f"Aigerim {RLO}Zhumabayeva"  # stored as typed
    assert main(["--db", str(register), "list", "--format", "csv"]) == 0
    assert f"Expert meeting {RLO}2024{PDF}" in capsys.readouterr().out
