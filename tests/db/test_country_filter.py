"""The country filter (hosted by, or with a delegation of, a country) counted off the indexes and
read either along the sort's index (a country in most dialogues) or from the set of its dialogues
(a rare one) gives the same rows and totals as the plain rule, on both sides of the trash."""

from __future__ import annotations

import pytest

from desktop_app.db.repositories import dialogues as repository_module
from desktop_app.db.repositories.dialogues import DialogueRepository, DialogueSort
from desktop_app.domain import records as r
from tests.factories import add_people, delegation_of, make_dialogue

# title: (host country, countries of its delegations, in the trash)
MEETINGS = {
    "hosted only": ("KZ", ("KG",), False),
    "sent only": ("BE", ("KZ",), False),
    "hosted and sent": ("KZ", ("KZ", "UZ"), False),
    "neither": ("BE", ("KG", "TJ"), False),
    "sent, in the trash": ("FR", ("KZ",), True),
    "hosted, in the trash": ("KZ", (), True),
    "no host": (None, ("UZ",), False),
}


def _expected(country: str, deleted: bool) -> set[str]:
    return {title for title, (host, sent, trashed) in MEETINGS.items()
            if trashed == deleted and (host == country or country in sent)}


@pytest.mark.parametrize("dense", [0, 1000], ids=["from the set", "along the sort index"])
def test_country_filter_rows_and_totals_are_the_plain_rule(database, monkeypatch, dense) -> None:
    monkeypatch.setattr(repository_module, "DENSE", dense)
    repository = DialogueRepository(database)
    people = iter(add_people(database, *(f"Person {n}" for n in range(20))))
    for title, (host, sent, trashed) in MEETINGS.items():
        saved = repository.save(make_dialogue(title, country=host, city="Astana" if host else None, delegations=tuple(
            delegation_of(r.Party.country(code), next(people)) for code in sent)))
        if trashed:
            repository.delete(saved.id)
    for country in ("KZ", "KG", "UZ", "TJ", "FR", "AF"):
        for deleted in (False, True):
            selection = r.DialogueFilter(country=country, deleted=deleted)
            expected = _expected(country, deleted)
            assert repository.count(selection) == len(expected), (country, deleted)
            for sort in (DialogueSort.DATE, DialogueSort.TITLE):
                page = repository.page(selection, sort=sort)
                assert {row.title for row in page.rows} == expected, (country, deleted, sort)
                assert page.total == len(expected)
            with_text = repository.page(r.DialogueFilter(country=country, deleted=deleted, text="in"))
            assert {row.title for row in with_text.rows} == {t for t in expected if " in" in f" {t}"}
