"""The GUI entry: QApplication, the database, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import cast

from desktop_app import __version__

WINDOW_REPORT = "DIALOGUE_REGISTER_WINDOW_REPORT"
# what the first window needs that has no Qt in it: imported before PySide6 (_import_before_qt)
BEFORE_QT = ("platformdirs", "desktop_app.db.first_page", "desktop_app.db.opening", "desktop_app.db.repositories.later",
             "desktop_app.domain.reference", "desktop_app.domain.party_name", "desktop_app.errorlog",
             "desktop_app.services.startup")  # a file: describe the first window there and quit


def run_gui(db_option: str | None, language: str | None = None, demo: bool = False, file: Path | None = None) -> int:
    """The window. `file` (contract v2, `gui FILE`): a database is opened instead of the usual one; a
    bundle or registration list is opened in the window once it is up. If a window already holds the
    database, it is brought forward and handed `file`, and this start ends."""
    _import_before_qt()
    from PySide6.QtWidgets import QApplication

    from desktop_app.domain.errors import UserError
    from desktop_app.ui import exception_hook, messages
    from desktop_app.ui.settings import APPLICATION, ORGANISATION

    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv))  # the program makes no other kind
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("dialogue-register")  # matches packaging/linux/dialogue-register.desktop
    from desktop_app.ui.preferences import chosen_language, load_preferences
    from desktop_app.ui.translations import install_chosen

    preferences = load_preferences()
    install_chosen(chosen_language(language, preferences), app)  # before any window; None: the system's
    exception_hook.install()
    from desktop_app.ui import database_files
    from desktop_app.ui.icons import app_icon
    from desktop_app.ui.main_window import DATABASE_SUFFIXES
    from desktop_app.ui.window_claim import DatabaseClaim, hand_over

    app.setWindowIcon(app_icon())
    from desktop_app.ui.first_start import is_sample_database, start_database

    path: Path | None
    if file is not None and file.suffix.lower() in DATABASE_SUFFIXES:
        path, file = file, None
    else:
        path = start_database(db_option, preferences)  # the first-run screen when there is no database yet
    if path is None:
        return 0
    claim = DatabaseClaim(path)
    if not claim.try_claim(listen=False):  # one window per database: bring that one forward with our FILE
        if hand_over(path, file):
            return 0
        messages.warn(None, claim.holder())
        return 1
    sample = is_sample_database(path)
    # The one open path: checks, upgrade, permissions, daily backup, warnings, rescue for a damaged file.
    opened = database_files.open_for_window(None, path, claim=claim, retention=preferences.retention())
    if opened is None:
        return 1
    database, claim, later = opened
    try:
        if demo or sample:
            from desktop_app.db.repositories.dialogues import DialogueRepository
            from desktop_app.services.samples import load_samples

            if DialogueRepository(database).count() == 0:
                load_samples(database)
    except UserError as error:
        messages.fail(None, error.message)
        return 1
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.officer import ask_once

    # its title says when these are sample records; the quick_check and daily backup follow its first paint
    window = MainWindow(database, claim=claim, later=later)
    window.show()
    # the officer's name, asked at the first start over the painted list; it authors every edit (docs/exchange.md)
    window.when_painted(lambda: ask_once(window))
    if file is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: window.open_file(file))
    if report := os.environ.get(WINDOW_REPORT):
        _report_window_and_quit(window, app, Path(report))
    return app.exec()


def _import_before_qt() -> None:
    """The modules without Qt that the first window needs, imported before PySide6 (issue 19).

    Once PySide6 is imported, its import hook (`shibokensupport.feature`) reads the source of every
    module imported after it, looking for "PySide6" (~0.4 ms a module; ~60-100 ms of CPU for the ~150
    modules below and the standard library's they pull in). Imported first, they are not read;
    only the few that a window module names later are. SQLAlchemy and the rest follow the first
    paint and pay it then, when nobody waits.

    Then PySide6 itself, and that hook taken out again (`ui.plain_imports`, round 6): the program selects
    no PySide6 feature, so reading sources was all the hook did for it (~37 M instructions, ~12 ms,
    before the first paint; more after it)."""
    import importlib

    for name in BEFORE_QT:
        importlib.import_module(name)
    from desktop_app.ui.plain_imports import without_feature_hook  # before PySide6, or the hook reads it

    importlib.import_module("PySide6.QtWidgets")  # installs the hook
    without_feature_hook()


def _report_window_and_quit(window: object, app: object, target: Path) -> None:
    """For checking a built folder on a machine nobody looks at: once the window is up, write what it
    shows (title, menus, language) as JSON and quit. Set by `packaging/test_built_app.py`."""
    from PySide6.QtCore import QLocale, QTimer

    def write() -> None:
        import json

        menus = [action.text().replace("&", "") for action in window.menuBar().actions()]  # type: ignore[attr-defined]
        from desktop_app.services.safe_files import write_file

        data = json.dumps({"title": window.windowTitle(), "menus": menus,  # type: ignore[attr-defined]
                           "locale": QLocale().name()}, ensure_ascii=False).encode("utf-8")
        write_file(target, lambda stream: stream.write(data))
        app.quit()  # type: ignore[attr-defined]

    QTimer.singleShot(0, write)
