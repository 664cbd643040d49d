"""Fixtures shared by the database tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.generate import make_bundle
from desktop_app.db.opening import open_database
from desktop_app.services.exchange.importer import import_data


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A migrated file holding a few imported dialogues (with agenda items and actions), people and
    institutions: what the whole-file checks of a bulk load (`bulk_writing.breaks_a_check`,
    `breaks_a_reference`) are held to SQLite's own on."""
    path = tmp_path_factory.mktemp("loaded") / "db.sqlite3"
    database = open_database(path)
    try:
        import_data(database, json.loads(json.dumps(make_bundle(4, people=60))))
    finally:
        database.close()
    yield path
