"""Two windows on one file: both work, and a stale save is refused instead of overwriting the other's work."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.errors import StaleRecord
from tests.factories import make_dialogue


def test_a_record_saved_in_one_window_is_reported_changed_in_the_other(db_path) -> None:
    first_window, second_window = open_database(db_path), open_database(db_path)
    try:
        saved = DialogueRepository(first_window).save(make_dialogue("Shared meeting"))
        in_second = DialogueRepository(second_window).get(saved.id)
        DialogueRepository(first_window).save(replace(saved, city="Almaty"))
        with pytest.raises(StaleRecord, match="changed elsewhere"):
            DialogueRepository(second_window).save(replace(in_second, city="Bishkek"))
        assert DialogueRepository(second_window).get(saved.id).city == "Almaty"
    finally:
        first_window.close()
        second_window.close()
