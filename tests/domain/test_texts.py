"""`Text`: an English str that keeps its template and arguments, so the UI can translate it later."""

from __future__ import annotations

import copy
import pickle
from datetime import date

from desktop_app.domain.errors import FieldProblem, UserError
from desktop_app.domain.texts import Text, fill, joined
from desktop_app.domain.validation import dialogue_problems, dialogue_warnings
from tests.factories import make_dialogue


def test_a_text_is_the_english_sentence_with_its_arguments_filled_in() -> None:
    text = Text("The end date %1 is before the start date %2.", "2024-05-02", "2024-05-10")
    assert text == "The end date 2024-05-02 is before the start date 2024-05-10."
    assert isinstance(text, str) and "before the start date" in text
    assert f"⛔ {text}" == "⛔ The end date 2024-05-02 is before the start date 2024-05-10."
    assert text.template == "The end date %1 is before the start date %2."
    assert text.args == ("2024-05-02", "2024-05-10")


def test_arguments_are_shown_with_str_and_kept_as_given() -> None:
    label = Text("Delegation %1", 3)
    text = Text("%1 lists the same person twice.", label)
    assert text == "Delegation 3 lists the same person twice."
    assert text.args[0] is label and label.args == (3,)


def test_placeholders_are_filled_in_one_pass() -> None:
    """A name that itself contains "%2" stays as it was typed; %10 is not %1 followed by 0."""
    assert Text("%1 and %2", "50%2 off", "x") == "50%2 off and x"
    assert fill("%10|%1", [str(n) for n in range(1, 11)]) == "10|1"
    assert Text("No arguments here.") == "No arguments here." and Text("Kept: %3", "a") == "Kept: %3"


def test_a_text_survives_copying_and_pickling_with_its_template() -> None:
    text = Text("Delegation %1 has no head.", 2)
    for twin in (copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert twin == text and twin.template == text.template and twin.args == (2,)


def test_joined_keeps_each_part_translatable() -> None:
    parts = [Text("the name is missing"), Text("“%1” is not an e-mail address", "bob@")]
    text = joined("; ", parts)
    assert text == "the name is missing; “bob@” is not an e-mail address"
    assert text.template == "%1; %2" and list(text.args) == parts


def test_user_errors_and_validation_problems_carry_texts() -> None:
    error = UserError(Text("The database %1 is in use by another program or window; try again in a moment.",
                           "register.sqlite3"))
    assert str(error) == error.message and isinstance(str(error), Text)
    dialogue = make_dialogue("", start_date=date(2024, 5, 10), end_date=date(2024, 5, 2))
    problems = dialogue_problems(dialogue)
    assert FieldProblem("end_date", "The end date 2024-05-02 is before the start date 2024-05-10.") in problems
    end = next(p for p in problems if p.field == "end_date")
    assert end.message.template == "The end date %1 is before the start date %2."
    assert dialogue_warnings(dialogue) == []
