"""The closed vocabularies of the record, spelled exactly as in the exchange bundle."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

E = TypeVar("E", bound=StrEnum)


class DialogueKind(StrEnum):
    REGIONAL = "regional"
    BILATERAL = "bilateral"
    EXPERT_MEETING = "expert-meeting"
    HIGH_LEVEL = "high-level"
    OTHER = "other"


class DialogueStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class Side(StrEnum):
    EU = "eu"
    PARTNER = "partner"
    OTHER = "other"


class Role(StrEnum):
    """A participant's place in the delegation, as in diplomatic practice (bundle v2)."""

    HEAD = "head"
    DEPUTY_HEAD = "deputy_head"
    ALTERNATE = "alternate"
    ADVISER = "adviser"
    EXPERT = "expert"
    INTERPRETER = "interpreter"
    OBSERVER = "observer"
    MEMBER = "member"


class ParticipationStatus(StrEnum):
    """invited -> confirmed -> attended | absent (did not come) | cancelled (withdrawn before).

    Reports count `attended` only; records from before bundle v2 are all `attended`."""

    INVITED = "invited"
    CONFIRMED = "confirmed"
    ATTENDED = "attended"
    ABSENT = "absent"
    CANCELLED = "cancelled"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CARRIED = "carried"  # continued by an action of a later dialogue (its carried_from); neither open nor done


class PartyType(StrEnum):
    COUNTRY = "country"
    ORGANISATION = "organisation"


def member(kind: type[E], value: Any) -> E:
    """`kind(value)` for a value read from a bundle or a row, at the cost of a dict look-up:
    calling an enum class costs ~1 µs in Python 3.11, and reading a big bundle makes hundreds of
    thousands of such calls (issue 19). A value that is no member goes through `kind(value)`,
    which raises as before."""
    try:
        return kind._value2member_map_[value]  # type: ignore[return-value]
    except (KeyError, TypeError):
        return kind(value)
