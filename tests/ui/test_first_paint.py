"""Issue 19: the first window shows its list before SQLAlchemy, the models and the repositories are
imported (they were ~60 % of its start-up); they follow the first paint. A fresh process is started
through the real entry, as the officer starts the program."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.factories import make_dialogue

ROOT = Path(__file__).resolve().parents[2]

# At the first paint of the list (MainWindow._after_first_paint starts what can wait), say which
# heavy modules are loaded and what the list shows, then quit.
PROBE = r"""
import importlib.util
import sys

def first_paint(self):
    # Qt's own namespace (`Qt`, ~100 Python enumerations made at once, ~30 ms): a C++ model shows the
    # first page and nothing before the paint names `Qt` (round 6)
    print("Qt namespace:", "made" if "Qt" in sys.modules["PySide6.QtCore"].__dict__ else "not made", flush=True)
    heavy = [name for name in ("sqlalchemy", "desktop_app.db.models", "desktop_app.db.repositories.dialogues",
                               "desktop_app.db.repositories.people", "alembic") if name in sys.modules]
    print("heavy:", " ".join(heavy) or "none", flush=True)
    # built or used only after the paint (round 5): the other pages, the claim's socket, the form-only helpers;
    # round 6: the records the list does not show (domain.list_records has the list's own), and `locale`
    # (argparse's message lookup: the usual start builds no parser)
    later = [name for name in ("desktop_app.ui.people_view", "desktop_app.ui.institutions_view",
                               "desktop_app.ui.person_dialog", "desktop_app.ui.record_list_page",
                               "PySide6.QtNetwork", "uuid", "secrets", "anyascii", "logging.handlers",
                               "hashlib", "desktop_app.domain.records", "locale",
                               # round 7: taking, listing and restoring backups (the daily one runs after the
                               # paint; the start needs only the retention policy, services.retention)
                               "desktop_app.services.backups", "desktop_app.services.safe_files")
             if name in sys.modules]
    print("deferred but loaded:", " ".join(later) or "none", flush=True)
    print("rows:", self.dialogues.model.rowCount(), self.dialogues.model.index(0, 1).data(), flush=True)
    order = list(sys.modules)
    late = [name for name in ("desktop_app.domain.list_records", "desktop_app.db.first_page",
                              "desktop_app.services.startup",
                              "desktop_app.domain.reference", "platformdirs")
            if order.index(name) > order.index("PySide6.QtCore")]
    print("imported after PySide6:", " ".join(late) or "none", flush=True)
    # PySide6's feature hook reads the source of each module an import returns (round 6: put back)
    import linecache
    read = sorted(name.rsplit("desktop_app", 1)[1] for name in linecache.cache if "desktop_app" in name)
    print("sources read:", " ".join(read) or "none", flush=True)
    # Python's cyclic collector: held off while the window is made (round 7), put back by the real
    # _after_first_paint (replaced here) or when the window ends
    import gc
    print("collector at the paint:", "on" if gc.isenabled() else "held", flush=True)
    from PySide6.QtWidgets import QApplication
    QApplication.instance().quit()

class PatchWhenLoaded:
    # the window's module patched as it is imported, so the probe imports nothing before the entry does
    def find_spec(self, name, path, target=None):
        if name != "desktop_app.ui.main_window":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module
        def exec_module(module):
            load(module)
            module.MainWindow._after_first_paint = first_paint
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, PatchWhenLoaded())
from desktop_app.cli import main
status = main(["--db", sys.argv[1]])
import gc
print("collector at the end:", "on" if gc.isenabled() else "held", flush=True)
sys.exit(status)
"""


def test_the_list_is_painted_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    database = open_database(path)
    repository = DialogueRepository(database)
    repository.save(make_dialogue("Older meeting", start_date=make_dialogue().start_date.replace(year=2020)))
    repository.save(make_dialogue("Newest meeting"))
    database.close()
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
                       XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True,
                            env=environment, cwd=ROOT, timeout=120)
    assert "heavy: none" in result.stdout, result.stdout + result.stderr
    assert "Qt namespace: not made" in result.stdout, result.stdout + result.stderr
    assert "rows: 2 Newest meeting" in result.stdout, result.stdout + result.stderr
    assert "deferred but loaded: none" in result.stdout, result.stdout + result.stderr
    # before PySide6, whose import hook reads the source of every module imported after it
    assert "imported after PySide6: none" in result.stdout, result.stdout + result.stderr
    # and no window module's source was read by PySide6's import hook on its way in
    assert "sources read: none" in result.stdout, result.stdout + result.stderr
    assert "collector at the paint: held" in result.stdout, result.stdout + result.stderr
    assert "collector at the end: on" in result.stdout, result.stdout + result.stderr


def test_the_collector_is_put_back_after_the_first_paint(qtbot, database) -> None:
    """The window's start holds Python's cyclic collector (desktop_app/garbage.py); the work after the
    first paint puts it back, so the officer's session runs with it as any program does."""
    import gc

    from desktop_app import garbage
    from desktop_app.ui.main_window import MainWindow

    enabled = gc.isenabled()
    gc.enable()
    garbage.hold()
    try:
        window = MainWindow(database)
        qtbot.addWidget(window)
        window.show()
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: window._when_painted is None)  # _after_first_paint has run
        assert gc.isenabled()
    finally:
        garbage.release()
        (gc.enable if enabled else gc.disable)()
