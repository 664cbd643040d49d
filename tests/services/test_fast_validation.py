"""The fast bundle check may only ever say "valid" where the contract's reference validator does."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import BadBundle
from desktop_app.resources import resource_path
from desktop_app.services.exchange.validation import (
    _fast_validator,
    _python_validator,
    _rust_validator,
    _validator,
    check_schema,
)

SAMPLE = json.loads(resource_path("samples", "demo-bundle.json").read_text(encoding="utf-8"))


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(SAMPLE)[1:]
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-2, 2), st.sampled_from(
    ["", " ", "x" * 2100, "2024-13-45", "2024-02-30", "not-a-uuid", "kz", "KZ", "XX", "country", "organisation",
     "head", "member", "eu", "draft", "final", "open", "female", "2024-10-01T08:00:00Z", "Z",
     # where a compiled check may read the contract differently: a newline before the end of a
     # pattern, digits of another script, an integer beyond 64 bits, a float that is whole
     "KZ\n", "2024-10-01\n", "٢٠٢٤-١٠-٠١", 10**40, -(10**40), 1.0, 2.5]),
    st.just({}), st.just([]), st.just({"type": "country", "code": "KZ"}), st.just({"type": "organisation"}))


def _mutated(path: tuple, action: str, value: Any) -> dict:
    data = copy.deepcopy(SAMPLE)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete" and isinstance(parent, dict):
        del parent[last]
    elif action == "extra" and isinstance(parent, dict):
        parent["unexpected"] = value
    else:
        parent[last] = value
    return data


COMPILED = {"rust": _rust_validator(1), "python": _python_validator(1)}


def test_the_fast_check_is_in_use_and_accepts_the_samples() -> None:
    fast = _fast_validator(1)
    assert fast is not None
    assert fast is COMPILED["rust"] or COMPILED["rust"] is None  # jsonschema-rs first, where installed
    for check in COMPILED.values():
        assert check is not None
        check(copy.deepcopy(SAMPLE))
    check_schema(SAMPLE, "demo-bundle.json")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(PATHS), action=st.sampled_from(["replace", "delete", "extra"]), value=VALUES,
       compiled=st.sampled_from(sorted(COMPILED)))
def test_the_fast_check_never_accepts_what_the_contract_refuses(path: tuple, action: str, value: Any,
                                                                compiled: str) -> None:
    """Either compiled check (jsonschema-rs, fastjsonschema)."""
    data = _mutated(path, action, value)
    contract_errors = list(_validator().iter_errors(data))
    try:
        COMPILED[compiled](data)
    except Exception:
        return  # an objection is always safe: the reference validator then decides
    assert contract_errors == [], f"fast check accepted {path} {action} {value!r}"


def test_a_refusal_still_names_the_place_in_the_contracts_words() -> None:
    data = _mutated(("dialogues", 1, "kind"), "replace", "picnic")
    with pytest.raises(BadBundle, match=r"dialogues\[1\]\.kind is \"picnic\", but must be one of"):
        check_schema(data, "bundle.json")
