"""The summary report: same numbers in all four formats, equal to counts computed from the records."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.enums import DialogueStatus
from desktop_app.services.report import ReportSelection, build_report, write_report
from desktop_app.services.report.model import (
    ACTION_COLUMNS,
    DIALOGUE_COLUMNS,
    PARTICIPATION_COLUMNS,
    SUMMARY_METRICS,
    TOPIC_COLUMNS,
)
from tests.services.readers import (
    COUNT_METRICS,
    docx_summary,
    docx_text,
    html_summary,
    html_tables,
    pdf_summary,
    pdf_text,
    xlsx_summary,
)
from tests.services.report_world import World, build_world

# PDF, Word and the charts draw with Qt, which needs an application object; pytest-qt's QApplication
# is taken first so that the service's own fallback (a bare QGuiApplication) never blocks widget tests.
pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def world(database: Database) -> World:
    return build_world(database)


def _counts(summary: dict) -> dict[str, int]:
    return {metric: summary[metric] for metric in COUNT_METRICS}


def test_every_format_shows_the_counts_computed_from_the_records(database: Database, world: World,
                                                                 tmp_path: Path) -> None:
    report = build_report(database)
    expected = world.expected()
    assert expected["Sex not recorded"] > 0 and expected["Organisations represented"] > 0  # the world is mixed
    paths = {kind: write_report(report, tmp_path / f"report.{kind}") for kind in ("xlsx", "docx", "pdf", "html")}
    assert _counts(xlsx_summary(paths["xlsx"])) == expected
    assert docx_summary(paths["docx"]) == expected
    assert pdf_summary(paths["pdf"]) == expected
    assert html_summary(paths["html"]) == expected


@pytest.mark.parametrize(("selection", "keep"), [
    (ReportSelection(final_only=True), lambda d: d.status is DialogueStatus.FINAL),
    (ReportSelection(series="Alpha"), lambda d: d.series == "Alpha"),
    (ReportSelection(country="UZ"),
     lambda d: d.country == "UZ" or any(g.party.code == "UZ" for g in d.delegations)),
    (ReportSelection(date_from=date(2023, 6, 10), date_to=date(2024, 1, 5)),
     lambda d: date(2023, 6, 10) <= d.start_date <= date(2024, 1, 5)),
])
def test_filters_select_the_same_dialogues_as_counting_by_hand(database: Database, world: World, tmp_path: Path,
                                                               selection: ReportSelection, keep) -> None:  # type: ignore[no-untyped-def]
    report = build_report(database, selection)
    path = write_report(report, tmp_path / "filtered.xlsx")
    assert _counts(xlsx_summary(path)) == world.expected(keep)
    titles = [row[2] for row in load_workbook(path)["Dialogues"].iter_rows(min_row=2, values_only=True)]
    assert titles == [d.title for d in world.selected(keep)]


def test_xlsx_has_the_contract_sheets_columns_and_real_types(database: Database, world: World,
                                                              tmp_path: Path) -> None:
    path = write_report(build_report(database), tmp_path / "report.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Summary", "Dialogues", "Participation", "Topics", "Actions"]
    headers = {name: [c.value for c in book[name][1]] for name in book.sheetnames}
    assert headers == {"Summary": ["Metric", "Value"], "Dialogues": list(DIALOGUE_COLUMNS),
                       "Participation": list(PARTICIPATION_COLUMNS), "Topics": list(TOPIC_COLUMNS),
                       "Actions": list(ACTION_COLUMNS)}
    summary = book["Summary"]
    assert [row[0].value for row in summary.iter_rows(min_row=2, max_row=14)] == list(SUMMARY_METRICS)
    assert isinstance(summary["B2"].value, datetime) and summary["B2"].value.date() == date(2023, 3, 1)
    assert summary["B4"].data_type == "n"
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
    dialogues = book["Dialogues"]
    for row in dialogues.iter_rows(min_row=2):
        assert isinstance(row[0].value, datetime)
        assert isinstance(row[9].value, int)
    statuses = {row[2]: row[12] for row in dialogues.iter_rows(min_row=2, values_only=True)}
    assert statuses["+Встреча экспертов"] == "Draft" and statuses["=SUM(A1:A9)"] == "Final"
    assert "Trashed meeting" not in statuses


def test_xlsx_text_that_looks_like_a_formula_stays_text(database: Database, world: World, tmp_path: Path) -> None:
    path = write_report(build_report(database), tmp_path / "report.xlsx")
    book = load_workbook(path)
    risky = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value[:1] in "=+-@"]
    assert {c.value for c in risky} >= {"=SUM(A1:A9)", "+Встреча экспертов", "-Bilateral on prevention",
                                        "@Online review", "-Prepare the study visit", "@EUDA"}
    for cell in risky:
        assert cell.data_type == "s", cell.coordinate
        assert cell.quotePrefix, cell.coordinate
    formulas = [cell.coordinate for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
                if cell.data_type == "f"]
    assert formulas == []


def test_participation_topics_and_actions_follow_the_contract_order(database: Database, world: World) -> None:
    report = build_report(database)
    participants = [line.participants for line in report.participation]
    assert participants == sorted(participants, reverse=True)
    by_party = {line.party: line for line in report.participation}
    assert by_party["Kazakhstan"].participants == 4 and by_party["Kazakhstan"].dialogues == 2
    assert by_party["Europol"].side == "EU" and by_party["Europol"].sex_not_recorded == 1
    assert by_party["UNODC"].participants == 0 and by_party["UNODC"].delegations == 1
    assert sum(line.participants for line in report.participation) == report.summary.participants
    assert (report.topics[0].topic, report.topics[0].dialogues) == ("treatment", 3)
    assert [a.status for a in report.actions] == ["Open", "Open", "Done"]


def test_pdf_docx_and_html_mark_drafts_and_carry_cyrillic_and_narratives(database: Database, world: World,
                                                                         tmp_path: Path) -> None:
    report = build_report(database, language="ru")
    pdf = pdf_text(write_report(report, tmp_path / "r.pdf"))
    docx = docx_text(write_report(report, tmp_path / "r.docx"))
    html = re.sub(r"<[^>]+>", "", write_report(report, tmp_path / "r.html").read_text(encoding="utf-8"))
    for text in (pdf, docx, html):
        assert "Дана Ахметова" in text and "Алматы" in text
        assert re.search(r"Встреча экспертов\s*\(\s*draft\s*\)", text)  # italics may space the PDF text
        assert "1 March 2023" in text  # the narrative, English
        assert "1 марта 2023 года" in text  # and Russian, month in the genitive
    assert "page 1 of" in pdf


def test_docx_has_page_numbers_and_repeating_table_headers(database: Database, world: World, tmp_path: Path) -> None:
    from docx import Document

    document = Document(str(write_report(build_report(database), tmp_path / "r.docx")))
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "fldChar" in footer_xml
    assert all("tblHeader" in table.rows[0]._tr.xml for table in document.tables)


def test_an_empty_selection_gives_a_valid_report_in_every_format(database: Database, world: World,
                                                                tmp_path: Path) -> None:
    report = build_report(database, ReportSelection(series="No such series"))
    assert report.empty
    book = load_workbook(write_report(report, tmp_path / "e.xlsx"))
    assert book.sheetnames == ["Summary", "Dialogues", "Participation", "Topics", "Actions"]
    assert _counts(xlsx_summary(tmp_path / "e.xlsx")) == dict.fromkeys(COUNT_METRICS, 0)
    assert "No dialogues match" in pdf_text(write_report(report, tmp_path / "e.pdf"))
    assert "No dialogues match" in docx_text(write_report(report, tmp_path / "e.docx"))
    html = write_report(report, tmp_path / "e.html")
    assert "No dialogues match" in html.read_text(encoding="utf-8")
    assert html_tables(html)[1][0] == ["Metric", "Value"]


def test_html_is_one_self_contained_file_with_inline_charts(database: Database, world: World,
                                                           tmp_path: Path) -> None:
    html = write_report(build_report(database), tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 3
    assert "src=\"http" not in html and "<link" not in html


def test_the_narrative_reads_like_a_news_item(database: Database, world: World) -> None:
    report = build_report(database, language="ru")
    first = report.sections[0]
    assert first.narrative.startswith("On 1 March 2023 in Astana, Kazakhstan, the =SUM(A1:A9) was held "
                                      "under the chairmanship of Spain.")
    assert "3 delegations and 4 participants" in first.narrative
    assert first.narrative_ru is not None and first.narrative_ru.startswith("1 марта 2023 года в г. Astana (Казахстан)")
    assert "3 делегации (4 участника)" in first.narrative_ru
    assert "1 государства — члена ЕС (Германия) и 1 организации (Европол)" in first.narrative_ru
    assert "1 EU Member State (Germany) and 1 organisation (Europol)" in first.narrative
    assert build_report(database).sections[0].narrative_ru is None


@pytest.mark.parametrize(("count", "word"), [(1, "делегация"), (2, "делегации"), (5, "делегаций"),
                                             (11, "делегаций"), (21, "делегация"), (23, "делегации"),
                                             (112, "делегаций")])
def test_russian_numbers_agree_with_their_noun(count: int, word: str) -> None:
    from desktop_app.services.report.labels import plural_ru

    assert plural_ru(count, "делегация", "делегации", "делегаций") == word


def test_markup_in_records_is_shown_as_text_not_obeyed(database: Database, tmp_path: Path) -> None:
    from xml.etree import ElementTree

    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.services.report.charts import chart_svg
    from tests.factories import make_dialogue

    DialogueRepository(database).save(make_dialogue("<script>alert(1)</script> & <b>partners</b>",
                                                    topics=("<i>harm</i> reduction",)))
    report = build_report(database)
    html = write_report(report, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in html
    for chart in report.charts:
        ElementTree.fromstring(chart_svg(chart))  # well-formed, whatever the names
    assert "<script>alert(1)</script> & <b>partners</b>" in docx_text(write_report(report, tmp_path / "r.docx"))
