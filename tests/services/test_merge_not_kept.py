"""What a merge cannot keep of the other record is named before it (round 15): a person's e-mail
and sex, an institution's country, each only when both records hold one and they differ. An
institution's other acronym is not lost but kept as another name (round 17: it was dropped, and
"MZ" typed in a form or a registration list then made a new institution)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain.enums import Sex
from desktop_app.services.merging import RecordKind, not_kept
from tests.factories import add_institution, add_people


def _two_people(database, first: dict, second: dict):
    people = PeopleRepository(database)
    a, b = add_people(database, "Aigerim Zhumabayeva", "Aigerim Zhumabaeva")
    return people.save(replace(a, **first)), people.save(replace(b, **second))


@pytest.mark.parametrize(("first", "second", "said"), [
    ({}, {}, []),
    ({"email": "a@mvd.kz"}, {}, []),  # the kept one takes the other's
    ({}, {"email": "a@mvd.kz"}, []),
    ({"email": "A@MVD.kz"}, {"email": "a@mvd.KZ"}, []),  # one address in two cases
    ({"email": "a@mvd.kz"}, {"email": "aigerim@gmail.com"},
     ["The e-mail address aigerim@gmail.com of “Aigerim Zhumabaeva” is not kept: "
      "“Aigerim Zhumabayeva” keeps a@mvd.kz."]),
    ({"sex": Sex.FEMALE}, {}, []),
    ({}, {"sex": Sex.MALE}, []),
    ({"sex": Sex.FEMALE}, {"sex": Sex.FEMALE}, []),
    ({"sex": Sex.FEMALE}, {"sex": Sex.MALE},
     ["“Aigerim Zhumabaeva” is recorded as male and “Aigerim Zhumabayeva” as female: the merged record keeps female."]),
    ({"sex": Sex.MALE, "email": "x@a.kz"}, {"sex": Sex.FEMALE, "email": "y@a.kz"},
     ["The e-mail address y@a.kz of “Aigerim Zhumabaeva” is not kept: “Aigerim Zhumabayeva” keeps x@a.kz.",
      "“Aigerim Zhumabaeva” is recorded as female and “Aigerim Zhumabayeva” as male: the merged record keeps male."]),
])
def test_people(database, first, second, said) -> None:
    keep, gone = _two_people(database, first, second)
    assert [str(s) for s in not_kept(database, RecordKind.PERSON, keep.id, gone.id)] == said
    merged = PeopleRepository(database).merge(keep.id, gone.id)  # and that is what the merge does
    assert merged.email == (keep.email or gone.email)
    assert merged.sex == (keep.sex or gone.sex)


@pytest.mark.parametrize(("first", "second", "said"), [
    (("MoH", "KZ"), ("MoH", "KZ"), []),
    ((None, None), ("MZ", "KG"), []),
    (("MoH", None), (None, "KZ"), []),
    (("MoH", "KZ"), ("MZ", "KZ"), []),  # MZ is kept as another name (round 17)
    (("MoH", "KZ"), ("MoH", "KG"),
     ["“Министерство здравоохранения” is in Kyrgyzstan and “Ministry of Health” in Kazakhstan: "
      "the merged institution keeps Kazakhstan."]),
])
def test_institutions(database, first, second, said) -> None:
    institutions = InstitutionRepository(database)
    keep = institutions.save(replace(add_institution(database, "Ministry of Health", first[1]), acronym=first[0]))
    gone = institutions.save(replace(add_institution(database, "Министерство здравоохранения", second[1]),
                                     acronym=second[0]))
    assert [str(s) for s in not_kept(database, RecordKind.INSTITUTION, keep.id, gone.id)] == said
    merged = institutions.merge(keep.id, gone.id)
    assert (merged.acronym, merged.country) == (keep.acronym or gone.acronym, keep.country or gone.country)
    another = (gone.acronym,) if keep.acronym and gone.acronym and gone.acronym != keep.acronym else ()
    assert merged.other_names == ("Министерство здравоохранения", *another)
