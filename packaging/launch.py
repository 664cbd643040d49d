"""The frozen program's entry point: the same `main` as the `dialogue-register` console script.

With no command it opens the window; with a command it is the command line of the contract.
"""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
