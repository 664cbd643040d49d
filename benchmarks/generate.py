"""Realistic exchange bundles and databases of any size, the same every time for the same seed.

    python benchmarks/generate.py --dialogues 20000 --db /tmp/big.sqlite3
    python benchmarks/generate.py --dialogues 2000 --bundle /tmp/2000.json

What a record looks like: 8 delegations per dialogue (Central Asian partners, EU member states,
EU bodies, international organisations), 4 participants each (a head and three members), people
named in Cyrillic or Latin with the other spelling as an other name, recurring series held in
real cities, topics and frameworks from the programme's vocabulary, about one in six a draft.

How a database is written:

- up to `IMPORT_PATH_LIMIT` dialogues, through the program's own import (`import_data`), so the
  file is exactly what an officer importing the bundle would get;
- above it, with SQLAlchemy Core bulk inserts into the tables of `desktop_app.db.models` (after
  `open_database` has created the schema by its migrations), with the same derived columns the
  program computes on save (`search_text`, `search_name`, counts, revisions). The ORM import of
  100,000 dialogues would take far longer than the benchmark itself. The smoke test checks that
  both ways give the same export.

Either way the file is then opened with `open_database` and must pass `check`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DELEGATIONS_PER_DIALOGUE = 8
PARTICIPANTS_PER_DELEGATION = 4
IMPORT_PATH_LIMIT = 500
EPOCH = datetime(2015, 1, 1, 8, 0, tzinfo=UTC)

CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")
EU_STATES = ("DE", "FR", "IT", "ES", "PL", "NL", "BE", "CZ", "LV", "LT", "AT", "PT", "SE", "FI", "RO")
OTHER_STATES = ("AF", "CN", "RU", "TR", "US", "IR", "PK", "AZ", "GE", "MN")
ORGANISATIONS = ("European Commission", "European Union Drugs Agency", "Europol",
                 "United Nations Office on Drugs and Crime", "Organization for Security and Co-operation in Europe",
                 "World Health Organization", "Central Asian Regional Information and Coordination Centre")
SERIES = (
    ("EU-Central Asia Drug Dialogue", "regional"),
    ("CADAP Regional Conference", "regional"),
    ("EU-Kazakhstan Expert Meeting", "expert-meeting"),
    ("EU-Kyrgyzstan Expert Meeting", "expert-meeting"),
    ("EU-Tajikistan Expert Meeting", "expert-meeting"),
    ("EU-Uzbekistan Expert Meeting", "expert-meeting"),
    ("EU-Turkmenistan Expert Meeting", "expert-meeting"),
    ("Senior Officials Meeting on Drugs", "high-level"),
    ("Bilateral consultation", "bilateral"),
    ("Harm Reduction Working Group", "other"),
    (None, "other"),
)
CITIES = (("Brussels", "BE"), ("Bishkek", "KG"), ("Almaty", "KZ"), ("Astana", "KZ"), ("Tashkent", "UZ"),
          ("Dushanbe", "TJ"), ("Ashgabat", "TM"), ("Samarkand", "UZ"), ("Osh", "KG"), ("Riga", "LV"),
          ("Vienna", "AT"), ("Lisbon", "PT"), ("Warsaw", "PL"), ("Prague", "CZ"))
TOPICS = ("drug demand reduction", "harm reduction", "treatment and rehabilitation", "prevention in schools",
          "drug monitoring", "early warning system", "new psychoactive substances", "precursor control",
          "prison health", "HIV and hepatitis", "opioid agonist therapy", "drug policy evaluation",
          "alternatives to coercive sanctions", "cross-border trafficking", "national drug observatories",
          "gender and drugs", "youth", "civil society")
FRAMEWORKS = ("EU Drugs Strategy 2021-2025", "EU-Central Asia Action Plan on Drugs", "CADAP 7",
              "EU Strategy on Central Asia", "UNGASS 2016 outcome document")
PROGRAMMES = ("CADAP 7", "CADAP 6", "BOMCA 10", "EU ACT")
LATIN_FIRST = (("Aigerim", "Айгерим", "female"), ("Nurlan", "Нурлан", "male"), ("Bakhtiyor", "Бахтиёр", "male"),
               ("Gulnara", "Гульнара", "female"), ("Dilnoza", "Дилноза", "female"), ("Timur", "Тимур", "male"),
               ("Azamat", "Азамат", "male"), ("Zarina", "Зарина", "female"), ("Rustam", "Рустам", "male"),
               ("Madina", "Мадина", "female"), ("Farrukh", "Фаррух", "male"), ("Ainura", "Айнура", "female"),
               ("Sergey", "Сергей", "male"), ("Olga", "Ольга", "female"), ("Yerlan", "Ерлан", "male"),
               ("Nodira", "Нодира", "female"), ("Daniyar", "Данияр", "male"), ("Saltanat", "Салтанат", "female"))
SURNAME_ROOTS = (("Abdu", "Абду"), ("Kari", "Кари"), ("Nazar", "Назар"), ("Tokay", "Токай"), ("Ismoil", "Исмоил"),
                 ("Sultan", "Султан"), ("Orozbek", "Орозбек"), ("Yusup", "Юсуп"), ("Akhmet", "Ахмет"),
                 ("Zhumabay", "Жумабай"), ("Sadyk", "Садык"), ("Turgun", "Тургун"), ("Ergash", "Эргаш"),
                 ("Mamat", "Мамат"), ("Dzhura", "Джура"), ("Kasym", "Касым"), ("Rakhim", "Рахим"), ("Asan", "Асан"),
                 ("Bekmurat", "Бекмурат"), ("Nurgali", "Нургали"), ("Saparmurat", "Сапармурат"),
                 ("Khodzha", "Ходжа"), ("Umar", "Умар"), ("Islam", "Ислам"), ("Alim", "Алим"),
                 ("Baktybay", "Бактыбай"), ("Ermek", "Эрмек"), ("Kubat", "Кубат"), ("Shukur", "Шукур"),
                 ("Tashmat", "Ташмат"))
SURNAME_ENDINGS = (("ov", "ов"), ("ev", "ев"), ("bekov", "беков"), ("aliev", "алиев"), ("kulov", "кулов"),
                   ("dzhanov", "джанов"))
LATIN_LAST = tuple((root + ending, root_ru + ending_ru) for root, root_ru in SURNAME_ROOTS
                   for ending, ending_ru in SURNAME_ENDINGS)  # 180 surnames, Latin and Cyrillic
EUROPEAN = ("Anna Müller", "Jan Kowalski", "Marie Dubois", "Luca Rossi", "Elena García", "Pieter de Vries",
            "Kristīne Ozola", "Tomáš Novák", "Sofia Almeida", "Eva Lindqvist", "Mikko Virtanen", "Jonas Petrauskas",
            "Ioana Popescu", "Klaus Gruber", "Claire Janssens", "Zsófia Nagy")
POSITIONS = ("Head of Unit", "Deputy Minister", "Senior Expert", "Chief Specialist", "Director",
             "Programme Manager", "Policy Officer", "Chief Narcologist", "Analyst", "Counsellor")
INSTITUTION_KINDS = ("Ministry of Health", "Ministry of Internal Affairs", "Drug Control Agency",
                     "National Centre of Narcology", "Prosecutor General's Office", "Border Service",
                     "Republican Narcological Centre", "Ministry of Justice")


class Ids:
    """Deterministic UUID4-shaped ids from the seed (a bundle must carry real UUIDs)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))


