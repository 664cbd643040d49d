"""Property (round 16): any records saved through the program -- Cyrillic and Kazakh letters,
text of exactly the greatest length allowed, every optional field empty or filled -- export to a
bundle the contract's schema accepts as it is written (the reference validator, not the program's
own check), and that bundle imported into a new database exports the same records again and reads
back as the records that were saved."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueKind, DialogueStatus, ParticipationStatus, Role, Sex, Side
from desktop_app.domain.validation import LIMITS, dialogue_problems
from desktop_app.resources import resource_path
from desktop_app.services.exchange.exporter import export_bundle
from desktop_app.services.exchange.importer import import_bundle
from tests.conftest import SHARED

LETTERS = "abcXYZ éüß АБВабвЁё ӘәҒғҚқҢңӨөҰұҮүҺһІі-'.,()0123456789"


def texts(limit: int, lines: bool = False) -> st.SearchStrategy[str]:
    """A text an officer could type: short, or exactly as long as the field allows."""
    alphabet = LETTERS + ("\n" if lines else "") + "😀"
    short = st.text(alphabet=alphabet, min_size=1, max_size=20)
    longest = st.text(alphabet=alphabet, min_size=1, max_size=5).map(lambda t: (t * limit)[:limit])
    return st.one_of(short, longest).filter(lambda t: t.strip() == t and t.strip() != "")


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


COUNTRIES = ["KZ", "KG", "TJ", "TM", "UZ", "ES", "BE", "DE"]
parties = st.one_of(st.sampled_from(COUNTRIES).map(r.Party.country),
                    texts(LIMITS["party_name"]).map(r.Party.organisation))
days = st.dates(min_value=date(2001, 1, 1), max_value=date(2024, 12, 31))


@st.composite
def records(draw: Any) -> tuple[list[r.Person], list[r.Institution], list[r.Dialogue]]:
    people = [r.Person(id=r.new_id(), name=draw(texts(LIMITS["person_name"])),
                       other_names=tuple(draw(st.lists(texts(LIMITS["person_name"]), max_size=2, unique=True))),
                       sex=draw(st.sampled_from([None, Sex.FEMALE, Sex.MALE])),
                       email=draw(maybe(st.sampled_from(["a@example.org", "айгерим@пример.kz",
                                                         "x" * 242 + "@example.org"]))))
              for _ in range(draw(st.integers(1, 3)))]
    institutions = [r.Institution(id=r.new_id(), name=draw(texts(LIMITS["institution_name"])),
                                  acronym=draw(maybe(texts(LIMITS["acronym"]))),
                                  country=draw(maybe(st.sampled_from(COUNTRIES))),
                                  other_names=tuple(draw(st.lists(texts(300), max_size=1))))
                    for _ in range(draw(st.integers(0, 2)))]
    dialogues = []
    for _ in range(draw(st.integers(1, 2))):
        start = draw(days)
        chosen = draw(st.lists(st.sampled_from(people), unique_by=lambda p: p.id, max_size=len(people)))
        delegations = []
        for i, person in enumerate(chosen):  # one person in one delegation, each a head
            delegations.append(r.Delegation(
                id=r.new_id(), side=draw(st.sampled_from(list(Side))), party=draw(parties),
                programme_supported=draw(st.booleans()),
                notes=draw(maybe(texts(LIMITS["delegation_notes"], lines=True))),
                participants=(r.Participant(
                    id=r.new_id(), person_id=person.id,
                    role=Role.HEAD if i % 2 == 0 else draw(st.sampled_from(list(Role))),
                    institution_id=draw(maybe(st.sampled_from([x.id for x in institutions]))) if institutions else None,
                    position=draw(maybe(texts(LIMITS["position"]))),
                    status=draw(st.sampled_from(list(ParticipationStatus))),
                    programme_funded=draw(st.booleans())),)))
        dialogues.append(r.Dialogue(
            id=r.new_id(), title=draw(texts(LIMITS["title"])), kind=draw(st.sampled_from(list(DialogueKind))),
            start_date=start, status=draw(st.sampled_from(list(DialogueStatus))),
            series=draw(maybe(texts(LIMITS["series"]))),
            end_date=draw(maybe(st.integers(0, 5).map(lambda n, s=start: s + timedelta(days=n)))),
            city=draw(maybe(texts(LIMITS["city"]))), country=draw(maybe(st.sampled_from(COUNTRIES))),
            online=draw(st.booleans()), chair=draw(maybe(parties)),
            supporting_programmes=tuple(draw(st.lists(texts(LIMITS["programme"]), max_size=2, unique=True))),
            frameworks=tuple(draw(st.lists(texts(LIMITS["framework"]), max_size=2, unique=True))),
            topics=tuple(draw(st.lists(texts(LIMITS["topic"]), max_size=2, unique=True))),
            summary=draw(maybe(st.sampled_from(["Итоги встречи.\nВторая строка.", "Қорытынды " * 10_000]))),
            agenda=tuple(r.AgendaItem(title=draw(texts(LIMITS["agenda_title"])), presenter=draw(maybe(parties)),
                                      notes=draw(maybe(texts(LIMITS["agenda_notes"], lines=True))))
                         for _ in range(draw(st.integers(0, 2)))),
            delegations=tuple(delegations),
            actions=tuple(r.Action(description=draw(texts(LIMITS["action_description"])),
                                   status=draw(st.sampled_from([ActionStatus.OPEN, ActionStatus.DONE])),
                                   owner=draw(maybe(texts(LIMITS["action_owner"]))),
                                   due_date=draw(maybe(days)))
                          for _ in range(draw(st.integers(0, 2))))))
    return people, institutions, dialogues


def _contract() -> Draft202012Validator:
    path = SHARED / "contracts" / "bundle-v2.schema.json"
    if not path.exists():
        path = resource_path("contracts", "bundle-v2.schema.json")
    return Draft202012Validator(json.loads(path.read_text(encoding="utf-8")),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


CONTRACT = _contract()


def _records(bundle: dict[str, Any]) -> dict[str, Any]:
    """The bundle less what describes the export itself (its time, the sending database)."""
    return {key: value for key, value in bundle.items() if key not in ("exported_at", "database_id", "source")}


def _content(record: Any) -> Any:
    """A record as the officer sees it: without the revision and time the database keeps."""
    return replace(record, revision=0, updated_at=None)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(made=records())
def test_any_saved_records_export_to_the_schema_and_import_to_the_same_records(tmp_path_factory: Any,
                                                                               made: Any) -> None:
    people, institutions, dialogues = made
    assume(all(not dialogue_problems(d) for d in dialogues))
    folder: Path = tmp_path_factory.mktemp("schema")
    here = open_database(folder / "here.sqlite3")
    there = open_database(folder / "there.sqlite3")
    try:
        saved_people = [PeopleRepository(here).save(p) for p in people]
        saved_institutions = [InstitutionRepository(here).save(i) for i in institutions]
        saved = [DialogueRepository(here).save(d) for d in dialogues]
        first = folder / "first.json"
        export_bundle(here, first)
        bundle = json.loads(first.read_text(encoding="utf-8"))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in CONTRACT.iter_errors(bundle)]
        assert errors == []
        import_bundle(there, first)
        second = folder / "second.json"
        export_bundle(there, second)
        assert _records(json.loads(second.read_text(encoding="utf-8"))) == _records(bundle)
        assert [_content(PeopleRepository(there).get(p.id)) for p in saved_people] == \
            [_content(p) for p in saved_people]
        assert [_content(InstitutionRepository(there).get(i.id)) for i in saved_institutions] == \
            [_content(i) for i in saved_institutions]
        for dialogue in saved:
            got = DialogueRepository(there).get(dialogue.id)
            assert _content(got) == _content(dialogue)
            assert [a.id for a in got.agenda] == [a.id for a in dialogue.agenda]  # ids too (not in ==)
            assert [a.id for a in got.actions] == [a.id for a in dialogue.actions]
    finally:
        here.close()
        there.close()
