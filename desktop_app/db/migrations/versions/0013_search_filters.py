"""The list's filters answered from one index each (issue 19): series, status, period and country together.

Every filter of the list but the search and the country of a delegation is a column of `dialogues`
(the trash, the series, the status, the start date, the host country). Each had an index of its own,
so a filter of two or three of them took one index and read each of its dialogues' rows (1.5-3 KB:
they hold the folded search text) to check the others: ~5 µs a row, 80-250 ms at 100,000 dialogues
for "draft" (16,000 rows) with a series and a country. These three indexes hold all of those columns and
the id (which the country's delegations are looked up by), so SQLite finds the dialogues of any such
combination inside one index — equal values first, the period last — and reads no row until the page:

- `ix_dialogues_filter_series` `(deleted_at, series, status, start_date, country, id)`: a series,
  with or without a status and a period;
- `ix_dialogues_filter_status` `(deleted_at, status, start_date, series, country, id)`: a status,
  with or without a period (no series);
- `ix_dialogues_filter_period` `(deleted_at, series, start_date, country, id)`: a series and a
  period without a status (SQLite cannot skip the status of the first: it took the date index and
  read the year's rows).

Each is a seek on its equal columns: with a prefix of the same length, SQLite (without statistics,
as the program's files are) may take another index and read every row of one filter — the status
index for "draft" with a series, 16,000 rows, ~90 ms at 100,000 — so the columns an officer sets
together come first.

Revision ID: 0013_search_filters
Revises: 0012_search_speed
Create Date: 2026-12-02 10:30:00
"""

from __future__ import annotations

from alembic import op

revision = '0013_search_filters'
down_revision = '0012_search_speed'
branch_labels = None
depends_on = None

INDEXES = (("ix_dialogues_filter_series", "deleted_at, series, status, start_date, country, id"),
           ("ix_dialogues_filter_status", "deleted_at, status, start_date, series, country, id"),
           ("ix_dialogues_filter_period", "deleted_at, series, start_date, country, id"))


def upgrade() -> None:
    for name, columns in INDEXES:
        op.execute(f"CREATE INDEX {name} ON dialogues ({columns})")
    # A file with statistics (`sqlite_stat1`: ANALYZE was run on it, as on the benchmark files) gets
    # them for these indexes too, or SQLite would weigh them by its defaults against the others' real
    # figures. The program itself writes no statistics: its queries are written so that SQLite's
    # default choices are the right ones (tests/db/test_filter_plans.py).
    analysed = op.get_bind().exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").first()
    if analysed:
        for name, _ in INDEXES:
            op.execute(f"ANALYZE {name}")


def downgrade() -> None:
    for name, _ in reversed(INDEXES):
        op.execute(f"DROP INDEX {name}")
