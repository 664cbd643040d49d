"""Issue 19, round 8: a version 2 bundle the compiled check finds valid and no deeper than the
depth check allows, in one pass (`validation._valid_version_2`; version 2's contract leaves every
object open, so it bounds no depth itself), and whose bytes hold no suspect text, is not walked for
its depth in Python. Any other file goes through the checks in their old order, so every refusal
keeps its sentence."""

from __future__ import annotations

import contextlib
import copy
import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.db.opening import open_database
from desktop_app.domain.errors import BadBundle
from desktop_app.services.exchange import validation
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import import_data
from tests.services.test_bundle_depth import JSON, _nested, _refused
from tests.services.test_bundle_v1_contract_first import _change_a_few, _deep, _outcome, _parsed_before

jsonschema_rs = pytest.importorskip("jsonschema_rs")


@cache
def _depth_validator() -> Any:
    return jsonschema_rs.validator_for({"$defs": validation._depth_definitions(), "$ref": "#/$defs/nested-0"})


@settings(max_examples=300, deadline=None)
@given(JSON, st.integers(min_value=0, max_value=40))
def test_the_compiled_depth_refuses_what_the_depth_check_refuses(inner: Any, depth: int) -> None:
    data = json.loads(json.dumps(_nested(depth, inner)))
    assert _depth_validator().is_valid(data) == (not _refused(data))


@pytest.mark.parametrize("depth", [0, 1, validation.MAX_DEPTH - 1, validation.MAX_DEPTH, validation.MAX_DEPTH + 1,
                                   200, 900])
def test_the_compiled_depth_at_the_bound(depth: int) -> None:
    data = json.loads(json.dumps(_nested(depth)))
    with contextlib.suppress(Exception):  # a depth it cannot take: not valid, as for the check
        assert _depth_validator().is_valid(data) == (depth <= validation.MAX_DEPTH)
    assert _refused(data) == (depth > validation.MAX_DEPTH)


@cache
def _bundle() -> dict[str, Any]:
    """A version 2 bundle as `export` writes it (the generated records imported once)."""
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "source.sqlite3")
        try:
            import_data(database, make_bundle(3, people=40))
            return build_bundle(database)
        finally:
            database.close()


@st.composite
def near_bundles(draw: st.DrawFn) -> dict[str, Any]:
    """The version 2 bundle with a few changes: values nested deep or not (in fields it knows,
    fields it does not and its replication state), versions and formats retyped, fields added or
    dropped, texts the bundle must not hold."""
    data = copy.deepcopy(_bundle())
    records = [*data["people"], *data["institutions"], *data["dialogues"]]
    places: list[dict[str, Any]] = [data, *records, *(r["replica"] for r in records if "replica" in r),
                                    *(g for d in data["dialogues"] for g in d["delegations"]),
                                    *(p for d in data["dialogues"] for g in d["delegations"]
                                      for p in g["participants"])]
    _change_a_few(draw, places, ["deep", "deep", "drop", "odd"], [1, 5, 20, 24, 25, 26, 27, 28, 30, 31, 32, 33, 40])
    return data


@settings(max_examples=150, deadline=None)  # a refusal is worded by the reference validator: ~0.2 s each
@given(near_bundles())
def test_a_version_2_bundle_is_kept_or_refused_with_the_same_sentence_as_by_the_checks_in_their_old_order(
        data: dict[str, Any]) -> None:
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    before, after = _outcome(_parsed_before, raw), _outcome(validation.parse_bundle, raw)
    assert after == before


def test_a_valid_version_2_bundle_is_not_walked_for_its_depth(monkeypatch: Any) -> None:
    walked: list[Any] = []
    monkeypatch.setattr(validation, "_check_depth", lambda data, name: walked.append(data))
    validation.parse_bundle(json.dumps(_bundle()).encode(), "b.json")
    assert walked == []
    deep = copy.deepcopy(_bundle())
    deep["dialogues"][0]["replica"]["extra"] = _deep(40)
    with contextlib.suppress(BadBundle):
        validation.parse_bundle(json.dumps(deep).encode(), "b.json")
    assert len(walked) == 1  # too deep for the compiled check: every check in its order
