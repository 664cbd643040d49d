"""A registration list's statuses are held to the form's rule (round 15): nobody has attended or
missed a meeting that has not begun, and someone who came does not go back to invited or
confirmed. Such rows are set aside with their reason, the rest goes in; before, the list wrote them."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain.enums import DialogueStatus
from desktop_app.domain.enums import ParticipationStatus as S
from desktop_app.domain.records import Party
from desktop_app.services.registration.lists import check_opened, import_file, open_list
from tests.factories import add_people, delegation_of, make_dialogue
from tests.services.registration_files import write_xlsx


def _statuses(database, dialogue_id) -> dict[str, S]:
    saved = DialogueRepository(database).get(dialogue_id)
    people = PeopleRepository(database).get_many({p.person_id for g in saved.delegations for p in g.participants})
    return {people[p.person_id].name: p.status for g in saved.delegations for p in g.participants}


@pytest.mark.parametrize(("starts_in", "set_aside"), [(1, True), (0, False), (-1, False)])
def test_attended_or_absent_for_a_meeting_not_begun_is_set_aside(database, tmp_path: Path, starts_in, set_aside):
    start = date.today() + timedelta(days=starts_in)
    dialogue = DialogueRepository(database).save(make_dialogue(
        delegations=(), start_date=start, status=DialogueStatus.DRAFT))
    path = write_xlsx(tmp_path / "list.xlsx", [
        ("Name", "Country", "Status"),
        ("Aigerim Zhumabayeva", "KZ", "attended"),
        ("Timur Usenov", "KZ", "absent"),
        ("Dana Akhmetova", "KZ", "confirmed"),
    ])
    check = check_opened(database, open_list(path), dialogue.id)
    reasons = {p.row_number: str(p) for p in check.problems}
    if set_aside:
        said = f"nobody has attended or missed a meeting that has not begun; it starts on {start.isoformat()}."
        assert reasons == {2: "Row 2: " + said, 3: "Row 3: " + said}
    else:
        assert reasons == {}
    summary = import_file(database, path, dialogue.id)
    assert len(summary.set_aside) == (2 if set_aside else 0)
    assert _statuses(database, dialogue.id) == (
        {"Dana Akhmetova": S.CONFIRMED} if set_aside
        else {"Aigerim Zhumabayeva": S.ATTENDED, "Timur Usenov": S.ABSENT, "Dana Akhmetova": S.CONFIRMED})


def test_an_attendance_column_ticked_for_a_meeting_not_begun_is_set_aside(database, tmp_path: Path) -> None:
    start = date.today() + timedelta(days=30)
    dialogue = DialogueRepository(database).save(make_dialogue(
        delegations=(), start_date=start, status=DialogueStatus.DRAFT))
    path = write_xlsx(tmp_path / "list.xlsx", [
        ("Name", "Country", "Attended"), ("Aigerim Zhumabayeva", "KZ", "да"), ("Timur Usenov", "KZ", "")])
    check = check_opened(database, open_list(path), dialogue.id)
    assert [p.row_number for p in check.problems] == [2]
    import_file(database, path, dialogue.id)
    assert _statuses(database, dialogue.id) == {"Timur Usenov": S.INVITED}


@pytest.mark.parametrize(("listed", "allowed"), [
    ("attended", True), ("absent", True), ("invited", False), ("confirmed", False), ("cancelled", False)])
def test_someone_who_came_keeps_their_status_against_a_list(database, tmp_path: Path, listed, allowed) -> None:
    aigerim, timur = add_people(database, "Aigerim Zhumabayeva", "Timur Usenov")
    dialogue = DialogueRepository(database).save(make_dialogue(
        delegations=(delegation_of(Party.country("KZ"), aigerim, timur),), start_date=date(2023, 12, 13)))
    assert _statuses(database, dialogue.id) == {"Aigerim Zhumabayeva": S.ATTENDED, "Timur Usenov": S.ATTENDED}
    path = write_xlsx(tmp_path / "list.xlsx", [
        ("Name", "Country", "Position", "Status"),
        ("Aigerim Zhumabayeva", "KZ", "Deputy Minister", listed),
        ("Timur Usenov", "KZ", "Adviser", "attended")])
    check = check_opened(database, open_list(path), dialogue.id)
    reasons = [str(p) for p in check.problems]
    if allowed:
        assert reasons == []
    else:
        assert reasons == [f"Row 2: Aigerim Zhumabayeva is already in the meeting as attended and cannot become "
                           f"{listed}."]
    import_file(database, path, dialogue.id)
    assert _statuses(database, dialogue.id)["Aigerim Zhumabayeva"] == (S(listed) if allowed else S.ATTENDED)
    saved = DialogueRepository(database).get(dialogue.id)
    positions = [p.position for g in saved.delegations for p in g.participants]
    assert positions == (["Deputy Minister", "Adviser"] if allowed else ["Expert", "Adviser"])
