"""The replication register (domain/replication.py): merge is a join (commutative, associative,
idempotent), encoding round-trips, and a concurrent edit of one field is a conflict, never lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import replication as rp

DIALOGUE = {"id": "d1", "title": "T", "series": None, "kind": "regional", "start_date": "2024-01-01",
            "end_date": None, "city": None, "country": None, "online": False, "chair": None,
            "supporting_programmes": [], "frameworks": [], "topics": [], "summary": None, "status": "draft",
            "trashed": False, "agenda": [], "actions": [],
            "delegations": [{"id": "g1", "side": "partner", "party": {"type": "country", "code": "KZ"},
                             "programme_supported": False, "notes": None, "participants": [
                                 {"id": "p1", "person_id": "P1", "institution_id": None, "position": None,
                                  "role": "head", "status": "attended", "programme_funded": False}]}]}

EDITS = st.sampled_from([
    ("title", "A"), ("title", "B"), ("summary", "s"), ("participants.p1.role", "member"),
    ("participants.p1.role", "expert"), ("participants.p2", "new"), ("participants.p1", None),
    ("delegations.g1", None), ("agenda.a1", "x"), ("agenda.a1", None), ("trashed", True), ("trashed", False),
    ("participants.p1.person_id", "P2"), ("participants.p1.person_id", "P4"), ("participants.p1.position", "Deputy"),
])


def apply(state: rp.State, edit: tuple[str, object], db: str) -> rp.State:
    current, _ = rp.unflatten("dialogue", "d1", rp.values(state))
    flat = rp.flatten("dialogue", current)
    path, value = edit
    if path == "participants.p2" and "delegations.g1.side" in flat and flat["delegations.g1.side"]:
        flat.update({f"participants.p2.{k}": v for k, v in {"delegation": "g1", "person_id": "P3", "role": "member",
                                                           "status": "invited", "programme_funded": False,
                                                           "institution_id": None, "position": None,
                                                           "order": 5}.items()})
    elif path in ("participants.p1", "delegations.g1", "agenda.a1") and value is None:
        flat = {k: v for k, v in flat.items() if not k.startswith(path + ".")}
        if path == "delegations.g1":
            flat = {k: v for k, v in flat.items() if not k.startswith("participants.")}
    elif path == "agenda.a1":
        flat.update({"agenda.a1.title": value, "agenda.a1.presenter": None, "agenda.a1.notes": None,
                     "agenda.a1.order": 0})
    elif path in flat or not path.startswith("participants."):
        flat[path] = value
    if path == "participants.p2" or path == "agenda.a1":
        record, _ = rp.unflatten("dialogue", "d1", flat)
        return rp.local_edit(state, rp.edited_fields("dialogue", state, record), db, f"officer {db}", "t")[0]
    record, _ = rp.unflatten("dialogue", "d1", flat)
    flat = rp.edited_fields("dialogue", state, record)
    new, _ = rp.local_edit(state, flat, db, f"officer {db}", "2024-01-01T00:00:00Z")
    return new


def start() -> rp.State:
    return rp.decode("dialogue", DIALOGUE, fallback=("origin", 1))


histories = st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), EDITS), max_size=6)


def replay(history: list[tuple[str, tuple[str, object]]]) -> dict[str, rp.State]:
    states = {db: start() for db in "abc"}
    for db, edit in history:
        states[db] = apply(states[db], edit, db)
    return states


def same(a: rp.State, b: rp.State) -> bool:
    return rp.encode("dialogue", "d1", a) == rp.encode("dialogue", "d1", b)


@settings(max_examples=200, deadline=None)
@given(histories)
def test_merge_is_commutative_associative_idempotent(history: list) -> None:
    s = replay(history)
    a, b, c = s["a"], s["b"], s["c"]
    assert same(rp.merge(a, b), rp.merge(b, a))
    assert same(rp.merge(rp.merge(a, b), c), rp.merge(a, rp.merge(b, c)))
    assert same(rp.merge(a, a), a)
    assert same(rp.merge(rp.merge(a, b), b), rp.merge(a, b))


def merged_then_edited(first: list, second: list) -> rp.State:
    """The three databases' states after `first`, merged, then edited by `second`."""
    s = replay(first)
    merged = rp.merge(rp.merge(s["a"], s["b"]), s["c"])
    for db, edit in second:
        merged = apply(merged, edit, db)
    return merged


