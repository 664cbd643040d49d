"""The command line of the contract (shared/contracts/CLI-AND-REPORT.md §1).

One function per command. Exit status: 0 success, 1 an error the user can act on (one sentence on
stderr, never a traceback), 2 wrong usage (argparse's own).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from desktop_app import __version__
from desktop_app.cli_language import print_lines, said
from desktop_app.domain.errors import UserError

if TYPE_CHECKING:
    from desktop_app.services.exchange.conflicts import Conflicts
    from desktop_app.services.startup import AfterOpening

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
# The work an opening left for after the command's answer (the daily backup; issue 19).
_after_answer: list[AfterOpening] = []


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a real date in the form YYYY-MM-DD") from None


def _country(text: str) -> str:
    from desktop_app.domain.reference import is_known_country

    code = text.strip().upper()
    if not is_known_country(code):
        raise argparse.ArgumentTypeError(f"{text!r} is not a known ISO 3166 country code (e.g. KZ)")
    return code


def _database_option(text: str) -> str:
    """An empty --db (`--db "$DB"` with DB unset in a script) is wrong usage: read as "no --db" it
    opened, and created, the usual database in the data folder (round 17)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the path is empty; give the database file, or leave --db out "
                                         "for the usual one")
    return text


def _officer_name(text: str) -> str:
    """--officer is stored as the author of the command's edits and travels in every bundle: a character
    no stored text may hold would make every export one that no colleague's import accepts."""
    from desktop_app.domain.text_rules import text_problem

    if problem := text_problem(text):
        raise argparse.ArgumentTypeError(f"the name {problem}; type it again without that character")
    return text


GLOBAL_OPTIONS = ("--db", "--lang", "--officer")  # each takes a value
LANGUAGES = ("en", "ru")


def window_only(argv: Sequence[str]) -> bool:
    """Only global options (`--db FILE`, `--lang ru`): the window, the usual start. Its arguments are
    read by the parser without the commands (`build_parser(commands=False)`: ~15 ms less before the
    first window, issue 19); anything else (a command, --help, --version, a typo) by the whole parser."""
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        if token in GLOBAL_OPTIONS and tokens and not tokens[0].startswith("-"):
            tokens.pop(0)
        elif not any(token.startswith(f"{option}=") for option in GLOBAL_OPTIONS):
            return False
    return True


def plain_window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The usual start's arguments read without building a parser: what `_window_parser` would return
    for global options alone (`window_only`), each `--option VALUE` or `--option=VALUE`, the last one
    given winning; None for anything it would complain about (a language it does not know), which then
    goes to the parser for its words. Building the parser cost ~13 M instructions (~5 ms) and its
    messages' translation lookup imports `locale` (issue 19); a property test holds the two equal."""
    if not window_only(argv):
        return None
    values: dict[str, str | None] = {"db": None, "lang": None, "officer": None}
    tokens = list(argv)
    while tokens:
        option, equals, value = tokens.pop(0).partition("=")
        name, value = option.removeprefix("--"), value if equals else tokens.pop(0)
        if name == "lang" and value not in LANGUAGES:  # each one given is checked, as argparse does
            return None
        if name == "db" and not value.strip():  # an empty --db: the parser words it (`_database_option`)
            return None
        if name == "officer":
            try:
                _officer_name(value)
            except argparse.ArgumentTypeError:
                return None
        values[name] = value
    return argparse.Namespace(**values, command=None)


def _window_parser(argv: list[str]) -> argparse.ArgumentParser:
    """The parser without the commands, whose mistakes (`--lang xx`) the whole parser words."""
    parser = build_parser(commands=False)

    def error(message: str) -> NoReturn:
        build_parser().parse_args(argv)  # exits with the same complaint, its usage naming the commands
        argparse.ArgumentParser.error(parser, message)

    parser.error = error  # type: ignore[method-assign]
    return parser


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dialogue-register",
        description="Dialogue Register: records of drug-policy dialogues, their delegations and participants.")
    parser.add_argument("--version", action="version", version=f"dialogue-register {__version__}")
    parser.add_argument("--db", metavar="PATH", type=_database_option,
                        help="the database file (default: DIALOGUE_REGISTER_DB or dialogues.sqlite3 in your "
                             "data folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the window and reports")
    parser.add_argument("--officer", metavar="NAME", type=_officer_name,
                        help="your name, recorded with the edits this command makes "
                             "(default: the name set in the window's Settings)")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    return _add_commands(parser)


