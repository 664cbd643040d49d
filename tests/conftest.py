"""Shared fixtures: a fresh database per test, record factories, headless Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.db.opening import open_database
from desktop_app.db.unit_of_work import Database
from tests.factories import make_dialogue, make_person  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp):  # type: ignore[no-untyped-def]
    """The process's Qt application is pytest-qt's QApplication, made before any test runs, as the
    window makes its own before anything else: a command run in-process that draws a PDF would
    otherwise create a bare QGuiApplication (`report.raster.ensure_gui`), and the next widget test
    would abort in QWidget's constructor (found when CLI report tests began to run in-process)."""
    yield qapp


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real per-user data folder, settings or log."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("DIALOGUE_REGISTER_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "dialogues.sqlite3"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()