@settings(max_examples=200, deadline=None)
@given(histories, histories)
def test_encoding_round_trips_after_merges(first: list, second: list) -> None:
    merged = rp.merge(merged_then_edited(first, second), replay(first)["b"])
    encoded = rp.encode("dialogue", "d1", merged)
    assert rp.encode("dialogue", "d1", rp.decode("dialogue", encoded)) == encoded


PEOPLE = st.sampled_from(["P1", "P2", "P3", "P4"])
MERGES = st.dictionaries(PEOPLE, PEOPLE, max_size=3).map(  # the redirects of the tombstones (merged_into)
    lambda merged_into: rp.canonical({k: v for k, v in merged_into.items() if k != v}))


@settings(max_examples=200, deadline=None)
@given(histories, histories, MERGES, MERGES)
def test_a_redirect_depends_on_what_was_written_and_the_last_tombstones_only(first: list, second: list,
                                                                             early: dict, late: dict) -> None:
    """The soak failure of round 3: a reference read as B after a first merge of A must read as C
    once A's tombstones say C, exactly as if both were known at once; and the state (each
    version's base and written reference included) survives the bundle."""
    s = replay(first)
    raw = rp.merge(rp.merge(s["a"], s["b"]), s["c"])
    for db, edit in second:
        raw = apply(raw, edit, db)
    assert rp.redirect(rp.redirect(raw, early), late) == rp.redirect(raw, late)
    # a database that read the references with the first tombstones, then the last, and one that
    # knew the last at once hold the same state after they exchange
    here = rp.redirect(rp.redirect(rp.merge(s["a"], s["b"]), early), late)
    there = rp.redirect(rp.merge(raw, s["c"]), late)
    assert same(rp.merge(here, there), rp.redirect(rp.merge(raw, rp.merge(s["a"], s["b"])), late))
    for state in (rp.redirect(raw, early), rp.redirect(rp.redirect(raw, early), late)):
        assert rp.decode("dialogue", rp.encode("dialogue", "d1", state)) == state


def test_two_officers_changing_one_role_is_a_conflict_with_both_versions() -> None:
    a = apply(start(), ("participants.p1.role", "member"), "a")
    b = apply(start(), ("participants.p1.role", "expert"), "b")
    merged = rp.merge(a, b)
    found = rp.conflicts(merged)
    assert list(found) == ["participants.p1.role"]
    assert {c.value for c in found["participants.p1.role"]} == {"member", "expert"}
    assert {c.base for c in found["participants.p1.role"]} == {"head"}
    assert {c.by for c in found["participants.p1.role"]} == {"officer a", "officer b"}


def test_different_fields_merge_and_a_resolution_travels() -> None:
    a = apply(start(), ("title", "A"), "a")
    b = apply(start(), ("summary", "s"), "b")
    merged = rp.merge(a, b)
    assert not rp.conflicts(merged)
    assert rp.values(merged)["title"] == "A" and rp.values(merged)["summary"] == "s"
    c = apply(start(), ("title", "B"), "c")
    both = rp.merge(merged, c)
    assert list(rp.conflicts(both)) == ["title"]
    resolved, changed = rp.local_edit(both, {**rp.values(both), "title": "B"}, "a", "x", "t", force=["title"])
    assert changed == ["title"] and not rp.conflicts(resolved)
    # the resolution reaches c, which still holds its own candidate: it is dropped there too
    assert not rp.conflicts(rp.merge(c, resolved)) and not rp.conflicts(rp.merge(rp.merge(a, c), resolved))


