"""Collect the licence texts of everything the built folder ships into its `licenses/` folder.

Called by packaging/dialogue_register.spec after the folder is assembled. Why at build time: the
texts must match the exact versions that were bundled (their `*.dist-info` folders), and LICENSES.md
promises that they travel with the program. Qt/PySide6 wheels carry no licence file, so the LGPL-3.0
text (and the GPL-3.0 it builds on) are kept in packaging/licenses/. On Debian-like build machines the
copyright files of the system libraries PyInstaller bundled are added from /usr/share/doc.

`licenses/INDEX.txt` lists each component, its version, its licence and its files; the package test
(packaging/test_built_app.py) checks it against the runtime dependencies.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PROJECT = "dialogue-register"
LICENCE_NAME = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)
# Texts the wheels do not carry: Qt for Python is LGPL-3.0-only here, which incorporates the GPL-3.0.
QT_TEXTS = (HERE / "licenses" / "LGPL-3.0.txt", HERE / "licenses" / "GPL-3.0.txt")
QT_DISTRIBUTIONS = {"pyside6-essentials", "shiboken6", "pyside6"}


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(top: str = PROJECT) -> list[metadata.Distribution]:
    """The installed distributions the program needs at run time: its dependencies, recursively, no extras."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [top]
    while todo:
        name = _key(todo.pop())
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional or platform-specific dependency not installed here
        seen[name] = dist
        for requirement in dist.requires or []:
            if "extra ==" in requirement:
                continue
            marker_free = requirement.split(";")[0]
            todo.append(re.split(r"[\s<>=!~\[(]", marker_free.strip(), maxsplit=1)[0])
    seen.pop(_key(top), None)
    return sorted(seen.values(), key=lambda d: _key(d.metadata["Name"]))


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 80:
        return text
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return "; ".join(classifiers) or "see the files"


def _licence_files(dist: metadata.Distribution) -> list[Path]:
    found = []
    for entry in dist.files or []:
        text = str(entry).replace("\\", "/")
        if ".dist-info/" in text and LICENCE_NAME.search(text) and not text.endswith((".json", "RECORD")):
            path = Path(str(dist.locate_file(entry)))
            if path.is_file():
                found.append(path)
    return found


def _copy(sources: Iterable[Path], target: Path) -> list[str]:
    target.mkdir(parents=True, exist_ok=True)
    names = []
    for source in sources:
        shutil.copy2(source, target / source.name)
        names.append(source.name)
    return names


def _python_licence() -> Path | None:
    short = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    for candidate in (Path(sys.base_prefix) / "lib" / short / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt",
                      Path("/usr/lib") / short / "LICENSE.txt"):
        if candidate.is_file():
            return candidate
    return None


def _debian_copyright_files(binaries: Iterable[str]) -> dict[str, Path]:
    """Package name -> /usr/share/doc/<package>/copyright for system libraries that were bundled."""
    if shutil.which("dpkg-query") is None:
        return {}
    system = [path for path in binaries if path.startswith(("/usr/lib", "/lib"))
              and "site-packages" not in path and "dist-packages" not in path]
    packages: dict[str, Path] = {}
    for path in system:
        owner = subprocess.run(["dpkg-query", "-S", str(Path(path).resolve())], capture_output=True, text=True,
                               check=False)
        if owner.returncode != 0:
            owner = subprocess.run(["dpkg-query", "-S", path], capture_output=True, text=True, check=False)
        if owner.returncode != 0:
            continue
        package = owner.stdout.split(":", 1)[0].strip()
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            packages[package] = copyright_file
    return packages


def collect(folder: Path, binaries: Iterable[str] = ()) -> Path:
    """Write folder/licenses/ and return it. `binaries` are the source paths of the bundled libraries."""
    target = folder / "licenses"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    lines = ["Licences of Dialogue Register and of everything this folder ships.",
             "Dialogue Register itself: MIT, see LICENSE.txt here and LICENSES.md.", "",
             "component | version | licence | files (in this folder)"]
    shutil.copy2(ROOT / "LICENSE", target / "LICENSE.txt")
    for dist in runtime_distributions():
        name, version = dist.metadata["Name"], dist.version
        files = _licence_files(dist)
        if _key(name) in QT_DISTRIBUTIONS:
            files += list(QT_TEXTS)
        copied = _copy(files, target / f"{_key(name)}-{version}") if files else []
        lines.append(f"{name} | {version} | {_licence_of(dist)} | "
                     + (", ".join(f"{_key(name)}-{version}/{file}" for file in copied) or "NONE FOUND"))
    python_text = _python_licence()
    python_version = ".".join(map(str, sys.version_info[:3]))
    if python_text:
        _copy([python_text], target / f"python-{python_version}")
    lines.append(f"Python | {python_version} | PSF-2.0 | "
                 + (f"python-{python_version}/{python_text.name}" if python_text else "NONE FOUND"))
    try:
        installer = metadata.distribution("pyinstaller")
        copied = _copy(_licence_files(installer), target / f"pyinstaller-{installer.version}")
        lines.append(f"PyInstaller bootloader | {installer.version} | GPL-2.0-or-later WITH Bootloader-exception | "
                     + ", ".join(f"pyinstaller-{installer.version}/{file}" for file in copied))
    except metadata.PackageNotFoundError:
        pass
    lines.append("Tabler Icons | - | MIT | ../_internal/resources/icons/toolbar/LICENSE-tabler-icons.txt")
    system = _debian_copyright_files(binaries)
    if system:
        lines += ["", "System libraries bundled from the build machine (Debian copyright files):"]
        for package, copyright_file in sorted(system.items()):
            (target / "system").mkdir(exist_ok=True)
            shutil.copy2(copyright_file, target / "system" / f"{package}.copyright")
            lines.append(f"{package} | - | see file | system/{package}.copyright")
    (target / "INDEX.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    print(collect(Path(sys.argv[1])))
