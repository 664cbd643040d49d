"""Benchmark: a 40-participant registration list into a dialogue, and the duplicate finder.

    .venv/bin/python benchmarks/intake.py [--people 5000]

Prints wall times and their ratio to the goal ("an Excel list of 40 participants lands in a dialogue
in under a minute of the officer's time": the program's share should be a small fraction of that).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from anyascii import anyascii

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import write_person
from desktop_app.domain import records as r
from desktop_app.services.people_duplicates import find_duplicate_people
from desktop_app.services.registration.lists import import_file
from tests.factories import make_dialogue
from tests.services.registration_files import registration_list_xlsx

GIVEN = ["Айгерим", "Динара", "Гульнара", "Зарина", "Малика", "Нилуфар", "Айжан", "Сауле", "Мадина", "Камила",
         "Тимур", "Азамат", "Далер", "Фарход", "Нурлан", "Бахтиёр", "Рустам", "Улан", "Ерлан", "Санжар",
         "Жылдыз", "Мөлдір", "Ғалым", "Шаҳноза", "Хуршед", "Ўктам", "Дильшод", "Алишер", "Сергей", "Евгений",
         "Асель", "Бауыржан", "Гүлмира", "Дамир", "Ерболат", "Жанар", "Зухра", "Илхом", "Канат", "Лола"]
STARTS = ["Абду", "Кари", "Наза", "Токто", "Исмо", "Рахи", "Юсу", "Қасы", "Ҷўра", "Сады", "Ахме", "Ерме",
          "Үсө", "Жолдо", "Тошма", "Сейт", "Нуро", "Оңға", "Бекму", "Турсу", "Хаса", "Али", "Маме", "Ома",
          "Шари", "Саты", "Кенже", "Мирзо", "Давла", "Оли", "Баки", "Гафу", "Зия", "Ибра", "Кады", "Латы",
          "Муми", "Орози", "Пула", "Сала"]
MIDDLES = ["", "бе", "ра", "ку", "ло", "ну", "да", "ма", "ти", "жа"]
ENDINGS = ["ев", "ов", "баев", "беков", "жанов", "уулу", "кызы", "заде"]
FAMILY = sorted({start + middle + ending for start in STARTS for middle in MIDDLES for ending in ENDINGS})


def people(count: int, seed: int = 7) -> list[r.Person]:
    """Distinct people, about a tenth of them entered a second time in Latin letters."""
    rng = random.Random(seed)
    result: list[r.Person] = []
    seen: set[str] = set()
    suffix = 0
    while len(result) < count:
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        if name in seen:
            suffix += 1
            name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}-{rng.choice(FAMILY)}"
            if name in seen:
                continue
        seen.add(name)
        result.append(r.Person(id=r.new_id(), name=name))
        if rng.random() < 0.1 and len(result) < count:
            result.append(r.Person(id=r.new_id(), name=anyascii(name)))
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        database = open_database(tmp / "bench.sqlite3")
        known = people(args.people)
        now = r.utc_now()
        with database.writing() as session:
            for person in known:
                write_person(session, person, now)
        dialogue = DialogueRepository(database).save(make_dialogue(delegations=()))
        path = registration_list_xlsx(tmp / "forty.xlsx", 40)

        start = time.perf_counter()
        summary = import_file(database, path, dialogue.id)
        import_seconds = time.perf_counter() - start
        assert summary.participants == 40, summary

        start = time.perf_counter()
        pairs = find_duplicate_people(database)
        duplicate_seconds = time.perf_counter() - start
        database.close()
    print(f"import of a 40-participant .xlsx (read, check against {args.people:,} people, write): "
          f"{import_seconds:.2f} s = {import_seconds / 60:.3f} of the one-minute goal")
    print(f"duplicate finder on {args.people + 40:,} people: {duplicate_seconds:.2f} s, {len(pairs):,} probable pairs")


if __name__ == "__main__":
    main()
