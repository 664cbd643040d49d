"""The Dialogues table's rows made from the report's lines as they are read (issue 19, round 6):
`DialogueCells` must be the tuple of every line's cells it replaced, however a format reads it."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.services.report.model import DialogueCells, DialogueLine


def _line(number: int) -> DialogueLine:
    return DialogueLine(id=f"d{number}", start_date=date(2020, 1, 1 + number % 28), end_date=None,
                        title=f"Dialogue {number}", series=None if number % 3 else "Series", kind="Meeting",
                        city=None, country="Kazakhstan", chair="", delegations=number, participants=2 * number,
                        women=number, men=number, status="Final", is_draft=number % 4 == 0)


@given(st.integers(0, 30), st.integers(-40, 40), st.integers(-40, 40) | st.none(), st.integers(-3, 3).filter(bool))
def test_the_cells_read_are_the_cells_kept(length: int, start: int, stop: int | None, step: int) -> None:
    lines = tuple(_line(n) for n in range(length))
    kept = tuple(line.cells() for line in lines)
    cells = DialogueCells(lines)
    assert len(cells) == len(kept)
    assert tuple(cells) == kept
    assert cells[start:stop:step] == kept[start:stop:step]
    if -length <= start < length:
        assert cells[start] == kept[start]
