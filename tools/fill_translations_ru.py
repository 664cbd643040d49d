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
    "%1 is not there (moved, deleted, or on a drive that is not connected), so it was not opened.":
        "%1 нет на месте (файл перемещён, удалён или находится на неподключённом диске), поэтому он не открыт.",
    "Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)":
        "Базы данных Реестра диалогов (*.sqlite3 *.sqlite *.db);;Все файлы (*)",
    "Exchange bundles (*.json);;All files (*)": "Пакеты обмена (*.json);;Все файлы (*)",
    "Open database": "Открыть базу данных",
    "New database": "Новая база данных",
    "%1 already exists. Replace it?": "%1 уже существует. Заменить его?",
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
    "&Search:": "Поис&к:",  # Alt+П is the menu «Правка»
    "Fro&m:": "Пери&од с:",  # Alt+С is the menu «Справка»
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
    "Ed&it…": "&Изменить…",
    "&Merge…": "&Объединить…",
    "Select the two records of one person, then merge them into one":
        "Выберите две записи об одном человеке и объедините их в одну",
    "Select exactly two people (Ctrl+click) to merge them into one record.":
        "Выберите ровно двух людей (Ctrl+щелчок), чтобы объединить их в одну запись.",
    "Merge these two records of one person?": "Объединить эти две записи об одном человеке?",
    "All meetings move to the record you keep; the other name is kept as another spelling.":
        "Все встречи перейдут в оставляемую запись; другое имя сохранится как другое написание.",
    "Keep “%1”": "Оставить «%1»",
    "no other spelling": "нет другого написания",
    "no e-mail": "нет эл. почты",
    "the upper row": "верхняя строка",
    "the lower row": "нижняя строка",
    "no acronym": "без сокращения",
    "no country": "страна не указана",
    "no other name": "нет другого названия",
    "Person — %1": "Человек — %1",
    "New person": "Новый человек",
    "Institution — %1": "Учреждение — %1",
    "New institution": "Новое учреждение",
    "Other spellings, separated by ;": "Другие написания через ;",
    "&Name:": "&Имя:",
    ("InstitutionDialog", "&Name:"): "&Название:",
    "&Other spellings:": "&Другие написания:",
    "The old name “%1” will be kept as another spelling; delete it there if it was only a typing mistake.":
        "Прежнее имя «%1» сохранится как другое написание; удалите его оттуда, если это была просто опечатка.",
    "The old acronym “%1” will be kept as another name; delete it there if it was only a typing mistake.":
        "Прежнее сокращение «%1» сохранится как другое название; удалите его оттуда, если это была просто "
        "опечатка.",
    "The old name “%1” will be kept as another name; delete it there if it was only a typing mistake.":
        "Прежнее название «%1» сохранится как другое название; удалите его оттуда, если это была просто "
        "опечатка.",
    "&Sex:": "&Пол:",
    "&Email:": "&Эл. почта:",
    "&Acronym:": "&Сокращение:",
    "&Country:": "Ст&рана:",  # Alt+С is the acronym's «&Сокращение:» (round 17)
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
    "The e-mail address %1 of “%2” is not kept: “%3” keeps %4.":
        "Адрес электронной почты %1 («%2») не сохранится: у «%3» остаётся %4.",
    "“%1” is recorded as %2 and “%3” as %4: the merged record keeps %4.":
        "«%1» — пол: %2, «%3» — пол: %4. В объединённой записи останется: %4.",
    "“%1” is in %2 and “%3” in %4: the merged institution keeps %4.":
        "«%1» — страна: %2, «%3» — страна: %4. У объединённого учреждения останется: %4.",
    "Merge them?": "Объединить?",
    "“%1” is not an e-mail address: type it as name@example.org, or leave the field empty.":
        "«%1» — не адрес электронной почты: введите его в виде name@example.org или оставьте поле пустым.",
    "“%1” is already in the register as %2. Save another person of that name?\n\n"
    "Two people may share a name; two records of one person are joined with Merge on the People page.":
        "«%1» уже есть в реестре: %2. Сохранить ещё одного человека с этим именем?\n\n"
        "Имя может быть у двух людей; две записи одного человека объединяются кнопкой «Объединить» "
        "на странице «Люди».",
    "“%1” is already in the register as %2. Save another institution of that name?\n\n"
    "Two records of one institution are joined with Merge on the Institutions page.":
        "«%1» уже есть в реестре: %2. Сохранить ещё одно учреждение с этим названием?\n\n"
        "Две записи одного учреждения объединяются кнопкой «Объединить» на странице «Учреждения».",
    "Saved “%1”. It is in the trash: restore it from the Trash page (Ctrl+4) to see it in the list.":
        "«%1» сохранён. Диалог в корзине: чтобы он появился в списке, восстановите его на странице «Корзина» "
        "(Ctrl+4).",
    "More than one person is called “%1”; the first was taken. Type the name again and pick the one meant from "
    "the list, which shows their country and last meeting.":
        "«%1» — так зовут нескольких людей; выбран первый. Введите имя снова и выберите нужного человека в "
        "списке: там указаны страна и последняя встреча.",
    "It is in the trash and stays there after Save; restore it from the Trash page (Ctrl+4) to see it in the list.":
        "Диалог в корзине и останется там после сохранения; чтобы он появился в списке, восстановите его на "
        "странице «Корзина» (Ctrl+4).",
    "“%1” is now in two delegations of %2. Open the meeting and keep the right one.":
        "«%1» теперь в двух делегациях: %2. Откройте встречу и оставьте нужную.",
    "The dialogue was saved elsewhere since then: check before saving.":
        "С тех пор диалог был сохранён в другом месте: проверьте перед сохранением.",
    "“%1” was deleted for good after these changes were kept: Save keeps them as a new dialogue.":
        "«%1» удалён безвозвратно после того, как эти изменения были сохранены в черновике: "
        "«Сохранить» сохранит их как новый диалог.",
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
    "Host countr&y": "Принимающая с&трана",
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
    "&from": "&с",  # the Report dialog's letters (round 18): е с п р т в н ф э о к з, each once
    "&to": "&по",
    "&Period:": "П&ериод:",
    "&Series:": "Се&рия:",
    "Country:": "Страна:",
    "Format:": "Формат:",
    "F&ormat:": "&Формат:",
    "&Export…": "&Экспорт…",
    "Ope&n file": "&Открыть файл",
    "Show in folder": "Показать в папке",
    "S&how in folder": "По&казать в папке",
    "The period ends before it starts; choose the dates again.":
        "Период заканчивается раньше, чем начинается; выберите даты заново.",
    "Give the date the reply is asked by.": "Укажите дату, до которой просят ответить.",
    "Give both dates of the period, or choose All dates.":
        "Укажите обе даты периода или выберите «Все даты».",
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
    "Deleted (deleted for good by the sender)": "Удалённые (отправитель удалил их окончательно)",
    ("ImportPreviewDialog", "Delete"): "Удаление",
    "deleted": "удалено",
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
    "Don't apply": "Не применять",
    "Apply your choices for “%1”?": "Применить ваш выбор для «%1»?",
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
    "already in this dialogue — attendance and position taken from the list":
        "уже в этом диалоге — присутствие и должность взяты из списка",
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
    "&View": "&Вид",
    "&Help": "&Справка",
    "Main": "Основная",
    "(none yet)": "(пока нет)",
    "%1 shown": "Показано: %1",
    "%1 shown / %2 total": "Показано: %1 из %2",
    "The dialogue form is not part of this build of Dialogue Register.":
        "Форма диалога не входит в эту сборку Dialogue Register.",
    "Moved 1 dialogue to the trash (Ctrl+Z puts it back).":
        "1 диалог перемещён в корзину (Ctrl+Z — вернуть).",
    "Moved %n dialogues to the trash (Ctrl+Z puts them back).": (
        "%n диалог перемещён в корзину (Ctrl+Z — вернуть).",
        "%n диалога перемещены в корзину (Ctrl+Z — вернуть).",
        "%n диалогов перемещены в корзину (Ctrl+Z — вернуть)."),
    "&Undo delete to trash": "О&тменить перемещение в корзину",
    "Put back in the list the dialogues the last Delete to trash moved":
        "Вернуть в список диалоги, перемещённые в корзину последним удалением",
    "Already back in the list: put back from the Trash page or another window since.":
        "Уже снова в списке: с тех пор возвращено со страницы «Корзина» или из другого окна.",
    "“%1” was deleted for good since: it cannot be put back.":
        "«%1» с тех пор удалён навсегда: вернуть его нельзя.",
    "Put 1 dialogue back in the list.": "1 диалог возвращён в список.",
    "Put %n dialogues back in the list.": (
        "%n диалог возвращён в список.",
        "%n диалога возвращены в список.",
        "%n диалогов возвращены в список."),
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
    "The database is not there": "Базы данных нет на месте",
    "%1, the database opened at start, is not there: moved, deleted, or on a drive that is not connected. "
    "Connect the drive and start again, or choose:":
        "%1, база данных, открываемая при запуске, не найдена: она перемещена, удалена или находится на "
        "неподключённом диске. Подключите диск и запустите программу снова или выберите:",
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
    "The period starts on %1, after it ends on %2: nothing could match.":
        "Период начинается %1, позже, чем заканчивается (%2): под него ничего не подойдёт.",
    "“%1” takes a number from %2 to %3, not %4.":
        "«%1» — число от %2 до %3, а не %4.",
    "Give your name; it is recorded with every change you make.":
        "Укажите своё имя: оно записывается при каждом вашем изменении.",
    "“%1” names no home folder on this computer: give the full path, or choose it with Browse….":
        "«%1» не называет ни одной домашней папки на этом компьютере: укажите полный путь или выберите "
        "его кнопкой «Обзор…».",
    "“%1” names no home folder on this computer: give the full path.":
        "«%1» не называет ни одной домашней папки на этом компьютере: укажите полный путь.",
    "The database location is a folder; add a file name such as dialogues.sqlite3.":
        "Указана папка; добавьте имя файла, например dialogues.sqlite3.",
    "The database file name must end in .sqlite3, .sqlite or .db.":
        "Имя файла базы данных должно оканчиваться на .sqlite3, .sqlite или .db.",
    "The folder %1 does not exist; create it first or choose another.":
        "Папки %1 не существует; сначала создайте её или выберите другую.",
    "Database opened at start": "База данных при запуске",
    # issue 16: names in any script, reference history, registration lists
    "Same as %1 (%2% alike)": "Тот же, что %1 (сходство %2%)",
    "Add %1 participants to “%2”. Every row is written or none is; rows that cannot be read are set aside.":
        "Добавить участников (%1) в «%2». Записываются все строки или ни одна; строки, которые не удаётся "
        "прочитать, откладываются.",
    "The Council presidency on that date: %1.": "Председательство в Совете ЕС на эту дату: %1.",
    "The Council presidency on that date was %1, not %2.":
        "Председательство в Совете ЕС на эту дату — %1, а не %2.",
    "Chair: %1": "Председатель: %1",
    "Start next year's meeting from the selected dialogue: dates a year on, the same parties, its open actions "
    "carried over":
        "Начать встречу следующего года с выбранного диалога: даты на год позже, те же стороны, открытые "
        "действия переносятся",
    "Follow-up of the previous dialogue": "Выполнение решений предыдущего диалога",
    "Last time: %1": "В прошлый раз: %1",
    "Last year's heads: %1": "Главы делегаций в прошлом году: %1",
    "Add last year's &heads as invited": "Добавить прошлогодних &глав как приглашённых",
    "Another dialogue has the same title and start date.": "Другой диалог имеет то же название и дату начала.",
    "Same title and date": "То же название и дата",
    "Another dialogue is called “%1” and starts on the same day. Save this one as well?":
        "Другой диалог называется «%1» и начинается в тот же день. Сохранить и этот?",
    "Carried over": "Перенесено",
    "Select the two institutions that are one (Ctrl+click), then Merge.":
        "Выберите две записи об одном учреждении (Ctrl+щелчок), затем нажмите «Объединить».",
    "Keep which name? The other becomes another name of it, and its participants move over.":
        "Какое название оставить? Другое станет его другим названием, а участники перейдут к нему.",
    "Merge institutions": "Объединение учреждений",
    "Search name, acronym or another name, in any script…": "Поиск по названию, сокращению или другому названию…",
    "Its name in other languages, earlier names; separated by ;":
        "Название на других языках, прежние названия; через ;",
    "&Other names:": "&Другие названия:",
    # --- issue 13: one way to open, one window per database, long work off the window's thread ---
    "Comparing the people's names…": "Сравнение имён людей…",
    "Importing %1…": "Импорт %1…",
    "The import was cancelled; nothing was written.": "Импорт отменён; ничего не записано.",
    ("LongWork", "Cancel"): "Отмена",
    "Stopping…": "Остановка…",
    "%1 is not a database, an exchange bundle (.json) or a registration list (.xlsx, .csv), so it cannot be "
    "opened here.": "%1 — не база данных, не пакет обмена (.json) и не регистрационный список (.xlsx, .csv), "
                    "поэтому его нельзя открыть здесь.",
    "Select the dialogue in the list first, then open %1 again: a registration list is added to one dialogue.":
        "Сначала выберите диалог в списке, затем откройте %1 ещё раз: регистрационный список добавляется к одному "
        "диалогу.",
    "Checking the database…": "Проверка базы данных…",
    "Counting was cancelled; change the selection to count again.":
        "Подсчёт отменён; измените выборку, чтобы подсчитать заново.",
    "Writing the backup…": "Запись резервной копии…",
    "The database %1 is open in another Dialogue Register window; close it there first, or open another file.":
        "База данных %1 открыта в другом окне Dialogue Register; сначала закройте её там или откройте другой файл.",
    "The database %1 is open in the Dialogue Register window of %2 on %3 (process %4); close it there first, "
    "or open another file.": "База данных %1 открыта в окне Dialogue Register пользователя %2 на компьютере %3 "
                             "(процесс %4); сначала закройте её там или откройте другой файл.",
    # --- issue 17: the Report dialog of report contract v2 ---
    "All parties": "Все стороны",
    "P&arty:": "С&торона:",
    "&Include drafts (marked as drafts)": "&Включить черновики (с пометкой)",
    "&Leave out people's names": "&Не приводить имена участников",
    "The per-dialogue annex will be left out: more than %1 dialogues are selected.":
        "Приложение по отдельным диалогам будет опущено: выбрано больше %1 диалогов.",
}

