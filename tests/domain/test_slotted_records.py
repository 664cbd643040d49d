"""A participant and a delegation keep their slots (issue 19: ~80,000 of them at 2,000 dialogues)
and behave as the frozen records they were: equal and hashed by their fields, unchangeable,
copied, replaced, turned into dicts and pickled as before."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from desktop_app.domain import records as r
from desktop_app.domain.enums import ParticipationStatus, Role, Side


def _delegation() -> r.Delegation:
    head = r.Participant("p-1", "person-1", Role.HEAD, "i-1", "Minister", ParticipationStatus.ATTENDED, True)
    return r.Delegation("d-1", Side.PARTNER, r.Party.country("KZ"), True, "notes",
                        (head, r.Participant(id="p-2", person_id="person-2")))


def test_the_records_with_slots_have_no_dict() -> None:
    delegation = _delegation()
    for record in (delegation, delegation.participants[0]):
        assert not hasattr(record, "__dict__")
        assert type(record).__slots__ == tuple(f.name for f in dataclasses.fields(record))


def test_they_behave_as_frozen_records() -> None:
    delegation = _delegation()
    participant = delegation.participants[1]
    assert participant == r.Participant("p-2", "person-2", Role.MEMBER, None, None, ParticipationStatus.ATTENDED,
                                        False)
    assert hash(delegation) == hash(_delegation()) and delegation == _delegation()
    with pytest.raises(dataclasses.FrozenInstanceError):
        participant.position = "Deputy"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        delegation.notes = None  # type: ignore[misc]
    assert dataclasses.replace(participant, position="Deputy").position == "Deputy"
    assert dataclasses.asdict(delegation)["participants"][0]["position"] == "Minister"
    for twin in (copy.copy(delegation), copy.deepcopy(delegation), pickle.loads(pickle.dumps(delegation))):
        assert twin == delegation and twin.participants[0].role is Role.HEAD
