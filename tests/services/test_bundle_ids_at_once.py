"""A dialogue's delegation and participant ids and references checked at once, by sets
(`validation._ids_and_references_kept`, issue 19), pass exactly where the checks one by one pass,
leave the same ids seen, and add none where those refuse (which then word the refusal)."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.domain.errors import BadBundle
from desktop_app.services.exchange import validation

_BUNDLE = make_bundle(5, people=60)
PEOPLE = {p["id"] for p in _BUNDLE["people"]}
INSTITUTIONS = {i["id"] for i in _BUNDLE["institutions"]}
EARLIER = [d["id"] for d in _BUNDLE["dialogues"][0]["delegations"]]
ANY_ID = st.sampled_from([*sorted(PEOPLE)[:3], *sorted(INSTITUTIONS)[:2], *EARLIER, "x", "X", "00000000-0000"])


def _one_by_one(delegations: list[dict[str, Any]], seen: set[str]) -> tuple[str, Any]:
    def unique(where: str, record_id: str) -> None:
        key = record_id.lower()
        if key in seen:
            fail(f"{where}.id", f"repeats the id {record_id}")
        seen.add(key)

    def fail(where: str, reason: str) -> None:
        raise BadBundle(f"{where} {reason}")

    try:
        validation._ids_and_references_checked("dialogues[1]", {"delegations": delegations}, unique, PEOPLE,
                                               INSTITUTIONS, fail)
    except BadBundle as refusal:
        return "refused", str(refusal)
    except Exception as error:  # what a value the schema would have refused raises
        return "raised", type(error)
    return "kept", sorted(seen)


@st.composite
def delegations(draw: st.DrawFn) -> list[dict[str, Any]]:
    found = copy.deepcopy(draw(st.sampled_from(_BUNDLE["dialogues"][1:]))["delegations"])
    for _ in range(draw(st.integers(0, 3))):
        if not found:
            break
        delegation = draw(st.sampled_from(found))
        participant = draw(st.sampled_from(delegation["participants"])) if delegation["participants"] else None
        change = draw(st.sampled_from(["delegation id", "participant id", "person", "institution", "upper", "odd"]))
        if change == "delegation id":
            delegation["id"] = draw(ANY_ID)
        elif participant is None:
            continue
        elif change == "participant id":
            participant["id"] = draw(ANY_ID | st.sampled_from([d["id"] for d in found]))
        elif change == "person":
            participant["person_id"] = draw(ANY_ID)
        elif change == "institution":
            participant["institution_id"] = draw(st.none() | ANY_ID)
        elif change == "upper" and isinstance(participant["id"], str):
            participant["id"] = participant["id"].upper()
        else:
            key = draw(st.sampled_from(["id", "person_id", "institution_id"]))
            participant[key] = draw(st.sampled_from([None, 7, ["a"], {"b": 1}]))
    return found


@settings(max_examples=400, deadline=None)
@given(delegations(), st.booleans())
def test_at_once_passes_where_one_by_one_passes(found: list[dict[str, Any]], earlier_seen: bool) -> None:
    seen_before = {i.lower() for i in EARLIER} if earlier_seen else set()
    expected = _one_by_one(found, set(seen_before))
    seen = set(seen_before)
    kept = validation._ids_and_references_kept(found, seen, PEOPLE, INSTITUTIONS)
    assert kept == (expected[0] == "kept")
    assert sorted(seen) == (expected[1] if kept else sorted(seen_before))


def test_every_dialogue_of_a_bundle_passes_at_once() -> None:
    seen: set[str] = set()
    for dialogue in _BUNDLE["dialogues"]:
        assert validation._ids_and_references_kept(dialogue["delegations"], seen, PEOPLE, INSTITUTIONS)
