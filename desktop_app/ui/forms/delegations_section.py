"""The Delegations tab: who came — parties with their side — and, per delegation, its participants.

The tab keeps the delegations as records and draws both tables from them; every edit in a cell is
read back into the records at once, so the form's snapshot (for undo and for saving) is always whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import protocol, reference
from desktop_app.domain.enums import ParticipationStatus, PartyType, Role, Sex, Side
from desktop_app.domain.records import Delegation, Participant, Party, new_id
from desktop_app.ui.forms.list_buttons import ListButtons
from desktop_app.ui.forms.pasted_rows import left_out_columns, read_table
from desktop_app.ui.forms.people_book import InstitutionBook, PeopleBook
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.translations import format_date
from desktop_app.ui.widgets.marks import error_colour, warning_colour
from desktop_app.ui.widgets.party_choices import party_label
from desktop_app.ui.widgets.party_picker import PartyPicker
from desktop_app.ui.widgets.table_editing import (
    ChoiceDelegate,
    CompletingDelegate,
    EditTable,
    SearchingDelegate,
    chosen,
)

SIDE_NAMES = {Side.EU: QT_TRANSLATE_NOOP("DelegationsSection", "EU"),
              Side.PARTNER: QT_TRANSLATE_NOOP("DelegationsSection", "Partner"),
              Side.OTHER: QT_TRANSLATE_NOOP("DelegationsSection", "Other")}
ROLE_NAMES = {Role.HEAD: QT_TRANSLATE_NOOP("DelegationsSection", "Head"),
              Role.DEPUTY_HEAD: QT_TRANSLATE_NOOP("DelegationsSection", "Deputy head"),
              Role.ALTERNATE: QT_TRANSLATE_NOOP("DelegationsSection", "Alternate"),
              Role.ADVISER: QT_TRANSLATE_NOOP("DelegationsSection", "Adviser"),
              Role.EXPERT: QT_TRANSLATE_NOOP("DelegationsSection", "Expert"),
              Role.INTERPRETER: QT_TRANSLATE_NOOP("DelegationsSection", "Interpreter"),
              Role.OBSERVER: QT_TRANSLATE_NOOP("DelegationsSection", "Observer"),
              Role.MEMBER: QT_TRANSLATE_NOOP("DelegationsSection", "Member")}
# Issue 18. Each label starts with a different letter in each language, so one key chooses it in the cell.
STATUS_NAMES = {ParticipationStatus.INVITED: QT_TRANSLATE_NOOP("DelegationsSection", "Invited"),
                ParticipationStatus.CONFIRMED: QT_TRANSLATE_NOOP("DelegationsSection", "Confirmed"),
                ParticipationStatus.ATTENDED: QT_TRANSLATE_NOOP("DelegationsSection", "Attended"),
                ParticipationStatus.ABSENT: QT_TRANSLATE_NOOP("DelegationsSection", "No-show"),
                ParticipationStatus.CANCELLED: QT_TRANSLATE_NOOP("DelegationsSection", "Withdrawn")}
SEX_NAMES = {None: "", Sex.FEMALE: QT_TRANSLATE_NOOP("DelegationsSection", "Female"),
             Sex.MALE: QT_TRANSLATE_NOOP("DelegationsSection", "Male")}
DELEGATION_HEADERS = (QT_TRANSLATE_NOOP("DelegationsSection", "Party"), QT_TRANSLATE_NOOP("DelegationsSection", "Side"),
                      QT_TRANSLATE_NOOP("DelegationsSection", "Supported"),
                      QT_TRANSLATE_NOOP("DelegationsSection", "Notes"),
                      QT_TRANSLATE_NOOP("DelegationsSection", "Participants"))
PARTICIPANT_HEADERS = (QT_TRANSLATE_NOOP("DelegationsSection", "Name"),
                       QT_TRANSLATE_NOOP("DelegationsSection", "Institution"),
                       QT_TRANSLATE_NOOP("DelegationsSection", "Position"),
                       QT_TRANSLATE_NOOP("DelegationsSection", "Role"),
                       QT_TRANSLATE_NOOP("DelegationsSection", "Sex"),
                       QT_TRANSLATE_NOOP("DelegationsSection", "Status"),
                       QT_TRANSLATE_NOOP("DelegationsSection", "Funded"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("DelegationsSection", text) if text else ""


def _labels(names: dict) -> dict:
    """The cells' texts in the window's language; the cells keep the values (`chosen` reads them)."""
    return {value: _tr(name) for value, name in names.items()}
PARTY, SIDE, SUPPORTED, NOTES, COUNT = range(5)
NAME, INSTITUTION, POSITION, ROLE, SEX, STATUS, FUNDED = range(7)


class DelegationsSection(QWidget):
    changed = Signal(str)
    told = Signal(str)  # a sentence for the window's status bar

    def __init__(self, people: PeopleBook, institutions: InstitutionBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = people
        self.institutions = institutions
        self._delegations: list[Delegation] = []
        self._added_blank: set[str] = set()  # participants made empty by Add participant here (`_left_blank`)
        self.meeting_date: Callable[[], date | None] = lambda: None  # the form's start date
        # the meeting's start date (the form sets it from its Details tab) and today: a new row of a past
        # meeting starts attended, of a future one invited; attended needs a meeting that has begun
        self.meeting_start: Callable[[], date] = date.today
        self.today: Callable[[], date] = date.today

        self.party_picker = PartyPicker(parent=self)
        self.side = QComboBox(self)
        self.side_labels = _labels(SIDE_NAMES)
        self.role_labels = _labels(ROLE_NAMES)
        self.sex_labels = _labels(SEX_NAMES)
        self.status_labels = _labels(STATUS_NAMES)
        for side, label in self.side_labels.items():
            self.side.addItem(label, side)
        self.add_button = QPushButton(self.tr("&Add delegation"), self)
        self.add_central_asia = QPushButton(self.tr("Add the five &Central Asian countries"), self)
        self.add_eu_side = QPushButton(self.tr("Add EU s&ide"), self)
        adding = QHBoxLayout()
        party_label_widget = QLabel(self.tr("&Party"), self)
        party_label_widget.setBuddy(self.party_picker)
        self.party_picker.setAccessibleName(party_label_widget.text().replace("&", ""))
        self.side.setAccessibleName(_tr("Side"))
        adding.addWidget(party_label_widget)
        adding.addWidget(self.party_picker, 3)
        adding.addWidget(QLabel(self.tr("Side"), self))
        adding.addWidget(self.side)
        adding.addWidget(self.add_button)
        adding.addSpacing(16)
        adding.addWidget(self.add_central_asia)
        adding.addWidget(self.add_eu_side)

        self.table = EditTable([_tr(h) for h in DELEGATION_HEADERS], self)
        self.table.setSelectionBehavior(EditTable.SelectionBehavior.SelectRows)
        self.table.setItemDelegateForColumn(SIDE, ChoiceDelegate(self.side_labels, self.table))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(PARTY, 420)
        self.table.setColumnWidth(SIDE, 80)
        self.table.setColumnWidth(SUPPORTED, 90)
        self.table.setColumnWidth(COUNT, 90)
        self.table.stretch(NOTES)
        if (supported := self.table.horizontalHeaderItem(SUPPORTED)) is not None:
            supported.setToolTip(self.tr("Participation supported by the programme"))
        self.buttons = ListButtons("", self, (self.tr("Remo&ve"), self.tr("Move &up"), self.tr("Move do&wn")))
        self.buttons.add.hide()

        self.participants_box = QGroupBox(self.tr("Participants"), self)
        self.participants = EditTable([_tr(h) for h in PARTICIPANT_HEADERS], self.participants_box)
        self.participants.setAccessibleName(self.tr("Participants"))
        self.table.setAccessibleName(self.tr("Delegations"))
        self.participants.setItemDelegateForColumn(NAME, SearchingDelegate(self.people.offers_matching,
                                                                           self.participants))
        self.participants.setItemDelegateForColumn(
            INSTITUTION, CompletingDelegate(self.institutions.labels, self.participants))
        self.participants.setItemDelegateForColumn(ROLE, ChoiceDelegate(self.role_labels,
                                                                        self.participants))
        self.participants.setItemDelegateForColumn(SEX, ChoiceDelegate(self.sex_labels,
                                                                       self.participants))
        self.participants.setItemDelegateForColumn(STATUS, ChoiceDelegate(self.status_labels,
                                                                          self.participants))
        if (funded := self.participants.horizontalHeaderItem(FUNDED)) is not None:
            funded.setToolTip(self.tr("The programme paid for this person"))
        # Every column in view, Sex, Status and Funded included, at any width: the texts share the room,
        # the choices take what their longest entry needs («Глава делегации»).
        self.participants.horizontalHeader().setStretchLastSection(False)
        for column in (NAME, INSTITUTION, POSITION):
            self.participants.stretch(column)
        for column in (ROLE, SEX, STATUS, FUNDED):
            self.participants.horizontalHeader().setSectionResizeMode(column,
                                                                     QHeaderView.ResizeMode.ResizeToContents)
        self.participants.grow = self.add_participant  # Tab on the last cell of a filled last row
        self.participants.paste_rows = self.paste_participants  # Ctrl+V of rows copied from Excel/Word
        self.participant_buttons = ListButtons(self.tr("Add par&ticipant"), self.participants_box,
                                               (self.tr("&Remove"), self.tr("&Move up"), self.tr("Move dow&n")))
        self.head_warning = QLabel(self.participants_box)
        self.head_warning.setStyleSheet(f"color: {warning_colour(self.palette()).name()};")
        self.offered_heads: dict[str, tuple[Participant, ...]] = {}  # Prepare next edition: last year's heads
        self.heads_offer = QLabel(self.participants_box)
        self.heads_offer.setWordWrap(True)
        self.add_heads_button = QPushButton(self.tr("Add last year's &heads as invited"), self.participants_box)
        self.add_heads_button.setAutoDefault(False)
        self.heads_offer.hide()
        self.add_heads_button.hide()
        self.status_notice = QLabel(self.participants_box)  # why a status change was refused
        self.status_notice.setStyleSheet(f"color: {error_colour(self.palette()).name()};")
        self.status_notice.setWordWrap(True)
        self.status_notice.hide()
        self.mark_attended_button = QPushButton(self.tr("Mar&k all confirmed as attended"), self.participants_box)
        self.mark_attended_button.setToolTip(self.tr("After the meeting: every confirmed participant of every "
                                                     "delegation came"))
        box = QGridLayout(self.participants_box)
        box.addWidget(self.participants, 0, 0)
        box.addWidget(self.participant_buttons, 0, 1)
        box.addWidget(self.head_warning, 1, 0, 1, 2)
        box.addWidget(self.heads_offer, 2, 0)
        box.addWidget(self.add_heads_button, 2, 1)
        box.addWidget(self.status_notice, 3, 0, 1, 2)
        box.addWidget(self.mark_attended_button, 4, 0, 1, 1, Qt.AlignmentFlag.AlignLeft)

        upper = QWidget(self)
        upper_layout = QGridLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(adding, 0, 0, 1, 2)
        upper_layout.addWidget(self.table, 1, 0)
        upper_layout.addWidget(self.buttons, 1, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(self.participants_box)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for order in ((self.party_picker, self.side), (self.side, self.add_button),
                      (self.add_button, self.add_central_asia), (self.add_central_asia, self.add_eu_side),
                      (self.add_eu_side, self.table), (self.table, self.buttons.remove),
                      (self.buttons.remove, self.buttons.up), (self.buttons.up, self.buttons.down),
                      (self.buttons.down, self.participants), (self.participants, self.participant_buttons.add)):
            self.setTabOrder(*order)

        self.party_picker.party_changed.connect(self._default_side)
        self.party_picker.returnPressed.connect(self.add_from_picker)
        self.add_button.clicked.connect(self.add_from_picker)
        self.add_central_asia.clicked.connect(self.add_central_asian_countries)
        self.add_eu_side.clicked.connect(self.add_eu_institutions)
        self.buttons.remove.clicked.connect(self.remove_delegation)
        self.buttons.up.clicked.connect(lambda: self.move_delegation(-1))
        self.buttons.down.clicked.connect(lambda: self.move_delegation(+1))
        self.participant_buttons.add.clicked.connect(self.add_participant)
        self.add_heads_button.clicked.connect(self.add_offered_heads)
        self.participant_buttons.remove.clicked.connect(self.remove_participant)
        self.participant_buttons.up.clicked.connect(lambda: self.move_participant(-1))
        self.participant_buttons.down.clicked.connect(lambda: self.move_participant(+1))
        # Ctrl+PgDown / Ctrl+PgUp: the next / previous delegation, from anywhere in this tab, the
        # focus staying where it is (entering people delegation after delegation from the grid).
        for keys, step in (("Ctrl+PgDown", +1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.go_to_delegation(step))
        self.table.itemChanged.connect(self._delegation_edited)
        self.table.currentCellChanged.connect(lambda *_: self._draw_participants())
        self.participants.itemChanged.connect(self._participant_edited)
        self.mark_attended_button.clicked.connect(self.mark_confirmed_attended)
        self._draw()

    # --- state ---------------------------------------------------------------------------------

    def delegations(self) -> tuple[Delegation, ...]:
        """The delegations as the record holds them: without the participant rows added here at the end
        of a delegation and never typed into (`_left_blank`)."""
        if not self._added_blank:
            return tuple(self._delegations)
        return tuple(replace(d, participants=d.participants[:_typed_end(d.participants, self._left_blank)])
                     for d in self._delegations)

    def participants_shown(self, index: int) -> tuple[Participant, ...]:
        """A delegation's participants as its grid shows them, rows left blank at the end included."""
        return self._delegations[index].participants

    def _left_blank(self, participant: Participant) -> bool:
        """A row Add participant (or Tab past the last row) made and nobody typed into: no person, no
        institution, no position. It is no one yet, so it is nothing to save or to refuse. Round 17:
        Save said "participant 5: the person is missing" after a Tab too many. A stored participant
        whose name was emptied is not one: Save still says so."""
        return (participant.id in self._added_blank and not participant.person_id
                and participant.institution_id is None and not (participant.position or "").strip())

    def set_delegations(self, delegations: tuple[Delegation, ...]) -> None:
        self.people.load({p.person_id for d in delegations for p in d.participants if p.person_id})
        self._delegations = list(delegations)
        self._draw()

    def current_index(self) -> int:
        row = self.table.currentRow()
        return row if 0 <= row < len(self._delegations) else -1

    def select(self, index: int) -> None:
        if 0 <= index < len(self._delegations):
            self.table.setCurrentCell(index, PARTY)

    def go_to_delegation(self, step: int) -> None:
        """The next (+1) or previous (-1) delegation; what is typed in a cell is kept first."""
        self.participants.commit_editing()
        self.table.commit_editing()
        index = self.current_index()
        if self._delegations:
            self.select(max(0, min(index + step, len(self._delegations) - 1)))

    # --- delegations ---------------------------------------------------------------------------

    def _default_side(self) -> None:
        party = self.party_picker.party()
        if party is not None:
            self.side.setCurrentIndex(self.side.findData(reference.default_side(party)))

    def _present(self, party: Party) -> bool:
        """Whether the party is there already, under this name or another of the same organisation."""
        ref = reference.party_ref(party)
        return any(d.party.key == party.key or (ref is not None and reference.party_ref(d.party) == ref)
                   for d in self._delegations)

    def add_party(self, party: Party, side: Side, supported: bool = False) -> bool:
        party = reference.party_at(party, self.meeting_date())
        if self._present(party):
            return False
        self._delegations.append(Delegation(id=new_id(), side=side, party=party, programme_supported=supported))
        return True

    def add_from_picker(self) -> None:
        party = self.party_picker.party()
        if party is None:
            self.party_picker.setFocus()
            return
        party = reference.party_at(party, self.meeting_date())  # the name in force at the meeting's date
        ref = reference.party_ref(party)
        present = next((i for i, d in enumerate(self._delegations)
                        if d.party.key == party.key or (ref is not None and reference.party_ref(d.party) == ref)), None)
        self._clear_picker()
        if present is not None:  # once each: a second Enter selects the delegation already there
            self.select(present)
            return
        self._delegations.append(Delegation(id=new_id(), side=Side(self.side.currentData()), party=party))
        self._draw(select=len(self._delegations) - 1)
        self.changed.emit("delegations.add")

    def party_typed(self) -> bool:
        """Whether the party field holds a name not yet added."""
        return bool(self.party_picker.text().strip())

    def take_typed_party(self) -> None:
        """Add the party typed in the party field, as Return there would: the form's Save takes it
        in (round 16: "Kyrgyzstan" typed and Ctrl+S said "Saved" without it)."""
        if self.party_typed():
            self.add_from_picker()

    def _clear_picker(self) -> None:
        """Empty the party field now and once more after the event: Enter on a completion puts the
        chosen text back into the field after returnPressed has been handled."""
        self.party_picker.clear()
        QTimer.singleShot(0, self.party_picker.clear)

    def add_central_asian_countries(self) -> None:
        added = [self.add_party(Party.country(code), Side.PARTNER) for code in reference.central_asia()]
        if any(added):
            self._draw(select=len(self._delegations) - 1)
            self.changed.emit("delegations.add")

    def add_eu_institutions(self) -> None:
        """The EU bodies that existed on the meeting's date, once each under the name then in force
        (EMCDDA for 2023, EUDA for 2025); the EU Delegation is added from the party field when wanted."""
        added = [self.add_party(party, Side.EU) for party in reference.eu_side_at(self.meeting_date())]
        if any(added):
            self._draw(select=len(self._delegations) - 1)
            self.changed.emit("delegations.add")

    def remove_delegation(self) -> None:
        index = self.current_index()
        if index >= 0:
            del self._delegations[index]
            self._draw(select=min(index, len(self._delegations) - 1))
            self.changed.emit("delegations.remove")

    def move_delegation(self, step: int) -> None:
        index = self.current_index()
        other = index + step
        if index < 0 or not 0 <= other < len(self._delegations):
            return
        items = self._delegations
        items[index], items[other] = items[other], items[index]
        self._draw(select=other)
        self.changed.emit("delegations.move")

    def _delegation_edited(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if not 0 <= row < len(self._delegations):
            return
        delegation = self._delegations[row]
        if item.column() == SIDE:
            side = chosen(item, self.side_labels, delegation.side)
            delegation = replace(delegation, side=side)
        elif item.column() == SUPPORTED:
            delegation = replace(delegation, programme_supported=item.checkState() == Qt.CheckState.Checked)
        elif item.column() == NOTES:
            delegation = replace(delegation, notes=item.text().strip() or None)
        if delegation != self._delegations[row]:
            self._delegations[row] = delegation
            self.changed.emit(f"delegations[{row}].{item.column()}")

    # --- participants --------------------------------------------------------------------------

    def _participants_of(self, index: int) -> list[Participant]:
        return list(self._delegations[index].participants)

    def _set_participants(self, index: int, participants: list[Participant]) -> None:
        self._delegations[index] = replace(self._delegations[index], participants=tuple(participants))

    def add_participant(self) -> None:
        index = self.current_index()
        if index < 0:
            if not self._delegations:
                self.party_picker.setFocus()
                return
            index = 0
            self.select(0)
        participants = self._participants_of(index)
        participants.append(protocol.new_participant(self.meeting_start(), self._delegations[index], self.today()))
        self._added_blank.add(participants[-1].id)
        self._set_participants(index, participants)
        self._draw_delegation_row(index)
        self._draw_participants()
        row = len(participants) - 1
        self.participants.setFocus()
        self.participants.setCurrentCell(row, NAME)
        self.changed.emit("participants.add")
        if (name := self.participants.item(row, NAME)) is not None:
            self.participants.editItem(name)

    def paste_participants(self, text: str) -> bool:
        """Rows copied from Excel, Word or a web page (name, institution, position, sex) become new
        participants of the current delegation; a name or institution already known is that one."""
        index = self.current_index()
        if index < 0:
            return False
        table = read_table(text)
        rows = table.people
        if not rows:
            if table.nameless:  # rows copied, none with a name: said, not a Ctrl+V that does nothing
                self.told.emit(self.tr("Nothing pasted: no row has a name in the first column or under "
                                       "Name (ФИО)."))
                return True
            return False
        party = self._delegations[index].party
        country = party.code if party.type is PartyType.COUNTRY else None
        participants = self._participants_of(index)
        # a row just added and left empty (Ctrl+Shift+P, then Ctrl+V) takes the first person, as in the
        # agenda; left above the list it stopped the save, "the person is missing" (round 16)
        current = self.participants.currentRow()
        blank = participants[current] if 0 <= current < len(participants) else None
        if blank is not None and (blank.person_id or blank.institution_id or blank.position):
            blank = None
        not_understood = []
        for row in rows:
            person_id = self.people.resolve(row.name, "")
            person = self.people.person(person_id)
            if row.sex is not None and person is not None and person.sex is None:
                self.people.set_sex(person_id, row.sex)  # a sex already recorded is not changed by a paste
            if row.sex_text:
                not_understood.append(row.sex_text)
            institution_id = (self.institutions.resolve(row.institution, None, country) if row.institution
                              else None)
            if blank is not None:
                participants[current] = replace(blank, person_id=person_id, institution_id=institution_id,
                                                position=row.position or None)
                blank = None
                continue
            # a new row as one added by hand: invited before the meeting, funded in a supported
            # delegation, the head when there is none (round 16: pasted rows were attended and unfunded)
            delegation = replace(self._delegations[index], participants=tuple(participants))
            participants.append(replace(protocol.new_participant(self.meeting_start(), delegation, self.today(),
                                                                 person_id),
                                        institution_id=institution_id, position=row.position or None))
        self._set_participants(index, participants)
        self._draw_delegation_row(index)
        self._draw_participants()
        self.participants.setFocus()
        self.participants.setCurrentCell(len(participants) - 1, NAME)
        self.changed.emit("participants.paste")
        message = self.tr("Pasted participants: %1.").replace("%1", str(len(rows)))
        if not_understood:
            message += " " + self.tr("Sex not understood (%1): choose it in the Sex column.").replace(
                "%1", ", ".join(f"“{t}”" for t in not_understood))
        if table.nameless:
            message += " " + self.tr("Rows without a name left out: %1.").replace("%1", str(table.nameless))
        if table.left_out:  # copied but with no place in the grid: named, never dropped unseen
            message += " " + left_out_columns(table.left_out)
        self.told.emit(message)
        return True

    def remove_participant(self) -> None:
        index, row = self.current_index(), self.participants.currentRow()
        if index < 0 or row < 0:
            return
        participants = self._participants_of(index)
        del participants[row]
        self._set_participants(index, participants)
        self._draw_delegation_row(index)
        self._draw_participants()
        self.participants.setCurrentCell(min(row, len(participants) - 1), NAME)
        self.changed.emit("participants.remove")

    def move_participant(self, step: int) -> None:
        index, row = self.current_index(), self.participants.currentRow()
        participants = self._participants_of(index) if index >= 0 else []
        other = row + step
        if row < 0 or not 0 <= other < len(participants):
            return
        participants[row], participants[other] = participants[other], participants[row]
        self._set_participants(index, participants)
        self._draw_participants()
        self.participants.setCurrentCell(other, NAME)
        self.changed.emit("participants.move")

    def _participant_edited(self, item: QTableWidgetItem) -> None:
        index, row = self.current_index(), item.row()
        if index < 0:
            return
        participants = self._participants_of(index)
        if not 0 <= row < len(participants):
            return
        participant = participants[row]
        text = item.text().strip()
        column = item.column()
        if column == NAME:
            shared = any(p.person_id == participant.person_id
                         for i, d in enumerate(self._delegations) for j, p in enumerate(d.participants)
                         if (i, j) != (index, row))
            person_id = self.people.resolve(text, participant.person_id, shared)
            # namesakes: the one taken is said, not left to be found in the report (round 15)
            self._say_refused(self.tr("More than one person is called “%1”; the first was taken. Type the name "
                                      "again and pick the one meant from the list, which shows their country "
                                      "and last meeting.").replace("%1", text) if self.people.namesakes else None)
            if person_id != participant.person_id:
                participant = self._filled_from_last_time(replace(participant, person_id=person_id))
            participant = replace(participant, person_id=person_id)
        elif column == INSTITUTION:
            party = self._delegations[index].party
            country = party.code if party.type is PartyType.COUNTRY else None
            named_elsewhere = {p.institution_id for d in self._delegations for p in d.participants
                               if p.id != participant.id}
            participant = replace(participant, institution_id=self.institutions.resolve(
                text, participant.institution_id, country,
                renaming=participant.institution_id not in named_elsewhere))
        elif column == POSITION:
            participant = replace(participant, position=text or None)
        elif column == ROLE:
            participant = replace(participant, role=chosen(item, self.role_labels, participant.role))
        elif column == SEX and participant.person_id:
            self.people.set_sex(participant.person_id, chosen(item, self.sex_labels))
        elif column == STATUS:
            status = chosen(item, self.status_labels, participant.status)
            refused = protocol.status_change_problem_on(self.meeting_start(), participant.status, status, self.today())
            self._say_refused(refused)
            if refused is None:
                participant = replace(participant, status=status)
        elif column == FUNDED:
            funded = item.checkState() == Qt.CheckState.Checked
            if funded != participant.programme_funded:
                self._delegations[index] = protocol.set_funded(self._delegations[index], row, funded)
                participants = self._participants_of(index)
                participant = participants[row]
        participants[row] = participant
        self._set_participants(index, participants)
        self._draw_participant_row(row, participant)
        self._draw_delegation_row(index)
        self.changed.emit(f"delegations[{index}].participants[{row}].{column}")

    def offer_heads(self, heads: dict[str, tuple[Participant, ...]]) -> None:
        """Show last year's heads of delegation and a button that adds them, as invited."""
        self.offered_heads = dict(heads)
        self.people.load({p.person_id for group in heads.values() for p in group})
        names = [f"{self.people.name(p.person_id)} ({party_label(d.party)})"
                 for d in self._delegations for p in heads.get(d.party.key, ())]
        self.heads_offer.setText(self.tr("Last year's heads: %1").replace("%1", "; ".join(names)))
        for widget in (self.heads_offer, self.add_heads_button):
            widget.setVisible(bool(names))

    def add_offered_heads(self) -> None:
        """Last year's heads join their delegations as invited heads (never as attendance), where the
        delegation has no head yet."""
        added = False
        for index, delegation in enumerate(self._delegations):
            offered = self.offered_heads.get(delegation.party.key, ())
            present = {p.person_id for p in delegation.participants}
            if not offered or any(p.role is Role.HEAD for p in delegation.participants):
                continue
            # funded as the delegation is now, as any new row (domain.protocol.new_participant; round 16:
            # every head came back unfunded in a programme-supported delegation)
            new = [replace(p, id=new_id(), programme_funded=delegation.programme_supported)
                   for p in offered if p.person_id not in present]
            if new:
                self._set_participants(index, [*new, *delegation.participants])
                added = True
        for widget in (self.heads_offer, self.add_heads_button):
            widget.hide()
        self.offered_heads = {}
        if added:
            self._draw()
            self.changed.emit("participants.add")

    def follow_start_date(self, stored: set[str]) -> None:
        """A start date typed for a meeting that has not begun: rows not yet saved that took today's
        status (attended) become invited (`protocol.invite_new_rows`), and the status bar says so."""
        invited = protocol.invite_new_rows(self._delegations, self.meeting_start(), self.today(), stored)
        if invited != self._delegations:
            self._delegations = invited
            self._draw()
            self.told.emit(self.tr("The meeting starts on %1: the participants added are invited, "
                                   "not attended.").replace("%1", format_date(self.meeting_start())))

    def _filled_from_last_time(self, participant: Participant) -> Participant:
        """A known person picked: institution and position as at their most recent participation,
        where the row has none yet, so the officer only corrects what changed (sex is the person's)."""
        last = self.people.latest(participant.person_id)
        if last is None:
            return participant
        if participant.institution_id is None and last.institution_id:
            self.institutions.load(last.institution_id)
            participant = replace(participant, institution_id=last.institution_id)
        if participant.position is None and last.position:
            participant = replace(participant, position=last.position)
        return participant

    def _say_refused(self, message: str | None) -> None:
        from desktop_app.ui.texts import shown

        self.status_notice.setText(shown(message) if message else "")
        self.status_notice.setVisible(bool(message))

    def mark_confirmed_attended(self) -> None:
        """Everyone still confirmed came (after the meeting); one undo step."""
        if not protocol.has_begun_on(self.meeting_start(), self.today()):
            self._say_refused(protocol.status_change_problem_on(
                self.meeting_start(), ParticipationStatus.CONFIRMED, ParticipationStatus.ATTENDED, self.today()))
            return
        marked = protocol.mark_confirmed_attended(self._delegations)
        if list(marked) != self._delegations:
            self._delegations = list(marked)
            self._draw()
            self.changed.emit("participants.status")

    def apply_signatures(self, signed: set[str]) -> None:
        """Attendance back from the signed sheet (see SignedSheetDialog): one undo step."""
        marked = protocol.apply_signatures(self._delegations, signed)
        if list(marked) != self._delegations:
            self._delegations = list(marked)
            self._draw()
            self.changed.emit("participants.status")

    # --- drawing -------------------------------------------------------------------------------

    def _draw(self, select: int | None = None) -> None:
        keep = self.current_index() if select is None else select
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._delegations))
        for index in range(len(self._delegations)):
            self._draw_delegation_row(index)
        self.table.blockSignals(False)
        if self._delegations:
            self.table.setCurrentCell(max(0, min(keep, len(self._delegations) - 1)), PARTY)
        self._draw_participants()

    def _draw_delegation_row(self, index: int) -> None:
        delegation = self._delegations[index]
        blocked = self.table.blockSignals(True)
        self.table.put(index, PARTY, party_label(delegation.party), editable=False)
        self.table.set_hover(index, PARTY, party_label(delegation.party))  # a long name in full
        self.table.put_choice(index, SIDE, self.side_labels, delegation.side)
        supported = self.table.put(index, SUPPORTED, "", editable=False)
        supported.setFlags(supported.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        supported.setCheckState(Qt.CheckState.Checked if delegation.programme_supported else Qt.CheckState.Unchecked)
        self.table.put(index, NOTES, delegation.notes or "")
        count = self.table.put(index, COUNT, str(len(delegation.participants)), editable=False)
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.blockSignals(blocked)

    def _draw_participants(self) -> None:
        index = self.current_index()
        participants = self._participants_of(index) if index >= 0 else []
        keep = self.participants.currentRow()
        self.participants.blockSignals(True)
        self.participants.setRowCount(len(participants))
        for row, participant in enumerate(participants):
            self._draw_participant_row(row, participant)
        self.participants.blockSignals(False)
        if participants:
            self.participants.setCurrentCell(max(0, min(keep, len(participants) - 1)), NAME)
        title = (self.tr("Participants — %1").replace("%1", party_label(self._delegations[index].party))
                 if index >= 0 else self.tr("Participants"))
        self.participants_box.setTitle(title)
        self.participants_box.setEnabled(index >= 0)
        self.show_head_warning()

    def _draw_participant_row(self, row: int, participant: Participant) -> None:
        blocked = self.participants.blockSignals(True)
        person = self.people.person(participant.person_id)
        self.participants.put(row, NAME, person.name if person else "")
        self.participants.put(row, INSTITUTION, self.institutions.name(participant.institution_id))
        self.participants.set_hover(row, INSTITUTION, self.institutions.name(participant.institution_id))
        self.participants.put(row, POSITION, participant.position or "")
        self.participants.put_choice(row, ROLE, self.role_labels, participant.role)
        self.participants.put_choice(row, SEX, self.sex_labels, person.sex if person else None)
        self.participants.put_choice(row, STATUS, self.status_labels, participant.status)
        funded = self.participants.put(row, FUNDED, "", editable=False)
        funded.setFlags(funded.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        funded.setCheckState(Qt.CheckState.Checked if participant.programme_funded else Qt.CheckState.Unchecked)
        self.participants.blockSignals(blocked)

    def show_head_warning(self) -> None:
        index = self.current_index()
        text = ""
        expected = [p for p in self._delegations[index].participants if p.status in protocol.EXPECTED] \
            if index >= 0 else []
        if expected:  # the people who come or may come; one of them heads the delegation
            heads = sum(1 for p in expected if p.role is Role.HEAD)
            if heads == 0:
                text = self.tr("This delegation has no head: set one participant's role to Head.")
            elif heads > 1:
                text = self.tr("This delegation has %1 heads; one is usual.").replace("%1", str(heads))
        self.head_warning.setText(text)
        self.head_warning.setVisible(bool(text))


def _typed_end(participants: tuple[Participant, ...], left_blank: Callable[[Participant], bool]) -> int:
    """How many participants the record holds: all but the rows left blank at the end."""
    end = len(participants)
    while end > 0 and left_blank(participants[end - 1]):
        end -= 1
    return end
