"""Hand-written mutants of the rules written in SQL (issue 13).

mutmut changes Python operators and constants; in the list filters, the search-index queries and
the report's queries the rule is the SQL those expressions build, and a tool only breaks its syntax
(a test that the query runs at all kills it). Each mutant here is a meaningful wrong rule instead —
the trash condition dropped, `>=` turned into `>` on a date, DISTINCT dropped, an outer join turned
into an inner one, the country looked up in the wrong column — applied to a copy of the source tree
(never the working files), then the tests that hold that rule are run against the copy. A mutant
the tests notice is "killed"; one they do not is a rule no test holds.

Run: `.venv/bin/python tools/sql_mutants.py` (part of `make mutation`); `-k WORD` runs only the
mutants whose name contains WORD. It prints one line per mutant and the score; exit status 1 if any
mutant survived or a mutation no longer applies (the source changed: update the list).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPO = "desktop_app/db/repositories/dialogues.py"
INDEX = "desktop_app/db/search_index.py"
QUERIES = "desktop_app/services/report/queries.py"
BUILD = "desktop_app/services/report/build.py"

FILTER_TESTS = ("tests/db/test_sql_rules.py", "tests/db/test_country_filter.py",
                "tests/db/test_dialogue_repository.py")
SEARCH_TESTS = ("tests/db/test_sql_rules.py", "tests/db/test_search_rule.py", "tests/db/test_search_index.py")
REPORT_TESTS = ("tests/db/test_sql_rules.py", "tests/services/test_report.py",
                "tests/services/test_report_empty_delegation.py")


@dataclass(frozen=True)
class Mutant:
    """One wrong rule: `old` (found exactly once in `path`) replaced by `new`."""

    name: str
    what: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


MUTANTS = [
    Mutant("trash-dropped", "the list shows dialogues in the trash (`deleted_at IS NULL` dropped)", REPO,
           "d.deleted_at.is_not(None) if selection.deleted else d.deleted_at.is_(None)]",
           "d.deleted_at.is_not(None) if selection.deleted else d.id.is_not(None)]", FILTER_TESTS),
    Mutant("trash-flipped-in-matches", "a search read from its matches shows the trash instead of the list",
           REPO, 'trash = "IS NOT NULL" if selection.deleted else "IS NULL"',
           'trash = "IS NULL" if selection.deleted else "IS NOT NULL"', SEARCH_TESTS),
    Mutant("from-date-exclusive", "`start_date >= from` turned into `>`", REPO,
           "d.start_date >= selection.date_from", "d.start_date > selection.date_from", FILTER_TESTS),
    Mutant("to-date-exclusive", "`start_date <= to` turned into `<`", REPO,
           "d.start_date <= selection.date_to", "d.start_date < selection.date_to", FILTER_TESTS),
    Mutant("to-date-on-end", "the `to` date compared with the end date instead of the start date", REPO,
           "d.start_date <= selection.date_to", "d.end_date <= selection.date_to", FILTER_TESTS),
    Mutant("status-negated", "`status = final` turned into `!=`", REPO,
           "d.status == selection.status.value", "d.status != selection.status.value", FILTER_TESTS),
    Mutant("series-prefix", "the series filter matches series that begin with the name", REPO,
           "d.series == selection.series", "d.series.startswith(selection.series)", FILTER_TESTS),
    Mutant("country-wrong-column", "the country filter looks at the chair's country, not the host's", REPO,
           "d_host = select(d.id).where(d.country == selection.country)",
           "d_host = select(d.id).where(d.chair_country == selection.country)", FILTER_TESTS),
    Mutant("country-host-only", "the country filter forgets the delegations of that country", REPO,
           "conditions.append(d.id.in_(union_all(d_host, sent)))",
           "conditions.append(d.id.in_(union_all(d_host, d_host)))", FILTER_TESTS),
    Mutant("dense-country-host-only", "the dense country filter forgets the delegations", REPO,
           "conditions.append(or_(d.country == selection.country, _sends_to(selection.country)))",
           "conditions.append(d.country == selection.country)", FILTER_TESTS),
    Mutant("sends-to-uncorrelated", "`has a delegation of` no longer tied to the dialogue", REPO,
           "g.party_country == country, g.dialogue_id == m.DialogueRow.id))",
           "g.party_country == country))", FILTER_TESTS),
    Mutant("country-count-not-distinct", "the country count counts delegations, not DISTINCT dialogues", REPO,
           "select(func.count(g.dialogue_id.distinct())).where(g.party_country == country)",
           "select(func.count(g.dialogue_id)).where(g.party_country == country)", FILTER_TESTS),
    Mutant("country-count-hosts-twice", "the country count adds hosts that also sent a delegation", REPO,
           "d.country == country, ~_sends_to(country))) or 0",
           "d.country == country)) or 0", FILTER_TESTS),
    Mutant("country-count-trash-hosts-only", "the country count leaves in trashed dialogues it only sent to",
           REPO, "d.deleted_at.is_not(None), or_(d.country == country, _sends_to(country)))) or 0",
           "d.deleted_at.is_not(None), d.country == country)) or 0", FILTER_TESTS),
    Mutant("search-count-keeps-trash", "a search's count includes its matches in the trash", REPO,
           "    return everywhere - trashed", "    return everywhere", SEARCH_TESTS),
    Mutant("search-words-or", "a search of several long words finds any of them, not all (AND -> OR)", INDEX,
           'return " AND ".join(_quoted(word) for word in words if len(word) >= TRIGRAM) or None',
           'return " OR ".join(_quoted(word) for word in words if len(word) >= TRIGRAM) or None', SEARCH_TESTS),
    Mutant("search-short-whole-word", "a short word must be a whole word, not a word's beginning", INDEX,
           'return " AND ".join(_quoted(word) + "*" for word in words if len(word) < TRIGRAM) or None',
           'return " AND ".join(_quoted(word) for word in words if len(word) < TRIGRAM) or None', SEARCH_TESTS),
    Mutant("search-three-letters-lost", "a word of exactly three letters goes to neither index (`>=` -> `>`)",
           INDEX, 'return " AND ".join(_quoted(word) for word in words if len(word) >= TRIGRAM) or None',
           'return " AND ".join(_quoted(word) for word in words if len(word) > TRIGRAM) or None', SEARCH_TESTS),
    Mutant("near-candidates-and", "the person completion's near candidates need every word (OR -> AND)", INDEX,
           'query = " OR ".join(_quoted(word) for word in words if len(word) >= TRIGRAM)',
           'query = " AND ".join(_quoted(word) for word in words if len(word) >= TRIGRAM)',
           ("tests/db/test_sql_rules.py",)),
    Mutant("report-drafts-counted", "the report counts draft dialogues by default (`status = final` dropped)",
           BUILD, "status=None if drafts else DialogueStatus.FINAL)", "status=None)", REPORT_TESTS),
    Mutant("report-institution-inner-join", "participants without an institution left out (outer join -> join)",
           QUERIES, ".outerjoin(INST, P.institution_id == INST.id)", ".join(INST, P.institution_id == INST.id)",
           REPORT_TESTS),
    Mutant("report-delegations-unselected", "the report reads the delegations of every dialogue", QUERIES,
           "G.programme_supported)\n        .where(G.dialogue_id.in_(selected(conditions)))",
           "G.programme_supported)\n        .where(G.dialogue_id.is_not(None))", REPORT_TESTS),
    # Reading every dialogue's actions (`IN selected` dropped) is an equivalent mutant: the report
    # keeps only the kept dialogues' actions in Python (build.py), so only its speed changes.
    Mutant("report-dialogues-by-title", "the report lists its dialogues by title, not by start date", QUERIES,
           ".where(*conditions).order_by(D.start_date, D.title, D.id)))",
           ".where(*conditions).order_by(D.title, D.start_date, D.id)))", REPORT_TESTS),
    Mutant("report-parties-of-trash", "the Report dialog's party list includes parties of trashed dialogues",
           BUILD, ".join(D, G.dialogue_id == D.id).where(D.deleted_at.is_(None))).all()",
           ".join(D, G.dialogue_id == D.id)).all()", REPORT_TESTS),
]

_IGNORED = shutil.ignore_patterns(".venv", ".git", "mutants", "__pycache__", ".pytest_cache", ".ruff_cache",
                                  ".mypy_cache", "build", "dist", "*.pyc")


def _pytest(copy: Path, tests: tuple[str, ...]) -> bool:
    """Whether the tests pass in the copy (`python -m pytest` puts the copy first on the path)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
                          cwd=copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return done.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", default="", help="only the mutants whose name contains this")
    chosen = [mutant for mutant in MUTANTS if parser.parse_args().k in mutant.name]
    with tempfile.TemporaryDirectory(prefix="sql-mutants-") as folder:
        copy = Path(folder) / "tree"
        shutil.copytree(ROOT, copy, ignore=_IGNORED)
        every_test = tuple(sorted({test for mutant in chosen for test in mutant.tests}))
        if not _pytest(copy, every_test):
            print("the tests fail without any mutant: fix them first", file=sys.stderr)
            return 2
        killed, survived, stale = [], [], []
        for mutant in chosen:
            target = copy / mutant.path
            source = target.read_text(encoding="utf-8")
            if source.count(mutant.old) != 1:
                stale.append(mutant)
                print(f"STALE     {mutant.name}: the text to mutate is not found exactly once in {mutant.path}")
                continue
            target.write_text(source.replace(mutant.old, mutant.new), encoding="utf-8")
            started = time.monotonic()
            try:
                passed = _pytest(copy, mutant.tests)
            finally:
                target.write_text(source, encoding="utf-8")
            (survived if passed else killed).append(mutant)
            print(f"{'SURVIVED' if passed else 'killed  '}  {mutant.name:32} {time.monotonic() - started:5.0f} s"
                  f"  {mutant.what}", flush=True)
    total = len(killed) + len(survived)
    score = 100 * len(killed) / total if total else 0.0
    print(f"SQL mutants: {total}, killed {len(killed)}, survived {len(survived)}, stale {len(stale)}: "
          f"{score:.0f} % killed")
    return 1 if survived or stale else 0


if __name__ == "__main__":
    sys.exit(main())
