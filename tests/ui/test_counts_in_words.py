"""Counts said with their nouns in the window's language (round 18).

The import summary read "Добавлено: диалогов — 1, людей — 1, учреждений — 0" and the command line's
English "Added: 1 dialogues, 1 people": each count now agrees with its noun, Russian taking the
catalogue's three plural forms by Qt's rule for the language (1 and 21; 2 to 4 and 22; 0, 5 to 20).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.domain.texts import counted
from desktop_app.ui.texts import shown
from tests.cli.test_import_counts_in_words import bundle_of
from tests.ui.conftest import when_modal

RUSSIAN = {  # 0, 1, 2, 5, 11, 21, 22
    "dialogue": ("0 диалогов", "1 диалог", "2 диалога", "5 диалогов", "11 диалогов", "21 диалог", "22 диалога"),
    "person": ("0 человек", "1 человек", "2 человека", "5 человек", "11 человек", "21 человек", "22 человека"),
    "institution": ("0 учреждений", "1 учреждение", "2 учреждения", "5 учреждений", "11 учреждений",
                    "21 учреждение", "22 учреждения"),
}
ENGLISH = {"dialogue": ("dialogue", "dialogues"), "person": ("person", "people"),
           "institution": ("institution", "institutions")}
NUMBERS = (0, 1, 2, 5, 11, 21, 22)


@pytest.mark.parametrize("kind", list(ENGLISH))
def test_a_count_agrees_with_its_noun_in_english_and_takes_russians_three_forms(kind: str, russian: str) -> None:
    one, many = ENGLISH[kind]
    assert [str(counted(n, *ENGLISH[kind])) for n in NUMBERS] == [f"{n} {one if n == 1 else many}" for n in NUMBERS]
    assert tuple(shown(counted(n, *ENGLISH[kind])) for n in NUMBERS) == RUSSIAN[kind]


def test_an_english_window_says_the_english_count(qapp) -> None:  # type: ignore[no-untyped-def]
    assert [shown(counted(n, "person", "people")) for n in (0, 1, 2)] == ["0 people", "1 person", "2 people"]


def test_the_windows_import_summary_counts_in_russian(  # type: ignore[no-untyped-def]
        window, tmp_path: Path, monkeypatch, answers, qtbot, russian: str) -> None:
    bundle = bundle_of(tmp_path, 1, 2, 5)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), "")))
    when_modal(lambda preview: qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton))
    window.import_action.trigger()
    summary = answers.texts("inform")[-1].splitlines()
    assert summary[:3] == ["Импорт завершён.", "Добавлено: 1 диалог, 2 человека, 5 учреждений",
                           "Обновлено: 0 диалогов, 0 человек, 0 учреждений"], summary
