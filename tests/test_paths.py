"""Which database opens when none is named: --db, then DIALOGUE_REGISTER_DB, then Settings, then the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.paths import (
    DB_ENV,
    data_dir,
    database_is_chosen,
    default_database_path,
    resolve_database_path,
    standard_database_path,
)


def test_without_any_choice_the_database_lives_in_the_data_folder() -> None:
    assert default_database_path() == data_dir() / "dialogues.sqlite3" == standard_database_path()
    assert resolve_database_path(None) == standard_database_path()
    assert not database_is_chosen(None)


def test_the_settings_choice_beats_the_data_folder(tmp_path: Path) -> None:
    preferred = tmp_path / "office" / "register.sqlite3"
    assert default_database_path(preferred) == preferred
    assert resolve_database_path(None, str(preferred)) == preferred
    assert not database_is_chosen(None)  # a preference is not a named file: first start may still ask


def test_the_environment_beats_the_settings_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "env.sqlite3"))
    assert default_database_path(tmp_path / "preferred.sqlite3") == tmp_path / "env.sqlite3"
    assert database_is_chosen(None)


def test_db_option_beats_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "env.sqlite3"))
    assert resolve_database_path(str(tmp_path / "named.sqlite3"), tmp_path / "p.sqlite3") == tmp_path / "named.sqlite3"
    assert database_is_chosen(str(tmp_path / "named.sqlite3"))
