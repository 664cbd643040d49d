"""A version 2 record new here, encoded straight from the bundle's JSON (`replication.encode_received`,
issue 19), is exactly what its state's way stores: `encode_shown(redirect(decode(record), kept))` —
for every record of an exported bundle, and for records whose replication state, sub-records,
fields or references (merges) must make it take the state's way."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.domain import replication as rp
from desktop_app.services.exchange import importer

PLURAL = {"dialogue": "dialogues", "person": "people", "institution": "institutions"}


def _by_state(kind: str, record: dict[str, Any], kept: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """What the import's general way stores of a version 2 record new here."""
    return rp.encode_shown(kind, record["id"], rp.redirect(rp.decode(kind, record), kept))


def _same_or_none(kind: str, record: dict[str, Any], kept: dict[str, str]) -> bool:
    """The fast encoding, when it answers, equals the state's (also as the JSON the `replica` column
    keeps); True when it answered."""
    try:
        expected = _by_state(kind, record, kept)
    except (KeyError, TypeError, AttributeError, ValueError, IndexError, AssertionError):
        expected = None  # not a record the general way takes at all: the fast one must not either
    fast = rp.encode_received(kind, record, kept)
    if fast is None:
        return False
    assert expected is not None, "the fast way took a record the state's way refuses"
    assert fast == expected
    assert json.dumps(fast, sort_keys=True, default=str) == json.dumps(expected, sort_keys=True, default=str)
    return True


def _v2_bundle(dialogues: int) -> dict[str, Any]:
    """A version 1 bundle's records as a version 2 bundle carries them: each record's state (one
    edit by its legacy version), encoded (what an export writes of a record imported once), and a
    few edited further (a second edit of some fields: dots, bases, authors)."""
    data = make_bundle(dialogues, people=60)
    bundle: dict[str, Any] = {"format": data["format"], "version": 2, "people": [], "institutions": [],
                              "dialogues": [], "deleted": []}
    for kind, plural in PLURAL.items():
        for item in data[plural]:
            bundle[plural].append(rp.encode(kind, item["id"], importer._v1_state(kind, item, "a bundle")))
    return bundle


_BUNDLE = _v2_bundle(4)


def test_every_record_of_an_exported_bundle_takes_the_fast_way_and_encodes_as_its_state() -> None:
    for kind, plural in PLURAL.items():
        for record in _BUNDLE[plural]:
            assert _same_or_none(kind, record, {}), (kind, record["id"])
            assert _same_or_none(kind, record, {"somebody-else": "someone"}), (kind, record["id"])


def test_a_record_naming_a_merged_person_or_institution_takes_the_states_way() -> None:
    """A reference the tombstones redirect: the state's way keeps what the edit wrote (`written`)."""
    dialogue = _BUNDLE["dialogues"][0]
    participant = dialogue["delegations"][0]["participants"][0]
    for kept in ({participant["person_id"]: "kept-person"}, {participant["institution_id"]: "kept-institution"}):
        assert rp.encode_received("dialogue", dialogue, kept) is None
        assert not _same_or_none("dialogue", dialogue, kept)


_ODD = st.sampled_from([None, "", 0, 1, True, False, "x", "a.b", "member", [], {}, ["db", 1], {"k": 1}])
_DOT = st.sampled_from([["db1", 2], ["legacy-0123456789ab", 1], ["db1", "2"], ["db1"], [], "db1:2", None,
                        ["db1", 2, "x"], [1, 2], ["db1", True]])


def _edit_replica(draw: st.DrawFn, record: dict[str, Any]) -> None:
    replica = record["replica"]
    if type(replica) is not dict:  # made odd by an earlier change
        return
    change = draw(st.sampled_from(["default", "dots", "authors", "author", "base", "values", "hidden", "written",
                                   "folded", "unknown", "drop", "conflicts", "version", "not a dict"]))
    try:
        paths = sorted(rp.flatten("dialogue" if "delegations" in record else "person", record))
    except (KeyError, TypeError, AttributeError):  # sub-records already made odd
        paths = ["title", "name", "city"]
    if change == "default":
        replica["default"] = draw(_DOT)
    elif change == "dots":
        replica["dots"] = {draw(st.sampled_from(paths)): draw(_DOT)} if draw(st.booleans()) else draw(_ODD)
    elif change == "authors":
        replica["authors"] = draw(st.sampled_from([{}, None, [], {"db1:2": ["b", None]}, "x"]))
    elif change == "author":
        if type(replica.get("authors")) is not dict or not replica["authors"]:
            return
        key = next(iter(replica["authors"]))
        replica["authors"][key] = draw(st.sampled_from([[], ["a"], ["a", None], ["a", "2024-01-01T00:00:00Z", "x"],
                                                        None, "ab", {"a": 1}, [None, None], ["", ""]]))
    elif change in ("base", "values"):
        replica[change] = {draw(st.sampled_from(paths)): draw(_ODD)} if draw(st.booleans()) else draw(
            st.sampled_from([{}, None]))
    elif change == "hidden":
        replica["hidden"] = draw(st.sampled_from([{}, None, {"participants.zz": {"role": ["db1", 2, "head"]}}]))
    elif change == "written":
        replica["written"] = draw(st.sampled_from([{}, None]))
    elif change == "folded":
        replica["folded"] = draw(st.sampled_from([{}, None]))
    elif change == "unknown":
        replica["newer"] = draw(_ODD)
    elif change == "drop":
        if replica:  # an earlier change may have left it empty: nothing to drop
            replica.pop(draw(st.sampled_from(sorted(replica))), None)
    elif change == "conflicts":
        record["conflicts"] = draw(st.sampled_from([[], None]))
    elif change == "version":
        record["version"] = draw(st.sampled_from([{}, None, {"db1": 3, "legacy-0123456789ab": 1}, {"b": 1, "a": 2}]))
    else:
        record["replica"] = draw(st.sampled_from([None, {}, [], "x"]))


