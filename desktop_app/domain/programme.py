"""The programme's own details: who the documents and reports come from.

They belong to the programme, not to one officer's settings (report contract v2, `document`), so
they live in the database and every officer working on the same file prints the same letterhead.
Every field may be empty: a new database has no programme yet, and documents then leave it out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProgrammeDetails:
    name: str = ""  # e.g. "Central Asia Drug Action Programme (CADAP 7)"
    # who presents its compliments in a Note Verbale, e.g. "The Delegation of the European Union to Kazakhstan"
    sender: str = ""
    letterhead: str = ""  # lines printed at the head of documents, one per line
    reference_pattern: str = ""  # e.g. "CADAP/{year}/{number}"; empty: no reference number
    contact: str = ""  # lines for replies: name, e-mail, telephone, one per line
    disclaimer: str = ""  # one line under reports, e.g. "This report was produced with the support of the EU."
    logo: bytes | None = None  # a PNG or JPEG the officer chose; never shipped by the program
    logo_type: str | None = None  # "image/png" or "image/jpeg"

    @property
    def is_empty(self) -> bool:
        return not any((self.name, self.sender, self.letterhead, self.reference_pattern, self.contact,
                        self.disclaimer, self.logo))
