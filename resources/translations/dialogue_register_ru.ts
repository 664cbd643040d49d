<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Dialogue Register</source>
            <translation>О программе Dialogue Register</translation>
        </message>
        <message>
            <source>Version %1</source>
            <translation>Версия %1</translation>
        </message>
        <message>
            <source>A record of drug-policy dialogues, their delegations and participants, for programme officers.</source>
            <translation>Учёт диалогов по наркополитике, их делегаций и участников — для сотрудников программ.</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>Показать в папке</translation>
        </message>
        <message>
            <source>%1 (no backups yet)</source>
            <translation>%1 (резервных копий пока нет)</translation>
        </message>
        <message>
            <source>Kept automatically: the newest %1 backups, plus one a month for %2 months.</source>
            <translation>Хранятся автоматически: %1 последних копий и по одной в месяц за %2 мес.</translation>
        </message>
        <message>
            <source>Database:</source>
            <translation>База данных:</translation>
        </message>
        <message>
            <source>Backups:</source>
            <translation>Резервные копии:</translation>
        </message>
        <message>
            <source>Error log:</source>
            <translation>Журнал ошибок:</translation>
        </message>
        <message>
            <source>Where your data is kept</source>
            <translation>Где хранятся ваши данные</translation>
        </message>
        <message>
            <source>Licences</source>
            <translation>Лицензии</translation>
        </message>
        <message>
            <source>Dialogue Register is free software under the %1 licence.</source>
            <translation>Dialogue Register — свободная программа под лицензией %1.</translation>
        </message>
        <message>
            <source>It uses these components, each under its own licence (see LICENSES.md):</source>
            <translation>Она использует следующие компоненты, каждый под своей лицензией (см. LICENSES.md):</translation>
        </message>
        <message>
            <source>The folder is %1.</source>
            <translation>Папка: %1.</translation>
        </message>
    </context>
    <context>
        <name>ActionsSection</name>
        <message>
            <source>Open</source>
            <translation>Открыто</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Выполнено</translation>
        </message>
        <message>
            <source>Carried over</source>
            <translation>Перенесено</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Ответственный</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>Срок</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>&amp;Add action</source>
            <translation>До&amp;бавить действие</translation>
        </message>
    </context>
    <context>
        <name>AgendaSection</name>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Presenter</source>
            <translation>Докладчик</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Примечания</translation>
        </message>
        <message>
            <source>&amp;Add item</source>
            <translation>Добавить пу&amp;нкт</translation>
        </message>
    </context>
    <context>
        <name>CheckPage</name>
        <message>
            <source>Checking every row</source>
            <translation>Проверка каждой строки</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Строка</translation>
        </message>
        <message>
            <source>What is wrong</source>
            <translation>Что не так</translation>
        </message>
        <message>
            <source>To take a row in, correct its cells below (type over a cell or press F2), then Check again. The file itself is not changed.</source>
            <translation>Чтобы принять строку, исправьте её ячейки ниже (начните печатать в ячейке или нажмите F2) и нажмите «Проверить снова». Сам файл не меняется.</translation>
        </message>
        <message>
            <source>Chec&amp;k again</source>
            <translation>Проверить &amp;снова</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Delegation</source>
            <translation>Делегация</translation>
        </message>
        <message>
            <source>Already known as</source>
            <translation>Уже известен как</translation>
        </message>
        <message>
            <source>Use the known person where the name is only probably the same</source>
            <translation>Использовать известного человека, если имя, вероятно, то же</translation>
        </message>
        <message>
            <source>already in this dialogue — attendance and position taken from the list</source>
            <translation>уже в этом диалоге — присутствие и должность взяты из списка</translation>
        </message>
        <message>
            <source>already in this dialogue — skipped</source>
            <translation>уже в этом диалоге — пропущен</translation>
        </message>
        <message>
            <source>New person</source>
            <translation>Новый человек</translation>
        </message>
        <message>
            <source>Same as %1 (%2% alike)</source>
            <translation>Тот же, что %1 (сходство %2%)</translation>
        </message>
        <message>
            <source>%1 rows cannot be read and will be set aside (see why below; correct them there and check again, or later in the file); the other %2 rows will be imported.</source>
            <translation>Строк, которые не удаётся прочитать: %1; они будут отложены (причины ниже; исправьте их там и проверьте снова или позже в файле). Остальные строки (%2) будут импортированы.</translation>
        </message>
        <message>
            <source>All %1 rows are fine. Already known: %2; possibly known: %3; new: %4.</source>
            <translation>Все строки (%1) в порядке. Уже известны: %2; возможно, известны: %3; новые: %4.</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <source>Dialogue</source>
            <translation>Диалог</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Человек</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Учреждение</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Серия</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>Дата начала</translation>
        </message>
        <message>
            <source>End date</source>
            <translation>Дата окончания</translation>
        </message>
        <message>
            <source>City</source>
            <translation>Город</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Страна</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Онлайн</translation>
        </message>
        <message>
            <source>Chair</source>
            <translation>Председатель</translation>
        </message>
        <message>
            <source>Supporting programmes</source>
            <translation>Поддерживающие программы</translation>
        </message>
        <message>
            <source>Frameworks</source>
            <translation>Рамочные документы</translation>
        </message>
        <message>
            <source>Topics</source>
            <translation>Темы</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Итоги</translation>
        </message>
        <message>
            <source>Delegations</source>
            <translation>Делегации</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Повестка дня</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>Последующие действия</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя / название</translation>
        </message>
        <message>
            <source>Other spellings</source>
            <translation>Другие написания</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Эл. почта</translation>
        </message>
        <message>
            <source>Acronym</source>
            <translation>Сокращение</translation>
        </message>
        <message>
            <source>keep</source>
            <translation>оставить</translation>
        </message>
        <message>
            <source>Conflicts from imports</source>
            <translation>Конфликты после импорта</translation>
        </message>
        <message>
            <source>No conflicts wait for you: every import so far merged cleanly.</source>
            <translation>Неразрешённых конфликтов нет: все импорты прошли без конфликтов.</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Версия</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Значение</translation>
        </message>
        <message numerus="yes">
            <source>%n fields</source>
            <translation>
                <numerusform>%n поле</numerusform>
                <numerusform>%n поля</numerusform>
                <numerusform>%n полей</numerusform>
            </translation>
        </message>
        <message>
            <source>Conflict %1</source>
            <translation>Конфликт %1</translation>
        </message>
        <message>
            <source>Apply your choices for “%1”?</source>
            <translation>Применить ваш выбор для «%1»?</translation>
        </message>
        <message>
            <source>Don't apply</source>
            <translation>Не применять</translation>
        </message>
        <message>
            <source>“%1”: %2 fields were changed in two or more databases without seeing each other. Choose for each which version to keep; your choice reaches the others with your next bundle.</source>
            <translation>«%1»: полей, изменённых в двух или более базах независимо друг от друга, — %2. Выберите для каждого, какую версию оставить; ваш выбор дойдёт до остальных с вашим следующим пакетом.</translation>
        </message>
        <message>
            <source>A merge broke a rule (open the record and correct it): %1</source>
            <translation>Слияние нарушило правило (откройте запись и исправьте её): %1</translation>
        </message>
        <message>
            <source>common version</source>
            <translation>общая версия</translation>
        </message>
        <message>
            <source>ours</source>
            <translation>наше</translation>
        </message>
        <message>
            <source>theirs</source>
            <translation>их</translation>
        </message>
        <message>
            <source>Shown until you choose</source>
            <translation>Показывается, пока вы не выберете</translation>
        </message>
        <message>
            <source>unknown officer</source>
            <translation>сотрудник не указан</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>Оставить</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Кто</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <source>Keep all ours</source>
            <translation>Оставить всё наше</translation>
        </message>
        <message>
            <source>Take all theirs</source>
            <translation>Взять всё их</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Применить</translation>
        </message>
    </context>
    <context>
        <name>DamagedDatabaseDialog</name>
        <message>
            <source>The database cannot be opened</source>
            <translation>Не удаётся открыть базу данных</translation>
        </message>
        <message>
            <source>The database cannot be opened.</source>
            <translation>Не удаётся открыть базу данных.</translation>
        </message>
        <message>
            <source>File: {0}
It has not been changed.</source>
            <translation>Файл: {0}
