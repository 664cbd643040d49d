"""Prepare next edition (issue 16): next year's meeting of a series in one step, with last year's
open actions carried over."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueStatus, ParticipationStatus, Role, Side
from desktop_app.services.dialogues import save_dialogue
from desktop_app.services.next_edition import FOLLOW_UP, next_dates, next_title, prepare_next_edition
from tests.factories import add_people, make_dialogue


def _seed(database) -> r.Dialogue:
    head, member = add_people(database, "Нурланов Ерлан", "Asel Bekova")
    return DialogueRepository(database).save(make_dialogue(
        "EU-Central Asia Drug Dialogue 2023", start_date=date(2023, 12, 13), end_date=date(2023, 12, 14),
        summary="Agreed to meet again.", status=DialogueStatus.FINAL,
        agenda=(r.AgendaItem(title="Opening"),),
        actions=(r.Action("Share the 2023 drug report", owner="EUDA"),
                 r.Action("Translate the guidelines", status=ActionStatus.DONE),
                 r.Action("Plan a study visit", owner="KZ", due_date=date(2024, 3, 1))),
        delegations=(r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country("KZ"), notes="Late",
                                  participants=(r.Participant(id=r.new_id(), person_id=head.id, role=Role.HEAD),
                                                r.Participant(id=r.new_id(), person_id=member.id))),)))


def test_the_seed_meeting_gives_next_years_draft_with_the_open_actions_carried(database) -> None:
    original = _seed(database)
    edition = prepare_next_edition(database, original.id)
    draft = edition.dialogue
    assert draft.title == "EU-Central Asia Drug Dialogue 2024"
    assert (draft.start_date, draft.end_date) == (date(2024, 12, 13), date(2024, 12, 14))
    assert draft.status is DialogueStatus.DRAFT and draft.revision == 0 and draft.id != original.id
    assert draft.chair is None and edition.previous_chair == original.chair
    assert draft.summary is None
    assert [(d.party, d.participants, d.notes) for d in draft.delegations] == [(r.Party.country("KZ"), (), None)]
    (heads,) = edition.previous_heads.values()
    assert [(p.person_id, p.role, p.status) for p in heads] == [
        (original.delegations[0].participants[0].person_id, Role.HEAD, ParticipationStatus.INVITED)]
    old_open = [a for a in original.actions if a.status is ActionStatus.OPEN]
    assert [(a.description, a.status, a.carried_from) for a in draft.actions] == [
        (a.description, ActionStatus.OPEN, a.id) for a in old_open]
    (item,) = draft.agenda
    assert item.title == FOLLOW_UP
    assert "Share the 2023 drug report" in (item.notes or "") and "Plan a study visit" in (item.notes or "")

    assert DialogueRepository(database).get(original.id).actions == original.actions  # nothing saved yet
    saved = save_dialogue(database, draft)
    old = DialogueRepository(database).get(original.id)
    assert [a.status for a in old.actions] == [ActionStatus.CARRIED, ActionStatus.DONE, ActionStatus.CARRIED]
    assert old.revision == original.revision + 1  # an edit of last year's meeting, seen by other windows
    assert [a.carried_from for a in saved.actions] == [a.id for a in old_open]


def test_a_series_on_one_weekday_keeps_it(database) -> None:
    repository = DialogueRepository(database)
    repository.save(make_dialogue("Working group 2022", series="Working group", start_date=date(2022, 6, 8)))
    latest = repository.save(make_dialogue("Working group 2023", series="Working group", start_date=date(2023, 6, 7)))
    draft = prepare_next_edition(database, latest.id).dialogue
    assert draft.start_date == date(2024, 6, 5)  # a Wednesday, as every edition
    assert draft.title == "Working group 2024"


def test_the_editions_of_a_series_in_another_case_count_for_its_weekday(database) -> None:
    """"Working group" here, "working group" from another office's bundle: one series, as `list` and
    the report count it, so its editions decide the weekday together (round 17: only the same
    spelling's were looked at, so a series on Wednesdays moved to a Friday, or kept a weekday that
    another spelling's edition had not)."""
    repository = DialogueRepository(database)
    repository.save(make_dialogue("Working group 2022", series="Working group", start_date=date(2022, 6, 8)))
    latest = repository.save(make_dialogue("Working group 2023", series="working group", start_date=date(2023, 6, 7)))
    assert prepare_next_edition(database, latest.id).dialogue.start_date == date(2024, 6, 5)  # Wednesday
    repository.save(make_dialogue("Working group 2021", series="WORKING GROUP", start_date=date(2021, 6, 11)))
    assert prepare_next_edition(database, latest.id).dialogue.start_date == date(2024, 6, 7)  # a year on


def test_titles_and_dates() -> None:
    assert next_title("Dialogue 2023 (follow-up of 2022)") == "Dialogue 2023 (follow-up of 2023)"
    assert next_title("Annual meeting") == "Annual meeting"
    assert next_title("12th meeting, 2019") == "12th meeting, 2020"


@pytest.mark.parametrize(("title", "expected"), [
    ("Work plan 2023–2024", "Work plan 2024–2025"),  # round 17: "2023–2025"
    ("Work plan 2023-2024 review", "Work plan 2024-2025 review"),
    ("План 2023 — 2024", "План 2024 — 2025"),
    ("Programme 2023/2024", "Programme 2024/2025"),
    ("Strategy 2016–2020 review, 2023", "Strategy 2016–2020 review, 2024"),  # the span is not the last year
    ("Strategy 2016–2020", "Strategy 2016–2021"),  # not two years in a row: the last year alone, as before
    ("Meeting 2023, 2024", "Meeting 2023, 2025"),  # a comma is no span
])
def test_a_span_of_two_years_moves_whole(title: str, expected: str) -> None:
    assert next_title(title) == expected
    assert next_dates(date(2024, 2, 29), None, False) == (date(2025, 2, 28), None)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 10), st.booleans())
def test_dates_move_on_by_about_a_year_keeping_length_and_weekday(start: date, length: int, keep: bool) -> None:
    from datetime import timedelta

    new_start, new_end = next_dates(start, start + timedelta(days=length), keep)
    assert new_end is not None and new_end - new_start == timedelta(days=length)
    assert 362 <= (new_start - start).days <= 369
    if keep:
        assert new_start.weekday() == start.weekday()


def test_actions_carried_into_an_edition_since_put_in_the_trash_are_carried_again(database) -> None:
    """Round 16: next year's meeting saved by mistake and put in the trash left last year's open actions
    "carried" — counted neither open nor done, their continuations in the trash — and preparing the
    next edition again carried none of them: they were gone from every list of open actions. Now an
    action whose every continuation is in the trash or removed is carried again, as an open one is."""
    original = _seed(database)
    mistaken = save_dialogue(database, prepare_next_edition(database, original.id).dialogue)
    DialogueRepository(database).delete(mistaken.id)
    again = prepare_next_edition(database, original.id).dialogue
    assert [(a.description, a.carried_from) for a in again.actions] == [
        (a.description, a.id) for a in original.actions if a.status is ActionStatus.OPEN]
    saved = save_dialogue(database, again)
    assert [a.status for a in saved.actions] == [ActionStatus.OPEN, ActionStatus.OPEN]
    # one still continued in a live meeting is not carried a second time
    assert prepare_next_edition(database, original.id).dialogue.actions == ()
