"""Exports: a task and its result (task), one export (one) through one writer per output kind
(raster, print_pdf), a batch over worker processes (engine), and the job file (job)."""
