"""Long work runs off the window's thread, reports progress, and Cancel really stops it (nothing
written); the window's check, backup, duplicate finding, report and import use it."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from desktop_app.domain.errors import DatabaseLocked
from desktop_app.services import backups
from desktop_app.ui.long_work import Work, WorkCancelled, run_with_progress

ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


def test_the_job_runs_in_another_thread_and_reports_progress(qtbot) -> None:
    threads: list[int] = []

    def job(progress) -> str:
        threads.append(threading.get_ident())
        for step in range(3):
            progress.report(step + 1, 3, f"step {step + 1}")
        return "done"

    work = Work(job)
    steps: list[tuple[int, int, str]] = []
    work.progressed.connect(lambda done, total, label: steps.append((done, total, label)))
    with qtbot.waitSignal(work.succeeded, timeout=10_000) as succeeded:
        work.start()
    assert succeeded.args == ["done"]
    assert threads and threads[0] != threading.get_ident()
    qtbot.waitUntil(lambda: len(steps) == 3)
    assert steps[-1] == (3, 3, "step 3")


def test_cancel_interrupts_a_database_write_and_nothing_is_written(qtbot, database) -> None:
    def job(progress) -> None:
        with database.writing() as session:
            session.execute(text("CREATE TABLE written_by_cancelled_work (x)"))
            progress.report(0, 0, "writing")
            session.execute(text(ENDLESS))  # only Cancel ends it

    work = Work(job)
    work.progressed.connect(lambda *_: work.cancel())
    with qtbot.waitSignal(work.cancelled, timeout=20_000):
        work.start()
    with database.reading() as session:
        tables = {row[0] for row in session.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert "written_by_cancelled_work" not in tables


def test_a_users_error_arrives_as_itself(qtbot) -> None:
    def job(progress) -> None:
        raise DatabaseLocked("The database x.sqlite3 is in use by another program or window; try again.")

    work = Work(job)
    with qtbot.waitSignal(work.failed, timeout=10_000) as failed:
        work.start()
    assert isinstance(failed.args[0], DatabaseLocked)


def test_run_with_progress_returns_the_result_or_raises(qtbot) -> None:
    assert run_with_progress(None, "Title", "Working…", lambda progress: 42) == 42
    with pytest.raises(DatabaseLocked):
        run_with_progress(None, "Title", "Working…", lambda progress: (_ for _ in ()).throw(DatabaseLocked("busy.")))

    def stops(progress) -> None:
        progress.report(0)
        while True:
            progress.check()

    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    def press_cancel() -> None:  # the officer clicks the dialog's Cancel button
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.findChild(QPushButton).click()

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(press_cancel)
    timer.start(100)
    try:
        with pytest.raises(WorkCancelled):
            run_with_progress(None, "Title", "Working…", stops)
    finally:
        timer.stop()


def test_the_windows_check_and_backup_run_off_its_thread(qtbot, window, database, answers, monkeypatch) -> None:
    from desktop_app.services import checking

    threads: list[int] = []
    original_check, original_back_up = checking.check_database, backups.back_up
    monkeypatch.setattr(checking, "check_database",
                        lambda path: threads.append(threading.get_ident()) or original_check(path))
    monkeypatch.setattr(backups, "back_up",
                        lambda *a, **k: threads.append(threading.get_ident()) or original_back_up(*a, **k))
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    window.check_action.trigger()
    assert any("The database is sound." in text for text in answers.texts("inform"))
    window.backup_action.trigger()
    assert [info.reason for info in backups.list_backups(database.path)] == ["manual"]
    assert len(threads) == 2 and threading.get_ident() not in threads


def test_cancel_of_a_writing_job_waits_for_the_rollback_then_says_cancelled(qtbot, database) -> None:
    """What the import uses: after Cancel the caller learns the truth, here that nothing was written."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    def job(progress) -> None:
        with database.writing() as session:
            session.execute(text("CREATE TABLE half_done_import (x)"))
            progress.report(0)
            session.execute(text(ENDLESS))

    def press_cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.findChild(QPushButton).click()

    timer = QTimer()
    timer.timeout.connect(press_cancel)
    timer.start(100)
    try:
        with pytest.raises(WorkCancelled):
            run_with_progress(None, "Import", "Importing…", job, writes=True)
    finally:
        timer.stop()
    with database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM sqlite_master WHERE name='half_done_import'")).scalar() == 0
