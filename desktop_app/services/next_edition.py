"""Prepare next edition: next year's meeting of a series in one step (issue 16).

The new meeting is an unsaved draft, so nothing changes until the officer saves it:
- a year in the title moves on by one ("… Dialogue 2023" → "… Dialogue 2024");
- the dates move on by one year, onto the same weekday where the series keeps one (every earlier
  edition on a Wednesday: the nearest Wednesday), the length of the meeting kept;
- the chair is left empty (last year's is shown as a hint); the same parties come back on the same
  sides, without attendance — last year's heads of delegation are offered, not copied;
- summary and delegation notes are left empty; status draft;
- each open action becomes an open action of the new meeting that continues it (`carried_from`),
  listed under an agenda item "Follow-up of the previous dialogue". On save (`save_dialogue`) the
  old action becomes `carried`, counted neither open nor done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import select

from desktop_app.db import models as m
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueStatus, ParticipationStatus, Role

FOLLOW_UP = "Follow-up of the previous dialogue"
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class NextEdition:
    """The draft of next year's meeting, with what the form offers but does not fill in."""

    dialogue: r.Dialogue
    previous_chair: r.Party | None
    previous_heads: dict[str, tuple[r.Participant, ...]]  # by party key: last year's heads, as invited


_SPAN = re.compile(r"(?<!\d)(19\d\d|20\d\d)(\s*[-‐‑–—/]\s*)$")  # "2023–" before the last year


def next_title(title: str) -> str:
    """The last year written in a title, moved on by one; a title without a year stays as it is. A
    last year closing a span of two years ("Work plan 2023–2024") moves the span: "2024–2025" (round
    17: it became "2023–2025")."""
    years = list(_YEAR.finditer(title))
    if not years:
        return title
    last = years[-1]
    start, head = last.start(), ""
    span = _SPAN.search(title, 0, last.start())
    if span is not None and int(last.group()) - int(span.group(1)) == 1:
        start, head = span.start(), f"{int(span.group(1)) + 1}{span.group(2)}"
    return f"{title[:start]}{head}{int(last.group()) + 1}{title[last.end():]}"


def _plus_a_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def next_dates(start: date, end: date | None, keep_weekday: bool) -> tuple[date, date | None]:
    """The dates a year on; with `keep_weekday`, the nearest day of the same weekday (at most three
    days away), the meeting's length kept."""
    moved = _plus_a_year(start)
    if keep_weekday:
        shift = (start.weekday() - moved.weekday()) % 7
        moved += timedelta(days=shift if shift <= 3 else shift - 7)
    return moved, (moved + (end - start) if end is not None else None)


def _series_keeps_a_weekday(repository: DialogueRepository, original: r.Dialogue) -> bool:
    """Whether the series meets on one weekday: the original and every other edition of it, in any
    of the cases it is stored in (`series_spellings`: "Working group" and another office's "working
    group" are one series, as in `list` and the report)."""
    from desktop_app.services.report.build import series_spellings

    if not original.series:
        return False
    spellings = series_spellings(repository.database, original.series)
    editions = r.DialogueFilter(series=spellings[0]) if len(spellings) == 1 else \
        r.DialogueFilter(ids=repository.series_ids(spellings))
    rows = repository.page(editions, limit=1000).rows
    days = {row.start_date.weekday() for row in rows if row.start_date} | {original.start_date.weekday()}
    return len(rows) >= 2 and len(days) == 1


def _stranded(database: Database, carried: list[str]) -> set[str]:
    """Of these carried actions, those no meeting outside the trash continues any more: the edition
    they went to was put in the trash, or its row removed. They are still to be done, so they are
    carried again (round 16: they were left behind, in no list of open actions)."""
    if not carried:
        return set()
    A, D = m.ActionRow, m.DialogueRow
    with database.reading() as session:
        continued = set(session.scalars(select(A.carried_from).join(D, A.dialogue_id == D.id).where(
            A.carried_from.in_(carried), D.deleted_at.is_(None))))
    return set(carried) - continued


def prepare_next_edition(database: Database, dialogue_id: str, follow_up_title: str = FOLLOW_UP) -> NextEdition:
    repository = DialogueRepository(database)
    original = repository.get(dialogue_id)
    start, end = next_dates(original.start_date, original.end_date, _series_keeps_a_weekday(repository, original))
    stranded = _stranded(database, [a.id for a in original.actions if a.status is ActionStatus.CARRIED])
    open_actions = [a for a in original.actions if a.status is ActionStatus.OPEN or a.id in stranded]
    carried = tuple(r.Action(description=a.description, owner=a.owner, status=ActionStatus.OPEN,
                             id=r.new_id(), carried_from=a.id) for a in open_actions)
    agenda: tuple[r.AgendaItem, ...] = ()
    if carried:
        listing = "\n".join(f"• {a.description}" + (f" ({a.owner})" if a.owner else "") for a in carried)
        agenda = (r.AgendaItem(title=follow_up_title, notes=listing, id=r.new_id()),)
    heads = {d.party.key: tuple(replace(p, id=r.new_id(), status=ParticipationStatus.INVITED,
                                        programme_funded=False)
                                for p in d.participants if p.role is Role.HEAD)
             for d in original.delegations}
    draft = replace(
        original, id=r.new_id(), revision=0, updated_at=None, deleted_at=None, status=DialogueStatus.DRAFT,
        title=next_title(original.title), start_date=start, end_date=end, chair=None, summary=None,
        agenda=agenda, actions=carried,
        delegations=tuple(replace(d, id=r.new_id(), participants=(), notes=None) for d in original.delegations))
    return NextEdition(draft, original.chair, {key: value for key, value in heads.items() if value})
