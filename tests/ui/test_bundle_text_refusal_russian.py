"""A bundle text holding a forbidden character is refused in one Russian sentence in a Russian window
(round 17: «… недопустимый пакет обмена: dialogues[0].title holds the control character U+0007 …», the
rule's English fragment put into the translated sentence); the command line's English is unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.domain.errors import BadBundle
from desktop_app.services.exchange.validation import read_bundle
from desktop_app.ui.texts import shown
from tests.services.test_exchange import SAMPLES


def _bundle_with(tmp_path: Path, text: str, in_key: bool = False) -> Path:
    data = json.loads(Path(SAMPLES).read_text(encoding="utf-8"))
    if in_key:
        data[text] = 1
    else:
        data["note"] = text
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "in_key", "russian_part", "english_part"), [
    ("Ai\x07gerim", False, "управляющий символ U+0007", "holds the control character U+0007"),
    ("Ai\x07gerim", True, "управляющий символ U+0007", "holds the control character U+0007"),
    ("A\ud800b", False, "одиночный суррогат U+D800", "lone surrogate U+D800"),
    ("A\uffffb", False, "несимвол U+FFFF", "holds the non-character U+FFFF"),
])
def test_a_forbidden_character_in_a_bundle_is_said_whole_in_russian(qtbot, russian, tmp_path: Path, text: str,
                                                                     in_key: bool, russian_part: str,
                                                                     english_part: str) -> None:
    path = _bundle_with(tmp_path, text, in_key)
    with pytest.raises(BadBundle) as refused:
        read_bundle(path)
    english = str(refused.value)
    assert english_part in english and english.startswith("bad.json is not a valid bundle")  # the CLI's words
    said = shown(refused.value.message)
    assert russian_part in said, said
    assert "holds" not in said and "position" not in said and "top level" not in said, said
