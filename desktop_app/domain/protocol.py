"""Delegations as protocol knows them: who heads them, who came, who the programme paid for.

One place for the rules of issue 18, Qt-free, used by the form, the documents and the checks:

- a final meeting has exactly one head among the attended members of each delegation that has
  anyone attended (a draft, or an import, only gets a warning);
- a meeting cannot be final while someone is still invited or confirmed;
- a participant's status moves invited -> confirmed -> attended, or absent (did not come) or
  cancelled (withdrawn); nobody can have attended or missed a meeting that has not begun;
- a new row of a past meeting starts attended, of a future one invited; its funding defaults from
  the delegation's flag; funding a member sets the delegation's `programme_supported`, and only
  the officer clears it (many old records have no participants, the flag is a fact of its own).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from desktop_app.domain.enums import ActionStatus, DialogueStatus, ParticipationStatus, Role
from desktop_app.domain.errors import FieldProblem
from desktop_app.domain.records import Action, Delegation, Dialogue, Participant, new_id
from desktop_app.domain.texts import Text

S = ParticipationStatus
EXPECTED = (S.INVITED, S.CONFIRMED, S.ATTENDED)  # who a sign-in sheet lists
PENDING = (S.INVITED, S.CONFIRMED)  # not yet known whether they came
# Where a status may go. Corrections stay possible (a tick on the wrong line of the signed sheet),
# but nobody goes back to "invited" once they came or did not.
TRANSITIONS: dict[ParticipationStatus, frozenset[ParticipationStatus]] = {
    S.INVITED: frozenset({S.CONFIRMED, S.ATTENDED, S.ABSENT, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.INVITED, S.ATTENDED, S.ABSENT, S.CANCELLED}),
    S.ATTENDED: frozenset({S.ABSENT}),
    S.ABSENT: frozenset({S.ATTENDED}),
    S.CANCELLED: frozenset({S.INVITED, S.CONFIRMED, S.ATTENDED}),
}
NEEDS_STARTED = (S.ATTENDED, S.ABSENT)  # only once the meeting has begun
STATUS_WORDS = {S.INVITED: Text("invited"), S.CONFIRMED: Text("confirmed"), S.ATTENDED: Text("attended"),
                S.ABSENT: Text("absent"), S.CANCELLED: Text("cancelled")}  # as the sentences below say them


def has_begun(dialogue: Dialogue, today: date) -> bool:
    return has_begun_on(dialogue.start_date, today)


def has_begun_on(start_date: date, today: date) -> bool:
    return start_date <= today


def status_change_problem(dialogue: Dialogue, old: ParticipationStatus, new: ParticipationStatus,
                          today: date) -> Text | None:
    """Why `old` cannot become `new` in this meeting, or None when it can."""
    return status_change_problem_on(dialogue.start_date, old, new, today)


def status_change_problem_on(start_date: date, old: ParticipationStatus, new: ParticipationStatus,
                             today: date) -> Text | None:
    if old is new:
        return None
    if new in NEEDS_STARTED and not has_begun_on(start_date, today):
        return Text("Nobody has attended or missed a meeting that has not begun; it starts on %1.",
                    start_date)
    if new not in TRANSITIONS[old]:
        return Text("A participant who is %1 cannot become %2.", STATUS_WORDS[old], STATUS_WORDS[new])
    return None


def new_participant(start_date: date, delegation: Delegation, today: date, person_id: str = "",
                    role: Role | None = None) -> Participant:
    """A new row as the officer expects it: attended in a past meeting, invited in a future one;
    funded when the delegation is; the head when the delegation has none yet."""
    if role is None:
        role = Role.MEMBER if any(p.role is Role.HEAD for p in delegation.participants) else Role.HEAD
    status = S.ATTENDED if start_date <= today else S.INVITED
    return Participant(id=new_id(), person_id=person_id, role=role, status=status,
                       programme_funded=delegation.programme_supported)


def invite_new_rows(delegations: Iterable[Delegation], start_date: date, today: date,
                    stored: Iterable[str]) -> list[Delegation]:
    """The delegations once the start date is known: when the meeting has not begun, each row not
    yet stored (its id not in `stored`) that is attended or no-show becomes invited, as a new row of
    a future meeting is (`new_participant`). A row added before the date was typed took today's
    meeting's status, and attended cannot become invited by hand. Stored rows keep their status."""
    delegations = list(delegations)
    if has_begun_on(start_date, today):
        return delegations
    kept = set(stored)
    return [replace(d, participants=tuple(
        replace(p, status=S.INVITED) if p.id not in kept and p.status in NEEDS_STARTED else p
        for p in d.participants)) for d in delegations]


def set_funded(delegation: Delegation, index: int, funded: bool) -> Delegation:
    """Fund (or not) one member; funding anyone makes the delegation programme-supported.
    Unfunding never clears the delegation's flag: only the officer does, on the delegation."""
    participants = list(delegation.participants)
    participants[index] = replace(participants[index], programme_funded=funded)
    return replace(delegation, participants=tuple(participants),
                   programme_supported=delegation.programme_supported or funded)


