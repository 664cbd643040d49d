"""Python's cyclic garbage collector held off while the first window is made (issue 19).

The window's start makes tens of thousands of long-lived objects (modules, classes, Qt wrappers), and
each few hundred of them trigger a collection pass over all that came before: ~15 M instructions
(~5 ms) before the first paint that free next to nothing. `hold()` (the usual start, `cli._main`)
turns the automatic passes off; `release()` turns them on again after the list's first paint
(`MainWindow._after_first_paint`), or when the window ends unpainted (`cli._main`). Reference
counting frees everything else meanwhile, as always. Commands never hold it.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Automatic collections off, if they are on (someone who turned them off keeps them off)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Back on, if `hold()` turned them off; once."""
    global _held
    if _held:
        _held = False
        gc.enable()
