"""Where the files shipped beside the code live: in a wheel or a frozen app they sit inside the
package (`desktop_app/resources`), in a source checkout at the top level (`resources/`)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "resources", here.parent / "resources"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "resources")
    for candidate in candidates:
        if (candidate / "reference").is_dir():
            return candidate
    raise FileNotFoundError("the program's resources folder is missing; reinstall the program")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
