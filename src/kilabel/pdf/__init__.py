"""PDF mechanics: assemble a print PDF (document) with a vector label (label), list the images
placed on a finished PDF's pages (images) and stamp a label over one of them (stamp)."""
