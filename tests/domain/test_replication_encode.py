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
