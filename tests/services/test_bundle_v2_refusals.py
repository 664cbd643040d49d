"""Round 16: version 2 bundles the schema lets through, or that break it in ways only the
replication fields show, are imported or refused with one sentence -- never an internal error,
never a record dropped in silence, and the database as it was after a refusal."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app.db.opening import open_database
from desktop_app.domain.errors import BadBundle
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import Outcome, import_bundle
from desktop_app.services.exchange.validation import check_schema
from tests.services.test_exchange import SAMPLES

Mutation = Callable[[dict[str, Any]], None]


def _with_actions(bundle: dict[str, Any], count: int = 1) -> dict[str, Any]:
    return next(d for d in bundle["dialogues"] if len(d.get("actions") or ()) >= count)


def _with_agenda(bundle: dict[str, Any]) -> dict[str, Any]:
    return next(d for d in bundle["dialogues"] if len(d.get("agenda") or ()) >= 2)


def _tombstone(**fields: Any) -> dict[str, Any]:
    return {"id": "11111111-1111-4111-8111-111111111111", "kind": "dialogue",
            "deleted_at": "2023-01-01T00:00:00Z", "for_good": True, **fields}


REFUSED: dict[str, tuple[Mutation, str]] = {
    # an impossible date where the checks looked only at the due date and the records' own times
    "done-on": (lambda b: _with_actions(b)["actions"][0].update(done_on="2023-02-30"),
                "actions[0].done_on is 2023-02-30, which is not a real date."),
    "deleted-at": (lambda b: b.update(deleted=[_tombstone(deleted_at="2023-13-45T00:00:00Z")]),
                   "deleted[0].deleted_at is \"2023-13-45T00:00:00Z\", which is not a real date and time."),
    # one id twice in a dialogue: the second replaced the first, and one item was gone
    "action-id-twice": (lambda b: (d := _with_actions(b, 2))["actions"][1].update(id=d["actions"][0]["id"]),
                        "actions[1].id repeats the id"),
    "agenda-id-twice": (lambda b: (d := _with_agenda(b))["agenda"][1].update(id=d["agenda"][0]["id"].upper()),
                        "agenda[1].id repeats the id"),
    # a version this program does not know, named as such (not as a field version 1 lacks)
    "version-text": (lambda b: b.update(version="2"), "version is \"2\", but must be one of 1, 2."),
    "version-zero": (lambda b: b.update(version=0), "version is 0, but must be one of 1, 2."),
    # replication fields (docs/exchange.md "What a bundle carries") in a shape they never have
    "replica-text": (lambda b: b["dialogues"][0].update(replica="garbage"), "dialogues[0].replica is not an object."),
    "dot-text": (lambda b: b["dialogues"][0]["replica"].update(dots={"title": "x"}),
                 "dialogues[0].replica.dots.title is not a version of the field."),
    "authors-list": (lambda b: b["people"][0]["replica"].update(authors=[1, 2]),
                     "people[0].replica.authors is not an object."),
    "author-time": (lambda b: b["institutions"][0]["replica"].update(
        authors={k: [None, "yesterday"] for k in b["institutions"][0]["replica"]["authors"]}),
        "institutions[0].replica.authors."),
    # an author becomes the `edited_by` of our next export, which the schema bounds to 200 characters
    "author-too-long": (lambda b: b["people"][0]["replica"].update(
        authors={k: ["x" * 201, None] for k in b["people"][0]["replica"]["authors"]}),
        "people[0].replica.authors."),
    "default-text": (lambda b: b["dialogues"][0]["replica"].update(default="abc"),
                     "dialogues[0].replica.default is not a version ([database, counter])."),
    "folded-number": (lambda b: b["people"][0]["replica"].update(folded={"x": 1}),
                      "people[0].replica.folded.x is not a record with its replication state."),
    "conflict-without-versions": (lambda b: b["dialogues"][0].update(conflicts=[{"field": "title"}]),
                                  "dialogues[0].conflicts[0] is not a field with its versions."),
    "conflict-version-without-value": (
        lambda b: b["dialogues"][0].update(conflicts=[{"field": "title", "versions": [{"version": ["a", 1]}]}]),
        "dialogues[0].conflicts[0].versions[0] is not a value with its version, officer and date."),
}


@pytest.fixture
def exported(database: Any) -> dict[str, Any]:
    """The sample records as this program exports them (version 2), held by `database`."""
    import_bundle(database, SAMPLES)
    return build_bundle(database)


def _write(tmp_path: Path, data: dict[str, Any], name: str = "bundle.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_bad_version_2_bundle_is_refused_with_one_sentence_and_nothing_written(
        database: Any, exported: dict[str, Any], tmp_path: Path, case: str) -> None:
    mutate, expected = REFUSED[case]
    bad = copy.deepcopy(exported)
    bad["dialogues"][0]["title"] = "A good change that must not land either"
    bad["dialogues"][0]["version"] = {**bad["dialogues"][0]["version"], "0123456789abcdef": 1}
    mutate(bad)
    path = _write(tmp_path, bad)
    empty = open_database(tmp_path / "empty.sqlite3")
    try:
        for target in (database, empty):
            before = build_bundle(target)
            with pytest.raises(BadBundle) as refused:
                import_bundle(target, path)
            message = str(refused.value)
            assert message.startswith("bundle.json is not a valid bundle: ") and expected in message
            assert "\n" not in message
            after = build_bundle(target)
            assert _records(after) == _records(before)
    finally:
        empty.close()


def _records(bundle: dict[str, Any]) -> dict[str, Any]:
    """The bundle without what describes the export (an empty database mints no id to keep)."""
    return {k: v for k, v in bundle.items() if k not in ("exported_at", "database_id")}


def _without_replication(bundle: dict[str, Any]) -> dict[str, Any]:
    plain = copy.deepcopy(bundle)
    for kind in ("people", "institutions", "dialogues"):
        for record in plain[kind]:
            for name in ("version", "replica", "conflicts", "edited_by"):
                record.pop(name, None)
    for dialogue in plain["dialogues"]:
        for item in dialogue["agenda"]:
            item.pop("id")  # optional in version 2's schema too
    check_schema(plain, "plain")
    return plain


def test_a_version_2_bundle_without_replication_fields_reads_as_one_edit_of_its_sender(
        database: Any, exported: dict[str, Any], tmp_path: Path) -> None:
    """The schema leaves `version`, `replica`, `conflicts` and an agenda item's `id` optional (a
    program other than this one may write none): such a bundle failed with an internal error."""
    plain = _without_replication(exported)
    plain["dialogues"][0]["title"] = "Retitled by another program"
    path = _write(tmp_path, plain)
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        summary = import_bundle(fresh, path)
        assert summary.count(Outcome.ADDED, "dialogue") == len(plain["dialogues"])
        again = build_bundle(fresh)
        check_schema(again, "again")
        titles = {d["id"]: d["title"] for d in again["dialogues"]}
        assert titles[plain["dialogues"][0]["id"]] == "Retitled by another program"
        agenda = {d["id"]: [a["title"] for a in d["agenda"]] for d in again["dialogues"]}
        assert agenda == {d["id"]: [a["title"] for a in d["agenda"]] for d in plain["dialogues"]}
        assert import_bundle(fresh, path).count(Outcome.UNCHANGED) == len(summary.outcomes)  # twice = once
    finally:
        fresh.close()
    # where the record is held, their title waits beside ours: nothing of ours is overwritten unseen
    summary = import_bundle(database, path)
    assert summary.count(Outcome.CONFLICT, "dialogue") == 1
    held = {d["id"]: d for d in build_bundle(database)["dialogues"]}[plain["dialogues"][0]["id"]]
    assert [c["field"] for c in held["conflicts"]] == ["title"]
    assert {v["value"] for v in held["conflicts"][0]["versions"]} == {
        "Retitled by another program", exported["dialogues"][0]["title"]}
