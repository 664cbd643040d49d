"""Property: any valid bundle survives import -> export unchanged (hypothesis)."""

from __future__ import annotations

import json
import string
import uuid
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.db.opening import open_database
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import import_bundle
from desktop_app.services.exchange.validation import check_schema

COUNTRIES = ["KZ", "KG", "TJ", "TM", "UZ", "ES", "BE", "DE", "AF", None]
text = st.text(alphabet=string.ascii_letters + " -'.éжқөүАБВ", min_size=1, max_size=30).filter(str.strip)
maybe_text = st.none() | text
uuids = st.builds(lambda: str(uuid.uuid4()))
stamps = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1)).map(
    lambda d: d.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z"))
parties = st.one_of(
    st.sampled_from([c for c in COUNTRIES if c]).map(lambda c: {"type": "country", "code": c}),
    text.map(lambda n: {"type": "organisation", "name": n}))


@st.composite
def bundles(draw) -> dict:
    people = [{"id": str(uuid.UUID(int=draw(st.integers(1, 2**64)) * 7919 + i, version=4)), "name": draw(text),
               "other_names": draw(st.lists(text, max_size=2)), "sex": draw(st.sampled_from(["female", "male", None])),
               "email": draw(st.none() | st.just("a@example.org")), "updated_at": draw(stamps)}
              for i in range(draw(st.integers(0, 4)))]
    people = list({p["id"]: p for p in people}.values())
    institutions = [{"id": str(uuid.uuid4()), "name": draw(text), "acronym": draw(maybe_text),
                     "country": draw(st.sampled_from(COUNTRIES)), "updated_at": draw(stamps)}
                    for _ in range(draw(st.integers(0, 2)))]
    dialogues = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 1, 1)))
        delegations = []
        for _ in range(draw(st.integers(0, 3))):
            chosen = draw(st.lists(st.sampled_from(people), unique_by=lambda p: p["id"], max_size=3)) if people else []
            delegations.append({
                "id": str(uuid.uuid4()), "side": draw(st.sampled_from(["eu", "partner", "other"])),
                "party": draw(parties), "programme_supported": draw(st.booleans()), "notes": draw(maybe_text),
                "participants": [{"id": str(uuid.uuid4()), "person_id": p["id"],
                                  "institution_id": draw(st.sampled_from([None] + [i["id"] for i in institutions])),
                                  "position": draw(maybe_text), "role": draw(st.sampled_from(["head", "member"]))}
                                 for p in chosen]})
        dialogues.append({
            "id": str(uuid.uuid4()), "title": draw(text), "series": draw(maybe_text),
            "kind": draw(st.sampled_from(["regional", "bilateral", "expert-meeting", "high-level", "other"])),
            "start_date": start.isoformat(),
            "end_date": draw(st.none() | st.integers(0, 5).map(lambda n, s=start: (s + timedelta(days=n)).isoformat())),
            "city": draw(maybe_text), "country": draw(st.sampled_from(COUNTRIES)), "online": draw(st.booleans()),
            "chair": draw(st.none() | parties), "supporting_programmes": draw(st.lists(text, max_size=2)),
            "frameworks": draw(st.lists(text, max_size=2)), "topics": draw(st.lists(text, max_size=3)),
            "summary": draw(maybe_text), "status": draw(st.sampled_from(["draft", "final"])),
            "agenda": [{"title": draw(text), "presenter": draw(st.none() | parties), "notes": draw(maybe_text)}
                       for _ in range(draw(st.integers(0, 2)))],
            "delegations": delegations,
            "actions": [{"description": draw(text), "owner": draw(maybe_text),
                         "due_date": draw(st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2199, 12, 31))
                                         .map(date.isoformat)),
                         "status": draw(st.sampled_from(["open", "done"]))} for _ in range(draw(st.integers(0, 2)))],
            "updated_at": draw(stamps)})
    return {"format": "dialogue-register/bundle", "version": 1, "exported_at": draw(stamps), "source": None,
            "people": people, "institutions": institutions, "dialogues": dialogues}


from tests.services.test_exchange import projected  # noqa: E402


def by_id(bundle: dict) -> dict:
    return {key: {item["id"]: item for item in bundle[key]} for key in ("people", "institutions", "dialogues")}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(bundle=bundles())
def test_any_valid_bundle_survives_import_then_export(tmp_path_factory, bundle) -> None:
    folder = tmp_path_factory.mktemp("prop")
    path = folder / "bundle.json"
    path.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    database = open_database(folder / "db.sqlite3")
    try:
        import_bundle(database, path)
        exported = build_bundle(database)
        check_schema(exported, "exported")
        original = by_id(bundle)
        assert projected(by_id(exported), original) == original  # version 1's fields, as they were
        # and the version 2 export itself travels on unchanged
        other = open_database(folder / "other.sqlite3")
        try:
            again = folder / "again.json"
            again.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
            import_bundle(other, again)
            assert by_id(build_bundle(other)) == by_id(exported)
        finally:
            other.close()
    finally:
        database.close()
