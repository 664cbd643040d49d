"""The `replica` column written by one encoder made once, its record's fields sorted out by set
difference (issue 19, round 8): the same text, byte for byte, as the round 7 `meta_of` (kept
below as the reference) for records of each kind with known, bookkeeping, unknown and dotted
fields, sub-records with fields of a newer program, and values of every JSON type."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.db.replica_store import meta_of
from desktop_app.domain import replication as rp

_BUNDLE = make_bundle(2, people=60)


def _old_meta_of(kind: str, encoded: dict[str, Any], known_subfields: bool = False) -> str:
    extra = {key: value for key, value in encoded.items()
             if key not in rp.NOT_FIELDS and key not in rp.KNOWN_FIELDS[kind] and rp.split(key) is None
             and key != "edited_by"}
    meta = {"version": encoded["version"], "replica": encoded["replica"], "conflicts": encoded["conflicts"],
            "edited_by": encoded.get("edited_by"), "updated_at": encoded.get("updated_at"), "extra": extra}
    if kind == "dialogue" and not known_subfields and (fields := rp.unknown_subfields(encoded)):
        meta["extra_fields"] = fields
    return json.dumps(meta, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


VALUE = st.recursive(st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False)
                     | st.text(max_size=6), lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=8)
KEYS = st.sampled_from(sorted({*rp.NOT_FIELDS, *rp.DIALOGUE_FIELDS, *rp.PERSON_FIELDS, *rp.INSTITUTION_FIELDS,
                               "edited_by", "newer", "Ж", "a.b", "participants.p1.role", "delegations.g.x.y",
                               "agenda.a1.new", "x.y.z", "trashed_seen"}))


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["dialogue", "person", "institution"]), st.dictionaries(KEYS, VALUE, max_size=8),
       st.dictionaries(st.text(max_size=3), st.integers(0, 9), max_size=2), VALUE, st.booleans())
def test_the_replica_column_is_the_same_text(kind: str, fields: dict[str, Any], version: dict[str, int],
                                             replica: Any, known: bool) -> None:
    encoded = {**fields, "version": version, "replica": replica, "conflicts": fields.get("conflicts", [])}
    assert _outcome(meta_of, kind, encoded, known) == _outcome(_old_meta_of, kind, encoded, known)


def _outcome(write: Any, *args: Any) -> tuple[str, Any]:
    """The text, or the error (sub-records that are not lists of objects with ids cannot be searched)."""
    try:
        return "text", write(*args)
    except (TypeError, AttributeError, KeyError) as error:
        return "error", type(error)


def test_bundle_records_give_the_same_text() -> None:
    for plural, kind in (("dialogues", "dialogue"), ("people", "person"), ("institutions", "institution")):
        for item in _BUNDLE[plural]:
            encoded = {**item, "version": {"abc": 1}, "replica": {"default": ["abc", 1], "by": "x"},
                       "conflicts": [], "edited_by": "Ана", "newer_field": {"é": 1.5}}
            assert meta_of(kind, encoded) == _old_meta_of(kind, encoded)
            assert meta_of(kind, encoded, True) == _old_meta_of(kind, encoded, True)
