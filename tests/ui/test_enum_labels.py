"""One label table per enum (issue 13): the dialogue status is named by `ui/enum_labels.py` alone,
and the list's column, its filter and the form's choice all show that table's words."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import desktop_app
from desktop_app.domain.enums import DialogueStatus
from desktop_app.ui.dialogue_filters import DialogueFilterBar
from desktop_app.ui.enum_labels import dialogue_status_labels
from desktop_app.ui.forms.details_section import DetailsSection
from desktop_app.ui.models.dialogue_table_model import status_text

UI = Path(desktop_app.__file__).parent / "ui"
GENERATED = {"message_catalogue.py"}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_list_the_filter_and_the_form_name_each_status_alike(qtbot, request, language):
    if language == "ru":
        request.getfixturevalue("russian")
    labels = dialogue_status_labels()
    assert list(labels) == list(DialogueStatus)
    if language == "ru":
        assert labels[DialogueStatus.DRAFT] == "Черновик"
    filters, details = DialogueFilterBar(), DetailsSection()
    qtbot.addWidget(filters)
    qtbot.addWidget(details)
    in_filter = {filters.status.itemData(i): filters.status.itemText(i) for i in range(filters.status.count())
                 if filters.status.itemData(i) is not None}
    in_form = {details.status.itemData(i): details.status.itemText(i) for i in range(details.status.count())}
    for status, label in labels.items():
        assert (status_text(status), in_filter[status.value], in_form[status]) == (label, label, label)


def test_no_other_ui_module_labels_a_dialogue_status():
    words = {"Draft", "Final"}
    copies = [path.relative_to(UI).as_posix() for path in UI.rglob("*.py")
              if path.name not in GENERATED and path.name != "enum_labels.py"
              and any(isinstance(node, ast.Constant) and node.value in words
                      for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))]
    assert copies == []
