"""How a registration list's rows are matched with the people already known, measured on labelled
pairs (issue 16): the name pairs of the duplicate finder plus namesakes told apart by e-mail or sex,
and official Uzbek Latin spellings typed without apostrophes.

- precision: of the rows reused automatically (no question asked), the share that are right;
- recall: of the rows that are a known person, the share reused or offered on their row."""

from __future__ import annotations

from desktop_app.domain.enums import Sex
from desktop_app.services.people_duplicates import PeopleIndex
from desktop_app.services.registration.checking import check_list
from desktop_app.services.registration.columns import guess_mapping
from desktop_app.services.registration.reading import Sheet
from tests.factories import make_person
from tests.services.name_pairs import DIFFERENT, SAME
from tests.services.registration_files import ENGLISH_HEADER

# (known person: name, e-mail, sex[, country of their latest delegation]), (list row: name, e-mail,
# sex; its delegation is KG), one person?
EXTRA: list[tuple[tuple[str, ...], tuple[str, str, str], bool]] = [
    (("Нурлан Асанов", "", "M", "KZ"), ("Nurlan Asanov", "", "M"), False),  # a Kazakh namesake
    (("Бакыт Асанов", "", "M", "KG"), ("Bakyt Asanov", "", "M"), True),
    (("Азамат Жолдошев", "azamat@mvd.kg", "M"), ("Azamat Joldoshev", "a.joldoshev@customs.kg", "M"), False),
    (("Aliya Karimova", "", "F"), ("Aliya Karimova", "", "M"), False),
    (("Жылдыз Асанова", "jasanova@gov.kg", "F"), ("Jyldyz Asanova", "jasanova@gov.kg", "F"), True),
    (("Йўлдошев Ўктам", "", "M"), ("Yoldoshev Oktam", "", "M"), True),
    (("Ғуломов Акмал", "", "M"), ("Gulomov Akmal", "", "M"), True),
    (("Хасанов Тимур", "", "M"), ("Xasanov Timur", "", "M"), True),
]
_SEX = {"M": Sex.MALE, "F": Sex.FEMALE, "": None}


def _outcome(known: tuple[str, ...], row: tuple[str, str, str]) -> str:
    person = make_person(known[0], email=known[1] or None, sex=_SEX[known[2]])
    countries = {person.id: known[3]} if len(known) > 3 else {}
    sheet = Sheet((ENGLISH_HEADER, (row[0], "", "", "KG", row[2], row[1])))
    check = check_list(sheet, 0, guess_mapping(ENGLISH_HEADER), PeopleIndex([person], countries))
    (entry,) = check.entries
    if entry.known is not None:
        return "reused" if entry.known.id == person.id else "wrong"
    return "offered" if any(p.id == person.id for p, _ in entry.probable) else "new"


def test_matching_precision_and_recall_on_labelled_pairs() -> None:
    labelled = [((a, "", ""), (b, "", ""), True) for a, b in SAME] + \
               [((a, "", ""), (b, "", ""), False) for a, b in DIFFERENT] + EXTRA
    assert len(labelled) >= 85
    outcomes = [(_outcome(known, row), same) for known, row, same in labelled]
    reused = [same for outcome, same in outcomes if outcome == "reused"]
    precision = sum(reused) / len(reused)
    found = sum(1 for outcome, same in outcomes if same and outcome in ("reused", "offered"))
    recall = found / sum(1 for _, _, same in labelled if same)
    wrongly = [(k[0], r[0]) for (k, r, same), (outcome, _) in zip(labelled, outcomes, strict=True)
               if outcome == "reused" and not same]
    print(f"\nregistration matching: {len(labelled)} pairs; precision {precision:.3f}, recall {recall:.3f}; "
          f"reused wrongly: {wrongly}")
    assert precision >= 0.95
    assert recall >= 0.95
