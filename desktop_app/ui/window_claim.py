"""One window per database: a lock file beside the database, and a local socket to the window holding it.

Why: two windows on one file each keep drafts of their open forms; the second would call the first's
live, unsaved form "left by a crash" and offer to discard it (issue 13, finding 5). So the window that
opens a database claims it with a `QLockFile` (`.NAME.window-lock` beside it: the holder's process id,
host and program; its owner is the holder's user account), which Qt clears by itself when the holder
died. A second start on the same database does not open it: it hands its FILE argument (or nothing) to
the holder through a `QLocalServer` named after the database, which comes to the front and opens the
file; if the holder cannot be reached (another computer on a shared folder, another user), the second
start says who holds the database. The command line takes no claim: it may run while the window is
open (SQLite's own locking keeps them apart).

The lock file is never the database file: a descriptor of the database itself must not be opened and
closed outside SQLite (see db.live_files).

The window starts listening after its first paint (`listen`, issue 19: QtNetwork is not needed to
show the list); a later start that comes in that moment keeps trying to reach it for a while.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

TIMEOUT_MS = 3000
RETRY_MS = 100  # a later start retries this often while the holder is not yet listening


def lock_path(database_path: Path) -> Path:
    path = Path(os.path.realpath(Path(database_path).expanduser().absolute()))
    return path.with_name(f".{path.name}.window-lock")


def server_name(database_path: Path) -> str:
    """Per database and per user: the socket lives in the user's runtime or temp folder."""
    import getpass  # with hashlib, ~4 ms: a name asked for after the first paint (listen) or by a later start
    import hashlib

    real = os.path.realpath(Path(database_path).expanduser().absolute())
    digest = hashlib.sha256(f"{getpass.getuser()}\0{real}".encode()).hexdigest()[:24]
    return f"dialogue-register-{digest}"


class DatabaseClaim(QObject):
    """The running window's hold on its database; `handed_over` carries what a later start passed on."""

    handed_over = Signal(str)  # a FILE given to the later start, or "" for "just come to the front"

    def __init__(self, database_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database_path = Path(database_path).expanduser().absolute()
        self._lock = QLockFile(str(lock_path(self.database_path)))
        self._lock.setStaleLockTime(0)  # only a dead holder makes it stale, never its age
        self._server: QLocalServer | None = None

    def try_claim(self, listen: bool = True) -> bool:
        """True if this window may open the database (no other live window holds it). `listen=False`:
        later starts are answered once `listen()` is called (the window calls it after its first paint)."""
        try:
            lock_path(self.database_path).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return True  # a folder we cannot write: SQLite will say so in one sentence
        if not self._lock.tryLock(0):
            # A read-only folder allows no claim; opening it says what is wrong. Otherwise: held.
            return self._lock.error() == QLockFile.LockError.PermissionError
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer later starts on this database (once; nothing if the database is not held)."""
        if self._server is None and self._lock.isLocked():
            self._listen()

    def holds(self) -> bool:
        return self._lock.isLocked()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def holder(self) -> str:
        """One sentence: who holds this database (for when the holder cannot be asked to come forward)."""
        info = self._lock.getLockInfo()  # (pid, host, program), or a falsy value when unreadable
        pid, host = (info[0], info[1]) if isinstance(info, tuple) and len(info) == 3 else (0, "")
        user = _owner_of(lock_path(self.database_path))
        if not pid:
            return QCoreApplication.translate(
                "WindowClaim", "The database %1 is open in another Dialogue Register window; close it there "
                "first, or open another file.").replace("%1", self.database_path.name)
        return (QCoreApplication.translate(
            "WindowClaim", "The database %1 is open in the Dialogue Register window of %2 on %3 (process %4); "
            "close it there first, or open another file.")
            .replace("%1", self.database_path.name).replace("%2", user).replace("%3", host or "?")
            .replace("%4", str(pid)))

    def _listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self.database_path)
        QLocalServer.removeServer(name)  # a socket left by a holder that died; we hold the lock now
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(name):
            server.newConnection.connect(self._answer)
            self._server = server

    def _answer(self) -> None:
        import json  # where used: the first window imports none of this module's talk (issue 19)

        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.waitForReadyRead(TIMEOUT_MS)
            while not socket.canReadLine() and socket.waitForReadyRead(TIMEOUT_MS):
                pass
            try:
                request = json.loads(bytes(socket.readLine().data()).decode("utf-8") or "{}")
            except ValueError:
                request = {}
            socket.write(b"OK\n")
            socket.flush()
            socket.waitForBytesWritten(TIMEOUT_MS)
            socket.disconnectFromServer()
            socket.deleteLater()
            self.handed_over.emit(str(request.get("file") or ""))


def hand_over(database_path: Path, file: Path | None = None) -> bool:
    """Ask the window holding `database_path` to come forward (and open `file`); True if it answered.

    A holder that has just started listens after its first paint: a refused connection is tried again
    for up to TIMEOUT_MS before the holder is taken to be out of reach."""
    import json

    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        socket.connectToServer(server_name(database_path))
        if socket.waitForConnected(TIMEOUT_MS):
            break
        if time.monotonic() >= deadline:
            return False
        socket.abort()
        time.sleep(RETRY_MS / 1000)
    request = {"file": str(Path(file).expanduser().absolute()) if file else ""}
    socket.write(json.dumps(request).encode("utf-8") + b"\n")
    socket.flush()
    if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
        socket.waitForBytesWritten(TIMEOUT_MS)
    # the answer may be here already (read while writing), even if the holder has hung up since
    while not socket.canReadLine() and socket.waitForReadyRead(TIMEOUT_MS):
        pass
    answered = socket.canReadLine() and bytes(socket.readLine().data()).startswith(b"OK")
    socket.disconnectFromServer()
    return bool(answered)


def _owner_of(path: Path) -> str:
    """The lock file's owner: the user account whose window holds the database."""
    try:
        import pwd  # POSIX only

        return pwd.getpwuid(path.stat().st_uid).pw_name
    except (ImportError, OSError, KeyError):
        return "?"
