"""The rows and records read each enumeration member's value as `_value_` where it runs per
participant (issue 19: `Enum.value` is a Python descriptor): it is the member's value, a plain
text, for every member of every enumeration a record holds (a subclass of `str` would change the
record's JSON and its legacy dot)."""

from __future__ import annotations

import enum

import pytest

from desktop_app.domain import enums


@pytest.mark.parametrize("kind", [value for value in vars(enums).values()
                                  if isinstance(value, type) and issubclass(value, enum.Enum)
                                  and value.__module__ == enums.__name__])
def test_every_members_underscore_value_is_its_value_as_plain_text(kind: type[enum.Enum]) -> None:
    assert list(kind)
    for member in kind:
        assert member._value_ == member.value
        assert type(member._value_) is type(member.value) is str
