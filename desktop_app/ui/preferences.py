"""The officer's choices from Settings, typed, kept in the same QSettings file as the window layout.

Why a typed record over raw QSettings keys: every reader gets a checked value of the right type, and
a hand-edited or older settings file with a nonsense value falls back to the default instead of
breaking the start of the program. A named tuple, not a dataclass: it is read before the first
window's paint, and a dataclass's methods are compiled as its module is imported (issue 19). The
services never see QSettings: the window passes them plain values (a database path, a
RetentionPolicy, report defaults).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from desktop_app.services.retention import DEFAULT_RETENTION, RetentionPolicy
from desktop_app.ui.settings import app_settings

LANGUAGES = ("", "en", "ru")  # "" = the system's language
REPORT_FORMATS = ("pdf", "docx", "xlsx", "html")
KEEP_LAST_RANGE = (1, 999)
KEEP_MONTHS_RANGE = (0, 120)
BUNDLE_LIMIT_MB_RANGE = (1, 16384)  # issue 21: bundles are read whole, so their size is bounded
DEFAULT_BUNDLE_LIMIT_MB = 2048

_GROUP = "preferences"
_KEYS = {"language": "language", "database_path": "databaseLocation", "keep_last": "backupKeepLast",
         "keep_months": "backupKeepMonths", "report_format": "reportFormat",
         "report_final_only": "reportFinalOnly", "bundle_limit_mb": "bundleLimitMb"}


class Preferences(NamedTuple):
    language: str = ""  # "", "en" or "ru"
    database_path: str = ""  # "" = the standard place in the per-user data folder
    keep_last: int = DEFAULT_RETENTION.keep_last
    keep_months: int = DEFAULT_RETENTION.keep_months
    report_format: str = "pdf"
    report_final_only: bool = False
    bundle_limit_mb: int = DEFAULT_BUNDLE_LIMIT_MB

    def bundle_limit(self) -> int:
        """The largest bundle Import reads, in bytes."""
        return self.bundle_limit_mb * 2**20

    def retention(self) -> RetentionPolicy:
        return RetentionPolicy(self.keep_last, self.keep_months)

    def database_location(self) -> Path | None:
        """The database to open at start when none is given, or None for the standard place."""
        return Path(self.database_path).expanduser() if self.database_path else None


def chosen_language(option: str | None, preferences: Preferences) -> str | None:
    """`--lang` beats Settings; None means follow the system's language."""
    return option or preferences.language or None


def load_preferences() -> Preferences:
    """What was saved, each value checked; anything missing or unusable is the default."""
    settings = app_settings()
    settings.beginGroup(_GROUP)
    try:
        raw = {name: settings.value(key) for name, key in _KEYS.items()}
    finally:
        settings.endGroup()
    default = Preferences()
    return Preferences(
        language=_choice(raw["language"], LANGUAGES, default.language),
        database_path=_place(raw["database_path"], default.database_path),
        keep_last=_number(raw["keep_last"], KEEP_LAST_RANGE, default.keep_last),
        keep_months=_number(raw["keep_months"], KEEP_MONTHS_RANGE, default.keep_months),
        report_format=_choice(raw["report_format"], REPORT_FORMATS, default.report_format),
        report_final_only=_flag(raw["report_final_only"], default.report_final_only),
        bundle_limit_mb=_number(raw["bundle_limit_mb"], BUNDLE_LIMIT_MB_RANGE, default.bundle_limit_mb),
    )


def save_preferences(preferences: Preferences) -> None:
    settings = app_settings()
    settings.beginGroup(_GROUP)
    for name, key in _KEYS.items():
        settings.setValue(key, getattr(preferences, name))
    settings.endGroup()
    settings.sync()


def _place(value: object, default: str) -> str:
    """A database location, unless it names a home folder there is not ("~nosuchuser/…")."""
    if not isinstance(value, str):
        return default
    from desktop_app.domain.errors import UserError
    from desktop_app.paths import expanded

    try:
        expanded(value)
    except UserError:
        return default
    return value


def _choice(value: object, allowed: tuple[str, ...], default: str) -> str:
    return value if isinstance(value, str) and value in allowed else default


def _number(value: object, bounds: tuple[int, int], default: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return number if bounds[0] <= number <= bounds[1] else default


def _flag(value: object, default: bool) -> bool:
    """INI files give back "true"/"false" strings for booleans."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return default
