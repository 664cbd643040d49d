"""The question asked before a second record takes a name the register already holds.

Two people (or institutions) may share a name, so this is a question, not a refusal; but a second
record saved without a word split one person's meetings between two records, and the form's
completion then offered two alike names with nothing to tell them apart.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.ui import messages


def _names(known: list[str]) -> str:
    return ", ".join(f"“{name}”" for name in known)


def second_person_agreed(parent: QWidget, typed: str, known: list[str]) -> bool:
    """True when nobody else has the name, or the officer wants a second person of that name."""
    if not known:
        return True
    return messages.confirm(parent, QCoreApplication.translate(
        "SameName", "“%1” is already in the register as %2. Save another person of that name?\n\n"
        "Two people may share a name; two records of one person are joined with Merge on the People "
        "page.").replace("%2", _names(known)).replace("%1", typed))


def second_institution_agreed(parent: QWidget, typed: str, known: list[str]) -> bool:
    """True when no other institution has the name, or the officer wants a second one of it."""
    if not known:
        return True
    return messages.confirm(parent, QCoreApplication.translate(
        "SameName", "“%1” is already in the register as %2. Save another institution of that name?\n\n"
        "Two records of one institution are joined with Merge on the Institutions page.")
        .replace("%2", _names(known)).replace("%1", typed))


def told_apart(first: list[str], second: list[str]) -> tuple[str, str]:
    """What the merge question's two buttons add to a name both records have: the first of their
    details (in the order the page shows them) that differs, else their rows' places (round 17: two
    namesakes gave «Keep “Aigerim Zhumabaeva”» twice, and the officer could not tell which stays)."""
    for one, other in zip(first, second, strict=True):
        if one != other:
            return one, other
    return (QCoreApplication.translate("SameName", "the upper row"),
            QCoreApplication.translate("SameName", "the lower row"))
