"""Reading a registration list (XLSX or CSV) as rows of text, safely.

A list comes from strangers by e-mail: it may be in any encoding, be an old .xls, be huge, or be a
zip bomb. Every such file is refused with one sentence before it can exhaust memory.
"""

from __future__ import annotations

import csv
import io
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.db import live_files
from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text

MAX_FILE_BYTES = 10 * 1024 * 1024
"""A list of a few hundred participants is well under 1 MB; 10 MB leaves room for pictures and styles."""
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_ROWS = 5000
MAX_COLUMNS = 60
MAX_CELL_CHARS = 2000

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


@dataclass(frozen=True)
class Sheet:
    """The first sheet of a list as text; `merged` holds the merged ranges as (first row, last row)
    1-based, because in read-only mode the cells of a merged range simply look empty."""

    rows: tuple[tuple[str, ...], ...]
    merged: tuple[tuple[str, int, int], ...] = field(default=())  # (range text, first row, last row)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def read_sheet(path: Path) -> Sheet:
    """The rows of the list in `path` (.xlsx or .csv/.txt) as text, or a UserError saying why not."""
    path = Path(path)
    try:
        found = path.stat()
    except OSError as error:
        raise UserError(Text("%1 cannot be opened: %2.", path.name, error.strerror or error)) from error
    if stat.S_ISDIR(found.st_mode):
        raise UserError(Text("%1 is a folder; choose the registration list's file.", path.name))
    if not stat.S_ISREG(found.st_mode):  # a pipe or a device: never read (it may not end)
        raise UserError(Text("%1 is not an ordinary file (a device or a pipe), so it is not a registration list.",
                             path.name))
    size = found.st_size
    if size > MAX_FILE_BYTES:
        raise UserError(Text("%1 is %2 MB; a registration list over %3 MB is not read — save only the list of "
                             "participants.", path.name, f"{size / 1024 / 1024:.1f}", MAX_FILE_BYTES // 1024 // 1024))
    if size == 0:
        raise UserError(Text("%1 is empty.", path.name))
    if live_files.is_held(path):  # closing a descriptor of it would drop this process's SQLite locks
        raise UserError(Text("%1 is the open database, not a registration list.", path.name))
    try:  # a list the officer may not read: the sentence, not an internal error
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as error:
        raise UserError(Text("%1 cannot be opened: %2.", path.name, error.strerror or error)) from error
    if head.startswith(_OLE_SIGNATURE):
        raise UserError(Text("%1 is in the old Excel 97–2003 format; open it in Excel and save it as "
                             "an Excel workbook (.xlsx).", path.name))
    if head.startswith(b"PK"):
        return _read_xlsx(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise UserError(Text("%1 is not an Excel workbook, although its name ends in %2.", path.name,
                                 path.suffix))
    return _read_csv(path)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _check_row(rows: list[tuple[str, ...]], row: tuple[str, ...], name: str) -> None:
    if len(rows) >= MAX_ROWS:
        raise UserError(Text("%1 has more than %2 rows; a registration list is expected to be "
                             "smaller — split it or remove the other data.", name, f"{MAX_ROWS:,}"))
    if len(row) > MAX_COLUMNS and any(row[MAX_COLUMNS:]):
        raise UserError(Text("%1 has more than %2 columns; keep only the participants' details.", name,
                                 MAX_COLUMNS))
    for column, text in enumerate(row, start=1):
        if len(text) > MAX_CELL_CHARS:
            raise UserError(Text("Row %1, column %2 of %3 holds %4 characters; a cell of a registration list "
                                 "may hold at most %5.", len(rows) + 1, column, name, f"{len(text):,}",
                                 f"{MAX_CELL_CHARS:,}"))


def _trimmed(rows: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    width = max((max((i + 1 for i, c in enumerate(row) if c), default=0) for row in rows), default=0)
    return tuple(tuple(row[:width]) + ("",) * (width - len(row[:width])) for row in rows)


def _read_xlsx(path: Path) -> Sheet:
    import openpyxl  # imported here: only lists need it

    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise UserError(Text("%1 is damaged or is not an Excel workbook.", name)) from error
    with archive:
        members = archive.infolist()
        total = sum(m.file_size for m in members)
        packed = sum(m.compress_size for m in members) or 1
        if total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_COMPRESSION_RATIO:
            raise UserError(Text("%1 would unpack to %2 MB; it is not a plain registration list and is not "
                                 "opened.", name, f"{total / 1024 / 1024:,.0f}"))
        if "xl/workbook.xml" not in archive.namelist():
            raise UserError(Text("%1 is a zip archive but not an Excel workbook.", name))
        handle = path.open("rb")  # an open file, not the name: openpyxl refuses a workbook named .csv
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a broken workbook
            handle.close()
            raise UserError(Text("%1 is damaged and cannot be read as an Excel workbook.", name)) from error
        try:
            if not workbook.worksheets:
                raise UserError(Text("%1 has no sheet.", name))
            # the first sheet shown: a hidden one (a template's drop-down lists) is never the list
            # (round 16: it was read, and the list refused for want of headings)
            sheet = next((ws for ws in workbook.worksheets if ws.sheet_state == "visible"), workbook.worksheets[0])
            rows: list[tuple[str, ...]] = []
            try:
                for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 20):
                    row = tuple(_cell_text(v) for v in values)
                    _check_row(rows, row, name)
                    rows.append(row[:MAX_COLUMNS])
            except UserError:
                raise
            except Exception as error:
                raise UserError(Text("%1 is damaged and cannot be read as an Excel workbook.", name)) from error
            merges = _merges(archive, getattr(sheet, "_worksheet_path", "xl/worksheets/sheet1.xml"))
        finally:
            workbook.close()
            handle.close()
    return Sheet(_trimmed(_filled_down(rows, merges)),
                 tuple((text, first_row, last_row) for text, _, first_row, _, last_row in merges))


def _filled_down(rows: list[tuple[str, ...]], merges: list[tuple[str, int, int, int, int]]) -> list[tuple[str, ...]]:
    """A cell merged down one column ("Kazakhstan" over its delegation's three rows) read in every row
    it covers, as Excel shows it; in read-only mode the rows below read empty (round 16: they were set
    aside, "the country is missing"). A merge across columns (a group's title row) is not spread."""
    for _, first_col, first_row, last_col, last_row in merges:
        if first_col != last_col or last_row <= first_row or first_row > len(rows):
            continue
        top = rows[first_row - 1]
        value = top[first_col] if first_col < len(top) else ""
        for index in range(first_row, min(last_row, len(rows))):
            row = rows[index]
            if first_col < len(row) and not row[first_col]:
                rows[index] = (*row[:first_col], value, *row[first_col + 1:])
    return rows


def _column_index(letters: str) -> int:
    """0-based index of a column named by its letters: A → 0, AA → 26."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _merges(archive: zipfile.ZipFile, member: str) -> list[tuple[str, int, int, int, int]]:
    """Merged ranges of a sheet, read from its XML (read-only openpyxl does not report them): the
    range's text, its first column (0-based) and row (1-based), its last column and row."""
    try:
        data = archive.read(member)  # size already bounded above
    except KeyError:
        return []
    ranges = []
    for match in _MERGE.finditer(data):
        first_col, first_row, last_col, last_row = (g.decode() if g else None for g in match.groups())
        assert first_col is not None and first_row is not None  # the pattern's first cell is not optional
        text = f"{first_col}{first_row}" + (f":{last_col}{last_row}" if last_col else "")
        ranges.append((text, _column_index(first_col), int(first_row), _column_index(last_col or first_col),
                       int(last_row or first_row)))
    return ranges


# What a list from Russian-speaking Excel, Mac Excel, DOS or Unix tools can be in, most likely first.
CYRILLIC_ENCODINGS = ("cp1251", "koi8_r", "mac_cyrillic", "iso8859_5", "cp866")
TRIED = ("UTF-8", "UTF-16", "Windows-1251", "KOI8-R", "Mac-Cyrillic", "ISO-8859-5", "CP866", "Windows-1252")
_WORD = re.compile(r"[^\W\d_]+")
_COMMON_RUSSIAN = set("оеаинтсрвлкмдпуяы")


def decode_text(data: bytes, name: str) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 (with or without BOM), or one of the
    Cyrillic 8-bit encodings (Windows-1251, KOI8-R, Mac-Cyrillic, ISO-8859-5, CP866) or Windows-1252.

    An 8-bit encoding decodes any byte, so the guess must be checked: charset-normalizer proposes,
    and the result is taken only if it reads as words (`_reads_as_words`); otherwise each encoding
    is tried and the one that reads best is taken, or the list is refused naming what was tried."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decoded(data, "utf-8-sig", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decoded(data, "utf-16", name)
    if b"\x00" in data:  # no UTF-8 or 8-bit text holds NUL: UTF-16 without a BOM, or not text at all
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text) and _reads_as_words(text):
                return text
        raise UserError(Text("%1 is not a text (CSV) file or an Excel workbook.", name))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    proposed = _proposed_encoding(data)
    scored = []
    for encoding in (*CYRILLIC_ENCODINGS, "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text) and _reads_as_words(text):  # charset-normalizer's choice wins a near tie
            scored.append((_score(text) + (0.05 if encoding == proposed else 0.0), encoding, text))
    if scored:
        return max(scored, key=lambda item: item[0])[2]
    raise UserError(_encoding_help(name))


def _proposed_encoding(data: bytes) -> str | None:
    """charset-normalizer's opinion among the encodings a registration list can be in."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000], cp_isolation=[*CYRILLIC_ENCODINGS, "cp1252"]).best()
    except Exception:  # not installed, or it cannot decide
        return None
    if best is None:
        return None
    try:
        data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return best.encoding


def _reads_as_words(text: str) -> bool:
    """Words are in one script and cased as names are (Иванов, иванов, ИВАНОВ), and Cyrillic text has
    the letters Russian and the Central Asian languages use most. A wrong 8-bit guess gives words
    like "бКЗЕТЙН" or "Josй", which fail this."""
    words = _WORD.findall(text)
    if not words:
        return True
    bad = 0
    cyrillic_letters = common = 0
    for word in words:
        scripts = {_script(ch) for ch in word}
        if len(scripts) > 1 or "other" in scripts:
            bad += 1
            continue
        if "cyrillic" in scripts:
            if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
                bad += 1
            lower = word.lower()
            cyrillic_letters += len(lower)
            common += sum(ch in _COMMON_RUSSIAN for ch in lower)
    if bad > len(words) // 20:
        return False
    return cyrillic_letters == 0 or common / cyrillic_letters >= 0.45


def _score(text: str) -> float:
    words = _WORD.findall(text)
    letters = "".join(words).lower()
    return sum(ch in _COMMON_RUSSIAN for ch in letters) / max(1, len(letters))


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250:
        return "latin"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    return "other"


def _encoding_help(name: str) -> Text:
    return Text("%1 is in an encoding that cannot be recognised (tried %2); save it from Excel as “CSV UTF-8” "
                "or as an Excel workbook.", name, ", ".join(TRIED))


def _decoded(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UserError(_encoding_help(name)) from error


def _plausible(text: str) -> bool:
    """Real text is letters, digits and punctuation, not box symbols."""
    odd = sum(1 for ch in text if not (ch.isalnum() or ch.isspace() or ch in ".,;:!?-–—'\"«»()[]/\\@&%#№+*_<>|=«»“”„’"))
    return odd <= len(text) // 100


def _read_csv(path: Path) -> Sheet:
    name = path.name
    text = decode_text(path.read_bytes(), name)
    sample = text[:20_000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        first = next((line for line in sample.splitlines() if line.strip()), "")
        delimiter = max(",;\t|", key=first.count)
        dialect = csv.excel
        dialect = type("Guessed", (csv.excel,), {"delimiter": delimiter})
    rows: list[tuple[str, ...]] = []
    try:
        for values in csv.reader(io.StringIO(text, newline=""), dialect):
            row = tuple(v.strip() for v in values)
            _check_row(rows, row, name)
            rows.append(row[:MAX_COLUMNS])
    except csv.Error as error:
        raise UserError(Text("%1 is not a well-formed CSV file (row %2: %3).", name, len(rows) + 1, error)) from error
    return Sheet(_trimmed(rows))
