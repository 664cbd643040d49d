"""The command line against the words of its contract (shared/contracts/CLI-AND-REPORT.md §1, v2).

The synopsis below is copied from the contract. The parser must offer every command it names (and
no other), every option with the same choices, and the positional arguments; the behaviours the
other test files do not reach (the default database place, `conflicts` as a table and resolved by
`--keep theirs`, `import-list` by an id prefix) are run here through the console script.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.cli import COMMANDS, build_parser
from tests.cli.test_cli import run

CONTRACT = """
dialogue-register [--db PATH] [--lang en|ru]
dialogue-register [--db PATH] gui [--demo] [FILE]
dialogue-register [--db PATH] demo
dialogue-register [--db PATH] import FILE [--dry-run]
dialogue-register [--db PATH] export -o FILE [--from DATE] [--to DATE] [--series NAME]
dialogue-register [--db PATH] report -o FILE [--format pdf|docx|xlsx|html] [--from DATE] [--to DATE] [--series NAME] [--country PARTY] [--include-drafts] [--no-names]
dialogue-register [--db PATH] backup [-o FILE]
dialogue-register [--db PATH] restore FILE
dialogue-register [--db PATH] check
dialogue-register --version
dialogue-register [--db PATH] [--lang en|ru] list [--search TEXT] [--from DATE] [--to DATE] [--series NAME] [--country CC] [--status draft|final] [--trash] [--format table|csv|json]
dialogue-register [--db PATH] people [--search TEXT] [--format table|csv|json]
dialogue-register [--db PATH] [--lang en|ru] actions [--status open|done|overdue] [--owner PARTY] [--format table|csv|json]
dialogue-register [--db PATH] [--lang en|ru] document KIND --dialogue ID [--party PARTY] [--reply-by DATE] -o FILE
dialogue-register [--db PATH] import-list FILE --dialogue ID [--dry-run]
dialogue-register [--db PATH] conflicts [--format table|json] [--resolve ID --keep ours|theirs|VERSION]
"""  # noqa: E501  (the contract's own lines)

GLOBAL = {"--db", "--lang", "--version"}
DOCUMENT_KINDS = {"note-verbale", "sign-in-sheet", "participant-list"}


def contract_commands() -> dict[str, dict[str, set[str] | None]]:
    """command -> {option: its choices (None when it takes a free value or none)}."""
    commands: dict[str, dict[str, set[str] | None]] = {}
    for line in CONTRACT.strip().splitlines():
        words = line.split()[1:]
        while words and words[0].startswith(("[--db", "PATH]", "[--lang", "en|ru]", "--version")):
            words.pop(0)
        if not words:
            continue
        command, rest = words[0], " ".join(words[1:])
        options: dict[str, set[str] | None] = {}
        for option, value in re.findall(r"(--?[a-z-]+)(?: ([A-Za-z|-]+))?", rest):
            choices = set(value.split("|")) if value and "|" in value and value.lower() == value else None
            options[option] = choices
        commands[command] = options
    return commands


def parser_commands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_the_commands_are_exactly_the_contract_s() -> None:
    assert set(parser_commands()) == set(contract_commands()) == set(COMMANDS)


def test_the_global_options() -> None:
    options = {o for a in build_parser()._actions for o in a.option_strings}
    assert options >= GLOBAL
    lang = next(a for a in build_parser()._actions if "--lang" in a.option_strings)
    assert set(lang.choices) == {"en", "ru"}


@pytest.mark.parametrize("command", sorted(contract_commands()))
def test_every_option_of_the_contract_with_its_choices(command: str) -> None:
    parser = parser_commands()[command]
    offered = {o: a for a in parser._actions for o in a.option_strings}
    for option, choices in contract_commands()[command].items():
        assert option in offered, f"{command} {option}"
        if choices is not None and option != "--keep":  # --keep also takes a VERSION
            assert set(offered[option].choices) == choices, f"{command} {option}"


def test_the_positional_arguments() -> None:
    positional = {name: [a.dest for a in p._actions if not a.option_strings and a.dest != "help"]
                  for name, p in parser_commands().items()}
    assert positional["gui"] == ["file"] and positional["import"] == ["file"] and positional["restore"] == ["file"]
    assert positional["import-list"] == ["file"] and positional["document"] == ["kind"]
    kind = next(a for a in parser_commands()["document"]._actions if a.dest == "kind")
    assert set(kind.choices) == DOCUMENT_KINDS
    gui_file = next(a for a in parser_commands()["gui"]._actions if a.dest == "file")
    assert gui_file.nargs == "?"  # FILE is optional


def test_without_db_the_per_user_data_folder_is_used(tmp_path: Path) -> None:
    """`--db` default: dialogues.sqlite3 in the platform's per-user data folder, created with its folder."""
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "s")}
    saved = os.environ.pop("DIALOGUE_REGISTER_DB", None)
    try:
        result = run("demo", env=env)
    finally:
        if saved is not None:
            os.environ["DIALOGUE_REGISTER_DB"] = saved
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "DialogueRegister" / "dialogues.sqlite3").is_file()


