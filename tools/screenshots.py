"""Render the main screens offscreen to PNG in docs/screenshots/, with the demo records loaded.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py

Uses a throw-away database and settings folder, so nothing of the user's is read or changed.
The dialogue form and its delegation tab are rendered too once `desktop_app.ui.forms.dialogue_editor`
exists.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)  # the usual programme laptop


def settle(app: object, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QTabWidget

    app = QApplication.instance() or QApplication(sys.argv)
    scratch = Path(tempfile.mkdtemp(prefix="dialogue-register-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))

    from desktop_app.db.opening import open_database
    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.services.samples import load_samples
    from desktop_app.ui.main_window import DIALOGUES, PEOPLE, TRASH, MainWindow

    database = open_database(scratch / "dialogues.sqlite3")
    load_samples(database)
    window = MainWindow(database)
    window.resize(*SIZE)
    window.show()
    settle(app)
    OUT.mkdir(parents=True, exist_ok=True)
    shots = []

    def shoot(widget: object, name: str) -> None:
        settle(app)
        path = OUT / f"{name}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        shots.append(path)

    window.show_page(DIALOGUES)
    shoot(window, "dialogue-list")
    window.dialogues.filters.search.setText("methamphetamine")
    window.dialogues.filters._emit()  # skip the typing delay
    shoot(window, "dialogue-search")
    window.dialogues.filters.search.clear()
    window.dialogues.filters._emit()
    window.show_page(PEOPLE)
    shoot(window, "people")

    first = window.dialogues.model.row_at(window.dialogues.model.rowCount() - 1)
    if first is not None:
        DialogueRepository(database).delete(first.id)
        window.reload()
        window.show_page(TRASH)
        window.trash.table.selectRow(0)
        shoot(window, "trash")
        DialogueRepository(database).restore(first.id)
        window.reload()

    if importlib.util.find_spec("desktop_app.ui.forms") and \
            importlib.util.find_spec("desktop_app.ui.forms.dialogue_editor"):
        window.show_page(DIALOGUES)
        model = window.dialogues.model
        target = next((model.row_at(n) for n in range(model.rowCount())
                       if (row := model.row_at(n)) and row.title.endswith("2023")), model.row_at(0))
        if target is not None:
            window.open_dialogue(target.id)
            editors = window.editors.open_editors()
            if editors:
                editor = editors[-1][0]
                editor.resize(*SIZE)
                shoot(editor, "dialogue-form")
                for tabs in editor.findChildren(QTabWidget):
                    for index in range(tabs.count()):
                        if "deleg" in tabs.tabText(index).lower():
                            tabs.setCurrentIndex(index)
                            shoot(editor, "delegations")
                            break
                editor.close()

    window.close()
    database.close()
    for path in shots:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
