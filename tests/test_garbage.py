"""Issue 19: Python's cyclic garbage collector is held off while the first window is made (its passes
over the start's long-lived objects found nothing to free and cost ~15 M instructions before the
first paint) and put back after the paint, or when the window closes unpainted."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from desktop_app import garbage


@pytest.fixture(autouse=True)
def collector_as_it_was() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    garbage.release()
    (gc.enable if enabled else gc.disable)()


def test_held_then_released() -> None:
    gc.enable()
    garbage.hold()
    assert not gc.isenabled()
    garbage.release()
    assert gc.isenabled()
    garbage.release()  # once: a second release changes nothing
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off() -> None:
    gc.disable()
    garbage.hold()
    garbage.release()
    assert not gc.isenabled()


def test_a_command_runs_with_the_collector_on(monkeypatch, tmp_path) -> None:
    """Only the window's start holds it: a command (an import of thousands of records) never runs without it."""
    import desktop_app.cli as cli

    seen: list[bool] = []
    monkeypatch.setitem(cli.COMMANDS, "check", lambda args: seen.append(gc.isenabled()) or 0)
    gc.enable()
    assert cli.main(["--db", str(tmp_path / "register.sqlite3"), "check"]) == 0
    assert seen == [True]


def test_the_window_starts_with_it_held_and_puts_it_back_when_it_ends(monkeypatch, tmp_path) -> None:
    """The usual start (`--db FILE`, the window) holds it until the first paint (MainWindow puts it back,
    tests/ui/test_first_paint.py); a window closed before its paint puts it back as it returns."""
    import desktop_app.cli as cli

    seen: list[bool] = []
    monkeypatch.setitem(cli.COMMANDS, "gui", lambda args: seen.append(gc.isenabled()) or 0)
    gc.enable()
    assert cli.main(["--db", str(tmp_path / "register.sqlite3")]) == 0
    assert seen == [False]
    assert gc.isenabled()
