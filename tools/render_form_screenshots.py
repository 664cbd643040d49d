"""Render the dialogue form offscreen to PNG with the demo records, for the README and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_form_screenshots.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services.samples import load_samples
from desktop_app.ui.forms.dialogue_editor import DELEGATIONS, DialogueEditor


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication([])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "demo.sqlite3")
        load_samples(database)
        repository = DialogueRepository(database)
        rows = repository.page().rows
        with_people = max(rows, key=lambda row: row.participant_count)
        editor = DialogueEditor(database, repository.get(with_people.id))
        editor.show()
        app.processEvents()
        editor.grab().save(str(out / "form-details.png"))
        editor.tabs.setCurrentIndex(DELEGATIONS)
        delegations = editor.delegations.delegations()
        busiest = max(range(len(delegations)), key=lambda i: len(delegations[i].participants))
        editor.delegations.select(busiest)
        app.processEvents()
        editor.grab().save(str(out / "form-delegations.png"))
        editor.close()
        database.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
