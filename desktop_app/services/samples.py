"""The sample records officers can try the program with (`demo`, `gui --demo`, the first-run screen)."""

from __future__ import annotations

from desktop_app.db.unit_of_work import Database
from desktop_app.resources import resource_path
from desktop_app.services.exchange.importer import ImportSummary, import_data
from desktop_app.services.exchange.validation import parse_bundle

SAMPLE_BUNDLE = ("samples", "demo-bundle.json")


def load_samples(database: Database) -> ImportSummary:
    """Idempotent: the samples keep fixed ids, so loading them twice is the same as once."""
    path = resource_path(*SAMPLE_BUNDLE)
    return import_data(database, parse_bundle(path.read_bytes(), path.name))