def test_removal_against_a_concurrent_change_is_a_conflict() -> None:
    a = apply(start(), ("participants.p1", None), "a")
    b = apply(start(), ("participants.p1.role", "expert"), "b")
    assert "participants.p1.role" in rp.conflicts(rp.merge(a, b))


def test_removal_against_a_value_typed_into_its_empty_field_is_a_conflict() -> None:
    """Round 14: the removal stamped only the fields that were not null, so a position typed into the
    empty one elsewhere had no rival: kept hidden in the state, no conflict, lost to both offices."""
    for removed in ("participants.p1", "delegations.g1"):
        a = apply(start(), (removed, None), "a")
        b = apply(start(), ("participants.p1.position", "Deputy head"), "b")
        for merged in (rp.merge(a, b), rp.merge(b, a)):
            assert "participants.p1.position" in rp.conflicts(merged)


def test_a_removal_stamps_the_removed_sub_records_fields_and_nothing_else() -> None:
    state = start()
    removed, changed = rp.local_edit(state, {k: v for k, v in rp.values(state).items()
                                             if not k.startswith("participants.p1.")}, "a", "x", "t")
    p1 = [f"participants.p1.{f}" for f in rp.SUBRECORDS["participants"][1]]
    assert set(p1) <= set(changed) and not [c for c in changed if not c.startswith("participants.p1.")]
    assert removed.fields["participants.p1.position"][0].dot == ("a", 1)  # null before, stamped too
    again, changed = rp.local_edit(removed, rp.values(removed), "a", "x", "t")  # saved again: nothing new
    assert changed == [] and again == removed
    _, changed = rp.local_edit(state, {**rp.values(state), "title": "U"}, "a", "x", "t")  # no removal
    assert changed == ["title"]


def test_concurrent_additions_both_survive_and_break_a_rule() -> None:
    a = apply(start(), ("participants.p2", "new"), "a")
    b = apply(start(), ("participants.p1.person_id", "P3"), "b")
    merged = rp.merge(a, b)
    record, orphans = rp.unflatten("dialogue", "d1", rp.values(merged))
    assert len(record["delegations"][0]["participants"]) == 2
    assert [rule for rule, _ in rp.rule_breaks(record, orphans)] == ["one person in two delegations"]


def test_trash_against_an_edit_it_had_not_seen_is_a_dispute_until_chosen() -> None:
    trashed = apply(start(), ("trashed", True), "a")
    edited = apply(start(), ("summary", "s"), "b")
    for merged in (rp.merge(trashed, edited), rp.merge(edited, trashed)):
        versions, fields = rp.trash_disputes(merged)
        assert fields == ("summary",) and {(c.value, c.dot[0]) for c in versions} == {(True, "a"), (False, "b")}
        assert "trashed" in rp.disputes(merged) and "trashed" not in rp.conflicts(merged)
        assert rp.values(merged)["summary"] == "s"  # nothing lost meanwhile
        kept, _ = rp.local_edit(merged, rp.values(merged), "b", "x", "t", force=["trashed"])
        assert not rp.disputes(kept) and rp.values(kept)["trashed"] is True
        restored, _ = rp.local_edit(merged, {**rp.values(merged), "trashed": False}, "a", "x", "t", force=["trashed"])
        assert not rp.disputes(restored)
        assert not rp.disputes(rp.merge(kept, trashed)) and not rp.disputes(rp.merge(edited, restored))
    later = apply(apply(start(), ("trashed", True), "a"), ("summary", "s"), "a")  # edited where it was trashed
    assert not rp.disputes(later)
    seen_first = apply(rp.merge(start(), edited), ("trashed", True), "a")  # trashed after seeing the edit
    assert not rp.disputes(rp.merge(seen_first, edited))


PERSON = {"id": "K", "name": "Erlan Kasymov", "other_names": [], "sex": None, "email": None}
PERSON_EDITS = st.sampled_from([("name", "A"), ("name", "B"), ("email", "e@x"), ("sex", "male"),
                                ("other_names", ["X"])])


