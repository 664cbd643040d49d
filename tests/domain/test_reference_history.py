"""Reference lists that know their history (issue 16): names per period, successors, reference ids,
the Council presidency by half-year."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain import reference
from desktop_app.domain.records import Party

EMCDDA = Party.organisation("European Monitoring Centre for Drugs and Drug Addiction")
EUDA = Party.organisation("European Union Drugs Agency")


def test_the_agency_has_the_name_in_force_at_the_meetings_date() -> None:
    assert reference.party_at(EUDA, date(2023, 12, 13)) == EMCDDA
    assert reference.party_at(EMCDDA, date(2025, 3, 1)) == EUDA
    assert reference.party_at(EMCDDA, date(2024, 7, 1)) == EMCDDA  # its last day
    assert reference.party_at(EMCDDA, date(2024, 7, 2)) == EUDA  # renamed on 2 July 2024
    assert reference.party_at(Party.country("KZ"), date(2025, 1, 1)) == Party.country("KZ")
    assert reference.party_at(Party.organisation("Some NGO"), date(2025, 1, 1)) == Party.organisation("Some NGO")


def test_one_reference_id_for_the_agency_and_its_predecessor() -> None:
    assert reference.party_ref(EMCDDA) == reference.party_ref(EUDA) == "euda"
    assert reference.party_ref(Party.organisation("EMCDDA")) == "euda"
    assert reference.party_ref(Party.country("KZ")) == "iso3166:KZ"
    assert reference.party_ref(Party.organisation("Some NGO")) is None
    assert reference.party_from_ref("euda", date(2023, 1, 1)) == EMCDDA
    assert reference.party_from_ref("euda") == EUDA


def test_reports_count_the_agency_and_its_predecessor_as_one_party() -> None:
    counted = {reference.counted_party(p).key for p in (EMCDDA, EUDA)}
    assert len(counted) == 1
    assert reference.counted_party(EMCDDA).label() == "European Union Drugs Agency (formerly EMCDDA)"
    assert reference.counted_party(EMCDDA, "ru").label() == "Агентство Европейского союза по наркотикам (ранее EMCDDA)"
    assert reference.counted_party(Party.country("KZ")).label() == "Kazakhstan"


@pytest.mark.parametrize(("day", "with_delegation", "wanted", "absent"), [
    (date(2023, 12, 13), False, EMCDDA, {EUDA, Party.organisation("Delegation of the European Union")}),
    (date(2025, 6, 1), False, EUDA, {EMCDDA, Party.organisation("Delegation of the European Union")}),
    (date(2025, 6, 1), True, EUDA, {EMCDDA}),
])
def test_the_eu_side_of_a_date(day: date, with_delegation: bool, wanted: Party, absent: set[Party]) -> None:
    parties = reference.eu_side_at(day, with_delegation)
    assert wanted in parties
    assert not absent & set(parties)
    assert len({reference.party_ref(p) for p in parties}) == len(parties)  # once each


@pytest.mark.parametrize(("day", "code"), [
    (date(2023, 12, 13), "ES"), (date(2023, 7, 1), "ES"), (date(2023, 6, 30), "SE"), (date(2022, 10, 4), "CZ"),
    (date(2024, 7, 2), "HU"), (date(2025, 1, 1), "PL"), (date(2026, 12, 1), "IE"), (date(2030, 12, 31), "MT")])
def test_the_council_presidency_by_half_year(day: date, code: str) -> None:
    assert reference.council_presidency(day) == code


def test_no_presidency_is_invented_outside_the_published_order() -> None:
    assert reference.council_presidency(date(2031, 1, 1)) is None
    assert reference.council_presidency(None) is None
