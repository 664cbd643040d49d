"""The documents of issue 18 for the seed's 2023 meeting, read back from the DOCX and PDF files."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from docx import Document as read_docx
from docx.oxml.ns import qn
from pypdf import PdfReader

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.domain.programme import ProgrammeDetails
from desktop_app.services.documents import build_document, load_record, make_document, resolve_dialogue_id
from desktop_app.services.documents.words import date_in_words, dates_in_words
from tests.services.documents_world import SEED_ID, seed_meeting

REPLY_BY = date(2023, 11, 20)


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, its spacing and ligatures (ﬀ in "Aﬀairs") as a reader sees them; pypdf also puts a
    space where the font changes (the Latin title after «), which the document does not have."""
    return [unicodedata.normalize("NFKC", " ".join((page.extract_text() or "").split())).replace("« ", "«")
            for page in PdfReader(str(path)).pages]


def docx_text(path: Path) -> str:
    document = read_docx(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return " ".join(" ".join(parts).split())


def test_dates_in_words_in_both_languages() -> None:
    assert date_in_words(date(2023, 12, 13)) == "13 December 2023"
    assert date_in_words(date(2023, 12, 13), "ru") == "13 декабря 2023 г."
    assert dates_in_words(date(2023, 12, 13), date(2023, 12, 14), "ru") == "13–14 декабря 2023 г."
    assert dates_in_words(date(2023, 11, 30), date(2023, 12, 1)) == "30 November – 1 December 2023"
    assert dates_in_words(date(2023, 12, 31), date(2024, 1, 2), "ru") == "31 декабря 2023 г. – 2 января 2024 г."


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_note_verbale_in_russian_for_each_central_asian_country(database: Database, tmp_path: Path,
                                                                 suffix: str) -> None:
    seed_meeting(database)
    ministries = {"KZ": "Министерству иностранных дел Республики Казахстан",
                  "KG": "Министерству иностранных дел Кыргызской Республики",
                  "TJ": "Министерству иностранных дел Республики Таджикистан",
                  "TM": "Министерству иностранных дел Туркменистана",
                  "UZ": "Министерству иностранных дел Республики Узбекистан"}
    for code, ministry in ministries.items():
        target = tmp_path / f"nv-{code}.{suffix}"
        make_document(database, "note-verbale", SEED_ID[:8], target, "ru", party=code, reply_by=REPLY_BY)
        text = " ".join(pdf_pages(target)) if suffix == "pdf" else docx_text(target)
        assert "ВЕРБАЛЬНАЯ НОТА" in text
        assert (f"Представительство Европейского Союза в Республике Казахстан свидетельствует своё уважение "
                f"{ministry}") in text
        assert "пользуется случаем, чтобы возобновить " + ministry + " уверения в своём весьма высоком уважении" in text
        assert "13 декабря 2023 г." in text and "не позднее 20 ноября 2023 г." in text
        assert "«EU-Central Asia Drug Dialogue 2023»" in text and "Председатель: Испания" in text
        assert "Проект повестки дня" in text and "Overview of EU-Central Asia collaboration" in text  # the annex
        assert "anna.schmidt@example.org" in text and "Астана, " in text
        assert not re.search(r"подпись|signature", text, re.IGNORECASE)  # initialled and stamped, never signed
        assert "CADAP/" in text and f"/{code}/" in text


def test_note_verbale_in_english(database: Database, tmp_path: Path) -> None:
    seed_meeting(database)
    target = tmp_path / "nv.pdf"
    make_document(database, "note-verbale", SEED_ID, target, "en", party="kg", reply_by=REPLY_BY)
    text = " ".join(pdf_pages(target))
    assert ("The Delegation of the European Union to the Republic of Kazakhstan presents its compliments to the "
            "Ministry of Foreign Affairs of the Kyrgyz Republic and has the honour to invite a delegation of the "
            "Kyrgyz Republic") in text
    assert ("avails itself of this opportunity to renew to the Ministry of Foreign Affairs of the Kyrgyz Republic "
            "the assurances of its highest consideration") in text
    assert "Dates: 13 December 2023" in text and "by 20 November 2023" in text and "Chair: Spain" in text


@pytest.mark.parametrize("party", ["EMCDDA", "emcdda", "European Union Drugs Agency",
                                   "Европейский центр мониторинга наркотиков и наркомании"])
def test_a_note_verbale_finds_an_organisation_by_its_acronym_and_other_names(database: Database, tmp_path: Path,
                                                                              party: str) -> None:
    """`--party EMCDDA` was refused ("has no delegation … its parties: … European Monitoring Centre for
    Drugs and Drug Addiction") though `report --country EMCDDA` finds it: one rule now, the report's."""
    seed_meeting(database)
    target = tmp_path / "nv.pdf"
    make_document(database, "note-verbale", SEED_ID, target, "en", party=party, reply_by=REPLY_BY)
    assert "European Monitoring Centre for Drugs and Drug Addiction" in " ".join(pdf_pages(target))


@pytest.mark.parametrize(("city", "language", "place"), [
    ("Bishkek", "ru", "Место проведения: Бишкек, Кыргызстан."),
    ("Алматы", "en", "Place: Almaty, Kyrgyzstan."),
    ("Karakol", "ru", "Место проведения: Karakol, Кыргызстан."),  # not in cities.json: as typed
])
def test_the_place_is_named_in_the_documents_language(database: Database, city: str, language: str,
                                                      place: str) -> None:
    """Round 17: a Russian note said "Место проведения: Bishkek, Кыргызстан." (the city as typed beside
    the country in Russian) where the report says «Бишкек»; the cities of the reference list are named
    in the document's language, as in the report."""
    from dataclasses import replace

    from desktop_app.db.repositories.dialogues import DialogueRepository

    seed_meeting(database)
    repository = DialogueRepository(database)
    repository.save(replace(repository.get(SEED_ID), city=city, country="KG"))
    document = build_document(load_record(database, SEED_ID), "note-verbale", language, "KZ", REPLY_BY)
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert place in texts, texts


def test_sign_in_sheet_one_page_per_delegation_expected_people_both_scripts(database: Database,
                                                                            tmp_path: Path) -> None:
    seed_meeting(database)
    target = tmp_path / "sheet.pdf"
    make_document(database, "sign-in-sheet", SEED_ID, target, "ru")
    pages = pdf_pages(target)
    assert len(pages) == 11  # eleven delegations, few people each
    kazakhstan = next(p for p in pages if "Делегация: Казахстан" in p)
    assert "Айгерим Жумабаева" in kazakhstan and "Aigerim Zhumabayeva" in kazakhstan  # both scripts
    assert "Нурлан Сейткали" not in kazakhstan  # recorded absent: not expected (invited/confirmed/attended are)
    assert "Deputy Minister" in kazakhstan and "Ministry of Internal Affairs" in kazakhstan
    assert "Глава делегации" in kazakhstan and "Подпись" in kazakhstan
    assert "EU-Central Asia Drug Dialogue 2023 — 13 декабря 2023 г. — Брюссель, Бельгия" in kazakhstan
    kyrgyzstan = next(p for p in pages if "Делегация: Кыргызстан" in p)
    assert "Гульнара Асанова" in kyrgyzstan and "Тимур Назаров" not in kyrgyzstan  # cancelled: not expected


def test_sign_in_sheet_lists_invited_and_confirmed_but_not_cancelled(database: Database, tmp_path: Path) -> None:
    from dataclasses import replace

    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.domain.enums import DialogueStatus, ParticipationStatus

    dialogue = seed_meeting(database, status=DialogueStatus.DRAFT)
    kz = dialogue.delegations[0]
    statuses = (ParticipationStatus.INVITED, ParticipationStatus.CONFIRMED)
    kz = replace(kz, participants=tuple(replace(p, status=s) for p, s in zip(kz.participants, statuses, strict=True)))
    DialogueRepository(database).save(replace(dialogue, delegations=(kz, *dialogue.delegations[1:])))
    target = tmp_path / "sheet.docx"
    make_document(database, "sign-in-sheet", SEED_ID, target, "en")
    text = docx_text(target)
    assert "Aigerim Zhumabayeva Айгерим Жумабаева" in text and "Nurlan Seitkali Нурлан Сейткали" in text
    assert "Timur Nazarov" not in text


def test_no_row_of_a_long_sign_in_sheet_is_split_across_pages(database: Database, tmp_path: Path) -> None:
    """Sixty people in one delegation: every row whole on one page, the header on every page."""
    from dataclasses import replace

    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.domain import records as r
    from tests.factories import add_institution, add_people

    dialogue = seed_meeting(database)
    names = [f"Участник Номер{n:02d} Длиннаяфамилия" for n in range(60)]
    people = add_people(database, *names)
    institution = add_institution(database, "Agency for the Coordination of Drug Control Policy and Interagency "
                                            "Cooperation of the Republic of Kazakhstan, Department of Analysis")
    participants = tuple(r.Participant(id=r.new_id(), person_id=p.id, institution_id=institution.id,
                                       position="Chief specialist of the department of international cooperation")
                         for p in people)
    kz = replace(dialogue.delegations[0], participants=participants)
    DialogueRepository(database).save(replace(dialogue, delegations=(kz,)))
    target = tmp_path / "long.pdf"
    make_document(database, "sign-in-sheet", SEED_ID, target, "en")
    pages = pdf_pages(target)
    assert len(pages) >= 4
    for name in names:
        holding = [i for i, page in enumerate(pages) if name in page]
        assert len(holding) == 1, name  # the whole name on exactly one page
    for number, page in enumerate(pages):
        assert "Signature" in page and "No." in page  # the header row repeated
        assert "Delegation: Kazakhstan" in page  # the page says whose it is
        # a row's number and its institution's last words are on the same page as its name
        rows = re.findall(r"(\d+)\. Участник Номер(\d\d)", page)
        assert rows, number
        assert page.count("Department of Analysis") >= len(rows)
    docx_target = tmp_path / "long.docx"
    make_document(database, "sign-in-sheet", SEED_ID, docx_target, "en")
    table = read_docx(str(docx_target)).tables[0]
    assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    # the delegation's name and the column headings repeat on every page Word runs the table to
    assert [table.rows[n]._tr.trPr.find(qn("w:tblHeader")) is not None for n in range(3)] == [True, True, False]
    assert table.rows[0].cells[0].text == "Delegation: Kazakhstan" and table.rows[1].cells[1].text == "Name"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_participant_list_by_delegation_heads_first_attended_only_no_emails(database: Database, tmp_path: Path,
                                                                             language: str) -> None:
    seed_meeting(database)
    for suffix in ("pdf", "docx"):
        target = tmp_path / f"list.{suffix}"
        make_document(database, "participant-list", SEED_ID, target, language)
        text = " ".join(pdf_pages(target)) if suffix == "pdf" else docx_text(target)
        assert ("LIST OF PARTICIPANTS" if language == "en" else "СПИСОК УЧАСТНИКОВ") in text
        assert ("13 December 2023" if language == "en" else "13 декабря 2023 г.") in text
        assert "Сейткали" not in text and "Seitkali" not in text  # absent
        assert "Назаров" not in text and "Nazarov" not in text  # cancelled
        assert "@" not in text
        # Uzbekistan: the head (listed second in the form) comes before the adviser
        head = "Bakhtiyor Rakhimov" if language == "en" else "Бахтиёр Рахимов"
        adviser = "Dilnoza Karimova" if language == "en" else "Дилноза Каримова"
        assert text.index(head) < text.index(adviser)
        assert ("Deputy head of delegation" if language == "en" else "Заместитель главы делегации") in text


def test_participant_list_names_in_the_documents_language(database: Database) -> None:
    seed_meeting(database)
    record = load_record(database, SEED_ID)
    assert "Рустам Исмоилов" in build_document(record, "participant-list", "ru").names
    assert "Rustam Ismoilov" in build_document(record, "participant-list", "en").names


def test_requests_that_cannot_be_met_say_so_in_one_sentence(database: Database, tmp_path: Path) -> None:
    seed_meeting(database)
    with pytest.raises(UserError, match="at least 8"):
        resolve_dialogue_id(database, "eb49")
    with pytest.raises(UserError, match="No dialogue"):
        resolve_dialogue_id(database, "00000000")
    assert resolve_dialogue_id(database, SEED_ID[:8].upper()) == SEED_ID
    with pytest.raises(UserError, match="--party"):
        make_document(database, "note-verbale", SEED_ID, tmp_path / "x.pdf", "en", reply_by=REPLY_BY)
    with pytest.raises(UserError, match="reply"):
        make_document(database, "note-verbale", SEED_ID, tmp_path / "x.pdf", "en", party="KZ")
    with pytest.raises(UserError, match="has no delegation"):
        make_document(database, "note-verbale", SEED_ID, tmp_path / "x.pdf", "en", party="FR", reply_by=REPLY_BY)
    with pytest.raises(UserError, match=r"\.docx or \.pdf"):
        make_document(database, "sign-in-sheet", SEED_ID, tmp_path / "x.xlsx", "en")
    assert [p.name for p in tmp_path.iterdir()] == ["data"]  # no document, nothing half-written


def test_a_note_verbale_without_a_sender_asks_for_the_programme_settings(database: Database, tmp_path: Path) -> None:
    seed_meeting(database, programme=ProgrammeDetails())
    with pytest.raises(UserError, match="Settings ▸ Programme"):
        make_document(database, "note-verbale", SEED_ID, tmp_path / "x.docx", "en", party="KZ", reply_by=REPLY_BY)
    make_document(database, "sign-in-sheet", SEED_ID, tmp_path / "sheet.pdf", "en")  # needs no programme
    assert "SIGN-IN SHEET" in pdf_pages(tmp_path / "sheet.pdf")[0]


def test_documents_go_through_the_one_writer_owner_only_through_a_symlink(database: Database,
                                                                          tmp_path: Path) -> None:
    """Documents had a writer of their own: a participant list (names, positions) was left readable by
    every account (0644) where reports are owner-only, a symlink target was replaced by the document
    instead of written through, and a file named like the open database was not refused."""
    import stat

    seed_meeting(database)
    for suffix in ("pdf", "docx"):
        real = tmp_path / "shared" / f"list.{suffix}"
        real.parent.mkdir(exist_ok=True)
        real.write_bytes(b"old")
        link = tmp_path / f"link.{suffix}"
        link.symlink_to(real)
        written = make_document(database, "participant-list", SEED_ID, link, "en")
        assert link.is_symlink() and written == real.resolve()
        assert stat.S_IMODE(real.stat().st_mode) == 0o600
        assert "LIST OF PARTICIPANTS" in (" ".join(pdf_pages(real)) if suffix == "pdf" else docx_text(real))
    pdf_database = tmp_path / "records.pdf"
    pdf_database.symlink_to(database.path)
    before = database.path.stat().st_size
    with pytest.raises(UserError, match="database itself"):
        make_document(database, "participant-list", SEED_ID, pdf_database, "en")
    assert database.path.stat().st_size == before
