"""Backups that survive the officer and the clock (issue 21, findings 2, 5 and 6)."""

from __future__ import annotations

import random
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import DatabaseLocked
from desktop_app.services import backups
from tests.factories import make_dialogue

NOW = datetime.now(UTC)


def _listing(db_path: Path) -> dict[str, bytes]:
    folder = backups.backups_folder(db_path)
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def _renamed(copy: Path, when: datetime, reason: str = "daily") -> Path:
    stem = copy.name.split("-")[0]
    target = copy.with_name(f"{stem}-{reason}-{when.strftime('%Y%m%d-%H%M%S-%f')}.sqlite3")
    shutil.copyfile(copy, target)
    return target


def _months_back(months: int) -> datetime:
    index = NOW.year * 12 + NOW.month - 1 - months
    return datetime(index // 12, index % 12 + 1, 15, 12, tzinfo=UTC)


def test_a_refused_restore_writes_nothing_and_deletes_nothing(database: Database, db_path: Path) -> None:
    DialogueRepository(database).save(make_dialogue("Open in a window"))
    oldest = backups.back_up(db_path)
    for _ in range(backups.KEEP_LAST - 1):  # the rotation is full: one more copy would push the oldest out
        backups.back_up(db_path)
    DialogueRepository(database).count()  # the window holds the file open
    before = _listing(db_path)
    folder_before = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(DatabaseLocked, match="open in another window"):
        backups.restore(db_path, oldest, timeout=0.2)
    assert _listing(db_path) == before and oldest.exists()
    assert sorted(p.name for p in db_path.parent.iterdir()) == folder_before


def test_a_backup_dated_in_the_future_neither_stops_todays_nor_is_the_latest(database: Database,
                                                                              db_path: Path) -> None:
    DialogueRepository(database).save(make_dialogue("Real"))
    real = backups.back_up(db_path, "daily", now=NOW - timedelta(days=2))
    future = _renamed(real, datetime(2030, 6, 1, tzinfo=UTC))
    assert backups.latest_good_backup(db_path).path == real
    today = backups.back_up_if_due(db_path, now=NOW)
    assert today is not None and future.exists()
    assert backups.latest_good_backup(db_path, now=NOW).path == today


def test_one_start_in_2030_keeps_a_years_monthly_copies(database: Database, db_path: Path) -> None:
    DialogueRepository(database).save(make_dialogue("Real"))
    first = backups.back_up(db_path, "daily")
    monthly = [_renamed(first, _months_back(m)) for m in range(1, backups.KEEP_MONTHS)]
    recent = [_renamed(first, NOW - timedelta(hours=h + 1)) for h in range(12)]
    backups.back_up(db_path, "daily", now=datetime(2030, 1, 15, tzinfo=UTC))  # the clock is wrong, once
    assert all(p.exists() for p in monthly)
    backups.back_up_if_due(db_path, now=NOW + timedelta(days=1))  # and right again
    assert all(p.exists() for p in monthly)
    assert sum(p.exists() for p in recent) >= backups.KEEP_LAST - 2


def test_safety_copies_are_kept_apart_from_the_daily_rotation(database: Database, db_path: Path) -> None:
    DialogueRepository(database).save(make_dialogue("Real"))
    upgrade = _renamed(backups.back_up(db_path, "daily"), NOW - timedelta(days=5), "before-upgrade-from-0003")
    restores = [backups.back_up(db_path, "before-restore", now=NOW - timedelta(minutes=m)) for m in range(10)]
    dailies = [backups.back_up(db_path, "manual", now=NOW - timedelta(days=3, minutes=m)) for m in range(15)]
    assert upgrade.exists() and all(p.exists() for p in restores)
    assert sum(p.exists() for p in dailies) == backups.KEEP_LAST
    later = NOW + timedelta(days=2)
    backups.rotate(db_path, later)
    assert upgrade.exists() and all(p.exists() for p in restores)  # 30 days at least


def test_the_restore_list_says_which_copy_is_which(database: Database, db_path: Path) -> None:
    from desktop_app.ui.dialogs.restore_dialog import reason_label

    DialogueRepository(database).save(make_dialogue("Real"))
    daily = backups.back_up(db_path, "daily")
    _renamed(daily, NOW - timedelta(days=1), "before-restore")
    _renamed(daily, NOW - timedelta(days=2), "before-upgrade-from-0003")
    _renamed(daily, datetime(2031, 1, 1, tzinfo=UTC))
    labels = {reason_label(info.reason, info) for info in backups.list_backups(db_path)}
    assert any("kept apart" in label and "restore" in label for label in labels)
    assert any("kept apart" in label and "upgrade" in label for label in labels)
    assert any("in the future" in label for label in labels)
    assert any("daily" in label.lower() and "kept apart" not in label for label in labels)


def test_730_days_with_clock_jumps_of_five_years(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sane day gets its daily copy; a wrong-clock copy is never the latest; the real year of
    monthly copies and every safety copy younger than 30 days survive; the folder stays bounded."""
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")

    def instant_copy(source: Path, target: Path, timeout: float = 5.0) -> Path:
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(b"")
        return target

    monkeypatch.setattr(backups, "write_copy", instant_copy)
    monkeypatch.setattr(backups, "_require_sound_header", lambda path: None)
    monkeypatch.setattr(backups, "_holds_records", lambda path: True)
    rng = random.Random(21)
    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    jump = timedelta(days=round(5 * 365.25))
    safety: list[tuple[datetime, Path]] = []
    for day in range(730):
        real = start + timedelta(days=day, minutes=rng.randint(0, 600))
        shift = rng.choice((-jump, jump)) if rng.random() < 0.06 else timedelta(0)
        now = real + shift
        backups.back_up_if_due(db_path, now=now)
        if shift == timedelta(0) and rng.random() < 0.05:
            reason = rng.choice(("before-restore", "before-upgrade-from-0003"))
            safety.append((real, backups.back_up(db_path, reason, now=now)))
        named = backups._named_backups(db_path)
        # today's copy exists (the clock may be wrong: then "today" is the wrong clock's today)
        assert any(timedelta(0) <= now - i.created < 2 * backups.DAILY_INTERVAL for i in named if i.reason == "daily")
        latest = max((i for i in named if not i.in_future(now)), key=lambda i: i.created)
        assert not latest.in_future(now)
        if shift == timedelta(0):
            assert latest.created.year == real.year or latest.created > real - timedelta(days=2)
            for made, path in safety:
                if real - made <= timedelta(days=backups.SAFETY_DAYS):
                    assert path.exists(), (day, path.name)
        assert len(named) <= 3 * backups.KEEP_LAST + backups.KEEP_MONTHS + 40, len(named)
    final = start + timedelta(days=730)
    backups.rotate(db_path, final)
    months = {(i.created.year, i.created.month) for i in backups._named_backups(db_path)
              if i.reason == "daily" and not i.in_future(final)}
    for back in range(backups.KEEP_MONTHS):
        month = (final.year * 12 + final.month - 1 - back)
        if (month // 12, month % 12 + 1) != (final.year, final.month):
            assert (month // 12, month % 12 + 1) in months, (month // 12, month % 12 + 1)


def test_the_restore_dialog_does_not_preselect_a_copy_from_the_future(qtbot, database: Database,  # type: ignore[no-untyped-def]
                                                                      db_path: Path) -> None:
    from desktop_app.ui.dialogs.restore_dialog import RestoreDialog

    DialogueRepository(database).save(make_dialogue("Real"))
    real = backups.back_up(db_path, "daily")
    _renamed(real, datetime(2031, 1, 1, tzinfo=UTC))
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    assert dialog.entries[0].in_future()
    assert dialog.selected() is not None and dialog.selected().path == real
