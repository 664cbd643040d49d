"""The depth check of a parsed bundle (exact type tests since issue 19) refuses exactly what the
check with `isinstance` refused: anything nested `MAX_DEPTH` levels or more."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import BadBundle
from desktop_app.services.exchange import validation


def _refused_before(data: Any) -> bool:
    """The check as it was (round 5)."""
    level: list[Any] = [data]
    for depth in range(validation.MAX_DEPTH + 1):
        level = [child for node in level if isinstance(node, (dict, list))
                 for child in (node.values() if isinstance(node, dict) else node)
                 if isinstance(child, (dict, list))]
        if not level:
            return False
        if depth == validation.MAX_DEPTH - 1:
            return True
    return False


def _refused(data: Any) -> bool:
    try:
        validation._check_depth(data, "b.json")
    except BadBundle:
        return True
    return False


def _nested(depth: int, leaf: Any = 1) -> Any:
    data = leaf
    for level in range(depth):
        data = [data] if level % 2 else {"k": data, "other": "x"}
    return data


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=3),
                    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=2), children,
                                                                                        max_size=3),
                    max_leaves=60)


@settings(max_examples=300, deadline=None)
@given(JSON, st.integers(min_value=0, max_value=40))
def test_the_depth_check_refuses_what_it_refused_before(inner: Any, depth: int) -> None:
    data = json.loads(json.dumps(_nested(depth, inner)))  # parsed JSON, as the check receives it
    assert _refused(data) == _refused_before(data)


@pytest.mark.parametrize("depth", [1, 6, validation.MAX_DEPTH - 1, validation.MAX_DEPTH, validation.MAX_DEPTH + 1,
                                   200])
def test_the_depth_check_at_the_bound(depth: int) -> None:
    data = json.loads(json.dumps(_nested(depth)))
    assert _refused(data) == _refused_before(data)
    assert _refused(data) == (depth > validation.MAX_DEPTH)
