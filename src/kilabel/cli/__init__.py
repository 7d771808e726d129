"""The `kilabel` command line: the parser, export, verify and job commands (main), check and
relabel (check), register and credits (register)."""
