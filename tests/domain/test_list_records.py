"""The list's records live in `domain.list_records` so the first window loads none of the other eleven
(issue 19); `domain.records` still names them, as the very same classes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop_app.domain import list_records, records

ROOT = Path(__file__).resolve().parents[2]


def test_records_names_the_list_records_themselves() -> None:
    for name in ("Party", "DialogueRow", "DialogueFilter", "Page", "EMPTY_FILTER"):
        assert getattr(records, name) is getattr(list_records, name), name
    assert records.DialogueFilter() == records.EMPTY_FILTER


def test_what_the_list_imports_loads_no_other_record() -> None:
    # the modules of the list's first page (and the checks the window's texts name) in a fresh process
    code = ("import sys\n"
            "import desktop_app.db.first_page, desktop_app.domain.validation, desktop_app.domain.reference\n"
            "print('desktop_app.domain.records' in sys.modules, 'desktop_app.domain.protocol' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.split() == ["False", "False"], result.stdout + result.stderr
