"""`import` of a bundle a domain rule refuses: the sentence ends once, in both languages.

Round 17: "b.json is not a valid bundle: dialogues[0].end_date is wrong: The end date 2023-12-01 is
before the start date 2023-12-13.." — the rule's own sentence ended with a full stop and the bundle's
sentence added another. (Every template has its Russian: tests/ui/test_message_texts.py.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "demo-bundle.json"


def _bundle(tmp_path: Path, **changes: object) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["dialogues"][0].update(changes)
    path = tmp_path / "b.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("changes", [{"end_date": "1999-01-01"}, {"title": "   "}, {"country": "XX"}])
def test_a_rule_broken_in_a_bundle_is_one_sentence_with_one_full_stop(tmp_path: Path, capsys, changes) -> None:
    bundle = _bundle(tmp_path, **changes)
    db = tmp_path / "db.sqlite3"
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(bundle)]) == 1
    said = capsys.readouterr().err.strip()
    assert "is wrong" in said and said.endswith(".") and not said.endswith(".."), said
