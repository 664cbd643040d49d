"""The summary report (contract §3 v2): the same figures in all four formats and both languages, equal
to figures computed by hand from the records (tests/services/report_world.py)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.services.report import ReportSelection, build_report, write_report
from desktop_app.services.report.labels import t
from desktop_app.services.report.model import (
    ACTION_COLUMNS,
    DIALOGUE_COLUMNS,
    PARTICIPANT_COLUMNS,
    PARTICIPATION_COLUMNS,
    SUMMARY_METRICS,
    TOPIC_COLUMNS,
    YEAR_COLUMNS,
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
from tests.services.report_world import EUDA, TODAY, World, build_world

# PDF, Word and the charts draw with Qt, which needs an application object; pytest-qt's QApplication
# is taken first so that the service's own fallback (a bare QGuiApplication) never blocks widget tests.
pytestmark = pytest.mark.usefixtures("qapp")
SHEETS_EN = ["Summary", "Dialogues", "Years", "Participation", "Participants", "Topics", "Actions"]
SHEETS_RU = ["Сводка", "Диалоги", "По годам", "Участие", "Участники", "Темы", "Действия"]


@pytest.fixture
def world(database: Database) -> World:
    return build_world(database)


def _build(database: Database, selection: ReportSelection | None = None, language: str = "en"):  # type: ignore[no-untyped-def]
    return build_report(database, selection or ReportSelection(), language, today=TODAY)


def _counts(summary: dict) -> dict[str, int]:
    return {metric: summary[metric] for metric in COUNT_METRICS}


@pytest.mark.parametrize(("language", "drafts"), [("en", False), ("ru", True)])
def test_every_format_in_both_languages_shows_the_figures_counted_by_hand(
        database: Database, world: World, tmp_path: Path, language: str, drafts: bool) -> None:
    report = _build(database, ReportSelection(include_drafts=drafts), language)
    expected = world.expected(drafts=drafts)
    # the world is hard to count: every rule of the contract changes some figure
    assert expected["Sex not recorded"] and expected["Unique people"] < expected["Participants"]
    assert expected["Invited"] and expected["Actions overdue"] and expected["Countries represented"] == 16
    assert expected["Drafts included"] == (1 if drafts else 0)
    paths = {kind: write_report(report, tmp_path / f"report.{kind}") for kind in ("xlsx", "docx", "pdf", "html")}
    assert _counts(xlsx_summary(paths["xlsx"])) == expected
    assert docx_summary(paths["docx"]) == expected
    assert pdf_summary(paths["pdf"], language) == expected
    assert html_summary(paths["html"], language) == expected


def test_the_figures_follow_the_rules_of_contract_version_2(database: Database, world: World) -> None:
    """The rules the hand count encodes, said once with their numbers, so a wrong counter shows too."""
    summary = _build(database).summary
    assert summary["Dialogues"] == 4  # the draft and the dialogue in the trash are out
    assert summary["Organisations represented"] == 2  # Europol; EMCDDA and EUDA are one party
    assert summary["Invited"] == 3  # invited + confirmed, never counted as participants
    assert summary["Actions open"] == 4 and summary["Actions done"] == 1  # the carried one is neither
    assert summary["Actions overdue"] == 2  # open, due before the report's date


@pytest.mark.parametrize(("selection", "keep", "drafts", "party"), [
    (ReportSelection(include_drafts=True), lambda d: True, True, None),
    (ReportSelection(final_only=True, include_drafts=True), lambda d: True, False, None),
    (ReportSelection(series="alpha"), lambda d: d.series == "Alpha", False, None),  # case does not matter
    (ReportSelection(country="kz"), lambda d: True, False, "KZ"),
    (ReportSelection(country="Kazakhstan", include_drafts=True), lambda d: True, True, "KZ"),
    (ReportSelection(country="EMCDDA"), lambda d: True, False, EUDA),  # the predecessor names the successor
    (ReportSelection(country="Агентство Европейского союза по наркотикам"), lambda d: True, False, EUDA),
    (ReportSelection(date_from=date(2022, 1, 1), date_to=date(2023, 12, 31)),
     lambda d: date(2022, 1, 1) <= d.start_date <= date(2023, 12, 31), False, None),
])
def test_selections_give_the_figures_counted_by_hand(database: Database, world: World, tmp_path: Path,
                                                     selection: ReportSelection, keep, drafts, party) -> None:  # type: ignore[no-untyped-def]
    path = write_report(_build(database, selection, "en"), tmp_path / "filtered.xlsx")
    assert _counts(xlsx_summary(path)) == world.expected(keep, drafts, party)
    titles = [row[2] for row in load_workbook(path)["Dialogues"].iter_rows(min_row=2, values_only=True)]
    assert titles == [d.title for d in world.selected(keep, drafts, party)]


def test_country_is_that_partys_own_participation(database: Database, world: World, tmp_path: Path) -> None:
    report = _build(database, ReportSelection(country="TJ"))
    assert [row[0] for row in report.participation] == ["Tajikistan"]
    lines = {line.title: line for line in report.dialogues}
    assert lines["Bilateral on prevention"].participants == 2  # its own people, not the EUDA's
    assert lines["Bilateral on prevention"].delegations == 1


def test_years_and_participation_sheets_equal_the_hand_count(database: Database, world: World,
                                                             tmp_path: Path) -> None:
    book = load_workbook(write_report(_build(database), tmp_path / "r.xlsx"))
    years = [tuple(row) for row in book["Years"].iter_rows(min_row=2, values_only=True)]
    assert years == world.years()
    assert [row[0] for row in years] == [2021, 2022, 2023, 2024]  # the New Year meeting counts in its start year
    parties = {row[0]: row[4] for row in book["Participation"].iter_rows(min_row=2, values_only=True)}
    assert parties == world.party_participants()
    assert "European Monitoring Centre for Drugs and Drug Addiction" not in parties
    participants = [row[4] for row in book["Participation"].iter_rows(min_row=2, values_only=True)]
    assert participants == sorted(participants, reverse=True)


@pytest.mark.parametrize(("language", "sheets"), [("en", SHEETS_EN), ("ru", SHEETS_RU)])
def test_xlsx_has_the_contract_sheets_columns_and_real_types(database: Database, world: World, tmp_path: Path,
                                                              language: str, sheets: list[str]) -> None:
    path = write_report(_build(database, ReportSelection(include_drafts=True), language), tmp_path / "report.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == sheets
    columns = (("Metric", "Value"), DIALOGUE_COLUMNS, YEAR_COLUMNS, PARTICIPATION_COLUMNS, PARTICIPANT_COLUMNS,
               TOPIC_COLUMNS, ACTION_COLUMNS)
    for sheet, header in zip(book.worksheets, columns, strict=True):
        assert [c.value for c in sheet[1]] == [t(name, language) for name in header]
        assert sheet.freeze_panes == "A2" and all(cell.font.bold for cell in sheet[1])
    summary = book.worksheets[0]
    assert [row[0].value for row in summary.iter_rows(min_row=2)] == [t(m, language) for m in SUMMARY_METRICS]
    assert isinstance(summary["B2"].value, datetime) and summary["B2"].value.date() == date(2021, 12, 7)
    assert all(summary.cell(row=i, column=2).data_type == "n" for i in range(4, len(SUMMARY_METRICS) + 2))
    assert summary.max_column == 2  # the shares are for the text formats only
    dialogues = book.worksheets[1]
    for row in dialogues.iter_rows(min_row=2):
        assert isinstance(row[0].value, datetime) and isinstance(row[9].value, int)
        assert row[0].number_format == ("dd.mm.yyyy" if language == "ru" else "yyyy-mm-dd")
    statuses = {row[2]: row[12] for row in dialogues.iter_rows(min_row=2, values_only=True)}
    assert statuses["+Встреча экспертов"] == t("Draft", language) and statuses["=SUM(A1:A9)"] == t("Final", language)
    assert "Trashed meeting" not in statuses
    participants = list(book.worksheets[4].iter_rows(min_row=2, values_only=True))
    assert {row[9] for row in participants} == {t(s, language) for s in
                                                ("Attended", "Invited", "Confirmed", "Absent", "Cancelled")}
    assert any(t("(draft)", language) in row[1] for row in participants)  # drafts marked in every table
    starts = [row[0] for row in participants]
    assert starts == sorted(starts)


def test_xlsx_text_that_looks_like_a_formula_stays_text(database: Database, world: World, tmp_path: Path) -> None:
    path = write_report(_build(database, ReportSelection(include_drafts=True)), tmp_path / "report.xlsx")
    book = load_workbook(path)
    risky = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value[:1] in "=+-@"]
    assert {c.value for c in risky} >= {"=SUM(A1:A9)", "+Встреча экспертов", "-Prepare the study visit", "@EUDA"}
    for cell in risky:
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    assert [cell.coordinate for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
            if cell.data_type == "f"] == []


def test_no_names_leaves_every_persons_name_out(database: Database, world: World, tmp_path: Path) -> None:
    report = _build(database, ReportSelection(names=False, include_drafts=True))
    book = load_workbook(write_report(report, tmp_path / "r.xlsx"))
    assert "Participants" not in book.sheetnames
    texts = {
        "xlsx": " ".join(str(c) for s in book.worksheets for row in s.iter_rows(values_only=True) for c in row),
        "pdf": pdf_text(write_report(report, tmp_path / "r.pdf")),
        "docx": docx_text(write_report(report, tmp_path / "r.docx")),
        "html": write_report(report, tmp_path / "r.html").read_text(encoding="utf-8"),
    }
    for kind, text in texts.items():
        for person in world.people.values():
            assert person.name not in text, (kind, person.name)
    assert _counts(xlsx_summary(tmp_path / "r.xlsx")) == world.expected(drafts=True)


def test_unknown_series_or_party_is_an_error_naming_the_known_ones(database: Database, world: World) -> None:
    with pytest.raises(UserError) as error:
        _build(database, ReportSelection(series="Gamma"))
    assert "“Gamma”" in error.value.message and "“Alpha”" in error.value.message and "“Beta”" in error.value.message
    with pytest.raises(UserError) as error:
        _build(database, ReportSelection(country="Atlantis"))
    assert "Atlantis" in error.value.message and "KZ (Kazakhstan)" in error.value.message
    assert EUDA in error.value.message and "Monitoring Centre" not in error.value.message


def test_charts_show_every_party_or_an_explicit_other(database: Database, world: World) -> None:
    report = _build(database)
    by_year, by_party = report.charts
    assert [label for label, _ in by_year.bars] == ["2021", "2022", "2023", "2024"]
    assert [sum(values) for _, values in by_year.bars] == [row[3] for row in world.years()]
    parties = world.party_participants()
    assert len(parties) > 15
    assert len(by_party.bars) == 15 and by_party.bars[-1][0] == f"Other ({len(parties) - 14})"
    assert sum(values[0] for _, values in by_party.bars) == sum(parties.values())


def test_the_narrative_reads_like_a_news_item_in_the_reports_language(database: Database, world: World) -> None:
    sections = {s.line.title: s for s in _build(database, ReportSelection(include_drafts=True)).sections}
    fifth = sections["The Fifth Expert Meeting on Drug Demand Reduction"].narrative
    # chaired in 2021 by the EMCDDA, named as it was then: the EUDA's name came on 2 July 2024 (round 18)
    assert fifth.startswith("On 7 December 2021, The Fifth Expert Meeting on Drug Demand Reduction was held online "
                            "under the chairmanship of the European Monitoring Centre for Drugs and Drug Addiction.")
    assert "the The" not in fifth
    draft = sections["+Встреча экспертов"].narrative
    assert draft.startswith("According to a draft record, not yet final, on 10 June 2023 in Almaty, Kazakhstan,")
    new_year = sections["EU-Central Asia Drug Dialogue 2023"].narrative
    assert new_year.startswith("From 30 December 2023 to 2 January 2024 in Tashkent, Uzbekistan,")
    russian = {s.line.title: s.narrative for s in _build(database, ReportSelection(include_drafts=True), "ru").sections}
    assert russian["EU-Central Asia Drug Dialogue 2023"].startswith(
        "С 30 декабря 2023 г. по 2 января 2024 г. в г. Ташкент (Узбекистан) состоялось мероприятие")
    assert russian["=SUM(A1:A9)"].startswith("1 марта 2022 г. в г. Астана (Казахстан)")
    assert "17 делегаций (5 участников)" in russian["EU-Central Asia Drug Dialogue 2023"]
    assert russian["+Встреча экспертов"].startswith("По черновой, ещё не утверждённой записи, 10 июня 2023 г.")


@pytest.mark.parametrize(("count", "word"), [(1, "делегация"), (2, "делегации"), (5, "делегаций"),
                                             (11, "делегаций"), (21, "делегация"), (23, "делегации"),
                                             (112, "делегаций")])
def test_russian_numbers_agree_with_their_noun(count: int, word: str) -> None:
    from desktop_app.services.report.labels import plural_ru

    assert plural_ru(count, "делегация", "делегации", "делегаций") == word


def test_russian_numbers_dates_and_shares_are_written_the_russian_way() -> None:
    from desktop_app.services.report.labels import number_text, period_words, share_text, table_date, text_date

    assert number_text(12345, "ru") == "12\u00a0345" and number_text(12345, "en") == "12,345"
    assert share_text(1, 3, "ru") == "33,3\u00a0%" and share_text(1, 3, "en") == "33.3%"
    assert table_date(date(2023, 12, 13), "ru") == "13.12.2023" and text_date(date(2023, 12, 13), "ru") == \
        "13 декабря 2023 г."
    assert period_words(date(2021, 1, 1), date(2024, 12, 31), "en") == "1 January 2021 – 31 December 2024"


def test_an_empty_selection_gives_a_valid_report_in_every_format(database: Database, world: World,
                                                                tmp_path: Path) -> None:
    report = _build(database, ReportSelection(date_from=date(2030, 1, 1)))
    assert report.empty
    book = load_workbook(write_report(report, tmp_path / "e.xlsx"))
    assert book.sheetnames == SHEETS_EN
    assert _counts(xlsx_summary(tmp_path / "e.xlsx")) == dict.fromkeys(COUNT_METRICS, 0)
    assert "No dialogues match" in pdf_text(write_report(report, tmp_path / "e.pdf"))
    assert "No dialogues match" in docx_text(write_report(report, tmp_path / "e.docx"))
    html = write_report(report, tmp_path / "e.html")
    assert "No dialogues match" in html.read_text(encoding="utf-8")


def test_html_is_self_contained_with_readable_columns_and_a_print_stylesheet(database: Database, world: World,
                                                                            tmp_path: Path) -> None:
    html = write_report(_build(database), tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2
    assert "src=\"http" not in html and "<link" not in html
    assert "@media print" in html and "break-inside: avoid" in html and "table-header-group" in html
    assert 'td class="d">2021-12-07<' in html  # dates never wrap
    dialogues = next(table for table in html_tables(tmp_path / "r.html") if table[0][:3] == ["Start date", "End date",
                                                                                            "Title"])
    assert len(dialogues) == 5


def test_markup_in_records_is_shown_as_text_not_obeyed(database: Database, tmp_path: Path) -> None:
    from xml.etree import ElementTree

    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.services.report.charts import chart_svg
    from tests.factories import make_dialogue

    DialogueRepository(database).save(make_dialogue("<script>alert(1)</script> & <b>partners</b>",
                                                    topics=("<i>harm</i> reduction",)))
    report = _build(database)
    html = write_report(report, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in html
    for chart in report.charts:
        ElementTree.fromstring(chart_svg(chart))  # well-formed, whatever the names
    assert "<script>alert(1)</script> & <b>partners</b>" in docx_text(write_report(report, tmp_path / "r.docx"))


def test_pdf_docx_and_html_mark_drafts_and_print_dates_in_words(database: Database, world: World,
                                                                tmp_path: Path) -> None:
    report = _build(database, ReportSelection(include_drafts=True), "ru")
    pdf = pdf_text(write_report(report, tmp_path / "r.pdf"))
    docx = docx_text(write_report(report, tmp_path / "r.docx"))
    html = re.sub(r"<[^>]+>", " ", write_report(report, tmp_path / "r.html").read_text(encoding="utf-8"))
    for text in (pdf, docx, html):
        assert "Дана Ахметова" in text and "Алматы" in text and "Ташкент" in text
        assert re.search(r"Встреча экспертов\s*\(\s*черновик\s*\)", text)
        assert "07.12.2021" in text and "2021-12-07" not in text
        assert "Отчётный период: с 7 декабря 2021 г. по 5 мая 2024 г." in " ".join(text.split())
    assert "Стр. 1 из" in pdf


def test_the_title_page_names_the_programme_period_and_disclaimer_with_the_logo(database: Database, world: World,
                                                                               tmp_path: Path) -> None:
    from docx import Document
    from pypdf import PdfReader
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    from desktop_app.db.repositories.programme import ProgrammeRepository
    from desktop_app.domain.programme import ProgrammeDetails

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    ProgrammeRepository(database).save(ProgrammeDetails(
        name="Central Asia Drug Action Programme (CADAP 7)", disclaimer="Funded by the European Union.",
        logo=bytes(data.data()), logo_type="image/png"))
    report = _build(database, ReportSelection(date_from=date(2021, 1, 1), date_to=date(2024, 12, 31)))
    pdf = write_report(report, tmp_path / "r.pdf")
    first = " ".join(PdfReader(str(pdf)).pages[0].extract_text().split())
    docx = write_report(report, tmp_path / "r.docx")
    html = write_report(report, tmp_path / "r.html").read_text(encoding="utf-8")
    words = ("Central Asia Drug Action Programme (CADAP 7)", "Reporting period: 1 January 2021 – 31 December 2024",
             "Funded by the European Union.")
    for text in (first, " ".join(docx_text(docx).split()), html):
        assert all(word in text for word in words), text[:300]
        assert "any to any" not in text
    objects = PdfReader(str(pdf)).pages[0]["/Resources"]["/XObject"]
    assert any(o.get_object()["/Subtype"] == "/Image" for o in objects.values())  # the logo
    assert Document(str(docx)).inline_shapes[0].height.cm == pytest.approx(2.5, abs=0.05)
    assert 'class="logo" src="data:image/png;base64,' in html
