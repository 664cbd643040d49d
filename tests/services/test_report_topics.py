"""The Topics table counts dialogues by topic (contract §3: `Topic`, `Dialogues`, one row a topic).
A topic stored in two cases ("HIV" typed here, "hiv" from another office's bundle) is one topic, and
a dialogue holding a topic twice (the tag entry keeps a repeated value as it came) counts once
(round 16: two dialogues gave "HIV 2, Hiv 1, hiv 1")."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services.report import build_report, write_report
from desktop_app.services.report.build import for_format
from tests.factories import make_dialogue


def test_a_topic_in_any_case_is_one_row_counting_each_dialogue_once(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repository = DialogueRepository(database)
    repository.save(make_dialogue("Expert meeting", topics=("HIV", "HIV", "hiv", "prevention")))
    repository.save(make_dialogue("Working group", topics=("hiv", "Prevention")))
    repository.save(make_dialogue("Seminar", topics=("hiv", "лечение")))
    repository.save(make_dialogue("Round table", topics=("ЛЕЧЕНИЕ",)))
    report = build_report(database, **for_format("xlsx"))
    # shown as most dialogues spell it (a tie: the first in code order)
    assert report.topics == (("hiv", 3), ("Prevention", 2), ("ЛЕЧЕНИЕ", 2))

    rows = list(load_workbook(write_report(report, tmp_path / "r.xlsx"))["Topics"].iter_rows(values_only=True))
    assert rows == [("Topic", "Dialogues"), ("hiv", 3), ("Prevention", 2), ("ЛЕЧЕНИЕ", 2)]


def test_topics_of_equal_count_are_in_alphabetical_order_whatever_their_case(database) -> None:  # type: ignore[no-untyped-def]
    """Round 17: "Zika" came before "alcohol" and «Героин» before «алкоголь» (capitals sort first in
    code order); an officer reads the equal counts alphabetically."""
    DialogueRepository(database).save(make_dialogue("Expert meeting", topics=(
        "alcohol", "Zika", "Героин", "алкоголь", "Methamphetamine", "cannabis")))
    report = build_report(database, **for_format("xlsx"))
    assert [name for name, _ in report.topics] == ["alcohol", "cannabis", "Methamphetamine", "Zika", "алкоголь",
                                                   "Героин"]
