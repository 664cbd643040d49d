"""`replication.encode`'s fast path for a state one edit set (issue 19: most records of a first
import) gives exactly what the field-by-field encoding gives — hidden sub-records, values shown
differently, unknown fields and states it must not take (two dots, a base, no key field) included."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.domain import replication as rp
from desktop_app.services.exchange import importer

TEXT = st.sampled_from([None, "", "a", "b", "Кыргызстан"])
DOT = st.tuples(st.sampled_from(["db1", "db2", "legacy-0123456789ab"]), st.integers(1, 3))


def _general(kind: str, record_id: str, state: rp.State) -> dict[str, Any]:
    record, _ = rp.unflatten(kind, record_id, rp.values(state))
    return rp._encode(kind, state, record)


def _same(kind: str, record_id: str, state: rp.State) -> dict[str, Any]:
    fast, orphans = rp.encode_shown(kind, record_id, state)
    general = _general(kind, record_id, state)
    assert fast == general
    assert json.dumps(fast, sort_keys=True) == json.dumps(general, sort_keys=True)
    assert orphans == rp.unflatten(kind, record_id, rp.values(state))[1]
    return fast


@st.composite
def flat_dialogues(draw: st.DrawFn) -> dict[str, Any]:
    """A dialogue's fields, with what the shown record renders otherwise: sub-records without their
    key field (hidden), participants of a delegation that is not there (orphans), orders with gaps,
    missing defaults, unknown fields of a newer program."""
    flat: dict[str, Any] = {}
    if draw(st.booleans()):
        flat["title"] = draw(TEXT)
    for name in draw(st.lists(st.sampled_from(["series", "city", "summary", "status", "trashed", "new_field"]),
                              unique=True)):
        flat[name] = draw(TEXT)
    delegations = [f"g{i}" for i in range(draw(st.integers(0, 3)))]
    for i, delegation in enumerate(delegations):
        flat[f"delegations.{delegation}.side"] = draw(st.sampled_from([None, "partner", "eu"]))
        flat[f"delegations.{delegation}.order"] = draw(st.sampled_from([i, i * 3, None]))
        if draw(st.booleans()):
            flat[f"delegations.{delegation}.programme_supported"] = draw(st.sampled_from([None, True, 0]))
        if draw(st.booleans()):
            flat[f"delegations.{delegation}.extra"] = draw(TEXT)
    for j in range(draw(st.integers(0, 4))):
        prefix = f"participants.p{j}."
        flat[prefix + "delegation"] = draw(st.sampled_from([*delegations, "gone"]))
        flat[prefix + "person_id"] = draw(st.sampled_from([None, "P1", "P2"]))
        flat[prefix + "order"] = draw(st.integers(0, 5))
        for name in draw(st.lists(st.sampled_from(["role", "status", "programme_funded", "position", "badge"]),
                                  unique=True)):
            flat[prefix + name] = draw(st.sampled_from([None, "head", "member", True, "x"]))
    for collection, key in (("agenda", "title"), ("actions", "description")):
        for k in range(draw(st.integers(0, 2))):
            flat[f"{collection}.i{k}.{key}"] = draw(TEXT)
            flat[f"{collection}.i{k}.order"] = draw(st.integers(0, 3))
            if collection == "actions" and draw(st.booleans()):
                flat[f"{collection}.i{k}.status"] = draw(st.sampled_from([None, "open", "done"]))
    return flat


def _one_edit(flat: dict[str, Any], dot: rp.Dot, by: str | None, at: str | None) -> rp.State:
    fields: dict[str, tuple[rp.Candidate, ...]] = {
        path: (rp.Candidate(value, dot, by, at),) for path, value in sorted(flat.items())}
    return rp.State({dot[0]: dot[1]}, fields)


@settings(max_examples=150, deadline=None)
@given(flat_dialogues(), DOT, st.sampled_from([None, "officer", ""]),
       st.sampled_from([None, "", "2024-01-01T00:00:00Z"]))
def test_a_dialogue_one_edit_set_encodes_as_field_by_field(flat: dict[str, Any], dot: rp.Dot, by: str | None,
                                                          at: str | None) -> None:
    _same("dialogue", "d1", _one_edit(flat, dot, by, at))


@settings(max_examples=100, deadline=None)
@given(flat_dialogues(), DOT, DOT, st.sampled_from(["base", None]), st.data())
def test_states_the_fast_path_must_not_take_encode_as_before(flat: dict[str, Any], dot: rp.Dot, other: rp.Dot,
                                                             base: str | None, data: st.DataObject) -> None:
    """Two dots, two candidates of one field, or a base: the general encoding (and the same result)."""
    state = _one_edit(flat, dot, "a", "2024-01-01T00:00:00Z")
    if any(not p.endswith(".order") for p in state.fields):
        path = data.draw(st.sampled_from(sorted(state.fields)).filter(lambda p: not p.endswith(".order")))
        (first,) = state.fields[path]
        changed = data.draw(st.sampled_from([
            (rp.Candidate(first.value, other, "b", first.at, base),),
            (first, rp.Candidate("other", other, "b", first.at)),
            (rp.Candidate(first.value, dot, first.by, first.at, base or "base"),)]))
        state.fields[path] = changed
        state.version[other[0]] = max(state.version.get(other[0], 0), other[1])
    _same("dialogue", "d1", state)


@settings(max_examples=100, deadline=None)
@given(st.fixed_dictionaries({"name": TEXT, "other_names": st.sampled_from([[], ["x"]])},
                             optional={"sex": TEXT, "email": TEXT, "newer": TEXT}), DOT)
def test_a_person_one_edit_set_encodes_as_field_by_field(fields: dict[str, Any], dot: rp.Dot) -> None:
    _same("person", "P1", _one_edit(fields, dot, "someone", "2024-01-01T00:00:00Z"))


def test_every_record_of_a_version_1_bundle_takes_the_fast_path_and_encodes_the_same() -> None:
    data = make_bundle(6, people=60)
    taken = 0
    for kind, plural in (("person", "people"), ("institution", "institutions"), ("dialogue", "dialogues")):
        for item in data[plural]:
            state = importer._v1_state(kind, item, data.get("source"))
            taken += rp._one_edit(kind, state) is not None
            encoded = _same(kind, item["id"], state)
            assert rp.decode(kind, encoded) == state  # and it still reads back as the same state
    assert taken == len(data["people"]) + len(data["institutions"]) + len(data["dialogues"])


def _by_state(kind: str, record: dict[str, Any], dot: rp.Dot, by: str | None) -> tuple[dict[str, Any], list[str]]:
    """What a record new here stores, the state's way: decoded as one edit, then encoded."""
    state = rp.decode(kind, record, fallback=dot, fallback_by=by, flat=rp.flatten(kind, record))
    return rp.encode_shown(kind, record["id"], state)