def _add_commands(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the desktop window (the default)")
    gui.add_argument("--demo", action="store_true", help="load the sample records first if the database is empty")
    gui.add_argument("file", metavar="FILE", nargs="?",
                     help="a database (.sqlite3) to open, a bundle (.json) to import, or a registration list "
                          "(.xlsx, .csv) for the selected dialogue; handed to the window already open")

    commands.add_parser("demo", help="load the sample records (twice is the same as once)")

    imp = commands.add_parser("import", help="import an exchange bundle (.json)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")

    exp = commands.add_parser("export", help="export dialogues as an exchange bundle (.json)")
    exp.add_argument("-o", "--output", required=True, metavar="FILE")
    _add_selection(exp)

    rep = commands.add_parser("report", help="write the summary report")
    rep.add_argument("-o", "--output", required=True, metavar="FILE")
    rep.add_argument("--format", choices=("pdf", "docx", "xlsx", "html"),
                     help="default: from the file's extension")
    _add_selection(rep)
    rep.add_argument("--country", metavar="PARTY",
                     help="that party's own participation: a country code or name, an organisation's name")
    # both at once were read as --final-only without a word, the officer believing the drafts were in (round 17)
    drafts = rep.add_mutually_exclusive_group()
    drafts.add_argument("--include-drafts", action="store_true", help="include draft records (marked as drafts)")
    drafts.add_argument("--final-only", action="store_true", help="leave out drafts (the default)")
    rep.add_argument("--no-names", action="store_true", help="leave out every person's name")

    backup = commands.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("-o", "--output", metavar="FILE")

    restore = commands.add_parser("restore", help="replace the database with a verified backup")
    restore.add_argument("file", metavar="FILE")

    commands.add_parser("check", help="check the database's integrity; exit 1 if it is not sound")

    document = commands.add_parser("document", help="write a Note Verbale, sign-in sheet or participant list")
    document.add_argument("kind", choices=("note-verbale", "sign-in-sheet", "participant-list"), metavar="KIND",
                          help="note-verbale (needs --party and --reply-by), sign-in-sheet or participant-list")
    document.add_argument("--dialogue", required=True, metavar="ID",
                          help="the dialogue's id or an unambiguous prefix of at least 8 characters")
    document.add_argument("--party", metavar="PARTY", help="the invited party: a country code or organisation name")
    document.add_argument("--reply-by", type=_date, metavar="DATE", help="the date replies are asked by (YYYY-MM-DD)")
    document.add_argument("-o", "--output", required=True, metavar="FILE", help=".docx or .pdf")

    conflicts = commands.add_parser("conflicts", help="list the conflicts waiting from imports, or resolve one")
    conflicts.add_argument("--format", choices=("table", "json"), default="table")
    conflicts.add_argument("--resolve", type=int, metavar="ID", help="the conflict to resolve (its id in the list)")
    conflicts.add_argument("--keep", metavar="ours|theirs|VERSION",
                           help="which version to keep: ours, theirs (when only one other), or a version "
                                "as listed (database:counter)")
    conflicts.add_argument("--field", action="append", metavar="FIELD",
                           help="only this field (repeat for several; default: every field of the conflict)")

    listing = commands.add_parser("list", help="print the dialogues the window's list shows, newest first")
    listing.add_argument("--search", metavar="TEXT",
                         help="as the window's search: title, series, city, topics, summary, participants' names")
    _add_selection(listing)
    listing.add_argument("--country", metavar="CC",
                         help="hosted by or sent a delegation: a country code or name, or an organisation's name")
    listing.add_argument("--status", choices=("draft", "final"), help="only drafts or only final records")
    listing.add_argument("--trash", action="store_true", help="the dialogues in the trash instead")
    _add_format(listing)

    people = commands.add_parser("people", help="print the people, as the People page finds them")
    people.add_argument("--search", metavar="TEXT", help="every word in the name or another spelling of it")
    _add_format(people)

    actions = commands.add_parser("actions", help="print the actions agreed at the dialogues")
    actions.add_argument("--status", choices=("open", "done", "overdue"),
                         help="overdue: open with a due date before today")
    actions.add_argument("--owner", metavar="PARTY", help="a country code or name, or an organisation's name")
    _add_format(actions)

    import_list = commands.add_parser("import-list", help="add a registration list's participants to a dialogue")
    import_list.add_argument("file", metavar="FILE", help="the list (.xlsx, .csv, .ods)")
    import_list.add_argument("--dialogue", required=True, metavar="ID",
                             help="the dialogue's id or an unambiguous prefix of at least 8 characters")
    import_list.add_argument("--dry-run", action="store_true", help="show what would be added; write nothing")
    return parser


def _add_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", type=_date, metavar="DATE", help="first start date (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="last start date (YYYY-MM-DD)")
    parser.add_argument("--series", metavar="NAME", help="only dialogues of this series")


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="table for reading (in the language of --lang); csv or json for programs")


