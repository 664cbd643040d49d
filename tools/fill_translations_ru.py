"""Fill the unfinished messages of the Russian catalogue from the table below, and the plural forms of
the English one, so a translation is one reviewed table row rather than a hand-edited XML file.

    .venv/bin/python tools/fill_translations_ru.py            # after pyside6-lupdate (`make translations`)
    .venv/bin/python tools/fill_translations_ru.py --check    # exit 1 and list what is still untranslated

A new string in the UI: run `make translations`; the script names each message it could not fill;
add a row to RU (key: the English source, or (context, source) where one English word needs different
Russian in different places), and run `make translations` again. The table wins: a message with a row
gets the row's text (so correcting a row corrects the catalogue); a message without a row keeps what
the .ts file has (e.g. a translation made in Qt Linguist) and is reported only while unfinished. Russian plurals are a
tuple of the three forms (1 день, 2 дня, 5 дней); `%n` stands for the number.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
RU_FILE = FOLDER / "dialogue_register_ru.ts"
EN_FILE = FOLDER / "dialogue_register_en.ts"

Translation = str | tuple[str, ...]

RU: dict[str | tuple[str, str], Translation] = {
    # --- the program and its files ---
    "Dialogue Register": "Реестр диалогов",
    "Dialogue Register %1": "Реестр диалогов %1",
    "A record of drug-policy dialogues, their delegations and participants.":
        "Учёт диалогов по наркополитике, их делегаций и участников.",
    "Database: %1": "База данных: %1",
    "Data folder: %1": "Папка данных: %1",
    "Error log: %1": "Журнал ошибок: %1",
    "The data folder is %1.": "Папка данных: %1.",
    "Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)":
        "Базы данных Реестра диалогов (*.sqlite3 *.sqlite *.db);;Все файлы (*)",
    "Dialogue Register databases (*.sqlite3 *.db);;All files (*)":
        "Базы данных Реестра диалогов (*.sqlite3 *.db);;Все файлы (*)",
    "Exchange bundles (*.json);;All files (*)": "Пакеты обмена (*.json);;Все файлы (*)",
    "Open database": "Открыть базу данных",
    "New database": "Новая база данных",
    "%1 already exists; use Open database to open it, or choose a new name.":
        "Файл %1 уже существует: откройте его командой «Открыть базу данных» или выберите другое имя.",
    "Import bundle": "Импорт пакета обмена",
    "Export bundle": "Экспорт пакета обмена",
    "Exported 1 dialogue to %2.": "Экспортирован 1 диалог в файл %2.",
    "Exported %1 dialogues to %2.": "Экспортировано диалогов: %1, файл %2.",
    # --- the dialogue list and its filters ---
    "any": "любая",
    "Search title, series, city, topics, summary, participants…":
        "Поиск по названию, серии, городу, темам, итогам, участникам…",
    "Meetings starting on or after this date": "Встречи, начавшиеся в эту дату или позже",
    "Meetings starting on or before this date": "Встречи, начавшиеся в эту дату или раньше",
    "All countries": "Все страны",
    "Any status": "Любой статус",
    "&Search:": "&Поиск:",
    "&From:": "&С:",
    "to:": "по:",
    "All series": "Все серии",
    "Date": "Дата",
    "Title": "Название",
    "Series": "Серия",
    "Place": "Место",
    "Chair": "Председатель",
    "Delegations": "Делегации",
    "Participants": "Участники",
    "Status": "Статус",
    "%1 (online)": "%1 (онлайн)",
    "Online": "Онлайн",
    "Draft": "Черновик",
    "Final": "Окончательный",
    # --- people and institutions ---
    "Name": "Имя",
    ("InstitutionTableModel", "Name"): "Название",
    ("ConflictsDialog", "Name"): "Имя / название",
    "Acronym": "Сокращение",
    "Country": "Страна",
    "Other spellings": "Другие написания",
    "Sex": "Пол",
    "Email": "Эл. почта",
    "E-mail": "Эл. почта",
    "Meetings": "Встречи",
    "Female": "Женский",
    "Male": "Мужской",
    "Not recorded": "Не указан",
    "%n meeting(s)": ("%n встреча", "%n встречи", "%n встреч"),
    "Search names in any spelling…": "Поиск имени в любом написании…",
    "Search name or acronym…": "Поиск по названию или сокращению…",
    "&New person…": "&Новый человек…",
    "&New institution…": "&Новое учреждение…",
    "&Edit…": "&Изменить…",
    "&Merge…": "&Объединить…",
    "Select the two records of one person, then merge them into one":
        "Выберите две записи об одном человеке и объедините их в одну",
    "Select exactly two people (Ctrl+click) to merge them into one record.":
        "Выберите ровно двух людей (Ctrl+щелчок), чтобы объединить их в одну запись.",
    "Merge these two records of one person?": "Объединить эти две записи об одном человеке?",
    "All meetings move to the record you keep; the other name is kept as another spelling.":
        "Все встречи перейдут в оставляемую запись; другое имя сохранится как другое написание.",
    "Keep “%1”": "Оставить «%1»",
    "Person — %1": "Человек — %1",
    "New person": "Новый человек",
    "Institution — %1": "Учреждение — %1",
    "New institution": "Новое учреждение",
    "Other spellings, separated by ;": "Другие написания через ;",
    "&Name:": "&Имя:",
    ("InstitutionDialog", "&Name:"): "&Название:",
    "&Other spellings:": "&Другие написания:",
    "&Sex:": "&Пол:",
    "&Email:": "&Эл. почта:",
    "&Acronym:": "&Сокращение:",
    "&Country:": "&Страна:",
    # --- the dialogue form ---
    "&Details": "&Сведения",
    "De&legations": "&Делегации",
    "A&genda": "П&овестка дня",
    "Follow-up a&ctions": "Последу&ющие действия",
    "&Save": "&Сохранить",
    "Close": "Закрыть",
    "&Close": "&Закрыть",
    "&Undo": "&Отменить",
    "&Redo": "&Повторить",
    "Add &delegation…": "Добавить &делегацию…",
    "Add &participant": "Добавить &участника",
    "Add &agenda item": "Добавить пункт &повестки",
    "Add &follow-up action": "Добавить последующее &действие",
    "&File": "&Файл",
    "&Edit": "&Правка",
    "&Dialogue": "&Диалог",
    "Go to %1": "Перейти: %1",
    " (and %n more)": (" (и ещё %n)", " (и ещё %n)", " (и ещё %n)"),
    "New dialogue": "Новый диалог",
    "Not saved: %1": "Не сохранено: %1",
    "Not saved": "Не сохранено",
    "The dialogue was not saved. %1": "Диалог не сохранён. %1",
    "Changed elsewhere": "Изменено в другом месте",
    "Nothing was saved. Reload the saved version now? (Your changes in this window will be discarded.)":
        "Ничего не сохранено. Загрузить сохранённую версию? (Изменения в этом окне будут отброшены.)",
    "Saved “%1”.": "«%1» сохранён.",
    "Cannot reload": "Не удаётся загрузить заново",
    "this new dialogue": "этот новый диалог",
    "Unsaved changes": "Несохранённые изменения",
    "Save your changes to “%1” before closing?": "Сохранить изменения в «%1» перед закрытием?",
    "Unsaved changes kept at %1 are back in this form: Save keeps them, Close ▸ Discard drops them.":
        "Несохранённые изменения от %1 возвращены в форму: «Сохранить» сохранит их, "
        "«Закрыть» ▸ «Не сохранять» отбросит.",
    "The dialogue was saved elsewhere since then: check before saving.":
        "С тех пор диалог был сохранён в другом месте: проверьте перед сохранением.",
    # details tab
    "Regional": "Региональный",
    "Bilateral": "Двусторонний",
    "Expert meeting": "Встреча экспертов",
    "High-level": "Высокого уровня",
    "Other": "Другое",
    ("DelegationsSection", "Other"): "Другая",
    "Ends on": "Заканчивается",
    "Held online (or partly online)": "Проводится онлайн (полностью или частично)",
    "What was discussed and agreed, in a few sentences": "Что обсудили и о чём договорились, в нескольких предложениях",
    "e.g. EU-Central Asia Drug Dialogue 2023": "напр. Диалог ЕС — Центральная Азия по наркотикам 2023",
    "The recurring meeting this belongs to, if any": "Регулярная встреча, к которой относится этот диалог, если есть",
    "City": "Город",
    "Meeting": "Встреча",
    "&Title": "&Название",
    "S&eries": "С&ерия",
    "&Kind": "&Вид",
    "Stat&us": "Стат&ус",
    "&Start date": "&Дата начала",
    "End date": "Дата окончания",
    "Start date": "Дата начала",
    "Place and chair": "Место и председательство",
    "C&ity": "&Город",
    "Host c&ountry": "Принимающая с&трана",
    "C&hair": "П&редседатель",
    "Subject": "Содержание",
    "T&opics": "&Темы",
    "&Frameworks": "&Рамочные документы",
    "Supporting &programmes": "Поддерживающие про&граммы",
    "Su&mmary": "&Итоги",
    # delegations tab
    "EU": "ЕС",
    "Partner": "Партнёр",
    "Head": "Глава делегации",
    "Member": "Член делегации",
    "Party": "Страна / организация",
    "Side": "Сторона",
    "Supported": "Поддержка",
    "Notes": "Примечания",
    "Institution": "Учреждение",
    "Position": "Должность",
    "Role": "Роль",
    "&Add delegation": "&Добавить делегацию",
    "Add the five &Central Asian countries": "Добавить пять стран &Центральной Азии",
    "Add &EU side": "Добавить сторону &ЕС",
    "&Party": "С&трана / организация",
    "Participation supported by the programme": "Участие при поддержке программы",
    "Add partici&pant": "Добавить у&частника",
    "Participants — %1": "Участники — %1",
    "This delegation has no head: set one participant's role to Head.":
        "У делегации нет главы: укажите у одного из участников роль «Глава делегации».",
    "This delegation has %1 heads; one is usual.": "У делегации несколько глав (%1); обычно глава один.",
    # agenda and actions
    "Presenter": "Докладчик",
    "&Add item": "&Добавить пункт",
    "Description": "Описание",
    "Owner": "Ответственный",
    "Due date": "Срок",
    "&Add action": "&Добавить действие",
    ("ActionsSection", "Open"): "Открыто",
    ("ActionsSection", "Done"): "Выполнено",
    "&Remove": "&Удалить",
    "Move &up": "&Вверх",
    "Move do&wn": "В&низ",
    "Country or organisation": "Страна или организация",
    "Separate values with ;": "Значения через ;",
    # --- the report ---
    "All dates": "Все даты",
    "This year": "Этот год",
    "Last year": "Прошлый год",
    "Last quarter": "Прошлый квартал",
    "Custom": "Выбрать даты",
    "PDF document (.pdf)": "Документ PDF (.pdf)",
    "Word document (.docx)": "Документ Word (.docx)",
    "Excel workbook (.xlsx)": "Книга Excel (.xlsx)",
    "Web page (.html)": "Веб-страница (.html)",
    "Summary report": "Сводный отчёт",
    "Final records only (leave out drafts)": "Только окончательные записи (без черновиков)",
    "from": "с",
    "to": "по",
    "Period:": "Период:",
    "Series:": "Серия:",
    "Country:": "Страна:",
    "Format:": "Формат:",
    "Export…": "Экспорт…",
    "Open file": "Открыть файл",
    "Show in folder": "Показать в папке",
    "The period ends before it starts; choose the dates again.":
        "Период заканчивается раньше, чем начинается; выберите даты заново.",
    "%1 dialogues, %2 delegations, %3 participants (%4 women, %5 men, %6 not recorded)":
        "Диалогов: %1, делегаций: %2, участников: %3 (женщин: %4, мужчин: %5, пол не указан: %6)",
    "No dialogues match the selection.": "Нет диалогов, отвечающих условиям отбора.",
    "Export the report": "Экспорт отчёта",
    "Writing the report…": "Запись отчёта…",
    "Counting the selected dialogues…": "Подсчёт выбранных диалогов…",
    "Writing %1…": "Запись %1…",
    "Saved to %1": "Сохранено: %1",
    # --- backups and a damaged database ---
    "Automatic (daily)": "Автоматическая (ежедневная)",
    "Backed up by hand": "Сделана вручную",
    "Before a restore": "Перед восстановлением",
    "Damaged file set aside": "Повреждённый файл, отложен",
    "Before an upgrade": "Перед обновлением",
    "Restore from backup": "Восстановление из резервной копии",
    "Choose the backup to go back to. The database as it is now is kept as a backup first, so a restore "
    "can itself be undone.\nBackups are kept in {folder}.":
        "Выберите резервную копию, к которой нужно вернуться. Текущая база данных сначала сохраняется "
        "как резервная копия, так что восстановление можно отменить.\nРезервные копии хранятся в {folder}.",
    "State": "Состояние",
    "Kind": "Вид",
    "Dialogues": "Диалоги",
    "People": "Люди",
    "There are no backups of this database yet.": "Резервных копий этой базы данных пока нет.",
    "Restore selected…": "Восстановить выбранную…",
    "Restore from a file…": "Восстановить из файла…",
    "Back up now": "Создать резервную копию",
    "Can be restored": "Можно восстановить",
    "Cannot be restored: {0}": "Нельзя восстановить: {0}",
    "Restore from a file": "Восстановление из файла",
    "Replace the database with the backup of {0}?\nThe database as it is now is kept as a backup first.":
        "Заменить базу данных резервной копией от {0}?\nТекущая база данных сначала будет сохранена как "
        "резервная копия.",
    "Restored: {0} dialogues and {1} people.": "Восстановлено диалогов: {0}, людей: {1}.",
    "Backup written to {0}.": "Резервная копия записана: {0}.",
    "The database cannot be opened": "Не удаётся открыть базу данных",
    "The database cannot be opened.": "Не удаётся открыть базу данных.",
    "File: {0}\nIt has not been changed.": "Файл: {0}\nОн не был изменён.",
    "The latest good backup is from {0}, with {1} dialogues and {2} people. Restoring it keeps the damaged "
    "file aside in the backups folder.":
        "Последняя исправная резервная копия — от {0}: диалогов {1}, людей {2}. При восстановлении "
        "повреждённый файл будет отложен в папку резервных копий.",
    "No good backup of this database was found in {0}. Open another file, or a copy you kept elsewhere.":
        "В {0} не найдено исправной резервной копии этой базы данных. Откройте другой файл или копию, "
        "сохранённую в другом месте.",
    "Restore the latest good backup": "Восстановить последнюю исправную копию",
    "Open another file…": "Открыть другой файл…",
    "Quit": "Выйти",
    "Open another database": "Открыть другую базу данных",
    # --- exchange: import preview and conflicts ---
    "New": "Новые",
    ("ImportPreviewDialog", "New"): "Новые",
    "Updated (theirs is newer)": "Обновлённые (у них новее)",
    "Unchanged": "Без изменений",
    "Kept as ours (theirs is older)": "Оставлены наши (у них старее)",
    "Conflicts (edited on both sides)": "Конфликты (изменены с обеих сторон)",
    "Institutions": "Учреждения",
    "Conflict": "Конфликт",
    "Update": "Обновление",
    "Keep ours": "Оставить наше",
    "in your trash": "в вашей корзине",
    "dialogue": "диалог",
    "person": "человек",
    "institution": "учреждение",
    "Import %1": "Импорт %1",
    "Nothing has been written yet. Importing %1 would:": "Пока ничего не записано. Импорт %1 приведёт к следующему:",
    "What": "Что",
    "Record": "Запись",
    "Fields in conflict": "Поля в конфликте",
    "%n record(s) were edited both here and by the sender since you last exchanged them. Ours will not be "
    "overwritten: after the import you choose, field by field, what to keep.": (
        "%n запись изменена и здесь, и отправителем после последнего обмена. Наши данные не будут "
        "перезаписаны: после импорта вы выберете по каждому полю, что оставить.",
        "%n записи изменены и здесь, и отправителем после последнего обмена. Наши данные не будут "
        "перезаписаны: после импорта вы выберете по каждому полю, что оставить.",
        "%n записей изменено и здесь, и отправителем после последнего обмена. Наши данные не будут "
        "перезаписаны: после импорта вы выберете по каждому полю, что оставить."),
    "Import": "Импорт",
    ("RegistrationWizard", "Import"): "Импортировать",
    ("ImportPreviewDialog", "Import"): "Импортировать",
    "Dialogue": "Диалог",
    "Person": "Человек",
    "Supporting programmes": "Поддерживающие программы",
    "Frameworks": "Рамочные документы",
    "Topics": "Темы",
    "Summary": "Итоги",
    "Agenda": "Повестка дня",
    "Actions": "Последующие действия",
    "Conflicts from imports": "Конфликты после импорта",
    "No conflicts wait for you: every import so far merged cleanly.":
        "Неразрешённых конфликтов нет: все импорты прошли без конфликтов.",
    "Field": "Поле",
    "Ours (this database)": "Наше (эта база данных)",
    "Theirs (imported)": "Их (импортировано)",
    "Keep": "Оставить",
    "Keep all ours": "Оставить всё наше",
    "Take all theirs": "Взять всё их",
    "Apply": "Применить",
    "from %1": "от %1",
    "Fields in conflict: %1": "Поля в конфликте: %1",
    "“%1” was edited here and by %2 since you last exchanged it. %3 fields differ: choose for each which "
    "version to keep.":
        "«%1» изменён и здесь, и отправителем (%2) после последнего обмена. Различающихся полей: %3; "
        "выберите для каждого, какую версию оставить.",
    "the sender": "отправитель",
    "same": "совпадает",
    "ours": "наше",
    "theirs": "их",
    # --- duplicates ---
    "Probable duplicate people": "Вероятные повторы людей",
    "Probably the same as": "Вероятно, тот же, что",
    "Score": "Сходство",
    "Merge, keep left name": "Объединить, оставить имя слева",
    "Merge, keep right name": "Объединить, оставить имя справа",
    "Not the same — skip": "Разные люди — пропустить",
    "%n pair(s) of people look like one person written differently.": (
        "%n пара записей похожа на одного человека, записанного по-разному.",
        "%n пары записей похожи на одного человека, записанного по-разному.",
        "%n пар записей похожи на одного человека, записанного по-разному."),
    "No probable duplicates were found.": "Вероятных повторов не найдено.",
    "Merge two people": "Объединение двух людей",
    "Merge “%1” into “%2”? Their participations move to “%2” and “%1” is kept as another spelling.":
        "Объединить «%1» с «%2»? Участие в встречах перейдёт к «%2», а «%1» сохранится как другое написание.",
    # --- registration-list wizard ---
    "Import a registration list": "Импорт списка регистрации",
    "Choose the registration list": "Выбор списка регистрации",
    "An Excel workbook (.xlsx) or a CSV file; the first sheet is read.":
        "Книга Excel (.xlsx) или файл CSV; читается первый лист.",
    "Path of the list": "Путь к списку",
    "Browse…": "Обзор…",
    "Dialogue:": "Диалог:",
    "List:": "Список:",
    "Registration list": "Список регистрации",
    "Registration lists (*.xlsx *.csv *.txt)": "Списки регистрации (*.xlsx *.csv *.txt)",
    "The sheet": "Лист",
    "Headings found in row %1; %2 rows below them (empty rows are skipped).":
        "Заголовки найдены в строке %1; под ними строк: %2 (пустые строки пропускаются).",
    "Which column holds what": "Что в каком столбце",
    "Guessed from the headings; correct any that are wrong.": "Определено по заголовкам; исправьте неверное.",
    "(none: every row names its country)": "(нет: в каждой строке указана страна)",
    "Delegation for rows without a country:": "Делегация для строк без страны:",
    "(not in the list)": "(нет в списке)",
    "Full name": "Полное имя",
    "Given name": "Имя",
    "Family name": "Фамилия",
    "Patronymic": "Отчество",
    "Checking every row": "Проверка каждой строки",
    "Row": "Строка",
    "What is wrong": "Что не так",
    "Delegation": "Делегация",
    "Already known as": "Уже известен как",
    "Use the known person where the name is only probably the same":
        "Использовать известного человека, если имя, вероятно, то же",
    "already in this dialogue — skipped": "уже в этом диалоге — пропущен",
    "probably %1 (%2)": "вероятно, %1 (%2)",
    "%1 rows need correcting in the file before anything can be imported; %2 rows are fine.":
        "Строк, которые нужно исправить в файле до импорта: %1; строк без ошибок: %2.",
    "All %1 rows are fine. Already known: %2; possibly known: %3; new: %4.":
        "Все строки (%1) в порядке. Уже известны: %2; возможно, известны: %3; новые: %4.",
    "Add %1 participants to “%2”. Every row is written or none is.":
        "Добавить участников (%1) в «%2». Записываются либо все строки, либо ни одной.",
    "Nothing was imported.": "Ничего не импортировано.",
    # --- main window menus and actions
    ("MainWindow", "Trash"): "Корзина",
    "&New database…": "&Новая база данных…",
    "Create an empty database file and switch to it": "Создать пустой файл базы данных и перейти к нему",
    "&Open database…": "&Открыть базу данных…",
    "Open another database file": "Открыть другой файл базы данных",
    "&Import bundle…": "&Импорт пакета…",
    "See what an exchange bundle (.json) would add or update, then import it":
        "Посмотреть, что пакет обмена (.json) добавит или обновит, и импортировать его",
    "&Export bundle…": "&Экспорт пакета…",
    "Write the dialogues shown in the list to an exchange bundle":
        "Записать диалоги, показанные в списке, в пакет обмена",
    "Export &selected dialogues…": "Экспорт в&ыбранных диалогов…",
    "Write only the dialogues selected in the list to an exchange bundle":
        "Записать в пакет обмена только диалоги, выбранные в списке",
    "Import &registration list…": "Импорт &списка регистрации…",
    "Add participants from an Excel or CSV registration list to the selected dialogue":
        "Добавить участников из списка регистрации (Excel или CSV) в выбранный диалог",
    "Summary &report…": "Сводный &отчёт…",
    "Counts and lists of meetings for the EU Delegation, as PDF, Word, Excel or HTML":
        "Итоги и перечни встреч для Представительства ЕС в формате PDF, Word, Excel или HTML",
    "&Back up now": "Создать &резервную копию",
    "Write a consistent copy of the database to its backups folder":
        "Записать согласованную копию базы данных в папку резервных копий",
    "Res&tore from backup…": "Восс&тановить из резервной копии…",
    "Go back to one of the backups of this database": "Вернуться к одной из резервных копий этой базы данных",
    "&Quit": "В&ыход",
    "&New dialogue": "&Новый диалог",
    "Record a new dialogue": "Записать новый диалог",
    "&Open dialogue": "&Открыть диалог",
    "Open the selected dialogue in its form": "Открыть выбранный диалог в форме",
    "D&uplicate as new": "С&копировать как новый",
    "Start next year's meeting from the selected dialogue": "Начать встречу следующего года с выбранного диалога",
    "&Delete to trash": "&Удалить в корзину",
    "Move the selected dialogues to the trash": "Переместить выбранные диалоги в корзину",
    "&Restore from trash": "&Вернуть из корзины",
    "Put the selected dialogues back in the list": "Вернуть выбранные диалоги в список",
    "Delete for &good…": "Удалить &навсегда…",
    "Remove the selected dialogues from the trash for ever": "Удалить выбранные диалоги из корзины навсегда",
    "&Find": "&Найти",
    "Go to the search box": "Перейти к полю поиска",
    "&Settings…": "&Настройки…",
    "Language, database location, backups, report defaults":
        "Язык, расположение базы данных, резервные копии, параметры отчёта",
    "Find duplicate &people…": "Найти &повторы людей…",
    "People recorded twice under different spellings, to merge":
        "Люди, записанные дважды в разном написании, — для объединения",
    "&Conflicts from imports…": "&Конфликты импорта…",
    "Records edited on both sides: choose field by field":
        "Записи, изменённые обеими сторонами: выбор по каждому полю",
    "&Check database": "&Проверить базу данных",
    "Look for damage in the database file": "Проверить файл базы данных на повреждения",
    "&About Dialogue Register": "&О программе Dialogue Register",
    "Show &data folder": "Показать папку с &данными",
    "&Recent databases": "&Недавние базы данных",
    "&View": "&Вид",
    "&Help": "&Справка",
    "Main": "Основная",
    "(none yet)": "(пока нет)",
    "%1 shown": "Показано: %1",
    "%1 shown / %2 total": "Показано: %1 из %2",
    "The dialogue form is not part of this build of Dialogue Register.":
        "Форма диалога не входит в эту сборку Dialogue Register.",
    "Moved 1 dialogue to the trash (View ▸ Trash to restore).":
        "1 диалог перемещён в корзину (Вид ▸ Корзина — чтобы вернуть).",
    "Moved %n dialogues to the trash (View ▸ Trash to restore).": (
        "%n диалог перемещён в корзину (Вид ▸ Корзина — чтобы вернуть).",
        "%n диалога перемещены в корзину (Вид ▸ Корзина — чтобы вернуть).",
        "%n диалогов перемещены в корзину (Вид ▸ Корзина — чтобы вернуть)."),
    "Delete “%1” for good? This cannot be undone.": "Удалить «%1» навсегда? Это нельзя отменить.",
    "Delete these %n dialogues for good? This cannot be undone.": (
        "Удалить этот %n диалог навсегда? Это нельзя отменить.",
        "Удалить эти %n диалога навсегда? Это нельзя отменить.",
        "Удалить эти %n диалогов навсегда? Это нельзя отменить."),
    "Record the dialogue first: a registration list is added to a dialogue.":
        "Сначала запишите диалог: список регистрации добавляется к диалогу.",
    "Backup written to %1.": "Резервная копия записана: %1.",
    "Check database": "Проверка базы данных",
    "Dialogue Register — %1": "Dialogue Register — %1",
    "Settings saved. A new language takes effect on the next start.":
        "Настройки сохранены. Новый язык вступит в силу при следующем запуске.",
    # --- import, export, left drafts
    "Some records were edited on both sides. Compare them field by field now?":
        "Некоторые записи изменены обеими сторонами. Сравнить их по полям сейчас?",
    "Select the dialogues to export in the list first.": "Сначала выберите в списке диалоги для экспорта.",
    "Export selected dialogues": "Экспорт выбранных диалогов",
    "Exported 1 dialogue to %1.": "1 диалог экспортирован в %1.",
    "(untitled)": "(без названия)",
    "The program ended last time before these forms were saved. Their unsaved changes were kept:\n%1\n\n"
    "Open them now to save or discard them?":
        "В прошлый раз программа завершилась, не сохранив эти формы. Их несохранённые изменения "
        "сохранены отдельно:\n%1\n\nОткрыть их сейчас, чтобы сохранить или отбросить?",
    "Open them": "Открыть",
    "Later": "Позже",
    "Discard the changes": "Отбросить изменения",
    "Throw away the unsaved changes for good?": "Отбросить несохранённые изменения навсегда?",
    # --- About
    "About Dialogue Register": "О программе Dialogue Register",
    "Version %1": "Версия %1",
    "A record of drug-policy dialogues, their delegations and participants, for programme officers.":
        "Учёт диалогов по наркополитике, их делегаций и участников — для сотрудников программ.",
    "%1 (no backups yet)": "%1 (резервных копий пока нет)",
    "Kept automatically: the newest %1 backups, plus one a month for %2 months.":
        "Хранятся автоматически: %1 последних копий и по одной в месяц за %2 мес.",
    ("AboutDialog", "Database:"): "База данных:",
    "Backups:": "Резервные копии:",
    "Error log:": "Журнал ошибок:",
    "Where your data is kept": "Где хранятся ваши данные",
    "Licences": "Лицензии",
    "Dialogue Register is free software under the %1 licence.":
        "Dialogue Register — свободная программа под лицензией %1.",
    "It uses these components, each under its own licence (see LICENSES.md):":
        "Она использует следующие компоненты, каждый под своей лицензией (см. LICENSES.md):",
    "The folder is %1.": "Папка: %1.",
    # --- first start
    "Welcome to Dialogue Register": "Добро пожаловать в Dialogue Register",
    "Your dialogues, delegations and participants are kept in one database file on this computer. "
    "There is none yet: how would you like to start?":
        "Ваши диалоги, делегации и участники хранятся в одном файле базы данных на этом компьютере. "
        "Его пока нет: с чего начнём?",
    "Create a new database": "Создать новую базу данных",
    "An empty database at %1": "Пустая база данных: %1",
    "Open an existing one…": "Открыть существующую…",
    "A database file you already have, for example copied from a colleague or another computer. "
    "It will be opened each time the program starts.":
        "Файл базы данных, который у вас уже есть, например скопированный у коллеги или с другого "
        "компьютера. Он будет открываться при каждом запуске программы.",
    "Try with sample records": "Попробовать на примерах",
    "A separate sample database (%1) with invented dialogues to look around in; your own records never go there.":
        "Отдельная база с примерами (%1) с вымышленными диалогами, чтобы осмотреться; ваши записи туда "
        "никогда не попадают.",
    "Open an existing database": "Открыть существующую базу данных",
    "SAMPLE RECORDS (invented, for trying the program)": "ПРИМЕРЫ ЗАПИСЕЙ (вымышленные, для знакомства с программой)",
    # --- Settings
    ("SettingsDialog", "Settings"): "Настройки",
    "System language": "Язык системы",
    "Language takes effect on restart.": "Язык вступит в силу после перезапуска.",
    "Opened when the program starts; leave empty for the standard place.":
        "Открывается при запуске программы; оставьте пустым для стандартного места.",
    " backups": " копий",
    " months": " мес.",
    "none": "нет",
    "Language:": "Язык:",
    ("SettingsDialog", "Database:"): "База данных:",
    "General": "Общие",
    "Keep the newest:": "Хранить последние:",
    "Plus one a month for:": "И по одной в месяц за:",
    "Automatic backups": "Автоматические резервные копии",
    "Summary report defaults": "Параметры сводного отчёта",
    "Give the database location as a full path, or choose it with Browse….":
        "Укажите полный путь к базе данных или выберите его кнопкой «Обзор…».",
    "The database location is a folder; add a file name such as dialogues.sqlite3.":
        "Указана папка; добавьте имя файла, например dialogues.sqlite3.",
    "The database file name must end in .sqlite3, .sqlite or .db.":
        "Имя файла базы данных должно оканчиваться на .sqlite3, .sqlite или .db.",
    "The folder %1 does not exist; create it first or choose another.":
        "Папки %1 не существует; сначала создайте её или выберите другую.",
    "Database opened at start": "База данных при запуске",
}

# English needs a translation only for its plurals: (one, many).
EN_PLURALS: dict[str, tuple[str, str]] = {
    "Moved %n dialogues to the trash (View ▸ Trash to restore).": (
        "Moved %n dialogue to the trash (View ▸ Trash to restore).",
        "Moved %n dialogues to the trash (View ▸ Trash to restore)."),
    "Delete these %n dialogues for good? This cannot be undone.": (
        "Delete this %n dialogue for good? This cannot be undone.",
        "Delete these %n dialogues for good? This cannot be undone."),
    "%n meeting(s)": ("%n meeting", "%n meetings"),
    " (and %n more)": (" (and %n more)", " (and %n more)"),
    "%n pair(s) of people look like one person written differently.": (
        "%n pair of people looks like one person written differently.",
        "%n pairs of people look like one person written differently."),
    "%n record(s) were edited both here and by the sender since you last exchanged them. Ours will not be "
    "overwritten: after the import you choose, field by field, what to keep.": (
        "%n record was edited both here and by the sender since you last exchanged it. Ours will not be "
        "overwritten: after the import you choose, field by field, what to keep.",
        "%n records were edited both here and by the sender since you last exchanged them. Ours will not be "
        "overwritten: after the import you choose, field by field, what to keep."),
}


def _lookup(table: dict, context: str, source: str):  # type: ignore[no-untyped-def,type-arg]
    return table.get((context, source), table.get(source))


def fill(path: Path, table: dict, forms: int) -> list[str]:  # type: ignore[type-arg]
    """Write the table's text into every message of `path` it has a row for; returns the messages
    that stay unfinished for want of a row."""
    tree = ET.parse(path)
    missing: list[str] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                continue
            value = _lookup(table, name, source)
            plural = message.get("numerus") == "yes"
            if value is None or plural != isinstance(value, tuple):
                if translation.get("type") == "unfinished":
                    missing.append(f"{name}: {source!r}" + (" (plural)" if plural else ""))
                continue
            for child in list(translation):
                translation.remove(child)
            if plural:
                translation.text = None
                for text in value[:forms]:
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = value
            translation.attrib.pop("type", None)
    _write(tree, path)
    return missing


def _write(tree: ET.ElementTree, path: Path) -> None:
    """As lupdate writes it (declaration, doctype, 4-space indent), so diffs stay small."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def unfinished(path: Path) -> list[str]:
    tree = ET.parse(path)
    return [f"{c.findtext('name')}: {m.findtext('source')!r}" for c in tree.getroot().iter("context")
            for m in c.iter("message") if (t := m.find("translation")) is not None and t.get("type") == "unfinished"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only list what is untranslated; exit 1 if any")
    args = parser.parse_args(argv)
    if args.check:
        left = unfinished(RU_FILE) + (unfinished(EN_FILE) if EN_FILE.exists() else [])
    else:
        left = fill(RU_FILE, RU, 3) + (fill(EN_FILE, EN_PLURALS, 2) if EN_FILE.exists() else [])
    for line in left:
        print(f"untranslated: {line}", file=sys.stderr)
    if left:
        print(f"{len(left)} message(s) need a row in tools/fill_translations_ru.py", file=sys.stderr)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
