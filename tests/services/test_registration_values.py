"""Cell values as officers write them: sex, country or organisation, role, e-mail, headings."""

from __future__ import annotations

import pytest

from desktop_app.domain.enums import Role, Sex
from desktop_app.domain.records import Party
from desktop_app.services.registration.columns import Field, guess_field
from desktop_app.services.registration.values import ValueProblem, parse_email, parse_party, parse_role, parse_sex


@pytest.mark.parametrize(("text", "sex"), [
    ("F", Sex.FEMALE), ("female", Sex.FEMALE), ("ж", Sex.FEMALE), ("Жен.", Sex.FEMALE), ("женский", Sex.FEMALE),
    ("M", Sex.MALE), ("Male", Sex.MALE), ("м", Sex.MALE), ("муж", Sex.MALE), ("", None)])
def test_sex(text: str, sex: Sex | None) -> None:
    assert parse_sex(text) is sex


@pytest.mark.parametrize(("text", "sex"), [
    ("әйел", Sex.FEMALE), ("Ер", Sex.MALE),  # Kazakh
    ("аял", Sex.FEMALE), ("ЭРКЕК", Sex.MALE),  # Kyrgyz
    ("ayol", Sex.FEMALE), ("Erkak", Sex.MALE), ("аёл", Sex.FEMALE), ("эркак", Sex.MALE),  # Uzbek, both scripts
    ("зан", Sex.FEMALE), ("мард", Sex.MALE),  # Tajik
    ("aýal", Sex.FEMALE), ("erkek", Sex.MALE),  # Turkmen
    ("Prefer not to say", None), ("Предпочитаю не указывать", None)])
def test_sex_in_the_languages_of_central_asia(text: str, sex: Sex | None) -> None:
    assert parse_sex(text) is sex


@pytest.mark.parametrize(("text", "role"), [
    ("Делегация басшысы", Role.HEAD), ("мүше", Role.MEMBER), ("Delegatsiya rahbari", Role.HEAD),
    ("аъзо", Role.MEMBER), ("Сарвари ҳайат", Role.HEAD), ("agza", Role.MEMBER)])
def test_roles_in_the_languages_of_central_asia(text: str, role: Role) -> None:
    assert parse_role(text) is role


@pytest.mark.parametrize("text", ["Republic of Uzbekistan", "Oʻzbekiston", "Ozbekiston", "Ўзбекистон"])
def test_uzbekistan_as_its_people_write_it(text: str) -> None:
    assert parse_party(text) == Party.country("UZ")


@pytest.mark.parametrize(("text", "party"), [
    ("KZ", Party.country("KZ")), ("kz", Party.country("KZ")), ("Kyrgyzstan", Party.country("KG")),
    ("Кыргызстан", Party.country("KG")), ("Кыргызская Республика", Party.country("KG")),
    ("Таджикистан", Party.country("TJ")), ("uzbekistan", Party.country("UZ")),
    ("UNODC", Party.organisation("United Nations Office on Drugs and Crime")), ("", None)])
def test_country_or_organisation(text: str, party: Party | None) -> None:
    assert parse_party(text) == party


@pytest.mark.parametrize("parse, text", [(parse_sex, "X"), (parse_party, "Narnia"), (parse_role, "boss"),
                                         (parse_email, "a@b"), (parse_email, "two words@x.org")])
def test_unreadable_values_say_what_was_found(parse, text: str) -> None:
    with pytest.raises(ValueProblem, match=text):
        parse(text)


def test_role_and_email() -> None:
    assert parse_role("Глава делегации") is Role.HEAD
    assert parse_role("") is Role.MEMBER
    assert parse_email("mailto:a.b@mvd.kg") == "a.b@mvd.kg"


@pytest.mark.parametrize(("heading", "field"), [
    ("ФИО", Field.NAME), ("Ф.И.О.", Field.NAME), ("Full name", Field.NAME), ("Фамилия", Field.FAMILY_NAME),
    ("Имя", Field.GIVEN_NAME), ("Отчество", Field.PATRONYMIC), ("Должность", Field.POSITION),
    ("Организация", Field.INSTITUTION), ("Учреждение", Field.INSTITUTION), ("Страна", Field.COUNTRY),
    ("Пол", Field.SEX), ("Эл. почта", Field.EMAIL), ("E-mail", Field.EMAIL), ("Gender", Field.SEX),
    ("Наименование организации", Field.INSTITUTION), ("Notes", None)])
def test_headings_in_english_and_russian(heading: str, field: Field | None) -> None:
    assert guess_field(heading) is field


def test_an_attendance_column_reads_ticks_and_otherwise_words_as_a_status_column() -> None:
    from desktop_app.domain.enums import ParticipationStatus as S
    from desktop_app.services.registration.values import parse_attendance, parse_status

    for tick in ("yes", "Да", " x ", "+", "✓", "1"):
        assert parse_attendance(tick) is S.ATTENDED
    for no in ("no", "НЕТ", "-", "0"):
        assert parse_attendance(no) is S.ABSENT
    assert parse_attendance("") is None and parse_attendance("  ") is None
    assert parse_attendance("withdrawn") is S.CANCELLED and parse_attendance("отказ") is S.CANCELLED
    assert parse_status("yes") is S.CONFIRMED  # a status column's "yes" stays a confirmation
    with pytest.raises(ValueProblem):
        parse_attendance("maybe")
