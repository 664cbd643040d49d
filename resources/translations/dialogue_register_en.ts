<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>ConflictsDialog</name>
        <message numerus="yes">
            <source>%n fields</source>
            <translation>
                <numerusform>%n field</numerusform>
                <numerusform>%n fields</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DialogueEditor</name>
        <message numerus="yes">
            <source> (and %n more)</source>
            <translation>
                <numerusform> (and %n more)</numerusform>
                <numerusform> (and %n more)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message numerus="yes">
            <source>%n pair(s) of people look like one person written differently.</source>
            <translation>
                <numerusform>%n pair of people looks like one person written differently.</numerusform>
                <numerusform>%n pairs of people look like one person written differently.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message numerus="yes">
            <source>%n record(s) were edited both here and by the sender since you last exchanged them. Ours will not be overwritten: after the import you choose, field by field, what to keep.</source>
            <translation>
                <numerusform>%n record was edited both here and by the sender since you last exchanged it. Ours will not be overwritten: after the import you choose, field by field, what to keep.</numerusform>
                <numerusform>%n records were edited both here and by the sender since you last exchanged them. Ours will not be overwritten: after the import you choose, field by field, what to keep.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%n conflicts wait</source>
            <translation>
                <numerusform>%n conflict waits</numerusform>
                <numerusform>%n conflicts wait</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Moved %n dialogues to the trash (Ctrl+Z puts them back).</source>
            <translation>
                <numerusform>Moved %n dialogue to the trash (Ctrl+Z puts it back).</numerusform>
                <numerusform>Moved %n dialogues to the trash (Ctrl+Z puts them back).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Put %n dialogues back in the list.</source>
            <translation>
                <numerusform>Put %n dialogue back in the list.</numerusform>
                <numerusform>Put %n dialogues back in the list.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete these %n dialogues for good? This cannot be undone.</source>
            <translation>
                <numerusform>Delete this %n dialogue for good? This cannot be undone.</numerusform>
                <numerusform>Delete these %n dialogues for good? This cannot be undone.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message numerus="yes">
            <source>%n dialogues</source>
            <translation>
                <numerusform>%n dialogue</numerusform>
                <numerusform>%n dialogues</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n people</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n institutions</source>
            <translation>
                <numerusform>%n institution</numerusform>
                <numerusform>%n institutions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n records</source>
            <translation>
                <numerusform>%n record</numerusform>
                <numerusform>%n records</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n fields</source>
            <translation>
                <numerusform>%n field</numerusform>
                <numerusform>%n fields</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n participants</source>
            <translation>
                <numerusform>%n participant</numerusform>
                <numerusform>%n participants</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new people</source>
            <translation>
                <numerusform>%n new person</numerusform>
                <numerusform>%n new people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new delegations</source>
            <translation>
                <numerusform>%n new delegation</numerusform>
                <numerusform>%n new delegations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new institutions</source>
            <translation>
                <numerusform>%n new institution</numerusform>
                <numerusform>%n new institutions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rows</source>
            <translation>
                <numerusform>%n row</numerusform>
                <numerusform>%n rows</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PeopleView</name>
        <message numerus="yes">
            <source>%n meeting(s)</source>
            <translation>
                <numerusform>%n meeting</numerusform>
                <numerusform>%n meetings</numerusform>
            </translation>
        </message>
    </context>
</TS>
