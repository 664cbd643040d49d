"""The fuzz corpus of malformed bundles (issue 21): generated, not stored, from the sample bundle.

Each case is (name, category, expect, bytes); `expect` is "refuse" when no reading of the file can be
a valid bundle, "any" when either answer is right. The cases are deterministic (a seeded random
generator): tests/fuzz/MANIFEST.tsv lists every name with the SHA-256 of its bytes, so a change of
the generator shows as a change of the manifest. Rewrite it with

    .venv/bin/python -m tests.fuzz.corpus --write-manifest
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "resources" / "samples" / "demo-bundle.json"
MANIFEST = Path(__file__).with_name("MANIFEST.tsv")
Case = tuple[str, str, str, bytes]

# Places in the bundle (paths of keys and indexes) where fields are dropped, retyped, made huge...
PLACES: list[tuple[Any, ...]] = [
    ("format",), ("version",), ("exported_at",), ("source",), ("people",), ("institutions",), ("dialogues",),
    ("people", 0, "id"), ("people", 0, "name"), ("people", 0, "other_names"), ("people", 0, "sex"),
    ("people", 0, "email"), ("people", 0, "updated_at"),
    ("institutions", 0, "id"), ("institutions", 0, "name"), ("institutions", 0, "acronym"),
    ("institutions", 0, "country"), ("institutions", 0, "updated_at"),
    ("dialogues", 1, "id"), ("dialogues", 1, "title"), ("dialogues", 1, "series"), ("dialogues", 1, "kind"),
    ("dialogues", 1, "start_date"), ("dialogues", 1, "end_date"), ("dialogues", 1, "city"),
    ("dialogues", 1, "country"), ("dialogues", 1, "online"), ("dialogues", 1, "chair"),
    ("dialogues", 1, "supporting_programmes"), ("dialogues", 1, "frameworks"), ("dialogues", 1, "topics"),
    ("dialogues", 1, "summary"), ("dialogues", 1, "status"), ("dialogues", 1, "agenda"),
    ("dialogues", 1, "delegations"), ("dialogues", 1, "updated_at"),
    ("dialogues", 1, "agenda", 0, "title"), ("dialogues", 1, "agenda", 0, "presenter"),
    ("dialogues", 1, "delegations", 0, "id"), ("dialogues", 1, "delegations", 0, "side"),
    ("dialogues", 1, "delegations", 0, "party"), ("dialogues", 1, "delegations", 0, "participants"),
    ("dialogues", 1, "delegations", 0, "participants", 0, "person_id"),
    ("dialogues", 1, "delegations", 0, "participants", 0, "institution_id"),
    ("dialogues", 1, "delegations", 0, "participants", 0, "role"),
    ("dialogues", 1, "delegations", 0, "participants", 0, "position"),
]
TEXT_PLACES = [p for p in PLACES if p[-1] in ("name", "title", "summary", "city", "series", "source", "position",
                                              "acronym", "email")]
STAMP_PLACES = [("exported_at",), ("people", 0, "updated_at"), ("dialogues", 1, "updated_at"),
                ("institutions", 0, "updated_at")]
DATE_PLACES = [("dialogues", 1, "start_date"), ("dialogues", 1, "end_date")]
RETYPES: list[tuple[str, Any]] = [("null", None), ("zero", 0), ("negative", -1), ("float", 1.5), ("true", True),
                                  ("empty", ""), ("list", []), ("object", {}), ("text", "x")]


def _base() -> dict[str, Any]:
    return json.loads(BASE.read_text(encoding="utf-8"))


def _dumps(data: Any, **options: Any) -> bytes:
    return json.dumps(data, **options).encode("utf-8")


def _label(place: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in place)


def _parent(data: Any, place: tuple[Any, ...]) -> tuple[Any, Any]:
    node = data
    for key in place[:-1]:
        node = node[key]
    return node, place[-1]


def _with(place: tuple[Any, ...], change: Callable[[Any, Any], None]) -> dict[str, Any]:
    data = _base()
    parent, key = _parent(data, place)
    change(parent, key)
    return data


def _set(place: tuple[Any, ...], value: Any) -> dict[str, Any]:
    return _with(place, lambda parent, key: parent.__setitem__(key, value))


def _raw_set(place: tuple[Any, ...], raw_value: str) -> bytes:
    """The bundle with `raw_value` spliced in as JSON text (for what json.dumps cannot write)."""
    marker = "\u2063MARK\u2063"
    return json.dumps(_set(place, marker), ensure_ascii=False).replace(json.dumps(marker, ensure_ascii=False),
                                                                        raw_value).encode("utf-8", "surrogatepass")


def cases() -> Iterator[Case]:
    rng = random.Random(20261201)
    valid = _dumps(_base())
    # 1. dropped fields
    for place in PLACES:
        yield (f"drop-{_label(place)}", "dropped", "any",
               _dumps(_with(place, lambda parent, key: parent.pop(key) if isinstance(parent, dict) else None)))
    # 2. duplicated fields (JSON text with the key twice: the second value a wrong one)
    for place in PLACES[:25]:
        key = place[-1]
        raw = valid.decode()
        spliced = raw.replace(f'"{key}": ', f'"{key}": 12345, "{key}": ', 1)
        yield f"duplicate-{_label(place)}", "duplicated", "any", spliced.encode()
    # 3. retyped fields
    for place in PLACES:
        for name, value in RETYPES:
            yield f"retype-{_label(place)}-{name}", "retyped", "any", _dumps(_set(place, value))
    # 4. huge strings
    for place in TEXT_PLACES:
        for size in (10_000, 300_000):
            yield f"huge-{_label(place)}-{size}", "huge string", "any", _dumps(_set(place, "Ж" * size))
    # 5. deep nesting
    for depth in (10, 33, 100, 1_000, 100_000):
        for place in (("source",), ("dialogues", 1, "title"), ("people",)):
            yield (f"deep-{_label(place)}-{depth}", "deep nesting", "refuse" if depth > 6 else "any",
                   _raw_set(place, "[" * depth + "]" * depth))
    # 6. NaN and Infinity
    for constant in ("NaN", "Infinity", "-Infinity"):
        for place in (("version",), ("dialogues", 1, "online"), ("people", 0, "sex"), ("dialogues", 1, "title"),
                      ("dialogues", 1, "delegations", 0, "participants", 0, "role")):
            yield f"constant-{constant}-{_label(place)}", "NaN/Infinity", "refuse", _raw_set(place, constant)
    # 7. long numbers
    for digits in (4_301, 5_000, 20_000):
        for place in (("version",), ("dialogues", 1, "start_date"), ("people", 0, "name")):
            yield f"number-{digits}-{_label(place)}", "long number", "refuse", _raw_set(place, "9" * digits)
    for text in ("1e999999", "-1e-999999", "1." + "3" * 5000, "-" + "7" * 5000, "0." + "0" * 4999 + "1"):
        yield f"number-form-{hashlib.md5(text.encode()).hexdigest()[:8]}", "long number", "refuse", \
            _raw_set(("version",), text)
    # 8. edge timestamps and dates
    stamps = ["0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-12:00",
              "9999-12-31T23:59:59.999999Z", "2024-02-30T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:59:60Z",
              "2024-01-01T00:00:00+24:00", "2024-01-01", "20240101T000000Z", "1899-12-31T23:59:59Z",
              "+002024-01-01T00:00:00Z", "2024-01-01T00:00:00.0000000001Z", "", "now"]
    for place in STAMP_PLACES:
        for stamp in stamps:
            yield (f"stamp-{_label(place)}-{hashlib.md5(stamp.encode()).hexdigest()[:8]}", "edge timestamp",
                   "any", _dumps(_set(place, stamp)))
    for place in DATE_PLACES:
        for day in ("0001-01-01", "9999-12-31", "2023-02-29", "2024-13-01", "2024-00-10", "10000-01-01",
                    "2024-1-1", "１２３４-01-01"):
            yield f"date-{_label(place)}-{hashlib.md5(day.encode()).hexdigest()[:8]}", "edge date", "any", \
                _dumps(_set(place, day))
    # 9. duplicate and foreign ids
    base = _base()
    dialogue_id, person_id = base["dialogues"][0]["id"], base["people"][0]["id"]
    for target, value in ((("dialogues", 1, "id"), dialogue_id), (("people", 1, "id"), person_id),
                          (("people", 1, "id"), person_id.upper()), (("institutions", 1, "id"), person_id),
                          (("dialogues", 1, "delegations", 0, "id"), dialogue_id),
                          (("dialogues", 1, "delegations", 0, "participants", 0, "id"), person_id),
                          (("dialogues", 1, "delegations", 0, "participants", 0, "person_id"),
                           "00000000-0000-4000-8000-000000000000"),
                          (("dialogues", 1, "delegations", 0, "participants", 0, "institution_id"),
                           "00000000-0000-4000-8000-000000000001"),
                          (("dialogues", 1, "delegations", 0, "participants", 0, "person_id"), dialogue_id),
                          (("dialogues", 1, "id"), "not-a-uuid"), (("dialogues", 1, "id"), "x" * 5000),
                          (("people", 0, "id"), ""), (("people", 0, "id"), "../../etc/passwd")):
        yield f"id-{_label(target)}-{hashlib.md5(value.encode()).hexdigest()[:8]}", "ids", "any", \
            _dumps(_set(target, value))
    doubled = _base()
    doubled["dialogues"].append(copy.deepcopy(doubled["dialogues"][0]))
    yield "id-dialogue-twice", "ids", "refuse", _dumps(doubled)
    # 10. byte order marks
    yield "bom-utf8", "BOM", "any", b"\xef\xbb\xbf" + valid
    yield "bom-utf8-twice", "BOM", "refuse", b"\xef\xbb\xbf\xef\xbb\xbf" + valid
    yield "bom-inside", "BOM", "refuse", valid[:40] + b"\xef\xbb\xbf" + valid[40:]
    # 11. UTF-16 and UTF-32
    text = json.dumps(_base(), ensure_ascii=False)
    for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"):
        yield f"encoding-{encoding}", "UTF-16/32", "refuse", text.encode(encoding)
    # 12. invalid UTF-8
    bad_sequences = [b"\xff", b"\xc0\xaf", b"\xe0\x80\xaf", b"\x80", b"\xed\xa0\x80", b"\xf5\x80\x80\x80",
                     b"\xc3", b"\xf0\x9f\x98"]
    for index, sequence in enumerate(bad_sequences):
        for _ in range(3):
            at = rng.randrange(1, len(valid) - 1)
            yield f"utf8-{index}-{at}", "invalid UTF-8", "refuse", valid[:at] + sequence + valid[at:]
    # 13. lone surrogates (as escapes: the only way JSON can carry them)
    for place in TEXT_PLACES:
        for escape in ("\\ud800", "\\udfff", "\\udc00\\ud800"):
            data = _raw_set(place, f'"A{escape}B"')
            yield f"surrogate-{_label(place)}-{escape.replace(chr(92), '')}", "lone surrogate", "refuse", data
    # 14. control characters in texts
    for place in TEXT_PLACES:
        for char in ("\x00", "\x01", "\x1b", "\x7f", "\x85", "\ufffe", "\uffff"):
            yield (f"control-{_label(place)}-U{ord(char):04X}", "control character", "refuse",
                   _dumps(_set(place, f"A{char}B")))
    # 15. truncated files
    for at in sorted(rng.sample(range(1, len(valid) - 1), 60)):
        yield f"truncated-{at}", "truncated", "refuse", valid[:at]
    # 16. other top levels
    for name, raw in (("array", b"[]"), ("string", b'"bundle"'), ("number", b"42"), ("null", b"null"),
                      ("true", b"true"), ("empty-object", b"{}"), ("whitespace", b" \n\t "), ("empty", b"")):
        yield f"top-{name}", "top level", "refuse", raw
    # 17. random byte flips
    for index in range(60):
        flipped = bytearray(valid)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(flipped))
            flipped[at] = rng.randrange(256)
        yield f"flip-{index}", "byte flips", "any", bytes(flipped)


def manifest_lines() -> list[str]:
    return [f"{name}\t{category}\t{expect}\t{len(raw)}\t{hashlib.sha256(raw).hexdigest()[:16]}"
            for name, category, expect, raw in cases()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write-manifest", action="store_true")
    args = parser.parse_args(argv)
    lines = manifest_lines()
    if args.write_manifest:
        MANIFEST.write_text("name\tcategory\texpect\tbytes\tsha256\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} cases", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
