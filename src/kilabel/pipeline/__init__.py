"""The stages one output file goes through, in order: load (image_load) → fit and convert colour
(kilabel.profiles) → draw the label (label_render) → preflight → encode with XMP and EXIF (encode,
metadata, tiff_exif) → sign C2PA (c2pa_sign) → read back (verify) → commit (outcome)."""
