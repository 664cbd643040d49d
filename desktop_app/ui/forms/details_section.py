"""The Details tab: the facts of the meeting — what, when, where, who chaired, about what."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop_app.domain.enums import DialogueKind, DialogueStatus, PartyType
from desktop_app.domain.errors import FieldProblem
from desktop_app.domain.records import Dialogue, Party
from desktop_app.domain.reference import council_presidency, country_name, is_eu_central_asia
from desktop_app.domain.texts import Text
from desktop_app.ui.enum_labels import dialogue_status_labels
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.translations import ui_language
from desktop_app.ui.widgets.as_stored import Shown, as_stored
from desktop_app.ui.widgets.completion import contains_completer, set_entries
from desktop_app.ui.widgets.date_fields import DateField, OptionalDateEdit
from desktop_app.ui.widgets.marks import warning_colour
from desktop_app.ui.widgets.one_line import keep_on_one_line
from desktop_app.ui.widgets.party_choices import country_code_from_text, country_label
from desktop_app.ui.widgets.party_picker import PartyPicker
from desktop_app.ui.widgets.tag_entry import TagEntry

KIND_LABELS = {DialogueKind.REGIONAL: QT_TRANSLATE_NOOP("DetailsSection", "Regional"),
               DialogueKind.BILATERAL: QT_TRANSLATE_NOOP("DetailsSection", "Bilateral"),
               DialogueKind.EXPERT_MEETING: QT_TRANSLATE_NOOP("DetailsSection", "Expert meeting"),
               DialogueKind.HIGH_LEVEL: QT_TRANSLATE_NOOP("DetailsSection", "High-level"),
               DialogueKind.OTHER: QT_TRANSLATE_NOOP("DetailsSection", "Other")}


def _combo(labels: dict, parent: QWidget) -> QComboBox:
    """The labels (marked for translation) shown in the window's language; the values stay as data."""
    combo = QComboBox(parent)
    for value, label in labels.items():
        combo.addItem(QCoreApplication.translate("DetailsSection", label), value)
    return combo


