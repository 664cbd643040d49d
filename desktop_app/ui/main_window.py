"""The main window. (The full dialogue list and forms come with the desktop UI issue.)"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from desktop_app.db.repositories.people import database_counts
from desktop_app.db.unit_of_work import Database


class MainWindow(QMainWindow):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setWindowTitle(f"Dialogue Register — {database.path.name}")
        self.setCentralWidget(QLabel(database_counts(database).describe()))
        self.resize(1000, 700)
