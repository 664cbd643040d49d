"""Texts a report can always carry (issue 21, finding 4): import refuses control characters with a
reason, CRLF is stored as LF, and a database holding them already reports in every format and is
repaired by migration 0009_text_repair."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import BadBundle
from desktop_app.resources import resource_path
from desktop_app.services.exchange.exporter import build_bundle, export_bundle
from desktop_app.services.exchange.importer import import_bundle
from desktop_app.services.exchange.validation import read_bundle
from desktop_app.services.report import build_report, write_report
from tests.factories import make_dialogue

pytestmark = pytest.mark.usefixtures("qapp")
SAMPLES = resource_path("samples", "demo-bundle.json")
ARCHIVES = Path(__file__).parents[1] / "db" / "archives"
BAD = {"NUL": "\x00", "U+0001": "\x01", "ESCAPE": "\x1b", "U+FFFF": "\uffff", "DELETE": "\x7f",
       "U+0085": "\x85", "surrogate U+D800": "\ud800"}


def _bundle_with(tmp_path: Path, title: str) -> Path:
    data = json.loads(SAMPLES.read_text(encoding="utf-8"))
    data["dialogues"][-1]["title"] = title
    path = tmp_path / "b.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii: the characters as \u escapes
    return path


@pytest.mark.parametrize("name", sorted(BAD))
def test_import_refuses_a_control_character_with_its_name_and_place(database: Database, tmp_path: Path,
                                                                    name: str) -> None:
    path = _bundle_with(tmp_path, f"Dialogue{BAD[name]}on precursors")
    with pytest.raises(BadBundle) as refused:
        import_bundle(database, path)
    message = refused.value.message
    assert name.split()[-1] in message and "title" in message and "\n" not in message
    assert build_bundle(database)["dialogues"] == []


def test_tab_newline_and_crlf_are_text_and_crlf_is_stored_as_lf(database: Database, tmp_path: Path) -> None:
    import_bundle(database, _bundle_with(tmp_path, "Line one\r\nline two\tand\na third\rend"))
    titles = {d["title"] for d in build_bundle(database)["dialogues"]}
    assert "Line one\nline two\tand\na third\rend" in titles


def _poison(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("UPDATE dialogues SET title = 'Poisoned' || char(0) || char(1) || char(27) || 'title', "
                       "summary = 'a' || char(11) || 'b' || char(13) || char(10) || 'c' || char(65535)")
    connection.execute("UPDATE people SET name = 'Name' || char(8) || 'with backspace'")
    connection.commit()
    connection.close()


def test_reports_never_fail_on_stored_control_characters(database: Database, db_path: Path,
                                                         tmp_path: Path) -> None:
    DialogueRepository(database).save(make_dialogue(title="Clean"))
    import_bundle(database, SAMPLES)
    _poison(db_path)
    report = build_report(database)
    for kind in ("pdf", "docx", "xlsx", "html"):
        assert write_report(report, tmp_path / f"r.{kind}").stat().st_size > 0
    export_bundle(database, tmp_path / "all.json")
    assert "Poisoned" in (tmp_path / "all.json").read_text(encoding="utf-8")


def test_the_migration_lists_and_repairs_what_is_stored(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(ARCHIVES / "schema-0004.sqlite3", path)
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM dialogues").fetchone()[0] > 0
    connection.close()
    _poison(path)
    database = open_database(path)
    try:
        bundle = build_bundle(database)
        titles = {d["title"] for d in bundle["dialogues"]}
        summaries = {d["summary"] for d in bundle["dialogues"]}
        assert titles == {"Poisonedtitle"}
        assert summaries == {"a\nb\nc"}
        assert {p["name"] for p in bundle["people"]} == {"Namewith backspace"}
        export_bundle(database, tmp_path / "out.json")
        read_bundle(tmp_path / "out.json")  # what it exports another officer can import
    finally:
        database.close()
    listing = (tmp_path / "old-text-repairs.txt").read_text(encoding="utf-8")
    assert "dialogues" in listing and "title" in listing and "people" in listing and "\\x00" in listing
