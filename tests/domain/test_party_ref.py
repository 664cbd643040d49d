"""A party travels with its reference-list id (`ref`, bundle v2) and is read back by it (issue 16).

Properties over every name in the reference lists, countries and free names, at any date: what a
bundle carries reads back unchanged with its `ref`; version 1's shape (no `ref`) reads back
unchanged; a known `ref` wins over a name the lists do not give that organisation, as the name in
force on the meeting's date; an unknown `ref` changes nothing."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import record_fields as rf
from desktop_app.domain import reference
from desktop_app.domain.records import Party

LISTED = sorted({o.name for o in reference.organisations()} | {o.acronym for o in reference.organisations()
                                                                if o.acronym})
REFS = sorted({o.ref for o in reference.organisations() if o.ref})
free_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz АБВжқ-", min_size=1, max_size=20).filter(str.strip)
parties = st.one_of(
    st.sampled_from(LISTED).map(Party.organisation),
    st.sampled_from(sorted(reference.countries())).map(Party.country),
    st.sampled_from(["XX", "QQ"]).map(Party.country),  # codes the lists do not know
    free_names.map(Party.organisation))
days = st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
EMCDDA = Party.organisation("European Monitoring Centre for Drugs and Drug Addiction")
EUDA = Party.organisation("European Union Drugs Agency")


@settings(max_examples=300, deadline=None)
@given(party=parties, on=days)
def test_a_party_reads_back_as_written_with_its_ref(party: Party, on: date | None) -> None:
    data = rf.party_json(party)
    assert data is not None
    assert data.get("ref") == reference.party_ref(party)
    assert ("ref" in data) == (reference.party_ref(party) is not None)  # no `"ref": null` noise
    assert rf.party_of(data, on) == party  # nothing recorded is renamed by travelling


@settings(max_examples=200, deadline=None)
@given(party=parties, on=days)
def test_version_1_has_no_ref_and_reads_back_unchanged(party: Party, on: date | None) -> None:
    data = rf.party_json(party, with_ref=False)
    assert data is not None and "ref" not in data
    assert rf.party_of(data, on) == party


@settings(max_examples=200, deadline=None)
@given(ref=st.sampled_from(REFS), name=free_names, on=days)
def test_a_known_ref_wins_over_a_name_the_lists_do_not_give(ref: str, name: str, on: date | None) -> None:
    sent = {"type": "organisation", "name": name, "ref": ref}
    back = rf.party_of(sent, on)
    if reference.party_ref(Party.organisation(name)) == ref:  # the free text is one of its names
        assert back == Party.organisation(name)
        return
    assert back == reference.party_from_ref(ref, on)
    assert reference.party_ref(back) == ref
    organisation = reference.organisation_named(back.name)
    named_then = [o for o in reference.organisations() if o.ref == ref and o.in_force(on)]
    assert organisation is not None and (not named_then or organisation in named_then)  # the name of the date


@settings(max_examples=100, deadline=None)
@given(ref=st.sampled_from(REFS), other=st.sampled_from(LISTED), on=days)
def test_a_name_of_another_body_reads_as_the_body_the_ref_names(ref: str, other: str, on: date | None) -> None:
    back = rf.party_of({"type": "organisation", "name": other, "ref": ref}, on)
    assert reference.party_ref(back) == ref


@given(name=free_names, on=days)
def test_an_unknown_ref_leaves_the_party_as_written(name: str, on: date | None) -> None:
    assert rf.party_of({"type": "organisation", "name": name, "ref": "only-a-newer-program-knows"}, on) == \
        Party.organisation(name)
    assert rf.party_of({"type": "country", "code": "KZ", "ref": "iso3166:XX"}, on) == Party.country("KZ")
    assert rf.party_of({"type": "organisation", "name": name, "ref": 5}, on) == Party.organisation(name)


def test_databases_with_and_without_the_renaming_agree() -> None:
    """An office whose lists know a newer name sends it with the ref: here it reads as the name our
    lists give for the meeting's date; the names we know stay as recorded and count as one party."""
    assert rf.party_of({"type": "organisation", "name": "EU Drugs Agency (a newer name)", "ref": "euda"},
                       date(2025, 3, 1)) == EUDA
    assert rf.party_of({"type": "organisation", "name": "EU Drugs Agency (a newer name)", "ref": "euda"},
                       date(2023, 12, 13)) == EMCDDA
    recorded = [rf.party_of({"type": "organisation", "name": n, "ref": "euda"}, date(2025, 3, 1))
                for n in ("EMCDDA", EMCDDA.name, EUDA.name)]
    assert recorded == [Party.organisation("EMCDDA"), EMCDDA, EUDA]
    assert {reference.counted_party(p).key for p in recorded} == {"euda"}
    assert rf.party_json(EMCDDA) == {"type": "organisation", "name": EMCDDA.name, "ref": "euda"}
    assert rf.party_json(Party.country("KZ")) == {"type": "country", "code": "KZ", "ref": "iso3166:KZ"}
    assert rf.party_json(Party.organisation("Some NGO")) == {"type": "organisation", "name": "Some NGO"}
    assert rf.party_of({"type": "country", "code": "UZ", "ref": "iso3166:KZ"}) == Party.country("KZ")


def test_a_dialogue_reads_a_party_by_ref_as_on_its_start_date() -> None:
    from tests.factories import delegation_of, make_dialogue

    for start, named in ((date(2025, 3, 1), EUDA), (date(2023, 12, 13), EMCDDA)):
        data = rf.dialogue_json(make_dialogue(start_date=start, chair=Party.organisation("Newer name"),
                                              delegations=(delegation_of(Party.organisation("Newer name")),)))
        data["chair"]["ref"] = data["delegations"][0]["party"]["ref"] = "euda"
        back = rf.dialogue_of(data)
        assert back.chair == named and back.delegations[0].party == named