def person_edit(state: rp.State, edit: tuple[str, object], db: str, merged: str | None = None) -> rp.State:
    fields = {**rp.values(state), edit[0]: edit[1]}
    if merged:  # as the merge does: the name it keeps is its choice
        fields[rp.MERGE_CONTEXT + merged] = dict(state.version)
    return rp.local_edit(state, fields, db, f"officer {db}", "t", force=["name"] if merged else ())[0]


def merged_into(kept: rp.State, gone: rp.State, db: str = "m") -> rp.State:
    """The merge of G into K as the program makes it: K takes G's state (`absorb`), then the merge's
    edit sets every field the two disagree on to the kept record's value (the name always)."""
    joined = rp.absorb(kept, gone, "G")
    fields = {**rp.values(joined), **rp.values(kept), rp.MERGE_CONTEXT + "G": dict(joined.version)}
    force = ["name", *(p for p in rp.conflicts(joined) if p not in rp.conflicts(kept))]
    return rp.local_edit(joined, fields, db, f"officer {db}", "t", force=force)[0]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ab"), PERSON_EDITS), max_size=4),
       st.lists(st.tuples(st.sampled_from("ab"), PERSON_EDITS), max_size=4), st.integers(0, 4),
       st.integers(0, 4))
def test_an_absorbed_merged_record_converges_in_any_order(kept_edits: list, gone_edits: list, seen_count: int,
                                                          early: int) -> None:
    """Edits of a record merged elsewhere follow the merge (`absorb`): the same result whether a
    database absorbs before or after merging with one that did not, absorbing twice is once, and
    absorbing an earlier state of the merged record first changes nothing (a join)."""
    kept_start = rp.decode("person", PERSON, fallback=("origin", 1))
    gone = rp.decode("person", {**PERSON, "id": "G", "name": "Ерлан Касымов"}, fallback=("origin", 1))
    for db, edit in gone_edits[:seen_count]:
        gone = person_edit(gone, edit, db)
    kept = merged_into(kept_start, gone)
    other = kept
    for db, edit in kept_edits:
        other = person_edit(other, edit, db)
    unseen = []  # an edit that writes the value already there changes nothing, so it is no edit
    states = [gone]
    for db, edit in gone_edits[seen_count:]:
        before = dict(gone.version)
        gone = person_edit(gone, edit, db)
        states.append(gone)
        if dict(gone.version) != before:
            unseen.append((db, edit))
    here = rp.absorb(kept, gone, "G")
    assert same_person(rp.absorb(here, gone, "G"), here)
    assert same_person(rp.absorb(rp.absorb(kept, states[min(early, len(states) - 1)], "G"), gone, "G"), here)
    assert same_person(rp.merge(here, other), rp.merge(other, here))
    assert same_person(rp.merge(here, other), rp.absorb(rp.merge(kept, other), gone, "G"))
    assert same_person(rp.merge(here, other), rp.merge(rp.absorb(other, gone, "G"), here))
    for n, (_db, edit) in enumerate(unseen):  # every edit the merge had not seen is in the kept record
        assert any(c.value == edit[1] for c in rp.merge(here, other).fields[edit[0]]) or any(
            later[0] == edit[0] for _, later in unseen[n + 1:])


def same_person(a: rp.State, b: rp.State) -> bool:
    return rp.encode("person", "K", a) == rp.encode("person", "K", b)


def test_an_email_added_to_the_merged_person_arrives_and_a_rename_competes() -> None:
    gone = rp.decode("person", {**PERSON, "id": "G", "name": "Ерлан Касымов"}, fallback=("origin", 1))
    kept = merged_into(rp.decode("person", PERSON, fallback=("origin", 1)), gone)
    assert not rp.conflicts(kept)
    gone = person_edit(person_edit(gone, ("email", "e@x"), "b"), ("name", "Erlan Kassymov"), "b")
    absorbed = rp.absorb(kept, gone, "G")
    assert rp.values(absorbed)["email"] == "e@x" and "email" not in rp.conflicts(absorbed)
    assert {c.value for c in rp.conflicts(absorbed)["name"]} == {"Erlan Kasymov", "Erlan Kassymov"}
    assert {rp.database_of(c.dot) for c in rp.conflicts(absorbed)["name"]} == {"m", "b"}


