"""Round 7 of issue 19: a version 1 bundle the compiled contract check finds valid (and whose bytes
hold no suspect text) skips the depth walk over every value — the contract gives every object a
closed set of typed fields, so a valid version 1 bundle is a few levels deep, far under
`MAX_DEPTH`. Any other file goes through the checks in their old order, so every refusal keeps
its sentence."""

from __future__ import annotations

import contextlib
import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.domain.errors import BadBundle
from desktop_app.services.exchange import validation


def _schema_depth(schema: dict[str, Any], node: Any, seen: tuple[str, ...] = ()) -> int:
    """How many containers deep a value valid under `node` can be; raises for an open container."""
    if isinstance(node, dict) and "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        assert name not in seen, f"a recursive definition: {name}"
        return _schema_depth(schema, schema["$defs"][name], (*seen, name))
    if not isinstance(node, dict):
        return 0
    alternatives = [n for key in ("anyOf", "oneOf", "allOf") for n in node.get(key, ())]
    types = node.get("type", [])
    types = [types] if isinstance(types, str) else types
    depth = max((_schema_depth(schema, n, seen) for n in alternatives), default=0)
    if "object" in types or "properties" in node:
        assert node.get("additionalProperties") is False, f"an open object: {node}"
        assert "patternProperties" not in node
        depth = max(depth, 1 + max((_schema_depth(schema, n, seen) for n in node.get("properties", {}).values()),
                                   default=0))
    if "array" in types or "items" in node:
        assert isinstance(node.get("items"), dict), f"an array of anything: {node}"
        depth = max(depth, 1 + _schema_depth(schema, node["items"], seen))
    return depth


def test_the_version_1_contract_closes_every_object_and_bounds_the_depth_far_under_the_limit() -> None:
    schema = validation._schema(1)
    assert _schema_depth(schema, schema) < validation.MAX_DEPTH // 2


def _parsed_before(raw: bytes, name: str) -> dict[str, Any]:
    """`parse_bundle`'s checks in their order before round 7 (after the same parsing)."""
    data = json.loads(raw.decode("utf-8-sig"), parse_int=validation._number, parse_float=validation._decimal,
                      parse_constant=validation._constant)
    validation._check_depth(data, name)
    if validation._suspect_bytes(raw):
        data = validation._texts_checked(data, name)
    validation.check_version(data, name)
    validation.check_schema(data, name)
    checked = validation.CheckedBundle(data)
    checked.read = {}
    validation.check_meaning(checked, name, checked.read)
    return checked


def _outcome(parse: Any, raw: bytes) -> tuple[str, Any]:
    try:
        return "kept", parse(raw, "b.json")
    except BadBundle as refusal:
        return "refused", str(refusal)
    except RecursionError:
        return "recursion", None


_BUNDLE = make_bundle(3, people=60)


def _deep(depth: int) -> Any:
    value: Any = "x"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


@st.composite
def near_bundles(draw: st.DrawFn) -> dict[str, Any]:
    """The generated version 1 bundle with a few changes: values nested deep or not, versions and
    formats retyped, fields added or dropped, texts the bundle must not hold."""
    data = copy.deepcopy(_BUNDLE)
    places: list[dict[str, Any]] = [data, *data["people"], *data["institutions"], *data["dialogues"],
                                    *(g for d in data["dialogues"] for g in d["delegations"]),
                                    *(p for d in data["dialogues"] for g in d["delegations"]
                                      for p in g["participants"])]
    _change_a_few(draw, places, ["deep", "drop", "odd"], [1, 5, 30, 31, 32, 33, 40])
    return data


def _change_a_few(draw: st.DrawFn, places: list[dict[str, Any]], changes: list[str], depths: list[int]) -> None:
    """Up to three changes among `places`: a field (or a new one) nested `depths` deep, dropped, or
    given an odd value (the version 2 test's `near_bundles` too)."""
    for _ in range(draw(st.integers(0, 3))):
        place = draw(st.sampled_from(places))
        key = draw(st.sampled_from([*sorted(place), "extra"]))
        change = draw(st.sampled_from(changes))
        if change == "deep":
            place[key] = _deep(draw(st.sampled_from(depths)))
        elif change == "drop":
            place.pop(key, None)
        else:
            place[key] = draw(st.sampled_from([None, True, 1, 2, 3, "1", 1.0, "a\rb", "\x85", "", [], {}]))


@settings(max_examples=300, deadline=None)
@given(near_bundles())
def test_a_bundle_is_kept_or_refused_with_the_same_sentence_as_by_the_checks_in_their_old_order(
        data: dict[str, Any]) -> None:
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    before, after = _outcome(_parsed_before, raw), _outcome(validation.parse_bundle, raw)
    assert after == before


def test_a_valid_version_1_bundle_is_not_walked_for_its_depth(monkeypatch: Any) -> None:
    walked: list[Any] = []
    monkeypatch.setattr(validation, "_check_depth", lambda data, name: walked.append(data))
    validation.parse_bundle(json.dumps(_BUNDLE).encode(), "b.json")
    assert walked == []
    bad = copy.deepcopy(_BUNDLE)
    bad["people"][0]["name"] = _deep(40)
    with contextlib.suppress(BadBundle):
        validation.parse_bundle(json.dumps(bad).encode(), "b.json")
    assert len(walked) == 1  # anything the contract refuses: every check in its order
