"""Frozen entry point of the command line (kilabel). Spawned export workers re-enter here first,
so freeze_support() must run before anything else (kilabel.cli.main does not call it itself)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from kilabel.cli.entry import main

    sys.exit(main())
