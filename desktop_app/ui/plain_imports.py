"""Python's import back after PySide6's `__feature__` hook is installed (issue 19).

Importing PySide6 replaces `builtins.__import__` with `__feature_import__`: every `import` statement
then runs a Python function that looks for `from __feature__ import snake_case`/`true_property`, and
every module an import statement returns for the first time has its source file read and searched for
"PySide6" (`shibokensupport.feature._mod_uses_pyside`), so that a module which selected a feature
keeps it. The program selects none (a test holds it to that): every module keeps PySide6's default
set, which is what the hook would have chosen for each, and the reading is the hook's only effect —
~50 source files before the first window, more after. The import the hook wraps (`__orig_import__`,
PySide6's lazy loading of its own types) stays in place.
"""

from __future__ import annotations

import builtins


def without_feature_hook() -> bool:
    """Put back the import PySide6's feature hook wraps; True if the hook was there. Call after PySide6
    is imported (its hook is installed then); a later call, or one without the hook, does nothing."""
    hook = getattr(builtins, "__feature_import__", None)
    wrapped = getattr(builtins, "__orig_import__", None)
    if hook is None or wrapped is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = wrapped
    return True
