"""Round 9 of issue 19: `record_fields.party_json` keeps the JSON of each party it has written (by
what the JSON and its `ref` depend on: whether it is a country, its code and its name) and hands
out a copy, instead of looking the party up in the reference lists again (~12 parties a dialogue,
an organisation's name compared with every listed name). Whatever the party and however often it is
written, the JSON is the one the lookup gives, and changing one copy changes no other."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import record_fields as rf
from desktop_app.domain import reference
from desktop_app.domain.enums import PartyType
from desktop_app.domain.records import Party

_LISTED = sorted({o.name for o in reference.organisations()} | {o.acronym for o in reference.organisations()
                                                                 if o.acronym})
_CODES = st.none() | st.sampled_from([*sorted(reference.countries())[:20], "XX", "", "kz"])
_NAMES = st.none() | st.sampled_from(_LISTED) | st.text(alphabet="abcEUDА -", max_size=8)
_PARTIES = st.builds(Party, st.sampled_from(list(PartyType)), _CODES, _NAMES)


def _party_json_before(party: Party | None, with_ref: bool = True) -> dict[str, Any] | None:
    """`party_json` before round 9: the lookup each time."""
    if party is None:
        return None
    if party.type is PartyType.COUNTRY:
        data: dict[str, Any] = {"type": "country", "code": party.code}
    else:
        data = {"type": "organisation", "name": party.name}
    ref = reference.party_ref(party) if with_ref else None
    if ref:
        data["ref"] = ref
    return data


@settings(max_examples=400, deadline=None)
@given(st.lists(st.none() | _PARTIES, max_size=8), st.booleans())
def test_a_party_writes_as_the_lookup_gives_it_each_time(parties: list[Party | None], with_ref: bool) -> None:
    for party in parties + parties:
        written = rf.party_json(party, with_ref)
        expected = _party_json_before(party, with_ref)
        assert written == expected
        assert list(written or ()) == list(expected or ())  # the keys' order: the legacy dot reads it
        if written is not None:
            written["name"] = "changed"  # a copy: the next party's JSON is untouched
            written.pop("ref", None)
    for party in parties:
        assert rf.party_json(party, with_ref) == _party_json_before(party, with_ref)


def test_a_party_of_values_that_are_not_texts_writes_as_before() -> None:
    """A replica's values are not schema-checked: a code that is a list is written as the lookup writes it."""
    party = Party(PartyType.ORGANISATION, ["KZ"], "Europol")  # type: ignore[arg-type]
    assert rf.party_json(party, with_ref=False) == _party_json_before(party, with_ref=False)