@pytest.fixture
def conflicted(tmp_path: Path) -> tuple[Path, str]:
    """Our database with one title edited here and, since the last exchange, by a colleague too."""
    from desktop_app.db.opening import open_database
    from desktop_app.db.repositories.dialogues import DialogueRepository

    ours, theirs = tmp_path / "ours.sqlite3", tmp_path / "theirs.sqlite3"
    assert run("--db", str(ours), "demo").returncode == 0
    assert run("--db", str(ours), "export", "-o", str(tmp_path / "a.json")).returncode == 0
    assert run("--db", str(theirs), "import", str(tmp_path / "a.json")).returncode == 0
    dialogue_id = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["dialogues"][0]["id"]
    for path, title in ((ours, "Our title"), (theirs, "Their title")):
        database = open_database(path)
        repository = DialogueRepository(database)
        repository.save(replace(repository.get(dialogue_id), title=title))
        database.close()
    assert run("--db", str(theirs), "export", "-o", str(tmp_path / "b.json")).returncode == 0
    assert run("--db", str(ours), "import", str(tmp_path / "b.json")).returncode == 0
    return ours, dialogue_id


def test_conflicts_as_a_table_and_json_then_resolved_by_keeping_theirs(conflicted: tuple[Path, str]) -> None:
    db, dialogue_id = conflicted
    table = run("--db", str(db), "conflicts")
    assert table.returncode == 0, table.stderr
    assert f"({dialogue_id})" in table.stdout and "Our title" in table.stdout and "Their title" in table.stdout
    assert "1 record waiting; resolve with" in table.stdout
    assert "    Title  [title]" in table.stdout and "        common version: " in table.stdout
    assert "        ours " in table.stdout and "        theirs " in table.stdout
    russian = run("--db", str(db), "--lang", "ru", "conflicts")
    assert russian.returncode == 0, russian.stderr
    assert f"({dialogue_id})" in russian.stdout and "Our title" in russian.stdout
    assert "Не решено: 1 запись; решите так" in russian.stdout and "        общая версия: " in russian.stdout
    assert "        наше " in russian.stdout and "        их " in russian.stdout and "диалог" in russian.stdout
    assert "records" not in russian.stdout and "common version" not in russian.stdout
    assert run("--db", str(db), "--lang", "ru", "conflicts", "--format", "json").stdout == run(
        "--db", str(db), "conflicts", "--format", "json").stdout  # JSON is for programs: never translated
    listed = json.loads(run("--db", str(db), "conflicts", "--format", "json").stdout)
    assert [c["record_id"] for c in listed] == [dialogue_id]
    assert {v["value"] for f in listed[0]["fields"] for v in f["versions"]} >= {"Our title", "Their title"}
    no_keep = run("--db", str(db), "conflicts", "--resolve", str(listed[0]["id"]))
    assert no_keep.returncode == 1 and no_keep.stderr.count("\n") == 1 and "--keep" in no_keep.stderr
    no_keep_ru = run("--db", str(db), "--lang", "ru", "conflicts", "--resolve", str(listed[0]["id"]))
    assert no_keep_ru.returncode == 1 and "Укажите, какую версию оставить" in no_keep_ru.stderr
    resolved = run("--db", str(db), "--officer", "Aigul", "--lang", "ru", "conflicts", "--resolve",
                   str(listed[0]["id"]), "--keep", "theirs")
    assert resolved.returncode == 0, resolved.stderr
    assert resolved.stdout.strip() == f"Конфликт {listed[0]['id']} решён (1 поле); ваш выбор уйдёт с вашим " \
                                      "следующим пакетом обмена."
    assert run("--db", str(db), "conflicts").stdout.strip() == "No conflicts wait."
    shown = json.loads(run("--db", str(db), "list", "--format", "json", "--search", "Their title").stdout)
    assert [row["id"] for row in shown] == [dialogue_id]


def test_resolving_a_conflict_that_does_not_wait_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    result = run("--db", str(db), "conflicts", "--resolve", "999", "--keep", "ours")
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_import_list_takes_an_id_prefix_and_refuses_an_unknown_dialogue(tmp_path: Path) -> None:
    from tests.services.registration_files import ENGLISH_HEADER, write_xlsx

    db = tmp_path / "d.sqlite3"
    assert run("--db", str(db), "demo").returncode == 0
    seed = "eb49bc6d-96eb-5d2e-a3a9-c915cf2a9cf0"  # the 2023 dialogue, no participants yet
    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("Erlan Kasymov", "Expert", "Ministry of Health",
                                                                "KZ", "M", None)])
    unknown = run("--db", str(db), "import-list", str(path), "--dialogue", "00000000")
    assert unknown.returncode == 1 and unknown.stderr.count("\n") == 1 and "00000000" in unknown.stderr
    short = run("--db", str(db), "import-list", str(path), "--dialogue", "eb49")
    assert short.returncode == 1 and "at least 8" in short.stderr
    done = run("--db", str(db), "import-list", str(path), "--dialogue", seed[:8])
    assert done.returncode == 0, done.stderr
    rows = json.loads(run("--db", str(db), "list", "--format", "json", "--search", "Kasymov").stdout)
    assert [row["id"] for row in rows] == [seed] and rows[0]["participants"] == 1
