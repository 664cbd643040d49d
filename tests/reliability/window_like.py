"""A stand-in for the window's process, driven line by line over stdin (for test_live_file.py).

It opens the database exactly as the window does (`open_for_work`: checks, daily backup, permissions)
and keeps that connection open while it obeys: `save TITLE` (a form save), `backup` (File ▸ Back up now),
`check` (Help ▸ Check database), `open-again` (the open path run again on the same file, as
a worker thread or a second start would), `read-bundle FILE` / `read-list FILE` (FILE picked in
File ▸ Import or the registration wizard). Each command is answered with one line: `OK ...` or `ERROR ...`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.errors import UserError
from desktop_app.services.backups import back_up
from desktop_app.services.checking import check_database
from desktop_app.services.startup import open_for_work
from tests.factories import make_dialogue


def main() -> None:
    path = Path(sys.argv[1])
    opened = open_for_work(path)
    database = opened.database
    repository = DialogueRepository(database)
    print(f"READY {opened.daily_backup or '-'}", flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        try:
            if command == "save":
                print(f"OK {repository.save(make_dialogue(argument)).id}", flush=True)
            elif command == "backup":
                print(f"OK {back_up(path, 'manual')}", flush=True)
            elif command == "check":
                print(f"OK {check_database(path).sound}", flush=True)
            elif command in ("read-bundle", "read-list"):  # File ▸ Import / the registration wizard given FILE
                print(f"OK {_read_as_input(command, Path(argument))}", flush=True)
            elif command == "open-again":  # a worker's own session, or the open path run on the same file
                open_for_work(path).database.close()
                print("OK opened and closed again", flush=True)
            else:
                print(f"ERROR unknown command {command}", flush=True)
        except UserError as error:
            print(f"ERROR {error.message}", flush=True)


def _read_as_input(command: str, file: Path) -> str:
    """What the window says when the officer picks `file` as a bundle or a registration list."""
    from desktop_app.services.exchange.validation import read_bundle
    from desktop_app.services.registration.lists import open_list

    try:
        read_bundle(file) if command == "read-bundle" else open_list(file)
    except UserError as error:
        return f"refused: {error.message}"
    return "read"


if __name__ == "__main__":
    main()
