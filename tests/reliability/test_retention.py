"""Backup rotation under a chosen RetentionPolicy (Settings ▸ Automatic backups); the CLI keeps the default."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.services import backups
from desktop_app.services.startup import open_for_work, where_data_lives
from tests.factories import make_dialogue


def _fake_backups(db_path: Path, now: datetime, count: int) -> list[Path]:
    """`count` empty automatic backups, one every 3 days back from `now`, newest first."""
    folder = backups.backups_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(count):
        when = now - timedelta(days=3 * i, minutes=i)
        path = folder / f"{db_path.stem}-daily-{when.strftime('%Y%m%d-%H%M%S-%f')}.sqlite3"
        path.write_bytes(b"")
        made.append(path)
    return made


def test_a_smaller_policy_keeps_the_newest_few_and_one_a_month(db_path: Path) -> None:
    now = datetime(2026, 11, 28, 12, tzinfo=UTC)
    made = _fake_backups(db_path, now, 120)  # a year of backups every 3 days

    backups.rotate(db_path, now, retention=backups.RetentionPolicy(keep_last=3, keep_months=2))

    kept = [p for p in made if p.exists()]
    assert made[:3] == kept[:3]
    months = {p.name.split("-daily-")[1][:6] for p in kept}
    assert months == {"202611", "202610"}
    assert len(kept) == 4  # the 3 newest (all November) plus October's newest


def test_no_monthly_copies_when_the_months_are_zero(db_path: Path) -> None:
    now = datetime(2026, 11, 28, 12, tzinfo=UTC)
    made = _fake_backups(db_path, now, 40)

    backups.rotate(db_path, now, retention=backups.RetentionPolicy(keep_last=5, keep_months=0))

    assert [p for p in made if p.exists()] == made[:5]


def test_the_default_policy_is_ten_and_twelve_months(db_path: Path) -> None:
    assert backups.RetentionPolicy(10, 12) == backups.DEFAULT_RETENTION
    now = datetime(2026, 11, 28, 12, tzinfo=UTC)
    made = _fake_backups(db_path, now, 200)
    backups.rotate(db_path, now)
    assert len([p for p in made if p.exists()]) == 10 + 12 - 1  # the newest ten span two months


@pytest.mark.parametrize(("keep_last", "keep_months"), [(0, 12), (-1, 0), (5, -1)])
def test_a_policy_that_would_keep_nothing_is_refused(keep_last: int, keep_months: int) -> None:
    with pytest.raises(ValueError):
        backups.RetentionPolicy(keep_last, keep_months)


def test_opening_for_work_rotates_with_the_policy_it_is_given(db_path: Path) -> None:
    opened = open_for_work(db_path)
    from desktop_app.db.repositories.dialogues import DialogueRepository

    DialogueRepository(opened.database).save(make_dialogue("Something to back up"))
    opened.database.close()
    old = _fake_backups(db_path, datetime.now(UTC) - timedelta(days=2), 6)

    reopened = open_for_work(db_path, retention=backups.RetentionPolicy(keep_last=2, keep_months=0))
    reopened.database.close()

    assert reopened.daily_backup is not None and reopened.daily_backup.exists()
    assert [p for p in old if p.exists()] == old[:1]  # today's backup and the newest old one


def test_where_data_lives_describes_the_policy(db_path: Path) -> None:
    lines = where_data_lives(db_path, backups.RetentionPolicy(keep_last=4, keep_months=0))
    assert any("newest 4 backups" in line and "month" not in line for line in lines)
