"""The `table` format of `list`, `people` and `actions` with a text holding a line break or a tab.

Stored texts may hold them (desktop_app/domain/text_rules.py: an action's description typed over two
lines, a title from another office's bundle). Round 17: the table printed them as they were, so a row
broke in two — the rest of it under the next column's header, a line of its own that `wc -l` and
`grep` took for another dialogue. Now each row is one line: a line break or a tab shows as a space.
CSV (quoted) and JSON keep the text exactly as stored.
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.cli import main
from desktop_app.cli_output import write_table
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services.startup import open_for_work
from tests.factories import make_dialogue


def test_a_cell_with_a_line_break_or_tab_stays_on_its_row() -> None:
    import io

    out = io.StringIO()
    write_table([["a", "Line one\nLine two", "x"], ["b", "tab\there\r\nend", "y"]], ["ID", "Title", "Z"], "none",
                out=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3, lines
    assert lines[1].startswith("a   Line one Line two") and lines[2].startswith("b   tab here end"), lines
    assert lines[1].index("x") == lines[2].index("y") == lines[0].index("Z"), lines


def test_list_prints_one_line_a_dialogue_and_json_keeps_the_title(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db.sqlite3"
    database = open_for_work(db).database
    try:
        DialogueRepository(database).save(make_dialogue(title="Expert meeting\non drug demand reduction"))
    finally:
        database.close()
    capsys.readouterr()
    assert main(["--db", str(db), "list"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert len(table) == 2 and "Expert meeting on drug demand reduction" in table[1], table
    assert main(["--db", str(db), "list", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["title"] == "Expert meeting\non drug demand reduction"
