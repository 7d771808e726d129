"""Checking existing material: one row of findings per file (rows), images and folders (folder),
PDFs (pdf), and text recognition of visible labels (ocr)."""
