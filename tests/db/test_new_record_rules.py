"""A dialogue new here whose one edit is encoded already (`replica_store.NewRecord`, every record of
a version 1 bundle and nearly every one of a version 2 bundle imported into a file without it) has
a rule conflict exactly when today's walk finds one — `rule_breaks`, then `rule_conflicts` of its
state — and `replica_store.breaks_a_rule` answers that without the walk when it has no orphans
(issue 19, round 9): one edit wrote every field, so no rule's fields were last set in two
databases, no reference was redirected, and the only rule left is one person twice in one
delegation (what merges of people make). Hypothesis over delegations naming people from a small
pool (twice in one delegation, in two delegations), several heads, a final meeting with people
still invited, as version 1 and version 2 records."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.db import replica_store
from desktop_app.domain import replication as rp
from desktop_app.services.exchange import importer

_V1 = make_bundle(3, people=60)
_PEOPLE = [person["id"] for person in _V1["people"]][:12]


def _today(new: replica_store.NewRecord) -> bool:
    """What `store_new` found before round 9: a rule broken, and a conflict of it."""
    return bool(rp.rule_breaks(new.encoded, new.orphans)) and bool(
        replica_store.rule_conflicts("dialogue", new.encoded, new.orphans, new.state()))


@st.composite
def dialogues(draw: st.DrawFn) -> dict[str, Any]:
    """A version 1 dialogue of the generated bundle with its participants' people, roles and
    statuses drawn (the same person twice in a delegation or in two), and its status."""
    record = copy.deepcopy(draw(st.sampled_from(_V1["dialogues"])))
    for delegation in record.get("delegations") or ():
        for participant in delegation["participants"]:
            participant["person_id"] = draw(st.sampled_from(_PEOPLE[:draw(st.integers(1, len(_PEOPLE)))]))
            participant["role"] = draw(st.sampled_from(["head", "member", "adviser"]))
            participant["status"] = draw(st.sampled_from(["invited", "confirmed", "attended", "absent"]))
    record["status"] = draw(st.sampled_from(["final", "draft"]))
    return record


def _same(new: Any) -> bool:
    assert isinstance(new, replica_store.NewRecord)
    expected = _today(new)
    assert replica_store.breaks_a_rule(new) == expected
    return expected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dialogues())
def test_a_new_version_1_dialogue_breaks_a_rule_exactly_as_the_walk_finds(record: dict[str, Any]) -> None:
    _same(importer._v1_new("dialogue", record, "a bundle"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dialogues())
def test_a_new_version_2_dialogue_breaks_a_rule_exactly_as_the_walk_finds(record: dict[str, Any]) -> None:
    item = rp.encode("dialogue", record["id"], importer._v1_state("dialogue", record, "a bundle"))
    new = importer._v2_new("dialogue", item, {})
    if new is not None:
        _same(new)


def test_one_person_twice_in_one_delegation_is_a_rule_conflict_and_in_two_delegations_is_not() -> None:
    record = copy.deepcopy(next(d for d in _V1["dialogues"] if len(d["delegations"]) > 1
                                and all(len(g["participants"]) > 1 for g in d["delegations"])))
    first, second = record["delegations"][:2]
    second["participants"][0]["person_id"] = first["participants"][0]["person_id"]
    assert not _same(importer._v1_new("dialogue", record, "a bundle"))
    first["participants"][1]["person_id"] = first["participants"][0]["person_id"]
    assert _same(importer._v1_new("dialogue", record, "a bundle"))


def test_a_dialogue_with_orphans_takes_the_walk() -> None:
    """Orphans (participants of a removed delegation) are always a conflict: the walk decides."""
    new = importer._v1_new("dialogue", _V1["dialogues"][0], "a bundle")
    assert isinstance(new, replica_store.NewRecord)
    orphaned = replica_store.NewRecord(new.kind, new.record, new.flat, new.dot, new.by, new.encoded,
                                       ["participants.x"], new.shown)
    assert replica_store.breaks_a_rule(orphaned) is True
