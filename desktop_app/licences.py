"""The program's licence and every third-party component it ships, for the About box and LICENSES.md.

One list in code, so the About box, LICENSES.md and pyproject's dependencies can be checked against
each other by a test: a new dependency without a licence entry fails it.
"""

from __future__ import annotations

from dataclasses import dataclass

PROGRAM_LICENCE = "MIT"


@dataclass(frozen=True)
class Component:
    name: str
    purpose: str
    licence: str
    url: str
    distribution: str = ""  # the PyPI name when it differs from `name`; "" for non-Python parts


COMPONENTS: tuple[Component, ...] = (
    Component("Qt / PySide6", "windows, dialogs, PDF printing", "LGPL-3.0-only",
              "https://www.qt.io/qt-licensing", "PySide6-Essentials"),
    Component("Shiboken6", "Qt's Python binding generator (part of PySide6)", "LGPL-3.0-only",
              "https://wiki.qt.io/Qt_for_Python", "shiboken6"),
    Component("SQLAlchemy", "database access", "MIT", "https://www.sqlalchemy.org", "SQLAlchemy"),
    Component("Alembic", "database upgrades", "MIT", "https://alembic.sqlalchemy.org", "alembic"),
    Component("Mako", "templates used by Alembic", "MIT", "https://www.makotemplates.org", "Mako"),
    Component("MarkupSafe", "used by Mako", "BSD-3-Clause", "https://palletsprojects.com/p/markupsafe/",
              "MarkupSafe"),
    Component("typing_extensions", "used by SQLAlchemy", "PSF-2.0",
              "https://github.com/python/typing_extensions", "typing_extensions"),
    Component("platformdirs", "where data and logs are kept", "MIT", "https://github.com/tox-dev/platformdirs",
              "platformdirs"),
    Component("jsonschema", "checking exchange bundles", "MIT", "https://github.com/python-jsonschema/jsonschema",
              "jsonschema"),
    Component("jsonschema-specifications, referencing, rpds-py, attrs", "used by jsonschema", "MIT",
              "https://github.com/python-jsonschema", "referencing"),
    Component("fastjsonschema", "fast checking of valid bundles", "BSD-3-Clause",
              "https://github.com/horejsek/python-fastjsonschema", "fastjsonschema"),
    Component("jsonschema-rs", "faster checking of valid bundles", "MIT",
              "https://github.com/Stranger6667/jsonschema", "jsonschema-rs"),
    Component("openpyxl", "Excel reports and spreadsheet import", "MIT", "https://openpyxl.readthedocs.io",
              "openpyxl"),
    Component("et_xmlfile", "used by openpyxl", "MIT", "https://foss.heptapod.net/openpyxl/et_xmlfile",
              "et_xmlfile"),
    Component("python-docx", "Word reports", "MIT", "https://github.com/python-openxml/python-docx",
              "python-docx"),
    Component("lxml", "used by python-docx", "BSD-3-Clause", "https://lxml.de", "lxml"),
    Component("anyascii", "matching names across scripts", "ISC", "https://github.com/anyascii/anyascii",
              "anyascii"),
    Component("RapidFuzz", "finding likely duplicate people", "MIT", "https://github.com/rapidfuzz/RapidFuzz",
              "rapidfuzz"),
    Component("charset-normalizer", "recognising the encoding of registration lists", "MIT",
              "https://github.com/jawah/charset_normalizer", "charset-normalizer"),
    Component("Tabler Icons", "toolbar and menu icons", "MIT", "https://tabler.io/icons"),
    Component("Country names (Debian iso-codes, via pycountry)", "country names in English and Russian",
              "LGPL-2.1-or-later", "https://salsa.debian.org/iso-codes-team/iso-codes"),
    Component("Python", "the language the program runs in (bundled in the installed app)", "PSF-2.0",
              "https://docs.python.org/3/license.html"),
    Component("PyInstaller bootloader", "starts the installed app", "GPL-2.0-or-later WITH Bootloader-exception",
              "https://pyinstaller.org/en/stable/license.html"),
    Component("SQLite", "the database engine (bundled with Python)", "Public domain",
              "https://www.sqlite.org/copyright.html"),
)
