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


def _schema_cases() -> dict[str, tuple[object, str]]:
    """Bundles the schema or the parser refuses, each with a piece of its English reason."""
    def sample() -> dict:
        return json.loads(Path(SAMPLES).read_text(encoding="utf-8"))

    unknown, missing, kind, wrong_type, empty = sample(), sample(), sample(), sample(), sample()
    unknown["dialogues"][0]["colour"] = "red"
    del missing["dialogues"][0]["title"]
    kind["dialogues"][0]["kind"] = "picnic"
    wrong_type["dialogues"][0]["online"] = "yes"
    empty["dialogues"][0]["title"] = ""
    long_number = json.dumps(sample()).replace('"people": [', '"n": ' + "9" * 40 + ', "people": [', 1)
    return {"unknown field": (unknown, "has a field the format does not know"),
            "missing field": (missing, "lacks the required field"),
            "enum": (kind, "but must be one of"), "type": (wrong_type, "but must be of type"),
            "empty": (empty, "is empty"), "long number": (long_number, "digits long"),
            "NaN": (json.dumps(sample()).replace('"people": [', '"n": NaN, "people": [', 1), "not a number JSON")}


ENGLISH_WORDS = r"\b(is|which|who|holds|must|lacks|repeats|refers|allowed|empty|type|field|bundle|known|real)\b"


def test_every_refusal_of_a_bundle_is_said_whole_in_russian(qtbot, russian, tmp_path: Path) -> None:
    """Round 19: the reasons of a bundle's refusals were English pieces in the Russian sentence
    («… недопустимый пакет обмена: dialogues[3].start_date is 2023-02-30, which is not a real date.»).
    Every case the exchange tests refuse, and the schema's and the parser's own, in Russian with no
    English word left; the English (the command line's) as before."""
    import re

    from tests.services.test_exchange import BAD_BUNDLES

    cases = {name: (make(), expected) for name, (make, expected) in BAD_BUNDLES.items()} | _schema_cases()
    for number, (name, (content, expected)) in enumerate(cases.items()):
        path = tmp_path / f"{number}.json"
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
        with pytest.raises(BadBundle) as refused:
            read_bundle(path)
        assert expected in str(refused.value), (name, str(refused.value))
        said = shown(refused.value.message)
        assert said != str(refused.value), name
        left = re.findall(ENGLISH_WORDS, re.sub(r'[\w.\[\]]*\[\d+\][\w.\[\]]*|“[^”]*”|«[^»]*»|"[^"]*"', "", said))
        assert left == [], (name, said)
