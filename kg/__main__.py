"""`python -m kg` runs the same command as `kg`."""

from kg.cli import main

main()