def default_people(dialogues: int) -> int:
    """5,000 people for a few thousand dialogues, up to 50,000 for 100,000; fewer for tiny runs."""
    return min(50_000, max(dialogues // 2, min(5_000, max(64, dialogues * 4))))


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def make_people(rng: random.Random, ids: Ids, count: int) -> list[dict[str, Any]]:
    people = []
    for index in range(count):
        if index % 5 == 4:
            name, other, sex = rng.choice(EUROPEAN), [], None
        else:
            first_latin, first_cyrillic, sex = rng.choice(LATIN_FIRST)
            last_latin, last_cyrillic = rng.choice(LATIN_LAST)
            if sex == "female":
                last_latin, last_cyrillic = last_latin + "a", last_cyrillic + "а"
            latin, cyrillic = f"{first_latin} {last_latin}", f"{first_cyrillic} {last_cyrillic}"
            name, other = (cyrillic, [latin]) if rng.random() < 0.5 else (latin, [cyrillic])
        people.append({"id": ids(), "name": name, "other_names": other,
                       "sex": sex if rng.random() < 0.9 else None,
                       "email": f"person{index}@example.org" if rng.random() < 0.3 else None,
                       "updated_at": stamp(EPOCH + timedelta(minutes=index))})
    return people


def make_institutions(rng: random.Random, ids: Ids) -> list[dict[str, Any]]:
    institutions = []
    for code in CENTRAL_ASIA + EU_STATES:
        for kind in INSTITUTION_KINDS:
            institutions.append({"id": ids(), "name": f"{kind} ({code})", "acronym": None, "country": code,
                                 "updated_at": stamp(EPOCH)})
    for name in ORGANISATIONS:
        institutions.append({"id": ids(), "name": name, "acronym": None, "country": None,
                             "updated_at": stamp(EPOCH)})
    return institutions


def _party(rng: random.Random, slot: int, host: str | None) -> tuple[str, dict[str, Any]]:
    """Slots 0-4: the five Central Asian partners; then EU states, an EU body, another party."""
    if slot < len(CENTRAL_ASIA):
        return "partner", {"type": "country", "code": CENTRAL_ASIA[slot]}
    if slot == 5:
        return "eu", {"type": "organisation", "name": rng.choice(ORGANISATIONS[:3])}
    if slot == 6:
        return "eu", {"type": "country", "code": rng.choice(EU_STATES)}
    if rng.random() < 0.5:
        return "other", {"type": "organisation", "name": rng.choice(ORGANISATIONS[3:])}
    return "other", {"type": "country", "code": rng.choice(OTHER_STATES)}


def iter_dialogues(rng: random.Random, ids: Ids, count: int, people: list[dict[str, Any]],
                   institutions: list[dict[str, Any]], delegations: int = DELEGATIONS_PER_DIALOGUE,
                   participants: int = PARTICIPANTS_PER_DELEGATION) -> Iterator[dict[str, Any]]:
    by_country: dict[str | None, list[str]] = {}
    for institution in institutions:
        by_country.setdefault(institution["country"], []).append(institution["id"])
    span_days = 365 * 10
    for index in range(count):
        series, kind = rng.choice(SERIES)
        city, host = rng.choice(CITIES)
        start = date(2015, 1, 1) + timedelta(days=rng.randrange(span_days))
        length = rng.choice((0, 1, 1, 2, 2, 3))
        title = f"{series or 'Expert meeting'} {start.year}, {city}"
        if rng.random() < 0.3:
            title += f" — {rng.choice(TOPICS)}"
        dialogue_delegations = []
        attending = iter(rng.sample(range(len(people)), delegations * participants))
        for slot in range(delegations):
            side, party = _party(rng, slot % 8, host)
            country = party.get("code")
            pool = by_country.get(country) or by_country[None]
            members = []
            for place in range(participants):
                person = people[next(attending)]
                members.append({"id": ids(), "person_id": person["id"],
                                "institution_id": rng.choice(pool) if rng.random() < 0.85 else None,
                                "position": rng.choice(POSITIONS) if rng.random() < 0.7 else None,
                                "role": "head" if place == 0 else "member"})
            dialogue_delegations.append({"id": ids(), "side": side, "party": party,
                                         "programme_supported": side == "partner" and rng.random() < 0.7,
                                         "notes": None, "participants": members})
        draft = rng.random() < 0.16
        yield {
            "id": ids(), "title": title, "series": series, "kind": kind,
            "start_date": start.isoformat(), "end_date": (start + timedelta(days=length)).isoformat(),
            "city": city, "country": host, "online": rng.random() < 0.05,
            "chair": {"type": "organisation", "name": "European Commission"} if rng.random() < 0.5
            else {"type": "country", "code": host},
            "supporting_programmes": [rng.choice(PROGRAMMES)],
            "frameworks": rng.sample(FRAMEWORKS, 2),
            "topics": rng.sample(TOPICS, 3),
            "summary": None if draft else f"Delegations discussed {rng.choice(TOPICS)} and agreed next steps.",
            "status": "draft" if draft else "final",
            "agenda": [{"title": f"Session {n + 1}: {rng.choice(TOPICS)}", "presenter": None, "notes": None}
                       for n in range(rng.randrange(2, 5))],
            "delegations": dialogue_delegations,
            "actions": [{"description": "Share the national report", "owner": None, "due_date": None,
                         "status": "open"}] if draft else [],
            "updated_at": stamp(EPOCH + timedelta(seconds=index * 17)),
        }


class Generated:
    """People, institutions and a stream of dialogues, all from one seed."""

    def __init__(self, dialogues: int, people: int | None = None, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.ids = Ids(self.rng)
        self.count = dialogues
        self.people = make_people(self.rng, self.ids, people or default_people(dialogues))
        self.institutions = make_institutions(self.rng, self.ids)

    bundle_source = "benchmarks/generate.py"

    def dialogues(self) -> Iterator[dict[str, Any]]:
        return iter_dialogues(self.rng, self.ids, self.count, self.people, self.institutions)

    def bundle(self) -> dict[str, Any]:
        return {"format": "dialogue-register/bundle", "version": 1, "exported_at": stamp(EPOCH),
                "source": self.bundle_source, "people": self.people, "institutions": self.institutions,
                "dialogues": list(self.dialogues())}


def make_bundle(dialogues: int, people: int | None = None, seed: int = 7) -> dict[str, Any]:
    return Generated(dialogues, people, seed).bundle()


def write_bundle(path: Path, dialogues: int, people: int | None = None, seed: int = 7) -> Path:
    path.write_text(json.dumps(make_bundle(dialogues, people, seed), ensure_ascii=False), encoding="utf-8")
    return path


def _row_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _party_columns(party: dict[str, Any] | None) -> tuple[str | None, str | None, str | None]:
    if party is None:
        return None, None, None
    if party["type"] == "country":
        return "country", party["code"], None
    return "organisation", None, party["name"]


def _bulk_insert(database: Any, generated: Generated, chunk: int = 2000) -> None:
    bulk_insert(database, generated.people, generated.institutions, generated.dialogues(),
                chunk=chunk, source=generated.bundle_source)


def bulk_insert(database: Any, people: list[dict[str, Any]], institutions: list[dict[str, Any]],
                dialogues: Iterable[dict[str, Any]], chunk: int = 2000, source: str | None = None) -> None:
    """Core bulk inserts matching the models, with the derived columns the program computes on save.

    Takes bundle JSON (people, institutions, dialogues; version 1, sent by `source`) into a database
    that has none of them: the shape an importer could use for every record it adds. Like the
    import, each record gets the replication state of a version 1 record (its content's legacy
    version, by `source`), agenda items and actions the ids derived from their dialogue, and each
    participant the version 1 meaning of the protocol fields (attended, funded with the delegation)."""
    from sqlalchemy import insert

    from desktop_app.db import models as m
    from desktop_app.db.replica_store import meta_of
    from desktop_app.domain import records as r
    from desktop_app.domain import replication as rp
    from desktop_app.domain.enums import ParticipationStatus
    from desktop_app.domain.reference import party_name
    from desktop_app.domain.search import fold_all
    from desktop_app.services.exchange.codec import party_from_json
    from desktop_app.services.exchange.importer import v1_record

    author = f"{source or 'a version 1 bundle'}"[:200]

    def replica(kind: str, item: dict[str, Any]) -> tuple[dict[str, Any], str]:
        """The record as the import reads it (version 2's shape) and the `replica` column it stores."""
        record = v1_record(kind, item)
        if kind == "dialogue":
            record.setdefault("trashed", False)
        state = rp.decode(kind, record, fallback=rp.legacy_dot(kind, record), fallback_by=author)
        return record, meta_of(kind, rp.encode(kind, record["id"], state))

    names = {p["id"]: (p["name"], *p["other_names"]) for p in people}
    now = datetime.now(UTC)
    tables = {name: model.__table__ for name, model in (
        ("people", m.PersonRow), ("other", m.PersonOtherName), ("institutions", m.InstitutionRow),
        ("dialogues", m.DialogueRow), ("programmes", m.DialogueProgramme), ("frameworks", m.DialogueFramework),
        ("topics", m.DialogueTopic), ("agenda", m.AgendaItemRow), ("actions", m.ActionRow),
        ("delegations", m.DelegationRow), ("participants", m.ParticipantRow))}
    with database.engine.begin() as connection:
        def flush(batch: dict[str, list[dict[str, Any]]]) -> None:
            for name, rows in batch.items():
                if rows:
                    connection.execute(insert(tables[name]), rows)
                    rows.clear()

        batch: dict[str, list[dict[str, Any]]] = {name: [] for name in tables}
        for p in people:
            moment = _row_time(p["updated_at"])
            batch["people"].append({"id": p["id"], "name": p["name"], "sex": p["sex"], "email": p["email"],
                                    "search_name": fold_all((p["name"], *p["other_names"])), "deleted_at": None,
                                    "revision": 1, "created_at": now, "updated_at": moment,
                                    "replica": replica("person", p)[1]})
            batch["other"].extend({"person_id": p["id"], "sort_order": i, "name": n}
                                  for i, n in enumerate(p["other_names"]))
        for i in institutions:
            batch["institutions"].append({"id": i["id"], "name": i["name"], "acronym": i["acronym"],
                                          "country": i["country"], "deleted_at": None, "revision": 1,
                                          "created_at": now, "updated_at": _row_time(i["updated_at"]),
                                          "replica": replica("institution", i)[1]})
        flush(batch)
        for count, d in enumerate(dialogues, start=1):
            moment = _row_time(d["updated_at"])
            record, meta = replica("dialogue", d)
            chair = _party_columns(d["chair"])
            parties = [party_from_json(d["chair"]), *(party_from_json(g["party"]) for g in d["delegations"])]
            person_ids = {p["person_id"] for g in d["delegations"] for p in g["participants"]}
            host = [party_name(r.Party.country(d["country"])), party_name(r.Party.country(d["country"]), "ru")]
            search = fold_all((d["title"], d["series"], d["city"], *host, *d["topics"], *d["frameworks"],
                               *d["supporting_programmes"], d["summary"],
                               *(n for party in parties if party for n in (party_name(party), party_name(party, "ru"))),
                               *(n for pid in sorted(person_ids) for n in names[pid])))
            batch["dialogues"].append({
                "id": d["id"], "title": d["title"], "series": d["series"], "kind": d["kind"],
                "start_date": date.fromisoformat(d["start_date"]), "end_date": date.fromisoformat(d["end_date"]),
                "city": d["city"], "country": d["country"], "online": d["online"], "chair_type": chair[0],
                "chair_country": chair[1], "chair_organisation": chair[2], "summary": d["summary"],
                "status": d["status"], "delegation_count": len(d["delegations"]),
                "participant_count": sum(len(g["participants"]) for g in d["delegations"]),
                "search_text": search, "deleted_at": None, "revision": 1, "created_at": now, "updated_at": moment,
                "replica": meta})
            for key, table in (("supporting_programmes", "programmes"), ("frameworks", "frameworks"),
                               ("topics", "topics")):
                batch[table].extend({"dialogue_id": d["id"], "sort_order": i, "name": v}
                                    for i, v in enumerate(d[key]))
            for i, (a, derived) in enumerate(zip(d["agenda"], record["agenda"], strict=True)):
                presenter = _party_columns(a["presenter"])
                batch["agenda"].append({"id": derived["id"], "dialogue_id": d["id"], "sort_order": i,
                                        "title": a["title"], "presenter_type": presenter[0],
                                        "presenter_country": presenter[1], "presenter_organisation": presenter[2],
                                        "notes": a["notes"], "created_at": now, "updated_at": moment})
            for i, a in enumerate(d["actions"]):
                batch["actions"].append({"id": r.derived_action_id(d["id"], i), "dialogue_id": d["id"], "sort_order": i,
                                         "description": a["description"], "owner": a["owner"],
                                         "due_date": None, "status": a["status"], "created_at": now,
                                         "updated_at": moment})
            for i, g in enumerate(d["delegations"]):
                party = _party_columns(g["party"])
                batch["delegations"].append({
                    "id": g["id"], "dialogue_id": d["id"], "sort_order": i, "side": g["side"],
                    "party_type": party[0], "party_country": party[1], "party_organisation": party[2],
                    "programme_supported": g["programme_supported"], "notes": g["notes"],
                    "created_at": now, "updated_at": moment})
                batch["participants"].extend({
                    "id": p["id"], "delegation_id": g["id"], "sort_order": j, "person_id": p["person_id"],
                    "institution_id": p["institution_id"], "position": p["position"], "role": p["role"],
                    "status": ParticipationStatus.ATTENDED.value, "programme_funded": g["programme_supported"],
                    "created_at": now, "updated_at": moment} for j, p in enumerate(g["participants"]))
            if count % chunk == 0:
                flush(batch)
        flush(batch)


def write_database(path: Path, dialogues: int, people: int | None = None, seed: int = 7,
                   method: str = "auto") -> Path:
    """A fresh database at `path` (replaced if present) holding the generated records."""
    from desktop_app.db.opening import open_database
    from desktop_app.services.checking import check_database

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    generated = Generated(dialogues, people, seed)
    if method == "auto":
        method = "import" if dialogues <= IMPORT_PATH_LIMIT else "core"
    database = open_database(path)
    try:
        if method == "import":
            from desktop_app.services.exchange.importer import import_data

            import_data(database, generated.bundle())
        else:
            _bulk_insert(database, generated)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.exec_driver_sql("ANALYZE")
    finally:
        database.close()
    open_database(path).close()
    report = check_database(path)
    if not report.sound:
        raise RuntimeError(f"the generated database is not sound: {report.problems}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dialogues", type=int, default=2000)
    parser.add_argument("--people", type=int, help="default: 5,000-50,000 depending on the size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--bundle", type=Path, help="write a bundle (.json) here")
    parser.add_argument("--db", type=Path, help="write a database here (replaced if present)")
    parser.add_argument("--method", choices=("auto", "import", "core"), default="auto")
    args = parser.parse_args(argv)
    if not args.bundle and not args.db:
        parser.error("give --bundle and/or --db")
    started = time.perf_counter()
    if args.bundle:
        write_bundle(args.bundle, args.dialogues, args.people, args.seed)
        print(f"bundle {args.bundle}: {args.dialogues} dialogues ({time.perf_counter() - started:.1f} s)")
    if args.db:
        write_database(args.db, args.dialogues, args.people, args.seed, args.method)
        print(f"database {args.db}: {args.dialogues} dialogues ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
