"""Round 7 of issue 19, the version 1 record's legacy dot and flat fields written faster: the dot's
text stays byte for byte `json.dumps(flat, sort_keys=True, ensure_ascii=False, default=str)` (every
database names a version 1 record by its SHA-256), and `flatten` gives the very map (its order
included) the loop it replaced gave."""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import replication as rp
from tests.domain.test_replication_encode import _BUNDLE, _v1_records, odd_v1_dialogues, v1_items

_SCALARS = (st.none() | st.booleans() | st.integers(-(2**70), 2**70)
            | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8)
            | st.sampled_from(["Кыргызстан", "ä\u0085b", "\ud7ff", "a\"b\\c\n", "\x00\x1f", "𝄞"])
            | st.dates().map(lambda d: d)  # not JSON: written by `default=str`, as before
            | st.datetimes(timezones=st.just(datetime.UTC)))
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=12)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(max_size=12), _VALUES, max_size=12))
def test_the_legacy_dots_text_is_the_standard_librarys_sorted_json_byte_for_byte(flat: dict[str, Any]) -> None:
    assert rp.legacy_text(flat) == json.dumps(flat, sort_keys=True, ensure_ascii=False, default=str)


class _Text(str):
    """A text of another class (an enum's member is one): the encoder writes its characters."""


_TEXT_ITEMS = st.text(max_size=6) | st.sampled_from(["Кыргызстан", "a\"b\\c\n", "\x00", "𝄞"]) | st.text(
    max_size=3).map(_Text)
# parties in the key orders `record_fields.party_json` writes and others, with values of any kind
_PARTY_VALUES = st.sampled_from([("type", "code"), ("type", "code", "ref"), ("type", "name"), ("type", "name", "ref"),
                                 ("code", "type"), ("name", "type", "ref"), ("type",), ("type", "code", "name")]
                                ).flatmap(lambda keys: st.fixed_dictionaries(
                                    {k: _TEXT_ITEMS | _SCALARS | st.lists(_TEXT_ITEMS, max_size=1) for k in keys}))


@settings(max_examples=500, deadline=None)
@given(_VALUES | st.lists(_TEXT_ITEMS, max_size=4) | st.lists(_TEXT_ITEMS | _SCALARS, max_size=3) | _PARTY_VALUES)
def test_a_value_in_the_one_walks_text_is_the_encoders(value: Any) -> None:
    """Round 9: `_value_text` joins a list of texts and a party of texts itself (no encoder, no set
    of the party's keys); whatever the value, it writes what the sorted JSON's encoder writes."""
    rp._legacy_dialogue_text({"id": "a"})  # the encoder's escaper, imported when first needed
    assert rp._value_text(value) == json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_any_value_alone_is_written_as_the_standard_library_writes_it(value: Any) -> None:
    """Round 9: `legacy_text` calls the C encoder it made once (what `JSONEncoder.encode` makes per
    call); a text, a list, a number or a date alone still reads as `json.dumps` writes it."""
    assert rp.legacy_text(value) == json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def test_the_legacy_dot_of_a_known_record_is_the_one_every_database_computes() -> None:
    """Pinned: a change of the dot's text would name the same version 1 record otherwise here."""
    record = {"id": "7b4a2c86-1d6b-4c49-9d0e-59c8a49c9b51", "name": "Aigerim Исаева", "other_names": ["A. I."],
              "sex": "female", "email": None, "updated_at": "2024-03-01T10:00:00Z"}
    assert rp.legacy_dot("person", record) == ("legacy-7d47fef91cbe", 1)
    dialogue = _v1_records(_BUNDLE)[-1][1]
    text = json.dumps(rp.flatten("dialogue", dialogue), sort_keys=True, ensure_ascii=False, default=str)
    import hashlib

    assert rp.legacy_dot("dialogue", dialogue) == (f"legacy-{hashlib.sha256(text.encode()).hexdigest()[:12]}", 1)


def _flatten_before(kind: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """`replication.flatten` as it was before round 7 (the loop over each collection's fields)."""
    flat = {key: value for key, value in record.items() if key not in rp.NOT_FIELDS}
    if kind != "dialogue":
        return flat
    flat.setdefault("trashed", False)
    for order, delegation in enumerate(record.get("delegations") or ()):
        prefix = f"delegations.{delegation['id']}."
        for name in ("side", "party", "programme_supported", "notes"):
            flat[prefix + name] = delegation.get(name)
        flat.update((prefix + k, v) for k, v in rp._unknown(delegation, "delegations").items())
        flat[prefix + "order"] = order
        for p_order, participant in enumerate(delegation.get("participants") or ()):
            p_prefix = f"participants.{participant['id']}."
            for name in rp.SUBRECORDS["participants"][1]:
                flat[p_prefix + name] = participant.get(name)
            flat.update((p_prefix + k, v) for k, v in rp._unknown(participant, "participants").items())
            flat[p_prefix + "delegation"] = delegation["id"]
            flat[p_prefix + "order"] = p_order
    for collection in ("agenda", "actions"):
        for order, item in enumerate(record.get(collection) or ()):
            prefix = f"{collection}.{item['id']}."
            for name in rp.SUBRECORDS[collection][1]:
                flat[prefix + name] = item.get(name)
            flat.update((prefix + k, v) for k, v in rp._unknown(item, collection).items())
            flat[prefix + "order"] = order
    return flat


def _same_flat(kind: str, record: dict[str, Any]) -> None:
    try:
        before = _flatten_before(kind, record)
    except (KeyError, TypeError, AttributeError) as error:  # not a record the contract lets through
        try:
            rp.flatten(kind, record)
        except (KeyError, TypeError, AttributeError) as raised:
            assert type(raised) is type(error)
            return
        raise AssertionError("flatten took a record the loop refused") from error
    after = rp.flatten(kind, record)
    assert list(after.items()) == list(before.items())


def test_every_record_of_a_version_1_bundle_flattens_as_before() -> None:
    for kind, record in _v1_records(_BUNDLE):
        _same_flat(kind, record)


@settings(max_examples=300, deadline=None)
@given(odd_v1_dialogues())
def test_an_odd_dialogue_flattens_as_before(record: dict[str, Any]) -> None:
    _same_flat("dialogue", record)


@settings(max_examples=200, deadline=None)
@given(v1_items())
def test_a_version_1_item_flattens_as_before(kind_item: tuple[str, dict[str, Any]]) -> None:
    _same_flat(*kind_item)
