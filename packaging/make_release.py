"""`make release`: the archive of the built folder for this system, its SHA-256 file, and a check of both.

    dist/DialogueRegister-<version>-<system>-<machine>.tar.gz   (.zip on Windows and macOS)
    dist/DialogueRegister-<version>-<system>-<machine>.tar.gz.sha256   (`sha256sum -c` reads it)

Inside, the folder is named DialogueRegister-<version>/ so two versions can be unpacked side by side.
The archive is verified before it is reported: the checksum file is re-read and compared, the archive
is unpacked into a temporary folder, and the unpacked program must answer `--version` with this version.
"""

from __future__ import annotations

import hashlib
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from desktop_app import __version__  # noqa: E402

DIST = ROOT / "dist"
# `make release-old-base`: the Debian 11 build (dist/old-base/DialogueRegister), its archive named
# …-linux-x86_64-glibc2.31.tar.gz so that nobody mistakes it for the build of this machine.
FOLDER = Path(os.environ.get("DR_BUILT_APP") or DIST / "DialogueRegister").absolute()
TAG = os.environ.get("DR_RELEASE_TAG", "")


def archive_name() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    suffix = ".tar.gz" if sys.platform.startswith("linux") else ".zip"
    tag = f"-{TAG}" if TAG else ""
    return f"DialogueRegister-{__version__}-{system}-{machine}{tag}{suffix}"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_archive(target: Path) -> None:
    top = f"DialogueRegister-{__version__}"
    if target.name.endswith(".tar.gz"):
        def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            return info

        with tarfile.open(target, "w:gz", compresslevel=9) as archive:  # keeps symlinks and the exec bits
            archive.add(FOLDER, arcname=top, filter=normalise)
    else:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(FOLDER.rglob("*")):
                archive.write(path, f"{top}/{path.relative_to(FOLDER).as_posix()}")


def verify(target: Path, checksum: Path) -> None:
    expected, name = checksum.read_text(encoding="utf-8").split()
    if name.lstrip("*") != target.name or expected != sha256(target):
        raise SystemExit(f"{checksum.name} does not match {target.name}")
    with tempfile.TemporaryDirectory() as scratch:
        if target.name.endswith(".tar.gz"):
            with tarfile.open(target) as archive:
                archive.extractall(scratch, filter="tar")
        else:
            with zipfile.ZipFile(target) as archive:
                archive.extractall(scratch)
        program = Path(scratch) / f"DialogueRegister-{__version__}" / (
            "dialogue-register.exe" if sys.platform == "win32" else "dialogue-register")
        if sys.platform == "darwin":
            program.chmod(0o755)  # zip drops the mode bits on some unpackers
        answer = subprocess.run([str(program), "--version"], capture_output=True, text=True, timeout=120, check=False)
        if answer.stdout.strip() != f"dialogue-register {__version__}":
            raise SystemExit(f"the unpacked program answered {answer.stdout!r} {answer.stderr!r}")


def main() -> int:
    if not (FOLDER / ("DialogueRegister.exe" if sys.platform == "win32" else "DialogueRegister")).exists():
        raise SystemExit(f"{FOLDER} is missing: run `make package` first")
    target = DIST / archive_name()
    checksum = target.with_name(target.name + ".sha256")
    write_archive(target)
    checksum.write_text(f"{sha256(target)}  {target.name}\n", encoding="utf-8")
    verify(target, checksum)
    size = target.stat().st_size / 1e6
    print(f"{target.relative_to(ROOT)} ({size:.0f} MB) and {checksum.name}: verified, "
          f"the unpacked program answers dialogue-register {__version__}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
