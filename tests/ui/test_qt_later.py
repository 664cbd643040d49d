"""The numbers the first window sets before its paint (ui/qt_later.py) are Qt's own values."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui import qt_later as q

PAIRS = [(q.TOOL_BUTTON_ICON_ONLY, Qt.ToolButtonStyle.ToolButtonIconOnly),
         (q.TOOL_BUTTON_TEXT_BESIDE_ICON, Qt.ToolButtonStyle.ToolButtonTextBesideIcon),
         (q.TOOL_BUTTON_TEXT_UNDER_ICON, Qt.ToolButtonStyle.ToolButtonTextUnderIcon),
         (q.WIDGET_WITH_CHILDREN_SHORTCUT, Qt.ShortcutContext.WidgetWithChildrenShortcut),
         (q.DISPLAY_ROLE, Qt.ItemDataRole.DisplayRole), (q.TOOL_TIP_ROLE, Qt.ItemDataRole.ToolTipRole),
         (q.FONT_ROLE, Qt.ItemDataRole.FontRole), (q.TEXT_ALIGNMENT_ROLE, Qt.ItemDataRole.TextAlignmentRole),
         (q.FOREGROUND_ROLE, Qt.ItemDataRole.ForegroundRole), (q.USER_ROLE, Qt.ItemDataRole.UserRole),
         (q.ALIGN_RIGHT_MIDDLE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)]


@pytest.mark.parametrize(("number", "value"), PAIRS)
def test_each_number_is_the_value_of_its_qt_enumeration(number: int, value: object) -> None:
    assert number == value.value  # type: ignore[attr-defined]
