"""Frozen entry point of the window (kilabel-gui). Spawned export workers re-enter here first.

On Linux the bundle's `kilabel` is a symbolic link to this program: called by that name, it is
the command line (which never imports Qt).
"""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if os.path.basename(sys.argv[0]) in ("kilabel", "kilabel.exe"):
        from kilabel.cli.entry import main
    else:
        from kilabel.gui.app import main

    sys.exit(main())
