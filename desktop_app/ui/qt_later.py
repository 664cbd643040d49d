"""Qt's values that the first window sets before its first paint, as plain numbers (issue 19).

PySide6 makes every Python enumeration of Qt's `Qt` namespace (~100 of them) the first time the name
`Qt` is looked up: ~30 ms of CPU here, which the bare floor (a C++ model in a C++ view) never pays.
So nothing that runs before the list's first paint names `Qt`: the list's first page is shown by a
C++ model (`ui.first_page_model`), and the few values set before the paint go through Qt's property
system (`QObject.setProperty`), which takes numbers. Everything after the paint names `Qt` as usual.
`tests/ui/test_qt_later.py` checks each number against its enumeration; `tests/ui/test_first_paint.py`
checks that a real start has not made `Qt` by its first paint.
"""

from __future__ import annotations

# Qt.ToolButtonStyle
TOOL_BUTTON_ICON_ONLY = 0
TOOL_BUTTON_TEXT_BESIDE_ICON = 2
TOOL_BUTTON_TEXT_UNDER_ICON = 3
# Qt.ShortcutContext
WIDGET_WITH_CHILDREN_SHORTCUT = 3
# Qt.ItemDataRole
DISPLAY_ROLE = 0
TOOL_TIP_ROLE = 3
FONT_ROLE = 6
TEXT_ALIGNMENT_ROLE = 7
FOREGROUND_ROLE = 9
USER_ROLE = 256
# Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT_MIDDLE = 0x0002 | 0x0080
