"""How codes of the record read in a report (kind, side, status), in English and Russian."""

from __future__ import annotations

KIND = {"regional": "Regional", "bilateral": "Bilateral", "expert-meeting": "Expert meeting",
        "high-level": "High-level", "other": "Other"}
SIDE = {"eu": "EU", "partner": "Partner", "other": "Other"}
STATUS = {"draft": "Draft", "final": "Final"}
ACTION_STATUS = {"open": "Open", "done": "Done"}
ROLE = {"head": "Head", "member": "Member"}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
MONTHS_RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                      "октября", "ноября", "декабря")


def plural_ru(count: int, one: str, few: str, many: str) -> str:
    """Russian agrees the noun with the number: 1 делегация, 2 делегации, 5 делегаций, 21 делегация."""
    if count % 10 == 1 and count % 100 != 11:
        return one
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return few
    return many
