"""`list`, `people` and `actions` (contract CLI-AND-REPORT.md §1, version 2): the columns, the three
formats, both languages of the table, the window's selection, exit statuses."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.services import listing
from desktop_app.services.startup import open_for_work
from tests.cli.test_cli import run

LIST_KEYS = ["id", "start_date", "end_date", "title", "series", "city", "country", "chair", "delegations",
             "participants", "status"]
PEOPLE_KEYS = ["id", "name", "other_names", "sex", "dialogues"]
ACTION_KEYS = ["id", "dialogue_id", "dialogue", "description", "owner", "due_date", "status", "carried_from"]
SEED = "eb49bc6d-96eb-5d2e-a3a9-c915cf2a9cf0"  # EU-Central Asia Drug Dialogue 2023 (no participants)
BISHKEK = "15d174be-87db-52cb-95fb-699aebf11261"  # 2022, 9 participants
ASTANA = "6128a9fc-5b06-5907-a120-55ec2d1ced2b"  # 2024-04-17, a draft
TASHKENT = "f1ae12af-12a3-5453-b187-9b08e7c42b53"  # 2024-09-10


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("listing") / "demo.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "db" / "demo.sqlite3"
    path.parent.mkdir()
    shutil.copy2(demo_template, path)
    return path


def out(capsys: pytest.CaptureFixture[str], db: Path, *args: str, lang: str | None = None) -> str:
    capsys.readouterr()
    status = main(["--db", str(db), *(["--lang", lang] if lang else []), *args])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert captured.err == ""
    return captured.out


def as_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> list[dict[str, object]]:
    return json.loads(out(capsys, db, *args, "--format", "json"))


# --- list ----------------------------------------------------------------------------------------------

def test_list_json_has_the_contract_columns_newest_first(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = as_json(capsys, demo_db, "list")
    assert [row["id"] for row in rows] == [TASHKENT, ASTANA, SEED, BISHKEK]
    assert all(list(row) == LIST_KEYS for row in rows)
    bishkek = rows[3]
    assert bishkek == {"id": BISHKEK, "start_date": "2022-11-24", "end_date": bishkek["end_date"],
                       "title": "EU-Central Asia Drug Dialogue 2022", "series": "EU-Central Asia Drug Dialogue",
                       "city": "Bishkek", "country": "KG", "chair": "CZ", "delegations": 8, "participants": 9,
                       "status": "final"}
    assert rows[1]["status"] == "draft" and rows[1]["chair"] == "European Commission"


def test_list_csv_is_the_same_columns_under_a_header_row(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = list(csv.reader(io.StringIO(out(capsys, demo_db, "list", "--format", "csv"))))
    assert table[0] == LIST_KEYS
    assert [row[0] for row in table[1:]] == [TASHKENT, ASTANA, SEED, BISHKEK]
    as_objects = as_json(capsys, demo_db, "list")
    for line, obj in zip(table[1:], as_objects, strict=True):
        assert line == ["" if obj[k] is None else str(obj[k]) for k in LIST_KEYS]


def test_list_filters_as_the_window(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def ids(*args: str) -> list[str]:
        return [str(row["id"]) for row in as_json(capsys, demo_db, "list", *args)]

    assert ids("--from", "2024-01-01", "--to", "2024-12-31") == [TASHKENT, ASTANA]
    assert ids("--series", "eu-central asia drug dialogue") == [SEED, BISHKEK]  # case does not matter
    assert ids("--status", "draft") == [ASTANA]
    assert ids("--status", "final") == [TASHKENT, SEED, BISHKEK]
    assert ids("--country", "KZ") == [ASTANA, SEED, BISHKEK]  # host or sent a delegation
    assert ids("--country", "Казахстан") == ids("--country", "kz")
    assert ids("--country", "UNODC") == [TASHKENT]  # an organisation, by its acronym
    # EMCDDA and the EU Drugs Agency are one party (contract §3 v2): either name finds all four
    assert ids("--country", "EMCDDA") == ids("--country", "European Union Drugs Agency") == [TASHKENT, ASTANA, SEED,
                                                                                            BISHKEK]
    # a participant's name in another script finds the meeting (the window's search)
    assert ids("--search", "Жумабаева") == ids("--search", "Zhumabayeva") != []
    assert ids("--search", "observatories") == [TASHKENT]
    assert ids("--search", "no such words anywhere") == []
    assert ids("--trash") == []


def test_list_shows_the_trash_only_with_trash(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = open_for_work(demo_db).database
    DialogueRepository(database).delete(ASTANA)
    database.close()
    assert ASTANA not in [row["id"] for row in as_json(capsys, demo_db, "list")]
    assert [row["id"] for row in as_json(capsys, demo_db, "list", "--trash")] == [ASTANA]


def test_list_is_the_window_s_selection(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same filter through the window's repository gives the same dialogues in the same order."""
    database = open_for_work(demo_db).database
    try:
        window = DialogueRepository(database).page(r.DialogueFilter(text="drug", country="KG"), limit=200).rows
    finally:
        database.close()
    listed = as_json(capsys, demo_db, "list", "--search", "drug", "--country", "KG")
    assert [row["id"] for row in listed] == [row.id for row in window] != []


