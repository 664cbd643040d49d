"""Bundle import and export: the contract's matching rules, losslessness, and refusal of bad files."""

import copy
import hashlib
import json
from pathlib import Path

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.errors import BadBundle
from desktop_app.domain.records import DialogueFilter
from desktop_app.resources import resource_path
from desktop_app.services.exchange.exporter import build_bundle, export_bundle
from desktop_app.services.exchange.importer import Outcome, import_bundle

SAMPLES = resource_path("samples", "demo-bundle.json")
SHARED_EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "eu-ca-drug-dialogue-2023.json"


def by_id(bundle: dict) -> dict:
    return {key: {item["id"]: item for item in bundle[key]} for key in ("people", "institutions", "dialogues")}


def projected(exported: object, original: object) -> object:
    """What a version 2 export says of a version 1 bundle's fields (v2 adds versions, ids, statuses)."""
    if isinstance(original, dict) and isinstance(exported, dict):
        return {key: projected(exported.get(key), value) for key, value in original.items()}
    if isinstance(original, list) and isinstance(exported, list) and len(original) == len(exported):
        return [projected(e, o) for e, o in zip(exported, original, strict=True)]
    return exported


def write(tmp_path: Path, data: object, name: str = "bundle.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_samples_round_trip_losslessly(database) -> None:
    import_bundle(database, SAMPLES)
    original = by_id(json.loads(SAMPLES.read_text(encoding="utf-8")))
    assert projected(by_id(build_bundle(database)), original) == original


def test_the_shared_example_round_trips_losslessly(database) -> None:
    if not SHARED_EXAMPLE.exists():
        pytest.skip("shared/examples is not beside this checkout")
    import_bundle(database, SHARED_EXAMPLE)
    original = by_id(json.loads(SHARED_EXAMPLE.read_text(encoding="utf-8")))
    assert projected(by_id(build_bundle(database)), original) == original


def test_importing_the_same_bundle_twice_changes_nothing(database, tmp_path) -> None:
    first = import_bundle(database, SAMPLES)
    assert first.count(Outcome.ADDED, "dialogue") == 4
    before = build_bundle(database)
    second = import_bundle(database, SAMPLES)
    assert second.count(Outcome.UNCHANGED) == len(second.outcomes) > 0
    after = build_bundle(database)
    assert by_id(after) == by_id(before)


def test_a_newer_record_updates_and_an_older_one_never_overwrites(database, tmp_path) -> None:
    bundle = json.loads(SAMPLES.read_text(encoding="utf-8"))
    import_bundle(database, SAMPLES)
    newer = copy.deepcopy(bundle)
    newer["dialogues"][0]["title"] = "Renamed by the coordinator"
    newer["dialogues"][0]["updated_at"] = "2030-01-01T00:00:00Z"
    summary = import_bundle(database, write(tmp_path, newer, "newer.json"))
    assert summary.count(Outcome.UPDATED, "dialogue") == 1
    repository = DialogueRepository(database)
    assert repository.get(bundle["dialogues"][0]["id"]).title == "Renamed by the coordinator"

    older = copy.deepcopy(bundle)
    older["dialogues"][0]["title"] = "An old version"
    older["dialogues"][0]["updated_at"] = "2001-01-01T00:00:00Z"
    summary = import_bundle(database, write(tmp_path, older, "older.json"))
    assert summary.count(Outcome.KEPT_LOCAL, "dialogue") == 1
    assert repository.get(bundle["dialogues"][0]["id"]).title == "Renamed by the coordinator"


def test_a_dry_run_reports_but_writes_nothing(database, db_path) -> None:
    summary = import_bundle(database, SAMPLES, dry_run=True)
    assert summary.dry_run and summary.count(Outcome.ADDED, "dialogue") == 4
    assert DialogueRepository(database).count() == 0


def test_export_of_a_selection_carries_only_the_people_it_needs(database, tmp_path) -> None:
    import_bundle(database, SAMPLES)
    target = tmp_path / "2024.json"
    count = export_bundle(database, target, DialogueFilter(series="CADAP regional conference"))
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert count == 1 and len(exported["dialogues"]) == 1
    referenced = {p["person_id"] for d in exported["dialogues"] for g in d["delegations"] for p in g["participants"]}
    assert {p["id"] for p in exported["people"]} == referenced and len(referenced) == 5


def _valid() -> dict:
    return json.loads(SAMPLES.read_text(encoding="utf-8"))


def _last_dialogue(mutate):  # the bad record comes after good ones in the same file
    def make() -> dict:
        data = _valid()
        mutate(data["dialogues"][-1])
        return data
    return make


BAD_BUNDLES = {
    "not-json": (lambda: "{ this is not json", "not valid JSON"),
    "empty": (lambda: "", "empty"),
    "wrong-format": (lambda: {**_valid(), "format": "something-else"}, "format"),
    "impossible-date": (_last_dialogue(lambda d: d.update(start_date="2023-02-30", end_date=None)),
                        "2023-02-30, which is not a real date"),
    "year-0001": (_last_dialogue(lambda d: d.update(start_date="0001-01-01", end_date=None)),
                  "is 0001-01-01, outside the years 1900 to 2199 the program takes"),
    "year-9999": (_last_dialogue(lambda d: d.update(end_date="9999-12-31")),
                  "is 9999-12-31, outside the years 1900 to 2199 the program takes"),
    "end-before-start": (_last_dialogue(lambda d: d.update(start_date="2024-09-10", end_date="2024-09-01")),
                         "before the start date"),
    "dangling-person": (_last_dialogue(lambda d: d["delegations"][0]["participants"][0].update(
        person_id="00000000-0000-4000-8000-000000000000")), "who is not in the bundle"),
    "long-title": (_last_dialogue(lambda d: d.update(title="x" * 5000)), "5,000 characters"),
    "unknown-country": (_last_dialogue(lambda d: d.update(country="XX")), "not a known country code"),
    "repeated-id": (lambda: {**_valid(), "dialogues": _valid()["dialogues"] * 2}, "repeats the id"),
    "bad-timestamp": (_last_dialogue(lambda d: d.update(updated_at="2024-13-45T00:00:00Z")),
                      "not a real date and time"),
}


@pytest.mark.parametrize("case", sorted(BAD_BUNDLES))
def test_a_bad_bundle_is_refused_with_one_sentence_and_nothing_written(database, db_path, tmp_path, case) -> None:
    import_bundle(database, SAMPLES)
    changed = _valid()
    changed["dialogues"][0]["title"] = "A good change that must not land either"
    changed["dialogues"][0]["updated_at"] = "2031-01-01T00:00:00Z"
    make, expected = BAD_BUNDLES[case]
    content = make()
    if isinstance(content, dict) and case not in ("wrong-format", "repeated-id"):
        content["dialogues"][0] = changed["dialogues"][0]
    path = tmp_path / "bad.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    before = hashlib.sha256(json.dumps(build_bundle(database)["dialogues"]).encode()).hexdigest()
    with pytest.raises(BadBundle) as caught:
        import_bundle(database, path)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and "Traceback" not in message
    after = hashlib.sha256(json.dumps(build_bundle(database)["dialogues"]).encode()).hexdigest()
    assert after == before


def test_a_missing_file_and_a_folder_are_refused(database, tmp_path) -> None:
    with pytest.raises(BadBundle, match="does not exist"):
        import_bundle(database, tmp_path / "nowhere.json")
    with pytest.raises(BadBundle, match="is a folder"):
        import_bundle(database, tmp_path)


def test_export_of_selected_dialogues_carries_their_people_and_institutions(database, tmp_path) -> None:
    import_bundle(database, SAMPLES)
    everything = build_bundle(database)
    chosen = [d for d in everything["dialogues"] if d["title"].startswith("EU-Central Asia")]
    target = tmp_path / "chosen.json"
    count = export_bundle(database, target, DialogueFilter(ids=tuple(d["id"] for d in chosen)))
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert count == 2 and {d["id"] for d in exported["dialogues"]} == {d["id"] for d in chosen}
    participants = [p for d in chosen for g in d["delegations"] for p in g["participants"]]
    assert {p["id"] for p in exported["people"]} == {p["person_id"] for p in participants}
    assert {i["id"] for i in exported["institutions"]} == {p["institution_id"] for p in participants
                                                            if p["institution_id"]}
    other = tmp_path / "other.sqlite3"
    from desktop_app.db.opening import open_database

    receiving = open_database(other)
    try:
        summary = import_bundle(receiving, target)  # the selection stands on its own
        assert summary.count(Outcome.ADDED, "dialogue") == 2
    finally:
        receiving.close()


def test_export_of_the_dialogues_selected_in_the_list(database, tmp_path) -> None:
    from desktop_app.domain.errors import UserError
    from desktop_app.services.exchange.exporter import export_dialogues

    import_bundle(database, SAMPLES)
    chosen = [row.id for row in DialogueRepository(database).page().rows][:1]
    target = tmp_path / "one.json"
    assert export_dialogues(database, target, chosen) == 1
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert [d["id"] for d in exported["dialogues"]] == chosen and exported["source"]
    with pytest.raises(UserError, match="Select at least one"):
        export_dialogues(database, tmp_path / "none.json", [])
    assert not (tmp_path / "none.json").exists()


def test_fields_of_a_newer_program_are_kept_at_every_level_and_passed_on(database, tmp_path) -> None:
    """Contract bundle v2: "a reader keeps and passes on any field it does not know inside a version it
    knows" — on the bundle, on records, and inside delegations, participants, agenda items and actions;
    still there after a local edit of the dialogue and through a relay."""
    from dataclasses import replace

    from desktop_app.db.opening import open_database
    from desktop_app.domain import records as r
    from desktop_app.services.dialogues import save_dialogue
    from tests.factories import add_people, delegation_of, make_dialogue

    person, = add_people(database, "Erlan Kasymov")
    dialogue = DialogueRepository(database).save(make_dialogue(
        delegations=(delegation_of(r.Party.country("KZ"), person),),
        agenda=(r.AgendaItem(title="Opening"),), actions=(r.Action(description="Report back"),)))
    bundle = build_bundle(database)
    future = {"since": "0.9", "nested": {"a": [1, 2]}}
    bundle["programme_details"] = future
    sent = by_id(bundle)["dialogues"][dialogue.id]
    sent["livestream"] = future
    sent["delegations"][0]["credentials_received"] = "2026-11-01"
    sent["delegations"][0]["participants"][0]["badge_number"] = 17
    sent["agenda"][0]["room"] = "Justus Lipsius 50.4"
    sent["actions"][0]["owner_party"] = {"type": "country", "code": "KZ"}
    bundle["people"][0]["orcid"] = "0000-0002-1825-0097"

    def carried(data: dict) -> tuple:
        d = by_id(data)["dialogues"][dialogue.id]
        return (data.get("programme_details"), d.get("livestream"), d["delegations"][0].get("credentials_received"),
                d["delegations"][0]["participants"][0].get("badge_number"), d["agenda"][0].get("room"),
                d["actions"][0].get("owner_party"), data["people"][0].get("orcid"))

    expected = carried(bundle)
    second = open_database(tmp_path / "second.sqlite3")
    third = open_database(tmp_path / "third.sqlite3")
    try:
        import_bundle(second, write(tmp_path, bundle))
        assert carried(build_bundle(second)) == expected
        saved = DialogueRepository(second).get(dialogue.id)  # an officer's edit keeps what it cannot show
        save_dialogue(second, replace(saved, title="Renamed in the second office"))
        relayed = build_bundle(second)
        assert carried(relayed) == expected
        assert by_id(relayed)["dialogues"][dialogue.id]["title"] == "Renamed in the second office"
        import_bundle(third, write(tmp_path, relayed, "relayed.json"))
        assert carried(build_bundle(third)) == expected
    finally:
        second.close()
        third.close()


def test_a_bundle_written_as_the_window_does_names_its_sender(database, tmp_path) -> None:
    """Issue 15: bundles from the window had "source": null (the window passes no source)."""
    import_bundle(database, SAMPLES)
    export_bundle(database, tmp_path / "from-the-window.json")
    written = json.loads((tmp_path / "from-the-window.json").read_text(encoding="utf-8"))
    assert written["source"] and database.path.stem in written["source"]
    assert written["program_version"] and written["database_id"]
