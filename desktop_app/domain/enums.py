"""The closed vocabularies of the record, spelled exactly as in the exchange bundle."""

from __future__ import annotations

from enum import StrEnum


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
    HEAD = "head"
    MEMBER = "member"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class PartyType(StrEnum):
    COUNTRY = "country"
    ORGANISATION = "organisation"
