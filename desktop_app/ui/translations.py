"""Which language the window speaks, and loading its translations with Qt's own machinery.

The language is the one asked for (`--lang`, or the Settings dialog), else the system's: Russian
when the system locale's language is Russian, English otherwise. English is the language of the
source, so its catalogue holds only plural forms ("1 meeting", "2 meetings"); Russian loads our
`dialogue_register_ru.qm` and Qt's own `qtbase_ru.qm` (the buttons of message boxes, the file
dialog). `QLocale.setDefault` makes dates and numbers follow the chosen language too.

Country names shown in the window follow `ui_language()`, which the widgets ask when they fill a list.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import cmp_to_key
from pathlib import Path

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QTranslator

from desktop_app.domain.reference import countries, country_name
from desktop_app.resources import resource_path

LANGUAGES = ("en", "ru")
DEFAULT = "en"
CATALOGUE = "dialogue_register"  # resources/translations/dialogue_register_<lang>.qm
QT_CATALOGUES = ("qtbase",)  # Qt's standard dialogs and buttons

_chosen = DEFAULT
_installed: list[QTranslator] = []


def ui_language() -> str:
    """The language chosen at start-up ("en" or "ru"): for country names and reports."""
    return _chosen


def system_language(system: QLocale | None = None) -> str:
    locale = system if system is not None else QLocale.system()
    return "ru" if locale.language() == QLocale.Language.Russian else "en"


def choose_language(language: str | None, system: QLocale | None = None) -> str:
    """The asked-for language if we speak it; None, "" or "system" mean the system locale's."""
    asked = (language or "").strip().lower()
    if asked in LANGUAGES:
        return asked
    return system_language(system)


def catalogue_path(language: str) -> Path:
    return resource_path("translations", f"{CATALOGUE}_{language}.qm")


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own .qm files are: Qt's configured folder, then the one inside the PySide6 package
    (a frozen app may have no qt.conf pointing at it). Imported here: English, the first window's
    usual language, needs none of Qt's catalogues (issue 19: each Qt class named costs its enumerations)."""
    from PySide6.QtCore import QLibraryInfo

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    try:
        import PySide6

        folders.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    except (ImportError, TypeError):  # pragma: no cover - PySide6 is always there
        pass
    return folders


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The system locale when it speaks the chosen language (keeps e.g. Kazakhstan's or Britain's
    formats); otherwise the language's usual country (Russia; the United Kingdom for English)."""
    locale = system if system is not None else QLocale.system()
    if system_language(locale) == language and locale.language() != QLocale.Language.C:
        return locale
    if language == "ru":
        return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def _load(translator: QTranslator, path: Path) -> bool:
    return path.is_file() and translator.load(str(path))


def install_chosen(language: str | None, app: QCoreApplication, system: QLocale | None = None) -> str:
    """Choose the language, install its translators (replacing any installed before) and set the
    default locale; returns the chosen code. A missing .qm leaves that part in English, never fails."""
    global _chosen
    chosen = choose_language(language, system)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = QTranslator(app)  # for English only the plural forms ("1 meeting", "2 meetings")
    if _load(ours, catalogue_path(chosen)):
        _installed.append(ours)
    if chosen != "en":
        for name in QT_CATALOGUES:
            for folder in qt_translations_dirs():
                qt = QTranslator(app)
                if _load(qt, folder / f"{name}_{chosen}.qm"):
                    _installed.append(qt)
                    break
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(locale_for(chosen, system))
    _chosen = chosen
    return chosen


# Dates as the window shows them: Russian as Russian documents write them (13.12.2023); English keeps
# ISO 8601 (2023-12-13), which no English reader misreads, unlike 04/05/2024 read in Britain and America.
QT_DATE_FORMATS = {"ru": "dd.MM.yyyy", "en": "yyyy-MM-dd"}


def date_format() -> str:
    """The Qt display format for date fields in the window's language."""
    return QT_DATE_FORMATS[_chosen]


def format_date(value: date) -> str:
    """In the window's language, the year always in four digits (`strftime`'s %Y writes the year 1 as
    "1": a refusal naming a bundle's 0001-01-01 read "01.01.1")."""
    if _chosen == "ru":
        return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def format_date_range(start: date, end: date | None) -> str:
    """A meeting's days as one reads them: `2023-12-13 – 14` in English, `13–14.12.2023` in Russian."""
    if end is None or end == start:
        return format_date(start)
    same_month = (end.year, end.month) == (start.year, start.month)
    if _chosen == "ru":
        return f"{start.day:02d}–{format_date(end)}" if same_month else f"{format_date(start)} – {format_date(end)}"
    return f"{format_date(start)} – {end.day:02d}" if same_month else f"{format_date(start)} – {format_date(end)}"


def format_moment(value: datetime) -> str:
    """A moment in local time, to the minute (when a backup or a draft was made)."""
    local = value.astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


def remove_installed(app: QCoreApplication, default_locale: QLocale | None = None) -> None:
    """Back to the untranslated source strings (English, "(s)" plurals): for tests and tools that
    switch languages within one process."""
    global _chosen
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _chosen = DEFAULT
    if default_locale is not None:
        QLocale.setDefault(default_locale)


def name_sort_key(language: str | None = None):
    """A sort key that orders names as a reader of the language expects (Ё with Е, case ignored)."""
    from PySide6.QtCore import Qt  # named after the first paint: see ui/qt_later.py

    collator = QCollator(locale_for(language or _chosen, QLocale.c()))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return cmp_to_key(collator.compare)


def local_country_name(code: str | None) -> str:
    """A country's name in the window's language; an unknown code is shown as it is."""
    return country_name(code, _chosen)


def sorted_countries(codes: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(code, name) of the reference countries (or of `codes`), named and sorted in the window's language."""
    chosen = list(codes) if codes is not None else list(countries())
    key = name_sort_key()
    return sorted(((code, local_country_name(code)) for code in chosen), key=lambda pair: key(pair[1]))
