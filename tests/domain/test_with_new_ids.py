"""`records.with_new_ids`: a dialogue as a new one (a draft whose dialogue was deleted for good)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain import records as r
from tests.factories import make_dialogue


def test_every_id_is_new_and_everything_else_is_kept() -> None:
    carried = r.new_id()
    dialogue = replace(make_dialogue(
        agenda=(r.AgendaItem(title="Opening", id=r.new_id()),),
        actions=(r.Action(description="Report", id=r.new_id(), carried_from=carried, done_on=date(2024, 1, 2)),),
        delegations=(r.Delegation(id=r.new_id(), side=r.Side.PARTNER, party=r.Party.country("KZ"), participants=(
            r.Participant(id=r.new_id(), person_id="p1"), r.Participant(id=r.new_id(), person_id="p2"))),)),
        revision=4)
    new = r.with_new_ids(dialogue)
    old_ids = {dialogue.id, *(d.id for d in dialogue.delegations), *(a.id for a in dialogue.agenda),
               *(a.id for a in dialogue.actions), *(p.id for d in dialogue.delegations for p in d.participants)}
    new_ids = [new.id, *(d.id for d in new.delegations), *(a.id for a in new.agenda), *(a.id for a in new.actions),
               *(p.id for d in new.delegations for p in d.participants)]
    assert len(set(new_ids)) == len(new_ids) == len(old_ids) and old_ids.isdisjoint(new_ids)
    assert new.revision == 0 and new.actions[0].carried_from == carried
    blank = lambda d: replace(  # noqa: E731
        d, id="", revision=0, agenda=tuple(replace(a, id="") for a in d.agenda),
        actions=tuple(replace(a, id="") for a in d.actions),
        delegations=tuple(replace(g, id="", participants=tuple(replace(p, id="") for p in g.participants))
                          for g in d.delegations))
    assert blank(new) == blank(dialogue)
