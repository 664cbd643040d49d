"""The GUI entry: QApplication, the database, the main window."""

from __future__ import annotations

import sys

from desktop_app import __version__


def run_gui(db_option: str | None, language: str | None = None, demo: bool = False) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop_app.domain.errors import UserError
    from desktop_app.paths import resolve_database_path
    from desktop_app.ui import exception_hook, messages
    from desktop_app.ui.settings import APPLICATION, ORGANISATION

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("dialogue-register")  # matches packaging/linux/dialogue-register.desktop
    from desktop_app.ui.translations import install_chosen

    install_chosen(language, app)  # None: the system locale's language; before any window is built
    exception_hook.install()
    from desktop_app.ui.dialogs.damaged_database_dialog import open_or_rescue
    from desktop_app.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    opened = open_or_rescue(resolve_database_path(db_option))  # a damaged file: restore or pick another
    if opened is None:
        return 1
    database = opened.database
    for warning in opened.warnings:  # a cloud or network folder, a daily backup that failed
        messages.warn(None, warning)
    try:
        if demo:
            from desktop_app.db.repositories.dialogues import DialogueRepository
            from desktop_app.services.samples import load_samples

            if DialogueRepository(database).count() == 0:
                load_samples(database)
    except UserError as error:
        messages.fail(None, error.message)
        return 1
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(database)
    window.show()
    return app.exec()
