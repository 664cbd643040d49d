"""Registration lists: English and Russian headings, bad rows, known people, all-or-nothing writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository, database_counts
from desktop_app.domain.enums import Sex, Side
from desktop_app.domain.errors import RecordNotFound, StaleRecord, UserError
from desktop_app.domain.records import Party
from desktop_app.services.registration.columns import Field
from desktop_app.services.registration.lists import check_opened, import_file, open_list
from desktop_app.services.registration.writing import import_list
from tests.factories import add_people, delegation_of, make_dialogue
from tests.services.registration_files import (
    ENGLISH_HEADER,
    RUSSIAN_HEADER,
    registration_list_xlsx,
    write_csv,
    write_xlsx,
)


@pytest.fixture
def dialogue(database):
    return DialogueRepository(database).save(make_dialogue(delegations=()))


def test_english_xlsx_with_title_rows_lands_in_delegations_by_country(database, dialogue, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [
        ("List of participants",), (), ENGLISH_HEADER,
        ("Aigerim Zhumabayeva", "Head of Unit", "Ministry of Health", "Kazakhstan", "F", "a.zh@example.kz"),
        (None, None, None, None, None, None),
        ("Timur Hasanov", "Expert", "Drug Control Agency", "TJ", "male", None),
        ("Erlan Kasymov", "Expert", "Ministry of Health", "KZ", "M", None),
    ])
    opened = open_list(path)
    assert opened.header_row == 2
    assert opened.mapping == {Field.NAME: 0, Field.POSITION: 1, Field.INSTITUTION: 2, Field.COUNTRY: 3,
                              Field.SEX: 4, Field.EMAIL: 5}
    summary = import_file(database, path, dialogue.id)
    assert (summary.participants, summary.new_people, summary.new_delegations, summary.new_institutions) == (3, 3, 2, 2)
    saved = DialogueRepository(database).get(dialogue.id)
    by_party = {d.party: d for d in saved.delegations}
    assert set(by_party) == {Party.country("KZ"), Party.country("TJ")}
    assert by_party[Party.country("KZ")].side is Side.PARTNER
    kz_people = PeopleRepository(database).get_many({p.person_id for p in by_party[Party.country("KZ")].participants})
    assert sorted(p.name for p in kz_people.values()) == ["Aigerim Zhumabayeva", "Erlan Kasymov"]
    aigerim = next(p for p in kz_people.values() if p.name == "Aigerim Zhumabayeva")
    assert (aigerim.sex, aigerim.email) == (Sex.FEMALE, "a.zh@example.kz")
    institutions = sorted(i.name for i in InstitutionRepository(database).all())
    assert institutions == ["Drug Control Agency", "Ministry of Health"]


def test_russian_csv_from_excel_in_windows_1251_with_semicolons(database, dialogue, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "список.csv", [
        RUSSIAN_HEADER,
        ("Айгерим Жумабаева", "Начальник отдела", "Министерство здравоохранения", "Казахстан", "ж", ""),
        ("Далер Исмоилов", "Эксперт", "Агентство по контролю за наркотиками", "Таджикистан", "муж", "d@mail.tj"),
    ], encoding="cp1251", delimiter=";")
    opened = open_list(path)
    assert set(opened.mapping) == {Field.NAME, Field.POSITION, Field.INSTITUTION, Field.COUNTRY, Field.SEX,
                                   Field.EMAIL}
    summary = import_file(database, path, dialogue.id)
    assert summary.participants == 2
    names = sorted(p.name for p in PeopleRepository(database).search())
    assert names == ["Айгерим Жумабаева", "Далер Исмоилов"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-8"])
def test_separate_given_and_family_name_columns_in_unicode_csv(database, dialogue, tmp_path: Path,
                                                                encoding: str) -> None:
    path = write_csv(tmp_path / "list.txt", [
        ("Фамилия", "Имя", "Отчество", "Страна", "Пол"),
        ("Ким", "Евгений", "", "Узбекистан", "М"),
        ("Жумабаева", "Айгерим", "Серикқызы", "KZ", "Ж"),
    ], encoding=encoding, delimiter="\t")
    summary = import_file(database, path, dialogue.id)
    assert summary.participants == 2
    assert sorted(p.name for p in PeopleRepository(database).search()) == ["Айгерим Серикқызы Жумабаева",
                                                                           "Евгений Ким"]


def test_bad_rows_are_named_and_set_aside_and_the_rest_goes_in(database, dialogue, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [
        ENGLISH_HEADER,
        ("Aigerim Zhumabayeva", "Expert", "", "Kazakhstan", "F", ""),
        ("", "Expert", "", "Kazakhstan", "F", ""),
        ("Timur Hasanov", "Expert", "", "Narnia", "M", ""),
        ("Daler Ismoilov", "Expert", "", "TJ", "X", "not-an-address"),
        ("Aigerim Zhumabayeva", "Expert", "", "KZ", "F", ""),
        ("Dilnoza Tursunova", "Expert", "", "Republic of Uzbekistan", "ayol", ""),
    ])
    opened = open_list(path)
    check = check_opened(database, opened, dialogue.id)
    assert [(p.row_number, p.message) for p in check.problems] == [
        (3, "the name is missing"),
        (4, "“Narnia” is not a known country or organisation"),
        (5, "“X” is not a sex (use F or M, Ж or М); “not-an-address” is not an e-mail address"),
        (6, "Aigerim Zhumabayeva is already listed in row 2"),
    ]
    summary = import_list(database, dialogue.id, dialogue.revision, check)
    assert summary.participants == 2
    assert [p.row_number for p in summary.set_aside] == [3, 4, 5, 6]
    assert "4 rows could not be read and set aside (row numbers: 3, 4, 5, 6)" in summary.describe()
    assert sorted(p.name for p in PeopleRepository(database).search()) == ["Aigerim Zhumabayeva",
                                                                           "Dilnoza Tursunova"]


def test_a_namesake_with_another_email_or_sex_is_offered_not_reused(database, dialogue, tmp_path: Path) -> None:
    repository = PeopleRepository(database)
    from tests.factories import make_person
    kyrgyz = repository.save(make_person("Азамат Жолдошев", email="azamat@mvd.kg", sex=Sex.MALE))
    aliya = repository.save(make_person("Aliya Karimova", sex=Sex.FEMALE))
    path = write_xlsx(tmp_path / "list.xlsx", [
        ENGLISH_HEADER,
        ("Azamat Joldoshev", "", "", "KG", "M", "a.joldoshev@customs.kg"),
        ("Aliya Karimova", "", "", "UZ", "M", ""),
    ])
    check = check_opened(database, open_list(path), dialogue.id)
    assert [e.known for e in check.entries] == [None, None]
    assert [e.probable[0][0].id for e in check.entries] == [kyrgyz.id, aliya.id]
    summary = import_list(database, dialogue.id, dialogue.revision, check, choices={2: kyrgyz.id, 3: None})
    assert (summary.known_people, summary.new_people) == (1, 1)
    assert len(repository.search("Aliya Karimova")) == 2


def test_a_namesake_from_another_country_is_offered_not_reused(database, tmp_path: Path) -> None:
    (kazakh,) = add_people(database, "Нурлан Асанов")
    earlier = make_dialogue("Earlier", delegations=(delegation_of(Party.country("KZ"), kazakh),))
    DialogueRepository(database).save(earlier)
    meeting = DialogueRepository(database).save(make_dialogue(delegations=()))
    for country, reused in (("KG", False), ("KZ", True)):
        path = write_xlsx(tmp_path / f"{country}.xlsx", [ENGLISH_HEADER, ("Nurlan Asanov", "", "", country, "M", "")])
        (entry,) = check_opened(database, open_list(path), meeting.id).entries
        assert (entry.known is not None) is reused
        assert reused or [p.id for p, _ in entry.probable] == [kazakh.id]


def test_each_probable_match_is_accepted_or_refused_on_its_own_row(database, dialogue, tmp_path: Path) -> None:
    first, _second = add_people(database, "Jyldyz Usenova", "Erlan Kasymov")
    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Жылдыз Үсөнова", "", "", "KG", "", ""),
                                               ("Ерлан Касымбеков", "", "", "KZ", "", "")])
    check = check_opened(database, open_list(path), dialogue.id)
    assert [p.id for p, _ in check.entries[0].probable] == [first.id]
    summary = import_list(database, dialogue.id, dialogue.revision, check, choices={2: first.id, 3: None})
    assert (summary.known_people, summary.new_people) == (1, 1)
    people = {p.name for p in PeopleRepository(database).search()}
    assert people == {"Jyldyz Usenova", "Erlan Kasymov", "Ерлан Касымбеков"}


def test_institutions_are_matched_within_the_delegations_country(database, dialogue, tmp_path: Path) -> None:
    kazakh = InstitutionRepository(database).save(
        __import__("desktop_app.domain.records", fromlist=["Institution"]).Institution(
            id="kz-health", name="Ministry of Health", country="KZ"))
    path = write_xlsx(tmp_path / "list.xlsx", [
        ENGLISH_HEADER, ("Aigerim Zhumabayeva", "Expert", "Ministry of Health", "KZ", "F", ""),
        ("Daler Ismoilov", "Expert", "Ministry of Health", "TJ", "M", ""),
        ("Bakyt Asanov", "Expert", "Ministry of Health", "KG", "M", "")])
    summary = import_file(database, path, dialogue.id)
    assert summary.new_institutions == 2
    saved = DialogueRepository(database).get(dialogue.id)
    by_country = {d.party.code: d.participants[0].institution_id for d in saved.delegations}
    assert by_country["KZ"] == kazakh.id
    assert len({by_country["TJ"], by_country["KG"], kazakh.id}) == 3


def test_people_already_known_are_reused_and_learn_the_new_spelling(database, dialogue, tmp_path: Path) -> None:
    (known,) = add_people(database, "Aigerim Zhumabayeva")
    path = write_xlsx(tmp_path / "list.xlsx", [
        ENGLISH_HEADER, ("Жумабаева Айгерим", "Expert", "", "KZ", "F", ""), ("Farrukh Karimov", "", "", "UZ", "M", "")])
    check = check_opened(database, open_list(path), dialogue.id)
    assert [e.known.id if e.known else None for e in check.entries] == [known.id, None]
    summary = import_list(database, dialogue.id, dialogue.revision, check)
    assert (summary.known_people, summary.new_people) == (1, 1)
    person = PeopleRepository(database).get(known.id)
    assert person.other_names == ("Жумабаева Айгерим",)
    assert person.sex is Sex.FEMALE
    again = check_opened(database, open_list(path), dialogue.id)
    assert all(e.in_dialogue for e in again.entries)
    second = import_list(database, dialogue.id, summary.dialogue.revision, again)
    assert (second.participants, second.skipped) == (0, 2)


def test_probable_matches_are_shown_and_used_only_when_asked(database, dialogue, tmp_path: Path) -> None:
    (known,) = add_people(database, "Jyldyz Usenova")
    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Жылдыз Үсөнова", "", "", "KG", "", "")])
    check = check_opened(database, open_list(path), dialogue.id)
    (entry,) = check.entries
    assert entry.known is None
    assert [p.id for p, _ in entry.probable] == [known.id]
    summary = import_list(database, dialogue.id, dialogue.revision, check, use_probable=True)
    assert summary.known_people == 1
    assert len(PeopleRepository(database).search()) == 1


def test_existing_delegation_of_the_same_country_gets_the_new_participants(database, tmp_path: Path) -> None:
    (head,) = add_people(database, "Nurlan Yermekov")
    saved = DialogueRepository(database).save(make_dialogue(delegations=(delegation_of(Party.country("KZ"), head),)))
    path = write_xlsx(tmp_path / "l.xlsx", [ENGLISH_HEADER, ("Saule Kasymova", "", "", "Kazakhstan", "F", "")])
    summary = import_file(database, path, saved.id)
    assert summary.new_delegations == 0
    (delegation,) = DialogueRepository(database).get(saved.id).delegations
    assert len(delegation.participants) == 2


def test_a_list_without_country_column_goes_to_the_delegation_chosen(database, dialogue, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "l.xlsx", [("Name", "Position"), ("Saule Kasymova", "Expert")])
    with pytest.raises(UserError, match="no country column is chosen"):
        import_file(database, path, dialogue.id)
    summary = import_file(database, path, dialogue.id, default_party=Party.organisation("European Commission"))
    assert summary.dialogue.delegations[0].party == Party.organisation("European Commission")
    assert summary.dialogue.delegations[0].side is Side.EU


def test_a_dialogue_edited_since_it_was_opened_is_not_written_over(database, dialogue, tmp_path: Path) -> None:
    path = registration_list_xlsx(tmp_path / "l.xlsx", 5)
    check = check_opened(database, open_list(path), dialogue.id)
    DialogueRepository(database).save(dialogue.__class__(**{**dialogue.__dict__, "title": "Renamed"}))
    before = database_counts(database)
    with pytest.raises(StaleRecord):
        import_list(database, dialogue.id, dialogue.revision, check)
    assert database_counts(database) == before


def test_a_failure_on_the_last_row_leaves_nothing_from_the_earlier_ones(database, dialogue, tmp_path: Path) -> None:
    keep, gone = add_people(database, "Timur Hasanov", "Тимур Хасанов Бахтиёрович")
    path = write_xlsx(tmp_path / "l.xlsx", [ENGLISH_HEADER, ("Saule Kasymova", "", "Customs", "KZ", "F", ""),
                                            ("Тимур Хасанов Бахтиёрович", "", "", "TJ", "M", "")])
    check = check_opened(database, open_list(path), dialogue.id)
    assert check.entries[-1].known is not None
    PeopleRepository(database).merge(keep.id, gone.id)  # the known person disappears before the import
    before = database_counts(database)
    with pytest.raises(RecordNotFound):
        import_list(database, dialogue.id, dialogue.revision, check)
    assert database_counts(database) == before
    assert DialogueRepository(database).get(dialogue.id).delegations == ()


def test_forty_participants_import_in_one_go(database, dialogue, tmp_path: Path) -> None:
    summary = import_file(database, registration_list_xlsx(tmp_path / "forty.xlsx", 40), dialogue.id)
    assert summary.participants == 40
    assert sum(len(d.participants) for d in DialogueRepository(database).get(dialogue.id).delegations) == 40


def test_russian_role_words_and_a_status_column(database, tmp_path: Path) -> None:
    """Issue 18: every role in English and Russian words; a status column when the list has one."""
    from datetime import date

    from desktop_app.domain.enums import ParticipationStatus, Role

    dialogue = DialogueRepository(database).save(make_dialogue(delegations=(), start_date=date(2023, 12, 13)))
    path = write_xlsx(tmp_path / "список.xlsx", [
        ("ФИО", "Должность", "Страна", "Роль", "Статус участия"),
        ("Айгерим Жумабаева", "Заместитель министра", "Казахстан", "Глава делегации", "присутствовал"),
        ("Нурлан Сейткали", "Начальник управления", "Казахстан", "Заместитель главы делегации", "не явился"),
        ("Дана Ахметова", "Советник", "Казахстан", "советник", "Отказ"),
        ("Ерлан Касымов", "Эксперт", "Казахстан", "Эксперт", ""),
        ("Марат Ибраев", "", "Казахстан", "Переводчик", "приглашён"),
        ("Saule Ermekova", "", "KZ", "Observer", "confirmed"),
        ("Timur Usenov", "", "KZ", "member of the delegation", "attended"),
        ("Gulnara Sadykova", "", "KZ", "Alternate", "attended"),
    ])
    opened = open_list(path)
    assert opened.mapping[Field.ROLE] == 3 and opened.mapping[Field.STATUS] == 4
    import_file(database, path, dialogue.id)
    saved = DialogueRepository(database).get(dialogue.id)
    names = PeopleRepository(database).get_many({p.person_id for p in saved.delegations[0].participants})
    got = {names[p.person_id].name: (p.role, p.status) for p in saved.delegations[0].participants}
    S = ParticipationStatus
    assert got == {
        "Айгерим Жумабаева": (Role.HEAD, S.ATTENDED), "Нурлан Сейткали": (Role.DEPUTY_HEAD, S.ABSENT),
        "Дана Ахметова": (Role.ADVISER, S.CANCELLED),
        "Ерлан Касымов": (Role.EXPERT, S.ATTENDED),  # no status given: a past meeting's row is attended
        "Марат Ибраев": (Role.INTERPRETER, S.INVITED), "Saule Ermekova": (Role.OBSERVER, S.CONFIRMED),
        "Timur Usenov": (Role.MEMBER, S.ATTENDED), "Gulnara Sadykova": (Role.ALTERNATE, S.ATTENDED)}


def test_an_unknown_role_or_status_names_the_row(database, dialogue, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [
        ("Name", "Country", "Role", "Status"),
        ("Aigerim Zhumabayeva", "KZ", "Boss", "attended"),
        ("Timur Usenov", "KZ", "Expert", "maybe"),
    ])
    check = check_opened(database, open_list(path), dialogue.id)
    messages = {problem.row_number: str(problem) for problem in check.problems}
    assert "“Boss” is not a role" in messages[2] and "“maybe” is not a participation status" in messages[3]
    with pytest.raises(UserError):
        import_file(database, path, dialogue.id)
    assert DialogueRepository(database).get(dialogue.id).delegations == ()


def test_one_person_listed_twice_in_another_word_order_or_script_is_set_aside(database, dialogue,
                                                                               tmp_path: Path) -> None:
    """Round 16: "Иван Петров" and "Петров Иван" (or "Ivan Petrov") on one list were two new people
    in one meeting; the duplicate check compared the folded names letter for letter. Now the words in
    any order and script are one name, as the match with people already known reads them."""
    path = write_csv(tmp_path / "list.csv", [
        ENGLISH_HEADER,
        ("Иван Петров", "Expert", "", "UZ", "M", ""),
        ("Петров Иван", "Expert", "", "UZ", "M", ""),
        ("Ivan Petrov", "Expert", "", "UZ", "M", ""),
        ("Пётр Семёнов", "", "", "UZ", "M", ""),
        ("Семенов Петр", "", "", "UZ", "M", ""),
        ("Petra Ivanova", "", "", "UZ", "F", ""),
    ])
    check = check_opened(database, open_list(path), dialogue.id)
    assert [(p.row_number, p.message) for p in check.problems] == [
        (3, "Петров Иван is already listed in row 2 as Иван Петров"),
        (4, "Ivan Petrov is already listed in row 2 as Иван Петров"),
        (6, "Семенов Петр is already listed in row 5 as Пётр Семёнов"),
    ]
    assert [e.name for e in check.entries] == ["Иван Петров", "Пётр Семёнов", "Petra Ivanova"]


def test_two_people_of_one_family_name_with_other_initials_are_both_listed(database, dialogue, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [ENGLISH_HEADER, ("Иванов А.", "", "", "UZ", "M", ""),
                                             ("Иванов И.", "", "", "UZ", "M", "")])
    check = check_opened(database, open_list(path), dialogue.id)
    assert not check.problems and [e.name for e in check.entries] == ["Иванов А.", "Иванов И."]


def test_a_hidden_first_sheet_is_passed_over_for_the_first_one_shown(database, dialogue, tmp_path: Path) -> None:
    """Round 16: a workbook whose first sheet is hidden (the lists behind a template's drop-downs) was
    refused with "No header row was recognised": the hidden sheet was read, never the list shown."""
    import openpyxl

    workbook = openpyxl.Workbook()
    hidden = workbook.active
    hidden.title, hidden.sheet_state = "Lists", "hidden"
    hidden.append(["KZ"])
    shown = workbook.create_sheet("Participants")
    for row in (ENGLISH_HEADER, ("Aizhan Ospanova", "Expert", "", "KZ", "F", "")):
        shown.append(row)
    workbook.active = 1
    workbook.save(tmp_path / "list.xlsx")
    opened = open_list(tmp_path / "list.xlsx")
    assert opened.headers == ENGLISH_HEADER
    assert [e.name for e in check_opened(database, opened, dialogue.id).entries] == ["Aizhan Ospanova"]


def test_a_country_merged_down_a_delegation_s_rows_is_each_row_s_country(database, dialogue, tmp_path: Path) -> None:
    """Round 16: "Kazakhstan" merged over the three rows of Kazakhstan's delegation (as many hosts lay
    a list out) was read for the first row only; the other two were set aside, "the country is
    missing". A cell merged down a column is now read in every row it covers, as Excel shows it; a row
    merged across (a group's title) is not spread over the columns."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (ENGLISH_HEADER, ("Aizhan Ospanova", "Expert", "", "Kazakhstan", "F", ""),
                ("Erlan Bekov", "Adviser", "", None, "M", ""), ("Dana Serik", "Head", "", None, "F", ""),
                ("Uzbekistan",), ("Timur Karimov", "Expert", "", "UZ", "M", "")):
        sheet.append(row)
    sheet.merge_cells("D2:D4")
    sheet.merge_cells("A5:F5")
    workbook.save(tmp_path / "list.xlsx")
    check = check_opened(database, open_list(tmp_path / "list.xlsx"), dialogue.id)
    assert [(e.name, e.party.code) for e in check.entries] == [
        ("Aizhan Ospanova", "KZ"), ("Erlan Bekov", "KZ"), ("Dana Serik", "KZ"), ("Timur Karimov", "UZ")]
    assert [p.row_number for p in check.problems] == [5]  # the group's title: no country, set aside
