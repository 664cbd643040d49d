"""What the Linux folder leaves out: Qt plugins an officer's desktop never uses, the libraries only
they needed, and the libraries every desktop has and that must match the desktop's own.

Used by packaging/dialogue_register.spec (Linux only). Why not simply delete files afterwards:
PyInstaller has already collected each plugin's dependencies, so a plugin is dropped first and then
every bundled library that nothing kept still needs (its `ldd` closure) goes with it. Without this
the GTK theme plugin (libqgtk3) alone pulls in GTK, cairo, pango and their kin (~15 MB), and the VNC
and TUIO plugins pull in QtNetwork with Kerberos.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# Relative to PySide6/Qt/plugins/. The window uses xcb or wayland (offscreen and minimal for tests),
# PNG/SVG/ICO/JPEG/GIF images, the xdg portal theme, and the input-method plugins (needed for Cyrillic
# input through IBus), so those stay.
UNUSED_PLUGINS = (
    "platformthemes/libqgtk3.so",  # GTK look-alike dialogs; pulls in all of GTK 3
    "platforms/libqvnc.so", "platforms/libqlinuxfb.so", "platforms/libqminimalegl.so",
    "platforms/libqvkkhrdisplay.so", "platforms/libqeglfs.so",  # kiosks and embedded boards
    "generic/",  # evdev and TUIO input for embedded devices
    "egldeviceintegrations/",
    "imageformats/libqtiff.so", "imageformats/libqwebp.so", "imageformats/libqtga.so",
    "imageformats/libqwbmp.so", "imageformats/libqicns.so",  # the program reads none of these
    "wayland-shell-integration/libivi-shell.so", "wayland-shell-integration/libfullscreen-shell-v1.so",
    "wayland-shell-integration/libwl-shell-plugin.so", "wayland-shell-integration/libqt-shell.so",
    "wayland-graphics-integration-client/libvulkan-server.so",
    # QtNetwork is kept for the local socket of one window per database; it never goes on the network,
    # so neither TLS back-ends (OpenSSL) nor network-status plugins (NetworkManager, connman, GLib)
    "tls/", "networkinformation/",
)

# Part of every Linux desktop and tied to its configuration (fonts, X server, D-Bus); taken from the
# AppImage project's excludelist (github.com/AppImageCommunity/pkg2appimage/blob/master/excludelist).
# A copy from the build machine would also raise the glibc the folder needs.
HOST_LIBRARIES = (
    "libfontconfig.so.1", "libfreetype.so.6", "libharfbuzz.so.0", "libexpat.so.1", "libz.so.1",
    "libX11.so.6", "libX11-xcb.so.1", "libxcb.so.1", "libXau.so.6", "libXdmcp.so.6", "libXext.so.6",
    "libXrender.so.1", "libgcc_s.so.1", "libcom_err.so.2", "libgpg-error.so.0", "libuuid.so.1",
    "libfribidi.so.0", "libthai.so.0", "libgdk_pixbuf-2.0.so.0", "libdrm.so.2", "libgbm.so.1",
    # Not in that list, but the build machine's copy (Debian 12) alone needs glibc 2.36, while the
    # newest C++ runtime anything in the folder asks for is GLIBCXX_3.4.29 (Qt, shiboken), which
    # every system with the glibc 2.35 that libpython needs already has (Ubuntu 22.04: 3.4.30).
    "libstdc++.so.6",
)

PLUGINS_DIR = "PySide6/Qt/plugins/"


def _dest(entry: tuple) -> str:
    return str(entry[0]).replace("\\", "/")


def _is_unused_plugin(dest: str) -> bool:
    if PLUGINS_DIR not in dest:
        return False
    relative = dest.split(PLUGINS_DIR, 1)[1]
    return any(relative == name or (name.endswith("/") and relative.startswith(name)) for name in UNUSED_PLUGINS)


def _is_root(dest: str) -> bool:
    """Loaded by Python or by Qt by path (extension modules, plugins, libpython), not only as a dependency."""
    name = PurePosixPath(dest).name
    return (PLUGINS_DIR in dest or ".cpython-" in name or name.endswith(".abi3.so") or ".abi3.so." in name
            or name.startswith("libpython") or not name.startswith("lib"))


def direct_needs(path: str) -> list[str]:
    """The DT_NEEDED sonames of one ELF file (`readelf -d`; binutils is needed by PyInstaller anyway)."""
    import re
    import subprocess

    output = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=False).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", output)


def trim(binaries: Iterable[tuple], needs: Callable[[str], list[str]] | None = None,
         ) -> tuple[list[tuple], list[tuple]]:
    """Split the TOC into (kept, left out). `needs(src)` gives the sonames src links against directly.

    A library stays if a kept root needs it, directly or through other kept libraries; a left-out
    host library's own dependencies are not followed. Symlinks (PyInstaller's 'SYMLINK' entries,
    named like the library) go with the library they name.
    """
    needs = needs or direct_needs
    entries = list(binaries)
    unused = [entry for entry in entries if _is_unused_plugin(_dest(entry))]
    host = [entry for entry in entries if PurePosixPath(_dest(entry)).name in HOST_LIBRARIES]
    candidates = [entry for entry in entries if entry not in unused and entry not in host]
    files = {PurePosixPath(_dest(entry)).name: entry[1] for entry in candidates if entry[2] != "SYMLINK"}
    todo = [entry[1] for entry in candidates if _is_root(_dest(entry)) and entry[2] != "SYMLINK"]
    needed: set[str] = set()
    while todo:
        for name in needs(todo.pop()):
            if name not in needed and name not in HOST_LIBRARIES:
                needed.add(name)
                if name in files:
                    todo.append(files[name])
    kept, dropped = [], [*unused, *host]
    for entry in candidates:
        name = PurePosixPath(_dest(entry)).name
        (kept if _is_root(_dest(entry)) or name in needed else dropped).append(entry)
    return kept, dropped
