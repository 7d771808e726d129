"""Frozen entry point of the window (kilabel-gui). Spawned export workers re-enter here first."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from kilabel.gui.app import main

    sys.exit(main())
