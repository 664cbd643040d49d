"""Every input bounded and read as what it is (issue 21, findings 9 and 10): size checked before
reading, special files refused, JSON depth and number length limited, edge timestamps refused —
each with one sentence, never "Something went wrong inside Dialogue Register"."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.domain.errors import BadBundle
from desktop_app.resources import resource_path
from desktop_app.services.exchange.validation import parse_bundle, read_bundle

SAMPLES = resource_path("samples", "demo-bundle.json")


def _sample() -> dict:
    return json.loads(SAMPLES.read_text(encoding="utf-8"))


def _refused(raw: bytes) -> str:
    with pytest.raises(BadBundle) as refused:
        parse_bundle(raw, "b.json")
    message = refused.value.message
    assert "\n" not in message and message.startswith("b.json")
    return message


def test_dev_zero_and_a_fifo_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result: list[str] = []

    def attempt() -> None:
        for path in (Path("/dev/zero"), fifo):
            try:
                read_bundle(path)
            except BadBundle as error:
                result.append(error.message)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "reading a FIFO hung"
    assert len(result) == 2 and all("not an ordinary file" in m for m in result)


def test_the_cli_refuses_dev_zero_with_a_sentence(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main(["--db", str(tmp_path / "d.sqlite3"), "import", "/dev/zero"]) == 1
    err = capsys.readouterr().err
    assert "not an ordinary file" in err and err.count("\n") == 1


def test_a_bundle_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(SAMPLES.read_bytes())
    with pytest.raises(BadBundle, match=r"larger than the 0 MB a bundle may have \(Settings\)"):
        read_bundle(path, limit=100)
    assert read_bundle(path)["format"] == "dialogue-register/bundle"  # the default (2 GB) takes it


@pytest.mark.parametrize("depth", [40, 5_000, 200_000])
def test_deep_nesting_is_refused(depth: int) -> None:
    data = _sample()
    raw = json.dumps(data).replace('"people": [', '"people": [' + "[" * depth + "]" * depth + ",", 1)
    assert "nested" in _refused(raw.encode())


@pytest.mark.parametrize("number", ["9" * 5000, "9" * 4301, "1" + "0" * 40, "-" + "9" * 100, "1." + "5" * 5000,
                                    "1e999999"])
def test_very_long_numbers_are_refused(number: str) -> None:
    raw = json.dumps(_sample()).replace('"format"', f'"n": {number}, "format"', 1)
    message = _refused(raw.encode())
    assert "number" in message or "field" in message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(constant: str) -> None:
    raw = json.dumps(_sample()).replace('"format"', f'"n": {constant}, "format"', 1)
    assert constant in _refused(raw.encode())


@pytest.mark.parametrize("stamp", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00",
                                   "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"])
def test_edge_of_range_timestamps_are_refused(stamp: str) -> None:
    data = _sample()
    data["dialogues"][0]["updated_at"] = stamp
    message = _refused(json.dumps(data).encode())
    assert "updated_at" in message


def test_utf16_is_named() -> None:
    text = json.dumps(_sample(), ensure_ascii=False)
    for raw in (text.encode("utf-16"), text.encode("utf-16-le")):
        assert "UTF-16" in _refused(raw)


def test_the_settings_limit_reaches_import(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.preferences import Preferences, load_preferences, save_preferences

    save_preferences(Preferences(bundle_limit_mb=1))
    assert load_preferences().bundle_limit() == 2**20
    save_preferences(Preferences())
    assert load_preferences().bundle_limit() == 2 * 2**30