Он не был изменён.</translation>
        </message>
        <message>
            <source>The latest good backup is from {0}, with {1} dialogues and {2} people. Restoring it keeps the damaged file aside in the backups folder.</source>
            <translation>Последняя исправная резервная копия — от {0}: диалогов {1}, людей {2}. При восстановлении повреждённый файл будет отложен в папку резервных копий.</translation>
        </message>
        <message>
            <source>No good backup of this database was found in {0}. Open another file, or a copy you kept elsewhere.</source>
            <translation>В {0} не найдено исправной резервной копии этой базы данных. Откройте другой файл или копию, сохранённую в другом месте.</translation>
        </message>
        <message>
            <source>Restore the latest good backup</source>
            <translation>Восстановить последнюю исправную копию</translation>
        </message>
        <message>
            <source>Open another file…</source>
            <translation>Открыть другой файл…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Выйти</translation>
        </message>
        <message>
            <source>Open another database</source>
            <translation>Открыть другую базу данных</translation>
        </message>
        <message>
            <source>Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Базы данных Реестра диалогов (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
        </message>
    </context>
    <context>
        <name>DatabaseFiles</name>
        <message>
            <source>Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Базы данных Реестра диалогов (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>Открыть базу данных</translation>
        </message>
        <message>
            <source>New database</source>
            <translation>Новая база данных</translation>
        </message>
        <message>
            <source>%1 already exists; use Open database to open it, or choose a new name.</source>
            <translation>Файл %1 уже существует: откройте его командой «Открыть базу данных» или выберите другое имя.</translation>
        </message>
        <message>
            <source>The data folder is %1.</source>
            <translation>Папка данных: %1.</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>e.g. %1</source>
            <translation>например, %1</translation>
        </message>
        <message>
            <source>Choose the date in a calendar (Alt+Down)</source>
            <translation>Выбрать дату в календаре (Alt+↓)</translation>
        </message>
    </context>
    <context>
        <name>DelegationsSection</name>
        <message>
            <source>EU</source>
            <translation>ЕС</translation>
        </message>
        <message>
            <source>Partner</source>
            <translation>Партнёр</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Другая</translation>
        </message>
        <message>
            <source>Head</source>
            <translation>Глава делегации</translation>
        </message>
        <message>
            <source>Deputy head</source>
            <translation>Зам. главы делегации</translation>
        </message>
        <message>
            <source>Alternate</source>
            <translation>Заместитель</translation>
        </message>
        <message>
            <source>Adviser</source>
            <translation>Советник</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>Эксперт</translation>
        </message>
        <message>
            <source>Interpreter</source>
            <translation>Переводчик</translation>
        </message>
        <message>
            <source>Observer</source>
            <translation>Наблюдатель</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Член делегации</translation>
        </message>
        <message>
            <source>Invited</source>
            <translation>Приглашение</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>Согласие</translation>
        </message>
        <message>
            <source>Attended</source>
            <translation>Участие</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>Неявка</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>Отказ</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Женский</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Мужской</translation>
        </message>
        <message>
            <source>Party</source>
            <translation>Страна / организация</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>Сторона</translation>
        </message>
        <message>
            <source>Supported</source>
            <translation>Поддержка</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Примечания</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>Участники</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Учреждение</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Должность</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Funded</source>
            <translation>Оплата</translation>
        </message>
        <message>
            <source>&amp;Add delegation</source>
            <translation>Добавить делегаци&amp;ю</translation>
        </message>
        <message>
            <source>Add the five &amp;Central Asian countries</source>
            <translation>Добавить пять стран &amp;Центральной Азии</translation>
        </message>
        <message>
            <source>Add EU s&amp;ide</source>
            <translation>Добавить сторону &amp;ЕС</translation>
        </message>
        <message>
            <source>Remo&amp;ve</source>
            <translation>&amp;Удалить</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>&amp;Вверх</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>Вни&amp;з</translation>
        </message>
        <message>
            <source>Delegations</source>
            <translation>Делегации</translation>
        </message>
        <message>
            <source>The programme paid for this person</source>
            <translation>Участие этого человека оплачено программой</translation>
        </message>
        <message>
            <source>Add par&amp;ticipant</source>
            <translation>Добавить у&amp;частника</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>Удал&amp;ить</translation>
        </message>
        <message>
            <source>Move dow&amp;n</source>
            <translation>В&amp;низ</translation>
        </message>
        <message>
            <source>Add last year's &amp;heads as invited</source>
            <translation>Добавить прошлогодних &amp;глав как приглашённых</translation>
        </message>
        <message>
            <source>After the meeting: every confirmed participant of every delegation came</source>
            <translation>После встречи: все давшие согласие участники всех делегаций присутствовали</translation>
        </message>
        <message>
            <source>Nothing pasted: no row has a name in the first column or under Name (ФИО).</source>
            <translation>Ничего не вставлено: ни в одной строке нет имени в первом столбце или в столбце «ФИО».</translation>
        </message>
        <message>
            <source>Pasted participants: %1.</source>
            <translation>Вставлено участников: %1.</translation>
        </message>
        <message>
            <source>Sex not understood (%1): choose it in the Sex column.</source>
            <translation>Пол не распознан (%1): выберите его в столбце «Пол».</translation>
        </message>
        <message>
            <source>Rows without a name left out: %1.</source>
            <translation>Пропущены строки без имени: %1.</translation>
        </message>
        <message>
            <source>More than one person is called “%1”; the first was taken. Type the name again and pick the one meant from the list, which shows their country and last meeting.</source>
            <translation>«%1» — так зовут нескольких людей; выбран первый. Введите имя снова и выберите нужного человека в списке: там указаны страна и последняя встреча.</translation>
        </message>
        <message>
            <source>Last year's heads: %1</source>
            <translation>Главы делегаций в прошлом году: %1</translation>
        </message>
        <message>
            <source>&amp;Party</source>
            <translation>С&amp;трана / организация</translation>
        </message>
        <message>
            <source>Participation supported by the programme</source>
            <translation>Участие при поддержке программы</translation>
        </message>
        <message>
            <source>&amp;Move up</source>
            <translation>Вве&amp;рх</translation>
        </message>
        <message>
            <source>Mar&amp;k all confirmed as attended</source>
            <translation>От&amp;метить всех давших согласие как участвовавших</translation>
        </message>
        <message>
            <source>The meeting starts on %1: the participants added are invited, not attended.</source>
            <translation>Встреча начинается %1: добавленные участники — приглашённые, а не присутствовавшие.</translation>
        </message>
        <message>
            <source>Participants — %1</source>
            <translation>Участники — %1</translation>
        </message>
        <message>
            <source>This delegation has no head: set one participant's role to Head.</source>
            <translation>У делегации нет главы: укажите у одного из участников роль «Глава делегации».</translation>
        </message>
        <message>
            <source>This delegation has %1 heads; one is usual.</source>
            <translation>У делегации несколько глав (%1); обычно глава один.</translation>
        </message>
    </context>
    <context>
        <name>DetailsSection</name>
        <message>
            <source>Regional</source>
            <translation>Региональный</translation>
        </message>
        <message>
            <source>Bilateral</source>
            <translation>Двусторонний</translation>
        </message>
        <message>
            <source>Expert meeting</source>
            <translation>Встреча экспертов</translation>
        </message>
        <message>
            <source>High-level</source>
            <translation>Высокого уровня</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Другое</translation>
        </message>
        <message>
            <source>E&amp;nds on</source>
            <translation>&amp;Заканчивается</translation>
        </message>
        <message>
            <source>Held on&amp;line (or partly online)</source>
            <translation>Проводится он&amp;лайн (полностью или частично)</translation>
        </message>
        <message>
            <source>Se&amp;ries</source>
            <translation>Се&amp;рия</translation>
        </message>
        <message>
            <source>St&amp;art date</source>
            <translation>Д&amp;ата начала</translation>
        </message>
        <message>
            <source>&amp;City</source>
            <translation>&amp;Город</translation>
        </message>
        <message>
            <source>Host countr&amp;y</source>
            <translation>Принимающая с&amp;трана</translation>
        </message>
        <message>
            <source>To&amp;pics</source>
            <translation>Те&amp;мы</translation>
        </message>
        <message>
            <source>Frame&amp;works</source>
            <translation>Рамочные до&amp;кументы</translation>
        </message>
        <message>
            <source>Supporting pro&amp;grammes</source>
            <translation>Поддерживающие программ&amp;ы</translation>
        </message>
        <message>
            <source>The Council presidency on that date: %1.</source>
            <translation>Председательство в Совете ЕС на эту дату: %1.</translation>
        </message>
        <message>
            <source>The Council presidency on that date was %1, not %2.</source>
            <translation>Председательство в Совете ЕС на эту дату — %1, а не %2.</translation>
        </message>
        <message>
            <source>Chair: %1</source>
            <translation>Председатель: %1</translation>
        </message>
        <message>
            <source>What was discussed and agreed, in a few sentences</source>
            <translation>Что обсудили и о чём договорились, в нескольких предложениях</translation>
        </message>
        <message>
            <source>e.g. EU-Central Asia Drug Dialogue 2023</source>
            <translation>напр. Диалог ЕС — Центральная Азия по наркотикам 2023</translation>
        </message>
        <message>
            <source>The recurring meeting this belongs to, if any</source>
            <translation>Регулярная встреча, к которой относится этот диалог, если есть</translation>
        </message>
        <message>
            <source>City</source>
            <translation>Город</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Встреча</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>&amp;Название</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>Stat&amp;us</source>
            <translation>Стат&amp;ус</translation>
        </message>
        <message>
            <source>End date</source>
            <translation>Дата окончания</translation>
        </message>
        <message>
            <source>Place and chair</source>
            <translation>Место и председательство</translation>
        </message>
        <message>
            <source>C&amp;hair</source>
            <translation>Пр&amp;едседатель</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Содержание</translation>
        </message>
        <message>
            <source>Su&amp;mmary</source>
            <translation>&amp;Итоги</translation>
        </message>
    </context>
    <context>
        <name>DialogueEditor</name>
        <message>
            <source>&amp;Details</source>
            <translation>&amp;Сведения</translation>
        </message>
        <message>
            <source>De&amp;legations</source>
            <translation>&amp;Делегации</translation>
        </message>
        <message>
            <source>A&amp;genda</source>
            <translation>П&amp;овестка дня</translation>
        </message>
        <message>
            <source>Follow-up a&amp;ctions</source>
            <translation>Последу&amp;ющие действия</translation>
        </message>
        <message>
            <source>Parts of the dialogue</source>
            <translation>Разделы диалога</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Повестка дня</translation>
        </message>
        <message>
            <source>Follow-up actions</source>
            <translation>Последующие действия</translation>
        </message>
        <message>
            <source>Problem marker</source>
            <translation>Отметка о проблеме</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Сохранить</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Закрыть</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Отменить</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Повторить</translation>
        </message>
        <message>
            <source>Add &amp;participant</source>
            <translation>Добавить &amp;участника</translation>
        </message>
        <message>
            <source>Add delegat&amp;ion…</source>
            <translation>Добавить деле&amp;гацию…</translation>
        </message>
        <message>
            <source>Add the five Central Asian c&amp;ountries</source>
            <translation>Добавить пять стран &amp;Центральной Азии</translation>
        </message>
        <message>
            <source>Add &amp;EU side</source>
            <translation>Добавить сторону &amp;ЕС</translation>
        </message>
        <message>
            <source>Add &amp;agenda item</source>
            <translation>Добавить пункт &amp;повестки</translation>
        </message>
        <message>
            <source>Add &amp;follow-up action</source>
            <translation>Добавить последующее дейс&amp;твие</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Правка</translation>
        </message>
        <message>
            <source>&amp;Dialogue</source>
            <translation>&amp;Диалог</translation>
        </message>
        <message>
            <source>Go to %1</source>
            <translation>Перейти: %1</translation>
        </message>
        <message numerus="yes">
            <source> (and %n more)</source>
            <translation>
                <numerusform> (и ещё %n)</numerusform>
                <numerusform> (и ещё %n)</numerusform>
                <numerusform> (и ещё %n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Another dialogue has the same title and start date.</source>
            <translation>Другой диалог имеет то же название и дату начала.</translation>
        </message>
        <message>
            <source>New dialogue</source>
            <translation>Новый диалог</translation>
        </message>
        <message>
            <source>Not saved until this is put right</source>
            <translation>Не сохранится, пока это не исправлено</translation>
        </message>
        <message>
            <source>Worth a second look; saving is not stopped</source>
            <translation>Стоит проверить; сохранению не мешает</translation>
        </message>
        <message>
            <source>Something on this tab stops saving</source>
            <translation>На этой вкладке есть то, что мешает сохранению</translation>
        </message>
        <message>
            <source>Last time: %1</source>
            <translation>В прошлый раз: %1</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Не сохранено: %1</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Не сохранено</translation>
        </message>
        <message>
            <source>The dialogue was not saved. %1</source>
            <translation>Диалог не сохранён. %1</translation>
        </message>
        <message>
            <source>Same title and date</source>
            <translation>То же название и дата</translation>
        </message>
        <message>
            <source>Another dialogue is called “%1” and starts on the same day. Save this one as well?</source>
            <translation>Другой диалог называется «%1» и начинается в тот же день. Сохранить и этот?</translation>
        </message>
        <message>
            <source>Changed elsewhere</source>
            <translation>Изменено в другом месте</translation>
        </message>
        <message>
            <source>Nothing was saved. Reload the saved version now? (Your changes in this window will be discarded.)</source>
            <translation>Ничего не сохранено. Загрузить сохранённую версию? (Изменения в этом окне будут отброшены.)</translation>
        </message>
        <message>
            <source>Saved “%1”. It is in the trash: restore it from the Trash page (Ctrl+4) to see it in the list.</source>
            <translation>«%1» сохранён. Диалог в корзине: чтобы он появился в списке, восстановите его на странице «Корзина» (Ctrl+4).</translation>
        </message>
        <message>
            <source>Saved “%1”.</source>
            <translation>«%1» сохранён.</translation>
        </message>
        <message>
            <source>Cannot reload</source>
            <translation>Не удаётся загрузить заново</translation>
        </message>
        <message>
            <source>this new dialogue</source>
            <translation>этот новый диалог</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>Save your changes to “%1” before closing?</source>
            <translation>Сохранить изменения в «%1» перед закрытием?</translation>
        </message>
        <message>
            <source>&amp;Don't save</source>
            <translation>&amp;Не сохранять</translation>
        </message>
        <message>
            <source>Unsaved changes kept at %1 are back in this form: Save keeps them, Close ▸ Discard drops them.</source>
            <translation>Несохранённые изменения от %1 возвращены в форму: «Сохранить» сохранит их, «Закрыть» ▸ «Не сохранять» отбросит.</translation>
        </message>
        <message>
            <source>The dialogue was saved elsewhere since then: check before saving.</source>
            <translation>С тех пор диалог был сохранён в другом месте: проверьте перед сохранением.</translation>
        </message>
        <message>
            <source>It is in the trash and stays there after Save; restore it from the Trash page (Ctrl+4) to see it in the list.</source>
            <translation>Диалог в корзине и останется там после сохранения; чтобы он появился в списке, восстановите его на странице «Корзина» (Ctrl+4).</translation>
        </message>
        <message>
            <source>Document not written</source>
            <translation>Документ не записан</translation>
        </message>
        <message>
            <source>Written to %1</source>
            <translation>Записано в %1</translation>
        </message>
        <message>
            <source>Save first</source>
            <translation>Сначала сохраните</translation>
        </message>
        <message>
            <source>Documents are made from the saved dialogue. Save your changes now?</source>
            <translation>Документы составляются по сохранённому диалогу. Сохранить изменения сейчас?</translation>
        </message>
        <message>
            <source>No delegation</source>
            <translation>Нет делегации</translation>
        </message>
        <message>
            <source>A Note Verbale invites a delegation: add the partner's delegation first.</source>
            <translation>Вербальная нота приглашает делегацию: сначала добавьте делегацию партнёра.</translation>
        </message>
        <message>
            <source>Nobody expected</source>
            <translation>Никого не ожидается</translation>
        </message>
        <message>
            <source>No participant is invited, confirmed or attended yet.</source>
            <translation>Пока нет ни приглашённых, ни давших согласие, ни участвовавших.</translation>
        </message>
        <message>
            <source>Mar&amp;k all confirmed as attended</source>
            <translation>От&amp;метить всех давших согласие как участвовавших</translation>
        </message>
        <message>
            <source>Attendance from the &amp;signed sheet…</source>
            <translation>Присутствие по подписанному &amp;листу…</translation>
        </message>
        <message>
            <source>D&amp;ocuments</source>
            <translation>Д&amp;окументы</translation>
        </message>
        <message>
            <source>&amp;Note Verbale…</source>
            <translation>&amp;Вербальная нота…</translation>
        </message>
        <message>
            <source>&amp;Sign-in sheet…</source>
            <translation>&amp;Лист регистрации…</translation>
        </message>
        <message>
            <source>&amp;Participant list…</source>
            <translation>&amp;Список участников…</translation>
        </message>
    </context>
    <context>
        <name>DialogueFilterBar</name>
        <message>
            <source>any</source>
            <translation>любая</translation>
        </message>
        <message>
            <source>Search title, series, city, topics, summary, participants…</source>
            <translation>Поиск по названию, серии, городу, темам, итогам, участникам…</translation>
        </message>
        <message>
            <source>Meetings starting on or after this date</source>
            <translation>Встречи, начавшиеся в эту дату или позже</translation>
        </message>
        <message>
            <source>Meetings starting on or before this date</source>
            <translation>Встречи, начавшиеся в эту дату или раньше</translation>
        </message>
        <message>
            <source>All countries</source>
            <translation>Все страны</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Любой статус</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>Поис&amp;к:</translation>
        </message>
        <message>
            <source>Fro&amp;m:</source>
            <translation>Пери&amp;од с:</translation>
        </message>
        <message>
            <source>to:</source>
            <translation>по:</translation>
        </message>
        <message>
            <source>All series</source>
            <translation>Все серии</translation>
        </message>
        <message>
            <source>The period starts on %1, after it ends on %2: nothing could match.</source>
            <translation>Период начинается %1, позже, чем заканчивается (%2): под него ничего не подойдёт.</translation>
        </message>
    </context>
    <context>
        <name>DialogueTableModel</name>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Серия</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Место</translation>
        </message>
        <message>
            <source>Chair</source>
            <translation>Председатель</translation>
        </message>
        <message>
            <source>Delegations</source>
            <translation>Делегации</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>Участники</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>%1 (online)</source>
            <translation>%1 (онлайн)</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Онлайн</translation>
        </message>
    </context>
    <context>
        <name>DocumentDialog</name>
        <message>
            <source>Note Verbale</source>
            <translation>Вербальная нота</translation>
        </message>
        <message>
            <source>Sign-in sheet</source>
            <translation>Лист регистрации</translation>
        </message>
        <message>
            <source>Participant list</source>
            <translation>Список участников</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
        </message>
        <message>
            <source>&amp;Invited party</source>
            <translation>&amp;Приглашаемая сторона</translation>
        </message>
        <message>
            <source>&amp;Reply by</source>
            <translation>&amp;Ответ до</translation>
        </message>
        <message>
            <source>F&amp;ormat</source>
            <translation>Фор&amp;мат</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>О&amp;бзор…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>&amp;Write</source>
            <translation>&amp;Записать</translation>
        </message>
        <message>
            <source>Write the document to</source>
            <translation>Записать документ в</translation>
        </message>
        <message>
            <source>PDF or Word (*.pdf *.docx)</source>
            <translation>PDF или Word (*.pdf *.docx)</translation>
        </message>
        <message>
            <source>Give the date the reply is asked by.</source>
            <translation>Укажите дату, до которой просят ответить.</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <source>Probable duplicate people</source>
            <translation>Вероятные повторы людей</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Человек</translation>
        </message>
        <message>
            <source>Probably the same as</source>
            <translation>Вероятно, тот же, что</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Сходство</translation>
        </message>
        <message>
            <source>Merge, keep left name</source>
            <translation>Объединить, оставить имя слева</translation>
        </message>
        <message>
            <source>Merge, keep right name</source>
            <translation>Объединить, оставить имя справа</translation>
        </message>
        <message>
            <source>Not the same — skip</source>
            <translation>Разные люди — пропустить</translation>
        </message>
        <message>
            <source>Comparing the people's names…</source>
            <translation>Сравнение имён людей…</translation>
        </message>
        <message numerus="yes">
            <source>%n pair(s) of people look like one person written differently.</source>
            <translation>
                <numerusform>%n пара записей похожа на одного человека, записанного по-разному.</numerusform>
                <numerusform>%n пары записей похожи на одного человека, записанного по-разному.</numerusform>
                <numerusform>%n пар записей похожи на одного человека, записанного по-разному.</numerusform>
            </translation>
        </message>
        <message>
            <source>No probable duplicates were found.</source>
            <translation>Вероятных повторов не найдено.</translation>
        </message>
        <message>
            <source>Merge two people</source>
            <translation>Объединение двух людей</translation>
        </message>
        <message>
            <source>“%1” is now in two delegations of %2. Open the meeting and keep the right one.</source>
            <translation>«%1» теперь в двух делегациях: %2. Откройте встречу и оставьте нужную.</translation>
        </message>
        <message>
            <source>Merge “%1” into “%2”? Their participations move to “%2” and “%1” is kept as another spelling.</source>
            <translation>Объединить «%1» с «%2»? Участие в встречах перейдёт к «%2», а «%1» сохранится как другое написание.</translation>
        </message>
    </context>
    <context>
        <name>EnumLabels</name>
        <message>
            <source>Draft</source>
            <translation>Черновик</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Окончательный</translation>
        </message>
    </context>
    <context>
        <name>ExchangeActions</name>
        <message>
            <source>Exchange bundles (*.json);;All files (*)</source>
            <translation>Пакеты обмена (*.json);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Import bundle</source>
            <translation>Импорт пакета обмена</translation>
        </message>
        <message>
            <source>Some records were edited on both sides. Compare them field by field now?</source>
            <translation>Некоторые записи изменены обеими сторонами. Сравнить их по полям сейчас?</translation>
        </message>
        <message>
            <source>Export bundle</source>
            <translation>Экспорт пакета обмена</translation>
        </message>
        <message>
            <source>Select the dialogues to export in the list first.</source>
            <translation>Сначала выберите в списке диалоги для экспорта.</translation>
        </message>
        <message>
            <source>Export selected dialogues</source>
            <translation>Экспорт выбранных диалогов</translation>
        </message>
        <message>
            <source>Exported 1 dialogue to %1.</source>
            <translation>1 диалог экспортирован в %1.</translation>
        </message>
        <message>
            <source>Exported %1 dialogues to %2.</source>
            <translation>Экспортировано диалогов: %1, файл %2.</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <source>Choose the registration list</source>
            <translation>Выбор списка регистрации</translation>
        </message>
        <message>
            <source>An Excel workbook (.xlsx) or a CSV file; the first sheet is read.</source>
            <translation>Книга Excel (.xlsx) или файл CSV; читается первый лист.</translation>
        </message>
        <message>
            <source>Path of the list</source>
            <translation>Путь к списку</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Обзор…</translation>
        </message>
        <message>
            <source>Dialogue:</source>
            <translation>Диалог:</translation>
        </message>
        <message>
            <source>List:</source>
            <translation>Список:</translation>
        </message>
        <message>
            <source>Registration list</source>
            <translation>Список регистрации</translation>
        </message>
        <message>
            <source>Registration lists (*.xlsx *.csv *.txt)</source>
            <translation>Списки регистрации (*.xlsx *.csv *.txt)</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to Dialogue Register</source>
            <translation>Добро пожаловать в Dialogue Register</translation>
        </message>
        <message>
            <source>Dialogue Register</source>
            <translation>Реестр диалогов</translation>
        </message>
        <message>
            <source>The database is not there</source>
            <translation>Базы данных нет на месте</translation>
        </message>
        <message>
            <source>%1, the database opened at start, is not there: moved, deleted, or on a drive that is not connected. Connect the drive and start again, or choose:</source>
            <translation>%1, база данных, открываемая при запуске, не найдена: она перемещена, удалена или находится на неподключённом диске. Подключите диск и запустите программу снова или выберите:</translation>
        </message>
        <message>
            <source>Your dialogues, delegations and participants are kept in one database file on this computer. There is none yet: how would you like to start?</source>
            <translation>Ваши диалоги, делегации и участники хранятся в одном файле базы данных на этом компьютере. Его пока нет: с чего начнём?</translation>
        </message>
        <message>
            <source>Create a new database</source>
            <translation>Создать новую базу данных</translation>
        </message>
        <message>
            <source>An empty database at %1</source>
            <translation>Пустая база данных: %1</translation>
        </message>
        <message>
            <source>Open an existing one…</source>
            <translation>Открыть существующую…</translation>
        </message>
        <message>
            <source>A database file you already have, for example copied from a colleague or another computer. It will be opened each time the program starts.</source>
            <translation>Файл базы данных, который у вас уже есть, например скопированный у коллеги или с другого компьютера. Он будет открываться при каждом запуске программы.</translation>
        </message>
        <message>
            <source>Try with sample records</source>
            <translation>Попробовать на примерах</translation>
        </message>
        <message>
            <source>A separate sample database (%1) with invented dialogues to look around in; your own records never go there.</source>
            <translation>Отдельная база с примерами (%1) с вымышленными диалогами, чтобы осмотреться; ваши записи туда никогда не попадают.</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Выйти</translation>
        </message>
        <message>
            <source>Open an existing database</source>
            <translation>Открыть существующую базу данных</translation>
        </message>
        <message>
            <source>Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Базы данных Реестра диалогов (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
        </message>
        <message>
            <source>SAMPLE RECORDS (invented, for trying the program)</source>
            <translation>ПРИМЕРЫ ЗАПИСЕЙ (вымышленные, для знакомства с программой)</translation>
        </message>
    </context>
    <context>
        <name>ImportPage</name>
        <message>
            <source>Import</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <source>Add %1 participants to “%2”. Every row is written or none is; rows that cannot be read are set aside.</source>
            <translation>Добавить участников (%1) в «%2». Записываются все строки или ни одна; строки, которые не удаётся прочитать, откладываются.</translation>
        </message>
        <message>
            <source>Nothing was imported.</source>
            <translation>Ничего не импортировано.</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message>
            <source>New</source>
            <translation>Новые</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Без изменений</translation>
        </message>
        <message>
            <source>Merged (their changes added)</source>
            <translation>Объединённые (их изменения добавлены)</translation>
        </message>
        <message>
            <source>Kept (ours already has their changes)</source>
            <translation>Оставлены наши (уже содержат их изменения)</translation>
        </message>
        <message>
            <source>Conflicts (edited on both sides)</source>
            <translation>Конфликты (изменены с обеих сторон)</translation>
        </message>
        <message>
            <source>Deleted (deleted for good by the sender)</source>
            <translation>Удалённые (отправитель удалил их окончательно)</translation>
        </message>
        <message>
            <source>Dialogues</source>
            <translation>Диалоги</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Institutions</source>
            <translation>Учреждения</translation>
        </message>
        <message>
            <source>Conflict</source>
            <translation>Конфликт</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>Обновление</translation>
        </message>
        <message>
            <source>Keep ours</source>
            <translation>Оставить наше</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удаление</translation>
        </message>
        <message>
            <source>in your trash</source>
            <translation>в вашей корзине</translation>
        </message>
        <message>
            <source>dialogue</source>
            <translation>диалог</translation>
        </message>
        <message>
            <source>person</source>
            <translation>человек</translation>
        </message>
        <message>
            <source>institution</source>
            <translation>учреждение</translation>
        </message>
        <message>
            <source>Import %1</source>
            <translation>Импорт %1</translation>
        </message>
        <message>
            <source>Nothing has been written yet. Importing %1 would:</source>
            <translation>Пока ничего не записано. Импорт %1 приведёт к следующему:</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Что</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Запись</translation>
        </message>
        <message>
            <source>Fields in conflict</source>
            <translation>Поля в конфликте</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) were edited both here and by the sender since you last exchanged them. Ours will not be overwritten: after the import you choose, field by field, what to keep.</source>
            <translation>
                <numerusform>%n запись изменена и здесь, и отправителем после последнего обмена. Наши данные не будут перезаписаны: после импорта вы выберете по каждому полю, что оставить.</numerusform>
                <numerusform>%n записи изменены и здесь, и отправителем после последнего обмена. Наши данные не будут перезаписаны: после импорта вы выберете по каждому полю, что оставить.</numerusform>
                <numerusform>%n записей изменено и здесь, и отправителем после последнего обмена. Наши данные не будут перезаписаны: после импорта вы выберете по каждому полю, что оставить.</numerusform>
            </translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Импортировать</translation>
        </message>
        <message>
            <source>Importing %1…</source>
            <translation>Импорт %1…</translation>
        </message>
        <message>
            <source>The import was cancelled; nothing was written.</source>
            <translation>Импорт отменён; ничего не записано.</translation>
        </message>
    </context>
    <context>
        <name>InstitutionDialog</name>
        <message>
            <source>Institution — %1</source>
            <translation>Учреждение — %1</translation>
        </message>
        <message>
            <source>New institution</source>
            <translation>Новое учреждение</translation>
        </message>
        <message>
            <source>Its name in other languages, earlier names; separated by ;</source>
            <translation>Название на других языках, прежние названия; через ;</translation>
        </message>
        <message>
            <source>The old name “%1” will be kept as another name; delete it there if it was only a typing mistake.</source>
            <translation>Прежнее название «%1» сохранится как другое название; удалите его оттуда, если это была просто опечатка.</translation>
        </message>
        <message>
            <source>The old acronym “%1” will be kept as another name; delete it there if it was only a typing mistake.</source>
            <translation>Прежнее сокращение «%1» сохранится как другое название; удалите его оттуда, если это была просто опечатка.</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Название:</translation>
        </message>
        <message>
            <source>&amp;Acronym:</source>
            <translation>&amp;Сокращение:</translation>
        </message>
        <message>
            <source>&amp;Other names:</source>
            <translation>&amp;Другие названия:</translation>
        </message>
        <message>
            <source>&amp;Country:</source>
            <translation>Ст&amp;рана:</translation>
        </message>
    </context>
    <context>
        <name>InstitutionTableModel</name>
        <message>
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Acronym</source>
            <translation>Сокращение</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Страна</translation>
        </message>
    </context>
    <context>
        <name>InstitutionsView</name>
        <message>
            <source>Search name, acronym or another name, in any script…</source>
            <translation>Поиск по названию, сокращению или другому названию…</translation>
        </message>
        <message>
            <source>&amp;New institution…</source>
            <translation>&amp;Новое учреждение…</translation>
        </message>
        <message>
            <source>Ed&amp;it…</source>
            <translation>&amp;Изменить…</translation>
        </message>
        <message>
            <source>&amp;Merge…</source>
            <translation>&amp;Объединить…</translation>
        </message>
        <message>
            <source>Select the two institutions that are one (Ctrl+click), then Merge.</source>
            <translation>Выберите две записи об одном учреждении (Ctrl+щелчок), затем нажмите «Объединить».</translation>
        </message>
        <message>
            <source>Keep which name? The other becomes another name of it, and its participants move over.</source>
            <translation>Какое название оставить? Другое станет его другим названием, а участники перейдут к нему.</translation>
        </message>
        <message>
            <source>Merge institutions</source>
            <translation>Объединение учреждений</translation>
        </message>
        <message>
            <source>Merge them?</source>
            <translation>Объединить?</translation>
        </message>
        <message>
            <source>no acronym</source>
            <translation>без сокращения</translation>
        </message>
        <message>
            <source>no country</source>
            <translation>страна не указана</translation>
        </message>
        <message>
            <source>no other name</source>
            <translation>нет другого названия</translation>
        </message>
    </context>
    <context>
        <name>LeftDrafts</name>
        <message>
            <source>(untitled)</source>
            <translation>(без названия)</translation>
        </message>
        <message>
            <source>The program ended last time before these forms were saved. Their unsaved changes were kept:
%1

Open them now to save or discard them?</source>
            <translation>В прошлый раз программа завершилась, не сохранив эти формы. Их несохранённые изменения сохранены отдельно:
%1

Открыть их сейчас, чтобы сохранить или отбросить?</translation>
        </message>
        <message>
            <source>Open them</source>
            <translation>Открыть</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Позже</translation>
        </message>
        <message>
            <source>Discard the changes</source>
            <translation>Отбросить изменения</translation>
        </message>
        <message>
            <source>Throw away the unsaved changes for good?</source>
            <translation>Отбросить несохранённые изменения навсегда?</translation>
        </message>
    </context>
    <context>
        <name>ListButtons</name>
        <message>
            <source>&amp;Remove</source>
            <translation>Удал&amp;ить</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>&amp;Вверх</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>Вни&amp;з</translation>
        </message>
    </context>
    <context>
        <name>LongWork</name>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Остановка…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Dialogues</source>
            <translation>Диалоги</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Institutions</source>
            <translation>Учреждения</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Корзина</translation>
        </message>
        <message>
            <source>Checking the database and taking today's backup…</source>
            <translation>Проверка базы данных и сегодняшняя резервная копия…</translation>
        </message>
        <message>
            <source>Today's backup written to %1.</source>
            <translation>Сегодняшняя резервная копия записана в %1.</translation>
        </message>
        <message>
            <source>&amp;New database…</source>
            <translation>&amp;Новая база данных…</translation>
        </message>
        <message>
            <source>Create an empty database file and switch to it</source>
            <translation>Создать пустой файл базы данных и перейти к нему</translation>
        </message>
        <message>
            <source>&amp;Open database…</source>
            <translation>&amp;Открыть базу данных…</translation>
        </message>
        <message>
            <source>Open another database file</source>
            <translation>Открыть другой файл базы данных</translation>
        </message>
        <message>
            <source>&amp;Import bundle…</source>
            <translation>&amp;Импорт пакета…</translation>
        </message>
        <message>
            <source>See what an exchange bundle (.json) would add or update, then import it</source>
            <translation>Посмотреть, что пакет обмена (.json) добавит или обновит, и импортировать его</translation>
        </message>
        <message>
            <source>&amp;Export bundle…</source>
            <translation>&amp;Экспорт пакета…</translation>
        </message>
        <message>
            <source>Write the dialogues shown in the list to an exchange bundle</source>
            <translation>Записать диалоги, показанные в списке, в пакет обмена</translation>
        </message>
        <message>
            <source>Export &amp;selected dialogues…</source>
            <translation>Экспорт в&amp;ыбранных диалогов…</translation>
        </message>
        <message>
            <source>Write only the dialogues selected in the list to an exchange bundle</source>
            <translation>Записать в пакет обмена только диалоги, выбранные в списке</translation>
        </message>
        <message>
            <source>Add participants from an Excel or CSV registration list to the selected dialogue</source>
            <translation>Добавить участников из списка регистрации (Excel или CSV) в выбранный диалог</translation>
        </message>
        <message>
            <source>Summary &amp;report…</source>
            <translation>Сводный от&amp;чёт…</translation>
        </message>
        <message>
            <source>Counts and lists of meetings for the EU Delegation, as PDF, Word, Excel or HTML</source>
            <translation>Итоги и перечни встреч для Представительства ЕС в формате PDF, Word, Excel или HTML</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>Создать &amp;резервную копию</translation>
        </message>
        <message>
            <source>Write a consistent copy of the database to its backups folder</source>
            <translation>Записать согласованную копию базы данных в папку резервных копий</translation>
        </message>
        <message>
            <source>Res&amp;tore from backup…</source>
            <translation>Восс&amp;тановить из резервной копии…</translation>
        </message>
        <message>
            <source>Go back to one of the backups of this database</source>
            <translation>Вернуться к одной из резервных копий этой базы данных</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>Вы&amp;ход</translation>
        </message>
        <message>
            <source>&amp;New dialogue</source>
            <translation>&amp;Новый диалог</translation>
        </message>
        <message>
            <source>Record a new dialogue</source>
            <translation>Записать новый диалог</translation>
        </message>
        <message>
            <source>&amp;Open dialogue</source>
            <translation>&amp;Открыть диалог</translation>
        </message>
        <message>
            <source>Open the selected dialogue in its form</source>
            <translation>Открыть выбранный диалог в форме</translation>
        </message>
        <message>
            <source>Start next year's meeting from the selected dialogue: dates a year on, the same parties, its open actions carried over</source>
            <translation>Начать встречу следующего года с выбранного диалога: даты на год позже, те же стороны, открытые действия переносятся</translation>
        </message>
        <message>
            <source>&amp;Delete to trash</source>
            <translation>&amp;Удалить в корзину</translation>
        </message>
        <message>
            <source>Move the selected dialogues to the trash</source>
            <translation>Переместить выбранные диалоги в корзину</translation>
        </message>
        <message>
            <source>&amp;Undo delete to trash</source>
            <translation>О&amp;тменить перемещение в корзину</translation>
        </message>
        <message>
            <source>Put back in the list the dialogues the last Delete to trash moved</source>
            <translation>Вернуть в список диалоги, перемещённые в корзину последним удалением</translation>
        </message>
        <message>
            <source>&amp;Restore from trash</source>
            <translation>&amp;Вернуть из корзины</translation>
        </message>
        <message>
            <source>Put the selected dialogues back in the list</source>
            <translation>Вернуть выбранные диалоги в список</translation>
        </message>
        <message>
            <source>Delete for &amp;good…</source>
            <translation>Удалить навсе&amp;гда…</translation>
        </message>
        <message>
            <source>Remove the selected dialogues from the trash for ever</source>
            <translation>Удалить выбранные диалоги из корзины навсегда</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>Н&amp;айти</translation>
        </message>
        <message>
            <source>Go to the search box</source>
            <translation>Перейти к полю поиска</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>Наст&amp;ройки…</translation>
        </message>
        <message>
            <source>Language, database location, backups, report defaults</source>
            <translation>Язык, расположение базы данных, резервные копии, параметры отчёта</translation>
        </message>
        <message>
            <source>Find duplicate &amp;people…</source>
            <translation>Найти &amp;повторы людей…</translation>
        </message>
        <message>
            <source>People recorded twice under different spellings, to merge</source>
            <translation>Люди, записанные дважды в разном написании, — для объединения</translation>
        </message>
        <message>
            <source>&amp;Conflicts from imports…</source>
            <translation>Ко&amp;нфликты импорта…</translation>
        </message>
        <message>
            <source>Records edited on both sides: choose field by field</source>
            <translation>Записи, изменённые обеими сторонами: выбор по каждому полю</translation>
        </message>
        <message>
            <source>&amp;Check database</source>
            <translation>&amp;Проверить базу данных</translation>
        </message>
        <message>
            <source>Look for damage in the database file</source>
            <translation>Проверить файл базы данных на повреждения</translation>
        </message>
        <message>
            <source>&amp;About Dialogue Register</source>
            <translation>&amp;О программе Dialogue Register</translation>
        </message>
        <message>
            <source>Show &amp;data folder</source>
            <translation>Показать папку с &amp;данными</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>Moved 1 dialogue to the trash (Ctrl+Z puts it back).</source>
            <translation>1 диалог перемещён в корзину (Ctrl+Z — вернуть).</translation>
        </message>
        <message numerus="yes">
            <source>Moved %n dialogues to the trash (Ctrl+Z puts them back).</source>
            <translation>
                <numerusform>%n диалог перемещён в корзину (Ctrl+Z — вернуть).</numerusform>
                <numerusform>%n диалога перемещены в корзину (Ctrl+Z — вернуть).</numerusform>
                <numerusform>%n диалогов перемещены в корзину (Ctrl+Z — вернуть).</numerusform>
            </translation>
        </message>
        <message>
            <source>“%1” was deleted for good since: it cannot be put back.</source>
            <translation>«%1» с тех пор удалён навсегда: вернуть его нельзя.</translation>
        </message>
        <message>
            <source>Put 1 dialogue back in the list.</source>
            <translation>1 диалог возвращён в список.</translation>
        </message>
        <message numerus="yes">
            <source>Put %n dialogues back in the list.</source>
            <translation>
                <numerusform>%n диалог возвращён в список.</numerusform>
                <numerusform>%n диалога возвращены в список.</numerusform>
                <numerusform>%n диалогов возвращены в список.</numerusform>
            </translation>
        </message>
        <message>
            <source>Import re&amp;gistration list…</source>
            <translation>Импорт &amp;списка регистрации…</translation>
        </message>
        <message>
            <source>Prepare ne&amp;xt edition</source>
            <translation>&amp;Следующая встреча</translation>
        </message>
        <message>
            <source>Recent &amp;databases</source>
            <translation>Не&amp;давние базы данных</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Правка</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Основная</translation>
        </message>
        <message>
            <source>(none yet)</source>
            <translation>(пока нет)</translation>
        </message>
        <message>
            <source>%1 is not there (moved, deleted, or on a drive that is not connected), so it was not opened.</source>
            <translation>%1 нет на месте (файл перемещён, удалён или находится на неподключённом диске), поэтому он не открыт.</translation>
        </message>
        <message>
            <source>%1 shown</source>
            <translation>Показано: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n conflicts wait</source>
            <translation>
                <numerusform>%n конфликт ждёт решения</numerusform>
                <numerusform>%n конфликта ждут решения</numerusform>
                <numerusform>%n конфликтов ждут решения</numerusform>
            </translation>
        </message>
        <message>
            <source>Open the conflicts from imports</source>
            <translation>Открыть конфликты импорта</translation>
        </message>
        <message>
            <source>%1 shown / %2 total</source>
            <translation>Показано: %1 из %2</translation>
        </message>
        <message>
            <source>More than %1 shown / %2 total</source>
            <translation>Показано: более %1 из %2</translation>
        </message>
        <message>
            <source>Follow-up of the previous dialogue</source>
            <translation>Выполнение решений предыдущего диалога</translation>
        </message>
        <message>
            <source>The dialogue form is not part of this build of Dialogue Register.</source>
            <translation>Форма диалога не входит в эту сборку Dialogue Register.</translation>
        </message>
        <message>
            <source>Already back in the list: put back from the Trash page or another window since.</source>
            <translation>Уже снова в списке: с тех пор возвращено со страницы «Корзина» или из другого окна.</translation>
        </message>
        <message>
            <source>Delete “%1” for good? This cannot be undone.</source>
            <translation>Удалить «%1» навсегда? Это нельзя отменить.</translation>
        </message>
        <message numerus="yes">
            <source>Delete these %n dialogues for good? This cannot be undone.</source>
            <translation>
                <numerusform>Удалить этот %n диалог навсегда? Это нельзя отменить.</numerusform>
                <numerusform>Удалить эти %n диалога навсегда? Это нельзя отменить.</numerusform>
                <numerusform>Удалить эти %n диалогов навсегда? Это нельзя отменить.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 is not a database, an exchange bundle (.json) or a registration list (.xlsx, .csv), so it cannot be opened here.</source>
            <translation>%1 — не база данных, не пакет обмена (.json) и не регистрационный список (.xlsx, .csv), поэтому его нельзя открыть здесь.</translation>
        </message>
        <message>
            <source>Record the dialogue first: a registration list is added to a dialogue.</source>
            <translation>Сначала запишите диалог: список регистрации добавляется к диалогу.</translation>
        </message>
        <message>
            <source>Select the dialogue in the list first, then open %1 again: a registration list is added to one dialogue.</source>
            <translation>Сначала выберите диалог в списке, затем откройте %1 ещё раз: регистрационный список добавляется к одному диалогу.</translation>
        </message>
        <message>
            <source>Backup written to %1.</source>
            <translation>Резервная копия записана: %1.</translation>
        </message>
        <message>
            <source>Check database</source>
            <translation>Проверка базы данных</translation>
        </message>
        <message>
            <source>Checking the database…</source>
            <translation>Проверка базы данных…</translation>
        </message>
        <message>
            <source>“%1” was deleted for good after these changes were kept: Save keeps them as a new dialogue.</source>
            <translation>«%1» удалён безвозвратно после того, как эти изменения были сохранены в черновике: «Сохранить» сохранит их как новый диалог.</translation>
        </message>
        <message>
            <source>Dialogue Register — %1</source>
            <translation>Dialogue Register — %1</translation>
        </message>
        <message>
            <source>Settings saved. A new language takes effect on the next start.</source>
            <translation>Настройки сохранены. Новый язык вступит в силу при следующем запуске.</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <source>Full name</source>
            <translation>Полное имя</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Фамилия</translation>
        </message>
        <message>
            <source>Patronymic</source>
            <translation>Отчество</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Должность</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Учреждение</translation>
        </message>
        <message>
            <source>Country or organisation</source>
            <translation>Страна или организация</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Эл. почта</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Which column holds what</source>
            <translation>Что в каком столбце</translation>
        </message>
        <message>
            <source>Guessed from the headings; correct any that are wrong.</source>
            <translation>Определено по заголовкам; исправьте неверное.</translation>
        </message>
        <message>
            <source>(none: every row names its country)</source>
            <translation>(нет: в каждой строке указана страна)</translation>
        </message>
        <message>
            <source>Delegation for rows without a country:</source>
            <translation>Делегация для строк без страны:</translation>
        </message>
        <message>
            <source>(not in the list)</source>
            <translation>(нет в списке)</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>Dialogue Register</source>
            <translation>Реестр диалогов</translation>
        </message>
        <message>
            <source>The database %1 is in use by another program or window; try again in a moment.</source>
            <translation>База данных %1 занята другой программой или окном; повторите попытку чуть позже.</translation>
        </message>
        <message>
            <source>The database %1 is damaged or is not a Dialogue Register database; restore it from a backup.</source>
            <translation>База данных %1 повреждена или не является базой данных Реестра диалогов; восстановите её из резервной копии.</translation>
        </message>
        <message>
            <source>The database %1 cannot be written here; check the folder's permissions.</source>
            <translation>В базу данных %1 здесь нельзя записывать; проверьте права доступа к папке.</translation>
        </message>
        <message>
            <source>The disk holding %1 is full; free some space and try again.</source>
            <translation>Диск, на котором находится %1, заполнен; освободите место и повторите попытку.</translation>
        </message>
        <message>
            <source>The change was refused by the database's own rules (%1).</source>
            <translation>Изменение отклонено правилами самой базы данных (%1).</translation>
        </message>
        <message>
            <source>The database %1 was written by a newer version of Dialogue Register; install the newer version to open it.</source>
            <translation>База данных %1 записана более новой версией Реестра диалогов; чтобы открыть её, установите новую версию.</translation>
        </message>
        <message>
            <source>This SQLite file was not made by Dialogue Register; open or create a Dialogue Register database instead.</source>
            <translation>Этот файл SQLite создан не Реестром диалогов; откройте или создайте базу данных Реестра диалогов.</translation>
        </message>
        <message>
            <source>%1 is damaged or is not a Dialogue Register database; restore it from a backup.</source>
            <translation>Файл %1 повреждён или не является базой данных Реестра диалогов; восстановите его из резервной копии.</translation>
        </message>
        <message>
            <source>%1 is a folder; give the path of a database file instead.</source>
            <translation>%1 — это папка; укажите путь к файлу базы данных.</translation>
        </message>
        <message>
            <source>The folder %1 is read-only; choose another place for the database.</source>
            <translation>Папка %1 доступна только для чтения; выберите для базы данных другое место.</translation>
        </message>
        <message>
            <source>%1 is shorter than it should be (it was cut off); restore it from a backup.</source>
            <translation>Файл %1 короче, чем должен быть (он был обрезан); восстановите его из резервной копии.</translation>
        </message>
        <message>
            <source>The folder %1 cannot be created (%2).</source>
            <translation>Не удаётся создать папку %1 (%2).</translation>
        </message>
        <message>
            <source>The database %1 cannot be created (%2).</source>
            <translation>Не удаётся создать базу данных %1 (%2).</translation>
        </message>
        <message>
            <source>The database %1 cannot be read (%2).</source>
            <translation>Не удаётся прочитать базу данных %1 (%2).</translation>
        </message>
        <message>
            <source>%1 is empty although it has backups (it was probably cut off when the disk was full or the computer lost power); restore it from a backup.</source>
            <translation>Файл %1 пуст, хотя для него есть резервные копии (вероятно, он был обрезан, когда диск был заполнен или пропало питание); восстановите его из резервной копии.</translation>
        </message>
        <message>
            <source>That conflict is no longer in the database.</source>
            <translation>Этого конфликта больше нет в базе данных.</translation>
        </message>
        <message>
            <source>“%1” was deleted for good elsewhere; save it as a new dialogue.</source>
            <translation>Диалог «%1» был окончательно удалён в другом месте; сохраните его как новый диалог.</translation>
        </message>
        <message>
            <source>“%1” was changed elsewhere since you opened it; reload it and make your changes again.</source>
            <translation>Диалог «%1» был изменён в другом месте после того, как вы его открыли; загрузите его заново и внесите изменения ещё раз.</translation>
        </message>
        <message>
            <source>A participant refers to a person who is not in the database (%1).</source>
            <translation>Участник ссылается на человека, которого нет в базе данных (%1).</translation>
        </message>
        <message>
            <source>A participant refers to an institution that is not in the database (%1).</source>
            <translation>Участник ссылается на учреждение, которого нет в базе данных (%1).</translation>
        </message>
        <message>
            <source>Delegation %1 already belongs to another dialogue.</source>
            <translation>Делегация %1 уже относится к другому диалогу.</translation>
        </message>
        <message>
            <source>Participant %1 already belongs to another dialogue.</source>
            <translation>Участник %1 уже относится к другому диалогу.</translation>
        </message>
        <message>
            <source>That dialogue is no longer in the database.</source>
            <translation>Этого диалога больше нет в базе данных.</translation>
        </message>
        <message>
            <source>Only a dialogue in the trash can be deleted for good.</source>
            <translation>Окончательно удалить можно только диалог из корзины.</translation>
        </message>
        <message>
            <source>%1 was changed elsewhere since you opened the record; reload it and make your changes again.</source>
            <translation>Запись «%1» была изменена в другом месте после того, как вы её открыли; загрузите её заново и внесите изменения ещё раз.</translation>
        </message>
        <message>
            <source>Choose two different people to merge.</source>
            <translation>Выберите для объединения двух разных людей.</translation>
        </message>
        <message>
            <source>That person is no longer in the database.</source>
            <translation>Этого человека больше нет в базе данных.</translation>
        </message>
        <message>
            <source>One of the two people is no longer in the database.</source>
            <translation>Одного из двух людей больше нет в базе данных.</translation>
        </message>
        <message>
            <source>Both people are in the same delegation; remove one of them from it first.</source>
            <translation>Оба человека входят в одну делегацию; сначала удалите одного из них из неё.</translation>
        </message>
        <message>
            <source>That institution is no longer in the database.</source>
            <translation>Этого учреждения больше нет в базе данных.</translation>
        </message>
        <message>
            <source>Delegation %1</source>
            <translation>Делегация %1</translation>
        </message>
        <message>
            <source>The title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>The disk holding %1 could not be written (it may be full or removed); free some space or check the disk, and try again.</source>
            <translation>Не удаётся записать на диск, где находится %1 (возможно, он заполнен или извлечён); освободите место или проверьте диск и повторите попытку.</translation>
        </message>
        <message>
            <source>Choose two different institutions to merge.</source>
            <translation>Выберите два разных учреждения для объединения.</translation>
        </message>
        <message>
            <source>One of the two institutions is no longer in the database.</source>
            <translation>Одного из двух учреждений больше нет в базе данных.</translation>
        </message>
        <message>
            <source>invited</source>
            <translation>приглашён(а)</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>дал(а) согласие</translation>
        </message>
        <message>
            <source>attended</source>
            <translation>участвовал(а)</translation>
        </message>
        <message>
            <source>absent</source>
            <translation>не явился (не явилась)</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>отказался (отказалась)</translation>
        </message>
        <message>
            <source>Nobody has attended or missed a meeting that has not begun; it starts on %1.</source>
            <translation>Встреча ещё не началась (начало %1): никто не мог на ней присутствовать или отсутствовать.</translation>
        </message>
        <message>
            <source>A participant who is %1 cannot become %2.</source>
            <translation>Статус «%1» нельзя сменить на «%2».</translation>
        </message>
        <message>
            <source>The delegation of %1 has no head among the people who attended.</source>
            <translation>У делегации (%1) нет главы среди присутствовавших.</translation>
        </message>
        <message>
            <source>The delegation of %1 has no head.</source>
            <translation>У делегации (%1) нет главы.</translation>
        </message>
        <message>
            <source>The delegation of %1 has %2 heads; it must have one.</source>
            <translation>У делегации (%1) глав — %2; должен быть один.</translation>
        </message>
        <message>
            <source>%1 (%2) is still %3: mark them attended, absent or cancelled before the meeting is final.</source>
            <translation>%1 (%2) — статус «%3»: прежде чем сделать встречу окончательной, отметьте участие, неявку или отказ.</translation>
        </message>
        <message>
            <source>The series</source>
            <translation>Серия</translation>
        </message>
        <message>
            <source>The city</source>
            <translation>Город</translation>
        </message>
        <message>
            <source>The summary</source>
            <translation>Итоги</translation>
        </message>
        <message>
            <source>The chair</source>
            <translation>Председатель</translation>
        </message>
        <message>
            <source>A programme</source>
            <translation>Поддерживающая программа</translation>
        </message>
        <message>
            <source>A framework</source>
            <translation>Рамочный документ</translation>
        </message>
        <message>
            <source>A topic</source>
            <translation>Тема</translation>
        </message>
        <message>
            <source>The name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>The e-mail address</source>
            <translation>Адрес эл. почты</translation>
        </message>
        <message>
            <source>The institution's name</source>
            <translation>Название учреждения</translation>
        </message>
        <message>
            <source>The acronym</source>
            <translation>Сокращение</translation>
        </message>
        <message>
            <source>%1 is %2 characters long; at most %3 are allowed.</source>
            <translation>%1: знаков — %2, а допускается не более %3.</translation>
        </message>
        <message>
            <source>The title is required.</source>
            <translation>Название обязательно.</translation>
        </message>
        <message>
            <source>The end date %1 is before the start date %2.</source>
            <translation>Дата окончания %1 раньше даты начала %2.</translation>
        </message>
        <message>
            <source>“%1” is not a known country code.</source>
            <translation>«%1» — неизвестный код страны.</translation>
        </message>
        <message>
            <source>The meeting lasts %1 days: check the end date.</source>
            <translation>Встреча длится %1 дн.: проверьте дату окончания.</translation>
        </message>
        <message>
            <source>The meeting is dated %1, more than a year ahead: check the start date.</source>
            <translation>Встреча назначена на %1 — больше чем через год: проверьте дату начала.</translation>
        </message>
        <message>
            <source>The person's name is required.</source>
            <translation>Имя человека обязательно.</translation>
        </message>
        <message>
            <source>Another spelling</source>
            <translation>Другое написание</translation>
        </message>
        <message>
            <source>The institution's name is required.</source>
            <translation>Название учреждения обязательно.</translation>
        </message>
        <message>
            <source>%1: “%2” is not a known country code.</source>
            <translation>%1: «%2» — неизвестный код страны.</translation>
        </message>
        <message>
            <source>%1: the organisation needs a name.</source>
            <translation>%1: укажите название организации.</translation>
        </message>
        <message>
            <source>%1's name</source>
            <translation>%1, название</translation>
        </message>
        <message>
            <source>Agenda item %1 needs a title.</source>
            <translation>Пункт повестки %1: укажите название.</translation>
        </message>
        <message>
            <source>%1 waiting; resolve with: dialogue-register conflicts --resolve ID --keep ours|theirs|VERSION</source>
            <translation>Не решено: %1; решите так: dialogue-register conflicts --resolve ID --keep ours|theirs|VERSION</translation>
        </message>
        <message>
            <source>No conflicts wait.</source>
            <translation>Конфликтов нет.</translation>
        </message>
        <message>
            <source>%1  %2 %3 (%4)</source>
            <translation>%1  %2 %3 (%4)</translation>
        </message>
        <message>
            <source>    rule broken by a merge: %1</source>
            <translation>    правило, нарушенное слиянием: %1</translation>
        </message>
        <message>
            <source>set aside: %1</source>
            <translation>отложено: %1</translation>
        </message>
        <message>
            <source>Dry run: nothing was written. Importing the list into “%1” would give:</source>
            <translation>Пробный запуск: ничего не записано. Импорт списка в «%1» дал бы:</translation>
        </message>
        <message>
            <source>Rows set aside: %1 (listed above); correct or decide them, then import the list again.</source>
            <translation>Отложено строк: %1 (перечислены выше); исправьте их или примите решение и импортируйте список снова.</translation>
        </message>
        <message>
            <source>    %1  [%2]</source>
            <translation>    %1  [%2]</translation>
        </message>
        <message>
            <source>        common version: %1</source>
            <translation>        общая версия: %1</translation>
        </message>
        <message>
            <source>No column of names was recognised in the list's headings (such as “Name”, “ФИО”, or both “First name” and “Surname”); rename the heading, or import the list in the window to choose the column.</source>
            <translation>В заголовках списка не найден столбец имён (например, «Name», «ФИО» или «Имя» и «Фамилия» вместе); переименуйте заголовок или импортируйте список в окне программы, чтобы выбрать столбец.</translation>
        </message>
        <message>
            <source>The list has no country column (such as “Country” or “Страна”); add one, or import the list in the window to choose one delegation for the whole list.</source>
            <translation>В списке нет столбца страны (например, «Country» или «Страна»); добавьте его или импортируйте список в окне программы, чтобы выбрать одну делегацию для всего списка.</translation>
        </message>
        <message>
            <source>set aside: Row %1: “%2” may be %3; import the list in the window to choose.</source>
            <translation>отложено: строка %1: «%2» — возможно, %3; импортируйте список в окне программы, чтобы выбрать.</translation>
        </message>
        <message>
            <source>No row of the list can be added (the reasons are listed above); nothing was written.</source>
            <translation>Ни одну строку списка нельзя добавить (причины перечислены выше); ничего не записано.</translation>
        </message>
        <message>
            <source>Say which version to keep: --keep ours, --keep theirs or --keep VERSION.</source>
            <translation>Укажите, какую версию оставить: --keep ours, --keep theirs или --keep ВЕРСИЯ.</translation>
        </message>
        <message>
            <source>Conflict %1 resolved (%2); your choice travels with your next bundle.</source>
            <translation>Конфликт %1 решён (%2); ваш выбор уйдёт с вашим следующим пакетом обмена.</translation>
        </message>
        <message>
            <source>ours</source>
            <translation>наше</translation>
        </message>
        <message>
            <source>theirs</source>
            <translation>их</translation>
        </message>
        <message>
            <source>        %1 %2: %3 — %4, database %5, %6%7</source>
            <translation>        %1 %2: %3 — %4, база данных %5, %6%7</translation>
        </message>
        <message>
            <source>%1 (%2% alike)</source>
            <translation>%1 (сходство %2%)</translation>
        </message>
        <message>
            <source>unknown officer</source>
            <translation>сотрудник неизвестен</translation>
        </message>
        <message>
            <source>no date</source>
            <translation>без даты</translation>
        </message>
        <message>
            <source> (shown now)</source>
            <translation> (показано сейчас)</translation>
        </message>
        <message>
            <source>The database file %1 is read-only; allow writing to it in its permissions to change it.</source>
            <translation>Файл базы данных %1 доступен только для чтения; чтобы вносить изменения, разрешите запись в его правах доступа.</translation>
        </message>
        <message>
            <source>The disk holding %1 is full, so the copy kept before an upgrade could not be written and the database was not upgraded or opened; free some space and open it again.</source>
            <translation>Диск, на котором находится %1, заполнен, поэтому копию перед обновлением записать не удалось и база данных не обновлена и не открыта; освободите место и откройте её снова.</translation>
        </message>
        <message>
            <source>%1 is not an ordinary file (a device or a pipe), so it is not a database.</source>
            <translation>%1 — не обычный файл (устройство или канал), поэтому это не база данных.</translation>
        </message>
        <message>
            <source>%1 is a link to %2, which is not there (moved, or on a drive that is not connected); connect it, or open another database.</source>
            <translation>%1 — ссылка на %2, а этого файла нет (он перемещён или находится на неподключённом диске); подключите диск или откройте другую базу данных.</translation>
        </message>
        <message>
            <source>%1 is no longer in the database (it was merged into another record since you opened it); nothing was saved.</source>
            <translation>Записи «%1» больше нет в базе данных (после того как вы её открыли, её объединили с другой); ничего не сохранено.</translation>
        </message>
        <message>
            <source>The meeting starts on %1, after today: keep it a draft until it has taken place.</source>
            <translation>Встреча начинается %1, позже сегодняшнего дня: оставьте её черновиком, пока она не состоится.</translation>
        </message>
        <message>
            <source>%1 holds half of a character (a lone surrogate %2) at position %3; remove it (it cannot be written to a report or a bundle).</source>
            <translation>%1: половина символа (одиночный суррогат %2) в позиции %3; удалите её (её нельзя записать в отчёт или пакет обмена).</translation>
        </message>
        <message>
            <source>%1 is %2, outside the years %3 to %4 the program takes.</source>
            <translation>%1: %2 — программа принимает годы с %3 по %4.</translation>
        </message>
        <message>
            <source>%1 holds the non-character %2 at position %3; remove it (it cannot be written to a report or a bundle).</source>
            <translation>%1: несимвол %2 в позиции %3; удалите его (его нельзя записать в отчёт или пакет обмена).</translation>
        </message>
        <message>
            <source>%1 holds the control character %2 at position %3; remove it (it cannot be written to a report or a bundle).</source>
            <translation>%1: управляющий символ %2 в позиции %3; удалите его (его нельзя записать в отчёт или пакет обмена).</translation>
        </message>
        <message>
            <source>The start date</source>
            <translation>Дата начала</translation>
        </message>
        <message>
            <source>The end date</source>
            <translation>Дата окончания</translation>
        </message>
        <message>
            <source>Action %1 needs a description.</source>
            <translation>Действие %1: укажите описание.</translation>
        </message>
        <message>
            <source>Delegation %1 repeats a party that already has a delegation.</source>
            <translation>Делегация %1 повторяет сторону, у которой уже есть делегация.</translation>
        </message>
        <message>
            <source>Another name</source>
            <translation>Другое название</translation>
        </message>
        <message>
            <source>Agenda item %1's title</source>
            <translation>Пункт повестки %1, название</translation>
        </message>
        <message>
            <source>Agenda item %1's notes</source>
            <translation>Пункт повестки %1, примечания</translation>
        </message>
        <message>
            <source>Agenda item %1's presenter</source>
            <translation>Пункт повестки %1, докладчик</translation>
        </message>
        <message>
            <source>Action %1's description</source>
            <translation>Действие %1, описание</translation>
        </message>
        <message>
            <source>Action %1's owner</source>
            <translation>Действие %1, ответственный</translation>
        </message>
        <message>
            <source>Action %1's due date</source>
            <translation>Действие %1, срок</translation>
        </message>
        <message>
            <source>Action %1's date done</source>
            <translation>Действие %1, дата выполнения</translation>
        </message>
        <message>
            <source>%1's notes</source>
            <translation>%1, примечания</translation>
        </message>
        <message>
            <source>%1, participant %2's position</source>
            <translation>%1, участник %2, должность</translation>
        </message>
        <message>
            <source>“%1” names no home folder on this computer: give the full path.</source>
            <translation>«%1» не называет ни одной домашней папки на этом компьютере: укажите полный путь.</translation>
        </message>
        <message>
            <source>The disk holding %1 is full, so nothing was restored and the database was left as it was; free some space and restore again.</source>
            <translation>Диск, на котором находится %1, заполнен, поэтому ничего не восстановлено и база данных осталась прежней; освободите место и повторите восстановление.</translation>
        </message>
        <message>
            <source>The folder %1 cannot be written (%2), so nothing was restored and the database was left as it was.</source>
            <translation>В папку %1 нельзя записывать (%2), поэтому ничего не восстановлено и база данных осталась прежней.</translation>
        </message>
        <message>
            <source>the search indexes were not checked: another program was writing to the database; check again later</source>
            <translation>поисковые индексы не проверены: другая программа записывала в базу данных; проверьте ещё раз позже</translation>
        </message>
        <message>
            <source>the search indexes were not checked: the file is read-only</source>
            <translation>поисковые индексы не проверены: файл доступен только для чтения</translation>
        </message>
        <message>
            <source>The file is NOT sound: it is not a Dialogue Register database; check that you named the right file (--db PATH).</source>
            <translation>Файл НЕ в порядке: это не база данных Dialogue Register; проверьте, тот ли файл указан (--db PATH).</translation>
        </message>
        <message>
            <source>The database is NOT sound for this version; update Dialogue Register to open it (a backup restored over it would lose what was entered since).</source>
            <translation>База данных НЕ в порядке для этой версии; обновите Dialogue Register, чтобы открыть её (резервная копия, восстановленная поверх неё, потеряет всё, что было внесено с тех пор).</translation>
        </message>
        <message>
            <source>“%1” is in the trash; restore it from the Trash page first.</source>
            <translation>«%1» находится в корзине; сначала восстановите его на странице «Корзина».</translation>
        </message>
        <message>
            <source>The reply-by date %1 is not before the dialogue begins (%2): give an earlier date.</source>
            <translation>Срок ответа %1 не раньше начала диалога (%2): укажите более раннюю дату.</translation>
        </message>
        <message>
            <source>The reply-by date %1 is before the note's date of issue (%2): give a later date.</source>
            <translation>Срок ответа %1 раньше даты ноты (%2): укажите более позднюю дату.</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Серия</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>Дата начала</translation>
        </message>
        <message>
            <source>End date</source>
            <translation>Дата окончания</translation>
        </message>
        <message>
            <source>City</source>
            <translation>Город</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Страна</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Онлайн</translation>
        </message>
        <message>
            <source>Chair</source>
            <translation>Председатель</translation>
        </message>
        <message>
            <source>Supporting programmes</source>
            <translation>Поддерживающие программы</translation>
        </message>
        <message>
            <source>Frameworks</source>
            <translation>Рамочные документы</translation>
        </message>
        <message>
            <source>Topics</source>
            <translation>Темы</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Итоги</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>In the trash</source>
            <translation>В корзине</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Other spellings</source>
            <translation>Другие написания</translation>
        </message>
        <message>
            <source>Acronym</source>
            <translation>Сокращение</translation>
        </message>
        <message>
            <source>position</source>
            <translation>должность</translation>
        </message>
        <message>
            <source>role</source>
            <translation>роль</translation>
        </message>
        <message>
            <source>status</source>
            <translation>статус</translation>
        </message>
        <message>
            <source>programme-funded</source>
            <translation>за счёт программы</translation>
        </message>
        <message>
            <source>delegation</source>
            <translation>делегация</translation>
        </message>
        <message>
            <source>place in the list</source>
            <translation>место в списке</translation>
        </message>
        <message>
            <source>side</source>
            <translation>сторона</translation>
        </message>
        <message>
            <source>party</source>
            <translation>участник (страна или организация)</translation>
        </message>
        <message>
            <source>programme-supported</source>
            <translation>при поддержке программы</translation>
        </message>
        <message>
            <source>notes</source>
            <translation>примечания</translation>
        </message>
        <message>
            <source>title</source>
            <translation>название</translation>
        </message>
        <message>
            <source>presenter</source>
            <translation>докладчик</translation>
        </message>
        <message>
            <source>description</source>
            <translation>описание</translation>
        </message>
        <message>
            <source>owner</source>
            <translation>ответственный</translation>
        </message>
        <message>
            <source>due date</source>
            <translation>срок</translation>
        </message>
        <message>
            <source>continues</source>
            <translation>продолжает</translation>
        </message>
        <message>
            <source>done on</source>
            <translation>выполнено</translation>
        </message>
        <message>
            <source>two heads of one delegation</source>
            <translation>два главы одной делегации</translation>
        </message>
        <message>
            <source>one person in two delegations</source>
            <translation>один человек в двух делегациях</translation>
        </message>
        <message>
            <source>a final meeting with someone still invited</source>
            <translation>итоговая встреча, где кто-то ещё только приглашён</translation>
        </message>
        <message>
            <source>a participant of a removed delegation</source>
            <translation>участник удалённой делегации</translation>
        </message>
        <message>
            <source>moved to the trash while edited elsewhere</source>
            <translation>перемещено в корзину, пока в другой базе вносились изменения</translation>
        </message>
        <message>
            <source>the meeting ends before it starts (its end date is not shown)</source>
            <translation>встреча заканчивается раньше, чем начинается (дата окончания не показана)</translation>
        </message>
        <message>
            <source>Action “%1”: %2</source>
            <translation>Действие «%1»: %2</translation>
        </message>
        <message>
            <source>head of delegation</source>
            <translation>глава делегации</translation>
        </message>
        <message>
            <source>deputy head</source>
            <translation>заместитель главы</translation>
        </message>
        <message>
            <source>alternate</source>
            <translation>заместитель</translation>
        </message>
        <message>
            <source>adviser</source>
            <translation>советник</translation>
        </message>
        <message>
            <source>expert</source>
            <translation>эксперт</translation>
        </message>
        <message>
            <source>interpreter</source>
            <translation>переводчик</translation>
        </message>
        <message>
            <source>observer</source>
            <translation>наблюдатель</translation>
        </message>
        <message>
            <source>member</source>
            <translation>член делегации</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>черновик</translation>
        </message>
        <message>
            <source>final</source>
            <translation>итоговая</translation>
        </message>
        <message>
            <source>open</source>
            <translation>открыто</translation>
        </message>
        <message>
            <source>done</source>
            <translation>выполнено</translation>
        </message>
        <message>
            <source>carried</source>
            <translation>перенесено</translation>
        </message>
        <message>
            <source>EU side</source>
            <translation>сторона ЕС</translation>
        </message>
        <message>
            <source>partner side</source>
            <translation>сторона партнёров</translation>
        </message>
        <message>
            <source>other</source>
            <translation>другое</translation>
        </message>
        <message>
            <source>female</source>
            <translation>женский</translation>
        </message>
        <message>
            <source>male</source>
            <translation>мужской</translation>
        </message>
        <message>
            <source>regional</source>
            <translation>региональная</translation>
        </message>
        <message>
            <source>bilateral</source>
            <translation>двусторонняя</translation>
        </message>
        <message>
            <source>expert meeting</source>
            <translation>встреча экспертов</translation>
        </message>
        <message>
            <source>high-level</source>
            <translation>высокого уровня</translation>
        </message>
        <message>
            <source>Participant %1 (%2): %3</source>
            <translation>Участник %1 (%2): %3</translation>
        </message>
        <message>
            <source>Delegation %1: %2</source>
            <translation>Делегация %1: %2</translation>
        </message>
        <message>
            <source>Agenda item “%1”: %2</source>
            <translation>Пункт повестки «%1»: %2</translation>
        </message>
        <message>
            <source>— (removed)</source>
            <translation>— (удалено)</translation>
        </message>
        <message>
            <source>in the trash</source>
            <translation>в корзине</translation>
        </message>
        <message>
            <source>not in the trash</source>
            <translation>не в корзине</translation>
        </message>
        <message>
            <source>out of the trash, with the edits made meanwhile</source>
            <translation>не в корзине, с изменениями, внесёнными тем временем</translation>
        </message>
        <message>
            <source>%1: %2, %3, %4</source>
            <translation>%1: %2, %3, %4</translation>
        </message>
        <message>
            <source>Records in conflict were not overwritten: %1 waiting for you to choose, field by field, in the app's Conflicts window.</source>
            <translation>Записи в конфликте не перезаписаны; ждут вашего выбора по каждому полю в окне «Конфликты после импорта»: %1.</translation>
        </message>
        <message>
            <source>holds %1, which is not a number JSON allows</source>
            <translation>содержит %1 — такого числа JSON не допускает</translation>
        </message>
        <message>
            <source>%1 is not a valid bundle: a field name in %2 holds half of a character (a lone surrogate %3) at position %4.</source>
            <translation>%1 — недопустимый пакет обмена: %2, имя поля: половина символа (одиночный суррогат %3) в позиции %4.</translation>
        </message>
        <message>
            <source>the top level</source>
            <translation>верхний уровень</translation>
        </message>
        <message>
            <source>is %1 characters long; at most %2 are allowed</source>
            <translation>длиной %1 знаков, а допускается не более %2</translation>
        </message>
        <message>
            <source>holds a number %1 digits long; a bundle's numbers have at most %2</source>
            <translation>содержит число из %1 цифр, а в пакете обмена числа не длиннее %2 цифр</translation>
        </message>
        <message>
            <source>holds a number %1 characters long; a bundle's numbers are short</source>
            <translation>содержит число длиной %1 знаков, а числа в пакете обмена короткие</translation>
        </message>
        <message>
            <source>%1 is not a valid bundle: %2 holds half of a character (a lone surrogate %3) at position %4.</source>
            <translation>%1 — недопустимый пакет обмена: %2: половина символа (одиночный суррогат %3) в позиции %4.</translation>
        </message>
        <message>
            <source>is empty</source>
            <translation>не заполнено</translation>
        </message>
        <message>
            <source>%1 is not a valid bundle: a field name in %2 holds the non-character %3 at position %4.</source>
            <translation>%1 — недопустимый пакет обмена: %2, имя поля: несимвол %3 в позиции %4.</translation>
        </message>
        <message>
            <source>lacks the required field “%1”</source>
            <translation>не содержит обязательного поля «%1»</translation>
        </message>
        <message>
            <source>%1 is not a valid bundle: %2 %3</source>
            <translation>%1 — недопустимый пакет обмена: %2 %3</translation>
        </message>
        <message>
            <source>repeats the id %1, which is already used in this bundle</source>
            <translation>повторяет идентификатор %1, уже использованный в этом пакете</translation>
        </message>
        <message>
            <source>is “%1”, which is not a known country code</source>
            <translation>равно «%1» — такого кода страны нет</translation>
        </message>
        <message>
            <source>is %1, which is not a real date</source>
            <translation>равно %1 — такой даты нет</translation>
        </message>
        <message>
            <source>%1 is not a valid bundle: %2 holds the non-character %3 at position %4.</source>
            <translation>%1 — недопустимый пакет обмена: %2: несимвол %3 в позиции %4.</translation>
        </message>
        <message>
            <source>has a field the format does not know (“%1”)</source>
            <translation>содержит поле, неизвестное формату («%1»)</translation>
        </message>
        <message>
            <source>is %1, which is outside the years 1900 to 9000</source>
            <translation>равно %1 — вне 1900–9000 годов</translation>
        </message>
        <message>
            <source>refers to person %1, who is not in the bundle</source>
            <translation>ссылается на человека %1, которого нет в пакете</translation>
        </message>
        <message>
            <source>refers to institution %1, which is not in the bundle</source>
            <translation>ссылается на учреждение %1, которого нет в пакете</translation>
        </message>
        <message>
            <source>%1 is not a valid bundle: a field name in %2 holds the control character %3 at position %4.</source>
            <translation>%1 — недопустимый пакет обмена: %2, имя поля: управляющий символ %3 в позиции %4.</translation>
        </message>
        <message>
            <source>%1 is not a valid bundle: %2 holds the control character %3 at position %4.</source>
            <translation>%1 — недопустимый пакет обмена: %2: управляющий символ %3 в позиции %4.</translation>
        </message>
        <message>
            <source>is %1, but must be one of %2</source>
            <translation>равно %1, а должно быть одним из: %2</translation>
        </message>
        <message>
            <source>is %1, which is not a real date and time</source>
            <translation>равно %1 — таких даты и времени нет</translation>
        </message>
        <message>
            <source>is %1, but must be %2</source>
            <translation>равно %1, а должно быть %2</translation>
        </message>
        <message>
            <source>repeats the id %1, which is already used in this dialogue</source>
            <translation>повторяет идентификатор %1, уже использованный в этом диалоге</translation>
        </message>
        <message>
            <source>is %1, which is not in the expected form</source>
            <translation>равно %1, а это не тот вид, который ожидается</translation>
        </message>
        <message>
            <source>is %1, but must be of type %2</source>
            <translation>равно %1, а должно быть типа %2</translation>
        </message>
        <message>
            <source>is %1, which the bundle format does not allow</source>
            <translation>равно %1, а формат пакета этого не допускает</translation>
        </message>
        <message>
            <source>Row %1: %2</source>
            <translation>Строка %1: %2</translation>
        </message>
        <message>
            <source>Added %1 (%2, %3 already known), %4, %5; skipped %6 already in the dialogue.</source>
            <translation>Добавлено: %1 (%2, уже известных — %3), %4, %5; пропущены уже участвующие в диалоге: %6.</translation>
        </message>
        <message>
            <source>Added %1 (%2, %3 already known), %4, %5.</source>
            <translation>Добавлено: %1 (%2, уже известных — %3), %4, %5.</translation>
        </message>
        <message>
            <source>%1 %2 could not be read and set aside (row numbers: %3).</source>
            <translation>%1 Не удалось прочитать, отложены: %2 (номера строк: %3).</translation>
        </message>
        <message>
            <source>There is no series called “%1”; the known series are: %2.</source>
            <translation>Серии «%1» нет; известные серии: %2.</translation>
        </message>
        <message>
            <source>No delegation in this database represents “%1”; the parties known are: %2.</source>
            <translation>Ни одна делегация в этой базе данных не представляет «%1»; известные стороны: %2.</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>пока нет</translation>
        </message>
        <message>
            <source>%1 is in the folder where the program keeps its drafts; choose a place outside it.</source>
            <translation>%1 в папке, где программа хранит свои черновики; выберите место вне её.</translation>
        </message>
        <message>
            <source>%1 is in the folder where the program keeps its backups; choose a place outside it.</source>
            <translation>%1 в папке, где программа хранит свои резервные копии; выберите место вне её.</translation>
        </message>
        <message>
            <source>%1 is read-only; choose another file name, or make the file writable first.</source>
            <translation>%1 — файл только для чтения; выберите другое имя файла или сначала разрешите запись в него.</translation>
        </message>
        <message>
            <source>%1 is a database file; choose another file name.</source>
            <translation>%1 — это файл базы данных; выберите другое имя файла.</translation>
        </message>
        <message>
            <source>%1 is a database, not a backup written by Dialogue Register; choose another file name.</source>
            <translation>%1 — это база данных, а не резервная копия, записанная «Реестром диалогов»; выберите другое имя файла.</translation>
        </message>
        <message>
            <source>Restored the database.</source>
            <translation>База данных восстановлена.</translation>
        </message>
        <message>
            <source>Restored: %1 and %2.</source>
            <translation>Восстановлено: %1 и %2.</translation>
        </message>
        <message>
            <source>“%1” is not a day of the calendar: that month ends on %2.</source>
            <translation>«%1» — такого дня нет в календаре: этот месяц кончается %2.</translation>
        </message>
        <message>
            <source>“%1”: the year %2 looks like a typo; the program takes the years %3 to %4.</source>
            <translation>«%1»: год %2 похож на опечатку; программа принимает годы с %3 по %4.</translation>
        </message>
        <message numerus="yes">
            <source>%n dialogues</source>
            <translation>
                <numerusform>%n диалог</numerusform>
                <numerusform>%n диалога</numerusform>
                <numerusform>%n диалогов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n people</source>
            <translation>
                <numerusform>%n человек</numerusform>
                <numerusform>%n человека</numerusform>
                <numerusform>%n человек</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n fields</source>
            <translation>
                <numerusform>%n поле</numerusform>
                <numerusform>%n поля</numerusform>
                <numerusform>%n полей</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n institutions</source>
            <translation>
                <numerusform>%n учреждение</numerusform>
                <numerusform>%n учреждения</numerusform>
                <numerusform>%n учреждений</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n records</source>
            <translation>
                <numerusform>%n запись</numerusform>
                <numerusform>%n записи</numerusform>
                <numerusform>%n записей</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n participants</source>
            <translation>
                <numerusform>%n участник</numerusform>
                <numerusform>%n участника</numerusform>
                <numerusform>%n участников</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new people</source>
            <translation>
                <numerusform>%n новый человек</numerusform>
                <numerusform>%n новых человека</numerusform>
                <numerusform>%n новых человек</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new delegations</source>
            <translation>
                <numerusform>%n новая делегация</numerusform>
                <numerusform>%n новые делегации</numerusform>
                <numerusform>%n новых делегаций</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new institutions</source>
            <translation>
                <numerusform>%n новое учреждение</numerusform>
                <numerusform>%n новых учреждения</numerusform>
                <numerusform>%n новых учреждений</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rows</source>
            <translation>
                <numerusform>%n строка</numerusform>
                <numerusform>%n строки</numerusform>
                <numerusform>%n строк</numerusform>
            </translation>
        </message>
        <message>
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <source>no</source>
            <translation>нет</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>an edit of a record merged into it</source>
            <translation>изменение записи, объединённой с ней</translation>
        </message>
        <message>
            <source>%1 %2 already in the dialogue had their attendance or position updated from the list.</source>
            <translation>%1 Уже участвовавшим в диалоге обновлены по списку участие или должность: %2.</translation>
        </message>
        <message>
            <source>No row of the list can be read (%1); nothing was imported.</source>
            <translation>Ни одну строку списка не удаётся прочитать (%1); ничего не импортировано.</translation>
        </message>
        <message>
            <source>The records changed while the report was being made (a save or an import); nothing was written. Make the report again.</source>
            <translation>Записи изменились, пока готовился отчёт (сохранение или импорт); ничего не записано. Сформируйте отчёт ещё раз.</translation>
        </message>
        <message>
            <source>any earlier file of that name was left as it was</source>
            <translation>прежний файл с этим именем остался как был</translation>
        </message>
        <message>
            <source>%1 cannot be written (no temporary file name is free).</source>
            <translation>Не удаётся записать %1 (нет свободного имени для временного файла).</translation>
        </message>
        <message>
            <source>%1 is the database itself; choose another file name.</source>
            <translation>%1 — это сама база данных; выберите другое имя файла.</translation>
        </message>
        <message>
            <source>%1 could not be written completely (%2); %3.</source>
            <translation>Не удалось записать %1 полностью (%2); %3.</translation>
        </message>
        <message>
            <source>%1 cannot be written (%2); %3.</source>
            <translation>Не удаётся записать %1 (%2); %3.</translation>
        </message>
        <message>
            <source>%1 cannot be written (%2).</source>
            <translation>Не удаётся записать %1 (%2).</translation>
        </message>
        <message>
            <source>%1 is a folder; give a file name.</source>
            <translation>%1 — это папка; укажите имя файла.</translation>
        </message>
        <message>
            <source>%1 is not an ordinary file (a device, a pipe or a socket); choose another file name.</source>
            <translation>%1 — не обычный файл (устройство, канал или сокет); выберите другое имя файла.</translation>
        </message>
        <message>
            <source>The disk is full, so %1 was not written; %2.</source>
            <translation>Диск заполнен, поэтому %1 не записан; %2.</translation>
        </message>
        <message>
            <source>The check after opening found damage in %1; restore it from a backup. Today's automatic backup was not taken, so the good backups are kept.</source>
            <translation>Проверка после открытия нашла повреждения в %1; восстановите её из резервной копии. Сегодняшняя автоматическая резервная копия не сделана, чтобы сохранить исправные копии.</translation>
        </message>
        <message>
            <source>No country is called “%1”: choose the host country from the list that opens as you type.</source>
            <translation>Страны «%1» нет в списке: выберите принимающую страну из подсказок, которые появляются при вводе.</translation>
        </message>
        <message>
            <source>Type the date the meeting started.</source>
            <translation>Введите дату начала встречи.</translation>
        </message>
        <message>
            <source>Type the end date, or untick “Ends on”.</source>
            <translation>Введите дату окончания или снимите отметку «Заканчивается».</translation>
        </message>
        <message>
            <source>“%1” is not a date the program can read: type it as 13.12.2023, 2023-12-13 or 13 Dec 2023.</source>
            <translation>«%1» не читается как дата: введите, например, 13.12.2023, 2023-12-13 или 13 декабря 2023.</translation>
        </message>
        <message>
            <source>%1, participant %2: the person is missing.</source>
            <translation>%1, участник %2: не указан человек.</translation>
        </message>
        <message>
            <source>%1 lists the same person twice.</source>
            <translation>%1: один и тот же человек указан дважды.</translation>
        </message>
        <message>
            <source>The same person</source>
            <translation>Один и тот же человек</translation>
        </message>
        <message>
            <source>%1 (%2): %3 dialogues, %4 people</source>
            <translation>%1 (%2): диалогов — %3, людей — %4</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>файл пуст</translation>
        </message>
        <message>
            <source>it is not an SQLite database (damaged or another kind of file)</source>
            <translation>это не база данных SQLite (файл повреждён или другого типа)</translation>
        </message>
        <message>
            <source>%1 cannot be copied: it is damaged or not a database.</source>
            <translation>Не удаётся скопировать %1: файл повреждён или не является базой данных.</translation>
        </message>
        <message>
            <source>%1 (%2): cannot be restored, %3</source>
            <translation>%1 (%2): восстановить нельзя, %3</translation>
        </message>
        <message>
            <source>%1 cannot be restored: %2; the database was left as it was.</source>
            <translation>%1 нельзя восстановить: %2; база данных оставлена без изменений.</translation>
        </message>
        <message>
            <source>That file is the database itself; choose a backup to restore.</source>
            <translation>Этот файл и есть сама база данных; выберите резервную копию для восстановления.</translation>
        </message>
        <message>
            <source>it is a folder</source>
            <translation>это папка</translation>
        </message>
        <message>
            <source>the file does not exist or cannot be read</source>
            <translation>файл не существует или не читается</translation>
        </message>
        <message>
            <source>The database %1 cannot be backed up: %2.</source>
            <translation>Не удаётся сделать резервную копию базы данных %1: %2.</translation>
        </message>
        <message>
            <source>The database %1 is busy in another program; back up again in a moment.</source>
            <translation>База данных %1 занята другой программой; повторите резервное копирование чуть позже.</translation>
        </message>
        <message>
            <source>The disk is full; free some space and back up again.</source>
            <translation>Диск заполнен; освободите место и повторите резервное копирование.</translation>
        </message>
        <message>
            <source>The backup cannot be written over the database itself; choose another file name.</source>
            <translation>Резервную копию нельзя записать поверх самой базы данных; выберите другое имя файла.</translation>
        </message>
        <message>
            <source>it cannot be opened</source>
            <translation>файл не удаётся открыть</translation>
        </message>
        <message>
            <source>it is damaged (the integrity check failed)</source>
            <translation>файл повреждён (проверка целостности не пройдена)</translation>
        </message>
        <message>
            <source>it is not a Dialogue Register database</source>
            <translation>это не база данных Реестра диалогов</translation>
        </message>
        <message>
            <source>it is damaged or not a Dialogue Register database</source>
            <translation>файл повреждён или не является базой данных Реестра диалогов</translation>
        </message>
        <message>
            <source>The database %1 is open in another window or program; close it and restore again.</source>
            <translation>База данных %1 открыта в другом окне или программе; закройте её и повторите восстановление.</translation>
        </message>
        <message>
            <source>it was written by a newer version of the program</source>
            <translation>файл записан более новой версией программы</translation>
        </message>
        <message>
            <source>%1 dialogues, %2 delegations, %3 participants, %4 people</source>
            <translation>диалогов — %1, делегаций — %2, участников — %3, людей — %4</translation>
        </message>
        <message>
            <source>Database: %1</source>
            <translation>База данных: %1</translation>
        </message>
        <message>
            <source>Schema version: %1 (this program: %2)</source>
            <translation>Версия схемы: %1 (у этой программы: %2)</translation>
        </message>
        <message>
            <source>row %1 of %2 refers to a missing row of %3</source>
            <translation>строка %1 таблицы %2 ссылается на отсутствующую строку таблицы %3</translation>
        </message>
        <message>
            <source>the file is not a Dialogue Register database (no schema version)</source>
            <translation>файл не является базой данных Реестра диалогов (нет версии схемы)</translation>
        </message>
        <message>
            <source>the layout is older (%1); it will be upgraded when the database is opened, after a backup</source>
            <translation>структура старее (%1); она будет обновлена при открытии базы данных, после резервной копии</translation>
        </message>
        <message>
            <source>Contents: %1</source>
            <translation>Содержимое: %1</translation>
        </message>
        <message>
            <source>Note: %1</source>
            <translation>Примечание: %1</translation>
        </message>
        <message>
            <source>The database is sound.</source>
            <translation>База данных в порядке.</translation>
        </message>
        <message>
            <source>The database is NOT sound; restore it from a backup.</source>
            <translation>База данных НЕ в порядке; восстановите её из резервной копии.</translation>
        </message>
        <message>
            <source>the file is not an SQLite database (damaged, truncated or foreign)</source>
            <translation>файл не является базой данных SQLite (повреждён, обрезан или чужой)</translation>
        </message>
        <message>
            <source>the file cannot be opened (%1)</source>
            <translation>файл не удаётся открыть (%1)</translation>
        </message>
        <message>
            <source>%1 is recorded as an institution of %2, not of %3.</source>
            <translation>«%1» записано как учреждение страны «%2», а не «%3».</translation>
        </message>
        <message>
            <source>%1 is in two delegations, %2 and %3.</source>
            <translation>%1 — в двух делегациях: «%2» и «%3».</translation>
        </message>
        <message>
            <source>the file cannot be read as a database (%1)</source>
            <translation>файл не удаётся прочитать как базу данных (%1)</translation>
        </message>
        <message>
            <source>integrity: %1</source>
            <translation>целостность: %1</translation>
        </message>
        <message>
            <source>the schema (%1) is from a newer version of the program</source>
            <translation>схема (%1) из более новой версии программы</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>неизвестна</translation>
        </message>
        <message>
            <source>Problem: %1</source>
            <translation>Проблема: %1</translation>
        </message>
        <message>
            <source>“%1” is not a document; choose note-verbale, sign-in-sheet or participant-list.</source>
            <translation>«%1» — не документ; выберите note-verbale, sign-in-sheet или participant-list.</translation>
        </message>
        <message>
            <source>“%1” is too short to name a dialogue: give its id or at least 8 of its first characters.</source>
            <translation>«%1» слишком коротко: укажите идентификатор диалога или не менее 8 первых его знаков.</translation>
        </message>
        <message>
            <source>No dialogue has an id starting with “%1”.</source>
            <translation>Нет диалога с идентификатором, начинающимся на «%1».</translation>
        </message>
        <message>
            <source>“%1” names more than one dialogue; give more of its id.</source>
            <translation>«%1» подходит к нескольким диалогам; укажите больше знаков идентификатора.</translation>
        </message>
        <message>
            <source>Cannot tell the document's format from “%1”; end the file name in .docx or .pdf.</source>
            <translation>Не удаётся определить формат документа по имени «%1»; имя файла должно оканчиваться на .docx или .pdf.</translation>
        </message>
        <message>
            <source>%1 is a folder; give a file name for the document.</source>
            <translation>%1 — это папка; укажите имя файла документа.</translation>
        </message>
        <message>
            <source>A Note Verbale is addressed to one partner: give its party (e.g. --party KZ).</source>
            <translation>Вербальная нота адресуется одному партнёру: укажите сторону (например, --party KZ).</translation>
        </message>
        <message>
            <source>A Note Verbale asks for a reply by a date: give it (e.g. --reply-by 2023-11-20).</source>
            <translation>В вербальной ноте указывается срок ответа: задайте его (например, --reply-by 2023-11-20).</translation>
        </message>
        <message>
            <source>The document could not be written to %1.</source>
            <translation>Не удалось записать документ в %1.</translation>
        </message>
        <message>
            <source>“%1” has no delegation in “%2” (its parties: %3).</source>
            <translation>У «%1» нет делегации на встрече «%2» (стороны: %3).</translation>
        </message>
        <message>
            <source>A Note Verbale needs the programme's sender: set it in Settings ▸ Programme.</source>
            <translation>Для вербальной ноты нужен отправитель: укажите его в разделе «Настройки ▸ Программа».</translation>
        </message>
        <message>
            <source>This dialogue has no usable identifier, so no draft can be kept for it.</source>
            <translation>У этого диалога нет пригодного идентификатора, поэтому черновик для него сохранить нельзя.</translation>
        </message>
        <message>
            <source>Your unsaved changes could not be kept as a draft (%1).</source>
            <translation>Ваши несохранённые изменения не удалось сохранить в черновике (%1).</translation>
        </message>
        <message>
            <source>%1 has no version %2 (there are: %3).</source>
            <translation>У %1 нет версии %2 (есть: %3).</translation>
        </message>
        <message>
            <source>%1 was changed since the versions were shown; open the conflict again.</source>
            <translation>%1: запись изменилась после того, как были показаны версии; откройте конфликт ещё раз.</translation>
        </message>
        <message>
            <source>Nothing in %1 has competing versions; correct the record itself: %2</source>
            <translation>В %1 нет конкурирующих версий; исправьте саму запись: %2</translation>
        </message>
        <message>
            <source>“%1” is not a field in conflict in this record.</source>
            <translation>«%1» — не поле в конфликте в этой записи.</translation>
        </message>
        <message>
            <source>%1 has %2 other versions; name the one to keep (%3).</source>
            <translation>У %1 других версий — %2; укажите, какую оставить (%3).</translation>
        </message>
        <message>
            <source>Kept (ours already has it)</source>
            <translation>Оставлено наше (уже содержит их изменения)</translation>
        </message>
        <message>
            <source>kept (ours already has it)</source>
            <translation>оставлено наше (уже содержит их изменения)</translation>
        </message>
        <message>
            <source>Select at least one dialogue to export.</source>
            <translation>Выберите хотя бы один диалог для экспорта.</translation>
        </message>
        <message>
            <source>The folder %1 does not exist.</source>
            <translation>Папка %1 не существует.</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Добавлено</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Обновлено</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Без изменений</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Конфликты</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Удалено</translation>
        </message>
        <message>
            <source>updated</source>
            <translation>обновлено</translation>
        </message>
        <message>
            <source>dialogue</source>
            <translation>диалог</translation>
        </message>
        <message>
            <source>person</source>
            <translation>человек</translation>
        </message>
        <message>
            <source>institution</source>
            <translation>учреждение</translation>
        </message>
        <message>
            <source>in your trash</source>
            <translation>в вашей корзине</translation>
        </message>
        <message>
            <source>Dry run: nothing was written.</source>
            <translation>Пробный запуск: ничего не записано.</translation>
        </message>
        <message>
            <source>Import finished.</source>
            <translation>Импорт завершён.</translation>
        </message>
        <message>
            <source> [%1]</source>
            <translation> [%1]</translation>
        </message>
        <message>
            <source>  %1: %2 %3 (%4)%5</source>
            <translation>  %1: %2 %3 (%4)%5</translation>
        </message>
        <message>
            <source>  … and %1 more</source>
            <translation>  … и ещё %1</translation>
        </message>
        <message>
            <source>%1 is not a valid bundle: %2 %3.</source>
            <translation>%1 — недопустимый пакет обмена: %2 %3.</translation>
        </message>
        <message>
            <source>%1 is not an ordinary file (a device or a pipe), so it is not a bundle.</source>
            <translation>%1 — не обычный файл (устройство или канал), поэтому это не пакет обмена.</translation>
        </message>
        <message>
            <source>%1 is a UTF-16 text file; a bundle is UTF-8 (export it again from Dialogue Register).</source>
            <translation>%1 — текстовый файл в UTF-16; пакет обмена записывается в UTF-8 (экспортируйте его заново из Dialogue Register).</translation>
        </message>
        <message>
            <source>The file %1 does not exist.</source>
            <translation>Файл %1 не существует.</translation>
        </message>
        <message>
            <source>%1 is a folder, not a bundle file.</source>
            <translation>%1 — это папка, а не файл пакета обмена.</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>удалено</translation>
        </message>
        <message>
            <source>  conflict: %1 %2 (%3): %4%5</source>
            <translation>  конфликт: %1 %2 (%3): %4%5</translation>
        </message>
        <message>
            <source>%1 is the open database, not a bundle; choose the bundle's file.</source>
            <translation>%1 — это открытая база данных, а не пакет обмена; выберите файл пакета.</translation>
        </message>
        <message>
            <source>%1 is empty; it is not a bundle.</source>
            <translation>Файл %1 пуст; это не пакет обмена.</translation>
        </message>
        <message>
            <source>%1 was made by a newer Dialogue Register (version %2); update to import it.</source>
            <translation>Файл %1 создан более новой версией Dialogue Register (%2); обновите программу, чтобы импортировать его.</translation>
        </message>
        <message>
            <source>The file %1 cannot be read (%2).</source>
            <translation>Не удаётся прочитать файл %1 (%2).</translation>
        </message>
        <message>
            <source>%1 is larger than the %2 MB a bundle may have (Settings).</source>
            <translation>%1 больше допустимых для пакета %2 МБ (Настройки).</translation>
        </message>
        <message>
            <source>%1 is not a UTF-8 text file, so it is not a bundle.</source>
            <translation>%1 — не текстовый файл в UTF-8, поэтому это не пакет обмена.</translation>
        </message>
        <message>
            <source>%1 is not valid JSON (line %2, column %3: %4).</source>
            <translation>%1 — недопустимый JSON (строка %2, столбец %3: %4).</translation>
        </message>
        <message>
            <source>%1 is not a valid bundle: it %2.</source>
            <translation>%1 — неправильный пакет обмена: %2.</translation>
        </message>
        <message>
            <source>%1 is not a valid bundle: it is nested too deeply.</source>
            <translation>%1 — неправильный пакет обмена: слишком глубокая вложенность.</translation>
        </message>
        <message>
            <source>%1 is not valid JSON (%2).</source>
            <translation>%1 — неправильный JSON (%2).</translation>
        </message>
        <message>
            <source>%1 is not a valid bundle: it is nested more than %2 levels deep.</source>
            <translation>%1 — неправильный пакет обмена: вложенность глубже %2 уровней.</translation>
        </message>
        <message>
            <source>is wrong: %1</source>
            <translation>содержит ошибку: %1</translation>
        </message>
        <message>
            <source>%1 is %2 MB, larger than the %3 MB a bundle may have (Settings).</source>
            <translation>%1 занимает %2 МБ — больше допустимых для пакета %3 МБ (Настройки).</translation>
        </message>
        <message>
            <source>The database is on a network share; saves can be lost there, so keep it on this computer's own disk.</source>
            <translation>База данных находится на сетевом ресурсе; там изменения могут теряться, поэтому храните её на собственном диске этого компьютера.</translation>
        </message>
        <message>
            <source>The database is on a network file system (%1); saves can be lost there, so keep it on this computer's own disk.</source>
            <translation>База данных находится в сетевой файловой системе (%1); там изменения могут теряться, поэтому храните её на собственном диске этого компьютера.</translation>
        </message>
        <message>
            <source>The database is in a cloud-synced folder (%1); syncing can lose recent saves, so keep it in a local folder and sync exported bundles or backups instead.</source>
            <translation>База данных находится в папке, синхронизируемой с облаком (%1); синхронизация может привести к потере последних изменений, поэтому храните её в локальной папке, а синхронизируйте пакеты обмена или резервные копии.</translation>
        </message>
        <message>
            <source>“%1” is in %2 and “%3” in %4: the merged institution keeps %4.</source>
            <translation>«%1» — страна: %2, «%3» — страна: %4. У объединённого учреждения останется: %4.</translation>
        </message>
        <message>
            <source>The e-mail address %1 of “%2” is not kept: “%3” keeps %4.</source>
            <translation>Адрес электронной почты %1 («%2») не сохранится: у «%3» остаётся %4.</translation>
        </message>
        <message>
            <source>“%1” is recorded as %2 and “%3” as %4: the merged record keeps %4.</source>
            <translation>«%1» — пол: %2, «%3» — пол: %4. В объединённой записи останется: %4.</translation>
        </message>
        <message>
            <source>Row %1: %2.</source>
            <translation>Строка %1: %2.</translation>
        </message>
        <message>
            <source>the name is missing</source>
            <translation>не указано имя</translation>
        </message>
        <message>
            <source>the position is %1 characters long; at most %2</source>
            <translation>должность: знаков — %1, а допускается не более %2</translation>
        </message>
        <message>
            <source>the institution is %1 characters long; at most %2</source>
            <translation>учреждение: знаков — %1, а допускается не более %2</translation>
        </message>
        <message>
            <source>%1 is already listed in row %2</source>
            <translation>%1 уже есть в строке %2</translation>
        </message>
        <message>
            <source>nobody has attended or missed a meeting that has not begun; it starts on %1</source>
            <translation>встреча ещё не началась (она начинается %1): на ней ещё никто не был и никто не пропустил её</translation>
        </message>
        <message>
            <source>the list has no participants below its header</source>
            <translation>под заголовками списка нет участников</translation>
        </message>
        <message>
            <source>the country is missing</source>
            <translation>не указана страна</translation>
        </message>
        <message>
            <source>no country column is chosen and no delegation is given for the whole list</source>
            <translation>не выбран столбец страны и не задана делегация для всего списка</translation>
        </message>
        <message>
            <source>%1 is already in the meeting as %2 and cannot become %3</source>
            <translation>%1 уже участвует во встрече со статусом «%2» и не может получить статус «%3»</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Полное имя</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Фамилия</translation>
        </message>
        <message>
            <source>Patronymic</source>
            <translation>Отчество</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Должность</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Учреждение</translation>
        </message>
        <message>
            <source>Country or organisation</source>
            <translation>Страна или организация</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Эл. почта</translation>
        </message>
        <message>
            <source>%1 is already listed in row %2 as %3</source>
            <translation>%1 уже есть в строке %2 (как %3)</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Participation status</source>
            <translation>Статус участия</translation>
        </message>
        <message>
            <source>No header row was recognised in the first 30 rows: the list needs headings such as “Name” or “ФИО”, “Country” or “Страна” above the participants.</source>
            <translation>В первых 30 строках не найдена строка заголовков: над участниками в списке должны быть заголовки, например «ФИО» или «Name», «Страна» или «Country».</translation>
        </message>
        <message>
            <source>Choose the column that holds the names (or both the given and the family name columns).</source>
            <translation>Выберите столбец с именами (или оба столбца — с именем и с фамилией).</translation>
        </message>
        <message>
            <source>The header row has merged cells (%1); unmerge them so that each column has its own heading.</source>
            <translation>В строке заголовков есть объединённые ячейки (%1); разъедините их, чтобы у каждого столбца был свой заголовок.</translation>
        </message>
        <message>
            <source>Column %1 is chosen both as %2 and as %3.</source>
            <translation>Столбец %1 выбран и как «%2», и как «%3».</translation>
        </message>
        <message>
            <source>%1 has no filled cells.</source>
            <translation>В файле %1 нет заполненных ячеек.</translation>
        </message>
        <message>
            <source>%1 is a folder; choose the registration list's file.</source>
            <translation>%1 — это папка; выберите файл регистрационного списка.</translation>
        </message>
        <message>
            <source>%1 is not an ordinary file (a device or a pipe), so it is not a registration list.</source>
            <translation>%1 — не обычный файл (устройство или канал), поэтому это не регистрационный список.</translation>
        </message>
        <message>
            <source>%1 is %2 MB; a registration list over %3 MB is not read — save only the list of participants.</source>
            <translation>Размер файла %1 — %2 МБ; регистрационный список больше %3 МБ не читается — сохраните только список участников.</translation>
        </message>
        <message>
            <source>%1 is empty.</source>
            <translation>Файл %1 пуст.</translation>
        </message>
        <message>
            <source>%1 is the open database, not a registration list.</source>
            <translation>%1 — это открытая база данных, а не список регистрации.</translation>
        </message>
        <message>
            <source>%1 is in the old Excel 97–2003 format; open it in Excel and save it as an Excel workbook (.xlsx).</source>
            <translation>Файл %1 в старом формате Excel 97–2003; откройте его в Excel и сохраните как книгу Excel (.xlsx).</translation>
        </message>
        <message>
            <source>%1 is not an Excel workbook, although its name ends in %2.</source>
            <translation>%1 — не книга Excel, хотя имя файла оканчивается на %2.</translation>
        </message>
        <message>
            <source>%1 has more than %2 rows; a registration list is expected to be smaller — split it or remove the other data.</source>
            <translation>В файле %1 больше %2 строк; регистрационный список должен быть меньше — разделите его или удалите прочие данные.</translation>
        </message>
        <message>
            <source>%1 has more than %2 columns; keep only the participants' details.</source>
            <translation>В файле %1 больше %2 столбцов; оставьте только сведения об участниках.</translation>
        </message>
        <message>
            <source>%1 is not a text (CSV) file or an Excel workbook.</source>
            <translation>%1 — не текстовый файл (CSV) и не книга Excel.</translation>
        </message>
        <message>
            <source>%1 cannot be opened: %2.</source>
            <translation>Не удаётся открыть %1: %2.</translation>
        </message>
        <message>
            <source>Row %1, column %2 of %3 holds %4 characters; a cell of a registration list may hold at most %5.</source>
            <translation>Строка %1, столбец %2 файла %3: знаков в ячейке — %4, а в ячейке регистрационного списка допускается не более %5.</translation>
        </message>
        <message>
            <source>%1 is damaged or is not an Excel workbook.</source>
            <translation>Файл %1 повреждён или не является книгой Excel.</translation>
        </message>
        <message>
            <source>%1 would unpack to %2 MB; it is not a plain registration list and is not opened.</source>
            <translation>Файл %1 после распаковки занял бы %2 МБ; это не обычный регистрационный список, и он не открывается.</translation>
        </message>
        <message>
            <source>%1 is a zip archive but not an Excel workbook.</source>
            <translation>%1 — архив zip, но не книга Excel.</translation>
        </message>
        <message>
            <source>%1 is not a well-formed CSV file (row %2: %3).</source>
            <translation>%1 — неправильно оформленный файл CSV (строка %2: %3).</translation>
        </message>
        <message>
            <source>%1 is damaged and cannot be read as an Excel workbook.</source>
            <translation>Файл %1 повреждён и не читается как книга Excel.</translation>
        </message>
        <message>
            <source>%1 has no sheet.</source>
            <translation>В файле %1 нет листов.</translation>
        </message>
        <message>
            <source>“%1” is not a sex (use F or M, Ж or М)</source>
            <translation>«%1» — не пол (укажите Ж или М, F или M)</translation>
        </message>
        <message>
            <source>“%1” is not a role (e.g. Head, Deputy head, Adviser, Expert, Interpreter, Observer, Member; Глава делегации, Советник, Эксперт, Переводчик)</source>
            <translation>«%1» — не роль (например, Глава делегации, Заместитель главы делегации, Советник, Эксперт, Переводчик, Наблюдатель, Член делегации)</translation>
        </message>
        <message>
            <source>“%1” is not a participation status (e.g. invited, confirmed, attended, absent, cancelled; приглашён, подтвердил, присутствовал, не явился, отказ)</source>
            <translation>«%1» — не статус участия (например, приглашён, подтвердил, присутствовал, не явился, отказ)</translation>
        </message>
        <message>
            <source>“%1” is not an e-mail address</source>
            <translation>«%1» — не адрес электронной почты</translation>
        </message>
        <message>
            <source>“%1” is not a known country or organisation</source>
            <translation>«%1» — неизвестная страна или организация</translation>
        </message>
        <message>
            <source>%1 is in an encoding that cannot be recognised (tried %2); save it from Excel as “CSV UTF-8” or as an Excel workbook.</source>
            <translation>Кодировку файла %1 не удаётся распознать (проверены %2); сохраните его из Excel как «CSV UTF-8» или как книгу Excel.</translation>
        </message>
        <message>
            <source>%1 was removed from the database since the list was checked; check it again.</source>
            <translation>%1: запись удалена из базы данных после проверки списка; проверьте список ещё раз.</translation>
        </message>
        <message>
            <source>The list has no participants to import.</source>
            <translation>В списке нет участников для импорта.</translation>
        </message>
        <message>
            <source>“%1” was changed elsewhere since you opened it; reload it and import the list again.</source>
            <translation>Диалог «%1» был изменён в другом месте после того, как вы его открыли; загрузите его заново и импортируйте список ещё раз.</translation>
        </message>
        <message>
            <source>Cannot tell the report format from “%1”; end the file name in .pdf, .docx, .xlsx or .html, or give --format.</source>
            <translation>Не удаётся определить формат отчёта по имени «%1»; имя файла должно оканчиваться на .pdf, .docx, .xlsx или .html, либо укажите --format.</translation>
        </message>
        <message>
            <source>“%1” is not a report format; choose pdf, docx, xlsx or html.</source>
            <translation>«%1» — не формат отчёта; выберите pdf, docx, xlsx или html.</translation>
        </message>
        <message>
            <source>Today's automatic backup could not be made: %1</source>
            <translation>Сегодняшнюю автоматическую резервную копию сделать не удалось: %1</translation>
        </message>
        <message>
            <source>Today's automatic backup could not be made (%1).</source>
            <translation>Сегодняшнюю автоматическую резервную копию сделать не удалось (%1).</translation>
        </message>
    </context>
    <context>
        <name>OfficerDialog</name>
        <message>
            <source>Your name</source>
            <translation>Ваше имя</translation>
        </message>
        <message>
            <source>Your name, as your colleagues will see it beside every change you make (it travels with the records you exchange):</source>
            <translation>Ваше имя — так коллеги увидят его рядом с каждым вашим изменением (оно передаётся вместе с записями при обмене):</translation>
        </message>
        <message>
            <source>e.g. Aigerim Zhumabayeva, EU Delegation Astana</source>
            <translation>например: Айгерим Жумабаева, Представительство ЕС в Астане</translation>
        </message>
    </context>
    <context>
        <name>PartyPicker</name>
        <message>
            <source>Country</source>
            <translation>Страна</translation>
        </message>
        <message>
            <source>Country or organisation</source>
            <translation>Страна или организация</translation>
        </message>
    </context>
    <context>
        <name>PastedRows</name>
        <message>
            <source>Columns left out (%1): this table has no place for them.</source>
            <translation>Не вставлены столбцы (%1): в этой таблице для них нет места.</translation>
        </message>
    </context>
    <context>
        <name>PeopleTableModel</name>
        <message>
            <source>Female</source>
            <translation>Женский</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Мужской</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Other spellings</source>
            <translation>Другие написания</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Эл. почта</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Встречи</translation>
        </message>
    </context>
    <context>
        <name>PeopleView</name>
        <message>
            <source>Search names in any spelling…</source>
            <translation>Поиск имени в любом написании…</translation>
        </message>
        <message>
            <source>&amp;New person…</source>
            <translation>&amp;Новый человек…</translation>
        </message>
        <message>
            <source>&amp;Merge…</source>
            <translation>&amp;Объединить…</translation>
        </message>
        <message>
            <source>Select the two records of one person, then merge them into one</source>
            <translation>Выберите две записи об одном человеке и объедините их в одну</translation>
        </message>
        <message numerus="yes">
            <source>%n meeting(s)</source>
            <translation>
                <numerusform>%n встреча</numerusform>
                <numerusform>%n встречи</numerusform>
                <numerusform>%n встреч</numerusform>
            </translation>
        </message>
        <message>
            <source>no other spelling</source>
            <translation>нет другого написания</translation>
        </message>
        <message>
            <source>Select exactly two people (Ctrl+click) to merge them into one record.</source>
            <translation>Выберите ровно двух людей (Ctrl+щелчок), чтобы объединить их в одну запись.</translation>
        </message>
        <message>
            <source>no e-mail</source>
            <translation>нет эл. почты</translation>
        </message>
        <message>
            <source>Merge these two records of one person?</source>
            <translation>Объединить эти две записи об одном человеке?</translation>
        </message>
        <message>
            <source>All meetings move to the record you keep; the other name is kept as another spelling.</source>
            <translation>Все встречи перейдут в оставляемую запись; другое имя сохранится как другое написание.</translation>
        </message>
        <message>
            <source>Keep “%1”</source>
            <translation>Оставить «%1»</translation>
        </message>
        <message>
            <source>Ed&amp;it…</source>
            <translation>&amp;Изменить…</translation>
        </message>
        <message>
            <source>Merge them?</source>
            <translation>Объединить?</translation>
        </message>
        <message>
            <source>“%1” is now in two delegations of %2. Open the meeting and keep the right one.</source>
            <translation>«%1» теперь в двух делегациях: %2. Откройте встречу и оставьте нужную.</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <source>Person — %1</source>
            <translation>Человек — %1</translation>
        </message>
        <message>
            <source>New person</source>
            <translation>Новый человек</translation>
        </message>
        <message>
            <source>Other spellings, separated by ;</source>
            <translation>Другие написания через ;</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Не указан</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Женский</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Мужской</translation>
        </message>
        <message>
            <source>The old name “%1” will be kept as another spelling; delete it there if it was only a typing mistake.</source>
            <translation>Прежнее имя «%1» сохранится как другое написание; удалите его оттуда, если это была просто опечатка.</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Имя:</translation>
        </message>
        <message>
            <source>&amp;Other spellings:</source>
            <translation>&amp;Другие написания:</translation>
        </message>
        <message>
            <source>&amp;Sex:</source>
            <translation>&amp;Пол:</translation>
        </message>
        <message>
            <source>&amp;Email:</source>
            <translation>&amp;Эл. почта:</translation>
        </message>
        <message>
            <source>“%1” is not an e-mail address: type it as name@example.org, or leave the field empty.</source>
            <translation>«%1» — не адрес электронной почты: введите его в виде name@example.org или оставьте поле пустым.</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <source>The sheet</source>
            <translation>Лист</translation>
        </message>
        <message>
            <source>Headings found in row %1; %2 rows below them (empty rows are skipped).</source>
            <translation>Заголовки найдены в строке %1; под ними строк: %2 (пустые строки пропускаются).</translation>
        </message>
    </context>
    <context>
        <name>ProgrammeDialog</name>
        <message>
            <source>Programme</source>
            <translation>Программа</translation>
        </message>
        <message>
            <source>e.g. Central Asia Drug Action Programme (CADAP 7)</source>
            <translation>например, Central Asia Drug Action Programme (CADAP 7)</translation>
        </message>
        <message>
            <source>The Delegation of the European Union to …
Представительство Европейского Союза в …</source>
            <translation>The Delegation of the European Union to …
Представительство Европейского Союза в …</translation>
        </message>
        <message>
            <source>Who presents its compliments in a Note Verbale: one line per language (English, Russian); the one in the document's language is used.</source>
            <translation>Кто свидетельствует своё уважение в вербальной ноте: по строке на язык (английский, русский); берётся строка на языке документа.</translation>
        </message>
        <message>
            <source>Printed at the head of documents, one line per line. The last line is the place the notes are issued from, e.g. “Astana / Астана”.</source>
            <translation>Печатается в шапке документов, построчно. Последняя строка — место, откуда направляются ноты, например «Astana / Астана».</translation>
        </message>
        <message>
            <source>{year}, {party} and {date} are filled in; {number} is left blank for the registry. Empty: no reference number.</source>
            <translation>{year}, {party} и {date} подставляются; {number} остаётся пустым для канцелярии. Пусто — без номера.</translation>
        </message>
        <message>
            <source>For replies: name, e-mail, telephone, one per line.</source>
            <translation>Для ответов: имя, эл. почта, телефон — по строке.</translation>
        </message>
        <message>
            <source>Choose &amp;logo…</source>
            <translation>Выбрать &amp;логотип…</translation>
        </message>
        <message>
            <source>&amp;Remove logo</source>
            <translation>&amp;Убрать логотип</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Название:</translation>
        </message>
        <message>
            <source>&amp;Sender:</source>
            <translation>&amp;Отправитель:</translation>
        </message>
        <message>
            <source>&amp;Letterhead:</source>
            <translation>&amp;Шапка бланка:</translation>
        </message>
        <message>
            <source>&amp;Reference pattern:</source>
            <translation>Шаблон &amp;номера:</translation>
        </message>
        <message>
            <source>&amp;Contact:</source>
            <translation>&amp;Контакты:</translation>
        </message>
        <message>
            <source>&amp;Disclaimer:</source>
            <translation>&amp;Оговорка:</translation>
        </message>
        <message>
            <source>Logo:</source>
            <translation>Логотип:</translation>
        </message>
        <message>
            <source>Stored in the database: everyone working on this file prints the same. No emblem is shipped with the program.</source>
            <translation>Хранится в базе данных: все, кто работает с этим файлом, печатают одно и то же. Программа не содержит никаких эмблем.</translation>
        </message>
        <message>
            <source>Choose the logo</source>
            <translation>Выберите логотип</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>Изображения (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>The logo cannot be read (%1).</source>
            <translation>Не удаётся прочитать логотип (%1).</translation>
        </message>
        <message>
            <source>The logo must be a PNG or JPEG image.</source>
            <translation>Логотип должен быть изображением PNG или JPEG.</translation>
        </message>
        <message>
            <source>The logo is larger than 2 MB; choose a smaller image.</source>
            <translation>Логотип больше 2 МБ; выберите изображение поменьше.</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(нет)</translation>
        </message>
    </context>
    <context>
        <name>RecordListPage</name>
        <message>
            <source>&amp;Search:</source>
            <translation>Поис&amp;к:</translation>
        </message>
    </context>
    <context>
        <name>RegistrationWizard</name>
        <message>
            <source>Import a registration list</source>
            <translation>Импорт списка регистрации</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Импортировать</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>All dates</source>
            <translation>Все даты</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Этот год</translation>
        </message>
        <message>
            <source>Last year</source>
            <translation>Прошлый год</translation>
        </message>
        <message>
            <source>Last quarter</source>
            <translation>Прошлый квартал</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Выбрать даты</translation>
        </message>
        <message>
            <source>PDF document (.pdf)</source>
            <translation>Документ PDF (.pdf)</translation>
        </message>
        <message>
            <source>Word document (.docx)</source>
            <translation>Документ Word (.docx)</translation>
        </message>
        <message>
            <source>Excel workbook (.xlsx)</source>
            <translation>Книга Excel (.xlsx)</translation>
        </message>
        <message>
            <source>Web page (.html)</source>
            <translation>Веб-страница (.html)</translation>
        </message>
        <message>
            <source>Summary report</source>
            <translation>Сводный отчёт</translation>
        </message>
        <message>
            <source>All series</source>
            <translation>Все серии</translation>
        </message>
        <message>
            <source>&amp;Include drafts (marked as drafts)</source>
            <translation>&amp;Включить черновики (с пометкой)</translation>
        </message>
        <message>
            <source>&amp;Leave out people's names</source>
            <translation>&amp;Не приводить имена участников</translation>
        </message>
        <message>
            <source>&amp;from</source>
            <translation>&amp;с</translation>
        </message>
        <message>
            <source>&amp;to</source>
            <translation>&amp;по</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>П&amp;ериод:</translation>
        </message>
        <message>
            <source>&amp;Series:</source>
            <translation>Се&amp;рия:</translation>
        </message>
        <message>
            <source>P&amp;arty:</source>
            <translation>С&amp;торона:</translation>
        </message>
        <message>
            <source>F&amp;ormat:</source>
            <translation>&amp;Формат:</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Экспорт…</translation>
        </message>
        <message>
            <source>Ope&amp;n file</source>
            <translation>&amp;Открыть файл</translation>
        </message>
        <message>
            <source>S&amp;how in folder</source>
            <translation>По&amp;казать в папке</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Закрыть</translation>
        </message>
        <message>
            <source>Give both dates of the period, or choose All dates.</source>
            <translation>Укажите обе даты периода или выберите «Все даты».</translation>
        </message>
        <message>
            <source>The period ends before it starts; choose the dates again.</source>
            <translation>Период заканчивается раньше, чем начинается; выберите даты заново.</translation>
        </message>
        <message>
            <source>Counting was cancelled; change the selection to count again.</source>
            <translation>Подсчёт отменён; измените выборку, чтобы подсчитать заново.</translation>
        </message>
        <message>
            <source>%1 dialogues, %2 delegations, %3 participants (%4 women, %5 men, %6 not recorded)</source>
            <translation>Диалогов: %1, делегаций: %2, участников: %3 (женщин: %4, мужчин: %5, пол не указан: %6)</translation>
        </message>
        <message>
            <source>No dialogues match the selection.</source>
            <translation>Нет диалогов, отвечающих условиям отбора.</translation>
        </message>
        <message>
            <source>The per-dialogue annex will be left out: more than %1 dialogues are selected.</source>
            <translation>Приложение по отдельным диалогам будет опущено: выбрано больше %1 диалогов.</translation>
        </message>
        <message>
            <source>Export the report</source>
            <translation>Экспорт отчёта</translation>
        </message>
        <message>
            <source>Counting the selected dialogues…</source>
            <translation>Подсчёт выбранных диалогов…</translation>
        </message>
        <message>
            <source>All parties</source>
            <translation>Все стороны</translation>
        </message>
        <message>
            <source>Writing %1…</source>
            <translation>Запись %1…</translation>
        </message>
        <message>
            <source>The export was cancelled; no file was written.</source>
            <translation>Экспорт отменён; файл не записан.</translation>
        </message>
        <message>
            <source>Saved to %1</source>
            <translation>Сохранено: %1</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Automatic (daily)</source>
            <translation>Автоматическая (ежедневная)</translation>
        </message>
        <message>
            <source>Backed up by hand</source>
            <translation>Сделана вручную</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>Перед восстановлением</translation>
        </message>
        <message>
            <source>Damaged file set aside</source>
            <translation>Повреждённый файл, отложен</translation>
        </message>
        <message>
            <source>Before an upgrade</source>
            <translation>Перед обновлением</translation>
        </message>
        <message>
            <source>{0}, kept apart from the daily rotation</source>
            <translation>{0}, хранится отдельно от ежедневной смены копий</translation>
        </message>
        <message>
            <source>{0}, dated in the future (the clock was wrong)</source>
            <translation>{0}, дата в будущем (часы были неверны)</translation>
        </message>
        <message>
            <source>Restore from backup</source>
            <translation>Восстановление из резервной копии</translation>
        </message>
        <message>
            <source>Choose the backup to go back to. The database as it is now is kept as a backup first, so a restore can itself be undone.
Backups are kept in {folder}.</source>
            <translation>Выберите резервную копию, к которой нужно вернуться. Текущая база данных сначала сохраняется как резервная копия, так что восстановление можно отменить.
Резервные копии хранятся в {folder}.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Dialogues</source>
            <translation>Диалоги</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <source>There are no backups of this database yet.</source>
            <translation>Резервных копий этой базы данных пока нет.</translation>
        </message>
        <message>
            <source>Restore selected…</source>
            <translation>Восстановить выбранную…</translation>
        </message>
        <message>
            <source>Restore from a file…</source>
            <translation>Восстановить из файла…</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Создать резервную копию</translation>
        </message>
        <message>
            <source>Can be restored</source>
            <translation>Можно восстановить</translation>
        </message>
        <message>
            <source>Cannot be restored: {0}</source>
            <translation>Нельзя восстановить: {0}</translation>
        </message>
        <message>
            <source>Restore from a file</source>
            <translation>Восстановление из файла</translation>
        </message>
        <message>
            <source>Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Базы данных Реестра диалогов (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Replace the database with the backup of {0}?
The database as it is now is kept as a backup first.</source>
            <translation>Заменить базу данных резервной копией от {0}?
Текущая база данных сначала будет сохранена как резервная копия.</translation>
        </message>
        <message>
            <source>Backup written to {0}.</source>
            <translation>Резервная копия записана: {0}.</translation>
        </message>
        <message>
            <source>Writing the backup…</source>
            <translation>Запись резервной копии…</translation>
        </message>
    </context>
    <context>
        <name>SameName</name>
        <message>
            <source>“%1” is already in the register as %2. Save another person of that name?

Two people may share a name; two records of one person are joined with Merge on the People page.</source>
            <translation>«%1» уже есть в реестре: %2. Сохранить ещё одного человека с этим именем?

Имя может быть у двух людей; две записи одного человека объединяются кнопкой «Объединить» на странице «Люди».</translation>
        </message>
        <message>
            <source>“%1” is already in the register as %2. Save another institution of that name?

Two records of one institution are joined with Merge on the Institutions page.</source>
            <translation>«%1» уже есть в реестре: %2. Сохранить ещё одно учреждение с этим названием?

Две записи одного учреждения объединяются кнопкой «Объединить» на странице «Учреждения».</translation>
        </message>
        <message>
            <source>the upper row</source>
            <translation>верхняя строка</translation>
        </message>
        <message>
            <source>the lower row</source>
            <translation>нижняя строка</translation>
        </message>
    </context>
    <context>
        <name>SaveNames</name>
        <message>
            <source>%1 already exists. Replace it?</source>
            <translation>%1 уже существует. Заменить его?</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Настройки</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Язык системы</translation>
        </message>
        <message>
            <source>Language takes effect on restart.</source>
            <translation>Язык вступит в силу после перезапуска.</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Обзор…</translation>
        </message>
        <message>
            <source>Opened when the program starts; leave empty for the standard place.</source>
            <translation>Открывается при запуске программы; оставьте пустым для стандартного места.</translation>
        </message>
        <message>
            <source> backups</source>
            <translation> копий</translation>
        </message>
        <message>
            <source> months</source>
            <translation> мес.</translation>
        </message>
        <message>
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> МБ</translation>
        </message>
        <message>
            <source>Import refuses a bundle larger than this before reading it.</source>
            <translation>Импорт отказывается от пакета больше этого размера, не читая его.</translation>
        </message>
        <message>
            <source>PDF document (.pdf)</source>
            <translation>Документ PDF (.pdf)</translation>
        </message>
        <message>
            <source>Word document (.docx)</source>
            <translation>Документ Word (.docx)</translation>
        </message>
        <message>
            <source>Excel workbook (.xlsx)</source>
            <translation>Книга Excel (.xlsx)</translation>
        </message>
        <message>
            <source>Web page (.html)</source>
            <translation>Веб-страница (.html)</translation>
        </message>
        <message>
            <source>Final records only (leave out drafts)</source>
            <translation>Только окончательные записи (без черновиков)</translation>
        </message>
        <message>
            <source>Recorded with every change you make; it travels with the records.</source>
            <translation>Записывается с каждым вашим изменением и передаётся вместе с записями.</translation>
        </message>
        <message>
            <source>Your name:</source>
            <translation>Ваше имя:</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Язык:</translation>
        </message>
        <message>
            <source>Database:</source>
            <translation>База данных:</translation>
        </message>
        <message>
            <source>Largest bundle to import:</source>
            <translation>Наибольший пакет для импорта:</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Общие</translation>
        </message>
        <message>
            <source>Keep the newest:</source>
            <translation>Хранить последние:</translation>
        </message>
        <message>
            <source>Plus one a month for:</source>
            <translation>И по одной в месяц за:</translation>
        </message>
        <message>
            <source>Automatic backups</source>
            <translation>Автоматические резервные копии</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>Формат:</translation>
        </message>
        <message>
            <source>Summary report defaults</source>
            <translation>Параметры сводного отчёта</translation>
        </message>
        <message>
            <source>&amp;Programme…</source>
            <translation>&amp;Программа…</translation>
        </message>
        <message>
            <source>Sender, letterhead, reference numbers and contact for documents; kept in this database.</source>
            <translation>Отправитель, шапка бланка, номера и контакты для документов; хранятся в этой базе данных.</translation>
        </message>
        <message>
            <source>Programme</source>
            <translation>Программа</translation>
        </message>
        <message>
            <source>“%1” names no home folder on this computer: give the full path, or choose it with Browse….</source>
            <translation>«%1» не называет ни одной домашней папки на этом компьютере: укажите полный путь или выберите его кнопкой «Обзор…».</translation>
        </message>
        <message>
            <source>Give the database location as a full path, or choose it with Browse….</source>
            <translation>Укажите полный путь к базе данных или выберите его кнопкой «Обзор…».</translation>
        </message>
        <message>
            <source>The database location is a folder; add a file name such as dialogues.sqlite3.</source>
            <translation>Указана папка; добавьте имя файла, например dialogues.sqlite3.</translation>
        </message>
        <message>
            <source>The database file name must end in .sqlite3, .sqlite or .db.</source>
            <translation>Имя файла базы данных должно оканчиваться на .sqlite3, .sqlite или .db.</translation>
        </message>
        <message>
            <source>The folder %1 does not exist; create it first or choose another.</source>
            <translation>Папки %1 не существует; сначала создайте её или выберите другую.</translation>
        </message>
        <message>
            <source>Give your name; it is recorded with every change you make.</source>
            <translation>Укажите своё имя: оно записывается при каждом вашем изменении.</translation>
        </message>
        <message>
            <source>“%1” takes a number from %2 to %3, not %4.</source>
            <translation>«%1» — число от %2 до %3, а не %4.</translation>
        </message>
        <message>
            <source>Database opened at start</source>
            <translation>База данных при запуске</translation>
        </message>
        <message>
            <source>Dialogue Register databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Базы данных Реестра диалогов (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
        </message>
    </context>
    <context>
        <name>SignedSheetDialog</name>
        <message>
            <source>Attendance from the signed sheet</source>
            <translation>Присутствие по подписанному листу</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Подписал(а)</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Delegation</source>
            <translation>Делегация</translation>
        </message>
        <message>
            <source>Space ticks the selected person. Those not ticked are marked absent.</source>
            <translation>Пробел отмечает выбранного человека. Неотмеченные будут записаны как отсутствовавшие.</translation>
        </message>
    </context>
    <context>
        <name>TagEntry</name>
        <message>
            <source>Separate values with ;</source>
            <translation>Значения через ;</translation>
        </message>
    </context>
    <context>
        <name>WindowClaim</name>
        <message>
            <source>The database %1 is open in another Dialogue Register window; close it there first, or open another file.</source>
            <translation>База данных %1 открыта в другом окне Dialogue Register; сначала закройте её там или откройте другой файл.</translation>
        </message>
        <message>
            <source>The database %1 is open in the Dialogue Register window of %2 on %3 (process %4); close it there first, or open another file.</source>
            <translation>База данных %1 открыта в окне Dialogue Register пользователя %2 на компьютере %3 (процесс %4); сначала закройте её там или откройте другой файл.</translation>
        </message>
    </context>
</TS>
