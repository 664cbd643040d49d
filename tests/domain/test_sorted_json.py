"""The text a legacy version is named by, written with orjson (issue 19), is byte for byte the
standard library's `json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)` in
UTF-8 — for every kind of value a record's flat fields can hold, and for those they cannot (which
take the standard library's way) — so every database still names the same record alike."""

from __future__ import annotations

import enum
import hashlib
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.domain import replication as rp
from desktop_app.domain import sorted_json as sj
from desktop_app.services.exchange import importer


def _standard(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")


def _outcome(write: Any, value: Any) -> tuple[str, Any]:
    """The bytes written, or the kind of error raised (a lone surrogate cannot be UTF-8)."""
    try:
        return "text", write(value)
    except Exception as error:  # the two ways must fail alike too
        return "error", type(error).__name__


class Colour(enum.Enum):
    RED = "red"


class Side(enum.StrEnum):
    HOST = "host"


class Level(enum.IntEnum):
    ONE = 1


class Loud(str):
    pass


# Texts with what JSON escapes (quotes, backslashes, control characters), what it does not
# (DEL, C1 controls, the line and paragraph separators), non-BMP characters, and anything else.
TRICKY = st.sampled_from(['"', "\\", "/", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "\x85", "\u2028",
                          "\u2029", "\ufeff", "\uffff", "😀", "\U0010ffff", "Ж", "ü", ",", ":", " ", "\n  ", ",\n",
                          "{", "}", "[", "]", "a", "0"])
TEXTS = st.one_of(st.text(), st.lists(TRICKY, max_size=12).map("".join))
KEYS = st.one_of(TEXTS, st.sampled_from(["title", "participants.3f2a.role", "participants.3f2a-b.role",
                                         "agenda.x.order", "Title", "éa", "ea", "😀", "\uffff"]))
ODD = st.sampled_from([1.5, -0.0, 1e16, 1e-7, 1e300, float("nan"), float("inf"), 2**64, -(2**63) - 1, 2**63,
                       2**100, datetime(2026, 12, 2, 10, 30, tzinfo=UTC), date(2026, 1, 2), Decimal("1.10"),
                       Colour.RED, Side.HOST, Level.ONE, Loud("x"), (1, "a"), "\ud800", {"a": "\udfff"}])
LEAVES = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
                   st.integers(min_value=-(2**63), max_value=2**64 - 1), TEXTS)


def values(odd: bool) -> st.SearchStrategy[Any]:
    leaves = st.one_of(LEAVES, ODD, st.floats()) if odd else LEAVES
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(KEYS, inner, max_size=4), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, values(odd=False), max_size=12))
def test_plain_values_are_written_as_the_standard_library_writes_them(flat: dict[str, Any]) -> None:
    assert _outcome(sj.sorted_json, flat) == _outcome(_standard, flat)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, values(odd=True), max_size=12))
def test_any_value_is_written_as_the_standard_library_writes_it(flat: dict[str, Any]) -> None:
    assert _outcome(sj.sorted_json, flat) == _outcome(_standard, flat)


@pytest.mark.parametrize("value", [{}, [], "x", 1, None, {1: "a"}, {"a": {2: "b"}}, {"a": [{"b": {}}, []]},
                                   {"k": [[[[[[["deep"]]]]]]]}, {"é": 1, "e": 2, "f": 3, "😀": 4, "\uffff": 5}])
def test_edge_values_are_written_as_the_standard_library_writes_them(value: Any) -> None:
    assert _outcome(sj.sorted_json, value) == _outcome(_standard, value)


def _legacy_dot_before(kind: str, record: dict[str, Any], flat: dict[str, Any]) -> rp.Dot:
    """`legacy_dot` as it was up to round 5."""
    content = json.dumps(flat, sort_keys=True, ensure_ascii=False, default=str)
    return f"legacy-{hashlib.sha256(content.encode('utf-8')).hexdigest()[:12]}", 1


def test_every_record_of_a_version_1_bundle_keeps_its_legacy_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    """…and is written by orjson, not the standard library (the fast way is taken at all)."""
    data = make_bundle(20, people=80)
    flats = []
    for kind, plural in (("person", "people"), ("institution", "institutions"), ("dialogue", "dialogues")):
        for item in data[plural]:
            record = importer.v1_record(kind, item)
            if kind == "dialogue":
                record.setdefault("trashed", False)
            flats.append((kind, record, rp.flatten(kind, record)))
    expected = [_legacy_dot_before(kind, record, flat) for kind, record, flat in flats]

    def refuse(*args: Any, **kwargs: Any) -> str:
        raise AssertionError("the standard library's encoder was used")

    monkeypatch.setattr(sj.json, "dumps", refuse)
    assert [rp.legacy_dot(kind, record, flat) for kind, record, flat in flats] == expected
    assert [rp.legacy_dot(kind, record) for kind, record, _ in flats] == expected


def test_orjson_is_installed() -> None:
    """A dependency (pyproject.toml): without it the dots are the same, only slower."""
    assert sj.orjson is not None
