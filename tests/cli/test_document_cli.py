"""`dialogue-register document` through the console script (contract: CLI-AND-REPORT.md §1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.db.repositories.programme import ProgrammeRepository
from desktop_app.services.startup import open_for_work
from tests.cli.test_cli import run
from tests.services.documents_world import PROGRAMME, SEED_ID


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "database" / "demo.sqlite3"
    path.parent.mkdir()
    assert run("--db", str(path), "demo").returncode == 0
    database = open_for_work(path).database
    ProgrammeRepository(database).save(PROGRAMME)
    database.close()
    return path


def test_a_russian_note_verbale_and_the_sign_in_sheet(demo_db: Path, tmp_path: Path) -> None:
    """Through the console script; all five countries' notes are read back in tests/services/test_documents.py."""
    for code in ("TJ",):
        target = tmp_path / f"nv-{code}.pdf"
        result = run("--db", str(demo_db), "--lang", "ru", "document", "note-verbale", "--dialogue", SEED_ID[:8],
                     "--party", code, "--reply-by", "2023-11-20", "-o", str(target))
        assert result.returncode == 0, result.stderr
        text = " ".join((page.extract_text() or "") for page in PdfReader(str(target)).pages)
        assert "свидетельствует своё уважение" in " ".join(text.split())
    result = run("--db", str(demo_db), "document", "sign-in-sheet", "--dialogue", SEED_ID, "-o",
                 str(tmp_path / "sheet.docx"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sheet.docx").stat().st_size > 0


def test_bad_requests_exit_1_with_one_sentence_and_write_nothing(demo_db: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        ("note-verbale", "--dialogue", SEED_ID, "--reply-by", "2023-11-20", "-o", str(tmp_path / "a.pdf")),
        ("note-verbale", "--dialogue", SEED_ID, "--party", "KZ", "-o", str(tmp_path / "a.pdf")),
        ("sign-in-sheet", "--dialogue", "eb49", "-o", str(tmp_path / "a.pdf")),
        ("sign-in-sheet", "--dialogue", SEED_ID, "-o", str(tmp_path / "a.xlsx")),
        ("participant-list", "--dialogue", SEED_ID, "-o", str(tmp_path / "missing" / "a.pdf")),
    ]
    for case in cases:  # in this process: the console script itself is run by the test above
        assert main(["--db", str(demo_db), "document", *case]) == 1, case
        stderr = capsys.readouterr().err
        assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["database"]
    with pytest.raises(SystemExit) as usage:
        main(["--db", str(demo_db), "document", "minutes", "--dialogue", SEED_ID, "-o", str(tmp_path / "a.pdf")])
    assert usage.value.code == 2




def test_a_reply_by_date_from_the_meetings_first_day_on_exits_1_naming_both_dates(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Round 18: `--reply-by` on or after the day the meeting begins (13 December 2023, a typo) was
    written into the note. The day before is the last one taken."""
    def note(reply_by: str, name: str) -> int:
        return main(["--db", str(demo_db), "document", "note-verbale", "--dialogue", SEED_ID, "--party", "KZ",
                     "--reply-by", reply_by, "-o", str(tmp_path / name)])

    for reply_by in ("2023-12-13", "2024-01-10"):
        assert note(reply_by, "refused.pdf") == 1
        assert capsys.readouterr().err == (f"dialogue-register: The reply-by date {reply_by} is not before the "
                                           "dialogue begins (2023-12-13): give an earlier date.\n")
    assert not (tmp_path / "refused.pdf").exists()
    assert note("2023-12-12", "taken.pdf") == 0
    assert (tmp_path / "taken.pdf").stat().st_size > 0


def test_a_refusal_is_said_in_the_language_of_lang(demo_db: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Round 18: under `--lang ru` every command's refusals were English (but `import-list`'s); the
    command line now says a refusal as the Russian window would, dates as it writes them, and English
    without `--lang` or with `--lang en`."""
    def note(*language: str) -> int:
        return main(["--db", str(demo_db), *language, "document", "note-verbale", "--dialogue", SEED_ID,
                     "--party", "KZ", "--reply-by", "2023-12-13", "-o", str(tmp_path / "refused.pdf")])

    assert note("--lang", "ru") == 1
    assert capsys.readouterr().err == ("dialogue-register: Срок ответа 13.12.2023 не раньше начала диалога "
                                       "(13.12.2023): укажите более раннюю дату.\n")
    for language in ((), ("--lang", "en")):
        assert note(*language) == 1
        assert capsys.readouterr().err.startswith("dialogue-register: The reply-by date 2023-12-13 is not before")
    assert not (tmp_path / "refused.pdf").exists()
