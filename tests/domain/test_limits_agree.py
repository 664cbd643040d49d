"""One length limit per field: the domain's LIMITS, the database columns and the bundle schemas agree.

A limit written three times drifts (issue 13): a text the form accepts must fit the column and pass
the bundle's schema, or it is saved here and refused by every colleague's import."""

import json
from pathlib import Path

import pytest
from sqlalchemy import String

from desktop_app.db import models as m
from desktop_app.domain.validation import LIMITS

CONTRACTS = Path(__file__).resolve().parents[2] / "resources" / "contracts"
SCHEMAS = sorted(CONTRACTS.glob("bundle-v*.schema.json"))

# limit key -> (model column or None for an unbounded Text column, path of the field in the schema)
FIELDS = {
    "title": (m.DialogueRow.title, ("dialogue", "title")),
    "series": (m.DialogueRow.series, ("dialogue", "series")),
    "city": (m.DialogueRow.city, ("dialogue", "city")),
    "summary": (None, ("dialogue", "summary")),
    "programme": (m.DialogueProgramme.name, ("dialogue", "supporting_programmes", "items")),
    "framework": (m.DialogueFramework.name, ("dialogue", "frameworks", "items")),
    "topic": (m.DialogueTopic.name, ("dialogue", "topics", "items")),
    "party_name": (m.DelegationRow.party_organisation, None),
    "delegation_notes": (None, ("delegation", "notes")),
    "agenda_title": (m.AgendaItemRow.title, ("agenda_item", "title")),
    "agenda_notes": (None, ("agenda_item", "notes")),
    "action_description": (m.ActionRow.description, ("action", "description")),
    "action_owner": (m.ActionRow.owner, ("action", "owner")),
    "person_name": (m.PersonRow.name, ("person", "name")),
    "email": (m.PersonRow.email, ("person", "email")),
    "institution_name": (m.InstitutionRow.name, ("institution", "name")),
    "acronym": (m.InstitutionRow.acronym, ("institution", "acronym")),
    "position": (m.ParticipantRow.position, ("participant", "position")),
}


def _schema_limit(schema: dict, path: tuple[str, ...]) -> int:
    node = schema["$defs"][path[0]]["properties"][path[1]]
    for step in path[2:]:
        node = node[step]
    return node["maxLength"]


def test_every_limit_is_checked_here() -> None:
    assert set(FIELDS) == set(LIMITS)


@pytest.mark.parametrize("key", sorted(FIELDS))
def test_the_column_holds_what_the_domain_allows(key: str) -> None:
    column, _ = FIELDS[key]
    if column is None:
        return
    column_type = column.property.columns[0].type
    assert isinstance(column_type, String) and column_type.length == LIMITS[key]


@pytest.mark.parametrize("schema_file", SCHEMAS, ids=lambda p: p.name)
@pytest.mark.parametrize("key", sorted(k for k, (_, path) in FIELDS.items() if path))
def test_the_bundle_schema_allows_what_the_domain_allows(key: str, schema_file: Path) -> None:
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert _schema_limit(schema, FIELDS[key][1]) == LIMITS[key]


@pytest.mark.parametrize("schema_file", SCHEMAS, ids=lambda p: p.name)
def test_an_organisation_party_has_the_domain_limit(schema_file: Path) -> None:
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    organisation = next(option for option in schema["$defs"]["party"]["oneOf"]
                        if option["properties"]["type"].get("const") == "organisation")
    assert organisation["properties"]["name"]["maxLength"] == LIMITS["party_name"]
