"""Export writes its bundle with json's C encoder (issue 19: "Export uses the C JSON encoder").
`json.dump` never does — it is not a one-shot encoding, so it runs the Python `_make_iterencode`
whatever the indent (measured at 2,000 dialogues: 3.3 million generator steps, ≈ 1.4 s of the
export's 2.4 s CPU). The bundle is written record by record with the one-shot encoder and must be
byte for byte what `json.dump(data, ensure_ascii=False)` wrote (other programs read it)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_bundle
from desktop_app.services.exchange import exporter

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text()
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner,
                                                                                           max_size=4), max_leaves=20)
BUNDLES = st.dictionaries(st.text(), VALUES | st.lists(VALUES, max_size=5), max_size=6)


def _written(data: Any, tmp_path: Path) -> bytes:
    target = tmp_path / "bundle.json"
    target.unlink(missing_ok=True)
    exporter.write_json_atomically(data, target)
    return target.read_bytes()


def _json_dump(data: Any) -> bytes:
    text = io.StringIO()
    json.dump(data, text, ensure_ascii=False)
    return (text.getvalue() + "\n").encode("utf-8", "surrogatepass")


@settings(max_examples=200, deadline=None)
@given(BUNDLES)
def test_the_bundle_is_written_as_json_dump_wrote_it(tmp_path_factory: pytest.TempPathFactory,
                                                     data: dict[str, Any]) -> None:
    tmp_path = tmp_path_factory.mktemp("w")
    try:
        expected = _json_dump(data)
        expected.decode("utf-8")
    except UnicodeError:  # a lone surrogate: not a text either way
        return
    assert _written(data, tmp_path) == expected


def test_a_generated_bundle_is_written_as_json_dump_wrote_it(tmp_path: Path) -> None:
    data = make_bundle(6, people=40)
    data["dialogues"][0]["summary"] = "«Ашхабад» — \"quoted\"\n\\ tab\t end"
    assert _written(data, tmp_path) == _json_dump(data)
    assert json.loads(_written({}, tmp_path)) == {} and _written({"a": []}, tmp_path) == b'{"a": []}\n'


def test_the_python_encoder_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def python_encoder(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("json's Python encoder was used")

    monkeypatch.setattr(json.encoder, "_make_iterencode", python_encoder)
    data = make_bundle(3, people=60)
    assert json.loads(_written(data, tmp_path)) == data


def test_a_value_json_cannot_write_is_refused_and_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        exporter.write_json_atomically({"dialogues": [{"start_date": object()}]}, tmp_path / "bundle.json")
    assert list(tmp_path.iterdir()) == []
