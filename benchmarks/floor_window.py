"""The plain floor of the first window (issue 19): `QMainWindow` + `QTableView` over `QSqlQueryModel`.

    .venv/bin/python benchmarks/floor_window.py DATABASE            # prints "shown ROWS CPU_MS", then quits
    .venv/bin/python benchmarks/floor_window.py DATABASE --settle   # also "peak KB" (VmHWM) once painted
    .venv/bin/python benchmarks/floor_window.py DATABASE --exit-at-shown   # ends the process there (no shutdown)

What any PySide6 program showing the dialogue list must pay: start Python, import QtWidgets and QtSql,
make the application, open the file, run the list's query and show it in a main window. Nothing else:
no checks, no backup, no menus. `make bench` runs it beside the program's own first window
(benchmarks/run.py, groups `startup` and `memory`), alternately, on the same file; the ratio of the two
is the program's cost above the floor. It only reads (QSQLITE opens the file read-only here), so it can
run on the shared read-only benchmark cache.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtSql import QSqlDatabase, QSqlQueryModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

LIST_QUERY = ("SELECT title, start_date, series, city, status, delegation_count, participant_count "
              "FROM dialogues WHERE deleted_at IS NULL ORDER BY start_date DESC, id DESC")


def peak_kilobytes() -> int:
    """Peak resident memory of this process (Linux VmHWM; ru_maxrss elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main(argv: list[str]) -> int:
    app = QApplication(argv[:1])
    database = QSqlDatabase.addDatabase("QSQLITE")
    database.setConnectOptions("QSQLITE_OPEN_READONLY")
    database.setDatabaseName(argv[1])
    if not database.open():
        print("cannot open", argv[1], file=sys.stderr)
        return 1
    model = QSqlQueryModel()
    model.setQuery(LIST_QUERY, database)
    view = QTableView()
    view.setModel(model)
    window = QMainWindow()
    window.setCentralWidget(view)
    window.resize(1280, 780)
    window.show()
    settle, exit_at_shown = "--settle" in argv, "--exit-at-shown" in argv

    def shown() -> None:
        print("shown", model.rowCount(), round(time.process_time() * 1000, 1), flush=True)  # CPU ms so far
        if settle:
            print("peak", peak_kilobytes(), flush=True)
        if exit_at_shown:  # benchmarks/window_instructions.py: count nothing after the window is shown
            os._exit(0)
        app.quit()

    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
