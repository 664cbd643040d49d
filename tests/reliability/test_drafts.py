"""Unsaved form edits kept as drafts: saved atomically, owner-only, offered back after a crash."""

from __future__ import annotations

import os
import signal
import stat
from dataclasses import replace

from desktop_app.services import drafts
from tests.factories import make_dialogue


def test_a_draft_comes_back_exactly_as_it_was_typed(db_path) -> None:
    dialogue = replace(make_dialogue("Half-typed «dialogue» = draft"), summary="Notes\nwith two lines", revision=3)
    drafts.save_draft(db_path, dialogue)
    draft = drafts.load_draft(db_path, dialogue.id)
    assert draft is not None
    assert draft.dialogue == dialogue and draft.base_revision == 3


def test_saving_again_replaces_the_draft_and_discard_removes_it(db_path) -> None:
    dialogue = make_dialogue("First words")
    drafts.save_draft(db_path, dialogue)
    drafts.save_draft(db_path, replace(dialogue, title="More words"))
    assert [d.dialogue.title for d in drafts.left_drafts(db_path)] == ["More words"]
    drafts.discard_draft(db_path, dialogue.id)
    assert drafts.left_drafts(db_path) == [] and drafts.load_draft(db_path, dialogue.id) is None


def test_drafts_left_by_a_killed_session_are_listed_newest_first(db_path) -> None:
    first, second = make_dialogue("Older edit"), make_dialogue("Newer edit")
    pid = os.fork()
    if pid == 0:  # a session that saves drafts and dies without discarding them
        try:
            drafts.save_draft(db_path, first)
            drafts.save_draft(db_path, second)
            os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    assert [d.dialogue.title for d in drafts.left_drafts(db_path)] == ["Newer edit", "Older edit"]


def test_a_half_written_draft_file_is_set_aside_not_offered(db_path) -> None:
    good = make_dialogue("Good draft")
    drafts.save_draft(db_path, good)
    broken = drafts.drafts_folder(db_path) / "broken.json"
    broken.write_text('{"format": "dialogue-register/draft", "dialogue": {"id"', encoding="utf-8")
    assert [d.dialogue.title for d in drafts.left_drafts(db_path)] == ["Good draft"]
    assert not broken.exists() and broken.with_suffix(".unreadable").exists()


def test_drafts_are_readable_by_the_owner_only(db_path) -> None:
    path = drafts.save_draft(db_path, make_dialogue())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(drafts.drafts_folder(db_path).stat().st_mode) == 0o700
    assert not list(drafts.drafts_folder(db_path).glob(".*partial"))
