"""Reading and checking a bundle file before anything is written.

The JSON Schema is the contract; on top of it we check what a schema cannot say: real dates and
timestamps, `end_date >= start_date`, every referenced id present, known country codes, no id
used twice. The first problem found is reported in one sentence naming where it is.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from desktop_app.db import live_files
from desktop_app.domain.errors import BadBundle
from desktop_app.domain.reference import is_known_country
from desktop_app.domain.replication import replica_problem
from desktop_app.domain.text_rules import forbidden_character, normalised, text_problem
from desktop_app.domain.texts import Text
from desktop_app.domain.validation import dialogue_problems, institution_problems, person_problems
from desktop_app.resources import resource_path
from desktop_app.services.exchange import codec

MAX_BUNDLE_BYTES = 2 << 30  # 2 GB; Settings can change it (the `limit` of read_bundle)
MAX_DEPTH = 32  # the format needs 6 levels; anything deeper is not a bundle
MAX_NUMBER_DIGITS = 30
# Escapes that decode to characters a stored text may not hold (text_rules.FORBIDDEN), or a CR;
# and those characters written raw. A bundle with none of them needs no walk over its texts.
_SUSPECT = re.compile(r"\\u(?:00[01][0-9a-fA-F]|007[fF]|00[89][0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}"
                      r"|[fF]{3}[eEfF])|\\r|[\x7f-\x9f\ufffe\uffff\r]")
# `_SUSPECT` in two cheaper passes (issue 19: its alternation cost 0.4 s on an 18 MB bundle): the
# escapes only where a backslash-u or backslash-r is in the text at all, the characters as one class.
_SUSPECT_ESCAPE = re.compile(r"\\u(?:00[01][0-9a-fA-F]|007[fF]|00[89][0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}"
                             r"|[fF]{3}[eEfF])")
_SUSPECT_CHARACTER = re.compile("[\x7f-\x9f\ufffe\uffff\r]")


def _suspect(text: str) -> bool:
    """`_SUSPECT.search(text)`: the text may hold a character a bundle's texts must not (or a CR)."""
    return ("\\r" in text or ("\\u" in text and _SUSPECT_ESCAPE.search(text) is not None)
            or _SUSPECT_CHARACTER.search(text) is not None)


# `_SUSPECT` read in the file's UTF-8 bytes (issue 19): each character it looks for is a byte or
# a sequence no other character's bytes hold (U+0080-U+009F are C2 80-9F; U+FFFE and U+FFFF are
# EF BF BE and EF BF BF), and each pass starts with one byte found by memchr (a millisecond on an
# 18 MB file), so a bundle without any of them is cleared without reading it as text.
# The escapes and a written CR in one search: a needle of two bytes is not found by memchr, so an
# `in` test of one reads the file byte by byte (~16 ms each at 18 MB), where this search costs ~5 ms.
_SUSPECT_ESCAPE_OR_CR_BYTES = re.compile(rb"\\r|" + _SUSPECT_ESCAPE.pattern.encode("ascii"))
_C1_BYTES = re.compile(b"\xc2[\x80-\x9f]")
_NONCHARACTER_BYTES = re.compile(b"\xef\xbf[\xbe\xbf]")


def _suspect_bytes(raw: bytes) -> bool:
    """`_suspect` of the text these UTF-8 bytes hold (a byte order mark before it or not)."""
    return ((b"\\" in raw and _SUSPECT_ESCAPE_OR_CR_BYTES.search(raw) is not None)
            or b"\r" in raw or b"\x7f" in raw
            or (b"\xc2" in raw and _C1_BYTES.search(raw) is not None)
            or (b"\xef" in raw and _NONCHARACTER_BYTES.search(raw) is not None))


KNOWN_VERSIONS = (1, 2)


def _schema(version: int) -> dict[str, Any]:
    return json.loads(resource_path("contracts", f"bundle-v{version}.schema.json").read_text(encoding="utf-8"))


@cache
def _validator(version: int = 1) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema(version))


