"""Property (issue 21): any text in any bundle field — any Unicode, control characters, lone
surrogates — is either refused with one sentence, or imported and then every report format is
written. `make test` runs a short budget; `make soak` (DR_SOAK=1) runs many more examples."""

from __future__ import annotations

import itertools
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.db.opening import open_database
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import BadBundle
from desktop_app.resources import resource_path
from desktop_app.services.exchange.importer import import_data
from desktop_app.services.exchange.validation import parse_bundle
from desktop_app.services.report import build_report, write_report

pytestmark = pytest.mark.usefixtures("qapp")
SOAK = bool(os.environ.get("DR_SOAK"))
BASE = json.loads(resource_path("samples", "demo-bundle.json").read_text(encoding="utf-8"))
BASE["dialogues"] = BASE["dialogues"][1:2]  # one dialogue with delegations, participants and agenda
BASE["dialogues"][0]["delegations"] = BASE["dialogues"][0]["delegations"][:2]
KEPT_PEOPLE = {p["person_id"] for g in BASE["dialogues"][0]["delegations"] for p in g["participants"]}
BASE["people"] = [p for p in BASE["people"] if p["id"] in KEPT_PEOPLE]
KEPT_INSTITUTIONS = {p.get("institution_id") for g in BASE["dialogues"][0]["delegations"] for p in g["participants"]}
BASE["institutions"] = [i for i in BASE["institutions"] if i["id"] in KEPT_INSTITUTIONS]

FIELDS = [("dialogues", 0, "title"), ("dialogues", 0, "series"), ("dialogues", 0, "city"),
          ("dialogues", 0, "summary"), ("dialogues", 0, "topics", 0), ("dialogues", 0, "frameworks", 0),
          ("dialogues", 0, "supporting_programmes", 0), ("dialogues", 0, "agenda", 0, "title"),
          ("dialogues", 0, "delegations", 0, "participants", 0, "position"), ("people", 0, "name"),
          ("people", 0, "other_names", 0), ("institutions", 0, "name"), ("institutions", 0, "acronym"),
          ("source",)]
# Every code point, surrogates and controls included.
ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()), max_size=40)
NASTY = st.sampled_from(["\x00", "\x01", "\x1b", "\x7f", "\x85", "\ud800", "\udfff", "\ufffe", "\uffff", "\r\n",
                         "\t", "\u202e", "=cmd|'/C calc'!A0", "<script>", "&amp;", "]]>", "\u0301", "𝕏", "Ж"])
STORABLE = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)
TEXTS = st.one_of(st.lists(st.one_of(ANY_TEXT, NASTY), min_size=1, max_size=4).map("".join), STORABLE)
STAMPS = itertools.count()


def _put(data: dict, place: tuple, value: str) -> None:  # type: ignore[type-arg]
    node = data
    for key in place[:-1]:
        node = node[key]
    if isinstance(node, list) and not node:
        node.append(value)
    elif isinstance(node, list) or isinstance(place[-1], str):
        node[place[-1]] = value


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path_factory.mktemp("property") / "p.sqlite3")
    yield database, tmp_path_factory.mktemp("reports")
    database.close()


@settings(max_examples=400 if SOAK else 12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(changes=st.lists(st.tuples(st.sampled_from(FIELDS), TEXTS), min_size=1, max_size=3),
       ascii_only=st.booleans())
def test_any_text_is_refused_with_a_sentence_or_reports_in_every_format(shared, changes, ascii_only) -> None:  # type: ignore[no-untyped-def]
    database, folder = shared
    data = json.loads(json.dumps(BASE))
    for place, value in changes:
        _put(data, place, value)
    stamp = (datetime(2030, 1, 1, tzinfo=UTC) + timedelta(seconds=next(STAMPS))).isoformat().replace("+00:00", "Z")
    for record in (*data["people"], *data["institutions"], *data["dialogues"]):
        record["updated_at"] = stamp  # newer each time: the import replaces the previous example's texts
    raw = json.dumps(data, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    try:
        checked = parse_bundle(raw, "p.json")
    except BadBundle as refusal:
        assert "\n" not in refusal.message and refusal.message.endswith(".")
        return
    import_data(database, checked)
    _reports(database, folder)


def _reports(database: Database, folder: Path) -> None:
    report = build_report(database)
    for kind in ("pdf", "docx", "xlsx", "html"):
        assert write_report(report, folder / f"r.{kind}").stat().st_size > 0


@pytest.mark.soak
def test_the_soak_run_is_longer() -> None:
    assert SOAK, "run through make soak (DR_SOAK=1)"
