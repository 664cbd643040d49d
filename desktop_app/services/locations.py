"""Is the database in a place where SQLite's locking cannot be trusted? Warn, don't refuse.

Cloud-sync clients (OneDrive, Dropbox, Google Drive, iCloud) copy the file while it is being written
and may replace it with a conflicting copy; network file systems (NFS, SMB/CIFS, SSHFS) do not give
SQLite the shared memory and locks WAL depends on. Either can lose saves, so the officer is told.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.texts import Text

CLOUD_FOLDERS = ("onedrive", "dropbox", "google drive", "googledrive", "my drive", "icloud", "icloud drive",
                 "mobile documents", "nextcloud", "owncloud", "box sync", "yandex.disk", "yandexdisk", "mega")
NETWORK_FILE_SYSTEMS = ("nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "fuse.sshfs", "sshfs", "9p", "afs",
                        "fuse.rclone", "fuse.gvfsd-fuse", "davfs", "fuse.davfs2", "ncpfs", "glusterfs",
                        "fuse.glusterfs", "ceph", "lustre")
MOUNTS_FILE = Path("/proc/mounts")


def location_warning(database_path: Path, mounts_file: Path = MOUNTS_FILE) -> str | None:
    """One sentence if the database lies in a cloud-synced or network folder, else None."""
    path = Path(database_path).expanduser().absolute()
    for part in path.parts[:-1]:
        lowered = part.lower()
        if any(lowered == name or lowered.startswith(name + " ") or lowered.startswith(name + "-")
               or lowered.startswith(name + "_") for name in CLOUD_FOLDERS):
            return Text("The database is in a cloud-synced folder (%1); syncing can lose recent saves, so keep "
                        "it in a local folder and sync exported bundles or backups instead.", part)
    if str(path).startswith("\\\\") or str(path).startswith("//"):
        return Text("The database is on a network share; saves can be lost there, so keep it on this "
                    "computer's own disk.")
    file_system = file_system_of(path, mounts_file)
    if file_system and file_system.lower() in NETWORK_FILE_SYSTEMS:
        return Text("The database is on a network file system (%1); saves can be lost there, so keep it "
                    "on this computer's own disk.", file_system)
    return None


def file_system_of(path: Path, mounts_file: Path = MOUNTS_FILE) -> str | None:
    """The type of the mount holding `path`, from a /proc/mounts-style table (Linux); None elsewhere."""
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[int, str] | None = None
    text = str(path)
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        inside = text == mount_point or text.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fields[2])
    return best[1] if best else None
