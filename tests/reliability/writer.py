"""The victim of the kill test: saves dialogues and imports bundles in a loop, acknowledging each.

Run as `python -m tests.reliability.writer DB SEED`, or `run()` in a forked child. It prints
`ACK <dialogue id>` only after the transaction has committed, and every dialogue's title states how many
delegations and participants it was sent with, so the test can tell a whole record from a half-written one.
"""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueKind, Role, Side
from desktop_app.services.exchange.codec import bundle_to_json
from desktop_app.services.exchange.importer import import_data

COUNTRIES = ("KZ", "KG", "TJ", "TM", "UZ", "DE", "FR", "ES")


def dialogue_with(rng: random.Random, people: list[r.Person], number: int) -> r.Dialogue:
    delegations = rng.randint(1, 6)
    per_delegation = rng.randint(1, 3)
    return r.Dialogue(
        id=r.new_id(), title=f"Kill test {number} d={delegations} p={per_delegation}", kind=DialogueKind.REGIONAL,
        start_date=date(2024, 1 + number % 12, 1 + number % 28), topics=("drug policy",),
        delegations=tuple(
            r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country(COUNTRIES[i]),
                         participants=tuple(
                             r.Participant(id=r.new_id(), person_id=people[(i * 3 + j) % len(people)].id,
                                           role=Role.HEAD if j == 0 else Role.MEMBER)
                             for j in range(per_delegation)))
            for i in range(delegations)))


def main() -> None:
    run(Path(sys.argv[1]), int(sys.argv[2]), sys.stdout)


def run(path: Path, seed: int, out: TextIO) -> None:
    """Write until killed; `out` gets READY, then one ACK line per committed write."""
    rng = random.Random(seed)
    database = open_database(path)
    people = [r.Person(id=r.new_id(), name=f"Person {seed}-{i}") for i in range(24)]
    import_data(database, bundle_to_json(people, [], [], source="kill-test"))
    repository = DialogueRepository(database)
    print("READY", file=out, flush=True)
    number = seed * 10_000
    while True:
        number += 1
        if number % 3 == 0:  # an import: a bundle of people and two dialogues in one transaction
            dialogues = [dialogue_with(rng, people, number), dialogue_with(rng, people, number + 5000)]
            import_data(database, bundle_to_json(people, [], dialogues, source="kill-test"))
            for dialogue in dialogues:
                print(f"ACK {dialogue.id}", file=out, flush=True)
        else:  # a save from the dialogue form
            saved = repository.save(dialogue_with(rng, people, number))
            print(f"ACK {saved.id}", file=out, flush=True)


if __name__ == "__main__":
    main()
