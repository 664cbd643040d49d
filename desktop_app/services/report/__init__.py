"""The summary report (contract §3): one model from SQL aggregates, rendered as XLSX, DOCX, PDF or HTML."""

from desktop_app.services.report.build import ReportSelection, build_report
from desktop_app.services.report.writing import FORMATS, format_of, write_report

__all__ = ["FORMATS", "ReportSelection", "build_report", "format_of", "write_report"]
