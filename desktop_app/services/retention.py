"""How many automatic backups rotation keeps (services.backups rotates by it).

Apart from `services.backups` so that the window's start, which hands the officer's choice to the
daily backup after its first paint, need not import the backups' code (and `safe_files`) before that
paint (issue 19, round 7); `services.backups` names the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass

KEEP_LAST = 10
KEEP_MONTHS = 12


@dataclass(frozen=True)
class RetentionPolicy:
    """How many automatic backups rotation keeps: the newest `keep_last`, plus one a month for `keep_months`.

    A value, not settings: the services stay free of Qt, and the window hands in what the officer chose.
    """

    keep_last: int = KEEP_LAST
    keep_months: int = KEEP_MONTHS

    def __post_init__(self) -> None:
        if self.keep_last < 1 or self.keep_months < 0:
            raise ValueError("keep at least one backup, and a non-negative number of months")

    def describe(self) -> str:
        monthly = (f", plus the newest backup of each of the last {self.keep_months} months"
                   if self.keep_months else "")
        return f"the newest {self.keep_last} backups{monthly}"


DEFAULT_RETENTION = RetentionPolicy()
ROTATION_POLICY = DEFAULT_RETENTION.describe()
