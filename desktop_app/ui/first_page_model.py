"""The first window's list shown by a C++ model until its first paint is over (issue 19).

A Python table model makes PySide6 build Qt's whole `Qt` namespace (~100 enumerations, ~30 ms of
CPU) the first time Qt asks it for a header (its `orientation` is one of them), and Qt asks before
the window is shown. The bare floor's C++ model pays nothing of the kind. So the first window's table
shows a `QStandardItemModel` — the stand-in — filled by asking the real `DialogueTableModel` for every
cell, role by role (one rule for what a cell shows: the real model's `data()`), and the real model is
put in its place right after the first paint (`DialogueListView.attach_model`), with the same rows,
columns, sort indicator, current row and selection. `tests/ui/test_first_page_model.py` compares the
two, cell by cell, in English and Russian.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop_app.ui import qt_later

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from desktop_app.ui.models.dialogue_table_model import DialogueTableModel

# what the table paints from a cell: its text, its tooltip, and how a draft and a number look
SHOWN_ROLES = (qt_later.DISPLAY_ROLE, qt_later.TOOL_TIP_ROLE, qt_later.TEXT_ALIGNMENT_ROLE, qt_later.FONT_ROLE,
               qt_later.FOREGROUND_ROLE)


def header_model(model: DialogueTableModel, parent: QObject) -> QStandardItemModel:
    """An empty stand-in with the real model's columns and their titles."""
    columns = model.columnCount()
    stand_in = QStandardItemModel(0, columns, parent)
    stand_in.setHorizontalHeaderLabels([model.header_text(section) for section in range(columns)])
    return stand_in


def first_page_model(model: DialogueTableModel, stand_in: QStandardItemModel, shown: int) -> None:
    """`stand_in` with as many rows as `model`'s first page holds (`page_rows`: the scroll bar the
    real model will have), the first `shown` of them filled cell by cell as the model shows them —
    the rows the first paint can show, which are all the model holds before that paint (the rest are
    read and the real model takes over right after it: asking for all 200 rows' cells cost more than
    `Qt` itself). Read-only cells, as the real model's flags say.

    Each cell is asked of the model's own rule (`cell`, behind its `data()`), role by role, without
    a QModelIndex. Each filled row is added whole (one `rowsInserted` for the table; a cell set in a
    shown model is a `dataChanged` for the table and both headers: ~8 M instructions for ~27 rows,
    round 7), and each cell is a copy of one read-only item (one call, not three)."""
    columns, cell = model.columnCount(), model.cell
    read_only = QStandardItem()
    read_only.setEditable(False)
    read_only.setDragEnabled(False)
    read_only.setDropEnabled(False)
    stand_in.setRowCount(0)
    for row in model.first_rows(shown):
        cells = []
        for column in range(columns):
            item = read_only.clone()
            for role in SHOWN_ROLES:
                if (value := cell(row, column, role)) is not None:
                    item.setData(value, role)
            cells.append(item)
        stand_in.appendRow(cells)
    stand_in.setRowCount(max(model.page_rows, model.rowCount()))
