"""One window per database (issue 13): a second start on the same database brings the first window
forward, handing it its FILE, and never offers the first window's live, unsaved form as "left by a
crash" (finding 5). Who holds a database is said when the holder cannot be reached. The command line
is unaffected."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app.cli import main as cli_main
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services import drafts
from desktop_app.services.exchange.codec import bundle_to_json
from desktop_app.ui.dialogs.import_preview_dialog import ImportPreviewDialog
from desktop_app.ui.window_claim import DatabaseClaim, lock_path
from tests.factories import make_dialogue
from tests.ui.form_driving import type_text

ROOT = Path(__file__).resolve().parents[2]


def _second_start(qtbot, db: Path, *arguments: str, report: Path | None = None) -> subprocess.Popen:
    """`dialogue-register --db DB gui ARGS` as the desktop would start it, while this test's window runs."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    if report is not None:
        environment["DIALOGUE_REGISTER_WINDOW_REPORT"] = str(report)
    return subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(db), "gui", *arguments], cwd=ROOT,
                            env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finished(qtbot, process: subprocess.Popen, timeout_ms: int = 90_000) -> int:
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=timeout_ms)  # our window answers meanwhile
    return process.returncode


def test_a_second_start_with_a_bundle_hands_it_to_the_running_window(qtbot, window, database, tmp_path) -> None:
    bundle = tmp_path / "from-aigul.json"
    bundle.write_text(json.dumps(bundle_to_json([], [], [make_dialogue("Handed over")], source="Aigul")),
                      encoding="utf-8")
    report = tmp_path / "second-window.json"
    second = _second_start(qtbot, database.path, str(bundle), report=report)
    previews: list[ImportPreviewDialog] = []

    def import_when_shown() -> bool:  # the preview runs its own event loop: act on it from a timer
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportPreviewDialog):
            previews.append(dialog)
            dialog.import_button.click()
            return True
        return False

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: import_when_shown() and timer.stop())
    timer.start(50)
    assert _finished(qtbot, second) == 0, second.stderr.read() if second.stderr else ""
    qtbot.waitUntil(lambda: bool(previews), timeout=30_000)
    timer.stop()
    assert not report.exists(), "the second start must not open a window of its own"
    assert "Handed over" in [row.title for row in DialogueRepository(database).page().rows]


def test_a_second_start_never_calls_the_live_form_left_by_a_crash(qtbot, window, database, tmp_path) -> None:
    """Finding 5: the first window's form is being typed into; a second start on the same database must
    not offer (or discard) that draft: it brings the first window forward instead and ends."""
    stored = DialogueRepository(database).save(make_dialogue("Bilateral expert meeting"))
    window.reload()
    window.open_dialogue(stored.id)
    ((editor, _),) = window.editors.open_editors()
    type_text(qtbot, editor.details.title, "Bilateral expert meeting, typed and not saved")
    editor.keep_draft()
    draft_file = drafts.load_draft(database.path, stored.id).path
    report = tmp_path / "second-window.json"
    assert _finished(qtbot, _second_start(qtbot, database.path, report=report)) == 0
    assert not report.exists()
    assert draft_file.exists() and editor.isVisible() and editor.is_modified()
    assert editor.details.title.text() == "Bilateral expert meeting, typed and not saved"
    editor.is_modified = lambda: False  # the test ends here: no question about the unsaved form on closing


def test_who_holds_the_database_is_said_when_it_cannot_be_brought_forward(window, database) -> None:
    other = DatabaseClaim(database.path)
    assert not other.try_claim()
    sentence = other.holder()
    assert str(os.getpid()) in sentence and socket.gethostname() in sentence and database.path.name in sentence


def test_the_claim_is_let_go_when_the_window_closes(qtbot, window, database) -> None:
    window.close()
    after = DatabaseClaim(database.path)
    try:
        assert after.try_claim()
    finally:
        after.release()


def test_a_claim_left_by_a_dead_window_is_taken_over(qapp, tmp_path) -> None:
    path = tmp_path / "left.sqlite3"
    lock = lock_path(path)
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(f"2147483646\nDialogue Register\n{socket.gethostname()}\n", encoding="utf-8")
    claim = DatabaseClaim(path)
    try:
        assert claim.try_claim()
    finally:
        claim.release()


def test_the_command_line_runs_while_the_window_holds_the_database(window, database, capsys) -> None:
    assert cli_main(["--db", str(database.path), "check"]) == 0
    assert "The database is sound." in capsys.readouterr().out


def test_file_open_of_a_database_held_by_another_window_says_who(window, tmp_path, answers) -> None:
    held = tmp_path / "held.sqlite3"
    other_window = DatabaseClaim(held)
    assert other_window.try_claim()
    try:
        before = window.database.path
        assert not window.switch_database(held)
        assert window.database.path == before
        assert any("is open in the Dialogue Register window of" in text for text in answers.texts("warn"))
    finally:
        other_window.release()


def test_opening_the_windows_own_database_by_a_symlink_stays_in_it(window, tmp_path, answers) -> None:
    """File ▸ Open (or a second start handing the file over) of the database this window has open,
    named by a symlink or by the file a link points to: the window told the officer that the database
    "is open in the Dialogue Register window of … (process <its own>); close it there first"."""
    link = tmp_path / "Мои диалоги.sqlite3"
    link.symlink_to(window.database.path)
    before = window.database.path
    assert window.switch_database(link)
    assert window.database.path == before and window.claim is not None and window.claim.holds()
    assert answers.texts("warn") == [] and answers.texts("fail") == []
