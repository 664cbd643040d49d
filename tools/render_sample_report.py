"""Write docs/sample-report.* (English) and docs/sample-report-ru.* (Russian): the demo records,
2021-2024, with the programme's details filled in as an officer would (name, disclaimer).

Run `make .venv/.installed` first, then `.venv/bin/python tools/render_sample_report.py`; look at the
PDFs page by page (`pdftoppm -r 60 -png docs/sample-report.pdf /tmp/page`) before committing them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.db.opening import open_database  # noqa: E402
from desktop_app.db.repositories.programme import ProgrammeRepository  # noqa: E402
from desktop_app.domain.programme import ProgrammeDetails  # noqa: E402
from desktop_app.services.report import ReportSelection, build_report, write_report  # noqa: E402
from desktop_app.services.samples import load_samples  # noqa: E402

PROGRAMME = ProgrammeDetails(
    name="Central Asia Drug Action Programme (CADAP 7)",
    disclaimer="This report was produced with the financial support of the European Union. Its contents are "
               "the sole responsibility of the programme.")


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    database = open_database(folder / "sample.sqlite3")
    try:
        load_samples(database)
        ProgrammeRepository(database).save(PROGRAMME)
        selection = ReportSelection(date_from=date(2021, 1, 1), date_to=date(2024, 12, 31), include_drafts=True)
        for language, stem in (("en", "sample-report"), ("ru", "sample-report-ru")):
            report = build_report(database, selection, language, today=date(2025, 1, 15))
            for kind in ("pdf", "docx", "xlsx", "html"):
                print(write_report(report, ROOT / "docs" / f"{stem}.{kind}"))
    finally:
        database.close()


if __name__ == "__main__":
    main()