@cache
def _fast_validator(version: int = 1) -> Any:
    """A compiled check of the same contract (~15-20x faster than the reference on a valid bundle):
    jsonschema-rs (the contract in Rust: 0.1 s for a 2,000-dialogue bundle, issue 19) where it is
    installed, else fastjsonschema (the contract compiled to Python: 1.5 s).

    It only ever says "valid": when it objects, the reference validator above decides and words
    the problem, so what is accepted and what the officer reads stay those of the contract."""
    return _rust_validator(version) or _python_validator(version)


@cache
def _rust_validator(version: int = 1) -> Any:
    """jsonschema-rs's validator of the contract as a function that raises on anything it objects
    to (a value it cannot take, such as a huge integer, included). It reads the schema's own draft
    (2020-12) and, like the reference, does not assert `format`."""
    return _rust_check(_schema(version))


def _rust_check(schema: dict[str, Any]) -> Any:
    """jsonschema-rs's validator of `schema` as a function that raises on anything it objects to;
    None where jsonschema-rs is not installed or cannot compile the schema."""
    try:
        import jsonschema_rs

        validator = jsonschema_rs.validator_for(schema)
    except Exception:  # not installed, or cannot compile this schema
        return None

    def check(data: Any) -> None:
        if not validator.is_valid(data):
            raise ValueError("the compiled check objects")

    return check


@cache
def _python_validator(version: int = 1) -> Any:
    """The contract compiled to Python by fastjsonschema. The relative `$id` is dropped
    (fastjsonschema would try to fetch it) and the draft named 7, whose keywords are the only ones
    the contract uses."""
    try:
        import fastjsonschema

        schema = _schema(version)
        schema.pop("$id", None)
        schema["$schema"] = "http://json-schema.org/draft-07/schema#"
        return fastjsonschema.compile(schema, use_default=False)  # a reader must not add fields (they travel)
    except Exception:  # not installed, or cannot compile this schema: the reference validator alone
        return None


def read_bundle(path: Path, limit: int | None = None) -> dict[str, Any]:
    """The parsed, fully checked bundle; raises BadBundle with one sentence otherwise.

    Only a regular file is read (a FIFO would hang, /dev/zero never ends), its size is checked
    before reading, and it is read with that limit in case it grows meanwhile."""
    name = path.name
    limit = MAX_BUNDLE_BYTES if limit is None else limit
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise BadBundle(Text("The file %1 does not exist.", path)) from None
    except OSError as error:
        raise BadBundle(Text("The file %1 cannot be read (%2).", path, error.strerror)) from error
    if stat.S_ISDIR(mode):
        raise BadBundle(Text("%1 is a folder, not a bundle file.", path))
    if not stat.S_ISREG(mode):
        raise BadBundle(Text("%1 is not an ordinary file (a device or a pipe), so it is not a bundle.", path))
    if live_files.is_held(path):  # closing a descriptor of it would drop this process's SQLite locks
        raise BadBundle(Text("%1 is the open database, not a bundle; choose the bundle's file.", path))
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise BadBundle(Text("%1 is %2 MB, larger than the %3 MB a bundle may have (Settings).", name,
                                     f"{size / 2**20:,.0f}", f"{limit / 2**20:,.0f}"))
            raw = handle.read(limit + 1)
        if len(raw) > limit:
            raise BadBundle(Text("%1 is larger than the %2 MB a bundle may have (Settings).", name,
                                 f"{limit / 2**20:,.0f}"))
    except OSError as error:
        raise BadBundle(Text("The file %1 cannot be read (%2).", path, error.strerror)) from error
    return parse_bundle(raw, name)