def _selection(args: argparse.Namespace):
    from desktop_app.domain.records import DialogueFilter

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UserError(f"--from {args.date_from} is after --to {args.date_to}; nothing could match.")
    return DialogueFilter(series=args.series, date_from=args.date_from, date_to=args.date_to,
                          country=getattr(args, "country", None) if args.command != "report" else None)


def _open(args: argparse.Namespace):
    """Open for a command: warnings (cloud folder, failed daily backup) go to stderr, exit code unaffected."""
    from desktop_app.paths import resolve_database_path
    from desktop_app.services.startup import open_for_work

    opened = open_for_work(resolve_database_path(args.db), defer=True)  # the daily backup: after the answer
    if opened.later is not None:
        _after_answer.append(opened.later)
    for warning in opened.warnings:
        print(f"dialogue-register: warning: {warning}", file=sys.stderr)
    opened.database.officer = _officer(args)
    return opened.database


def _officer(args: argparse.Namespace) -> str | None:
    """Who authors this command's edits: --officer, else the name kept for this user (docs/exchange.md)."""
    if getattr(args, "officer", None):
        return str(args.officer).strip()[:200] or None
    from desktop_app.ui.officer import officer_name

    return officer_name()


def _warn_location(args: argparse.Namespace) -> Path:
    from desktop_app.paths import resolve_database_path
    from desktop_app.services.locations import location_warning

    path = resolve_database_path(args.db).absolute()
    if warning := location_warning(path):
        print(f"dialogue-register: warning: {warning}", file=sys.stderr)
    return path


def cmd_gui(args: argparse.Namespace) -> int:
    # SQLAlchemy, the models and the repositories are imported after the window's first paint
    # (issue 19): the list's first page is read through sqlite3 (db/first_page.py).
    from desktop_app.app import run_gui
    from desktop_app.paths import expanded

    file = getattr(args, "file", None)
    return run_gui(args.db, language=args.lang, demo=getattr(args, "demo", False),
                   file=expanded(file).absolute() if file else None)


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop_app.services.samples import load_samples

    database = _open(args)
    try:
        summary = load_samples(database)
    finally:
        database.close()
    print_lines(summary.lines(), args.lang)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from desktop_app.services.exchange.importer import collector_paused, import_checked
    from desktop_app.services.exchange.validation import read_bundle

    # read and checked once, before the database is even opened: a bad file is refused first. The
    # collector stays paused until the database is closed: the whole bundle is alive until then,
    # and a pass between the read and the merge walked all of it (issue 19, ≈ 0.08 s of 2,000 dialogues)
    with collector_paused():
        data = read_bundle(Path(args.file))
        database = _open(args)
        try:
            summary = import_checked(database, data, dry_run=args.dry_run)
        finally:
            database.close()
        del data
    print_lines(summary.lines(), args.lang)  # in the language of --lang, as the window shows it
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from desktop_app.domain.texts import counted
    from desktop_app.services.exchange.exporter import default_source, export_bundle

    selection = _selection(args)
    database = _open(args)
    try:
        if args.series:  # the series as `list` and `report` read it: any case, every stored spelling
            from desktop_app.services.listing import ListRequest, dialogue_filter

            selection = dialogue_filter(database, ListRequest(date_from=args.date_from, date_to=args.date_to,
                                                              series=args.series))
        count = export_bundle(database, Path(args.output), selection, source=default_source(database))
    finally:
        database.close()
    print(f"{counted(count, 'dialogue')} exported to {args.output}.")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from desktop_app.domain.texts import counted
    from desktop_app.services.report import ReportSelection, build_report, format_of, write_report
    from desktop_app.services.report.build import for_format

    selection = _selection(args)  # refuses --from after --to before anything is opened
    target = Path(args.output)
    kind = format_of(target, args.format)  # an unknown extension is refused before any work
    database = _open(args)
    try:
        report = build_report(database, ReportSelection(
            date_from=selection.date_from, date_to=selection.date_to, series=selection.series,
            country=args.country, include_drafts=args.include_drafts and not args.final_only,
            names=not args.no_names), language=args.lang or "en",
            **for_format(kind))  # only what the format shows: the workbook has no per-dialogue pages
        if report.annex_note:  # said before the (long) writing starts, not found later in the file
            print(report.annex_note, flush=True)
        written = write_report(report, target, kind)  # open: the Participants table is read as it is written
    finally:
        database.close()
    dialogues = report.summary.dialogues
    print(f"Report of {counted(dialogues, 'dialogue')} written to {written}."
          if dialogues else f"No dialogues match; an empty report was written to {written}.")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from desktop_app.services.checking import check_database

    report = check_database(_warn_location(args))
    print("\n".join(report.lines()))
    return EXIT_OK if report.sound else EXIT_ERROR


