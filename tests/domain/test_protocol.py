"""Issue 18's rules: one head when final, who may still be pending, status moves, new rows, funding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus, ParticipationStatus, Role, Side
from desktop_app.domain.protocol import (
    TRANSITIONS,
    apply_signatures,
    final_problems,
    head_problems,
    mark_confirmed_attended,
    new_participant,
    set_funded,
    status_change_problem,
)
from desktop_app.domain.validation import dialogue_problems, dialogue_warnings
from tests.factories import make_dialogue

S = ParticipationStatus
NAMES = {"p1": "Aigerim Zhumabayeva", "p2": "Bakyt Osmonov", "p3": "Dilnoza Karimova"}


def person(pid: str, role: Role = Role.MEMBER, status: S = S.ATTENDED, funded: bool = False) -> r.Participant:
    return r.Participant(id=f"part-{pid}", person_id=pid, role=role, status=status, programme_funded=funded)


def kz(*participants: r.Participant, supported: bool = False) -> r.Delegation:
    return r.Delegation(id="d-kz", side=Side.PARTNER, party=r.Party.country("KZ"),
                        programme_supported=supported, participants=participants)


def test_final_meeting_needs_exactly_one_head_among_the_attended() -> None:
    # the head was invited but did not come: the attended deputy is not a head -> refused when final
    delegation = kz(person("p1", Role.HEAD, S.ABSENT), person("p2", Role.DEPUTY_HEAD))
    final = make_dialogue(status=DialogueStatus.FINAL, delegations=(delegation,))
    problems = final_problems(final, NAMES.get)
    assert [p.message for p in problems] == ["The delegation of Kazakhstan has no head among the people who attended."]
    # the same as a draft counts the expected people and only warns; saving is not refused
    draft = replace(final, status=DialogueStatus.DRAFT)
    assert final_problems(draft, NAMES.get) == []
    assert dialogue_problems(final) == [] and dialogue_problems(draft) == []
    assert [p.message for p in head_problems(draft)] == ["The delegation of Kazakhstan has no head."]  # a warning
    two = kz(person("p1", Role.HEAD), person("p2", Role.HEAD))
    assert "2 heads" in final_problems(replace(final, delegations=(two,)), NAMES.get)[0].message
    assert final_problems(replace(final, delegations=(kz(person("p1", Role.HEAD), person("p2")),)), NAMES.get) == []


def test_a_meeting_can_be_final_from_its_first_day_and_not_before() -> None:
    """Round 19: Final was saved for a meeting a year ahead; nobody knows who came before it begins."""
    from datetime import date, timedelta

    today = date(2026, 12, 4)
    delegation = kz(person("p1", Role.HEAD), person("p2"))
    final = make_dialogue(status=DialogueStatus.FINAL, delegations=(delegation,))
    for start, refused in ((today - timedelta(days=400), False), (today, False),
                           (today + timedelta(days=1), True), (today + timedelta(days=365), True)):
        problems = final_problems(replace(final, start_date=start, end_date=None), NAMES.get, today=today)
        assert [(p.field, str(p.message)) for p in problems] == ([(
            "status", f"The meeting starts on {start.isoformat()}, after today: keep it a draft until it has "
                      "taken place.")] if refused else [])
        assert final_problems(replace(final, start_date=start, end_date=None, status=DialogueStatus.DRAFT),
                              NAMES.get, today=today) == []
    # a meeting that began yesterday and ends tomorrow is under way: it may be final
    assert final_problems(replace(final, start_date=today - timedelta(days=1), end_date=today + timedelta(days=1)),
                          NAMES.get, today=today) == []
    # the computer's date when none is given
    assert final_problems(replace(final, start_date=date.today() + timedelta(days=1), end_date=None), NAMES.get)


def test_a_draft_without_a_head_warns_and_an_import_only_warns() -> None:
    draft = make_dialogue(status=DialogueStatus.DRAFT, delegations=(kz(person("p1", status=S.INVITED)),))
    assert [w.message for w in dialogue_warnings(draft)] == ["The delegation of Kazakhstan has no head."]
    final = replace(draft, status=DialogueStatus.FINAL, delegations=(kz(person("p1")),))
    # what an import checks: dialogue_problems refuses nothing, the warnings say it
    assert dialogue_problems(final) == []
    assert [w.message for w in dialogue_warnings(final)] == [
        "The delegation of Kazakhstan has no head among the people who attended."]


def test_a_delegation_with_nobody_recorded_or_nobody_attended_needs_no_head() -> None:
    empty = make_dialogue(status=DialogueStatus.FINAL, delegations=(kz(),))
    assert final_problems(empty, NAMES.get) == [] and dialogue_warnings(empty) == []
    nobody_came = replace(empty, delegations=(kz(person("p1", status=S.CANCELLED), person("p2", status=S.ABSENT)),))
    assert final_problems(nobody_came, NAMES.get) == []


def test_final_is_refused_while_someone_is_invited_or_confirmed_naming_them() -> None:
    delegation = kz(person("p1", Role.HEAD), person("p2", status=S.INVITED), person("p3", status=S.CONFIRMED))
    final = make_dialogue(status=DialogueStatus.FINAL, delegations=(delegation,))
    messages = [p.message for p in final_problems(final, NAMES.get)]
    assert messages[0].startswith("Bakyt Osmonov (Kazakhstan) is still invited")
    assert messages[1].startswith("Dilnoza Karimova (Kazakhstan) is still confirmed")
    assert len(messages) == 2
    fields = [p.field for p in final_problems(final, NAMES.get)]
    assert fields == ["delegations[0].participants[1].status", "delegations[0].participants[2].status"]


def test_status_transitions() -> None:
    past = make_dialogue(start_date=date(2023, 12, 13))
    today = date(2024, 1, 10)
    assert status_change_problem(past, S.INVITED, S.CONFIRMED, today) is None
    assert status_change_problem(past, S.CONFIRMED, S.ATTENDED, today) is None
    assert status_change_problem(past, S.ATTENDED, S.ABSENT, today) is None  # a correction from the sheet
    assert status_change_problem(past, S.ATTENDED, S.INVITED, today) is not None
    assert status_change_problem(past, S.ABSENT, S.CONFIRMED, today) is not None
    future = make_dialogue(start_date=date(2030, 5, 1))
    problem = status_change_problem(future, S.CONFIRMED, S.ATTENDED, today)
    assert problem is not None and "2030-05-01" in problem
    assert status_change_problem(future, S.INVITED, S.CANCELLED, today) is None


@given(st.sampled_from(list(S)), st.sampled_from(list(S)))
def test_every_status_can_be_left_and_no_move_back_to_invited_after_the_meeting(old: S, new: S) -> None:
    assert TRANSITIONS[old]  # no status is a trap
    past = make_dialogue(start_date=date(2023, 12, 13))
    problem = status_change_problem(past, old, new, date(2024, 1, 1))
    if old in (S.ATTENDED, S.ABSENT) and new in (S.INVITED, S.CONFIRMED, S.CANCELLED):
        assert problem is not None
    if old is new:
        assert problem is None


def test_a_new_row_starts_attended_in_a_past_meeting_and_invited_in_a_future_one() -> None:
    today = date(2024, 6, 1)
    supported = kz(person("p1", Role.HEAD), supported=True)
    past = new_participant(date(2023, 12, 13), supported, today)
    assert past.status is S.ATTENDED and past.programme_funded and past.role is Role.MEMBER
    future = new_participant(date(2024, 9, 1), kz(), today)
    assert future.status is S.INVITED and not future.programme_funded and future.role is Role.HEAD
    on_the_day = new_participant(today, kz(), today)
    assert on_the_day.status is S.ATTENDED  # the registration desk


def test_funding_a_member_sets_the_delegation_and_only_the_officer_clears_it() -> None:
    delegation = kz(person("p1", Role.HEAD), person("p2"))
    funded = set_funded(delegation, 1, True)
    assert funded.programme_supported and funded.participants[1].programme_funded
    unfunded = set_funded(funded, 1, False)
    assert not unfunded.participants[1].programme_funded
    assert unfunded.programme_supported  # stays: a stored fact, cleared on the delegation by hand
    assert not replace(unfunded, programme_supported=False).programme_supported


def test_mark_all_confirmed_as_attended_leaves_the_others() -> None:
    delegation = kz(person("p1", status=S.CONFIRMED), person("p2", status=S.INVITED), person("p3", status=S.CANCELLED))
    (after,) = mark_confirmed_attended((delegation,))
    assert [p.status for p in after.participants] == [S.ATTENDED, S.INVITED, S.CANCELLED]


def test_attendance_from_the_signed_sheet_in_one_pass() -> None:
    delegation = kz(person("p1", status=S.CONFIRMED), person("p2", status=S.INVITED),
                    person("p3", status=S.CANCELLED))
    (after,) = apply_signatures((delegation,), {"part-p2"})
    assert [p.status for p in after.participants] == [S.ABSENT, S.ATTENDED, S.CANCELLED]