def test_list_table_in_english_and_russian(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = out(capsys, demo_db, "list").splitlines()
    assert english[0].split()[:4] == ["ID", "Start", "date", "End"]
    assert english[1].startswith(TASHKENT[:8] + "  2024-09-10")
    assert "Kyrgyzstan" in english[4] and "Czechia" in english[4] and "Final" in english[4]
    assert "Draft" in english[2]
    russian = out(capsys, demo_db, "list", lang="ru").splitlines()
    assert russian[0].split()[:4] == ["ID", "Дата", "начала", "Дата"]
    assert russian[1].startswith(TASHKENT[:8] + "  10.09.2024")
    assert "Ташкент" in russian[1] and "Узбекистан" in russian[1]  # the report's Russian city and country names
    assert "Кыргызстан" in russian[4] and "Окончательный" in russian[4] and "Черновик" in russian[2]
    assert "EU-Central Asia Drug Dialogue 2022" in russian[4]  # officers' words stay as typed
    # the header lines up with the values
    assert english[0].index("Title") == english[1].index("Regional conference")


def test_list_with_nothing_to_show(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert out(capsys, demo_db, "list", "--trash") == "No dialogues match.\n"
    assert out(capsys, demo_db, "list", "--trash", lang="ru") == "Нет подходящих диалогов.\n"
    assert out(capsys, demo_db, "list", "--trash", "--format", "json") == "[]\n"
    assert out(capsys, demo_db, "list", "--trash", "--format", "csv") == ",".join(LIST_KEYS) + "\n"


@pytest.mark.parametrize(("args", "says"), [
    (["--series", "Nonexistent"], "There is no series called “Nonexistent”"),
    (["--country", "Narnia"], "“Narnia” is neither a country nor an organisation"),
    (["--from", "2024-12-31", "--to", "2024-01-01"], "is after --to"),
])
def test_list_bad_requests_are_one_sentence_and_exit_1(demo_db: Path, capsys: pytest.CaptureFixture[str],
                                                       args: list[str], says: str) -> None:
    capsys.readouterr()
    assert main(["--db", str(demo_db), "list", *args]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and says in captured.err and "Traceback" not in captured.err


@pytest.mark.parametrize("args", [["list", "--status", "deleted"], ["list", "--format", "xml"],
                                  ["list", "--from", "2024-02-30"], ["people", "--format", "pdf"],
                                  ["actions", "--status", "late"], ["list", "--frobnicate"]])
def test_wrong_usage_exits_2(demo_db: Path, args: list[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["--db", str(demo_db), *args])
    assert usage.value.code == 2


# --- people --------------------------------------------------------------------------------------------

def test_people_json_and_csv(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = as_json(capsys, demo_db, "people")
    assert len(rows) == 12 and all(list(row) == PEOPLE_KEYS for row in rows)
    names = [str(row["name"]) for row in rows]
    assert names == sorted(names)  # by name, as the People page
    zarina = next(row for row in rows if row["name"] == "Zarina Saidova")
    assert zarina["other_names"] == ["Зарина Саидова"] and zarina["sex"] == "female" and zarina["dialogues"] == 1
    assert next(row for row in rows if row["name"] == "Рустам Исмоилов")["sex"] is None
    table = list(csv.reader(io.StringIO(out(capsys, demo_db, "people", "--format", "csv"))))
    assert table[0] == PEOPLE_KEYS
    assert [zarina["id"], "Zarina Saidova", "Зарина Саидова", "female", "1"] in table


def test_people_search_matches_any_script(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin = as_json(capsys, demo_db, "people", "--search", "saidova")
    assert [row["name"] for row in latin] == ["Zarina Saidova"]
    assert as_json(capsys, demo_db, "people", "--search", "Саидова") == latin
    assert as_json(capsys, demo_db, "people", "--search", "nobody-like-this") == []
    assert out(capsys, demo_db, "people", "--search", "nobody-like-this") == "Nobody matches.\n"


def test_people_dialogues_count_attended_only_and_not_the_trash(demo_db: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Contract §3 v2: `people`'s `dialogues` counts participations whose status is attended."""
    from dataclasses import replace

    from desktop_app.domain.enums import ParticipationStatus

    before = {row["name"]: row["dialogues"] for row in as_json(capsys, demo_db, "people")}
    database = open_for_work(demo_db).database
    try:
        repository = DialogueRepository(database)
        bishkek = repository.get(BISHKEK)
        invited = replace(bishkek, delegations=tuple(
            replace(d, participants=tuple(replace(p, status=ParticipationStatus.INVITED) for p in d.participants))
            for d in bishkek.delegations))
        repository.save(invited)
        repository.delete(TASHKENT)
    finally:
        database.close()
    after = {row["name"]: row["dialogues"] for row in as_json(capsys, demo_db, "people")}
    assert sum(before.values()) == 9 + 4 + 5 and after.keys() == before.keys()
    assert sum(after.values()) == sum(before.values()) - 9 - 5  # Bishkek's 9 only invited, Tashkent's 5 in the trash


def test_people_table_in_russian(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = out(capsys, demo_db, "people", "--search", "saidova", lang="ru").splitlines()
    assert lines[0].split()[:3] == ["ID", "Имя", "Другие"]
    assert lines[1].split()[1:] == ["Zarina", "Saidova", "Зарина", "Саидова", "Ж", "1"]


# --- actions -------------------------------------------------------------------------------------------

def test_actions_json_has_the_contract_columns_open_first(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = as_json(capsys, demo_db, "actions")
    assert all(list(row) == ACTION_KEYS for row in rows)
    assert [(row["owner"], row["status"], row["due_date"]) for row in rows] == [
        ("EUDA", "open", "2024-06-30"), ("CADAP", "open", "2024-12-15"), ("CADAP", "open", None),
        ("EMCDDA", "done", "2023-01-31")]
    assert rows[0]["dialogue_id"] == ASTANA and rows[0]["dialogue"] == "EU-Kazakhstan expert meeting on drug " \
                                                                        "demand reduction"
    assert rows[3]["carried_from"] is None


def test_actions_status_and_owner(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def owners(*args: str) -> list[object]:
        return [(row["owner"], row["due_date"]) for row in as_json(capsys, demo_db, "actions", *args)]

    assert owners("--status", "done") == [("EMCDDA", "2023-01-31")]
    assert owners("--status", "open") == [("EUDA", "2024-06-30"), ("CADAP", "2024-12-15"), ("CADAP", None)]
    assert owners("--status", "overdue") == [("EUDA", "2024-06-30"), ("CADAP", "2024-12-15")]  # today is later
    assert owners("--owner", "cadap") == [("CADAP", "2024-12-15"), ("CADAP", None)]
    # EMCDDA and the EU Drugs Agency are one owner, by any of their names
    assert owners("--owner", "European Union Drugs Agency") == owners("--owner", "EMCDDA") == [
        ("EUDA", "2024-06-30"), ("EMCDDA", "2023-01-31")]
    assert owners("--owner", "KZ") == []


def test_an_owner_nobody_is_or_could_be_is_one_sentence_and_exit_1(demo_db: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Round 16: `actions --owner nobody` said "No actions match." and exited 0, where `list --country
    Narnia` refuses an unknown party: a typo in a script's owner looked like an owner with nothing to do."""
    capsys.readouterr()
    assert main(["--db", str(demo_db), "actions", "--owner", "nobody"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1, captured
    assert "“nobody” is neither a country nor an organisation, nor the owner of any action" in captured.err
    assert "the owners known are: “CADAP”, “EMCDDA”, “EUDA”." in captured.err
    # a known party with nothing to do, and an owner written as the officer typed it, still list
    assert main(["--db", str(demo_db), "actions", "--owner", "Germany"]) == 0
    assert capsys.readouterr().out == "No actions match.\n"
    assert main(["--db", str(demo_db), "actions", "--owner", "cadap", "--format", "json"]) == 0


def test_overdue_is_open_with_a_due_date_before_today(demo_db: Path) -> None:
    database = open_for_work(demo_db).database
    try:
        def due(today: date) -> list[object]:
            return [row["due_date"] for row in listing.action_rows(database, "overdue", today=today)]

        assert due(date(2024, 6, 30)) == []  # due today is not overdue yet
        assert due(date(2024, 7, 1)) == [date(2024, 6, 30)]
        assert due(date(2024, 12, 16)) == [date(2024, 6, 30), date(2024, 12, 15)]
        # a trashed dialogue's actions are not listed
        DialogueRepository(database).delete(ASTANA)
        assert due(date(2024, 12, 16)) == [date(2024, 12, 15)]
    finally:
        database.close()


def test_actions_table_in_both_languages(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = out(capsys, demo_db, "actions").splitlines()
    assert english[0].split()[:3] == ["ID", "Dialogue", "Description"]
    assert "Open (overdue)" in english[1] and "2024-06-30" in english[1] and ASTANA[:8] in english[1]
    assert "Done" in english[4] and "(overdue)" not in english[3]
    russian = out(capsys, demo_db, "actions", lang="ru").splitlines()
    assert russian[0].split()[:3] == ["ID", "Диалог", "Описание"]
    assert "Открыто (просрочено)" in russian[1] and "30.06.2024" in russian[1]
    assert "Выполнено" in russian[4]
    assert out(capsys, demo_db, "actions", "--owner", "KZ", lang="ru") == "Нет подходящих действий.\n"


# --- through the console script ------------------------------------------------------------------------

def test_the_console_script_prints_json_a_program_can_read(demo_db: Path) -> None:
    result = run("--db", str(demo_db), "--lang", "ru", "list", "--format", "json", "--status", "final")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)  # --lang changes the table only; the JSON stays the same
    assert [row["status"] for row in rows] == ["final"] * 3 and rows[0]["country"] == "UZ"


def test_a_listed_short_id_names_the_dialogue_for_the_other_commands(demo_db: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    short = out(capsys, demo_db, "list", "--search", "observatories").splitlines()[1].split()[0]
    assert len(short) == 8
    target = tmp_path / "sheet.docx"
    assert main(["--db", str(demo_db), "document", "sign-in-sheet", "--dialogue", short, "-o", str(target)]) == 0
    assert target.stat().st_size > 0


def test_listing_writes_nothing(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stamp = demo_db.read_bytes()  # no connection is open in this process here
    for command in (["list"], ["people"], ["actions"]):
        out(capsys, demo_db, *command, "--format", "json")
    assert demo_db.read_bytes() == stamp
