"""Issue 20: a file the PROGRAM lacks is not the officer's fault.

In the built folder python-docx could not find its template (`docx/parts/../templates/…`), and the
officer read "report.docx cannot be written (No such file or directory)" while nothing was logged. A
file error about a file outside the target's folder is now a bug of the program: the apology, the
details in the error log, and the target left as it was. Errors about the target (its folder, the
temporary file beside it) still get their one sentence.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.domain.errors import UserError
from desktop_app.services import safe_files


def _fails_with(error: OSError):  # type: ignore[no-untyped-def]
    def fill(stream) -> None:  # type: ignore[no-untyped-def]
        stream.write(b"half")
        raise error

    return fill


def test_a_missing_library_file_passes_through_and_the_target_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.docx"
    target.parent.mkdir()
    target.write_bytes(b"earlier")
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory",
                                str(tmp_path / "app" / "_internal" / "docx" / "parts" / ".." / "templates" / "x.xml"))
    with pytest.raises(FileNotFoundError):
        safe_files.write_file(target, _fails_with(missing))
    assert target.read_bytes() == b"earlier"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.docx"]  # no temporary left


@pytest.mark.parametrize("name", ["report.docx", ".report.abc.docx"])
def test_an_error_about_the_target_or_its_temporary_is_still_one_sentence(tmp_path: Path, name: str) -> None:
    target = tmp_path / "report.docx"
    denied = PermissionError(errno.EACCES, "Permission denied", str(tmp_path / name))
    with pytest.raises(UserError, match="cannot be written"):
        safe_files.write_file(target, _fails_with(denied))
    full = OSError(errno.ENOSPC, "No space left on device")  # no file named: about the target
    with pytest.raises(UserError, match="The disk is full"):
        safe_files.write_file(target, _fails_with(full))


def test_through_a_symlinked_folder_the_target_is_still_recognised(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    denied = PermissionError(errno.EACCES, "Permission denied", str(real / "report.docx"))
    with pytest.raises(UserError, match="cannot be written"):
        safe_files.write_file(tmp_path / "link" / "report.docx", _fails_with(denied))


def test_the_word_report_without_its_template_is_logged_not_blamed_on_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The finding as the officer met it: `report -o x.docx` with python-docx's templates missing."""
    from docx.parts import hdrftr

    def missing(cls: type) -> bytes:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory",
                                str(tmp_path / "app" / "docx" / "parts" / ".." / "templates" / "default-footer.xml"))

    db = tmp_path / "db" / "demo.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(hdrftr.FooterPart, "_default_footer_xml", classmethod(missing))
    monkeypatch.setattr(hdrftr.HeaderPart, "_default_header_xml", classmethod(missing))
    capsys.readouterr()
    target = tmp_path / "out" / "report.docx"
    target.parent.mkdir()
    assert main(["--db", str(db), "report", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "cannot be written" not in err
    assert "Something went wrong inside Dialogue Register (FileNotFoundError)" in err
    logged = list((tmp_path / "state").rglob("dialogue-register.log"))
    assert logged and "default-footer.xml" in logged[0].read_text(encoding="utf-8")
    assert list(target.parent.iterdir()) == []