# English needs a translation only for its plurals: (one, many).
EN_PLURALS: dict[str, tuple[str, str]] = {
    "Moved %n dialogues to the trash (Ctrl+Z puts them back).": (
        "Moved %n dialogue to the trash (Ctrl+Z puts it back).",
        "Moved %n dialogues to the trash (Ctrl+Z puts them back)."),
    "Put %n dialogues back in the list.": ("Put %n dialogue back in the list.", "Put %n dialogues back in the list."),
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

# Messages written below the UI as Text("…") (context "Messages", listed by tools/message_catalogue.py):
# validation problems, errors, summaries. Numbers stand apart from the words ("диалогов — %1") so no
# plural form is needed; names, dates and codes in %1… are shown as they were written.
MESSAGES: dict[str, str] = {
    # --- the dialogue form's checks ---
    "The title is required.": "Название обязательно.",
    "The end date %1 is before the start date %2.": "Дата окончания %1 раньше даты начала %2.",
    "“%1” is not a known country code.": "«%1» — неизвестный код страны.",
    "%1: “%2” is not a known country code.": "%1: «%2» — неизвестный код страны.",
    "%1: the organisation needs a name.": "%1: укажите название организации.",
    "%1 is %2 characters long; at most %3 are allowed.": "%1: знаков — %2, а допускается не более %3.",
    "Agenda item %1 needs a title.": "Пункт повестки %1: укажите название.",
    "Action %1 needs a description.": "Действие %1: укажите описание.",
    "%1, participant %2: the person is missing.": "%1, участник %2: не указан человек.",
    "%1 lists the same person twice.": "%1: один и тот же человек указан дважды.",
    "Delegation %1 repeats a party that already has a delegation.":
        "Делегация %1 повторяет сторону, у которой уже есть делегация.",
    "Delegation %1 has no head.": "У делегации %1 нет главы.",
    "Delegation %1 has %2 heads; one is usual.": "Делегация %1: глав делегации — %2; обычно глава один.",
    "The person's name is required.": "Имя человека обязательно.",
    "The institution's name is required.": "Название учреждения обязательно.",
    "Delegation %1": "Делегация %1",
    "The title": "Название",
    "The series": "Серия",
    "The city": "Город",
    "The summary": "Итоги",
    "The chair": "Председатель",
    "A programme": "Поддерживающая программа",
    "A framework": "Рамочный документ",
    "A topic": "Тема",
    "The name": "Имя",
    "The e-mail address": "Адрес эл. почты",
    "The institution's name": "Название учреждения",
    "The acronym": "Сокращение",
    "Another spelling": "Другое написание",
    "Another name": "Другое название",
    "Agenda item %1's title": "Пункт повестки %1, название",
    "Agenda item %1's notes": "Пункт повестки %1, примечания",
    "Agenda item %1's presenter": "Пункт повестки %1, докладчик",
    "Action %1's description": "Действие %1, описание",
    "Action %1's owner": "Действие %1, ответственный",
    "The start date": "Дата начала",
    "The end date": "Дата окончания",
    "Action %1's due date": "Действие %1, срок",
    "Action %1's date done": "Действие %1, дата выполнения",
    "%1 is %2, outside the years %3 to %4 the program takes.":
        "%1: %2 — программа принимает годы с %3 по %4.",
    "%1's notes": "%1, примечания",
    "%1's name": "%1, название",
    "%1, participant %2's position": "%1, участник %2, должность",
    # --- opening and writing the database ---
    "The database %1 is in use by another program or window; try again in a moment.":
        "База данных %1 занята другой программой или окном; повторите попытку чуть позже.",
    "The database %1 is damaged or is not a Dialogue Register database; restore it from a backup.":
        "База данных %1 повреждена или не является базой данных Реестра диалогов; восстановите её из резервной "
        "копии.",
    "The database %1 cannot be written here; check the folder's permissions.":
        "В базу данных %1 здесь нельзя записывать; проверьте права доступа к папке.",
    "%1 is a link to %2, which is not there (moved, or on a drive that is not connected); connect it, or open "
    "another database.":
        "%1 — ссылка на %2, а этого файла нет (он перемещён или находится на неподключённом диске); "
        "подключите диск или откройте другую базу данных.",
    "The disk holding %1 is full, so nothing was restored and the database was left as it was; free some "
    "space and restore again.":
        "Диск, на котором находится %1, заполнен, поэтому ничего не восстановлено и база данных осталась "
        "прежней; освободите место и повторите восстановление.",
    "The disk holding %1 is full, so the copy kept before an upgrade could not be written and the database was "
    "not upgraded or opened; free some space and open it again.":
        "Диск, на котором находится %1, заполнен, поэтому копию перед обновлением записать не удалось и база "
        "данных не обновлена и не открыта; освободите место и откройте её снова.",
    "The folder %1 cannot be written (%2), so nothing was restored and the database was left as it was.":
        "В папку %1 нельзя записывать (%2), поэтому ничего не восстановлено и база данных осталась прежней.",
    "The database file %1 is read-only; allow writing to it in its permissions to change it.":
        "Файл базы данных %1 доступен только для чтения; чтобы вносить изменения, разрешите запись в его "
        "правах доступа.",
    "The disk holding %1 is full; free some space and try again.":
        "Диск, на котором находится %1, заполнен; освободите место и повторите попытку.",
    "The change was refused by the database's own rules (%1).":
        "Изменение отклонено правилами самой базы данных (%1).",
    "The database %1 was written by a newer version of Dialogue Register; install the newer version to open it.":
        "База данных %1 записана более новой версией Реестра диалогов; чтобы открыть её, установите новую версию.",
    "This SQLite file was not made by Dialogue Register; open or create a Dialogue Register database instead.":
        "Этот файл SQLite создан не Реестром диалогов; откройте или создайте базу данных Реестра диалогов.",
    "%1 is damaged or is not a Dialogue Register database; restore it from a backup.":
        "Файл %1 повреждён или не является базой данных Реестра диалогов; восстановите его из резервной копии.",
    "%1 is a folder; give the path of a database file instead.": "%1 — это папка; укажите путь к файлу базы данных.",
    "The folder %1 is read-only; choose another place for the database.":
        "Папка %1 доступна только для чтения; выберите для базы данных другое место.",
    "%1 is shorter than it should be (it was cut off); restore it from a backup.":
        "Файл %1 короче, чем должен быть (он был обрезан); восстановите его из резервной копии.",
    "The folder %1 cannot be created (%2).": "Не удаётся создать папку %1 (%2).",
    "The database %1 cannot be created (%2).": "Не удаётся создать базу данных %1 (%2).",
    "The database %1 cannot be read (%2).": "Не удаётся прочитать базу данных %1 (%2).",
    "%1 is empty although it has backups (it was probably cut off when the disk was full or the computer lost "
    "power); restore it from a backup.":
        "Файл %1 пуст, хотя для него есть резервные копии (вероятно, он был обрезан, когда диск был заполнен или "
        "пропало питание); восстановите его из резервной копии.",
    "The database is on a network share; saves can be lost there, so keep it on this computer's own disk.":
        "База данных находится на сетевом ресурсе; там изменения могут теряться, поэтому храните её на "
        "собственном диске этого компьютера.",
    "The database is on a network file system (%1); saves can be lost there, so keep it on this computer's own "
    "disk.":
        "База данных находится в сетевой файловой системе (%1); там изменения могут теряться, поэтому храните её "
        "на собственном диске этого компьютера.",
    "The database is in a cloud-synced folder (%1); syncing can lose recent saves, so keep it in a local folder "
    "and sync exported bundles or backups instead.":
        "База данных находится в папке, синхронизируемой с облаком (%1); синхронизация может привести к потере "
        "последних изменений, поэтому храните её в локальной папке, а синхронизируйте пакеты обмена или резервные "
        "копии.",
    # --- records changed or gone ---
    "That conflict is no longer in the database.": "Этого конфликта больше нет в базе данных.",
    "That dialogue is no longer in the database.": "Этого диалога больше нет в базе данных.",
    "That person is no longer in the database.": "Этого человека больше нет в базе данных.",
    "That institution is no longer in the database.": "Этого учреждения больше нет в базе данных.",
    "One of the two people is no longer in the database.": "Одного из двух людей больше нет в базе данных.",
    "“%1” was deleted for good elsewhere; save it as a new dialogue.":
        "Диалог «%1» был окончательно удалён в другом месте; сохраните его как новый диалог.",
    "“%1” was changed elsewhere since you opened it; reload it and make your changes again.":
        "Диалог «%1» был изменён в другом месте после того, как вы его открыли; загрузите его заново и внесите "
        "изменения ещё раз.",
    "%1 was changed elsewhere since you opened the record; reload it and make your changes again.":
        "Запись «%1» была изменена в другом месте после того, как вы её открыли; загрузите её заново и внесите "
        "изменения ещё раз.",
    "A participant refers to a person who is not in the database (%1).":
        "Участник ссылается на человека, которого нет в базе данных (%1).",
    "A participant refers to an institution that is not in the database (%1).":
        "Участник ссылается на учреждение, которого нет в базе данных (%1).",
    "Delegation %1 already belongs to another dialogue.": "Делегация %1 уже относится к другому диалогу.",
    "Participant %1 already belongs to another dialogue.": "Участник %1 уже относится к другому диалогу.",
    "Only a dialogue in the trash can be deleted for good.": "Окончательно удалить можно только диалог из корзины.",
    "Choose two different people to merge.": "Выберите для объединения двух разных людей.",
    "Both people are in the same delegation; remove one of them from it first.":
        "Оба человека входят в одну делегацию; сначала удалите одного из них из неё.",
    "This dialogue has no usable identifier, so no draft can be kept for it.":
        "У этого диалога нет пригодного идентификатора, поэтому черновик для него сохранить нельзя.",
    "Your unsaved changes could not be kept as a draft (%1).":
        "Ваши несохранённые изменения не удалось сохранить в черновике (%1).",
    # --- backups ---
    "%1 (%2): %3 dialogues, %4 people": "%1 (%2): диалогов — %3, людей — %4",
    "%1 (%2): cannot be restored, %3": "%1 (%2): восстановить нельзя, %3",
    "%1 cannot be restored: %2; the database was left as it was.":
        "%1 нельзя восстановить: %2; база данных оставлена без изменений.",
    "That file is the database itself; choose a backup to restore.":
        "Этот файл и есть сама база данных; выберите резервную копию для восстановления.",
    "%1 cannot be copied: it is damaged or not a database.":
        "Не удаётся скопировать %1: файл повреждён или не является базой данных.",
    "The database %1 cannot be backed up: %2.": "Не удаётся сделать резервную копию базы данных %1: %2.",
    "The database %1 is busy in another program; back up again in a moment.":
        "База данных %1 занята другой программой; повторите резервное копирование чуть позже.",
    "The disk is full; free some space and back up again.":
        "Диск заполнен; освободите место и повторите резервное копирование.",
    "The backup %1 cannot be written (%2).": "Не удаётся записать резервную копию %1 (%2).",
    "The backup cannot be written over the database itself; choose another file name.":
        "Резервную копию нельзя записать поверх самой базы данных; выберите другое имя файла.",
    "The database %1 is open in another window or program; close it and restore again.":
        "База данных %1 открыта в другом окне или программе; закройте её и повторите восстановление.",
    "Today's automatic backup could not be made: %1":
        "Сегодняшнюю автоматическую резервную копию сделать не удалось: %1",
    "Today's automatic backup could not be made (%1).":
        "Сегодняшнюю автоматическую резервную копию сделать не удалось (%1).",
    "the file is empty": "файл пуст",
    "it is a folder": "это папка",
    "the file does not exist or cannot be read": "файл не существует или не читается",
    "it is not an SQLite database (damaged or another kind of file)":
        "это не база данных SQLite (файл повреждён или другого типа)",
    "it cannot be opened": "файл не удаётся открыть",
    "it is damaged (the integrity check failed)": "файл повреждён (проверка целостности не пройдена)",
    "it is not a Dialogue Register database": "это не база данных Реестра диалогов",
    "it is damaged or not a Dialogue Register database":
        "файл повреждён или не является базой данных Реестра диалогов",
    "it was written by a newer version of the program": "файл записан более новой версией программы",
    # --- Check database ---
    "Schema version: %1 (this program: %2)": "Версия схемы: %1 (у этой программы: %2)",
    "unknown": "неизвестна",
    "Contents: %1": "Содержимое: %1",
    "%1 dialogues, %2 delegations, %3 participants, %4 people":
        "диалогов — %1, делегаций — %2, участников — %3, людей — %4",
    "The database is sound.": "База данных в порядке.",
    "The database is NOT sound; restore it from a backup.":
        "База данных НЕ в порядке; восстановите её из резервной копии.",
    "Problem: %1": "Проблема: %1",
    "the file is not an SQLite database (damaged, truncated or foreign)":
        "файл не является базой данных SQLite (повреждён, обрезан или чужой)",
    "the file cannot be opened (%1)": "файл не удаётся открыть (%1)",
    "the file cannot be read as a database (%1)": "файл не удаётся прочитать как базу данных (%1)",
    "integrity: %1": "целостность: %1",
    "the search indexes were not checked: the file is read-only":
        "поисковые индексы не проверены: файл доступен только для чтения",
    "the search indexes were not checked: another program was writing to the database; check again later":
        "поисковые индексы не проверены: другая программа записывала в базу данных; проверьте ещё раз позже",
    "row %1 of %2 refers to a missing row of %3": "строка %1 таблицы %2 ссылается на отсутствующую строку таблицы %3",
    "the file is not a Dialogue Register database (no schema version)":
        "файл не является базой данных Реестра диалогов (нет версии схемы)",
    "the schema is older (%1); open it once to upgrade it":
        "схема устарела (%1); откройте базу один раз, чтобы обновить её",
    "the schema (%1) is from a newer version of the program": "схема (%1) из более новой версии программы",
    # --- exchange bundles ---
    "Select at least one dialogue to export.": "Выберите хотя бы один диалог для экспорта.",
    "%1 is a folder; give a file name for the bundle.": "%1 — это папка; укажите имя файла пакета обмена.",
    "The folder %1 does not exist.": "Папка %1 не существует.",
    "The file %1 cannot be written (%2).": "Не удаётся записать файл %1 (%2).",
    "The file %1 does not exist.": "Файл %1 не существует.",
    "The file %1 cannot be read (%2).": "Не удаётся прочитать файл %1 (%2).",
    "%1 is a folder, not a bundle file.": "%1 — это папка, а не файл пакета обмена.",
    "%1 is empty; it is not a bundle.": "Файл %1 пуст; это не пакет обмена.",
    "%1 is %2 MB, larger than any bundle this program accepts.":
        "Размер файла %1 — %2 МБ, это больше любого пакета обмена, который принимает программа.",
    "%1 is not a UTF-8 text file, so it is not a bundle.":
        "%1 — не текстовый файл в UTF-8, поэтому это не пакет обмена.",
    "%1 is not valid JSON (line %2, column %3: %4).": "%1 — недопустимый JSON (строка %2, столбец %3: %4).",
    "%1 is not a valid bundle: %2 %3.": "%1 — недопустимый пакет обмена: %2 %3.",
    "%1 is not a valid bundle: %2 %3": "%1 — недопустимый пакет обмена: %2 %3",
    "The file is NOT sound: it is not a Dialogue Register database; check that you named the right file "
    "(--db PATH).":
        "Файл НЕ в порядке: это не база данных Dialogue Register; проверьте, тот ли файл указан (--db PATH).",
    "The database is NOT sound for this version; update Dialogue Register to open it (a backup restored over "
    "it would lose what was entered since).":
        "База данных НЕ в порядке для этой версии; обновите Dialogue Register, чтобы открыть её "
        "(резервная копия, восстановленная поверх неё, потеряет всё, что было внесено с тех пор).",
    "the top level": "верхний уровень",
    "%1 is not a valid bundle: %2 holds the control character %3 at position %4.":
        "%1 — недопустимый пакет обмена: %2: управляющий символ %3 в позиции %4.",
    "%1 is not a valid bundle: %2 holds half of a character (a lone surrogate %3) at position %4.":
        "%1 — недопустимый пакет обмена: %2: половина символа (одиночный суррогат %3) в позиции %4.",
    "%1 is not a valid bundle: %2 holds the non-character %3 at position %4.":
        "%1 — недопустимый пакет обмена: %2: несимвол %3 в позиции %4.",
    "%1 is not a valid bundle: a field name in %2 holds the control character %3 at position %4.":
        "%1 — недопустимый пакет обмена: %2, имя поля: управляющий символ %3 в позиции %4.",
    "%1 is not a valid bundle: a field name in %2 holds half of a character (a lone surrogate %3) at position %4.":
        "%1 — недопустимый пакет обмена: %2, имя поля: половина символа (одиночный суррогат %3) в позиции %4.",
    "%1 is not a valid bundle: a field name in %2 holds the non-character %3 at position %4.":
        "%1 — недопустимый пакет обмена: %2, имя поля: несимвол %3 в позиции %4.",
    "is wrong: %1": "содержит ошибку: %1",
    "That conflict was already resolved.": "Этот конфликт уже разрешён.",
    "“%1” is not a field of this record.": "«%1» — не поле этой записи.",
    "%1 was changed since the two versions were shown; open the conflict again.":
        "%1: запись изменилась после того, как были показаны обе версии; откройте конфликт заново.",
    "Dry run: nothing was written.": "Пробный запуск: ничего не записано.",
    "Import finished.": "Импорт завершён.",
    "%1: %2, %3, %4": "%1: %2, %3, %4",  # "Добавлено: 1 диалог, 2 человека, 5 учреждений"
    "Added": "Добавлено",
    "Updated": "Обновлено",
    "Kept (ours is newer)": "Оставлено наше (наше новее)",
    "Conflicts": "Конфликты",
    "updated": "обновлено",
    "kept (ours is newer)": "оставлено наше (наше новее)",
    " [%1]": " [%1]",
    "  %1: %2 %3 (%4)%5": "  %1: %2 %3 (%4)%5",
    "  … and %1 more": "  … и ещё %1",
    "  conflict: %1 %2 (%3): %4%5": "  конфликт: %1 %2 (%3): %4%5",
    "Records in conflict were not overwritten: %1 waiting for you to choose, field by field, in the app's "
    "Conflicts window.":
        "Записи в конфликте не перезаписаны; ждут вашего выбора по каждому полю в окне «Конфликты после импорта»: "
        "%1.",
    # --- registration lists ---
    "Row %1: %2.": "Строка %1: %2.",
    "Row %1: %2": "Строка %1: %2",
    "the name is missing": "не указано имя",
    "the name is %1 characters long; at most %2 are allowed": "имя: знаков — %1, а допускается не более %2",
    "the position is %1 characters long; at most %2": "должность: знаков — %1, а допускается не более %2",
    "the institution is %1 characters long; at most %2": "учреждение: знаков — %1, а допускается не более %2",
    "%1 is already listed in row %2": "%1 уже есть в строке %2",
    "%1 is already listed in row %2 as %3": "%1 уже есть в строке %2 (как %3)",
    "nobody has attended or missed a meeting that has not begun; it starts on %1":
        "встреча ещё не началась (она начинается %1): на ней ещё никто не был и никто не пропустил её",
    "%1 is already in the meeting as %2 and cannot become %3":
        "%1 уже участвует во встрече со статусом «%2» и не может получить статус «%3»",
    "the list has no participants below its header": "под заголовками списка нет участников",
    "the country is missing": "не указана страна",
    "no country column is chosen and no delegation is given for the whole list":
        "не выбран столбец страны и не задана делегация для всего списка",
    "“%1” is not a role (use Head or Member, Глава or Член)":
        "«%1» — не роль (укажите Глава или Член, Head или Member)",
    "“%1” is not a sex (use F or M, Ж or М)": "«%1» — не пол (укажите Ж или М, F или M)",
    "“%1” is not an e-mail address": "«%1» — не адрес электронной почты",
    "“%1” is not a known country or organisation": "«%1» — неизвестная страна или организация",
    "No header row was recognised in the first 30 rows: the list needs headings such as “Name” or “ФИО”, "
    "“Country” or “Страна” above the participants.":
        "В первых 30 строках не найдена строка заголовков: над участниками в списке должны быть заголовки, "
        "например «ФИО» или «Name», «Страна» или «Country».",
    "Choose the column that holds the names (or both the given and the family name columns).":
        "Выберите столбец с именами (или оба столбца — с именем и с фамилией).",
    "The header row has merged cells (%1); unmerge them so that each column has its own heading.":
        "В строке заголовков есть объединённые ячейки (%1); разъедините их, чтобы у каждого столбца был свой "
        "заголовок.",
    "Column %1 is chosen both as %2 and as %3.": "Столбец %1 выбран и как «%2», и как «%3».",
    "%1 has no filled cells.": "В файле %1 нет заполненных ячеек.",
    "%1 is in an encoding that cannot be recognised (not UTF-8, UTF-16 or Windows-1251); save it from Excel as "
    "“CSV UTF-8” or as an Excel workbook.":
        "Кодировка файла %1 не распознана (это не UTF-8, UTF-16 и не Windows-1251); сохраните его из Excel как "
        "«CSV UTF-8» или как книгу Excel.",
    "%1 is %2 MB; a registration list over %3 MB is not read — save only the list of participants.":
        "Размер файла %1 — %2 МБ; регистрационный список больше %3 МБ не читается — сохраните только список "
        "участников.",
    "%1 is empty.": "Файл %1 пуст.",
    "%1 is in the old Excel 97–2003 format; open it in Excel and save it as an Excel workbook (.xlsx).":
        "Файл %1 в старом формате Excel 97–2003; откройте его в Excel и сохраните как книгу Excel (.xlsx).",
    "%1 is not an Excel workbook, although its name ends in %2.":
        "%1 — не книга Excel, хотя имя файла оканчивается на %2.",
    "%1 has more than %2 rows; a registration list is expected to be smaller — split it or remove the other data.":
        "В файле %1 больше %2 строк; регистрационный список должен быть меньше — разделите его или удалите "
        "прочие данные.",
    "%1 has more than %2 columns; keep only the participants' details.":
        "В файле %1 больше %2 столбцов; оставьте только сведения об участниках.",
    "%1 is not a text (CSV) file or an Excel workbook.": "%1 — не текстовый файл (CSV) и не книга Excel.",
    "%1 cannot be opened: %2.": "Не удаётся открыть %1: %2.",
    "%1 is a folder; choose the registration list's file.": "%1 — это папка; выберите файл регистрационного списка.",
    "“%1” is in the trash; restore it from the Trash page first.":
        "«%1» находится в корзине; сначала восстановите его на странице «Корзина».",
    "%1 is not an ordinary file (a device or a pipe), so it is not a registration list.":
        "%1 — не обычный файл (устройство или канал), поэтому это не регистрационный список.",
    "Row %1, column %2 of %3 holds %4 characters; a cell of a registration list may hold at most %5.":
        "Строка %1, столбец %2 файла %3: знаков в ячейке — %4, а в ячейке регистрационного списка допускается "
        "не более %5.",
    "%1 is damaged or is not an Excel workbook.": "Файл %1 повреждён или не является книгой Excel.",
    "%1 would unpack to %2 MB; it is not a plain registration list and is not opened.":
        "Файл %1 после распаковки занял бы %2 МБ; это не обычный регистрационный список, и он не открывается.",
    "%1 is a zip archive but not an Excel workbook.": "%1 — архив zip, но не книга Excel.",
    "%1 is not a well-formed CSV file (row %2: %3).": "%1 — неправильно оформленный файл CSV (строка %2: %3).",
    "%1 is damaged and cannot be read as an Excel workbook.": "Файл %1 повреждён и не читается как книга Excel.",
    "%1 has no sheet.": "В файле %1 нет листов.",
    "Added %1 (%2, %3 already known), %4, %5.": "Добавлено: %1 (%2, уже известных — %3), %4, %5.",
    "Added %1 (%2, %3 already known), %4, %5; skipped %6 already in the dialogue.":
        "Добавлено: %1 (%2, уже известных — %3), %4, %5; пропущены уже участвующие в диалоге: %6.",
    "%1 was removed from the database since the list was checked; check it again.":
        "%1: запись удалена из базы данных после проверки списка; проверьте список ещё раз.",
    "%1 rows of the list need correcting first (%2); nothing was imported.":
        "Строк списка, которые нужно сначала исправить: %1 (%2); ничего не импортировано.",
    "The list has no participants to import.": "В списке нет участников для импорта.",
    "“%1” was changed elsewhere since you opened it; reload it and import the list again.":
        "Диалог «%1» был изменён в другом месте после того, как вы его открыли; загрузите его заново и "
        "импортируйте список ещё раз.",
    # --- the report ---
    "Cannot tell the report format from “%1”; end the file name in .pdf, .docx, .xlsx or .html, or give --format.":
        "Не удаётся определить формат отчёта по имени «%1»; имя файла должно оканчиваться на .pdf, .docx, .xlsx "
        "или .html, либо укажите --format.",
    "%1 is a folder; give a file name for the report.": "%1 — это папка; укажите имя файла отчёта.",
    "“%1” is not a report format; choose pdf, docx, xlsx or html.":
        "«%1» — не формат отчёта; выберите pdf, docx, xlsx или html.",
    "The report cannot be written in %1 (%2).": "Не удаётся записать отчёт в папку %1 (%2).",
    "The report could not be written to %1.": "Не удалось записать отчёт в %1.",
    "The report cannot be written to %1 (%2).": "Не удаётся записать отчёт в %1 (%2).",
    # issue 16: registration lists set unreadable rows aside
    "No row of the list can be read (%1); nothing was imported.":
        "Ни одну строку списка не удаётся прочитать (%1); ничего не импортировано.",
    "Choose two different institutions to merge.": "Выберите два разных учреждения для объединения.",
    "One of the two institutions is no longer in the database.": "Одного из двух учреждений больше нет в базе данных.",
    "%1 %2 already in the dialogue had their attendance or position updated from the list.":
        "%1 Уже участвовавшим в диалоге обновлены по списку участие или должность: %2.",
    "%1 %2 could not be read and set aside (row numbers: %3).":
        "%1 Не удалось прочитать, отложены: %2 (номера строк: %3).",
}

# --- issue 21 (files that never lie: the safe writer, bounded input, backups and the clock)
MESSAGES.update({
    "any earlier file of that name was left as it was": "прежний файл с этим именем остался как был",
    "%1 cannot be written (no temporary file name is free).":
        "Не удаётся записать %1 (нет свободного имени для временного файла).",
    "%1 is the database itself; choose another file name.": "%1 — это сама база данных; выберите другое имя файла.",
    "%1 is in the folder where the program keeps its backups; choose a place outside it.":
        "%1 в папке, где программа хранит свои резервные копии; выберите место вне её.",
    "%1 is in the folder where the program keeps its drafts; choose a place outside it.":
        "%1 в папке, где программа хранит свои черновики; выберите место вне её.",
    "%1 is a database file; choose another file name.":
        "%1 — это файл базы данных; выберите другое имя файла.",
    "%1 is a database, not a backup written by Dialogue Register; choose another file name.":
        "%1 — это база данных, а не резервная копия, записанная «Реестром диалогов»; выберите другое имя файла.",
    "%1 is the open database, not a bundle; choose the bundle's file.":
        "%1 — это открытая база данных, а не пакет обмена; выберите файл пакета.",
    "%1 is the open database, not a registration list.": "%1 — это открытая база данных, а не список регистрации.",
    "%1 is not an ordinary file (a device or a pipe), so it is not a database.":
        "%1 — не обычный файл (устройство или канал), поэтому это не база данных.",
    "There is no series called “%1”; the known series are: %2.": "Серии «%1» нет; известные серии: %2.",
    "No delegation in this database represents “%1”; the parties known are: %2.":
        "Ни одна делегация в этой базе данных не представляет «%1»; известные стороны: %2.",
    "none yet": "пока нет",
    "The records changed while the report was being made (a save or an import); nothing was written. "
    "Make the report again.":
        "Записи изменились, пока готовился отчёт (сохранение или импорт); ничего не записано. "
        "Сформируйте отчёт ещё раз.",
    "%1 could not be written completely (%2); %3.": "Не удалось записать %1 полностью (%2); %3.",
    "%1 cannot be written (%2); %3.": "Не удаётся записать %1 (%2); %3.",
    "%1 cannot be written (%2).": "Не удаётся записать %1 (%2).",
    "%1 is a folder; give a file name.": "%1 — это папка; укажите имя файла.",
    "%1 is read-only; choose another file name, or make the file writable first.":
        "%1 — файл только для чтения; выберите другое имя файла или сначала разрешите запись в него.",
    "%1 is not an ordinary file (a device, a pipe or a socket); choose another file name.":
        "%1 — не обычный файл (устройство, канал или сокет); выберите другое имя файла.",
    "The disk is full, so %1 was not written; %2.": "Диск заполнен, поэтому %1 не записан; %2.",
    "%1 is not an ordinary file (a device or a pipe), so it is not a bundle.":
        "%1 — не обычный файл (устройство или канал), поэтому это не пакет обмена.",
    "%1 is a UTF-16 text file; a bundle is UTF-8 (export it again from Dialogue Register).":
        "%1 — текстовый файл в UTF-16; пакет обмена записывается в UTF-8 (экспортируйте его заново "
        "из Dialogue Register).",
    "%1 is larger than the %2 MB a bundle may have (Settings).":
        "%1 больше допустимых для пакета %2 МБ (Настройки).",
    "%1 is not a valid bundle: it %2.": "%1 — неправильный пакет обмена: %2.",
    "%1 is not a valid bundle: it is nested too deeply.":
        "%1 — неправильный пакет обмена: слишком глубокая вложенность.",
    "%1 is not valid JSON (%2).": "%1 — неправильный JSON (%2).",
    "%1 is not a valid bundle: it is nested more than %2 levels deep.":
        "%1 — неправильный пакет обмена: вложенность глубже %2 уровней.",
    "%1 is %2 MB, larger than the %3 MB a bundle may have (Settings).":
        "%1 занимает %2 МБ — больше допустимых для пакета %3 МБ (Настройки).",
    "%1 is in an encoding that cannot be recognised (tried %2); save it from Excel as “CSV UTF-8” "
    "or as an Excel workbook.":
        "Кодировку файла %1 не удаётся распознать (проверены %2); сохраните его из Excel как «CSV UTF-8» "
        "или как книгу Excel.",
    "The disk holding %1 could not be written (it may be full or removed); free some space or check the disk, "
    "and try again.":
        "Не удаётся записать на диск, где находится %1 (возможно, он заполнен или извлечён); освободите место "
        "или проверьте диск и повторите попытку.",
    "the layout is older (%1); it will be upgraded when the database is opened, after a backup":
        "структура старее (%1); она будет обновлена при открытии базы данных, после резервной копии",
    "Note: %1": "Примечание: %1",
    "%1 holds half of a character (a lone surrogate %2) at position %3; remove it (it cannot be written to a "
    "report or a bundle).":
        "%1: половина символа (одиночный суррогат %2) в позиции %3; удалите её (её нельзя записать в отчёт или "
        "пакет обмена).",
    "%1 holds the non-character %2 at position %3; remove it (it cannot be written to a report or a bundle).":
        "%1: несимвол %2 в позиции %3; удалите его (его нельзя записать в отчёт или пакет обмена).",
    "%1 holds the control character %2 at position %3; remove it (it cannot be written to a report or a bundle).":
        "%1: управляющий символ %2 в позиции %3; удалите его (его нельзя записать в отчёт или пакет обмена).",
})
RU.update({
    ("RestoreDialog", "{0}, kept apart from the daily rotation"): "{0}, хранится отдельно от ежедневной смены копий",
    ("RestoreDialog", "{0}, dated in the future (the clock was wrong)"): "{0}, дата в будущем (часы были неверны)",
    ("SettingsDialog", " MB"): " МБ",
    ("SettingsDialog", "Import refuses a bundle larger than this before reading it."):
        "Импорт отказывается от пакета больше этого размера, не читая его.",
    ("SettingsDialog", "Largest bundle to import:"): "Наибольший пакет для импорта:",
})
RU.update({("Messages", source): russian for source, russian in MESSAGES.items()})

# Issue 14 (branch `entry`): dates typed as written, the grid's keys, warnings in the officer's words.
ENTRY: dict[str | tuple[str, str], Translation] = {
    ("DateField", "e.g. %1"): "например, %1",
    ("DateField", "Choose the date in a calendar (Alt+Down)"): "Выбрать дату в календаре (Alt+↓)",
    # every Alt+letter unique in its window (tests/ui/test_entry_keys.py)
    "Se&ries": "Се&рия", "St&art date": "Д&ата начала", "&City": "&Город", "To&pics": "Те&мы",
    "Frame&works": "Рамочные до&кументы", "Supporting pro&grammes": "Поддерживающие программ&ы",
    "E&nds on": "&Заканчивается", "C&hair": "Пр&едседатель", "Su&mmary": "&Итоги",
    "Held on&line (or partly online)": "Проводится он&лайн (полностью или частично)",
    "Add EU s&ide": "Добавить сторону &ЕС", "Add par&ticipant": "Добавить у&частника",
    "&Add delegation": "Добавить делегаци&ю", "Remo&ve": "&Удалить", "Move &up": "&Вверх",
    "Move do&wn": "Вни&з", "&Remove": "Удал&ить", "&Move up": "Вве&рх", "Move dow&n": "В&низ",
    "&Add item": "Добавить пу&нкт", "&Add action": "До&бавить действие",
    "Add delegat&ion…": "Добавить деле&гацию…", "Add the five Central Asian c&ountries":
        "Добавить пять стран &Центральной Азии", "Add &follow-up action": "Добавить последующее дейс&твие",
    "&Don't save": "&Не сохранять",
    "Pasted participants: %1.": "Вставлено участников: %1.",
    "The meeting starts on %1: the participants added are invited, not attended.":
        "Встреча начинается %1: добавленные участники — приглашённые, а не присутствовавшие.",
    "Problem marker": "Отметка о проблеме",
    "Parts of the dialogue": "Разделы диалога",
    ("DialogueEditor", "Follow-up actions"): "Последующие действия",
    "Not saved until this is put right": "Не сохранится, пока это не исправлено",
    "Worth a second look; saving is not stopped": "Стоит проверить; сохранению не мешает",
    "Something on this tab stops saving": "На этой вкладке есть то, что мешает сохранению",
    "Sex not understood (%1): choose it in the Sex column.": "Пол не распознан (%1): выберите его в столбце «Пол».",
    "Nothing pasted: no row has a name in the first column or under Name (ФИО).":
        "Ничего не вставлено: ни в одной строке нет имени в первом столбце или в столбце «ФИО».",
    "Rows without a name left out: %1.": "Пропущены строки без имени: %1.",
    "Columns left out (%1): this table has no place for them.":
        "Не вставлены столбцы (%1): в этой таблице для них нет места.",
}
ENTRY_MESSAGES: dict[str, str] = {
    "The meeting lasts %1 days: check the end date.": "Встреча длится %1 дн.: проверьте дату окончания.",
    "The meeting is dated %1, more than a year ahead: check the start date.":
        "Встреча назначена на %1 — больше чем через год: проверьте дату начала.",
    "Type the date the meeting started.": "Введите дату начала встречи.",
    "%1 is in two delegations, %2 and %3.": "%1 — в двух делегациях: «%2» и «%3».",
    "The same person": "Один и тот же человек",
    "%1 is recorded as an institution of %2, not of %3.": "«%1» записано как учреждение страны «%2», а не «%3».",
    "No country is called “%1”: choose the host country from the list that opens as you type.":
        "Страны «%1» нет в списке: выберите принимающую страну из подсказок, которые появляются при вводе.",
    "Type the end date, or untick “Ends on”.": "Введите дату окончания или снимите отметку «Заканчивается».",
    "“%1” is not a date the program can read: type it as 13.12.2023, 2023-12-13 or 13 Dec 2023.":
        "«%1» не читается как дата: введите, например, 13.12.2023, 2023-12-13 или 13 декабря 2023.",
    "“%1”: the year %2 looks like a typo; the program takes the years %3 to %4.":
        "«%1»: год %2 похож на опечатку; программа принимает годы с %3 по %4.",
    "“%1” is not a day of the calendar: that month ends on %2.":
        "«%1» — такого дня нет в календаре: этот месяц кончается %2.",
}
RU.update(ENTRY)
RU.update({("Messages", source): russian for source, russian in ENTRY_MESSAGES.items()})

# --- issue 18 (protocol: roles, participation status, funding per person, documents) ---
RU.update({
    "Deputy head": "Зам. главы делегации",
    "Alternate": "Заместитель",
    "Adviser": "Советник",
    "Expert": "Эксперт",
    "Interpreter": "Переводчик",
    "Observer": "Наблюдатель",
    # one key chooses each in the cell: П, С, У, Н, О
    "Invited": "Приглашение",
    "Confirmed": "Согласие",
    "Attended": "Участие",
    "No-show": "Неявка",
    "Withdrawn": "Отказ",
    "Funded": "Оплата",
    "The programme paid for this person": "Участие этого человека оплачено программой",
    "Mar&k all confirmed as attended": "От&метить всех давших согласие как участвовавших",
    "After the meeting: every confirmed participant of every delegation came":
        "После встречи: все давшие согласие участники всех делегаций присутствовали",
    "Note Verbale": "Вербальная нота",
    "Sign-in sheet": "Лист регистрации",
    "Participant list": "Список участников",
    "&Language": "&Язык",
    "&Invited party": "&Приглашаемая сторона",
    "&Reply by": "&Ответ до",
    "F&ormat": "Фор&мат",  # Alt+F / Alt+Ф is the file's (round 17)
    "&Browse…": "О&бзор…",  # Alt+О is «&Ответ до» (round 17)
    "&Write": "&Записать",
    "Write the document to": "Записать документ в",
    "PDF or Word (*.pdf *.docx)": "PDF или Word (*.pdf *.docx)",
    "Attendance from the signed sheet": "Присутствие по подписанному листу",
    "Signed": "Подписал(а)",
    "Space ticks the selected person. Those not ticked are marked absent.":
        "Пробел отмечает выбранного человека. Неотмеченные будут записаны как отсутствовавшие.",
    "Document not written": "Документ не записан",
    "Written to %1": "Записано в %1",
    "Save first": "Сначала сохраните",
    "Documents are made from the saved dialogue. Save your changes now?":
        "Документы составляются по сохранённому диалогу. Сохранить изменения сейчас?",
    "No delegation": "Нет делегации",
    "A Note Verbale invites a delegation: add the partner's delegation first.":
        "Вербальная нота приглашает делегацию: сначала добавьте делегацию партнёра.",
    "Nobody expected": "Никого не ожидается",
    "No participant is invited, confirmed or attended yet.":
        "Пока нет ни приглашённых, ни давших согласие, ни участвовавших.",
    "Attendance from the &signed sheet…": "Присутствие по &подписанному листу…",
    "D&ocuments": "Д&окументы",
    "&Note Verbale…": "&Вербальная нота…",
    "&Sign-in sheet…": "&Лист регистрации…",
    "&Participant list…": "&Список участников…",
})
RU.update({("Messages", source): russian for source, russian in {
    "invited": "приглашён(а)",
    "confirmed": "дал(а) согласие",
    "attended": "участвовал(а)",
    "absent": "не явился (не явилась)",
    "cancelled": "отказался (отказалась)",
    "Nobody has attended or missed a meeting that has not begun; it starts on %1.":
        "Встреча ещё не началась (начало %1): никто не мог на ней присутствовать или отсутствовать.",
    "A participant who is %1 cannot become %2.": "Статус «%1» нельзя сменить на «%2».",
    "The delegation of %1 has no head among the people who attended.":
        "У делегации (%1) нет главы среди присутствовавших.",
    "The delegation of %1 has no head.": "У делегации (%1) нет главы.",
    "The delegation of %1 has %2 heads; it must have one.": "У делегации (%1) глав — %2; должен быть один.",
    "%1 (%2) is still %3: mark them attended, absent or cancelled before the meeting is final.":
        "%1 (%2) — статус «%3»: прежде чем сделать встречу окончательной, отметьте участие, неявку или отказ.",
    "The meeting starts on %1, after today: keep it a draft until it has taken place.":
        "Встреча начинается %1, позже сегодняшнего дня: оставьте её черновиком, пока она не состоится.",
    "“%1” is not a document; choose note-verbale, sign-in-sheet or participant-list.":
        "«%1» — не документ; выберите note-verbale, sign-in-sheet или participant-list.",
    "“%1” is too short to name a dialogue: give its id or at least 8 of its first characters.":
        "«%1» слишком коротко: укажите идентификатор диалога или не менее 8 первых его знаков.",
    "No dialogue has an id starting with “%1”.": "Нет диалога с идентификатором, начинающимся на «%1».",
    "“%1” names more than one dialogue; give more of its id.":
        "«%1» подходит к нескольким диалогам; укажите больше знаков идентификатора.",
    "Cannot tell the document's format from “%1”; end the file name in .docx or .pdf.":
        "Не удаётся определить формат документа по имени «%1»; имя файла должно оканчиваться на .docx или .pdf.",
    "%1 is a folder; give a file name for the document.": "%1 — это папка; укажите имя файла документа.",
    "A Note Verbale is addressed to one partner: give its party (e.g. --party KZ).":
        "Вербальная нота адресуется одному партнёру: укажите сторону (например, --party KZ).",
    "A Note Verbale asks for a reply by a date: give it (e.g. --reply-by 2023-11-20).":
        "В вербальной ноте указывается срок ответа: задайте его (например, --reply-by 2023-11-20).",
    "The reply-by date %1 is not before the dialogue begins (%2): give an earlier date.":
        "Срок ответа %1 не раньше начала диалога (%2): укажите более раннюю дату.",
    "The reply-by date %1 is before the note's date of issue (%2): give a later date.":
        "Срок ответа %1 раньше даты ноты (%2): укажите более позднюю дату.",
    "The document could not be written to %1.": "Не удалось записать документ в %1.",
    "“%1” has no delegation in “%2” (its parties: %3).": "У «%1» нет делегации на встрече «%2» (стороны: %3).",
    "Participation status": "Статус участия",
    "“%1” is not a role (e.g. Head, Deputy head, Adviser, Expert, Interpreter, Observer, Member; Глава делегации, "
    "Советник, Эксперт, Переводчик)":
        "«%1» — не роль (например, Глава делегации, Заместитель главы делегации, Советник, Эксперт, Переводчик, "
        "Наблюдатель, Член делегации)",
    "“%1” is not a participation status (e.g. invited, confirmed, attended, absent, cancelled; приглашён, "
    "подтвердил, присутствовал, не явился, отказ)":
        "«%1» — не статус участия (например, приглашён, подтвердил, присутствовал, не явился, отказ)",
    "A Note Verbale needs the programme's sender: set it in Settings ▸ Programme.":
        "Для вербальной ноты нужен отправитель: укажите его в разделе «Настройки ▸ Программа».",
}.items()})

RU.update({  # issue 18: Settings ▸ Programme
    "Programme": "Программа",
    "e.g. Central Asia Drug Action Programme (CADAP 7)": "например, Central Asia Drug Action Programme (CADAP 7)",
    "The Delegation of the European Union to …\nПредставительство Европейского Союза в …":
        "The Delegation of the European Union to …\nПредставительство Европейского Союза в …",
    "Who presents its compliments in a Note Verbale: one line per language (English, Russian); the one in the "
    "document's language is used.":
        "Кто свидетельствует своё уважение в вербальной ноте: по строке на язык (английский, русский); "
        "берётся строка на языке документа.",
    "Printed at the head of documents, one line per line. The last line is the place the notes are issued from, "
    "e.g. “Astana / Астана”.":
        "Печатается в шапке документов, построчно. Последняя строка — место, откуда направляются ноты, "
        "например «Astana / Астана».",
    "{year}, {party} and {date} are filled in; {number} is left blank for the registry. Empty: no reference number.":
        "{year}, {party} и {date} подставляются; {number} остаётся пустым для канцелярии. Пусто — без номера.",
    "For replies: name, e-mail, telephone, one per line.": "Для ответов: имя, эл. почта, телефон — по строке.",
    "Choose &logo…": "Выбрать &логотип…",
    "&Remove logo": "&Убрать логотип",
    "&Sender:": "&Отправитель:",
    "&Letterhead:": "&Шапка бланка:",
    "&Reference pattern:": "Шаблон &номера:",
    "&Contact:": "&Контакты:",
    "&Disclaimer:": "&Оговорка:",
    "Logo:": "Логотип:",
    "Stored in the database: everyone working on this file prints the same. No emblem is shipped with the program.":
        "Хранится в базе данных: все, кто работает с этим файлом, печатают одно и то же. "
        "Программа не содержит никаких эмблем.",
    "Choose the logo": "Выберите логотип",
    "Images (*.png *.jpg *.jpeg)": "Изображения (*.png *.jpg *.jpeg)",
    "The logo cannot be read (%1).": "Не удаётся прочитать логотип (%1).",
    "The logo must be a PNG or JPEG image.": "Логотип должен быть изображением PNG или JPEG.",
    "The logo is larger than 2 MB; choose a smaller image.": "Логотип больше 2 МБ; выберите изображение поменьше.",
    "(none)": "(нет)",
    "&Programme…": "&Программа…",
    "Sender, letterhead, reference numbers and contact for documents; kept in this database.":
        "Отправитель, шапка бланка, номера и контакты для документов; хранятся в этой базе данных.",
    ("ProgrammeDialog", "&Name:"): "&Название:",  # a person's name is «Имя» (round 17)
})
# --- issue 15: exchange as replication (conflicts with every version, the officer's name) ---
RU.update({
    ("ConflictsDialog", "Version"): "Версия",
    ("ConflictsDialog", "Value"): "Значение",
    ("ConflictsDialog", "Who"): "Кто",
    ("ConflictsDialog", "When"): "Когда",
    ("ConflictsDialog", "common version"): "общая версия",
    ("ConflictsDialog", "unknown officer"): "сотрудник не указан",
    ("ConflictsDialog", "Shown until you choose"): "Показывается, пока вы не выберете",
    ("ConflictsDialog", "keep"): "оставить",
    ("ConflictsDialog", "%n fields"): ("%n поле", "%n поля", "%n полей"),
    ("Messages", "%n fields"): ("%n поле", "%n поля", "%n полей"),
    ("ConflictsDialog", "Conflict %1"): "Конфликт %1",
    ("ConflictsDialog", "“%1”: %2 fields were changed in two or more databases without seeing each other. "
                        "Choose for each which version to keep; your choice reaches the others with your "
                        "next bundle."):
        "«%1»: полей, изменённых в двух или более базах независимо друг от друга, — %2. Выберите для каждого, "
        "какую версию оставить; ваш выбор дойдёт до остальных с вашим следующим пакетом.",
    ("ConflictsDialog", "A merge broke a rule (open the record and correct it): %1"):
        "Слияние нарушило правило (откройте запись и исправьте её): %1",
    ("MainWindow", "%n conflicts wait"): ("%n конфликт ждёт решения", "%n конфликта ждут решения",
                                           "%n конфликтов ждут решения"),
    ("MainWindow", "Open the conflicts from imports"): "Открыть конфликты импорта",
    ("OfficerDialog", "Your name"): "Ваше имя",
    ("OfficerDialog", "Your name, as your colleagues will see it beside every change you make "
                      "(it travels with the records you exchange):"):
        "Ваше имя — так коллеги увидят его рядом с каждым вашим изменением (оно передаётся вместе с "
        "записями при обмене):",
    ("OfficerDialog", "e.g. Aigerim Zhumabayeva, EU Delegation Astana"):
        "например: Айгерим Жумабаева, Представительство ЕС в Астане",
    ("SettingsDialog", "Your name:"): "Ваше имя:",
    ("ImportPreviewDialog", "Merged (their changes added)"): "Объединённые (их изменения добавлены)",
    ("ImportPreviewDialog", "Kept (ours already has their changes)"): "Оставлены наши (уже содержат их изменения)",
    ("SettingsDialog", "Recorded with every change you make; it travels with the records."):
        "Записывается с каждым вашим изменением и передаётся вместе с записями.",
})
RU.update({("Messages", source): russian for source, russian in {
    "Kept (ours already has it)": "Оставлено наше (уже содержит их изменения)",
    "kept (ours already has it)": "оставлено наше (уже содержит их изменения)",
    "Deleted": "Удалено",
    "%1 was made by a newer Dialogue Register (version %2); update to import it.":
        "Файл %1 создан более новой версией Dialogue Register (%2); обновите программу, чтобы импортировать его.",
    "%1 was changed since the versions were shown; open the conflict again.":
        "%1: запись изменилась после того, как были показаны версии; откройте конфликт ещё раз.",
    "Nothing in %1 has competing versions; correct the record itself: %2":
        "В %1 нет конкурирующих версий; исправьте саму запись: %2",
    "“%1” is not a field in conflict in this record.": "«%1» — не поле в конфликте в этой записи.",
    "%1 has %2 other versions; name the one to keep (%3).":
        "У %1 других версий — %2; укажите, какую оставить (%3).",
    "%1 has no version %2 (there are: %3).": "У %1 нет версии %2 (есть: %3).",
}.items()})
EN_PLURALS.update({
    "%n fields": ("%n field", "%n fields"),
    "%n conflicts wait": ("%n conflict waits", "%n conflicts wait"),
})

# --- issue 15, round 3 (r3-exchange): the Conflicts window's labels, values and rules in Russian ---
RU.update({("Messages", source): russian for source, russian in {
    "In the trash": "В корзине",
    "position": "должность",
    "role": "роль",
    "status": "статус",
    "programme-funded": "за счёт программы",
    "delegation": "делегация",
    "place in the list": "место в списке",
    "side": "сторона",
    "party": "участник (страна или организация)",
    "programme-supported": "при поддержке программы",
    "notes": "примечания",
    "title": "название",
    "presenter": "докладчик",
    "description": "описание",
    "owner": "ответственный",
    "due date": "срок",
    "continues": "продолжает",
    "done on": "выполнено",
    "two heads of one delegation": "два главы одной делегации",
    "one person in two delegations": "один человек в двух делегациях",
    "a final meeting with someone still invited": "итоговая встреча, где кто-то ещё только приглашён",
    "a participant of a removed delegation": "участник удалённой делегации",
    "the meeting ends before it starts (its end date is not shown)":
        "встреча заканчивается раньше, чем начинается (дата окончания не показана)",
    "moved to the trash while edited elsewhere": "перемещено в корзину, пока в другой базе вносились изменения",
    "Participant %1 (%2): %3": "Участник %1 (%2): %3",
    "Delegation %1: %2": "Делегация %1: %2",
    "Agenda item “%1”: %2": "Пункт повестки «%1»: %2",
    "Action “%1”: %2": "Действие «%1»: %2",
    "head of delegation": "глава делегации",
    "deputy head": "заместитель главы",
    "alternate": "заместитель",
    "adviser": "советник",
    "expert": "эксперт",
    "interpreter": "переводчик",
    "observer": "наблюдатель",
    "member": "член делегации",
    "draft": "черновик",
    "final": "итоговая",
    "open": "открыто",
    "done": "выполнено",
    "carried": "перенесено",
    "EU side": "сторона ЕС",
    "partner side": "сторона партнёров",
    "other": "другое",
    "female": "женский",
    "male": "мужской",
    "regional": "региональная",
    "bilateral": "двусторонняя",
    "expert meeting": "встреча экспертов",
    "high-level": "высокого уровня",
    "— (removed)": "— (удалено)",
    "in the trash": "в корзине",
    "not in the trash": "не в корзине",
    "out of the trash, with the edits made meanwhile": "не в корзине, с изменениями, внесёнными тем временем",
    "yes": "да",
    "no": "нет",
    "%1: %2": "%1: %2",
    "an edit of a record merged into it": "изменение записи, объединённой с ней",
}.items()})
# --- issue 16, round 3 (r3-names): a row set aside is corrected in the registration wizard ---
RU.update({
    "To take a row in, correct its cells below (type over a cell or press F2), then Check again. The file "
    "itself is not changed.": "Чтобы принять строку, исправьте её ячейки ниже (начните печатать в ячейке или "
                              "нажмите F2) и нажмите «Проверить снова». Сам файл не меняется.",
    "Chec&k again": "Проверить &снова",
    # one Alt letter per item in every menu (tests/ui/test_menu_accelerators.py), English sources renamed too
    "Import re&gistration list…": "Импорт &списка регистрации…",
    "Recent &databases": "Не&давние базы данных",
    "Prepare ne&xt edition": "&Следующая встреча",
    "Summary &report…": "Сводный от&чёт…",
    "&Quit": "Вы&ход",
    "Delete for &good…": "Удалить навсе&гда…",
    "&Find": "Н&айти",
    "&Settings…": "Наст&ройки…",
    "&Conflicts from imports…": "Ко&нфликты импорта…",
    "Attendance from the &signed sheet…": "Присутствие по подписанному &листу…",
    "%1 rows cannot be read and will be set aside (see why below; correct them there and check again, or later "
    "in the file); the other %2 rows will be imported.":
        "Строк, которые не удаётся прочитать: %1; они будут отложены (причины ниже; исправьте их там и проверьте "
        "снова или позже в файле). Остальные строки (%2) будут импортированы.",
})


# --- issue 19 (branch r3-window): the check and the daily backup after the first paint ---
RU.update({
    ("MainWindow", "Checking the database and taking today's backup…"):
        "Проверка базы данных и сегодняшняя резервная копия…",
    ("MainWindow", "Today's backup written to %1."): "Сегодняшняя резервная копия записана в %1.",
    ("Messages", "The check after opening found damage in %1; restore it from a backup. Today's automatic "
                 "backup was not taken, so the good backups are kept."):
        "Проверка после открытия нашла повреждения в %1; восстановите её из резервной копии. Сегодняшняя "
        "автоматическая резервная копия не сделана, чтобы сохранить исправные копии.",
})
# --- issue 19, round 4 (r4-window): a search counted up to 1,000 ---
RU.update({
    ("MainWindow", "More than %1 shown / %2 total"): "Показано: более %1 из %2",
})
# --- issue 13 (report writing off the window's thread, with Cancel) ---
RU.update({
    ("ReportDialog", "The export was cancelled; no file was written."): "Экспорт отменён; файл не записан.",
})
# --- round 15 (the People and Institutions pages) ---
RU.update({
    ("Messages", "%1 is no longer in the database (it was merged into another record since you opened it); "
                 "nothing was saved."):
        "Записи «%1» больше нет в базе данных (после того как вы её открыли, её объединили с другой); "
        "ничего не сохранено.",
})


# --- round 18 (r18-cliwords): counts agree with their nouns; `import-list` speaks --lang ---
RU.update({
    "%n dialogues": ("%n диалог", "%n диалога", "%n диалогов"),
    "Restored: %1 and %2.": "Восстановлено: %1 и %2.",
    "Restored the database.": "База данных восстановлена.",
    "%n people": ("%n человек", "%n человека", "%n человек"),
    "%n institutions": ("%n учреждение", "%n учреждения", "%n учреждений"),
    "%n participants": ("%n участник", "%n участника", "%n участников"),
    "%n new people": ("%n новый человек", "%n новых человека", "%n новых человек"),
    "%n new delegations": ("%n новая делегация", "%n новые делегации", "%n новых делегаций"),
    "%n new institutions": ("%n новое учреждение", "%n новых учреждения", "%n новых учреждений"),
    "%n rows": ("%n строка", "%n строки", "%n строк"),
    "%n records": ("%n запись", "%n записи", "%n записей"),
    "set aside: %1": "отложено: %1",
    "%1 (%2% alike)": "%1 (сходство %2%)",
    "set aside: Row %1: “%2” may be %3; import the list in the window to choose.":
        "отложено: строка %1: «%2» — возможно, %3; импортируйте список в окне программы, чтобы выбрать.",
    "Dry run: nothing was written. Importing the list into “%1” would give:":
        "Пробный запуск: ничего не записано. Импорт списка в «%1» дал бы:",
    "Rows set aside: %1 (listed above); correct or decide them, then import the list again.":
        "Отложено строк: %1 (перечислены выше); исправьте их или примите решение и импортируйте список снова.",
    "No column of names was recognised in the list's headings (such as “Name”, “ФИО”, or both “First name” and "
    "“Surname”); rename the heading, or import the list in the window to choose the column.":
        "В заголовках списка не найден столбец имён (например, «Name», «ФИО» или «Имя» и «Фамилия» вместе); "
        "переименуйте заголовок или импортируйте список в окне программы, чтобы выбрать столбец.",
    "The list has no country column (such as “Country” or “Страна”); add one, or import the list in the window "
    "to choose one delegation for the whole list.":
        "В списке нет столбца страны (например, «Country» или «Страна»); добавьте его или импортируйте список "
        "в окне программы, чтобы выбрать одну делегацию для всего списка.",
    "No row of the list can be added (the reasons are listed above); nothing was written.":
        "Ни одну строку списка нельзя добавить (причины перечислены выше); ничего не записано.",
})
EN_PLURALS.update({
    "%n dialogues": ("%n dialogue", "%n dialogues"),
    "%n people": ("%n person", "%n people"),
    "%n institutions": ("%n institution", "%n institutions"),
    "%n participants": ("%n participant", "%n participants"),
    "%n new people": ("%n new person", "%n new people"),
    "%n new delegations": ("%n new delegation", "%n new delegations"),
    "%n new institutions": ("%n new institution", "%n new institutions"),
    "%n rows": ("%n row", "%n rows"),
    "%n records": ("%n record", "%n records"),
})


# --- round 19: a bundle's refusals said whole in Russian (their reasons were English pieces) ---
RU.update({("Messages", source): russian for source, russian in {
    "holds %1, which is not a number JSON allows": "содержит %1 — такого числа JSON не допускает",
    "holds a number %1 digits long; a bundle's numbers have at most %2":
        "содержит число из %1 цифр, а в пакете обмена числа не длиннее %2 цифр",
    "holds a number %1 characters long; a bundle's numbers are short":
        "содержит число длиной %1 знаков, а числа в пакете обмена короткие",
    "is %1 characters long; at most %2 are allowed": "длиной %1 знаков, а допускается не более %2",
    "is empty": "не заполнено",
    "lacks the required field “%1”": "не содержит обязательного поля «%1»",
    "repeats the id %1, which is already used in this bundle":
        "повторяет идентификатор %1, уже использованный в этом пакете",
    "repeats the id %1, which is already used in this dialogue":
        "повторяет идентификатор %1, уже использованный в этом диалоге",
    "is “%1”, which is not a known country code": "равно «%1» — такого кода страны нет",
    "is %1, which is not a real date": "равно %1 — такой даты нет",
    "is %1, which is not a real date and time": "равно %1 — таких даты и времени нет",
    "is %1, which is outside the years 1900 to 9000": "равно %1 — вне 1900–9000 годов",
    "has a field the format does not know (“%1”)": "содержит поле, неизвестное формату («%1»)",
    "refers to person %1, who is not in the bundle": "ссылается на человека %1, которого нет в пакете",
    "refers to institution %1, which is not in the bundle": "ссылается на учреждение %1, которого нет в пакете",
    "is %1, but must be one of %2": "равно %1, а должно быть одним из: %2",
    "is %1, but must be %2": "равно %1, а должно быть %2",
    "is %1, which is not in the expected form": "равно %1, а это не тот вид, который ожидается",
    "is %1, but must be of type %2": "равно %1, а должно быть типа %2",
    "is %1, which the bundle format does not allow": "равно %1, а формат пакета этого не допускает",
}.items()})


# --- round 19: the `conflicts` command's table under --lang ru ---
RU.update({("Messages", source): russian for source, russian in {
    "No conflicts wait.": "Конфликтов нет.",
    "Say which version to keep: --keep ours, --keep theirs or --keep VERSION.":
        "Укажите, какую версию оставить: --keep ours, --keep theirs или --keep ВЕРСИЯ.",
    "Conflict %1 resolved (%2); your choice travels with your next bundle.":
        "Конфликт %1 решён (%2); ваш выбор уйдёт с вашим следующим пакетом обмена.",
    "%1  %2 %3 (%4)": "%1  %2 %3 (%4)",
    "    rule broken by a merge: %1": "    правило, нарушенное слиянием: %1",
    "    %1  [%2]": "    %1  [%2]",
    "        common version: %1": "        общая версия: %1",
    "        %1 %2: %3 — %4, database %5, %6%7": "        %1 %2: %3 — %4, база данных %5, %6%7",
    "unknown officer": "сотрудник неизвестен",
    "no date": "без даты",
    " (shown now)": " (показано сейчас)",
    "%1 waiting; resolve with: dialogue-register conflicts --resolve ID --keep ours|theirs|VERSION":
        "Не решено: %1; решите так: dialogue-register conflicts --resolve ID --keep ours|theirs|VERSION",
}.items()})


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
