"""The About box: version, where the data and backups are, and a licence for every component shipped."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from desktop_app import __version__
from desktop_app.db.unit_of_work import Database
from desktop_app.licences import COMPONENTS, PROGRAM_LICENCE
from desktop_app.services import backups
from desktop_app.ui.dialogs.about_dialog import AboutDialog
from desktop_app.ui.preferences import Preferences, save_preferences

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
ROOT = Path(__file__).resolve().parents[2]


def _open(qtbot, database: Database) -> AboutDialog:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


def test_shows_the_version_and_where_the_database_and_backups_are(qtbot, database: Database,  # type: ignore[no-untyped-def]
                                                                  db_path: Path, opened_urls: list[str]) -> None:
    backups.back_up(db_path)
    save_preferences(Preferences(keep_last=4, keep_months=3))
    dialog = _open(qtbot, database)

    assert __version__ in dialog.version.text()
    assert dialog.database_label.text() == str(db_path)
    assert dialog.backups_label.text() == str(db_path.parent / "backups")
    assert "newest 4 backups" in dialog.kept.text() and "3 months" in dialog.kept.text()

    qtbot.mouseClick(dialog.database_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.backups_button, Qt.MouseButton.LeftButton)
    assert opened_urls == [str(db_path.parent), str(db_path.parent / "backups")]


def test_before_the_first_backup_the_folder_is_said_to_be_empty(qtbot, database: Database,  # type: ignore[no-untyped-def]
                                                                opened_urls: list[str]) -> None:
    dialog = _open(qtbot, database)
    assert "no backups yet" in dialog.backups_label.text()
    assert not dialog.backups_button.isEnabled()


def test_lists_the_programs_own_licence_and_every_component(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    text = _open(qtbot, database).licences.toPlainText()
    assert f"under the {PROGRAM_LICENCE} licence" in text
    for component in COMPONENTS:
        assert component.name in text and component.licence in text
    for name, licence in (("Qt / PySide6", "LGPL-3.0"), ("SQLAlchemy", "MIT"), ("Alembic", "MIT"),
                          ("openpyxl", "MIT"), ("python-docx", "MIT"), ("platformdirs", "MIT"),
                          ("Tabler Icons", "MIT")):
        assert re.search(rf"{re.escape(name)}\s+{re.escape(licence)}", text), name


def _requirement_names() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {re.split(r"[<>=!~\[ ;]", requirement)[0].lower().replace("_", "-")
            for requirement in project["dependencies"]}


def test_every_runtime_dependency_has_a_licence_entry() -> None:
    listed = {c.distribution.lower().replace("_", "-") for c in COMPONENTS if c.distribution}
    assert _requirement_names() - listed == set()
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"] == PROGRAM_LICENCE


def test_licenses_md_lists_the_same_components() -> None:
    text = (ROOT / "LICENSES.md").read_text()
    for component in COMPONENTS:
        assert f"| {component.name} | {component.purpose} | {component.licence} |" in text, component.name
