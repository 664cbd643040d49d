"""Issue 19: the window's usual start (`dialogue-register --db FILE`, global options only) reads its
arguments with the parser without the commands; whatever it is given, the result is the whole
parser's, and anything but global options still goes to the whole parser."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.cli import _window_parser, build_parser, plain_window_arguments, window_only

VALUES = st.sampled_from(["a.sqlite3", "/tmp/x y.db", "ru", "en", "Aigul", "гульнара", "=", "", "-x", "--db",
                          "xx", "ru=x"])
OPTION = st.sampled_from(["--db", "--lang", "--officer"])
TOKENS = st.lists(st.one_of(OPTION, VALUES, OPTION.flatmap(lambda o: VALUES.map(lambda v: f"{o}={v}")),
                            st.sampled_from(["gui", "list", "--help", "--version", "-h", "check"])), max_size=6)


def _parsed(parser: argparse.ArgumentParser, argv: list[str]) -> object:
    said = io.StringIO()
    try:
        with contextlib.redirect_stderr(said):
            return vars(parser.parse_args(argv))
    except SystemExit as stop:
        return ("exit", stop.code, said.getvalue())


@given(argv=TOKENS)
def test_the_window_only_parse_is_the_whole_parsers(argv: list[str]) -> None:
    if window_only(argv):
        assert _parsed(_window_parser(argv), argv) == _parsed(build_parser(), argv)


@pytest.mark.parametrize("argv", [[], ["--db", "a.sqlite3"], ["--db=a.sqlite3", "--lang", "ru"], ["--officer", "A"]])
def test_global_options_alone_are_the_window(argv: list[str]) -> None:
    assert window_only(argv)
    assert vars(build_parser(commands=False).parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [["gui"], ["--db", "a", "list"], ["--help"], ["--version"], ["--db"],
                                  ["--db", "-x"], ["--lang", "ru", "check"], ["--dbx", "a"]])
def test_anything_else_goes_to_the_whole_parser(argv: list[str]) -> None:
    assert not window_only(argv)


@given(argv=TOKENS)
def test_the_plain_reading_is_the_window_parsers(argv: list[str]) -> None:
    # the usual start reads its arguments without a parser (round 6): the same answer, or the parser's words
    plain = plain_window_arguments(argv)
    if plain is not None:
        assert vars(plain) == _parsed(_window_parser(argv), argv)
    elif window_only(argv):
        parsed = _parsed(_window_parser(argv), argv)
        assert isinstance(parsed, tuple) and parsed[0] == "exit"


@pytest.mark.parametrize("argv", [["--lang", "xx"], ["--lang=de", "--db", "a"], ["gui"], ["--help"]])
def test_what_the_plain_reading_leaves_to_the_parser(argv: list[str]) -> None:
    assert plain_window_arguments(argv) is None
