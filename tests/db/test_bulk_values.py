"""`bulk_writing.bound_rows` (issue 19, round 7): the values the bulk writer hands to `executemany`
are each column's own SQLAlchemy bind processing of each row's value, whatever the columns' order
in the statement (the converted columns last), with any mix of converted and plain columns."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from desktop_app.db import models as m
from desktop_app.db.bulk_writing import bound_rows

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
    order, values = bound_rows(TABLE, DIALECT, rows)
    assert sorted(order) == sorted(names)
    assert [dict(zip(order, row, strict=True)) for row in values] == _reference(names, rows)
    assert all(type(row) is tuple for row in values)


def test_an_example() -> None:
    moment = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
    order, values = bound_rows(TABLE, DIALECT, [{"online": True, "id": "a", "start_date": date(2026, 1, 2)},
                                                {"online": False, "id": "b", "start_date": date(2026, 1, 3)}])
    assert [dict(zip(order, row, strict=True)) for row in values] == [
        {"online": 1, "id": "a", "start_date": "2026-01-02"}, {"online": 0, "id": "b", "start_date": "2026-01-03"}]
    assert bound_rows(TABLE, DIALECT, [{"id": "x"}]) == (["id"], [("x",)])
    assert bound_rows(TABLE, DIALECT, [{"created_at": moment}])[1][0][0].startswith("2026-12-02 14:00:00")
