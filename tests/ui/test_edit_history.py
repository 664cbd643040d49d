"""The form's undo stack: one step per edit, typing runs merged, redo cut by a new edit."""

from desktop_app.ui.forms.edit_history import EditHistory


def test_undo_walks_back_edits_across_fields_and_redo_forward():
    history = EditHistory({"title": "", "city": ""})
    history.push({"title": "Dia", "city": ""}, "title")
    history.push({"title": "Dialogue", "city": ""}, "title")
    history.push({"title": "Dialogue", "city": "Brussels"}, "city")
    assert history.undo() == {"title": "Dialogue", "city": ""}
    assert history.undo() == {"title": "", "city": ""}
    assert history.undo() is None
    assert history.redo() == {"title": "Dialogue", "city": ""}


def test_a_new_edit_after_undo_drops_the_redo_steps():
    history = EditHistory(0)
    history.push(1, None)
    history.push(2, None)
    history.undo()
    history.push(5, None)
    assert not history.can_redo()
    assert history.undo() == 1


def test_an_unchanged_state_is_not_a_step():
    history = EditHistory("a")
    history.push("a", None)
    assert not history.can_undo()
