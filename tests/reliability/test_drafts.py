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


def test_a_lone_surrogate_pasted_into_the_form_is_kept_in_the_draft_as_typed(db_path) -> None:
    """Text with a lone surrogate (half of a pair, from a broken clipboard) cannot be written as UTF-8:
    keeping the draft raised UnicodeEncodeError out of the form's draft timer (an internal error at
    each pause in typing, and nothing kept). It is kept escaped and comes back as typed; the save then
    refuses it with the text rule's sentence."""
    dialogue = replace(make_dialogue("Итоги \ud800встречи"), summary="a\udfffb", revision=2)
    drafts.save_draft(db_path, dialogue)
    draft = drafts.load_draft(db_path, dialogue.id)
    assert draft is not None and draft.dialogue == dialogue
    draft.path.read_text(encoding="utf-8")  # a file any reader takes: valid UTF-8


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


# --- round 14: a draft holds the form's dialogue whole (ids, statuses, funding, action links) ------

from datetime import date  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from desktop_app.domain import record_fields as rf  # noqa: E402
from desktop_app.domain import records as r  # noqa: E402
from desktop_app.domain.enums import ActionStatus, ParticipationStatus  # noqa: E402
from tests.domain.test_quick_rules import dialogues  # noqa: E402


@st.composite
def typed_dialogues(draw: st.DrawFn) -> r.Dialogue:
    """A form's dialogue: the rule-breaking variety of test_quick_rules, with every participant's
    status and funding, and actions done, carried or linked, drawn."""
    d = rf.with_ids(draw(dialogues()))
    statuses = st.sampled_from(list(ParticipationStatus))
    delegations = tuple(replace(g, participants=tuple(
        replace(p, status=draw(statuses), programme_funded=draw(st.booleans())) for p in g.participants))
        for g in d.delegations)
    actions = tuple(replace(a, status=draw(st.sampled_from(list(ActionStatus))),
                            done_on=draw(st.sampled_from([None, date(2024, 1, 20)])),
                            carried_from=draw(st.sampled_from([None, r.new_id()]))) for a in d.actions)
    return replace(d, delegations=delegations, actions=actions, revision=draw(st.integers(0, 9)))


@settings(max_examples=60, deadline=None)
@given(typed_dialogues())
def test_any_dialogue_comes_back_from_its_draft_whole(tmp_path_factory, dialogue: r.Dialogue) -> None:
    db_path = tmp_path_factory.mktemp("drafts") / "register.sqlite3"
    drafts.save_draft(db_path, dialogue, base=replace(dialogue, title="As stored", revision=dialogue.revision))
    draft = drafts.load_draft(db_path, dialogue.id)
    assert draft is not None and draft.dialogue == replace(dialogue, deleted_at=None, updated_at=None)
    assert (draft.base is not None) == (dialogue.revision > 0)
    if draft.base is not None:
        assert draft.base.title == "As stored" and draft.base.revision == dialogue.revision


def test_a_draft_an_earlier_version_kept_is_still_offered(db_path) -> None:
    """Drafts written before round 14 hold the version 1 bundle's shape and no base."""
    import json

    from desktop_app.services.exchange.codec import dialogue_to_json

    dialogue = make_dialogue("Kept before the upgrade")
    folder = drafts.drafts_folder(db_path)
    folder.mkdir(parents=True)
    (folder / f"{dialogue.id}.json").write_text(json.dumps({
        "format": drafts.DRAFT_FORMAT, "database": db_path.name, "saved_at": "2026-11-30T10:00:00Z",
        "base_revision": 2, "dialogue": dialogue_to_json(dialogue), "people": [], "institutions": []}))
    draft = drafts.load_draft(db_path, dialogue.id)
    assert draft is not None and draft.dialogue.title == "Kept before the upgrade"
    assert draft.base_revision == 2 and draft.base is None


def test_a_draft_that_cannot_have_its_folder_is_one_sentence(db_path) -> None:
    """A file where the drafts folder should be (copied in, or made by another program): keeping a
    draft raised FileExistsError out of the form's draft timer, an internal error at each pause."""
    import pytest

    from desktop_app.domain.errors import UserError

    db_path.parent.mkdir(parents=True, exist_ok=True)
    (db_path.parent / "drafts").write_text("not a folder")
    with pytest.raises(UserError, match="could not be kept as a draft"):
        drafts.save_draft(db_path, make_dialogue("Typed"))
