"""The PyInstaller spec leaves out no Qt module the program imports (issue 20, round 3).

The spec excluded PySide6.QtNetwork while the window had come to need it (the local socket of one
window per database), and the built window did not start at all; only a full build and
`make package-test` showed it. This reads the spec's `excludes` and the program's imports, so
`make test` finds the next one in a second.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "dialogue_register.spec"


def spec_excludes() -> set[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "excludes" for t in node.targets):
            return {element.value for element in node.value.elts  # type: ignore[attr-defined]
                    if isinstance(element, ast.Constant) and isinstance(element.value, str)}
    raise AssertionError("the spec has no `excludes = [...]`")


def program_imports() -> dict[str, set[str]]:
    """Top-level modules (and PySide6 submodules) imported anywhere in desktop_app -> the files."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "desktop_app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level
                     else [])
            for name in names:
                parts = name.split(".")
                key = ".".join(parts[:2]) if parts[0] == "PySide6" and len(parts) > 1 else parts[0]
                found.setdefault(key, set()).add(str(path.relative_to(ROOT)))
    return found


def test_the_spec_excludes_nothing_the_program_imports() -> None:
    excludes = spec_excludes()
    assert "PySide6.QtQml" in excludes  # the reading works
    imported = program_imports()
    assert "PySide6.QtWidgets" in imported and "PySide6.QtNetwork" in imported
    wrongly = {name: sorted(files) for name, files in imported.items() if name in excludes}
    assert wrongly == {}


def test_the_trim_keeps_what_the_window_s_socket_needs() -> None:
    """QtNetwork's module and library are roots the trim keeps; only its TLS/network plugins go."""
    import sys

    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from trim_linux import trim
    finally:
        sys.path.pop(0)
    binaries = [("PySide6/QtNetwork.abi3.so", "/src/QtNetwork.abi3.so", "EXTENSION"),
                ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
                ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "/src/libqopensslbackend.so", "BINARY"),
                ("PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", "/src/libqnm.so", "BINARY")]
    needs = {"/src/QtNetwork.abi3.so": ["libQt6Network.so.6"]}
    kept, dropped = trim(binaries, lambda src: needs.get(src, []))
    assert [entry[0] for entry in kept] == ["PySide6/QtNetwork.abi3.so", "PySide6/Qt/lib/libQt6Network.so.6"]
    assert all(re.search(r"/(tls|networkinformation)/", entry[0]) for entry in dropped)
