"""Relabelling existing material, every run recorded: images (image, image_encode) and PDFs (pdf)."""