def _number(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _Refused(Text("holds a number %1 digits long; a bundle's numbers have at most %2", f"{len(text):,}",
                            str(MAX_NUMBER_DIGITS)))
    return int(text)


def _decimal(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS + 10:
        raise _Refused(Text("holds a number %1 characters long; a bundle's numbers are short", f"{len(text):,}"))
    return float(text)


def _constant(text: str) -> None:
    raise _Refused(Text("holds %1, which is not a number JSON allows", text))


class _Refused(ValueError):
    """A reason found while parsing: becomes one sentence naming the file (`reason`, a `Text`, so a
    Russian window says it in Russian)."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason)
        self.reason = reason


class CheckedBundle(dict[str, Any]):
    """A bundle `parse_bundle` has read and checked, with the records its domain check read from
    the records' JSON, by the identity of each JSON object (`read`): an import of the same objects
    takes them instead of reading each record a second time (issue 19). Otherwise the bundle dict."""

    read: dict[int, tuple[dict[str, Any], Any]]

    def record_read(self, item: dict[str, Any]) -> Any:
        """The record read from this very JSON object by the check, or None."""
        found = self.read.get(id(item))
        return found[1] if found is not None and found[0] is item else None

    def take_read(self, item: dict[str, Any]) -> Any:
        """`record_read`, let go of here (an import stores it: the bundle holds each only until then)."""
        found = self.record_read(item)
        if found is not None:
            del self.read[id(item)]
        return found


def parse_bundle(raw: bytes, name: str) -> dict[str, Any]:
    if not raw.strip():
        raise BadBundle(Text("%1 is empty; it is not a bundle.", name))
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(raw) > 1 and (raw[0] == 0 or raw[1] == 0)):
        raise BadBundle(Text("%1 is a UTF-16 text file; a bundle is UTF-8 (export it again from "
                             "Dialogue Register).", name))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadBundle(Text("%1 is not a UTF-8 text file, so it is not a bundle.", name)) from error
    try:
        data = json.loads(text, parse_int=_number, parse_float=_decimal, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise BadBundle(Text("%1 is not valid JSON (line %2, column %3: %4).", name, error.lineno, error.colno,
                             error.msg.lower())) from error
    except _Refused as error:
        raise BadBundle(Text("%1 is not a valid bundle: it %2.", name, error.reason)) from error
    except (RecursionError, MemoryError) as error:
        raise BadBundle(Text("%1 is not a valid bundle: it is nested too deeply.", name)) from error
    except ValueError as error:  # anything else json refuses
        raise BadBundle(Text("%1 is not valid JSON (%2).", name, str(error)[:200])) from error
    try:
        valid_at_once = _valid_version_1(data, raw) or _valid_version_2(data, raw)
        if not valid_at_once:  # else every check below passes it
            _check_depth(data, name)
            if _suspect_bytes(raw):
                data = _texts_checked(data, name)
            check_version(data, name)
            check_schema(data, name)
        checked = CheckedBundle(data)
        checked.read = {}
        # `_valid_by` found no suspect bytes: then only a \b or \f escape could make a forbidden text
        check_meaning(checked, name, checked.read, valid_at_once and _no_control_escape(raw))
    except RecursionError as error:
        raise BadBundle(Text("%1 is not a valid bundle: it is nested too deeply.", name)) from error
    return checked


def _no_control_escape(raw: bytes) -> bool:
    """No `\\b` or `\\f` in the bytes. With `_suspect_bytes(raw)` false (and the bytes parsed by
    `json.loads`, which refuses a raw control character in a text), no text of the bundle -- value
    or key -- holds a character `text_rules.FORBIDDEN` finds: raw, every other one is a byte or a
    sequence `_suspect_bytes` looks for (or not UTF-8 at all), and escaped, every `\\u` form of one
    is a `_SUSPECT_ESCAPE`; the short escapes `\\b` (U+0008) and `\\f` (U+000C) are the only others
    (`\\r` is suspect too). `tests/services/test_bundle_suspect.py` holds it over any JSON text.
    A file without a backslash is cleared by one memchr (~0.5 ms at 18 MB); otherwise one search
    (~6 ms; two `in` tests of two bytes would cost ~37 ms, more than the rules it spares)."""
    return b"\\" not in raw or _CONTROL_ESCAPE.search(raw) is None


_CONTROL_ESCAPE = re.compile(rb"\\[bf]")  # may also find an escaped backslash before a b: only caution


def _valid_version_1(data: Any, raw: bytes) -> bool:
    """A version 1 bundle the compiled contract check finds valid, whose bytes hold no text a bundle
    must not hold: the depth check, the texts' check, the version check and the schema check would
    each pass it, so none runs (issue 19: the depth walk visits every value of the file, ~0.1 s
    at 2,000 dialogues). The version 1 contract closes every object and types every array's
    items, so a valid bundle is a few levels deep, far under `MAX_DEPTH`
    (`tests/services/test_bundle_v1_contract_first.py` holds the contract to that), and the
    compiled check descends only where the contract does. Anything else -- a refusal above all --
    goes through the checks in their order and gets the sentence it always got."""
    return _valid_by(data, raw, 1, _fast_validator)


def _valid_version_2(data: Any, raw: bytes) -> bool:
    """A version 2 bundle whose bytes hold no text a bundle must not hold, found valid by the
    compiled contract check and no deeper than `_check_depth` allows by the same compiled pass
    (`_rust_validator_with_depth`): the depth check, the texts' check, the version check and the
    schema check would each pass it, so none runs (issue 19: version 2's contract leaves every
    object open for fields of later versions, so, unlike version 1's, it bounds no depth, and the
    walk in Python visited each of the ~900,000 values of a 2,000-dialogue bundle). Anything else
    -- a refusal above all, or no jsonschema-rs -- goes through the checks in their order and gets
    the sentence it always got."""
    return _valid_by(data, raw, 2, _rust_validator_with_depth)


def _valid_by(data: Any, raw: bytes, version: int, compiled: Callable[[int], Any]) -> bool:
    """A bundle of this `version` whose bytes hold nothing suspect, found valid by the compiled
    check `compiled(version)` makes (None: there is none); any doubt is False, for the checks in
    their order to word it (`_valid_version_1`, `_valid_version_2`)."""
    if type(data) is not dict or type(data.get("version")) is not int or data["version"] != version \
            or data.get("format") != codec.BUNDLE_FORMAT or _suspect_bytes(raw):
        return False
    check = compiled(version)
    if check is None:
        return False
    try:
        check(data)
    except Exception:  # the checks in their order word it
        return False
    return True


def _depth_definitions() -> dict[str, Any]:
    """JSON Schema definitions `nested-0` ... `nested-MAX_DEPTH`: a value valid under `nested-0`
    holds no container `MAX_DEPTH` levels below it (itself at level 0), which is what
    `_check_depth` lets through (`tests/services/test_bundle_v2_at_once.py` holds the two equal)."""
    definitions: dict[str, Any] = {
        f"nested-{level}": {"items": {"$ref": f"#/$defs/nested-{level + 1}"},
                            "additionalProperties": {"$ref": f"#/$defs/nested-{level + 1}"}}
        for level in range(MAX_DEPTH)}
    definitions[f"nested-{MAX_DEPTH}"] = {"type": ["null", "boolean", "number", "string"]}
    return definitions


@cache
def _rust_validator_with_depth(version: int) -> Any:
    """`_rust_validator` of the contract and, in the same pass, of the depth `_check_depth`
    allows (`_depth_definitions` added to the contract's own): a function that raises on
    anything either objects to; None without jsonschema-rs."""
    schema = _schema(version)
    assert not set(_depth_definitions()) & set(schema["$defs"]) and "allOf" not in schema
    schema["$defs"].update(_depth_definitions())
    schema["allOf"] = [{"$ref": "#/$defs/nested-0"}]
    return _rust_check(schema)


def _check_depth(data: Any, name: str) -> None:
    """The format is six levels deep; refuse anything deeper than MAX_DEPTH before it is walked.
    `data` is parsed JSON, whose containers are exactly `dict` and `list`: an exact type test per
    value is about half the cost of `isinstance` with a tuple (issue 19: every value of the file)."""
    level: list[Any] = [data] if isinstance(data, (dict, list)) else []
    for depth in range(MAX_DEPTH + 1):
        level = [child for node in level for child in (node.values() if type(node) is dict else node)
                 if type(child) is dict or type(child) is list]
        if not level:
            return
        if depth == MAX_DEPTH - 1:
            raise BadBundle(Text("%1 is not a valid bundle: it is nested more than %2 levels deep.", name,
                                 MAX_DEPTH))


def _texts_checked(data: Any, name: str, where: tuple[Any, ...] = ()) -> Any:
    """Every text (values and keys) storable, CRLF made LF; the first bad one named with its place."""
    if isinstance(data, str):
        if text_problem(data):
            raise _bad_text(data, name, where, key=False)
        return normalised(data)
    if isinstance(data, list):
        return [_texts_checked(item, name, (*where, index)) for index, item in enumerate(data)]
    if isinstance(data, dict):
        checked = {}
        for key, value in data.items():
            if text_problem(key):
                raise _bad_text(key, name, where, key=True)
            checked[key] = _texts_checked(value, name, (*where, key))
        return checked
    return data


def _bad_text(text: str, name: str, where: tuple[Any, ...], key: bool) -> BadBundle:
    """The refusal of a text (a value, or a field name when `key`) holding a character a bundle must not
    hold: each kind of character and each place its own sentence, so a language words it whole (round 17:
    a Russian window read «недопустимый пакет обмена: note holds the control character U+0007 …»)."""
    found = forbidden_character(text)
    assert found is not None  # text_problem(text) said so
    kind, spelled, at = found
    args = (name, _where(where), spelled, str(at))
    if kind == "surrogate" and key:
        said = Text("%1 is not a valid bundle: a field name in %2 holds half of a character (a lone surrogate %3) "
                    "at position %4.", *args)
    elif kind == "surrogate":
        said = Text("%1 is not a valid bundle: %2 holds half of a character (a lone surrogate %3) at position %4.",
                    *args)
    elif kind == "non-character" and key:
        said = Text("%1 is not a valid bundle: a field name in %2 holds the non-character %3 at position %4.", *args)
    elif kind == "non-character":
        said = Text("%1 is not a valid bundle: %2 holds the non-character %3 at position %4.", *args)
    elif key:
        said = Text("%1 is not a valid bundle: a field name in %2 holds the control character %3 at position %4.",
                    *args)
    else:
        said = Text("%1 is not a valid bundle: %2 holds the control character %3 at position %4.", *args)
    return BadBundle(said)


def check_version(data: Any, name: str) -> None:
    """A newer bundle is refused with a sentence asking to update (docs/exchange.md "Growing the format")."""
    if not isinstance(data, dict) or data.get("format") != codec.BUNDLE_FORMAT:
        return  # the schema words it
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > max(KNOWN_VERSIONS):
        made_by = data.get("program_version")
        raise BadBundle(Text("%1 was made by a newer Dialogue Register (version %2); update to import it.", name,
                             made_by if isinstance(made_by, str) and made_by else f"bundle format {version}"))
    if "version" in data and not (isinstance(version, int) and not isinstance(version, bool)
                                  and version in KNOWN_VERSIONS):
        # read as version 1, the schema would blame the first field version 1 lacks, not the version
        raise BadBundle(Text("%1 is not a valid bundle: %2 %3.", name, "version",
                             f"is {_short(version)}, but must be one of "
                             f"{', '.join(str(known) for known in KNOWN_VERSIONS)}"))


def bundle_version(data: Any) -> int:
    version = data.get("version") if isinstance(data, dict) else None
    # `True == 1`: a retyped version must not pass for version 1 (the schema then refuses it)
    return version if isinstance(version, int) and not isinstance(version, bool) and version in KNOWN_VERSIONS else 1


def _where(path: Iterable[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or Text("the top level")  # a Text: a Russian window says it in Russian (round 17)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def check_schema(data: Any, name: str) -> None:
    version = bundle_version(data)
    fast = _fast_validator(version)
    if fast is not None:
        try:
            fast(data)
            return
        except Exception:
            pass
    from jsonschema.exceptions import best_match

    error = best_match(_validator(version).iter_errors(data))
    if error is None:
        return
    where = _where(error.absolute_path)
    kind, expected = error.validator, error.validator_value
    if kind == "maxLength":
        reason = Text("is %1 characters long; at most %2 are allowed", f"{len(error.instance):,}", f"{expected:,}")
    elif kind == "minLength":
        reason = Text("is empty")
    elif kind == "required":
        missing = [key for key in expected if key not in error.instance]
        reason = Text("lacks the required field “%1”", missing[0] if missing else expected[0])
    elif kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        reason = Text("has a field the format does not know (“%1”)", extra[0] if extra else "?")
    elif kind == "enum":
        reason = Text("is %1, but must be one of %2", _short(error.instance), ", ".join(_short(v) for v in expected))
    elif kind == "const":
        reason = Text("is %1, but must be %2", _short(error.instance), _short(expected))
    elif kind == "pattern":
        reason = Text("is %1, which is not in the expected form", _short(error.instance))
    elif kind == "type":
        reason = Text("is %1, but must be of type %2", _short(error.instance), expected)
    else:
        reason = Text("is %1, which the bundle format does not allow", _short(error.instance))
    raise BadBundle(Text("%1 is not a valid bundle: %2 %3.", name, where, reason))


def check_meaning(data: dict[str, Any], name: str, read: dict[int, tuple[dict[str, Any], Any]] | None = None,
                  texts_clean: bool = False) -> None:
    """The bundle's domain rules and references. `read`: filled with each record read from its
    JSON (by the JSON object's identity), for `CheckedBundle`. `texts_clean`: no text of the
    bundle holds a forbidden character (`_no_control_escape`), so the rules do not look again."""
    read = {} if read is None else read

    def fail(where: str, reason: str) -> None:
        if reason.endswith("."):  # a rule's own sentence ("is wrong: The title is required."): one full stop
            raise BadBundle(Text("%1 is not a valid bundle: %2 %3", name, where, reason))
        raise BadBundle(Text("%1 is not a valid bundle: %2 %3.", name, where, reason))

    def timestamp(where: str, record: dict[str, Any], key: str = "updated_at") -> None:
        if key in record:
            try:
                moment = codec.parse_timestamp(record[key])
            except (ValueError, OverflowError, TypeError):
                fail(f"{where}.{key}", Text("is %1, which is not a real date and time", _short(record[key])))
            if not 1900 <= moment.year <= 9000:
                fail(f"{where}.{key}", Text("is %1, which is outside the years 1900 to 9000", _short(record[key])))

    timestamp("the top level", data, "exported_at")
    replicated = bundle_version(data) >= 2
    seen: set[str] = set()

    def replicated_state(where: str, record: dict[str, Any]) -> None:
        problem = replica_problem(record) if replicated else None
        if problem is not None:
            fail(f"{where}.{problem[0]}", problem[1])

    def unique(where: str, record_id: str) -> None:
        key = record_id.lower()
        if key in seen:
            fail(f"{where}.id", Text("repeats the id %1, which is already used in this bundle", record_id))
        seen.add(key)

    people = set()
    for i, person in enumerate(data["people"]):
        where = f"people[{i}]"
        unique(where, person["id"])
        timestamp(where, person)
        replicated_state(where, person)
        person_read = read[id(person)] = (person, codec.person_from_json(person))
        for problem in person_problems(person_read[1], texts_clean):
            fail(f"{where}.{problem.field}", Text("is wrong: %1", problem.message))
        people.add(person["id"])
    institutions = set()
    for i, institution in enumerate(data["institutions"]):
        where = f"institutions[{i}]"
        unique(where, institution["id"])
        timestamp(where, institution)
        replicated_state(where, institution)
        if institution.get("country") is not None and not is_known_country(institution["country"]):
            fail(f"{where}.country", Text("is “%1”, which is not a known country code", institution["country"]))
        institution_read = read[id(institution)] = (institution, codec.institution_from_json(institution))
        for problem in institution_problems(institution_read[1]):
            fail(f"{where}.{problem.field}", Text("is wrong: %1", problem.message))
        institutions.add(institution["id"])
    for i, dialogue in enumerate(data["dialogues"]):
        where = f"dialogues[{i}]"
        unique(where, dialogue["id"])
        timestamp(where, dialogue)
        replicated_state(where, dialogue)
        for key in ("start_date", "end_date"):
            if dialogue.get(key) is not None:
                _real_date(f"{where}.{key}", dialogue[key], fail)
        for j, action in enumerate(dialogue.get("actions") or ()):
            for key in ("due_date", "done_on"):
                if action.get(key) is not None:
                    _real_date(f"{where}.actions[{j}].{key}", action[key], fail)
        for collection in ("agenda", "actions"):  # one id twice: the second would replace the first
            used: set[str] = set()
            for j, item in enumerate(dialogue.get(collection) or ()):
                item_id = item.get("id")
                if isinstance(item_id, str):
                    if item_id.lower() in used:
                        fail(f"{where}.{collection}[{j}].id",
                             Text("repeats the id %1, which is already used in this dialogue", item_id))
                    used.add(item_id.lower())
        if not _ids_and_references_kept(dialogue["delegations"], seen, people, institutions):
            # the same checks one by one, in the file's order: the first problem is worded
            _ids_and_references_checked(where, dialogue, unique, people, institutions, fail)
        dialogue_read = read[id(dialogue)] = (dialogue, codec.dialogue_from_json(dialogue))
        for problem in dialogue_problems(dialogue_read[1], texts_clean):
            if replicated and problem.field.endswith("]") and ".participants[" in problem.field:
                continue  # a merge may list one person twice: a waiting conflict, not a broken file
            fail(f"{where}.{problem.field}", Text("is wrong: %1", problem.message))
    for i, tombstone in enumerate(data.get("deleted") or ()):
        timestamp(f"deleted[{i}]", tombstone, "deleted_at")


def _ids_and_references_kept(delegations: list[dict[str, Any]], seen: set[str], people: set[str],
                             institutions: set[str]) -> bool:
    """A dialogue's delegations and participants pass `_ids_and_references_checked`: every id
    new to the bundle (lower-case) and used once, every person and institution named in the
    bundle. Then their ids are added to `seen`; otherwise (or where a value is not what the schema
    lets through) nothing is, and the checks one by one word the first problem. Whether they all
    pass does not depend on their order, so sets decide it in C (issue 19: ~70,000 ids and
    references at 2,000 dialogues, each with its place written out before it was checked)."""
    try:
        participants = [p for d in delegations for p in d["participants"]]
        ids = [d["id"].lower() for d in delegations]
        ids += [p["id"].lower() for p in participants]
        fresh = set(ids)
        if len(fresh) != len(ids) or not seen.isdisjoint(fresh) \
                or not people.issuperset([p["person_id"] for p in participants]):
            return False
        named = {p.get("institution_id") for p in participants}
        named.discard(None)
        if not institutions.issuperset(named):
            return False
    except (KeyError, TypeError, AttributeError):  # the checks one by one raise what they always raised
        return False
    seen.update(fresh)
    return True


def _ids_and_references_checked(where: str, dialogue: dict[str, Any], unique: Any, people: set[str],
                                institutions: set[str], fail: Any) -> None:
    """Each delegation's and participant's id used once in the bundle, each person and institution
    named in it: the first problem in the file's order refused with its place."""
    for j, delegation in enumerate(dialogue["delegations"]):
        unique(f"{where}.delegations[{j}]", delegation["id"])
        for k, participant in enumerate(delegation["participants"]):
            at = f"{where}.delegations[{j}].participants[{k}]"
            unique(at, participant["id"])
            if participant["person_id"] not in people:
                fail(f"{at}.person_id", Text("refers to person %1, who is not in the bundle", participant["person_id"]))
            institution_id = participant.get("institution_id")
            if institution_id is not None and institution_id not in institutions:
                fail(f"{at}.institution_id",
                     Text("refers to institution %1, which is not in the bundle", institution_id))


def _real_date(where: str, text: str, fail: Any) -> None:
    try:
        codec.parse_date(text)
    except (ValueError, OverflowError, TypeError):
        fail(where, Text("is %1, which is not a real date", text))
