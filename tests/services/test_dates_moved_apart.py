"""Round 16: one office moved a meeting's start date later, another gave it an end date before
the new start, each a valid edit of a different field. The import that merged them failed on the
database's own rule (an end date before the start date), every time, in both offices: they could
exchange nothing more. Now the merge is a rule conflict (contract §2: a merge that breaks a domain
rule is a conflict): the record shows no end date, the end date set is kept, and the edit that
puts the dates in order closes it everywhere."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services.exchange import conflicts as resolution
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import import_data
from desktop_app.services.exchange.validation import check_meaning, check_schema
from tests.factories import make_dialogue


def _records(bundle: dict) -> dict:
    return {key: value for key, value in bundle.items() if key not in ("exported_at", "database_id", "source")}


def test_a_start_moved_past_an_end_set_elsewhere_is_a_rule_conflict_not_a_refused_import(database,
                                                                                           tmp_path: Path) -> None:
    database.officer = "Anna"
    colleague = open_database(tmp_path / "bolat.sqlite3")
    third = open_database(tmp_path / "chynara.sqlite3")
    try:
        colleague.officer = "Bolat"
        ours, theirs = DialogueRepository(database), DialogueRepository(colleague)
        dialogue = ours.save(make_dialogue(start_date=date(2023, 12, 13), end_date=None))
        import_data(colleague, build_bundle(database))
        ours.save(replace(ours.get(dialogue.id), start_date=date(2023, 12, 20)))
        theirs.save(replace(theirs.get(dialogue.id), end_date=date(2023, 12, 15)))

        import_data(database, build_bundle(colleague))
        import_data(colleague, build_bundle(database))

        for office in (database, colleague):
            shown = DialogueRepository(office).get(dialogue.id)
            assert (shown.start_date, shown.end_date) == (date(2023, 12, 20), None)
            [waiting] = resolution.open_conflicts(office)
            assert waiting.fields == ("start_date", "end_date")
            assert [str(rule) for rule in resolution.waiting(office, waiting.id).rules] == [
                "the meeting ends before it starts (its end date is not shown): Start date, End date"]
        bundle = build_bundle(database)
        check_schema(bundle, "ours")
        check_meaning(bundle, "ours")
        assert _records(bundle) == _records(build_bundle(colleague))
        import_data(third, bundle)  # and it travels on
        assert len(resolution.open_conflicts(third)) == 1

        # an edit of something else keeps the end date set elsewhere (not shown, not lost)
        ours.save(replace(ours.get(dialogue.id), summary="Moved to the 20th."))
        assert len(resolution.open_conflicts(database)) == 1
        # the officer gives an end date after the start: closed here, and there with the next bundle
        ours.save(replace(ours.get(dialogue.id), end_date=date(2023, 12, 21)))
        import_data(colleague, build_bundle(database))
        for office in (database, colleague):
            shown = DialogueRepository(office).get(dialogue.id)
            assert (shown.end_date, shown.summary) == (date(2023, 12, 21), "Moved to the 20th.")
            assert resolution.open_conflicts(office) == []
    finally:
        colleague.close()
        third.close()
