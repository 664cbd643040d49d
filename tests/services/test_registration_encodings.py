"""Registration lists in the encodings Mac Excel, DOS and Unix tools produce (issue 21, finding 7):
read as Cyrillic names, never as "бКЗЕТЙН цХНБВБЕЧБ"; a real workbook named .csv read as one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain.errors import UserError
from desktop_app.services.registration.lists import import_file, open_list
from desktop_app.services.registration.reading import decode_text
from tests.factories import make_dialogue
from tests.services.registration_files import ENGLISH_HEADER, RUSSIAN_HEADER, write_csv, write_xlsx

ROWS = [RUSSIAN_HEADER,
        ("Айгерим Жумабаева", "Начальник отдела", "Министерство здравоохранения", "Казахстан", "ж", ""),
        ("Далер Исмоилов", "Эксперт", "Агентство по контролю за наркотиками", "Таджикистан", "муж", ""),
        ("Евгений Ким", "Советник", "Министерство внутренних дел", "Узбекистан", "М", "")]


@pytest.fixture
def dialogue(database):  # type: ignore[no-untyped-def]
    return DialogueRepository(database).save(make_dialogue(delegations=()))


@pytest.mark.parametrize("encoding", ["koi8_r", "mac_cyrillic", "iso8859_5", "cp866", "cp1251",
                                      "utf-16-le", "utf-16-be"])
def test_a_cyrillic_list_in_any_common_encoding_gives_the_right_names(database, dialogue, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                      encoding: str) -> None:
    path = write_csv(tmp_path / "список.csv", ROWS, encoding=encoding, delimiter=";")
    summary = import_file(database, path, dialogue.id)
    assert summary.participants == 3
    assert sorted(p.name for p in PeopleRepository(database).search()) == [
        "Айгерим Жумабаева", "Далер Исмоилов", "Евгений Ким"]


@pytest.mark.parametrize("encoding", ["koi8_r", "mac_cyrillic", "iso8859_5", "cp866", "cp1251", "utf-16-le"])
def test_even_one_short_name_is_read_right(encoding: str) -> None:
    assert decode_text("Иванов Иван\n".encode(encoding), "l.csv") == "Иванов Иван\n"


def test_western_names_in_windows_1252_stay_western() -> None:
    text = "Name,Country\nJosé Müller,ES\nFrançoise Lefèvre,FR\n"
    assert decode_text(text.encode("cp1252"), "l.csv") == text


def test_an_unreadable_list_is_refused_naming_the_encodings_tried(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_bytes(b"Name,Country\nJos\x98\x81\x98 \x83\x84\x85,ES\n")
    with pytest.raises(UserError) as refused:
        open_list(path)
    for name in ("KOI8-R", "Mac-Cyrillic", "ISO-8859-5", "CP866", "UTF-16"):
        assert name in refused.value.message


def test_a_real_workbook_named_csv_is_read_as_a_workbook(database, dialogue, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workbook = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Saule Kasymova", "Expert", "", "KZ", "F", "")])
    misnamed = tmp_path / "list.csv"
    shutil.copyfile(workbook, misnamed)
    assert import_file(database, misnamed, dialogue.id).participants == 1
    assert [p.name for p in PeopleRepository(database).search()] == ["Saule Kasymova"]
