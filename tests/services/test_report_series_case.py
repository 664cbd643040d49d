"""`--series` is matched without regard to case (contract §3 v2: "case does not matter"), and the
report counts every stored spelling's dialogues (round 14: only the first spelling's were counted,
so a series another office's bundle recorded in another case dropped out silently)."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from desktop_app.db.repositories.dialogues import write_dialogue
from desktop_app.domain import records as r
from desktop_app.services.report import ReportSelection, build_report, write_report
from tests.factories import add_people, delegation_of, make_dialogue


def test_series_in_another_case_is_reported_too(database, tmp_path) -> None:
    (person,) = add_people(database, "Aigerim Zhumabayeva")
    with database.writing() as session:
        write_dialogue(session, make_dialogue("Drug Dialogue 2023", series="EU-Central Asia Drug Dialogue",
                                              delegations=(delegation_of(r.Party.country("KZ"), person),)),
                       r.utc_now())
        write_dialogue(session, make_dialogue("Drug Dialogue 2024", start_date=date(2024, 12, 5),
                                              series="EU-Central Asia drug dialogue",
                                              delegations=(delegation_of(r.Party.country("KG"), person),)),
                       r.utc_now())
    report = build_report(database, ReportSelection(series="eu-central asia drug dialogue"), with_sections=False)
    target = write_report(report, tmp_path / "r.xlsx")
    summary = {row[0]: row[1] for row in load_workbook(target)["Summary"].iter_rows(min_row=2, values_only=True)}
    # the records: two dialogues of this series (case does not matter), two delegations, two participants
    assert (summary["Dialogues"], summary["Delegations"], summary["Participants"]) == (2, 2, 2)


def test_list_finds_every_spelling_of_the_series_and_only_them(database, capsys) -> None:
    import json

    from desktop_app.cli import main

    with database.writing() as session:
        for title, series in (("A", "EU-Central Asia Drug Dialogue"), ("B", "EU-Central Asia drug dialogue"),
                              ("C", "Bilateral expert meetings")):
            write_dialogue(session, make_dialogue(title, series=series), r.utc_now())
    capsys.readouterr()
    for asked, titles in (("eu-central asia drug dialogue", ["A", "B"]), ("Bilateral expert meetings", ["C"])):
        assert main(["--db", str(database.path), "list", "--format", "json", "--series", asked]) == 0
        assert sorted(row["title"] for row in json.loads(capsys.readouterr().out)) == titles
    assert main(["--db", str(database.path), "list", "--series", "Nothing like it"]) != 0
