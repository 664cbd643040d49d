"""Running a command as an officer would, when the tests run as root (containers, CI)."""

from __future__ import annotations

import os
import shutil

import pytest


def without_root_powers(command: list[str]) -> list[str]:
    """root reads and writes anywhere whatever the modes: drop the capabilities that let it (an officer
    has none), so read-only files and folders are read-only for the command too."""
    if os.geteuid() != 0:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: a read-only file or folder cannot be made")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", *command]
