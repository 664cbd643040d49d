"""A Note Verbale's reply-by date: before the meeting begins and, for a meeting still ahead, not before
the note's own date (round 18: a date after the start, a typo, went into the note). The window's
dialog and `document --reply-by` are driven in tests/ui/test_protocol_form.py and
tests/cli/test_document_cli.py; here are the rule's branches and the default the dialog offers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.services.documents import build_document, load_record
from desktop_app.services.documents.content import default_reply_by, reply_by_problem
from tests.services.documents_world import SEED_ID, seed_meeting

STARTS = date(2027, 3, 10)
ISSUED = date(2027, 2, 1)


@pytest.mark.parametrize(("reply_by", "said"), [
    (STARTS - timedelta(days=1), None),  # the day before the meeting: the last day taken
    (STARTS, "The reply-by date 2027-03-10 is not before the dialogue begins (2027-03-10): give an earlier date."),
    (STARTS + timedelta(days=30), "The reply-by date 2027-04-09 is not before the dialogue begins (2027-03-10): "
                                  "give an earlier date."),
    (ISSUED, None),  # the note's own date: taken
    (ISSUED - timedelta(days=1), "The reply-by date 2027-01-31 is before the note's date of issue (2027-02-01): "
                                 "give a later date."),
])
def test_a_meeting_still_ahead_takes_a_reply_from_the_notes_date_to_the_day_before_it(reply_by, said) -> None:
    assert reply_by_problem(reply_by, STARTS, ISSUED) == said


def test_a_meeting_already_begun_is_held_to_its_start_and_one_without_a_start_to_nothing() -> None:
    issued = STARTS + timedelta(days=400)  # a note made for the record afterwards
    assert reply_by_problem(STARTS - timedelta(days=21), STARTS, issued) is None
    assert reply_by_problem(STARTS, STARTS, issued) is not None
    assert reply_by_problem(STARTS, STARTS, STARTS) is not None  # issued on the first day
    assert reply_by_problem(STARTS + timedelta(days=9), None, ISSUED) is None
    assert reply_by_problem(ISSUED - timedelta(days=9), None, ISSUED) is None


@pytest.mark.parametrize(("today", "offered"), [
    (STARTS - timedelta(days=60), STARTS - timedelta(days=21)),  # three weeks before the meeting
    (STARTS - timedelta(days=20), STARTS - timedelta(days=6)),   # two weeks from today
    (STARTS - timedelta(days=14), STARTS - timedelta(days=1)),   # less than two weeks away: the day before
    (STARTS - timedelta(days=1), STARTS - timedelta(days=1)),
    (STARTS, STARTS - timedelta(days=21)),                       # begun: as the note would have asked
    (STARTS + timedelta(days=900), STARTS - timedelta(days=21)),
])
def test_the_date_offered_is_one_the_rule_takes(today, offered) -> None:
    assert default_reply_by(STARTS, today) == offered
    assert reply_by_problem(offered, STARTS, today) is None


def test_the_note_is_refused_before_anything_is_made(database: Database) -> None:
    record = load_record(database, seed_meeting(database).id)
    assert record.dialogue.id == SEED_ID and record.dialogue.start_date == date(2023, 12, 13)
    with pytest.raises(UserError, match=r"^The reply-by date 2023-12-13 is not before the dialogue begins"):
        build_document(record, "note-verbale", "en", "KZ", date(2023, 12, 13), issued=date(2023, 11, 1))
    with pytest.raises(UserError, match=r"^The reply-by date 2023-10-31 is before the note's date of issue"):
        build_document(record, "note-verbale", "en", "KZ", date(2023, 10, 31), issued=date(2023, 11, 1))
    assert build_document(record, "note-verbale", "en", "KZ", date(2023, 12, 12), issued=date(2023, 11, 1))
