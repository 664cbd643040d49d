"""`dialogue-register report` through the console script: formats, filters and bad input."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import BinaryIO

import pytest
from openpyxl import load_workbook

from desktop_app.domain.errors import UserError
from desktop_app.services.report import writing
from desktop_app.services.report.model import Report
from tests.cli.test_cli import run


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "database" / "demo.sqlite3"  # its daily backups go beside it, not among the outputs
    path.parent.mkdir()
    assert run("--db", str(path), "demo").returncode == 0
    return path


def _summary(path: Path) -> dict[str, object]:
    return {row[0]: row[1] for row in load_workbook(path)["Summary"].iter_rows(min_row=2, values_only=True)}


def test_report_format_follows_the_extension_and_filters_apply(demo_db: Path, tmp_path: Path) -> None:
    for kind in ("pdf", "docx", "xlsx", "html"):
        result = run("--db", str(demo_db), "report", "-o", str(tmp_path / f"all.{kind}"))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / f"all.{kind}").stat().st_size > 0
    assert (tmp_path / "all.pdf").read_bytes().startswith(b"%PDF")
    final = _summary(tmp_path / "all.xlsx")
    result = run("--db", str(demo_db), "report", "-o", str(tmp_path / "drafts.xlsx"), "--include-drafts")
    assert result.returncode == 0
    everything = _summary(tmp_path / "drafts.xlsx")
    assert 0 < final["Dialogues"] < everything["Dialogues"]  # drafts are out by default; the demo holds one
    assert everything["Drafts included"] == 1 and final["Drafts included"] == 0
    assert run("--db", str(demo_db), "report", "-o", str(tmp_path / "f.xlsx"), "--final-only").returncode == 0
    assert _summary(tmp_path / "f.xlsx")["Dialogues"] == final["Dialogues"]  # still accepted: the default
    run("--db", str(demo_db), "report", "-o", str(tmp_path / "y.xlsx"), "--from", "2024-01-01", "--to", "2024-12-31")
    assert _summary(tmp_path / "y.xlsx")["Period from"].date().isoformat() == "2024-01-01"


def test_an_explicit_format_beats_the_extension(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.data"
    assert run("--db", str(demo_db), "report", "-o", str(target), "--format", "xlsx").returncode == 0
    with target.open("rb") as handle:  # openpyxl judges by extension; hand it the bytes
        assert load_workbook(handle).sheetnames[0] == "Summary"


def test_russian_report_names_sheets_in_russian_and_leaves_names_out_on_request(demo_db: Path,
                                                                                tmp_path: Path) -> None:
    target = tmp_path / "ru.xlsx"
    result = run("--db", str(demo_db), "--lang", "ru", "report", "-o", str(target), "--no-names",
                 "--country", "kz")
    assert result.returncode == 0, result.stderr
    book = load_workbook(target)
    assert book.sheetnames == ["Сводка", "Диалоги", "По годам", "Участие", "Темы", "Действия"]
    parties = [row[0] for row in book["Участие"].iter_rows(min_row=2, values_only=True)]
    assert parties == ["Казахстан"]  # --country: that party's own participation


def test_an_empty_selection_still_writes_a_report(demo_db: Path, tmp_path: Path) -> None:
    result = run("--db", str(demo_db), "report", "-o", str(tmp_path / "none.html"), "--from", "2040-01-01")
    assert result.returncode == 0
    assert "No dialogues match" in result.stdout
    assert "No dialogues match" in (tmp_path / "none.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "status", "words"), [
    (["--from", "2024-02-30"], 2, "not a real date"),
    (["--to", "2024-13-01"], 2, "not a real date"),
    (["--from", "2024-03-01", "--to", "2024-01-01"], 1, "after --to"),
    (["--format", "odt"], 2, "invalid choice"),
    (["--country", "XX"], 1, "the parties known are: "),
    (["--series", "No such series"], 1, "“EU-Central Asia Drug Dialogue”"),
])
def test_bad_options_exit_with_one_sentence_and_write_nothing(demo_db: Path, tmp_path: Path, args, status,  # type: ignore[no-untyped-def]
                                                              words) -> None:
    result = run("--db", str(demo_db), "report", "-o", str(tmp_path / "r.pdf"), *args)
    assert result.returncode == status
    assert words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("name", ["report.txt", "report"])
def test_an_unknown_extension_without_format_exits_1(demo_db: Path, tmp_path: Path, name: str) -> None:
    result = run("--db", str(demo_db), "report", "-o", str(tmp_path / name))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "--format" in result.stderr
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("target", ["missing-folder/r.pdf", "a-file/r.xlsx", "a-folder", "/proc/r.pdf"])
def test_an_output_that_cannot_be_written_exits_1(demo_db: Path, tmp_path: Path, target: str) -> None:
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "a-folder.html").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    path = target if target.startswith("/") else str(tmp_path / target)
    if target == "a-folder":
        path = str(tmp_path / "a-folder.html")
    result = run("--db", str(demo_db), "report", "-o", path)
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_renderer_failing_half_way_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def half_written(report: Report, stream: BinaryIO, tick: writing.Tick) -> None:
        stream.write(b"PK\x03\x04 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writing, "_renderer", lambda kind: half_written)
    (tmp_path / "report.xlsx").write_bytes(b"the previous report")
    with pytest.raises(UserError, match="disk is full"):
        writing.write_report(None, tmp_path / "report.xlsx")  # type: ignore[arg-type]
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]
    assert (tmp_path / "report.xlsx").read_bytes() == b"the previous report"


def test_a_left_out_annex_is_said_before_the_writing_starts(demo_db: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 19: above the annex limit (docs/report.md) the officer is told first, then the file is written."""
    from desktop_app import cli
    from desktop_app.services.report import build

    monkeypatch.setattr(build, "ANNEX_LIMIT", 1)
    told_before: list[str] = []
    real = writing.write_report

    def spy(report: Report, target: Path, kind: str | None = None, tick: writing.Tick = writing.no_tick) -> Path:
        told_before.append(capsys.readouterr().out)
        return real(report, target, kind, tick)

    monkeypatch.setattr(writing, "write_report", spy)
    monkeypatch.setattr("desktop_app.services.report.write_report", spy)
    assert cli.main(["--db", str(demo_db), "report", "-o", str(tmp_path / "r.docx")]) == 0
    assert told_before and "per-dialogue annex is left out" in told_before[0]
    assert "written to" in capsys.readouterr().out
    assert cli.main(["--db", str(demo_db), "report", "-o", str(tmp_path / "r.xlsx")]) == 0
    assert "per-dialogue annex" not in capsys.readouterr().out  # a workbook has no annex to leave out


def test_an_unknown_series_lists_each_known_series_once(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.cli import main
    from desktop_app.db.opening import open_database
    from desktop_app.db.repositories.dialogues import DialogueRepository
    from tests.factories import make_dialogue

    path = tmp_path / "db.sqlite3"
    database = open_database(path)
    for title, series in (("First", "Drug Dialogue"), ("Second", "drug dialogue"), ("Other", "Expert meetings")):
        DialogueRepository(database).save(make_dialogue(title, series=series))
    database.close()
    assert main(["--db", str(path), "report", "-o", str(tmp_path / "r.xlsx"), "--series", "Nope"]) == 1
    err = capsys.readouterr().err
    assert err.count("“") == 3  # “Nope”, then each series once
    assert "“Expert meetings”" in err and err.casefold().count("drug dialogue") == 1