def _v1_records(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for kind, plural in (("person", "people"), ("institution", "institutions"), ("dialogue", "dialogues")):
        for item in data[plural]:
            record = importer.v1_record(kind, item)
            if kind == "dialogue":
                record.setdefault("trashed", False)
            found.append((kind, record))
    return found


def test_every_record_of_a_version_1_bundle_is_encoded_straight_from_its_json_as_its_state_encodes() -> None:
    """`encode_new` (issue 19: no `State` per version 1 record) gives what decode + encode give."""
    data = make_bundle(6, people=60)
    for kind, record in _v1_records(data):
        dot = rp.legacy_dot(kind, record)
        fast = rp.encode_new(kind, record, rp.flatten(kind, record), dot, "a bundle")
        assert fast is not None, (kind, record["id"])
        expected = _by_state(kind, record, dot, "a bundle")
        assert fast == expected
        assert json.dumps(fast, sort_keys=True) == json.dumps(expected, sort_keys=True)


_BUNDLE = make_bundle(3, people=60)
_DIALOGUES = [record for kind, record in _v1_records(_BUNDLE) if kind == "dialogue"]
_ODD_VALUES = st.sampled_from([None, "", 0, 1, True, False, "x", "a.b", "member", {"k": 1}])


@st.composite
def odd_v1_dialogues(draw: st.DrawFn) -> dict[str, Any]:
    """A version 1 dialogue with what must make it show otherwise (or not): sub-records with a key
    field missing or null, flags that are not booleans, empty roles and statuses, unknown fields,
    a repeated or dotted id, fields of the state's own or with a dot at the top."""
    record = json.loads(json.dumps(draw(st.sampled_from(_DIALOGUES))))
    items = [(c, item) for c in ("agenda", "actions", "delegations") for item in record.get(c) or ()]
    items += [("participants", p) for d in record.get("delegations") or () for p in d["participants"]]
    for _ in range(draw(st.integers(0, 3))):
        change = draw(st.sampled_from(["set", "drop", "add", "id", "top", "updated_at", "lists"]))
        if change in ("set", "drop", "add", "id") and items:
            _, item = draw(st.sampled_from(items))
            name = draw(st.sampled_from(sorted(item)))
            if change == "set" and name not in ("id", "participants"):
                item[name] = draw(_ODD_VALUES)
            elif change == "drop" and name not in ("id", "participants"):
                del item[name]
            elif change == "add":
                item[draw(st.sampled_from(["badge", "order", "delegation"]))] = draw(_ODD_VALUES)
            elif change == "id":
                item["id"] = draw(st.sampled_from([*(i["id"] for _, i in items), "a.b", 7, None]))
        elif change == "top":
            record[draw(st.sampled_from(["new_field", "trashed_seen", "merged_seen.x", "agenda.z.title", "title"]))] = (
                draw(_ODD_VALUES))
        elif change == "updated_at":
            record["updated_at"] = draw(st.sampled_from([None, "", "2024-01-01T00:00:00Z"]))
        else:
            record[draw(st.sampled_from(["agenda", "actions", "delegations"]))] = draw(st.sampled_from([None, []]))
    return record


@settings(max_examples=200, deadline=None)
@given(odd_v1_dialogues(), DOT, st.sampled_from([None, "", "a bundle"]))
def test_a_record_encoded_straight_from_its_json_encodes_as_its_state_or_takes_the_states_way(
        record: dict[str, Any], dot: rp.Dot, by: str | None) -> None:
    try:
        expected = _by_state("dialogue", record, dot, by)
    except (KeyError, TypeError, AttributeError):  # not a record the contract lets through at all
        return
    fast = rp.encode_new("dialogue", record, rp.flatten("dialogue", record), dot, by)
    if fast is not None:
        assert fast == expected
        assert json.dumps(fast, sort_keys=True, default=str) == json.dumps(expected, sort_keys=True, default=str)


_OPTIONAL = {"dialogue": ("series", "end_date", "city", "country", "online", "chair", "supporting_programmes",
                          "frameworks", "topics", "summary", "agenda", "actions", "updated_at"),
             "agenda": ("id", "presenter", "notes"), "actions": ("id", "owner", "due_date", "carried_from", "done_on"),
             "delegations": ("notes",), "participants": ("institution_id", "position", "status", "programme_funded")}


@st.composite
def v1_items(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A version 1 bundle's record as sent, with optional fields left out or null."""
    kind = draw(st.sampled_from(["dialogue", "dialogue", "person", "institution"]))
    plural = {"dialogue": "dialogues", "person": "people", "institution": "institutions"}[kind]
    item = json.loads(json.dumps(draw(st.sampled_from(_BUNDLE[plural]))))
    if kind != "dialogue":
        for name in draw(st.lists(st.sampled_from(sorted(set(item) - {"id", "name"})), unique=True)):
            del item[name]
        return kind, item
    places = [("dialogue", item), *(("agenda", a) for a in item.get("agenda") or ()),
              *(("actions", a) for a in item.get("actions") or ()), *(("delegations", d) for d in item["delegations"]),
              *(("participants", p) for d in item["delegations"] for p in d["participants"])]
    for _ in range(draw(st.integers(0, 4))):
        where, place = draw(st.sampled_from(places))
        name = draw(st.sampled_from(_OPTIONAL[where]))
        if name in place and draw(st.booleans()):
            del place[name]
        elif name not in ("id", "agenda", "actions", "supporting_programmes", "frameworks", "topics", "online",
                          "programme_funded", "status"):
            place[name] = None
    return kind, item


@settings(max_examples=150, deadline=None)
@given(v1_items())
def test_a_version_1_record_new_here_shows_and_keeps_what_its_encoding_does(sent: tuple[str, dict[str, Any]]) -> None:
    """The record read from the bundle is the record its encoding shows, and its `replica` column
    is the one read from the encoding (what `store_new` writes without reading the encoding back)."""
    from desktop_app.db import replica_store
    from desktop_app.domain import record_fields as rf

    kind, item = sent
    new = importer._v1_new(kind, item, "a bundle")
    assert isinstance(new, replica_store.NewRecord)
    assert new.shown == rf.record_of(kind, new.encoded)
    assert replica_store.meta_of(kind, new.encoded, True) == replica_store.meta_of(kind, new.encoded)
    assert (new.encoded, new.orphans) == _by_state(kind, new.record, new.dot, new.by)
