"""The Report dialog: choose the selection and the format, see the report, export it, open it.

The preview is the same document the PDF is printed from, so what the officer sees is what is
exported. Counting and writing run off the window's thread (`ui.long_work`), with progress and
Cancel; a cancelled export leaves no partial file and any earlier file of that name as it was.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.services.report import ReportSelection, build_report, write_report
from desktop_app.services.report.build import ANNEX_LIMIT, for_format, report_parties, report_series
from desktop_app.services.report.model import Report
from desktop_app.services.report.pdf import report_document
from desktop_app.ui.long_work import Progress, WorkCancelled, run_with_progress
from desktop_app.ui.preferences import load_preferences
from desktop_app.ui.save_names import may_write
from desktop_app.ui.texts import shown
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.translations import ui_language
from desktop_app.ui.widgets.date_fields import DateField, to_date
from desktop_app.ui.widgets.screen_fit import resize_within_screen

# The English names are the keys `period_of` knows; the combo shows them translated.
PERIODS = (QT_TRANSLATE_NOOP("ReportDialog", "All dates"), QT_TRANSLATE_NOOP("ReportDialog", "This year"),
           QT_TRANSLATE_NOOP("ReportDialog", "Last year"), QT_TRANSLATE_NOOP("ReportDialog", "Last quarter"),
           QT_TRANSLATE_NOOP("ReportDialog", "Custom"))
FORMATS = ((QT_TRANSLATE_NOOP("ReportDialog", "PDF document (.pdf)"), "pdf"),
           (QT_TRANSLATE_NOOP("ReportDialog", "Word document (.docx)"), "docx"),
           (QT_TRANSLATE_NOOP("ReportDialog", "Excel workbook (.xlsx)"), "xlsx"),
           (QT_TRANSLATE_NOOP("ReportDialog", "Web page (.html)"), "html"))


def period_of(choice: str, today: date) -> tuple[date | None, date | None]:
    """The dates a quick choice stands for; "Last quarter" is the last complete calendar quarter."""
    if choice == "This year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if choice == "Last year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if choice == "Last quarter":
        quarter = (today.month - 1) // 3  # 0..3, the current one
        year, quarter = (today.year - 1, 3) if quarter == 0 else (today.year, quarter - 1)
        first = date(year, quarter * 3 + 1, 1)
        last_month = quarter * 3 + 3
        last = date(year + 1, 1, 1) if last_month == 12 else date(year, last_month + 1, 1)
        return first, date.fromordinal(last.toordinal() - 1)
    return None, None


class ReportDialog(QDialog):
    """`language` of the report (country names, narrative); None: the window's language."""

    def __init__(self, database: Database, language: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.language = language or ui_language()
        self.report: Report | None = None
        self.exported: Path | None = None
        self.setWindowTitle(self.tr("Summary report"))
        resize_within_screen(self, 1000, 720)  # Save/Close in view at 1366×768 and 150 % (issue 14)

        self.period = QComboBox()
        for period in PERIODS:
            self.period.addItem(self.tr(period), period)
        # typed as in the form's date fields (round 17: a QDateEdit kept its own date when
        # 13.12.2023 was typed into an English window, and the report covered that other period)
        self.date_from = DateField()
        self.date_to = DateField()
        for edit, value in ((self.date_from, to_date(QDate.currentDate().addYears(-1))),
                            (self.date_to, date.today())):
            edit.set_value(value)
            edit.setEnabled(False)
        self.series = QComboBox()
        self.series.addItem(self.tr("All series"), None)
        for name in report_series(database):  # each once, whatever the cases it is stored in
            self.series.addItem(name, name)
        self.country = QComboBox()
        self.country.addItem(self.tr("All parties"), None)
        for key, name in report_parties(database, self.language):
            self.country.addItem(name, key)
        self.include_drafts = QCheckBox(self.tr("&Include drafts (marked as drafts)"))
        self.no_names = QCheckBox(self.tr("&Leave out people's names"))
        self.format = QComboBox()
        for label, kind in FORMATS:
            self.format.addItem(self.tr(label), kind)
        defaults = load_preferences()  # Settings ▸ Summary report defaults
        self.format.setCurrentIndex(max(0, self.format.findData(defaults.report_format)))

        # every label and button answers an Alt letter of its own, in English and in Russian (round 18;
        # the letters: docs/user-guide.md "Keys", the Russian ones in tools/fill_translations_ru.py)
        dates = QHBoxLayout()
        dates.addWidget(self.period)
        self.from_label = QLabel(self.tr("&from"))
        self.from_label.setBuddy(self.date_from)
        self.to_label = QLabel(self.tr("&to"))
        self.to_label.setBuddy(self.date_to)
        dates.addWidget(self.from_label)
        dates.addWidget(self.date_from)
        dates.addWidget(self.to_label)
        dates.addWidget(self.date_to)
        dates.addStretch()
        form = QFormLayout()
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period)
        form.addRow(period_label, dates)
        form.addRow(self.tr("&Series:"), self.series)
        form.addRow(self.tr("P&arty:"), self.country)
        form.addRow("", self.include_drafts)
        form.addRow("", self.no_names)
        form.addRow(self.tr("F&ormat:"), self.format)

        self.summary = QLabel()
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setDefault(True)
        self.open_button = QPushButton(self.tr("Ope&n file"))
        self.folder_button = QPushButton(self.tr("S&how in folder"))
        self.exported_label = QLabel()
        for button in (self.open_button, self.folder_button):
            button.setEnabled(False)
        close = QPushButton(self.tr("&Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.exported_label, 1)
        for button in (self.open_button, self.folder_button, self.export_button, close):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)  # typing a date does not rebuild on every key
        self._refresh_timer.timeout.connect(self.refresh)
        self.period.currentIndexChanged.connect(lambda _i: self._period_chosen(self.period.currentData()))
        for signal in (self.date_from.changed, self.date_to.changed, self.series.currentIndexChanged,
                       self.country.currentIndexChanged, self.include_drafts.toggled, self.no_names.toggled,
                       self.format.currentIndexChanged):
            signal.connect(self._refresh_timer.start)
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_in_folder)
        close.clicked.connect(self.reject)
        self.refresh()

    def _period_chosen(self, choice: str) -> None:
        custom = choice == "Custom"
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(custom)
        start, end = period_of(choice, date.today())
        if start and end:
            for edit, value in ((self.date_from, start), (self.date_to, end)):
                edit.blockSignals(True)
                edit.set_value(value)
                edit.blockSignals(False)
        self._refresh_timer.start()

    def period_problem(self) -> str | None:
        """Why the period shown cannot be reported on: a date that is not one (its box in red), or
        a period that ends before it starts; None when the report can cover exactly what is shown."""
        custom = self.period.currentData() == "Custom"
        for edit in (self.date_from, self.date_to):
            style = "color: #b00020;" if custom and edit.problem() is not None else ""
            if edit.styleSheet() != style:
                edit.setStyleSheet(style)
        if self.period.currentData() == "All dates":
            return None
        for edit in (self.date_from, self.date_to):
            if (problem := edit.problem()) is not None:
                return shown(problem)
            if edit.value() is None:
                return self.tr("Give both dates of the period, or choose All dates.")
        start, end = self.date_from.value(), self.date_to.value()
        if start is not None and end is not None and start > end:
            return self.tr("The period ends before it starts; choose the dates again.")
        return None

    def selection(self) -> ReportSelection:
        """What the choices say; only used once `period_problem()` has nothing to say."""
        start: date | None = None
        end: date | None = None
        if self.period.currentData() != "All dates":
            start, end = self.date_from.value(), self.date_to.value()
        return ReportSelection(date_from=start, date_to=end, series=self.series.currentData(),
                               country=self.country.currentData(), include_drafts=self.include_drafts.isChecked(),
                               names=not self.no_names.isChecked())

    def _built(self, selection: ReportSelection) -> tuple[Report, QTextDocument]:
        """The report's numbers, counted off the window's thread with progress and Cancel.

        While counting, the window keeps handling events; a change of the selection meanwhile counts
        again once this count is done (never a count inside a count, whose older result would win)."""
        if getattr(self, "_counting", False):
            self._refresh_timer.start()
            raise WorkCancelled
        self._counting = True
        try:
            return self._count(selection)
        finally:
            self._counting = False

    def _count(self, selection: ReportSelection) -> tuple[Report, QTextDocument]:
        """The report and its preview document, both made off the window's thread (issue 19): Qt's
        rich text parses some 2 ms a row of the Dialogues table, seconds for thousands of dialogues,
        during which the window would not repaint nor hear Cancel. The document is handed to the
        window's thread before it is returned; the preview lays out what it shows as it scrolls."""
        database, language = self.database, self.language
        window_thread = QCoreApplication.instance().thread()  # type: ignore[union-attr]

        def job(progress: Progress) -> tuple[Report, QTextDocument]:
            # the preview is the PDF's text: no Participants table (Export counts afresh)
            report = build_report(database, selection, language, with_participants=False)
            progress.check()
            document = report_document(report)
            document.moveToThread(window_thread)
            return report, document

        return run_with_progress(self.parentWidget() if not self.isVisible() else self, self.tr("Summary report"),
                                 self.tr("Counting the selected dialogues…"), job,
                                 category="report", name="report building")

    def refresh(self) -> None:
        """Rebuild the report and show it; a period that cannot be read or ends before it starts is
        said in one sentence, and no report is shown or exported."""
        self._refresh_timer.stop()
        problem = self.period_problem()
        if problem is not None:
            self.report = None
            self.summary.setText(problem)
            self.export_button.setEnabled(False)
            self.preview.clear()
            return
        selection = self.selection()
        built: tuple[Report, QTextDocument] | UserError | WorkCancelled
        try:
            built = self._built(selection)
        except (UserError, WorkCancelled) as error:
            built = error
        if not shiboken6.isValid(self.summary):
            # closed and deleted while the counting ran (its progress loop delivers the deletion):
            # nothing is left to show the result in
            return
        if isinstance(built, UserError):
            self.report = None
            self.summary.setText(shown(built.message))
            self.export_button.setEnabled(False)
            return
        if isinstance(built, WorkCancelled):
            self.report = None
            self.summary.setText(self.tr("Counting was cancelled; change the selection to count again."))
            self.export_button.setEnabled(False)
            return
        self.report, document = built
        s = self.report.summary
        counts = (self.tr("%1 dialogues, %2 delegations, %3 participants (%4 women, %5 men, %6 not recorded)")
                  .replace("%1", str(s.dialogues)).replace("%2", str(s.delegations))
                  .replace("%3", str(s.participants)).replace("%4", str(s.women)).replace("%5", str(s.men))
                  .replace("%6", str(s.sex_not_recorded)))
        text = counts if s.dialogues else self.tr("No dialogues match the selection.")
        if s.dialogues > ANNEX_LIMIT and self.format.currentData() in ("pdf", "docx", "html"):
            text += "\n" + (self.tr("The per-dialogue annex will be left out: more than %1 dialogues are selected.")
                            .replace("%1", str(ANNEX_LIMIT)))
        self.summary.setText(text)
        self.export_button.setEnabled(True)
        document.setParent(self.preview)
        self.preview.setDocument(document)

    def choose_target(self, kind: str) -> Path | None:
        """Ask where to save; tests replace this to answer without a native file dialog."""
        suggested = str(Path.home() / f"dialogue-report-{date.today().isoformat()}.{kind}")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"), suggested, f"*.{kind}")
        return Path(name) if name else None

    def export(self) -> None:
        if self._refresh_timer.isActive():  # a date typed but not yet read (Enter at once): read it now;
            self.refresh()  # one that cannot be read is said and nothing is exported
        if self.report is None:
            return
        kind = self.format.currentData()
        chosen = self.choose_target(kind)
        if chosen is None:
            return
        target = chosen if chosen.suffix.lower() == f".{kind}" else chosen.with_name(chosen.name + f".{kind}")
        if not may_write(self, chosen, target, self.tr("Summary report")):  # the dialog asked about `chosen` only
            return
        database, selection, language = self.database, self.selection(), self.language
        counting = self.tr("Counting the selected dialogues…")
        writing = self.tr("Writing %1…").replace("%1", target.name)

        def job(progress: Progress) -> Path:
            progress.report(0, 0, counting)
            report = build_report(database, selection, language, **for_format(kind))  # fresh numbers

            def tick(done: int, total: int) -> None:
                progress.check()  # Cancel: the safe writer removes the partial file, the old one stays
                progress.report(done, total, writing)

            return write_report(report, target, kind, tick)

        try:
            self.exported = run_with_progress(self, self.tr("Summary report"), counting, job, category="report",
                                              name="report writing", writes=True)
        except WorkCancelled:
            self.exported_label.setText(self.tr("The export was cancelled; no file was written."))
            return
        except UserError as error:
            QMessageBox.warning(self, self.tr("Summary report"), shown(error.message))
            return
        self.exported_label.setText(self.tr("Saved to %1").replace("%1", str(self.exported)))
        self.open_button.setEnabled(True)
        self.folder_button.setEnabled(True)

    def open_file(self) -> None:
        if self.exported:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.exported)))

    def show_in_folder(self) -> None:
        if self.exported:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.exported.parent)))
