"""`check`: is this database file sound? Integrity, foreign keys and schema version, read only.

It never migrates or repairs: a damaged file must stay exactly as it is for a restore to decide.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.db.errors import user_error_for
from desktop_app.db.migrate import SCHEMA_HEAD
from desktop_app.db.opening import open_database, refuse_what_is_no_file
from desktop_app.domain.errors import DatabaseReadOnly, UserError
from desktop_app.domain.texts import Text

BUSY_WAIT = 5.0  # seconds a check waits for another program's write to end
# SQLite's answers to FTS5's `integrity-check` that say nothing about the index: the file may only be
# read, or another program holds the write lock (the window saving). Only SQLITE_CORRUPT is a mismatch.
_BUSY = Text("the search indexes were not checked: another program was writing to the database; check again later")
_NOT_CHECKED = {sqlite3.SQLITE_READONLY: Text("the search indexes were not checked: the file is read-only"),
                sqlite3.SQLITE_BUSY: _BUSY, sqlite3.SQLITE_LOCKED: _BUSY}


@dataclass
class CheckReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    schema: str | None = None
    counts: str | None = None
    notes: list[str] = field(default_factory=list)  # worth knowing, not a problem (an older layout)
    # the last line when restoring a backup is the wrong advice (a newer program's database, another
    # program's file): round 17 said "restore it from a backup" of every file, which over a newer
    # version's database loses everything entered since the backup
    verdict: str | None = None

    @property
    def sound(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        lines: list[str] = [Text("Database: %1", self.path),
                 Text("Schema version: %1 (this program: %2)", self.schema or Text("unknown"), SCHEMA_HEAD)]
        if self.counts:
            lines.append(Text("Contents: %1", self.counts))
        lines.extend(Text("Note: %1", note) for note in self.notes)
        if self.sound:
            lines.append(Text("The database is sound."))
        else:
            lines.extend(Text("Problem: %1", problem) for problem in self.problems)
            lines.append(self.verdict or Text("The database is NOT sound; restore it from a backup."))
        return lines


def check_database(path: Path) -> CheckReport:
    path = path.expanduser().absolute()
    refuse_what_is_no_file(path)  # a folder, a pipe, a device: before anything opens it
    if not path.exists() or path.stat().st_size == 0:
        from desktop_app.services.startup import owner_only

        open_database(path).close()  # the contract: a missing database is created
        owner_only(path)  # as every way in leaves it: an empty file made by `touch` was readable by all
    if not os.access(path, os.R_OK):  # kept out by its permissions: not damage (asked, never open()ed)
        raise UserError(Text("The database %1 cannot be read (%2).", path, os.strerror(errno.EACCES)))
    report = CheckReport(path)
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=BUSY_WAIT)
    except sqlite3.Error as error:
        report.problems.append(Text("the file cannot be opened (%1)", error))
        return report
    try:
        # The header is checked by SQLite (SQLITE_NOTADB), never read with open(): the window checks its
        # own live file, and closing a descriptor of it would drop the locks SQLite holds (issue 13).
        connection.execute("PRAGMA schema_version").fetchone()
        _inspect(connection, report)
    except sqlite3.DatabaseError as error:
        if (getattr(error, "sqlite_errorcode", 0) & 0xFF) == sqlite3.SQLITE_NOTADB:
            report.problems.append(Text("the file is not an SQLite database (damaged, truncated or foreign)"))
        elif isinstance(said := user_error_for(error, path), DatabaseReadOnly):
            # a WAL file in a folder SQLite may not write its -shm in: unreadable here, not unsound
            raise said from error
        else:
            report.problems.append(Text("the file cannot be read as a database (%1)", error))
    except sqlite3.Error as error:
        report.problems.append(Text("the file cannot be read as a database (%1)", error))
    finally:
        connection.close()
    return report


def _inspect(connection: sqlite3.Connection, report: CheckReport) -> None:
    integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        report.problems.extend(Text("integrity: %1", line) for line in integrity[:10])
    broken_links = connection.execute("PRAGMA foreign_key_check").fetchall()
    for table, rowid, parent, _ in broken_links[:10]:
        report.problems.append(Text("row %1 of %2 refers to a missing row of %3", rowid, table, parent))
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        report.problems.append(Text("the file is not a Dialogue Register database (no schema version)"))
        report.verdict = Text("The file is NOT sound: it is not a Dialogue Register database; check that you "
                              "named the right file (--db PATH).")
        return
    report.schema = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    if report.schema != SCHEMA_HEAD:
        from desktop_app.db.migrate import known_revisions

        if report.schema not in known_revisions():
            report.problems.append(Text("the schema (%1) is from a newer version of the program", report.schema))
            report.verdict = Text("The database is NOT sound for this version; update Dialogue Register to open it "
                                  "(a backup restored over it would lose what was entered since).")
            return
        # an older layout is not damage: the program upgrades it (after a backup) when it opens it
        report.notes.append(Text("the layout is older (%1); it will be upgraded when the database is opened, "
                                 "after a backup", report.schema))
    if report.schema == SCHEMA_HEAD or "dialogue_search" in tables:  # older layouts get it with the upgrade
        _check_search_index(connection, report)
    dialogues, delegations, participants, people = (
        connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("dialogues", "delegations", "participants", "people"))
    report.counts = Text("%1 dialogues, %2 delegations, %3 participants, %4 people",
                         dialogues, delegations, participants, people)


def _check_search_index(connection: sqlite3.Connection, report: CheckReport) -> None:
    """Each search index must hold exactly its texts. FTS5's check is an INSERT, so a file that may only
    be read, or one another program is writing, cannot be checked: a note, never a "does not match"."""
    present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    checks = [("dialogue_search", "the search index does not match the dialogues' texts")]  # migration 0004
    checks += [(index, f"the search index {index} does not match its texts")  # migration 0010_search
               for index in ("dialogue_words", "people_search", "people_words") if index in present]
    for index, mismatch in checks:
        try:
            connection.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as error:
            code = getattr(error, "sqlite_errorcode", sqlite3.SQLITE_CORRUPT) & 0xFF
            if code in _NOT_CHECKED:
                report.notes.append(_NOT_CHECKED[code])
                break  # the others would meet the same answer (and wait as long for it)
            report.problems.append(mismatch)
    for terms, words in (("dialogue_terms", "dialogue_words"), ("people_terms", "people_words")):
        if terms in present and words in present:  # migration 0012_search_speed
            _check_vocabulary(connection, report, terms, words)


def _check_vocabulary(connection: sqlite3.Connection, report: CheckReport, terms: str, words: str) -> None:
    """A typed word is found through the vocabulary (`search_index.planned_queries`): a word of the
    texts missing from it would find nothing where a scan finds it. The word index (checked above
    against the texts) lists its own words (`fts5vocab`, ~600 at 100,000 dialogues), so the check
    reads no text: each of those words must be in the vocabulary. A temporary table: the file is
    not written."""
    vocabulary = f"temp.{words}_check"
    connection.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocabulary} USING fts5vocab(main, {words}, row)")
    try:
        missing = connection.execute(f"SELECT count(*), min(term) FROM {vocabulary} "
                                     f"WHERE term NOT IN (SELECT term FROM {terms})").fetchone()
    finally:
        connection.execute(f"DROP TABLE {vocabulary}")
    if missing[0]:
        report.problems.append(f"the search vocabulary {terms} lacks {missing[0]} word(s) of the texts "
                               f"(such as “{missing[1]}”)")
