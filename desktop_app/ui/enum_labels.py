"""One label table per enum the window shows in several places (issue 13): the list's column, its
filter and the form's choice all say the same word, and a new value or a better word is one edit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.enums import DialogueStatus
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP

CONTEXT = "EnumLabels"
DIALOGUE_STATUS = {DialogueStatus.DRAFT: QT_TRANSLATE_NOOP("EnumLabels", "Draft"),
                   DialogueStatus.FINAL: QT_TRANSLATE_NOOP("EnumLabels", "Final")}


def dialogue_status_label(status: DialogueStatus) -> str:
    """The status as the window names it, in the window's language."""
    return QCoreApplication.translate(CONTEXT, DIALOGUE_STATUS[status])


def dialogue_status_labels() -> dict[DialogueStatus, str]:
    """Every status and its label, in the order choices offer them."""
    return {status: dialogue_status_label(status) for status in DIALOGUE_STATUS}
