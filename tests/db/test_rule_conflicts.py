"""`replica_store.rule_conflicts` decodes a dialogue's state only when the shown record breaks a rule
or is in the trash (issue 19, round 13: every form save ran the decode). Hypothesis over the
replication register's histories (trash against unseen edits, two heads, one person in two
delegations, removed delegations, merges in any order): the rules it finds equal those of the way
that always decodes, with and without the state given."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from desktop_app.db import replica_store
from desktop_app.domain import replication as rp
from tests.domain.test_replication import apply, histories, merged_then_edited, replay


def _decoding_always(encoded: dict[str, Any], orphans: list[str]) -> list[dict[str, Any]]:
    """`rule_conflicts` as it was before round 13: the state decoded first, whatever the record."""
    state = rp.decode("dialogue", encoded)
    found = []
    _, edited = rp.trash_disputes(state)
    if edited:
        found.append({"rule": rp.TRASH_RULE, "fields": ["trashed", *edited]})
    for rule, paths in rp.rule_breaks(encoded, orphans):
        winners = [rp.winner(state.fields[p]) for p in paths if p in state.fields]
        databases = {c.dot[0] for c in winners}
        redirected = rule == "one person in two delegations" and (
            any(c.written is not None for c in winners) or replica_store._twice_in_one_delegation(state, paths))
        if len(databases) > 1 or redirected or rule == "a participant of a removed delegation":
            found.append({"rule": rule, "fields": list(paths)})
    return found


seen: dict[str, int] = {"trash": 0, "rule": 0, "none": 0}


@settings(max_examples=300, deadline=None)
@given(histories, histories)
def test_rule_conflicts_decodes_only_when_it_can_find_one_and_finds_the_same(first: list, second: list) -> None:
    merged = merged_then_edited(first, second)
    encoded, orphans = rp.encode_shown("dialogue", "d1", merged)
    expected = _decoding_always(encoded, orphans)
    assert replica_store.rule_conflicts("dialogue", encoded, orphans) == expected
    assert replica_store.rule_conflicts("dialogue", encoded, orphans, merged) == expected
    kind = "trash" if any(f["rule"] == rp.TRASH_RULE for f in expected) else "rule" if expected else "none"
    seen[kind] += 1


def test_the_histories_reach_trash_disputes_and_rule_conflicts() -> None:
    """The property above is not vacuous: its histories give trash disputes and other rule conflicts."""
    test_rule_conflicts_decodes_only_when_it_can_find_one_and_finds_the_same()
    assert seen["trash"] > 0 and seen["rule"] > 0 and seen["none"] > 0


def test_a_record_not_in_the_trash_that_breaks_no_rule_is_not_decoded(monkeypatch) -> None:
    """Both branches: a record that breaks no rule and is not in the trash is not decoded; one in the
    trash, or one that breaks a rule, is."""
    plain = rp.encode_shown("dialogue", "d1", apply(replay([])["a"], ("summary", "s"), "a"))
    trashed = rp.encode_shown("dialogue", "d1", apply(replay([])["a"], ("trashed", True), "a"))
    broken = rp.encode_shown("dialogue", "d1", apply(replay([])["a"], ("participants.p2", "new"), "a"))
    broken[0]["delegations"][0]["participants"][1]["role"] = "head"  # two heads of one delegation
    calls: list[str] = []
    decode = rp.decode

    def counted(*args: Any, **keywords: Any) -> rp.State:
        calls.append("decode")
        return decode(*args, **keywords)

    monkeypatch.setattr(rp, "decode", counted)
    assert plain[0]["trashed"] is False and not rp.rule_breaks(*plain)
    assert replica_store.rule_conflicts("dialogue", *plain) == [] and calls == []
    assert trashed[0]["trashed"] is True and not rp.rule_breaks(*trashed)
    assert replica_store.rule_conflicts("dialogue", *trashed) == [] and calls == ["decode"]
    assert rp.rule_breaks(*broken)
    replica_store.rule_conflicts("dialogue", *broken)
    assert calls == ["decode", "decode"]