@given(st.lists(st.dictionaries(st.sampled_from(["x", "y", "format", "people"]), st.integers(0, 3)), max_size=4))
def test_a_newer_program_s_bundle_fields_merge_in_any_order(bundles: list) -> None:
    forward, backward = {}, {}
    for bundle in bundles:
        forward = rp.bundle_fields(bundle, forward)
    for bundle in reversed(bundles):
        backward = rp.bundle_fields(bundle, backward)
    assert forward == backward and rp.bundle_fields(bundles[0] if bundles else {}, forward) == forward
    assert not set(forward) & rp.BUNDLE_KEYS


def test_unknown_fields_of_sub_records_are_fields_and_an_edit_keeps_them() -> None:
    record = {**DIALOGUE, "delegations": [{**DIALOGUE["delegations"][0], "credentials": "ok", "participants": [
        {**DIALOGUE["delegations"][0]["participants"][0], "badge": 7}]}],
        "agenda": [{"id": "a1", "title": "Opening", "presenter": None, "notes": None, "room": "50.4"}]}
    state = rp.decode("dialogue", record, fallback=("origin", 1))
    assert rp.values(state)["participants.p1.badge"] == 7
    shown, _ = rp.unflatten("dialogue", "d1", rp.values(state))
    assert shown["delegations"][0]["credentials"] == "ok" and shown["agenda"][0]["room"] == "50.4"
    as_the_form_saves = {**DIALOGUE, "title": "New"}  # the form knows nothing of them
    edited, changed = rp.local_edit(state, rp.edited_fields("dialogue", state, {
        **as_the_form_saves, "agenda": [{"id": "a1", "title": "Opening", "presenter": None, "notes": None}]}),
        "a", "x", "t")
    assert changed == ["title"]
    assert rp.unknown_subfields(rp.unflatten("dialogue", "d1", rp.values(edited))[0]) == {
        "delegations.g1.credentials": "ok", "participants.p1.badge": 7, "agenda.a1.room": "50.4"}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ab"), PERSON_EDITS), max_size=3),
       st.lists(st.tuples(st.sampled_from("ab"), PERSON_EDITS), max_size=3),
       st.lists(st.tuples(st.sampled_from("ab"), PERSON_EDITS), max_size=3), PERSON_EDITS, st.permutations("KGH"))
def test_a_kept_record_shows_the_fold_of_the_states_it_holds(kept_edits: list, gone_edits: list, chained_edits: list,
                                                             edit: tuple[str, object], order: list) -> None:
    """`fold`: G merged into K and H into G (a chain) — what K shows is a function of the three
    states and the tombstones, whatever order they are given in; an officer's edit of what K shows,
    folded again, shows exactly that edit (a merged record's edits never come back over it)."""
    start = {name: rp.decode("person", {**PERSON, "id": name, "name": f"Erlan {name}"}, fallback=(name, 1))
             for name in "KGH"}
    for name, edits in (("K", kept_edits), ("G", gone_edits), ("H", chained_edits)):
        for db, one in edits:
            start[name] = person_edit(start[name], one, db)
    targets = {"G": "K", "H": "G"}
    shown = rp.fold("K", {name: start[name] for name in order}, targets)
    assert same_person(shown, rp.fold("K", dict(sorted(start.items())), targets))
    edited = rp.local_edit(shown, {**rp.values(shown), edit[0]: edit[1]}, "c", "officer c", "t",
                           force=[edit[0]])[0]  # an edit (or a conflict resolved) of the field
    again = rp.fold("K", {**start, "K": edited}, targets)
    assert rp.values(again)[edit[0]] == edit[1] and edit[0] not in rp.conflicts(again)
    assert same_person(again, edited)
