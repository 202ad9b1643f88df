"""``python -m bolshevik_graph``: the same command line as ``bolshevik-graph``."""

from .cli import main

main()