def cmd_backup(args: argparse.Namespace) -> int:
    """A consistent copy now; the database is opened first so a damaged file is refused untouched."""
    from desktop_app.services.backups import back_up

    database = _open(args)
    path = database.path
    database.close()
    # `-o ""` (an empty $DEST in a script) is a file name to refuse, as export does, not "no -o"
    target = back_up(path, "manual", Path(args.output) if args.output is not None else None)
    print(f"Backup written to {target}.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Verify FILE, keep a copy of the current database, then swap FILE in (works over a damaged file)."""
    from desktop_app.domain.texts import counted
    from desktop_app.services.backups import holds_something, restore

    path = _warn_location(args)
    replacing = holds_something(path)
    info = restore(path, Path(args.file))
    kept = "; the replaced database was kept in the backups folder" if replacing else ""
    what = ("the database" if info.dialogues is None or info.people is None else
            f"{counted(info.dialogues, 'dialogue')} and {counted(info.people, 'person', 'people')}")
    print(f"Restored {what} from {args.file}{kept}.")
    return EXIT_OK


def cmd_document(args: argparse.Namespace) -> int:
    """A document in the language of --lang (English by default), written all or nothing."""
    from desktop_app.services.documents import format_of, make_document

    target = Path(args.output)
    format_of(target)  # an unknown extension is refused before the database is opened
    database = _open(args)
    try:
        written = make_document(database, args.kind, args.dialogue, target, args.lang or "en",
                                party=args.party, reply_by=args.reply_by)
    finally:
        database.close()
    print(f"Written to {written}.")
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    """List waiting conflicts (every version with its officer, database and date) or resolve one."""
    import json

    from desktop_app.services.exchange import conflicts as waiting

    database = _open(args)
    try:
        if args.resolve is not None:
            from desktop_app.domain.texts import Text, counted

            if not args.keep:
                raise UserError(Text("Say which version to keep: --keep ours, --keep theirs or --keep VERSION."))
            found = waiting.waiting(database, args.resolve)
            fields = args.field or [f.field for f in found.fields]
            decided = waiting.choose(database, args.resolve, {field: args.keep for field in fields})
            print_lines([Text("Conflict %1 resolved (%2); your choice travels with your next bundle.", args.resolve,
                              counted(len(decided), "field"))], args.lang)
            return EXIT_OK
        listed = [waiting.waiting(database, c.id) for c in waiting.open_conflicts(database)]
    finally:
        database.close()
    if args.format == "json":
        print(json.dumps([{
            "id": c.conflict.id, "kind": c.conflict.record_kind, "record_id": c.conflict.record_id,
            "label": c.conflict.label, "rules": list(c.rules),
            "fields": [{"field": f.field, "label": f.label, "base": f.base_text, "versions": [
                {"version": v.version, "value": v.value, "text": v.text, "by": v.by, "database": v.database,
                 "at": v.at, "ours": v.ours, "shown": v.shown} for v in f.versions]} for f in c.fields]}
            for c in listed], ensure_ascii=False, indent=1))
        return EXIT_OK
    print_lines(conflict_lines(listed), args.lang)
    return EXIT_OK


def conflict_lines(listed: list[Conflicts]) -> list[str]:
    """The `conflicts` table: each record, the rules a merge broke, each field with its common
    version and every competing version. Made of `Text`s, so `--lang ru` says it in Russian (round
    19: it was English only); the English is the table as before, but "1 record waiting"."""
    from desktop_app.domain.texts import Text, counted

    kinds = {"dialogue": Text("dialogue"), "person": Text("person"), "institution": Text("institution")}
    if not listed:
        return [Text("No conflicts wait.")]
    lines: list[str] = []
    for c in listed:
        kind = c.conflict.record_kind
        lines.append(Text("%1  %2 %3 (%4)", c.conflict.id, kinds.get(kind, kind), c.conflict.label,
                          c.conflict.record_id))
        lines += [Text("    rule broken by a merge: %1", rule) for rule in c.rules]
        for f in c.fields:
            lines.append(Text("    %1  [%2]", f.label, f.field))
            lines.append(Text("        common version: %1", f.base_text))
            for v in f.versions:
                side = Text("ours") if v.ours else Text("theirs")
                lines.append(Text("        %1 %2: %3 — %4, database %5, %6%7", side, v.version, v.text,
                                  v.by or Text("unknown officer"), v.database, v.at or Text("no date"),
                                  Text(" (shown now)") if v.shown else ""))
    lines.append(Text("%1 waiting; resolve with: dialogue-register conflicts --resolve ID --keep "
                      "ours|theirs|VERSION", counted(len(listed), "record")))
    return lines


def cmd_import_list(args: argparse.Namespace) -> int:
    """A registration list into a dialogue, as a local edit with the wizard's rules: rows it cannot
    read are set aside and listed; so are rows that probably name a known person (issue 16: the
    command line cannot ask, so it neither reuses the person nor adds a likely duplicate). Every
    line, the refusals too (`_main`), is in the language of --lang (round 18: they were English under
    `--lang ru`)."""
    from dataclasses import replace

    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.domain.texts import Text, joined
    from desktop_app.services.documents import resolve_dialogue_id
    from desktop_app.services.registration.columns import Field, has_names
    from desktop_app.services.registration.lists import check_opened, open_list
    from desktop_app.services.registration.writing import import_list

    database = _open(args)
    try:
        dialogue = DialogueRepository(database).get(resolve_dialogue_id(database, args.dialogue))
        opened = open_list(Path(args.file))
        # the command cannot choose columns as the wizard does: what the guess lacks is said of the list
        if not has_names(opened.mapping):
            raise UserError(Text("No column of names was recognised in the list's headings (such as “Name”, "
                                 "“ФИО”, or both “First name” and “Surname”); rename the heading, or import the "
                                 "list in the window to choose the column."))
        if Field.COUNTRY not in opened.mapping:
            raise UserError(Text("The list has no country column (such as “Country” or “Страна”); add one, or "
                                 "import the list in the window to choose one delegation for the whole list."))
        check = check_opened(database, opened, dialogue.id)
        lines: list[str] = [Text("set aside: %1", problem) for problem in check.problems]
        undecided = [e for e in check.entries if e.known is None and e.probable and not e.in_dialogue]
        for entry in undecided:
            maybe = joined("; ", [Text("%1 (%2% alike)", person.name, f"{score:.0f}")
                                  for person, score in entry.probable])
            lines.append(Text("set aside: Row %1: “%2” may be %3; import the list in the window to choose.",
                              entry.row_number, entry.name, maybe))
        print_lines(lines, args.lang)
        # people already in the meeting go through too: the list's attendance and position are taken
        # for them, and a list imported twice adds nothing (round 16: they were dropped here)
        usable = replace(check, problems=(), entries=tuple(e for e in check.entries if e not in undecided))
        if not usable.entries:
            raise UserError(Text("No row of the list can be added (the reasons are listed above); nothing was "
                                 "written."))
        # the dry run is the same import rolled back, so it says what the real run will do
        summary = import_list(database, dialogue.id, dialogue.revision, usable, use_probable=False,
                              dry_run=args.dry_run)
    finally:
        database.close()
    lines = [Text("Dry run: nothing was written. Importing the list into “%1” would give:", dialogue.title)
             ] if args.dry_run else []
    lines.append(summary.describe())
    if check.problems or undecided:
        lines.append(Text("Rows set aside: %1 (listed above); correct or decide them, then import the list again.",
                          len(check.problems) + len(undecided)))
    print_lines(lines, args.lang)
    return EXIT_OK


def _print_rows(args: argparse.Namespace, rows: list[dict[str, object]], columns: tuple[str, ...],
                table: tuple[list[str], Callable[[dict[str, object]], list[str]]], empty: str) -> int:
    from desktop_app import cli_output

    if args.format == "json":
        cli_output.write_json(rows)
    elif args.format == "csv":
        cli_output.write_csv(rows, columns)
    else:
        headers, cells = table
        cli_output.write_table((cells(row) for row in rows), headers, cli_output.word(empty, args.lang or "en"))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    """The dialogues the window's list shows for the same search and filters, newest first."""
    from desktop_app import cli_output
    from desktop_app.domain.enums import DialogueStatus
    from desktop_app.services import listing

    request = listing.ListRequest(
        search=args.search, date_from=args.date_from, date_to=args.date_to, series=args.series,
        country=args.country, status=DialogueStatus(args.status) if args.status else None, trash=args.trash)
    database = _open(args)
    try:
        rows = list(listing.list_rows(database, request))
    finally:
        database.close()
    return _print_rows(args, rows, listing.LIST_COLUMNS,
                       cli_output.dialogue_cells(args.lang or "en", listing.party_display), "No dialogues match.")


def cmd_people(args: argparse.Namespace) -> int:
    """The people by name; `dialogues` counts the dialogues each attended."""
    from desktop_app import cli_output
    from desktop_app.services import listing

    database = _open(args)
    try:
        rows = listing.people_rows(database, args.search)
    finally:
        database.close()
    return _print_rows(args, rows, listing.PEOPLE_COLUMNS, cli_output.person_cells(args.lang or "en"),
                       "Nobody matches.")


def cmd_actions(args: argparse.Namespace) -> int:
    """The actions of the dialogues not in the trash, open ones first."""
    from desktop_app import cli_output
    from desktop_app.services import listing

    today = date.today()
    database = _open(args)
    try:
        rows = listing.action_rows(database, args.status, args.owner, today)
    finally:
        database.close()
    return _print_rows(args, rows, listing.ACTION_COLUMNS,
                       cli_output.action_cells(args.lang or "en", today, listing.is_overdue), "No actions match.")


def _work_after_answer(status: int) -> int:
    """A due daily backup, in this process after the answer, before it ends: the officer does not wait
    for it, and it is still taken, once (a `backup` command's own copy in backups/ counts as today's)."""
    while _after_answer:
        done = _after_answer.pop(0).run()
        for warning in done.warnings:
            print(f"dialogue-register: warning: {warning}", file=sys.stderr)
        if done.damage:
            print(f"dialogue-register: {done.damage}", file=sys.stderr)
            status = EXIT_ERROR
    return status


def _refuse_empty_names(args: argparse.Namespace) -> None:
    """An empty FILE, -o or filter (a script's variable left empty) named the current folder, as Path("") does:
    "/home/anna is a folder", "anna cannot be restored" (round 17). Said of what was given, before
    anything is opened. (`gui ""` is the window without a file, as before.)"""
    if args.command == "gui":
        return
    if (output := getattr(args, "output", None)) is not None and not output.strip():
        raise UserError("The file name given to -o is empty; give the name of the file to write.")
    if (file := getattr(args, "file", None)) is not None and not file.strip():
        raise UserError(f"The file name given to {args.command} is empty; give the file to read.")
    # an empty filter names nothing: read as no filter, `report --country "$PARTY"` with PARTY unset wrote
    # the whole programme's report as the party's, and `list --series ""` listed everything (round 17)
    for attribute, option, what in (("series", "--series", "a series"), ("country", "--country", "a party"),
                                    ("owner", "--owner", "a party"), ("party", "--party", "a party")):
        if (value := getattr(args, attribute, None)) is not None and not value.strip():
            raise UserError(f"{option} is empty; give {what}, or leave {option} out.")


def cmd_not_yet(args: argparse.Namespace) -> int:
    raise UserError(f"The {args.command} command is not available in this version yet.")


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": cmd_gui, "demo": cmd_demo, "import": cmd_import, "export": cmd_export, "check": cmd_check,
    "report": cmd_report, "backup": cmd_backup, "restore": cmd_restore, "document": cmd_document,
    "conflicts": cmd_conflicts, "import-list": cmd_import_list, "list": cmd_list, "people": cmd_people,
    "actions": cmd_actions,
}


