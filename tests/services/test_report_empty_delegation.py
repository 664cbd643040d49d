"""Issue 13, finding 8 (a surviving mutant): a delegation with no participants counted one "sex not
recorded" in the report. A delegation listed before its people are known adds a delegation, and no
participant of any sex."""

from __future__ import annotations

from desktop_app.db.repositories.dialogues import write_dialogue
from desktop_app.domain import records as r
from desktop_app.domain.enums import Sex
from desktop_app.services.report import build_report
from tests.factories import add_people, delegation_of, make_dialogue


def test_a_delegation_with_nobody_in_it_counts_no_participant(database) -> None:
    (woman,) = add_people(database, "Aigerim Zhumabayeva", sex=Sex.FEMALE)
    with database.writing() as session:
        write_dialogue(session, make_dialogue("Expert meeting", delegations=(
            delegation_of(r.Party.country("KZ"), woman), delegation_of(r.Party.country("TJ")))), r.utc_now())
    summary = build_report(database).summary
    assert (summary["Delegations"], summary["Participants"]) == (2, 1)
    assert (summary["Women"], summary["Men"], summary["Sex not recorded"]) == (1, 0, 0)
