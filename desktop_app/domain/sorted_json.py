"""The text a record's legacy version is named by (`replication.legacy_dot`), made faster.

That text is `json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)` in UTF-8, and
must stay so byte for byte: every database names a record stored before replication (or sent
in a version 1 bundle) by its SHA-256, and two databases agree that they hold the same version
only if they compute the same text. Python's encoder took 0.41-0.52 s of CPU for a 2,000-dialogue
bundle (≈ 25 KB of sorted keys and values per dialogue); orjson (a JSON library in Rust) writes
the document in ~0.13 s, and with the check of the values' types and the rewrite of its
separators below the text costs 0.28-0.44 s (docs/performance.md, "Round 6 (Python side)").

orjson writes what the standard library writes for texts (the same escapes), integers, `true`,
`false`, `null`, lists and dicts with text keys, and sorts keys by code point like Python; it
differs only in the spaces: it has no `", "` and `": "` separators, but its two-space indented
form writes `": "` and puts every other separator before a line break — and a line break is
never inside a text (JSON escapes it). So the indented form with each `",\\n"` and its
indentation read as `", "`, and any other line break and its indentation dropped, is the
standard library's text. Anything else — a float (written differently), an integer beyond 64
bits, a value of another type (`default=str`), a text orjson refuses (a lone surrogate) — takes
the standard library's own way, as does every value when orjson is not installed.
`tests/domain/test_sorted_json.py` holds the two equal (hypothesis over every kind of value).
"""

from __future__ import annotations

import json
import re
from itertools import compress
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - a dependency; the standard library's way is the same text
    orjson = None  # type: ignore[assignment]

_PLAIN_LEAVES = frozenset({str, int, bool, type(None)})
_CONTAINERS = frozenset({dict, list})
_TEXT = frozenset({str})
_PLAIN = _PLAIN_LEAVES | _CONTAINERS
_MAX_NESTING = 200  # orjson refuses more than 255 levels; the bundle check refuses more than 32
_LINE_BREAK = re.compile(rb"\n *")


def sorted_json(value: Any) -> bytes:
    """`json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")`."""
    if orjson is not None and type(value) is dict and _plain(value):
        try:
            indented = orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2)
        except orjson.JSONEncodeError:  # an integer beyond 64 bits, a lone surrogate
            pass
        else:
            return _LINE_BREAK.sub(b"", b", ".join(map(bytes.lstrip, indented.split(b",\n"))))
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")


def _plain(value: dict[str, Any]) -> bool:
    """Every value a text, an integer, a flag, null, or a list or dict of them, and every key a
    text: exact types (a subclass may write itself otherwise), no float. A dialogue's ~320 values
    are typed in C; only its dozen lists and dicts are looked into."""
    values = value.values()
    kinds = set(map(type, values))
    if not kinds <= _PLAIN or not set(map(type, value)) <= _TEXT:
        return False
    if not kinds & _CONTAINERS:
        return True
    level = list(compress(values, map(_CONTAINERS.__contains__, map(type, values))))
    for _ in range(_MAX_NESTING):
        leaves: list[Any] = []
        for container in level:
            if type(container) is dict:
                if not set(map(type, container)) <= _TEXT:
                    return False
                leaves.extend(container.values())
            else:
                leaves.extend(container)
        kinds = set(map(type, leaves))
        if kinds <= _PLAIN_LEAVES:
            return True
        if not kinds <= _PLAIN:
            return False
        level = list(compress(leaves, map(_CONTAINERS.__contains__, map(type, leaves))))
    return False
