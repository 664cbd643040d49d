"""How the form marks a problem or a warning: colours taken from the window's palette, and icons.

Fixed colours (a pale red field, dark red text) became unreadable in a dark theme, and the ⛔ / ⚠
glyphs are missing from common Linux fonts. Here the error and warning colours are chosen against
the palette's own background so that text keeps a contrast of at least 4.5:1 (WCAG AA), a marked
field or cell is tinted only as far as its text stays readable, and the marker is an icon.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPalette

from desktop_app.ui.icons import coloured_icon

READABLE = 4.5  # WCAG AA for normal text
# Candidate inks from dark to light: the first readable one on the background is used.
ERROR_INKS = ("#b3261e", "#8c1d18", "#ff8a80", "#ffb4ab")
WARNING_INKS = ("#8a5300", "#6b4100", "#ffb951", "#ffd599")


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _readable(inks: tuple[str, ...], background: QColor) -> QColor:
    candidates = [QColor(ink) for ink in inks]
    return max(candidates, key=lambda ink: (contrast(ink, background) >= READABLE, -candidates.index(ink)))


def error_colour(palette: QPalette) -> QColor:
    return _readable(ERROR_INKS, palette.color(QPalette.ColorRole.Window))


def warning_colour(palette: QPalette) -> QColor:
    return _readable(WARNING_INKS, palette.color(QPalette.ColorRole.Window))


def marked_background(palette: QPalette) -> QColor:
    """The field's own background tinted towards the error colour, as far as its text stays readable."""
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    ink = _readable(ERROR_INKS, base)
    for share in (0.18, 0.12, 0.06):
        tint = QColor.fromRgbF(*(b * (1 - share) + e * share for b, e in zip(
            (base.redF(), base.greenF(), base.blueF()), (ink.redF(), ink.greenF(), ink.blueF()), strict=True)))
        if contrast(tint, text) >= READABLE:
            return tint
    return base


def marked_field_style(palette: QPalette) -> str:
    """The style sheet of a field with a problem: a border in the error colour, a light tint."""
    return (f"border: 2px solid {error_colour(palette).name()}; "
            f"background: {marked_background(palette).name()};")


def problem_icon(palette: QPalette) -> QIcon:
    return coloured_icon("problem", error_colour(palette))


def warning_icon(palette: QPalette) -> QIcon:
    return coloured_icon("warning", warning_colour(palette))
