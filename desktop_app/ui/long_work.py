"""Long work off the window's thread, with progress and Cancel (docs/architecture-long-work.md).

`Work(job)` runs `job(progress)` on Qt's thread pool (`QThreadPool`/`QRunnable`). The job gets only a
`Progress`: it reports how far it is and may call `progress.check()` to stop early; it never touches
a widget. It calls services, which open their own unit of work on the shared engine, so each thread
uses its own SQLite connection from the pool. The outcome comes back as a queued signal in the
window's thread: `succeeded(result)`, `failed(sentence)`, or `cancelled()`.

Cancel is real: `Work.cancel()` sets the job's flag; a statement running in the job's thread is
interrupted by SQLite (db.cancelling), its unit of work rolls back, and nothing is written; jobs with
a loop of their own stop at their next `progress.check()`. A job that cannot be stopped half-way
(an SQLite backup copy, the integrity check) finishes unseen and its result is dropped.

`run_with_progress(parent, title, label, job)` is the everyday form: it shows a window-modal progress
dialog with Cancel, keeps the window painting while it waits, and then returns the result (or raises
the `UserError`, or `WorkCancelled`), so a caller keeps its plain, synchronous shape.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.db.cancelling import cancellable, was_interrupted
from desktop_app.domain.errors import UserError
from desktop_app.logs import logger

SHOW_AFTER_MS = 400  # quicker work never flashes a dialog


class WorkCancelled(Exception):
    """The officer pressed Cancel: the work stopped and nothing of it was written."""


class Progress:
    """What a job may do with the window: say how far it is, and ask whether to stop. Thread-safe."""

    def __init__(self, work: Work) -> None:
        self._work = work

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        self._work.progressed.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._work.cancel_event.is_set()

    def check(self) -> None:
        """Stop here if Cancel was pressed (raises WorkCancelled, which the Work reports as cancelled)."""
        if self.cancelled:
            raise WorkCancelled


class Work(QObject):
    """One piece of long work; its signals arrive in the thread that created it (the window's)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # a UserError: the job's own, or one whose sentence is the apology for a bug
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, job: Callable[[Progress], Any], category: str = "ui", name: str = "work",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.name = name
        self.cancel_event = threading.Event()
        self._log = logger(category)

    def start(self, pool: QThreadPool | None = None) -> None:
        # Deleted in the window's thread, after its last signal is delivered: were the pool's worker to
        # drop the last reference, the object would die in that thread while its queued signals wait
        # in this one (a crash in the event loop, seen about 1 run in 10 of tests/ui/test_long_work.py).
        application = QCoreApplication.instance()
        if self.parent() is None and application is not None and application.thread() is self.thread():
            self.setParent(application)
            self.finished.connect(self.deleteLater)
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))

    def cancel(self) -> None:
        self.cancel_event.set()

    def run_here(self) -> None:
        """The job itself, in the calling thread (the pool's worker calls this)."""
        started = time.monotonic()
        try:
            with cancellable(self.cancel_event):
                result = self.job(Progress(self))
        except WorkCancelled:
            self._cancelled(started)
        except UserError as error:
            if self.cancel_event.is_set() and was_interrupted(error):
                self._cancelled(started)
            else:
                self._log.info("%s failed after %.1f s: %s", self.name, time.monotonic() - started,
                               type(error).__name__)
                self.failed.emit(error)
        except Exception as error:
            if self.cancel_event.is_set() and was_interrupted(error):
                self._cancelled(started)
            else:
                from desktop_app.errorlog import apology

                self._log.error("%s: a bug (%s)", self.name, type(error).__name__)
                self.failed.emit(UserError(apology(error)))
        else:  # finished, even if Cancel came too late to stop it: what it wrote is written, say so
            self._log.info("%s took %.1f s", self.name, time.monotonic() - started)
            self.succeeded.emit(result)
        self.finished.emit()

    def _cancelled(self, started: float) -> None:
        self._log.info("%s cancelled after %.1f s", self.name, time.monotonic() - started)
        self.cancelled.emit()


class _Runnable(QRunnable):
    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work  # keeps the Work alive until the job has ended, even if nobody waits for it

    def run(self) -> None:
        # "Signal source has been deleted": the program ended while the job ran (a background backup
        # at quit, issue 19); what it wrote is whole, and nobody is left to tell
        with contextlib.suppress(RuntimeError):
            self.work.run_here()


def run_with_progress(parent: QWidget | None, title: str, label: str, job: Callable[[Progress], Any],
                      category: str = "ui", name: str = "work", writes: bool = False) -> Any:
    """Run `job` off the window's thread behind a progress dialog with Cancel; return its result.

    Raises the job's `UserError` (one sentence, as if the call had been made here) or `WorkCancelled`.
    `writes`: after Cancel, wait for the job to stop (SQLite interrupts it and rolls back), so the
    caller learns the truth: cancelled with nothing written, or finished just before Cancel arrived.
    A job that only reads is left to finish unseen and its result dropped.
    """
    work = Work(job, category, name)
    dialog = QProgressDialog(label, QCoreApplication.translate("LongWork", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def finish(key: str, value: Any) -> None:
        if not outcome:
            outcome[key] = value
            QTimer.singleShot(0, loop.quit)

    def show_progress(done: int, total: int, text: str) -> None:
        if outcome:
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    work.progressed.connect(show_progress)
    work.succeeded.connect(lambda result: finish("result", result))
    work.failed.connect(lambda message: finish("error", message))
    work.cancelled.connect(lambda: finish("cancelled", True))
    dialog.canceled.connect(work.cancel)
    if writes:
        dialog.canceled.connect(lambda: dialog.setLabelText(QCoreApplication.translate("LongWork", "Stopping…")))
    else:
        dialog.canceled.connect(lambda: finish("cancelled", True))  # never wait for a read that cannot stop
    dialog.setValue(0)
    work.start()
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    if "cancelled" in outcome:
        raise WorkCancelled
    return outcome["result"]
