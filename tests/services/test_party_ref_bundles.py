"""A party from the reference lists travels with its `ref` (bundle v2) and is read back by it
(issue 16): databases that recorded the agency under either name agree on it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Side
from desktop_app.services.exchange.exporter import build_bundle, export_bundle
from desktop_app.services.exchange.importer import import_bundle
from desktop_app.services.exchange.validation import check_schema
from desktop_app.services.report.parties import report_party_key
from tests.factories import delegation_of, make_dialogue

EMCDDA = r.Party.organisation("European Monitoring Centre for Drugs and Drug Addiction")
EUDA = r.Party.organisation("European Union Drugs Agency")


def test_the_bundle_carries_each_listed_partys_ref_and_the_schema_allows_it(database) -> None:
    DialogueRepository(database).save(make_dialogue(
        start_date=date(2023, 12, 13), chair=r.Party.country("ES"),
        delegations=(delegation_of(EMCDDA, side=Side.EU), delegation_of(r.Party.country("KZ")),
                     delegation_of(r.Party.organisation("Some NGO"), side=Side.OTHER))))
    bundle = build_bundle(database)
    check_schema(bundle, "exported")
    (dialogue,) = bundle["dialogues"]
    assert dialogue["chair"] == {"type": "country", "code": "ES", "ref": "iso3166:ES"}
    assert [d["party"] for d in dialogue["delegations"]] == [
        {"type": "organisation", "name": EMCDDA.name, "ref": "euda"},
        {"type": "country", "code": "KZ", "ref": "iso3166:KZ"},
        {"type": "organisation", "name": "Some NGO"}]


def test_the_agency_sent_under_a_name_only_the_senders_lists_know_reads_as_ours(
        database, tmp_path: Path) -> None:
    """Another office's newer lists name the agency differently: by `ref` it reads here as the name
    our lists give for the meeting's date, and the report counts it with the EMCDDA's delegations."""
    other = open_database(tmp_path / "other.sqlite3")
    try:
        saved = DialogueRepository(other).save(make_dialogue(
            start_date=date(2025, 3, 4), chair=EUDA, delegations=(delegation_of(EUDA, side=Side.EU),)))
        path = tmp_path / "bundle.json"
        export_bundle(other, path)
    finally:
        other.close()
    data = json.loads(path.read_text(encoding="utf-8"))
    (sent,) = data["dialogues"]
    assert sent["chair"]["ref"] == sent["delegations"][0]["party"]["ref"] == "euda"
    sent["delegations"][0]["party"]["name"] = "EU Drugs Agency (a name of a newer list)"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    import_bundle(database, path)
    here = DialogueRepository(database).get(saved.id)
    assert here.chair == EUDA and here.delegations[0].party == EUDA
    assert report_party_key(here.delegations[0].party) == report_party_key(EMCDDA) == EUDA
    # and what this database sends on carries the same ref and our name of the date
    again = build_bundle(database)["dialogues"][0]
    assert again["delegations"][0]["party"] == {"type": "organisation", "name": EUDA.name, "ref": "euda"}


def test_a_ref_this_program_does_not_know_leaves_the_party_as_sent(database, tmp_path: Path) -> None:
    other = open_database(tmp_path / "other.sqlite3")
    try:
        saved = DialogueRepository(other).save(make_dialogue(
            delegations=(delegation_of(r.Party.organisation("Regional Drug Observatory"), side=Side.OTHER),)))
        path = tmp_path / "bundle.json"
        export_bundle(other, path)
    finally:
        other.close()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["dialogues"][0]["delegations"][0]["party"]["ref"] = "rdo"  # a list entry of a newer program
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    import_bundle(database, path)
    party = DialogueRepository(database).get(saved.id).delegations[0].party
    assert party == r.Party.organisation("Regional Drug Observatory")
