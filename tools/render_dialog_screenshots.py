"""Render the Settings, first-run and About dialogs offscreen to docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_dialog_screenshots.py

A throw-away database and settings folder: nothing of the user's is read or changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    scratch = Path(tempfile.mkdtemp(prefix="dialogue-register-dialogs-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))

    from desktop_app.paths import standard_database_path
    from desktop_app.services.backups import back_up
    from desktop_app.services.samples import load_samples
    from desktop_app.services.startup import open_for_work
    from desktop_app.ui.dialogs.about_dialog import AboutDialog
    from desktop_app.ui.dialogs.first_run_dialog import FirstRunDialog
    from desktop_app.ui.dialogs.settings_dialog import SettingsDialog

    database = open_for_work(scratch / "Documents" / "dialogues.sqlite3").database
    load_samples(database)
    back_up(database.path)
    OUT.mkdir(parents=True, exist_ok=True)
    dialogs = {"settings": SettingsDialog(), "first-run": FirstRunDialog(standard_database_path()),
               "about": AboutDialog(database)}
    for name, dialog in dialogs.items():
        dialog.show()
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(OUT / f"{name}.png"))
        print(OUT / f"{name}.png")
        dialog.close()
    database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
