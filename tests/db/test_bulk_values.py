"""`bulk_writing.bound_values` (issue 19, rounds 7 and 8): the values the bulk writer hands to
`executemany` are each column's own SQLAlchemy bind processing of each row's value, with any mix of
converted and plain columns, and whichever of them the writer converted already (`Bound`)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from desktop_app.db import models as m
from desktop_app.db.bulk_writing import binding, bound_values

DIALECT = sqlite.dialect()
TABLE: Any = m.DialogueRow.__table__
VALUES = {"id": st.text(max_size=5), "title": st.text(max_size=5), "start_date": st.dates(),
          "end_date": st.none() | st.dates(), "online": st.booleans(), "revision": st.integers(0, 9),
          "created_at": st.datetimes(timezones=st.just(UTC)),
          "deleted_at": st.none() | st.datetimes(timezones=st.just(UTC))}


def _reference(names: list[str], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    processors = {name: TABLE.c[name].type._cached_bind_processor(DIALECT) for name in names}
    return [{name: (processors[name] or (lambda value: value))(row[name]) for name in names} for row in rows]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(sorted(VALUES)), min_size=1, unique=True).flatmap(
    lambda names: st.tuples(st.just(names), st.lists(st.fixed_dictionaries({name: VALUES[name] for name in names}),
                                                     min_size=1, max_size=6))))
def test_each_value_is_its_columns_bind_processing(columns: tuple[list[str], list[dict[str, Any]]]) -> None:
    names, rows = columns
    for bound in ((), names[::2]):  # none converted by the writer, or every other column
        given = [tuple(binding(TABLE, DIALECT, name)[row[name]] if name in bound else row[name] for name in names)
                 for row in rows]
        values = bound_values(TABLE, DIALECT, names, given, bound)
        assert [{name: (type(v), v) for name, v in zip(names, row, strict=True)} for row in values] == [
            {name: (type(v), v) for name, v in row.items()} for row in _reference(names, rows)]
        assert all(type(row) is tuple for row in values)


def test_an_example() -> None:
    moment = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
    names = ["online", "id", "start_date"]
    assert bound_values(TABLE, DIALECT, names, [(True, "a", date(2026, 1, 2)), (False, "b", date(2026, 1, 3))]) == [
        (1, "a", "2026-01-02"), (0, "b", "2026-01-03")]
    assert bound_values(TABLE, DIALECT, ["id"], [("x",)]) == [("x",)]
    assert bound_values(TABLE, DIALECT, ["created_at"], [(moment,)])[0][0].startswith("2026-12-02 14:00:00")
    assert binding(TABLE, DIALECT, "online")[True] == 1 and binding(TABLE, DIALECT, "title")["t"] == "t"
