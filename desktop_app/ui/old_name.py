"""A renamed person's or institution's old name, kept in its dialog's other names field.

Correcting "Aigerim Zhumabaeva" to "Aigerim Zhumabayeva" replaced the name and forgot the old one, so
the next registration list or a colleague's record still naming her the old way no longer found her
(round 17). As the name is typed over, the old one is put in the other spellings / other names field
(`kept_old_name`: not when only case, spaces or ё/е differ, nor when it is there already) and one line
says so; the officer may delete it from the field before saving, and it is then not put back. A
spelling the name is typed as (`written_alike`) leaves the field while it is the name: the name and a
spelling swapped keep each once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

SPELLING_SEPARATOR = ";"  # the other spellings / other names field holds them separated by it


def split_spellings(text: str, whole: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The names typed in an other spellings / other names field, each once, in the order typed.

    `whole`: the record's stored names. One holding the separator (from a registration list or a
    bundle) is read as one name where the field still has it as it was, between separators; a part
    of it edited is read as typed (round 17: any edit of the field split it into two names)."""
    held = sorted((n for n in whole if SPELLING_SEPARATOR in n), key=len, reverse=True)
    parts: list[str] = []
    at = 0
    while at < len(text):
        if text[at] == SPELLING_SEPARATOR or text[at].isspace():
            at += 1
            continue
        for name in held:
            end = at + len(name)
            if text.startswith(name, at) and text[end:].lstrip()[:1] in ("", SPELLING_SEPARATOR):
                break
        else:
            found = text.find(SPELLING_SEPARATOR, at)
            end = len(text) if found < 0 else found
        parts.append(text[at:end].strip())
        at = end
    return tuple(dict.fromkeys(part for part in parts if part))


class OldNameKept:
    """Keeps `old` in `others` while the name typed in `name` differs from it, with `note` saying so.
    `also`: another field naming the record (an institution's acronym for its name, its name for its
    acronym), whose text is not kept twice. `whole`: the record's stored other names."""

    def __init__(self, old: str, name: QLineEdit, others: QLineEdit, note: QLabel, message: str,
                 limit: str, also: QLineEdit | None = None, whole: tuple[str, ...] = ()) -> None:
        self._old = old
        self._whole = (*whole, old)  # the record's names, read whole from the field (`split_spellings`)
        self._name = name
        self._others = others
        self._note = note
        self._message = message
        self._limit = limit
        self._also = also
        self.added = False  # the old name is in the field because of the rename
        self.refused = False  # the officer deleted it from the field: not put back
        self._taken: tuple[str, ...] = ()  # spellings out of the field while the name is written as they are
        note.hide()
        if old:  # a new record has no old name
            name.textEdited.connect(self._follow)
            others.textEdited.connect(self._others_edited)
            if also is not None:
                also.textEdited.connect(lambda _text: self._follow(self._name.text()))

    def _follow(self, typed: str) -> None:
        from desktop_app.domain.names import written_alike  # the rules follow the first paint
        from desktop_app.domain.validation import kept_old_name

        shown = split_spellings(self._others.text(), self._whole)
        key = written_alike(typed)
        renamed = key != written_alike(self._old)  # not renamed: a spelling written as the name stays

        def written_as_name(name: str) -> bool:
            return renamed and written_alike(name) == key

        # a spelling the name is now written as leaves the field (the name and a spelling swapped: round
        # 17, the Latin stayed a spelling of itself); it comes back when the name is typed otherwise
        # (the old name this put in the field is not one: it goes when the name is written as it again)
        back = tuple(n for n in self._taken if not written_as_name(n))
        mine = (self._old,) if self.added else ()
        self._taken = tuple(dict.fromkeys(
            n for n in (*self._taken, *shown) if written_as_name(n) and n not in mine))
        names = tuple(n for n in (*shown, *back) if not written_as_name(n) or n in mine)
        others = tuple(n for n in names if n not in mine)
        known = (*others, self._also.text()) if self._also is not None else others
        kept = None if self.refused else kept_old_name(self._old, typed, known, self._limit)
        if kept is None:
            names = others
        elif not self.added:
            names = (*others, kept)
        if names != shown:
            self._others.setText(f"{SPELLING_SEPARATOR} ".join(names))
        if kept is not None and not self.added:
            self._note.setText(self._message.replace("%1", kept))
            self._note.show()
        elif kept is None and self.added:
            self._note.hide()
        self.added = kept is not None

    def _others_edited(self, _text: str) -> None:
        if self.added and self._old not in split_spellings(self._others.text(), self._whole):  # as kept on one line
            self.added = False
            self.refused = True
            self._note.hide()
