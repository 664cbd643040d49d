"""Issue 13, finding 6: drafts belong to their database. Two databases in one folder (the sample database
sits beside the real one by design) never see, offer or save each other's unsaved forms."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from desktop_app.services import drafts
from tests.factories import make_dialogue


def test_a_draft_of_one_database_is_never_offered_in_another_in_the_same_folder(tmp_path: Path) -> None:
    real, sample = tmp_path / "dialogues.sqlite3", tmp_path / "sample-dialogues.sqlite3"
    typed = make_dialogue("Typed in the real database")
    drafts.save_draft(real, typed)
    assert drafts.left_drafts(sample) == []
    assert drafts.load_draft(sample, typed.id) is None
    assert [draft.dialogue.title for draft in drafts.left_drafts(real)] == ["Typed in the real database"]
    drafts.discard_draft(sample, typed.id)  # discarding in the other database leaves this one's draft alone
    assert drafts.load_draft(real, typed.id) is not None


def test_the_same_dialogue_has_one_draft_per_database(tmp_path: Path) -> None:
    """A dialogue copied between databases (a bundle) keeps its id: each database keeps its own draft."""
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    dialogue = make_dialogue("Shared by a bundle")
    drafts.save_draft(first, dialogue)
    drafts.save_draft(second, replace(dialogue, title="Edited in the second"))
    assert drafts.load_draft(first, dialogue.id).dialogue.title == "Shared by a bundle"
    assert drafts.load_draft(second, dialogue.id).dialogue.title == "Edited in the second"


def test_drafts_kept_by_an_earlier_version_in_the_shared_folder_go_to_the_database_they_name(tmp_path: Path) -> None:
    """Earlier versions kept every draft in one `drafts/` folder; the payload names the database."""
    real, sample = tmp_path / "dialogues.sqlite3", tmp_path / "sample-dialogues.sqlite3"
    for database, title in ((real, "Left in the real one"), (sample, "Left in the sample")):
        kept = drafts.save_draft(database, make_dialogue(title))
        shared = tmp_path / "drafts" / kept.name
        kept.replace(shared)  # where an earlier version kept it
    assert [d.dialogue.title for d in drafts.left_drafts(sample)] == ["Left in the sample"]
    assert [d.dialogue.title for d in drafts.left_drafts(real)] == ["Left in the real one"]
    assert not list((tmp_path / "drafts").glob("*.json"))  # each moved to its own database's drafts


def test_a_draft_naming_another_database_is_not_offered(tmp_path: Path) -> None:
    real = tmp_path / "dialogues.sqlite3"
    kept = drafts.save_draft(real, make_dialogue("Belongs elsewhere"))
    payload = json.loads(kept.read_text(encoding="utf-8"))
    payload["database"] = "another.sqlite3"
    kept.write_text(json.dumps(payload), encoding="utf-8")
    assert drafts.left_drafts(real) == []