def _reader_went_away() -> int:
    """The reader of our output closed its end (`dialogue-register list | head`): that is not a bug.

    Like any Unix tool stopped by SIGPIPE, end quietly with 128 + SIGPIPE (141; 1 on Windows), log
    nothing, and point stdout at the null device so Python's last flush at exit cannot complain again.
    """
    import os
    import signal

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (tests, windowed Windows): nothing left to flush there
    sigpipe = getattr(signal, "SIGPIPE", None)
    return 128 + sigpipe if sigpipe is not None else EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        return _reader_went_away()


def _main(argv: Sequence[str] | None) -> int:
    try:
        given = list(sys.argv[1:] if argv is None else argv)
        window = window_only(given)
        args = plain_window_arguments(given)  # the usual start: no parser built (issue 19)
        if args is None:
            parser = _window_parser(given) if window else build_parser()
            args = parser.parse_args(given)  # --help | head: argparse prints, then exits 0
            if args.command == "conflicts" and args.resolve is None and (args.keep or args.field):
                # alone they were ignored and the list printed with exit 0, as if resolved (round 17)
                parser.error("--keep and --field choose within one conflict: give it with --resolve ID "
                             "(the ids are in `dialogue-register conflicts`)")
            if args.command == "document" and args.kind != "note-verbale":
                # ignored, `sign-in-sheet --party KZ` wrote every delegation's sheet as if KZ's (round 17)
                given = [option for option, value in (("--party", args.party), ("--reply-by", args.reply_by))
                         if value is not None]
                if given:
                    them = ("they belong", "leave them out") if len(given) > 1 else ("it belongs", "leave it out")
                    parser.error(f"{' and '.join(given)}: {them[0]} to a note-verbale; a {args.kind} is of the "
                                 f"whole dialogue ({them[1]})")
    except SystemExit:
        sys.stdout.flush()  # a closed pipe shows here, not in Python's flush at exit
        raise
    if window:  # the cyclic collector waits for the first paint (desktop_app/garbage.py)
        from desktop_app import garbage

        garbage.hold()
    from desktop_app.logs import configure, release

    configure(hold=window)  # once per process; the window's file follows its first paint (MainWindow)
    command = COMMANDS[args.command or "gui"]
    _after_answer.clear()
    try:
        try:
            _refuse_empty_names(args)
            status = command(args)
        finally:
            release()  # a window that never painted: what it logged is written all the same
            if window:
                from desktop_app import garbage

                garbage.release()  # and the collector is back (normally since the first paint)
        sys.stdout.flush()  # the answer is out before the work that can wait begins
        return _work_after_answer(status)
    except BrokenPipeError:
        raise
    except UserError as error:
        # in the language of --lang, as the window says it (round 18: English under `--lang ru`); a
        # sentence not yet written as a `Text` stays English
        print(f"dialogue-register: {said([error.message], getattr(args, 'lang', None))[0]}", file=sys.stderr)
        sys.stderr.flush()
        _work_after_answer(EXIT_ERROR)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("dialogue-register: interrupted; nothing more was written.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a bug: log the traceback, tell the user where it is
        from desktop_app.errorlog import apology

        print(f"dialogue-register: {apology(error)}", file=sys.stderr)
        return EXIT_ERROR
