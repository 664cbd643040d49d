"""Every word the report prints, in English and Russian, and how numbers and dates read in each.

The report is written in one language throughout (contract §3 v2): headings, sheet names, column
headers, codes of the record (kind, side, status, role), numbers and dates. Text typed by officers
(titles, names, positions, topics) is shown as typed. The English text is the key; `t()` gives the
Russian one. A key without a Russian entry is a defect that tests/services/test_report_russian.py finds.
"""

from __future__ import annotations

from datetime import date

KIND = {"regional": "Regional", "bilateral": "Bilateral", "expert-meeting": "Expert meeting",
        "high-level": "High-level", "other": "Other"}
SIDE = {"eu": "EU", "partner": "Partner", "other": "Other"}
STATUS = {"draft": "Draft", "final": "Final"}
ACTION_STATUS = {"open": "Open", "done": "Done", "carried": "Carried"}
ROLE = {"head": "Head", "deputy_head": "Deputy head", "alternate": "Alternate", "adviser": "Adviser",
        "expert": "Expert", "interpreter": "Interpreter", "observer": "Observer", "member": "Member"}
PARTICIPATION_STATUS = {"invited": "Invited", "confirmed": "Confirmed", "attended": "Attended",
                        "absent": "Absent", "cancelled": "Cancelled"}
SEX = {"female": "Female", "male": "Male"}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
MONTHS_RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                      "октября", "ноября", "декабря")

RU: dict[str, str] = {
    # sheets and tables
    "Summary": "Сводка", "Dialogues": "Диалоги", "Years": "По годам", "Participation": "Участие",
    "Participants": "Участники", "Topics": "Темы", "Actions": "Действия",
    "Metric": "Показатель", "Value": "Значение", "Share": "Доля",
    # Summary rows
    "Period from": "Период с", "Period to": "Период по", "Delegations": "Делегации",
    "Unique people": "Уникальные лица", "Women": "Женщины", "Men": "Мужчины", "Sex not recorded": "Пол не указан",
    "Countries represented": "Представлено стран", "Organisations represented": "Представлено организаций",
    "Programme-supported delegations": "Делегации при поддержке программы",
    "Programme-supported participants": "Участники в делегациях при поддержке программы",
    "Drafts included": "Включено черновиков", "Invited": "Приглашено",
    "Unique women": "Уникальные лица: женщины", "Unique men": "Уникальные лица: мужчины",
    "Unique people, sex not recorded": "Уникальные лица: пол не указан",
    "Partner-side participants": "Участники со стороны партнёров", "EU-side participants": "Участники со стороны ЕС",
    "Programme-funded participants": "Участники за счёт программы",
    "Programme-funded women": "Женщины за счёт программы", "Programme-funded men": "Мужчины за счёт программы",
    "Dialogues supported by the programme": "Диалоги при поддержке программы",
    "Institutions represented": "Представлено учреждений", "Actions open": "Открытые действия",
    "Actions done": "Выполненные действия", "Actions overdue": "Просроченные действия",
    # columns
    "Start date": "Дата начала", "End date": "Дата окончания", "Title": "Название", "Series": "Серия",
    "Kind": "Вид", "City": "Город", "Country": "Страна", "Chair": "Председатель", "Status": "Статус",
    "Year": "Год", "Party": "Сторона", "Side": "Принадлежность", "Dialogues attended": "Диалогов посещено",
    "Dialogue": "Диалог", "Name": "Имя", "Sex": "Пол", "Institution": "Учреждение", "Position": "Должность",
    "Role": "Роль", "Programme-funded": "За счёт программы", "Topic": "Тема", "Action": "Действие",
    "Owner": "Ответственный", "Due date": "Срок", "Fact": "Сведения", "Delegation": "Делегация",
    "Participant": "Участник", "Item": "Пункт", "Presented by": "Докладчик", "#": "№",
    # codes of the record
    "Regional": "Региональный", "Bilateral": "Двусторонний", "Expert meeting": "Встреча экспертов",
    "High-level": "Высокого уровня", "Other": "Другое", "EU": "ЕС", "Partner": "Партнёр", "Draft": "Черновик",
    "Final": "Окончательный", "Open": "Открыто", "Done": "Выполнено", "Carried": "Перенесено",
    "Head": "Глава делегации", "Deputy head": "Заместитель главы", "Alternate": "Заместитель",
    "Adviser": "Советник", "Expert": "Эксперт", "Interpreter": "Переводчик", "Observer": "Наблюдатель",
    "Member": "Член делегации", "Confirmed": "Подтверждено", "Attended": "Присутствовал(а)",
    "Absent": "Не явился(ась)", "Cancelled": "Отменено", "Female": "Ж", "Male": "М", "Yes": "Да", "No": "Нет",
    # report text
    "Summary report of dialogues": "Сводный отчёт о диалогах", "Contents": "Содержание",
    "Reporting period": "Отчётный период", "All dates": "За всё время", "Filters": "Отбор",
    "all": "все", "All series": "Все серии", "All parties": "Все стороны", "Drafts": "Черновики",
    "left out": "не включены", "included and marked": "включены и отмечены",
    "Names of people": "Имена участников", "shown": "приводятся", "Generated on": "Составлен",
    "by Dialogue Register": "программой «Реестр диалогов»",
    "No dialogues match the selection.": "Нет диалогов, соответствующих отбору.",
    "None.": "Нет.", "No agenda recorded.": "Повестка не записана.", "No actions recorded.": "Действия не записаны.",
    "No delegations recorded.": "Делегации не записаны.", "(draft)": "(черновик)",
    "programme-supported": "при поддержке программы", "Dialogues in detail": "Диалоги подробно",
    "Agenda": "Повестка", "Dates": "Даты", "Place": "Место", "Online": "Онлайн", "not recorded": "не указано",
    "Supported by": "При поддержке", "Page %1 of %2": "Стр. %1 из %2",
    "Participants by year": "Участники по годам", "Participation by party": "Участие по сторонам",
    "Not recorded": "Не указан", "Other (%1)": "Прочие (%1)", "Nothing to show.": "Нет данных.",
    "Figure: participants (attended) by year of the dialogue's start, by sex.":
        "Рисунок: участники (присутствовавшие) по году начала диалога, по полу.",
    "Figure: participants (attended) by party, most first.":
        "Рисунок: участники (присутствовавшие) по сторонам, по убыванию.",
    "The per-dialogue annex is left out: the selection has %1 dialogues, more than %2. "
    "Narrow the selection to include it.":
        "Приложение по отдельным диалогам не включено: в отборе %1 диалогов, больше %2. "
        "Сузьте отбор, чтобы включить его.",
    "names left out": "имена не приводятся", "%1 participants": "участников: %1",
    "Delegations and participants": "Делегации и участники", "programme-funded": "за счёт программы",
    "Council presidency": "Председательство в Совете ЕС",  # issue 16, round 4
    "%1: delegations under its former names count as the same party.":
        "%1: делегации под прежними названиями учитываются как та же сторона.",
}


