"""A brother and a sister share a family name whose ending says which is which (Karimov /
Karimova): `word_score` keeps them apart for every ending pair, whichever of the two is written
first, while a spelling slip in the same family name still scores as alike."""

from __future__ import annotations

import pytest

from desktop_app.domain.names import word_score


@pytest.fixture(autouse=True)
def _scores_computed_afresh() -> None:
    """`word_score` is cached: a score remembered from an earlier test would not run the rule."""
    word_score.cache_clear()


PAIRS = [("karimova", "karimov"), ("aliyeva", "aliyev"), ("ilina", "ilin"), ("kowalska", "kowalski"),
         ("novotka", "novotki")]


@pytest.mark.parametrize(("feminine", "masculine"), PAIRS)
def test_the_feminine_and_masculine_form_of_a_family_name_are_two_people(feminine: str, masculine: str) -> None:
    assert word_score(feminine, masculine) == 0.0
    assert word_score(masculine, feminine) == 0.0


@pytest.mark.parametrize(("a", "b"), [("karimova", "karimovs"), ("karimov", "karimof"), ("aliyeva", "aliyevo"),
                                      ("kowalska", "kowalsko"), ("ilina", "ilin0"), ("karimova", "garimov")])
def test_a_slip_in_one_family_name_still_scores_as_alike(a: str, b: str) -> None:
    assert word_score(a, b) >= 70.0
    assert word_score(b, a) >= 70.0
