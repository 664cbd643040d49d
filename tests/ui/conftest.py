"""UI fixtures: isolated QSettings, answered message boxes, a main window over a fresh database."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from sqlalchemy import insert

from desktop_app.db import models as m
from desktop_app.db.repositories.dialogues import DialogueRepository, write_dialogue
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.samples import load_samples
from desktop_app.ui import messages, translations


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Path:
    """Each test gets its own settings folder, so remembered layouts never leak between tests."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


class Answers:
    """Records every message shown and answers questions as the test decided."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.confirm = True
        self.choice: int | None = 0

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        for kind in ("inform", "warn", "fail"):
            monkeypatch.setattr(messages, kind, lambda parent, text, title="", k=kind: self.shown.append((k, text)))
        monkeypatch.setattr(messages, "confirm", lambda parent, text, title="": self._ask(text, self.confirm))
        monkeypatch.setattr(messages, "choose",
                            lambda parent, text, options, title="": self._ask(text, self.choice))

    def _ask(self, text: str, answer: object) -> object:
        self.shown.append(("ask", text))
        return answer

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, text in self.shown if kind is None or k == kind]


@pytest.fixture
def boxes_told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Warnings and questions answered without a window (Ok; No), their texts kept in order."""
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a[2]) or QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: told.append(a[2]) or QMessageBox.StandardButton.No)
    return told


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    answers = Answers()
    answers.install(monkeypatch)
    return answers


@pytest.fixture
def colleague_bundle(database, tmp_path):
    """Our database with the samples; a colleague (Aigul) who got them from us retitled one dialogue
    and summarised another; we retitled the first too and changed its city: her bundle brings a
    conflict (the title, changed on both sides) and an update (the summary)."""
    from desktop_app.db.opening import open_database
    from desktop_app.services.exchange.importer import import_data

    load_samples(database)
    database.officer = "Timur"
    colleague = open_database(tmp_path / "aigul" / "dialogues.sqlite3")
    colleague.officer = "Aigul"
    import_data(colleague, build_bundle(database))
    ours = build_bundle(database)
    first, second = ours["dialogues"][0]["id"], ours["dialogues"][1]["id"]
    theirs = DialogueRepository(colleague)
    theirs.save(replace(theirs.get(first), title="Renamed by Aigul"))
    theirs.save(replace(theirs.get(second), summary="Aigul's summary."))
    path = tmp_path / "from-aigul.json"
    path.write_text(json.dumps(build_bundle(colleague, source="Aigul"), ensure_ascii=False), encoding="utf-8")
    colleague.close()
    repository = DialogueRepository(database)
    repository.save(replace(repository.get(first), title="Renamed here", city="Bruxelles"))
    return path, first, second, ours["dialogues"][0]["city"]


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[str]:
    """The window's language is Russian for this test (our catalogue, Qt's, the locale), then English
    again, so no other test sees it."""
    before = QLocale()
    chosen = translations.install_chosen("ru", qapp, QLocale("en_GB"))
    yield chosen
    translations.remove_installed(qapp, before)


def when_modal(act: Callable[[QWidget], object], tries: int = 250) -> None:
    """Act on the next modal dialog once its `exec()` shows it (a real click, as the officer would);
    the dialog runs its own event loop, so the test cannot act on it after the call returns.
    A progress dialog shown while that dialog is being made (its first count, under load) is
    waited past, not acted on, and the wait behind it does not use up `tries`."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and not isinstance(dialog, QProgressDialog):
            act(dialog)
        elif dialog is not None:
            QTimer.singleShot(20, lambda: attempt(left))
        elif left:
            QTimer.singleShot(20, lambda: attempt(left - 1))

    QTimer.singleShot(0, lambda: attempt(tries))


def add_dialogues(database: Database, *dialogues: r.Dialogue) -> None:
    """Several whole dialogues in one transaction (the path import uses)."""
    with database.writing() as session:
        for dialogue in dialogues:
            write_dialogue(session, dialogue, r.utc_now())


def add_bare_dialogues(database: Database, count: int) -> None:
    """Thousands of list rows in one INSERT: the list's paging is under test, not the form's save."""
    now = r.utc_now()
    rows = [{"id": r.new_id(), "title": f"Meeting {n:05d}", "kind": "regional", "series": f"Series {n % 7}",
             "start_date": date(2000, 1, 1) + timedelta(days=n), "city": "Almaty", "country": "KZ",
             "online": False, "status": "final" if n % 3 else "draft", "delegation_count": n % 11,
             "participant_count": n % 40, "search_text": f"meeting {n:05d}", "revision": 1,
             "created_at": now, "updated_at": now} for n in range(count)]
    with database.writing() as session:
        session.execute(insert(m.DialogueRow), rows)


@pytest.fixture
def window(qtbot, database: Database, answers: Answers) -> Iterator[object]:
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    # as the officer finds it: painted, and the pages read after the first paint (issue 19) read
    qtbot.waitUntil(lambda: window.people.loaded, timeout=20_000)
    yield window