def t(text: str, language: str) -> str:
    """`text` in the report's language (English is the key)."""
    return RU.get(text, text) if language == "ru" else text


def plural_ru(count: int, one: str, few: str, many: str) -> str:
    """Russian agrees the noun with the number: 1 делегация, 2 делегации, 5 делегаций, 21 делегация."""
    if count % 10 == 1 and count % 100 != 11:
        return one
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return few
    return many


def number_text(value: int, language: str) -> str:
    """1,234 in English; 1 234 in Russian (a no-break space groups the thousands)."""
    text = f"{value:,}"
    return text.replace(",", "\u00a0") if language == "ru" else text


def share_text(part: int, whole: int, language: str) -> str:
    """A share in per cent with one decimal: 43.1% in English, 43,1 % in Russian; empty when whole is 0."""
    if not whole:
        return ""
    text = f"{100 * part / whole:.1f}"
    return text.replace(".", ",") + "\u00a0%" if language == "ru" else text + "%"


def table_date(value: date, language: str) -> str:
    """Dates in table cells: 2023-12-13 in English, 13.12.2023 in Russian."""
    return value.strftime("%d.%m.%Y") if language == "ru" else value.isoformat()


def text_date(value: date, language: str) -> str:
    """Dates in running text: 13 December 2023; 13 декабря 2023 г."""
    if language == "ru":
        return f"{value.day} {MONTHS_RU_GENITIVE[value.month - 1]} {value.year} г."
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def period_words(start: date | None, end: date | None, language: str) -> str:
    """The reporting period in words, for the title page: "13 December 2023 – 5 January 2024"."""
    if start is None and end is None:
        return t("All dates", language)
    if language == "ru":
        first = f"с {text_date(start, language)}" if start else ""
        last = f"по {text_date(end, language)}" if end else ""
        return " ".join(x for x in (first, last) if x)
    if start and end:
        return f"{text_date(start, language)} – {text_date(end, language)}"
    return f"From {text_date(start, language)}" if start else f"Until {text_date(end, language)}"  # type: ignore[arg-type]
