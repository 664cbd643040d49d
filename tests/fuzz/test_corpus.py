"""The fuzz corpus (tests/fuzz/corpus.py, 900+ malformed bundles): each is refused with one sentence
or accepted and imported; never an internal error. Then every accepted record reports."""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import BadBundle, UserError
from desktop_app.services.exchange.importer import import_data
from desktop_app.services.exchange.validation import parse_bundle
from desktop_app.services.report import build_report, write_report
from tests.fuzz.corpus import MANIFEST, cases, manifest_lines

pytestmark = pytest.mark.usefixtures("qapp")


def test_the_corpus_is_the_one_in_the_manifest() -> None:
    recorded = MANIFEST.read_text(encoding="utf-8").splitlines()[1:]
    assert manifest_lines() == recorded, "run: .venv/bin/python -m tests.fuzz.corpus --write-manifest"
    assert len(recorded) >= 500


# Refusing a retyped field costs ~0.2 s (jsonschema words the best reason); `make test` takes every
# QUICK_SAMPLE-th case of the quick categories and every SAMPLE-th of the slow ones (225 of 911 cases,
# every category represented), `make soak` all of them.
SLOW = {"retyped", "huge string", "edge timestamp", "dropped", "edge date"}
SAMPLE = 12
QUICK_SAMPLE = 2


@pytest.mark.parametrize("whole", [pytest.param(False, id="sample"),
                                   pytest.param(True, id="all", marks=pytest.mark.soak)])
def test_every_malformed_bundle_is_refused_with_a_sentence_or_accepted(database: Database, tmp_path: Path,
                                                                        whole: bool) -> None:
    internal, not_refused, sentences, accepted = [], [], 0, 0
    for index, (name, category, expect, raw) in enumerate(cases()):
        if not whole and index % (SAMPLE if category in SLOW else QUICK_SAMPLE):
            continue
        try:
            data = parse_bundle(raw, f"{name}.json")
        except BadBundle as refusal:
            message = refusal.message
            if "\n" in message or not message.endswith(".") or "went wrong" in message or len(message) > 600:
                internal.append(f"{name}: not one sentence: {message[:200]!r}")
            sentences += 1
            continue
        except Exception:
            internal.append(f"{name} ({category}): {traceback.format_exc(limit=3)}")
            continue
        if expect == "refuse":
            not_refused.append(f"{name} ({category})")
        try:
            import_data(database, data)
            accepted += 1
        except UserError:
            sentences += 1
        except Exception:
            internal.append(f"{name} ({category}) on import: {traceback.format_exc(limit=3)}")
    assert internal == [], "\n".join(internal[:20])
    assert not_refused == [], not_refused
    assert accepted >= 5 and sentences >= (500 if whole else 120)
    report = build_report(database)
    for kind in ("xlsx", "docx", "html"):
        assert write_report(report, tmp_path / f"r.{kind}").stat().st_size > 0
