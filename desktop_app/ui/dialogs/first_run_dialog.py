"""The first start: no database yet, so ask what the officer wants instead of making an empty file.

Shown only when nobody named a file (`--db`, DIALOGUE_REGISTER_DB), no database exists at the
default location and no real database was opened before; and, said as such, when the database
opened at start (the default location or the one chosen in Settings) is not there though others
were opened before. Tests and scripts always name their
file, so the screen never appears there on its own.

The three answers:
- Create a new database: at the default location shown on the screen.
- Open an existing one…: that file, remembered as the database opened at start (Settings).
- Try with sample records: `sample-dialogues.sqlite3` beside the default location, filled with the
  sample bundle; the window title says it holds sample records, and the next start asks again.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.paths import default_database_path
from desktop_app.ui.first_start import (  # the start's own part; named here too, where they were
    SAMPLE_FILE_NAME,
    is_first_run,
    is_sample_database,
    sample_database_path,
    sample_note,
    start_database,
)
from desktop_app.ui.icons import app_icon
from desktop_app.ui.preferences import Preferences, load_preferences, save_preferences

__all__ = ["SAMPLE_FILE_NAME", "Choice", "FirstRunDialog", "ask_first_database", "is_first_run",
           "is_sample_database", "remember_chosen", "sample_database_path", "sample_note", "start_database"]


class Choice(Enum):
    CREATE = "create"
    OPEN = "open"
    SAMPLE = "sample"


class FirstRunDialog(QDialog):
    """`missing`: not a first start, but the database opened at start is not there (moved, deleted, on a
    share or stick not connected). The same answers are offered, said as such, rather than an empty
    database made in its place: that hid the records, and what was typed into it would lie under the
    share once connected (round 17)."""

    def __init__(self, default_path: Path, parent: QWidget | None = None, missing: bool = False) -> None:
        # imported here: a start with a database shows no first-run screen, and names no `Qt` (issue 19)
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QCommandLinkButton, QDialogButtonBox

        super().__init__(parent)
        self.default_path = Path(default_path)
        self.choice: Choice | None = None
        self.chosen_path: Path | None = None
        self.setWindowTitle(self.tr("Dialogue Register") if missing else self.tr("Welcome to Dialogue Register"))

        picture = QLabel()
        picture.setPixmap(app_icon().pixmap(QSize(64, 64)))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        if missing:
            title = self.tr("The database is not there")  # outside the f-string, where lupdate finds it
            headline = QLabel(f"<h2>{title}</h2>")
            intro = QLabel(self.tr("%1, the database opened at start, is not there: moved, deleted, or on a drive "
                                   "that is not connected. Connect the drive and start again, or choose:")
                           .replace("%1", str(self.default_path)))
        else:
            headline = QLabel(f"<h2>{self.tr('Welcome to Dialogue Register')}</h2>")
            intro = QLabel(self.tr("Your dialogues, delegations and participants are kept in one database file on "
                                   "this computer. There is none yet: how would you like to start?"))
        intro.setWordWrap(True)
        words = QVBoxLayout()
        words.addWidget(headline)
        words.addWidget(intro)
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addLayout(words, 1)

        self.create_button = QCommandLinkButton(
            self.tr("Create a new database"),
            self.tr("An empty database at %1").replace("%1", str(self.default_path)))
        self.open_button = QCommandLinkButton(
            self.tr("Open an existing one…"),
            self.tr("A database file you already have, for example copied from a colleague or another "
                    "computer. It will be opened each time the program starts."))
        self.sample_button = QCommandLinkButton(
            self.tr("Try with sample records"),
            self.tr("A separate sample database (%1) with invented dialogues to look around in; "
                    "your own records never go there.").replace("%1", SAMPLE_FILE_NAME))
        self.create_button.clicked.connect(lambda: self._chosen(Choice.CREATE, self.default_path))
        self.open_button.clicked.connect(self._open_existing)
        self.sample_button.clicked.connect(
            lambda: self._chosen(Choice.SAMPLE, sample_database_path(self.default_path)))
        # a database not there is not replaced by a new one on Return: the officer chooses it by name
        (self.open_button if missing else self.create_button).setDefault(True)

        buttons = QDialogButtonBox()
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for button in (self.create_button, self.open_button, self.sample_button):
            layout.addWidget(button)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def choose_existing(self) -> Path | None:
        """Ask for the file; tests replace this to answer without a native file dialog."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open an existing database"), str(Path.home()),
            self.tr("Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)"))
        return Path(name) if name else None

    def _open_existing(self) -> None:
        path = self.choose_existing()
        if path is not None:
            self._chosen(Choice.OPEN, path)

    def _chosen(self, choice: Choice, path: Path) -> None:
        self.choice = choice
        self.chosen_path = Path(path).expanduser().absolute()
        self.accept()


def remember_chosen(choice: Choice | None, path: Path | None, preferences: Preferences) -> None:
    """An existing file the officer opened becomes the database opened at start (else the next start
    would make an empty one at the default location); the other answers leave Settings alone."""
    if choice is Choice.OPEN and path is not None:
        save_preferences(preferences._replace(database_path=str(path)))


def ask_first_database(parent: QWidget | None = None, default_path: Path | None = None,
                       missing: bool = False) -> Path | None:
    """Show the first-run screen (`missing`: the start's database is not there); the database to open,
    or None when the officer quits."""
    preferences = load_preferences()
    default_path = default_path or default_database_path(preferences.database_location())
    dialog = FirstRunDialog(default_path, parent, missing)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    remember_chosen(dialog.choice, dialog.chosen_path, preferences)
    return dialog.chosen_path