@st.composite
def odd_v2_records(draw: st.DrawFn) -> tuple[str, dict[str, Any], dict[str, str]]:
    """A version 2 record as a bundle may carry it, with what must make it show otherwise or take
    the state's way (or not): an odd replication state, sub-records with keys missing, added or
    null, flags that are not booleans, repeated or dotted ids, fields of the state's own or with a
    dot at the top, references the tombstones redirect."""
    kind = draw(st.sampled_from(["dialogue", "dialogue", "dialogue", "person", "institution"]))
    record = json.loads(json.dumps(draw(st.sampled_from(_BUNDLE[PLURAL[kind]]))))
    references: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            _edit_replica(draw, record)
            continue
        if kind != "dialogue":
            record[draw(st.sampled_from(["name", "newer", "trashed_seen", "a.b", "merged_seen.x"]))] = draw(_ODD)
            continue
        items = [item for c in ("agenda", "actions", "delegations") for item in record.get(c) or ()]
        items += [p for d in record.get("delegations") or () for p in d["participants"]]
        references = [p.get(k) for d in record.get("delegations") or () for p in d["participants"]
                      for k in ("person_id", "institution_id")]
        change = draw(st.sampled_from(["set", "drop", "add", "id", "top", "updated_at", "lists"]))
        if change in ("set", "drop", "add", "id") and items:
            item = draw(st.sampled_from(items))
            name = draw(st.sampled_from(sorted(item)))
            if change == "set" and name not in ("id", "participants"):
                item[name] = draw(_ODD)
            elif change == "drop" and name not in ("id", "participants"):
                del item[name]
            elif change == "add":
                item[draw(st.sampled_from(["badge", "order", "delegation"]))] = draw(_ODD)
            elif change == "id":
                item["id"] = draw(st.sampled_from([*(i["id"] for i in items), "a.b", 7, None]))
        elif change == "top":
            record[draw(st.sampled_from(["new_field", "trashed_seen", "merged_seen.x", "agenda.z.title", "title",
                                         "trashed"]))] = draw(_ODD)
        elif change == "updated_at":
            record["updated_at"] = draw(st.sampled_from([None, "", "2024-01-01T00:00:00Z"]))
        else:
            record[draw(st.sampled_from(["agenda", "actions", "delegations"]))] = draw(st.sampled_from([None, []]))
    kept = {}
    if references and draw(st.booleans()):
        kept[draw(st.sampled_from([*(r for r in references if isinstance(r, str)), "someone-else"]))] = "kept"
    return kind, record, kept


@settings(max_examples=300, deadline=None)
@given(odd_v2_records())
def test_a_version_2_record_encoded_straight_from_its_json_encodes_as_its_state_or_takes_the_states_way(
        sent: tuple[str, dict[str, Any], dict[str, str]]) -> None:
    kind, record, kept = sent
    _same_or_none(kind, record, kept)


def test_a_record_with_a_second_edit_a_base_or_a_conflict_takes_the_states_way() -> None:
    """What the fast way must not take (it would drop the field's own dot, base or versions)."""
    dialogue = json.loads(json.dumps(_BUNDLE["dialogues"][0]))
    for change in ({"dots": {"city": ["db1", 2]}}, {"base": {"city": "Riga"}}, {"values": {"order": 3}},
                   {"hidden": {"participants.x": {"person_id": ["db1", 2, "P"]}}}):
        record = {**dialogue, "replica": {**dialogue["replica"], **change}}
        assert rp.encode_received("dialogue", record, {}) is None
        assert not _same_or_none("dialogue", record, {})
    conflicted = {**dialogue, "conflicts": [{"field": "city", "versions": []}]}
    assert rp.encode_received("dialogue", conflicted, {}) is None
