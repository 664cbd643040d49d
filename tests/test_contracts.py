"""The program ships its own copy of the bundle schema; it must be the contract, to the letter."""

import json
from pathlib import Path

import pytest

from desktop_app.resources import resource_path

SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "contracts" / "bundle-v1.schema.json"


def test_shipped_schema_is_the_contract() -> None:
    if not SHARED_SCHEMA.exists():
        pytest.skip("shared/contracts is not beside this checkout")
    shipped = json.loads(resource_path("contracts", "bundle-v1.schema.json").read_text(encoding="utf-8"))
    assert shipped == json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))
