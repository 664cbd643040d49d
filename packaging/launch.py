"""The frozen program's entry point: the same `main` as the `dialogue-register` console script.

With no command it opens the window; with a command it is the command line of the contract.
"""

import os
import sys

from desktop_app.cli import main

if __name__ == "__main__":
    # The windowed Windows executable (DialogueRegister.exe) has no console: sys.stdout and
    # sys.stderr are None there, and a print would crash it. Output goes nowhere instead; the
    # console twin dialogue-register.exe is the one for the command line.
    for stream in ("stdout", "stderr"):
        if getattr(sys, stream) is None:
            setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the program
    sys.exit(main())
