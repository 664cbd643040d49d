"""A participant's checks in the bundle's domain check (ids used once, lower-case; the person and
the institution named are in the bundle): each refusal names the place and the first check that
fails, in the file's order (written for issue 19, where a quicker loop for the usual participant
was tried: it saved ~0.02 s at 2,000 dialogues and was not kept)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from desktop_app.domain.errors import BadBundle
from desktop_app.services.exchange.validation import check_meaning
from tests.services.test_exchange import SAMPLES

MISSING = "00000000-0000-4000-8000-000000000000"


def _refusal(mutate: Callable[[dict[str, Any]], None]) -> str:
    data = json.loads(SAMPLES.read_text(encoding="utf-8"))
    mutate(data)
    with pytest.raises(BadBundle) as caught:
        check_meaning(data, "b.json")
    return str(caught.value)


def _participant(data: dict[str, Any], j: int = 0, k: int = 1) -> dict[str, Any]:
    return data["dialogues"][-1]["delegations"][j]["participants"][k]


def _where(j: int = 0, k: int = 1) -> str:
    return f"b.json is not a valid bundle: dialogues[3].delegations[{j}].participants[{k}]"


def test_a_participant_id_used_before_is_named_with_its_place() -> None:
    def mutate(data: dict[str, Any]) -> None:  # the id of a delegation, in capitals: ids are compared lower-case
        _participant(data)["id"] = data["dialogues"][0]["delegations"][0]["id"].upper()
    used = json.loads(SAMPLES.read_text(encoding="utf-8"))["dialogues"][0]["delegations"][0]["id"].upper()
    assert _refusal(mutate) == f"{_where()}.id repeats the id {used}, which is already used in this bundle."


def test_a_participant_id_repeated_in_its_own_delegation() -> None:
    def mutate(data: dict[str, Any]) -> None:
        _participant(data, k=1)["id"] = _participant(data, k=0)["id"]
    assert _refusal(mutate).startswith(f"{_where(k=1)}.id repeats the id ")


def test_a_person_not_in_the_bundle() -> None:
    assert _refusal(lambda data: _participant(data).update(person_id=MISSING)) == (
        f"{_where()}.person_id refers to person {MISSING}, who is not in the bundle.")


def test_an_institution_not_in_the_bundle() -> None:
    assert _refusal(lambda data: _participant(data).update(institution_id=MISSING)) == (
        f"{_where()}.institution_id refers to institution {MISSING}, which is not in the bundle.")


def test_the_first_check_in_order_is_the_one_worded() -> None:
    def both(data: dict[str, Any]) -> None:
        _participant(data).update(person_id=MISSING, institution_id=MISSING)
    assert ".person_id refers to person" in _refusal(both)

    def repeated_and_missing(data: dict[str, Any]) -> None:
        _participant(data).update(id=_participant(data, k=0)["id"], person_id=MISSING, institution_id=MISSING)
    assert _refusal(repeated_and_missing).startswith(f"{_where()}.id repeats the id ")

    def earlier_place_first(data: dict[str, Any]) -> None:  # the first participant in the file is named
        _participant(data, j=1, k=0).update(person_id=MISSING)
        _participant(data, j=0, k=1).update(institution_id=MISSING)
    assert _refusal(earlier_place_first).startswith(f"{_where(j=0, k=1)}.institution_id ")


def test_a_valid_bundle_passes() -> None:
    check_meaning(json.loads(SAMPLES.read_text(encoding="utf-8")), "b.json")
