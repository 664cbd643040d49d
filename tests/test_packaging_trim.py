"""What the Linux folder leaves out (packaging/trim_linux.py), on a made-up table of contents.

The real folder is checked by packaging/test_built_app.py after `make package`; this checks the rule
itself in `make test`: a dropped plugin takes the libraries only it needed, a library still needed by
anything kept stays, host libraries go, and symlinks follow their library.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "packaging"))
from trim_linux import trim

P = "PySide6/Qt/plugins/"
NEEDS = {
    "/src/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
    "/src/libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
    "/src/libcairo.so.2": ["libpng16.so.16"],
    "/src/libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6"],
    "/src/libQt6XcbQpa.so.6": ["libxcb-cursor.so.0", "libX11.so.6"],
    "/src/libQt6Gui.so.6": ["libQt6Core.so.6", "libfreetype.so.6"],
    "/src/libQt6Core.so.6": ["libglib-2.0.so.0", "libicuuc.so.73"],
    "/src/libfreetype.so.6": ["libbrotlidec.so.1"],
    "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
    "/src/libqvnc.so": ["libQt6Network.so.6"],
    "/src/libQt6Network.so.6": ["libgssapi_krb5.so.2"],
}
TOC = [
    (f"{P}platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
    (f"{P}platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    (f"{P}platforms/libqvnc.so", "/src/libqvnc.so", "BINARY"),
    ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
    *[(name, f"/src/{name}", "BINARY") for name in (
        "libgtk-3.so.0", "libcairo.so.2", "libpng16.so.16", "libQt6XcbQpa.so.6", "libxcb-cursor.so.0",
        "libX11.so.6", "libQt6Gui.so.6", "libQt6Core.so.6", "libglib-2.0.so.0", "libicuuc.so.73",
        "libfreetype.so.6", "libbrotlidec.so.1", "libQt6Network.so.6", "libgssapi_krb5.so.2")],
    ("../libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),  # the top-level link
]


def names(entries: list[tuple]) -> set[str]:
    return {Path(entry[0]).name for entry in entries}


def test_a_dropped_plugin_takes_only_what_nothing_else_needs() -> None:
    kept, dropped = trim(TOC, needs=lambda path: NEEDS.get(path, []))
    assert {"libqgtk3.so", "libgtk-3.so.0", "libcairo.so.2", "libpng16.so.16", "libqvnc.so",
            "libQt6Network.so.6", "libgssapi_krb5.so.2"} <= names(dropped)
    assert "libglib-2.0.so.0" in names(kept)  # GTK needed it, and so does QtCore
    assert {"libqxcb.so", "QtGui.abi3.so", "libQt6XcbQpa.so.6", "libxcb-cursor.so.0", "libQt6Gui.so.6",
            "libQt6Core.so.6", "libicuuc.so.73"} <= names(kept)


def test_host_libraries_go_and_their_own_dependencies_are_not_followed() -> None:
    kept, dropped = trim(TOC, needs=lambda path: NEEDS.get(path, []))
    assert {"libX11.so.6", "libfreetype.so.6"} <= names(dropped)
    assert "libbrotlidec.so.1" in names(dropped)  # only the (dropped) system freetype wanted it
    assert not names(kept) & names(dropped)
    assert len(kept) + len(dropped) == len(TOC)


def test_a_symlink_goes_with_its_library() -> None:
    _kept, dropped = trim(TOC, needs=lambda path: NEEDS.get(path, []))
    assert sum(Path(entry[0]).name == "libQt6Network.so.6" for entry in dropped) == 2
