"""One new name typed (or pasted) in two rows of a form is one new person (round 15): before, the
save made two people of one name, so the form's rules never said "in two delegations" and the
People page held a duplicate nobody asked for. Retyping one of those rows renames only that row."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.ui.form_driving import cell, type_into_cell
from tests.ui.test_paste_namesakes import _form_with, _paste, _save

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _people(path) -> list[str]:
    with sqlite3.connect(path) as c:
        return sorted(name for (name,) in c.execute("SELECT name FROM people"))


def _rows(database, editor) -> list[list[str]]:
    stored = DialogueRepository(database).get(editor.record().id)
    return [[p.person_id for p in g.participants] for g in stored.delegations]


def test_a_new_name_in_two_delegations_is_one_person_and_the_form_says_so(
        qtbot, database, db_path, monkeypatch) -> None:
    editor = _form_with(qtbot, database, monkeypatch, "KZ", "UZ")
    _paste(qtbot, editor, 0, "Name\nAigerim Zhumabayeva\n")
    _paste(qtbot, editor, 1, "Name\nTimur Hasanov\n")
    type_into_cell(qtbot, editor.delegations.participants, 0, 0, "aigerim zhumabayeva")
    assert cell(editor.delegations.participants, 0, 0) == "Aigerim Zhumabayeva"
    said = " ".join(str(p.message) for p in [*editor.errors(), *editor.warnings()])
    assert "Aigerim Zhumabayeva is in two delegations" in said, said
    _save(qtbot, editor)
    (kz,), (uz,) = _rows(database, editor)
    assert kz == uz and _people(db_path) == ["Aigerim Zhumabayeva"]


def test_the_same_new_name_twice_in_one_delegation_is_said_not_saved_as_two(
        qtbot, database, db_path, monkeypatch) -> None:
    editor = _form_with(qtbot, database, monkeypatch, "KZ")
    _paste(qtbot, editor, 0, "Name\nAsel Nurlanova\nDana Akhmetova\n")
    type_into_cell(qtbot, editor.delegations.participants, 1, 0, "Asel Nurlanova")
    said = " ".join(str(p.message) for p in [*editor.errors(), *editor.warnings()])
    assert "the same person twice" in said, said


def test_retyping_one_of_two_rows_of_one_new_person_leaves_the_other(qtbot, database, db_path, monkeypatch) -> None:
    editor = _form_with(qtbot, database, monkeypatch, "KZ", "UZ")
    _paste(qtbot, editor, 0, "Name\nAigerim Zhumabayeva\n")
    _paste(qtbot, editor, 1, "Name\nAigerim Zhumabayeva\n")
    editor.delegations.select(0)
    type_into_cell(qtbot, editor.delegations.participants, 0, 0, "Timur Hasanov")
    editor.delegations.select(1)
    assert cell(editor.delegations.participants, 0, 0) == "Aigerim Zhumabayeva"
    _save(qtbot, editor)
    (kz,), (uz,) = _rows(database, editor)
    assert kz != uz and _people(db_path) == ["Aigerim Zhumabayeva", "Timur Hasanov"]


def test_a_renamed_new_person_in_one_row_is_renamed_not_duplicated(qtbot, database, db_path, monkeypatch) -> None:
    editor = _form_with(qtbot, database, monkeypatch, "KZ")
    _paste(qtbot, editor, 0, "Name\nAigerim Zhumabaeva\n")
    type_into_cell(qtbot, editor.delegations.participants, 0, 0, "Aigerim Zhumabayeva")
    _save(qtbot, editor)
    assert _people(db_path) == ["Aigerim Zhumabayeva"]


