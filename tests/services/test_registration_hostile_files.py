"""Hostile and malformed registration lists: each is refused with one clear sentence."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop_app.domain.errors import UserError
from desktop_app.services.registration.lists import open_list
from desktop_app.services.registration.reading import MAX_ROWS
from tests.services.registration_files import ENGLISH_HEADER, write_csv, write_xlsx


def refusal(path: Path) -> str:
    with pytest.raises(UserError) as caught:
        open_list(path)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert message.endswith(".")
    return message


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("Name,Country\nJosé,ES\n".encode().replace("é".encode(), b"\x98\x81\x98"))
    assert "encoding that cannot be recognised" in refusal(path)


def test_merged_header_cells(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [("Participants",), ("Name", None, "Country", "Sex"),
                                              ("Aigerim", "Zhumabayeva", "KZ", "F")], merge="A2:B2")
    assert refusal(path) == ("The header row has merged cells (A2:B2); unmerge them so that each column has "
                             "its own heading.")


def test_a_merged_title_above_the_header_is_fine(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [("Participants",), ENGLISH_HEADER], merge="A1:F1")
    assert open_list(path).header_row == 1


def test_empty_rows_only(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [(), (None, None), ("", "")])
    assert "has no filled cells" in refusal(path)


def test_no_recognisable_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [("a", "b", "c"), ("1", "2", "3")])
    assert refusal(path).startswith("No header row was recognised in the first 30 rows")


def test_a_50_mb_sheet(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as stream:  # sparse: 50 MB on paper, nothing on disk
        stream.write(b"PK\x03\x04")
        stream.truncate(50 * 1024 * 1024)
    assert "is 50.0 MB; a registration list over 10 MB is not read" in refusal(path)


def test_too_many_rows(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [ENGLISH_HEADER] + [("A B", "", "", "KZ", "", "")] * MAX_ROWS)
    assert f"more than {MAX_ROWS:,} rows" in refusal(path)


def test_a_cell_too_long(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [ENGLISH_HEADER, ("x" * 5000, "", "", "KZ", "", "")])
    assert refusal(path).startswith("Row 2, column 1 of list.xlsx holds 5,000 characters")


def test_a_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    assert "would unpack to 20 MB; it is not a plain registration list" in refusal(path)


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "hello")
    assert refusal(path) == "photos.xlsx is a zip archive but not an Excel workbook."


def test_a_damaged_workbook(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not really")
    assert refusal(path) == "broken.xlsx is damaged and cannot be read as an Excel workbook."


def test_not_xlsx_at_all(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    path.write_text("this is a letter, not a list")
    assert refusal(path) == "list.xlsx is not an Excel workbook, although its name ends in .xlsx."


def test_old_excel_format(tmp_path: Path) -> None:
    path = tmp_path / "list.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "old Excel 97–2003 format" in refusal(path)


def test_a_binary_file_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(bytes(range(256)) * 4)
    assert refusal(path) == "list.csv is not a text (CSV) file or an Excel workbook."


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"")
    assert refusal(path) == "list.csv is empty."