def mark_confirmed_attended(delegations: Iterable[Delegation]) -> tuple[Delegation, ...]:
    """After the meeting: everyone still confirmed came (the usual case; exceptions by hand)."""
    return tuple(replace(d, participants=tuple(
        replace(p, status=S.ATTENDED) if p.status is S.CONFIRMED else p for p in d.participants))
        for d in delegations)


def apply_signatures(delegations: Iterable[Delegation], signed: set[str]) -> tuple[Delegation, ...]:
    """Attendance back from the signed sheet: of the expected people, those who signed (participant
    ids) attended, the others were absent. Cancelled people were not on the sheet and stay so."""
    def one(p: Participant) -> Participant:
        if p.status not in EXPECTED and p.status is not S.ABSENT:
            return p
        return replace(p, status=S.ATTENDED if p.id in signed else S.ABSENT)
    return tuple(replace(d, participants=tuple(one(p) for p in d.participants)) for d in delegations)


def _delegation_label(delegation: Delegation) -> str:
    """The delegation's party as a `PartyName`, so a Russian window names it in Russian
    («У делегации (Казахстан) нет главы.»), not by the English name of the record."""
    from desktop_app.domain.validation import PartyName  # validation imports this module

    return PartyName(delegation.party) or delegation.party.key


def head_problems(dialogue: Dialogue) -> list[FieldProblem]:
    """Delegations without exactly one head among the people who count: the attended members once
    a meeting is final; the expected ones (invited, confirmed, attended) while it is a draft."""
    counted = (S.ATTENDED,) if dialogue.status is DialogueStatus.FINAL else EXPECTED
    problems: list[FieldProblem] = []
    for i, delegation in enumerate(dialogue.delegations):
        people = [p for p in delegation.participants if p.status in counted]
        if not people:
            continue  # nobody recorded (or nobody came): no head is needed
        heads = sum(1 for p in people if p.role is Role.HEAD)
        if heads == 0:
            message = (Text("The delegation of %1 has no head among the people who attended.",
                            _delegation_label(delegation)) if counted == (S.ATTENDED,)
                       else Text("The delegation of %1 has no head.", _delegation_label(delegation)))
            problems.append(FieldProblem(f"delegations[{i}]", message))
        elif heads > 1:
            problems.append(FieldProblem(f"delegations[{i}]", Text(
                "The delegation of %1 has %2 heads; it must have one.", _delegation_label(delegation), heads)))
    return problems


def pending_problems(dialogue: Dialogue, name_of: Callable[[str], str]) -> list[FieldProblem]:
    """People still invited or confirmed: the meeting cannot be final until it is known whether
    they came. Each is named, with the delegation's party, so the officer finds the row."""
    problems: list[FieldProblem] = []
    for i, delegation in enumerate(dialogue.delegations):
        for j, p in enumerate(delegation.participants):
            if p.status in PENDING:
                problems.append(FieldProblem(f"delegations[{i}].participants[{j}].status", Text(
                    "%1 (%2) is still %3: mark them attended, absent or cancelled before the meeting is final.",
                    name_of(p.person_id) or "?", _delegation_label(delegation), STATUS_WORDS[p.status])))
    return problems


def final_problems(dialogue: Dialogue, name_of: Callable[[str], str], today: date | None = None) -> list[FieldProblem]:
    """What keeps a meeting from being saved as final from the form; nothing for a draft (whose
    head problems are warnings, see `head_problems`). Imports call `head_problems` and only warn.
    A meeting that has not begun by `today` (the computer's date) cannot be final yet: nobody knows
    who came (round 19: Final was saved for a meeting a year ahead without a word)."""
    if dialogue.status is not DialogueStatus.FINAL:
        return []
    ahead = []
    if dialogue.start_date > (today or date.today()):
        ahead.append(FieldProblem("status", Text(
            "The meeting starts on %1, after today: keep it a draft until it has taken place.",
            dialogue.start_date)))
    return ahead + pending_problems(dialogue, name_of) + head_problems(dialogue)


def dated_actions(actions: Iterable[Action], stored: dict[str, ActionStatus], today: date) -> tuple[Action, ...]:
    """Actions with their `done_on` as a save leaves them: a stored action (`stored`: its status as
    saved, by id) that becomes done is dated today; one that is no longer done loses its date (round
    16: Done chosen in the form left no date, and Open again kept one). A done action without a date
    keeps none, and a new row saved as done gets none: the save would be inventing the day."""
    dated = []
    for action in actions:
        if action.status is not ActionStatus.DONE:
            action = replace(action, done_on=None) if action.done_on is not None else action
        elif action.done_on is None and stored.get(action.id, ActionStatus.DONE) is not ActionStatus.DONE:
            action = replace(action, done_on=today)
        dated.append(action)
    return tuple(dated)
