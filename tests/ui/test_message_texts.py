"""Messages from the checks and services in the window's language.

Services stay free of Qt and write `Text("template", args…)`; the UI shows them through
`desktop_app.ui.texts.shown`, which looks the template up in the catalogue (context "Messages").
These tests check that every template reaches the catalogue (lupdate finds them only in the generated
`desktop_app/ui/message_catalogue.py`) and that a Russian window shows them in Russian: the form's
live validation, the message boxes, the check and import summaries.
"""

from __future__ import annotations

import ast
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.errors import user_error_for
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.errors import StaleRecord
from desktop_app.domain.records import Party
from desktop_app.domain.texts import Text, joined
from desktop_app.domain.validation import PartyName
from desktop_app.services.checking import check_database
from desktop_app.services.exchange.importer import ImportSummary
from desktop_app.ui import messages
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from desktop_app.ui.texts import shown
from tests.factories import make_dialogue
from tests.ui.form_driving import type_date, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"
CATALOGUE = PACKAGE / "ui" / "message_catalogue.py"
TEXT_MODULE = PACKAGE / "domain" / "texts.py"  # builds `joined` templates on purpose


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the message boxes would have said (no window opens)."""
    said: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, _title, text, *a, **k: said.append(text))
    return said


def _text_calls() -> Iterator[tuple[Path, ast.Call]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Text":
                yield path, node


def test_every_text_template_is_in_the_message_catalogue() -> None:
    """Fails when a `Text("…")` is added or changed without `make translations` (tools/message_catalogue.py)."""
    catalogued = set()
    for node in ast.walk(ast.parse(CATALOGUE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            context, source = (arg.value for arg in node.args)  # type: ignore[attr-defined]
            assert context == "Messages"
            catalogued.add(source)
    templates, not_literal = set(), []
    for path, call in _text_calls():
        first = call.args[0] if call.args else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            templates.add(first.value)
        elif path != TEXT_MODULE:
            not_literal.append(f"{path.relative_to(PACKAGE)}:{call.lineno}")
    assert len(templates) > 150  # the scan does find the program's messages
    assert not_literal == [], "a Text template must be a literal string, or lupdate cannot list it"
    assert sorted(templates - catalogued) == [], "run `make translations` and add the Russian rows"
    assert sorted(catalogued - templates) == [], "the catalogue lists templates no longer used: run `make translations`"


def test_shown_gives_plain_strings_and_untranslated_texts_as_they_are() -> None:
    assert shown("Saved.") == "Saved."
    text = Text("The delegation of %1 has no head.", PartyName(Party.country("KZ")))
    assert shown(text) == "The delegation of Kazakhstan has no head." and type(shown(text)) is str


def test_shown_translates_templates_and_texts_given_as_arguments(russian: str) -> None:
    # a delegation named by its party is named in the window's language
    assert shown(Text("The delegation of %1 has no head.", PartyName(Party.country("KZ")))) == (
        "У делегации (Казахстан) нет главы.")
    assert shown(Text("The delegation of %1 has no head.", "Kazakhstan")) == "У делегации (Kazakhstan) нет главы."
    # a status word given as a Text is translated inside the sentence (issue 18)
    assert shown(Text("A participant who is %1 cannot become %2.", Text("attended"), Text("invited"))) == (
        "Статус «участвовал(а)» нельзя сменить на «приглашён(а)».")
    assert shown(Text("%1 lists the same person twice.", Text("Delegation %1", 3))) == (
        "Делегация 3: один и тот же человек указан дважды.")
    assert shown(Text("%1: “%2” is not a known country code.", Text("The chair"), "XX")) == (
        "Председатель: «XX» — неизвестный код страны.")
    # a template that is not in the catalogue stays as it is; its Text parts are still translated
    assert shown(joined("; ", [Text("the name is missing"), "as typed"])) == "не указано имя; as typed"
    assert shown("Written by hand") == "Written by hand"


def test_the_russian_form_says_in_russian_that_the_end_date_is_before_the_start(  # type: ignore[no-untyped-def]
        qtbot, database, russian: str, boxes: list[str]) -> None:
    editor = DialogueEditor(database)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.message.text() == ""  # a new empty form does not start red
    type_text(qtbot, editor.details.title, "Expert meeting")
    type_date(qtbot, editor.details.start_date, "10.05.2024")
    editor.details.end_date.check.setFocus()
    qtbot.keyClick(editor.details.end_date.check, Qt.Key.Key_Space)
    type_date(qtbot, editor.details.end_date.edit, "08.05.2024")

    expected = "Дата окончания 08.05.2024 раньше даты начала 10.05.2024."
    assert expected in editor.message.text()
    assert editor.details.end_date.edit.toolTip() == expected
    editor.save_action.trigger()
    assert len(boxes) == 1 and expected in boxes[0]
    assert DialogueRepository(database).count() == 0


def test_database_in_use_and_changed_elsewhere_are_told_in_russian(  # type: ignore[no-untyped-def]
        database, russian: str, boxes: list[str]) -> None:
    locked = user_error_for(sqlite3.OperationalError("database is locked"), Path("/data/register.sqlite3"))
    assert locked is not None
    messages.fail(None, locked.message)
    repository = DialogueRepository(database)
    first = repository.save(make_dialogue("Expert meeting"))
    repository.save(replace(first, city="Almaty"))
    with pytest.raises(StaleRecord) as stale:
        repository.save(replace(first, city="Bishkek"))
    messages.warn(None, stale.value.message)

    assert boxes == [
        "База данных register.sqlite3 занята другой программой или окном; повторите попытку чуть позже.",
        "Диалог «Expert meeting» был изменён в другом месте после того, как вы его открыли; загрузите его заново "
        "и внесите изменения ещё раз.",
    ]
    assert str(stale.value).startswith("“Expert meeting” was changed elsewhere")  # the CLI's English


def test_check_and_import_summaries_are_shown_line_by_line_in_russian(database, russian: str) -> None:  # type: ignore[no-untyped-def]
    report = messages.lines(check_database(database.path).lines())
    assert f"База данных: {database.path}" in report and "База данных в порядке." in report
    assert "Содержимое: диалогов — 0, делегаций — 0, участников — 0, людей — 0" in report
    summary = messages.lines(ImportSummary(dry_run=True).lines()).splitlines()
    assert summary[:2] == ["Пробный запуск: ничего не записано.", "Добавлено: 0 диалогов, 0 человек, 0 учреждений"]


def test_protocol_warnings_name_the_delegation_in_the_windows_language(russian: str) -> None:
    """Issue 14's leftover: the head and pending-status warnings named the country in English."""
    from desktop_app.domain.enums import DialogueStatus, ParticipationStatus, Role, Side
    from desktop_app.domain.protocol import head_problems, pending_problems
    from desktop_app.domain.records import Delegation, Participant
    from tests.factories import make_dialogue

    member = Participant(id="p1", person_id="x", role=Role.MEMBER, status=ParticipationStatus.INVITED)
    kazakhstan = Delegation(id="d1", side=Side.PARTNER, party=Party.country("KZ"), participants=(member,))
    draft = make_dialogue(status=DialogueStatus.DRAFT, delegations=(kazakhstan,))
    assert [shown(p.message) for p in head_problems(draft)] == ["У делегации (Казахстан) нет главы."]
    (pending,) = pending_problems(draft, lambda _: "Ерлан Нурланов")
    assert "Казахстан" in shown(pending.message) and "Kazakhstan" not in shown(pending.message)