class DetailsSection(QWidget):
    """Emits `changed(field)` on every edit so the form can validate and record an undo step."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.series = QLineEdit(self)
        self.series.setCompleter(contains_completer([], self.series))
        self.kind = _combo(KIND_LABELS, self)
        self.status = QComboBox(self)
        for status, status_label in dialogue_status_labels().items():
            self.status.addItem(status_label, status)
        self.start_date = DateField(self)
        self.end_date = OptionalDateEdit(self.tr("E&nds on"), self)
        self.end_date.starts_at = self.start_date.value
        self._start_fallback = date.today()  # in the record while the start date typed cannot be read
        self._shown: dict[str, Shown] = {}  # each text field's shown text and stored value (`facts`)
        self.city = QLineEdit(self)
        self.country = PartyPicker(countries_only=True, parent=self)
        self.online = QCheckBox(self.tr("Held on&line (or partly online)"), self)
        self.chair = PartyPicker(parent=self)
        self.programmes = TagEntry(parent=self)
        self.frameworks = TagEntry(parent=self)
        self.topics = TagEntry(parent=self)
        self.summary = QPlainTextEdit(self)
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("What was discussed and agreed, in a few sentences"))
        self.title.setPlaceholderText(self.tr("e.g. EU-Central Asia Drug Dialogue 2023"))
        self.series.setPlaceholderText(self.tr("The recurring meeting this belongs to, if any"))
        self.city.setPlaceholderText(self.tr("City"))
        for line in (self.title, self.series, self.city):
            keep_on_one_line(line)

        meeting = QGroupBox(self.tr("Meeting"), self)
        facts = QFormLayout(meeting)
        facts.addRow(self.tr("&Title"), self.title)
        facts.addRow(self.tr("Se&ries"), self.series)
        facts.addRow(self.tr("&Kind"), self.kind)
        facts.addRow(self.tr("Stat&us"), self.status)
        facts.addRow(self.tr("St&art date"), self.start_date)
        facts.addRow(self.tr("End date"), self.end_date)
        place = QGroupBox(self.tr("Place and chair"), self)
        where = QFormLayout(place)
        where.addRow(self.tr("&City"), self.city)
        where.addRow(self.tr("Host countr&y"), self.country)
        where.addRow("", self.online)
        where.addRow(self.tr("C&hair"), self.chair)
        self.presidency = QLabel(place)  # the Council presidency of the date: proposed, or a warning
        self.presidency.setWordWrap(True)
        self.use_presidency = QPushButton(place)
        self.use_presidency.setAutoDefault(False)
        self.use_presidency.hide()
        # Each on a row of its own: the form layout gives a wrapped label the height its width needs
        # (beside the button, in a box layout, its third line was cut in Russian at 1366×768; round 19)
        where.addRow("", self.presidency)
        presidency_button = QHBoxLayout()
        presidency_button.addWidget(self.use_presidency)
        presidency_button.addStretch(1)
        where.addRow("", presidency_button)
        subject = QGroupBox(self.tr("Subject"), self)
        about = QFormLayout(subject)
        about.addRow(self.tr("To&pics"), self.topics)
        about.addRow(self.tr("Frame&works"), self.frameworks)
        about.addRow(self.tr("Supporting pro&grammes"), self.programmes)
        about.addRow(self.tr("Su&mmary"), self.summary)

        for form in (facts, where, about):  # each field is called what its label says, for screen readers
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                label_widget, field_widget = label and label.widget(), field and field.widget()
                if isinstance(label_widget, QLabel) and field_widget:
                    field_widget.setAccessibleName(label_widget.text().replace("&", ""))
        self.end_date.edit.setAccessibleName(self.tr("End date"))

        grid = QGridLayout(self)
        grid.addWidget(meeting, 0, 0)
        grid.addWidget(place, 0, 1)
        grid.addWidget(subject, 1, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)

        for order in ((self.title, self.series), (self.series, self.kind), (self.kind, self.status),
                      (self.status, self.start_date), (self.start_date, self.end_date.check),
                      (self.end_date.check, self.end_date.edit), (self.end_date.edit, self.city),
                      (self.city, self.country), (self.country, self.online), (self.online, self.chair),
                      (self.chair, self.topics), (self.topics, self.frameworks),
                      (self.frameworks, self.programmes), (self.programmes, self.summary)):
            self.setTabOrder(*order)

        for name, edit in (("title", self.title), ("series", self.series), ("city", self.city),
                           ("country", self.country), ("chair", self.chair),
                           ("supporting_programmes", self.programmes), ("frameworks", self.frameworks),
                           ("topics", self.topics)):
            edit.textChanged.connect(lambda _t, name=name: self.changed.emit(name))
        self.kind.currentIndexChanged.connect(lambda _i: self.changed.emit("kind"))
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit("status"))
        self.start_date.changed.connect(lambda: self.changed.emit("start_date"))
        self.end_date.changed.connect(lambda: self.changed.emit("end_date"))
        self.online.toggled.connect(lambda _on: self.changed.emit("online"))
        self.summary.textChanged.connect(lambda: self.changed.emit("summary"))
        self.use_presidency.clicked.connect(self._use_presidency)
        for signal in (self.chair.textChanged, self.title.textChanged, self.series.textChanged):
            signal.connect(lambda _t: self._show_presidency())
        self.start_date.changed.connect(self._show_presidency)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_presidency())

    def _presidency_then(self) -> str | None:
        """The member state holding the Council presidency on the start date, for an EU-Central Asia
        dialogue (which the presidency chairs on the EU side); None for other meetings."""
        if not is_eu_central_asia(self.title.text(), self.series.text()):
            return None
        start = self.start_date.value()
        return council_presidency(start) if start is not None else None

    def _show_presidency(self) -> None:
        code = self._presidency_then()
        chair = self.chair.party()
        name = country_name(code, ui_language()) if code else ""
        if code is None:
            text = ""
        elif chair is None:
            text = self.tr("The Council presidency on that date: %1.").replace("%1", name)
        elif chair.type is PartyType.COUNTRY and chair.code != code:
            text = self.tr("The Council presidency on that date was %1, not %2.").replace("%1", name).replace(
                "%2", country_name(chair.code, ui_language()))
        else:
            text = ""
        warning = chair is not None and bool(text)
        self.presidency.setText(text)
        self.presidency.setStyleSheet(
            f"color: {warning_colour(self.palette()).name()}; font-weight: bold;" if warning else "")
        self.presidency.setVisible(bool(text))
        offer = code is not None and (chair is None or chair.code != code)
        self.use_presidency.setText(self.tr("Chair: %1").replace("%1", name) if offer else "")
        self.use_presidency.setVisible(offer)

    def _use_presidency(self) -> None:
        code = self._presidency_then()
        if code:
            self.chair.set_party(Party.country(code))

    def typing_problems(self) -> list[FieldProblem]:
        """What was typed but cannot be taken into the record: an unreadable or missing date."""
        problems = []
        start = self.start_date.problem()
        if start is not None:
            problems.append(FieldProblem("start_date", start))
        elif self.start_date.value() is None:
            problems.append(FieldProblem("start_date", Text("Type the date the meeting started.")))
        country = self.country.text().strip()
        if country and country_code_from_text(country) is None:
            problems.append(FieldProblem("country", Text(
                "No country is called “%1”: choose the host country from the list that opens as you type.",
                country)))
        end = self.end_date.problem()
        if end is not None:
            problems.append(FieldProblem("end_date", end))
        elif self.end_date.check.isChecked() and self.end_date.value() is None:
            problems.append(FieldProblem("end_date", Text("Type the end date, or untick “Ends on”.")))
        return problems

    def unread(self) -> tuple[tuple[str, str], ...]:
        """The dates typed that cannot be read, as typed: the record cannot hold them, the form must
        (`DialogueEditor.snapshot`), so they count as unsaved and undo gives them back."""
        typed = (("start_date", self.start_date.problem(), self.start_date),
                 ("end_date", self.end_date.problem(), self.end_date.edit))
        return tuple((name, field.typed()) for name, problem, field in typed if problem is not None)

    def show_unread(self, unread: dict[str, str]) -> None:
        """Show again dates typed that cannot be read (`unread`), after `load`."""
        if "start_date" in unread:
            self.start_date.setText(unread["start_date"])
        if "end_date" in unread:
            self.end_date.check.setChecked(True)
            self.end_date.edit.setText(unread["end_date"])

    def field_widgets(self) -> dict[str, QWidget]:
        """Which widget to mark for a problem reported on a field of the record."""
        return {"title": self.title, "series": self.series, "city": self.city, "country": self.country,
                "chair": self.chair, "summary": self.summary, "start_date": self.start_date, "status": self.status,
                "end_date": self.end_date.edit, "supporting_programmes": self.programmes,
                "frameworks": self.frameworks, "topics": self.topics}

    def set_suggestions(self, series: Iterable[str], topics: Iterable[str], frameworks: Iterable[str],
                        programmes: Iterable[str]) -> None:
        set_entries(self.series.completer(), series)
        self.topics.set_suggestions(topics)
        self.frameworks.set_suggestions(frameworks)
        self.programmes.set_suggestions(programmes)

    def load(self, dialogue: Dialogue, start_known: bool = True) -> None:
        """Show `dialogue`; `start_known=False` (a new dialogue) leaves the start date empty rather
        than showing today, which an officer entering a past meeting would keep by accident."""
        if self.title.text() != dialogue.title:
            self.title.setText(dialogue.title)
        if self.series.text() != (dialogue.series or ""):
            self.series.setText(dialogue.series or "")
        self.kind.setCurrentIndex(self.kind.findData(dialogue.kind))
        self.status.setCurrentIndex(self.status.findData(dialogue.status))
        self._start_fallback = dialogue.start_date
        self.start_date.set_value(dialogue.start_date if start_known else None)
        self.end_date.set_value(dialogue.end_date)
        if self.city.text() != (dialogue.city or ""):
            self.city.setText(dialogue.city or "")
        if country_code_from_text(self.country.text()) != dialogue.country or not dialogue.country:
            self.country.setText(country_label(dialogue.country) if dialogue.country else "")
        self.online.setChecked(dialogue.online)
        self.chair.set_party(dialogue.chair)
        self.programmes.set_tags(dialogue.supporting_programmes)
        self.frameworks.set_tags(dialogue.frameworks)
        self.topics.set_tags(dialogue.topics)
        if self.summary.toPlainText() != (dialogue.summary or ""):
            self.summary.setPlainText(dialogue.summary or "")
        self._shown = {"title": (self.title.text(), dialogue.title), "series": (self.series.text(), dialogue.series),
                       "city": (self.city.text(), dialogue.city),
                       "summary": (self.summary.toPlainText(), dialogue.summary)}

    def facts(self) -> dict[str, object]:
        """The fields of the record this tab edits, ready for `dataclasses.replace`. A text typed is
        trimmed (and empty is no value); one not edited since `load` is the stored value as it was
        (`as_stored`: a bundle's " Brussels" or "" is not rewritten by a save of another field)."""
        country = self.country.party()
        start: date = self.start_date.value() or self._start_fallback
        shown = self._shown
        return {
            "title": as_stored(shown.get("title"), self.title.text(), str.strip),
            "series": as_stored(shown.get("series"), self.series.text(), _text_or_none),
            "kind": DialogueKind(self.kind.currentData()), "status": DialogueStatus(self.status.currentData()),
            "start_date": start,
            "end_date": self.end_date.value(), "city": as_stored(shown.get("city"), self.city.text(), _text_or_none),
            "country": country.code if country else None, "online": self.online.isChecked(),
            "chair": self.chair.party(), "supporting_programmes": self.programmes.tags(),
            "frameworks": self.frameworks.tags(), "topics": self.topics.tags(),
            "summary": as_stored(shown.get("summary"), self.summary.toPlainText(), _text_or_none),
        }


def _text_or_none(text: str) -> str | None:
    """A typed text as stored: trimmed, and no value when nothing is left."""
    return text.strip() or None
