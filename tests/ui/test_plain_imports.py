"""PySide6's `__feature__` import hook is taken out once PySide6 is loaded (issue 19): it read the source
of every module imported after PySide6, for a feature the program never selects."""

from __future__ import annotations

import builtins
import linecache
import re
import sys
from pathlib import Path

import pytest

from desktop_app.ui.plain_imports import without_feature_hook

PROGRAM = Path(__file__).resolve().parents[2] / "desktop_app"


def test_the_hook_is_replaced_by_the_import_it_wraps(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import PySide6.QtWidgets  # noqa: F401  (installs the hook)

    monkeypatch.setattr(builtins, "__import__", builtins.__feature_import__)  # type: ignore[attr-defined]
    (tmp_path / "mentions_pyside_once.py").write_text('"""PySide6"""\nVALUE = 1\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "mentions_pyside_once", raising=False)
    assert without_feature_hook() is True
    assert builtins.__import__ is builtins.__orig_import__  # type: ignore[attr-defined]
    import mentions_pyside_once

    assert mentions_pyside_once.VALUE == 1
    assert not any(name.endswith("mentions_pyside_once.py") for name in linecache.cache)
    assert without_feature_hook() is False  # once


def test_with_the_hook_the_source_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # what the test above would see without without_feature_hook(): the test can fail
    import PySide6.QtWidgets  # noqa: F401

    monkeypatch.setattr(builtins, "__import__", builtins.__feature_import__)  # type: ignore[attr-defined]
    (tmp_path / "mentions_pyside_twice.py").write_text('"""PySide6"""\nVALUE = 2\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "mentions_pyside_twice", raising=False)
    import mentions_pyside_twice

    assert mentions_pyside_twice.VALUE == 2
    assert any(name.endswith("mentions_pyside_twice.py") for name in linecache.cache)


def test_the_program_selects_no_pyside_feature() -> None:
    # the hook matters only to a module that imports __feature__ (snake_case, true_property); with it
    # gone such an import would be silently ignored, so none may exist
    selecting = [str(path.relative_to(PROGRAM)) for path in PROGRAM.rglob("*.py")
                 if re.search(r"^\s*(from|import)\s+__feature__", path.read_text(encoding="utf-8"), re.MULTILINE)]
    assert selecting == []
