"""Render the main window, the dialogue form and the report dialog in one language, offscreen, with the
demo records, to docs/screenshots/<lang>-*.png (the README's "Languages" section shows them).

    .venv/bin/python tools/render_screenshots.py --lang ru
    .venv/bin/python tools/render_screenshots.py --lang en --out /tmp/shots

A throw-away database and settings folder are used, so nothing of the user's is read or changed. The
language is installed exactly as the program does at start (`install_chosen`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)  # the usual programme laptop


def settle(app: object, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=("en", "ru"), required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    scratch = Path(tempfile.mkdtemp(prefix="dialogue-register-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))

    from desktop_app.db.opening import open_database
    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.services.samples import load_samples
    from desktop_app.ui.translations import install_chosen

    install_chosen(args.lang, app)
    from desktop_app.ui.dialogs.report_dialog import ReportDialog
    from desktop_app.ui.forms.dialogue_editor import DELEGATIONS, DialogueEditor
    from desktop_app.ui.main_window import MainWindow

    database = open_database(scratch / "dialogues.sqlite3")
    load_samples(database)
    args.out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []

    def shoot(widget: object, name: str) -> None:
        settle(app)
        path = args.out / f"{args.lang}-{name}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        shots.append(path)

    window = MainWindow(database)
    window.resize(*SIZE)
    window.show()
    shoot(window, "dialogue-list")

    repository = DialogueRepository(database)
    busiest = max(repository.page().rows, key=lambda row: row.participant_count)
    editor = DialogueEditor(database, repository.get(busiest.id))
    editor.resize(*SIZE)
    editor.show()
    shoot(editor, "form-details")
    editor.tabs.setCurrentIndex(DELEGATIONS)
    delegations = editor.delegations.delegations()
    if delegations:
        editor.delegations.select(max(range(len(delegations)), key=lambda i: len(delegations[i].participants)))
    shoot(editor, "form-delegations")
    editor.close()

    report = ReportDialog(database)
    report.resize(1100, SIZE[1])
    report.show()
    shoot(report, "report")
    report.close()

    window.close()
    database.close()
    for path in shots:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
