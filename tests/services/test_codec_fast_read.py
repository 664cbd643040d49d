"""A dialogue read from a bundle's JSON by the quick way (`codec._dialogue_read`: each part built
by its fields' positions, issue 19) is the record the reading by keywords makes, to the order of each part's
fields; where the JSON cannot be read, `dialogue_from_json` raises what it always raised."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.services.exchange import codec

_BUNDLE = make_bundle(6, people=80)
_DIALOGUES = _BUNDLE["dialogues"]


def _as_built(value: Any) -> Any:
    """Every field of a record and of its parts, with its type and the order of its own dict (or slots)
    (equality alone leaves out an action's or agenda item's id and the parts' types)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        layout = list(vars(value)) if hasattr(value, "__dict__") else type(value).__dict__["__slots__"]
        return (type(value).__name__, layout,
                [(f.name, _as_built(getattr(value, f.name))) for f in dataclasses.fields(value)])
    if isinstance(value, tuple):
        return tuple(_as_built(v) for v in value)
    return (type(value).__name__, value)


def _outcome(read: Any, data: Any) -> Any:
    try:
        return "read", _as_built(read(data))
    except Exception as error:  # the kind of error is what is compared
        return "raised", type(error)


def test_every_dialogue_of_a_bundle_is_read_the_quick_way() -> None:
    for item in _DIALOGUES:
        assert _as_built(codec._dialogue_read(item)) == _as_built(codec._dialogue_from_json_keywords(item))


ODD = st.sampled_from([None, "", "x", "KZ", "head", "attended", "2020-02-30", "2021-03-04", "2021-03-04T10:00:00Z",
                       0, 1, True, False, [], ["a"], {}, {"type": "country"}, {"type": "organisation", "name": "O"},
                       {"type": "country", "code": "KZ", "ref": "iso3166:KZ"}, "not-a-uuid",
                       "5563448d-a8c9-410b-bc6c-a152e7f75ae5"])
TOP_KEYS = ["id", "title", "kind", "start_date", "status", "series", "end_date", "city", "country", "online", "chair",
            "supporting_programmes", "frameworks", "topics", "summary", "agenda", "delegations", "actions",
            "updated_at", "trashed", "version"]
DELEGATION_KEYS = ["id", "side", "party", "programme_supported", "notes", "participants"]
PARTICIPANT_KEYS = ["id", "person_id", "institution_id", "position", "role", "status", "programme_funded"]
AGENDA_KEYS = ["id", "title", "presenter", "notes"]
ACTION_KEYS = ["id", "description", "owner", "due_date", "status", "carried_from", "done_on"]
GOOD = {"status": st.sampled_from(["invited", "confirmed", "attended", "absent", "cancelled"]),
        "programme_funded": st.booleans(), "role": st.sampled_from(["head", "member", "deputy-head", "expert"]),
        "side": st.sampled_from(["eu", "partner", "other"]), "kind": st.sampled_from(["regional", "bilateral"]),
        "done_on": st.sampled_from(["2020-01-01", None]), "carried_from": st.sampled_from(["a-0", None])}


def _change(draw: st.DrawFn, record: dict[str, Any], keys: list[str]) -> None:
    key = draw(st.sampled_from(keys))
    how = draw(st.sampled_from(["drop", "odd", "good"]))
    if how == "drop":
        record.pop(key, None)
    elif how == "good" and key in GOOD:
        record[key] = draw(GOOD[key])
    else:
        record[key] = draw(ODD)


def _records(value: Any) -> list[dict[str, Any]]:
    """The sub-records among a list an earlier change may have made odd (["a"], a text, None)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


@st.composite
def dialogue_json(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(draw(st.sampled_from(_DIALOGUES)))
    for _ in range(draw(st.integers(0, 4))):
        where = draw(st.sampled_from(["top", "delegation", "participant", "agenda", "action"]))
        delegations = _records(data.get("delegations"))
        participants = _records(delegations[-1].get("participants")) if delegations else []
        agenda, actions = _records(data.get("agenda")), _records(data.get("actions"))
        if where == "top":
            _change(draw, data, TOP_KEYS)
        elif where == "delegation" and delegations:
            _change(draw, delegations[0], DELEGATION_KEYS)
        elif where == "participant" and participants:
            _change(draw, participants[-1], PARTICIPANT_KEYS)
        elif where == "agenda" and agenda:
            _change(draw, agenda[0], AGENDA_KEYS)
        elif where == "action" and actions:
            _change(draw, actions[-1], ACTION_KEYS)
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dialogue_json())
def test_the_quick_way_reads_what_the_keywords_read(data: dict[str, Any]) -> None:
    keywords = _outcome(codec._dialogue_from_json_keywords, data)
    quick = _outcome(codec._dialogue_read, data)
    if quick[0] == "read":  # it answers only with the very record the keywords make
        assert quick == keywords
    else:
        assert _outcome(codec.dialogue_from_json, data) == keywords  # the error it always raised, or the record
    assert _outcome(codec.dialogue_from_json, data) == keywords


def test_each_builder_makes_its_class_s_record() -> None:
    """Each part built as its class builds it (`codec._participant` ...): every field of the class,
    set in its order, so a field added to a record class fails here, not in an import."""
    from desktop_app.domain import records as r

    builders: Any = ((codec._party, r.Party), (codec._participant, r.Participant),
                      (codec._delegation, r.Delegation), (codec._agenda_item, r.AgendaItem),
                      (codec._action, r.Action), (codec._dialogue, r.Dialogue))
    for build, cls in builders:
        values = [f"{field.name} value" for field in dataclasses.fields(cls)]
        built, made = build(*values), cls(*values)
        assert type(built) is cls
        assert _as_built(built) == _as_built(made)
        assert [getattr(built, field.name) for field in dataclasses.fields(cls)] == values
        assert built == made and repr(built) == repr(made) and hash(built) == hash(made)
        with pytest.raises(dataclasses.FrozenInstanceError):
            built.id = "changed"
        if not hasattr(made, "__dict__"):  # the slots, every one set, are the fields
            assert cls.__slots__ == tuple(field.name for field in dataclasses.fields(cls))


PERSON_KEYS = ["id", "name", "other_names", "sex", "email", "updated_at", "revision"]


@st.composite
def person_json(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(draw(st.sampled_from(_BUNDLE["people"])))
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(PERSON_KEYS))
        how = draw(st.sampled_from(["drop", "odd", "good"]))
        if how == "drop":
            data.pop(key, None)
        elif how == "good" and key == "sex":
            data[key] = draw(st.sampled_from(["male", "female", "other", None, ""]))
        else:
            data[key] = draw(ODD)
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(person_json())
def test_a_person_is_read_the_quick_way_as_by_keywords(data: dict[str, Any]) -> None:
    keywords = _outcome(codec._person_from_json_keywords, data)
    quick = _outcome(codec._person_read, data)
    if quick[0] == "read":  # it answers only with the very record the keywords make
        assert quick == keywords
    assert _outcome(codec.person_from_json, data) == keywords


def test_every_person_of_a_bundle_is_read_the_quick_way() -> None:
    for item in _BUNDLE["people"]:
        assert _as_built(codec._person_read(item)) == _as_built(codec._person_from_json_keywords(item))


def test_a_known_country_s_party_is_the_one_it_always_was() -> None:
    """The quick way shares one party per known country (`codec._country_parties`): equal to the
    party made anew, of its own code; an unknown code or a retyped one is built as before."""
    from desktop_app.domain import records as r
    from desktop_app.domain.enums import PartyType
    from desktop_app.domain.reference import countries

    for code in countries():
        shared = codec._party_read({"type": "country", "code": code})
        assert shared == r.Party.country(code) and _as_built(shared) == _as_built(r.Party.country(code))
        assert shared is codec._party_read({"type": "country", "code": code})
    for code in ("XX", "", "kz"):
        assert _as_built(codec._party_read({"type": "country", "code": code})) == _as_built(r.Party.country(code))
    assert codec._party_read({"type": "country", "code": None}) == r.Party(PartyType.COUNTRY, None, None)
