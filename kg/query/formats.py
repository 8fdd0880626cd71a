"""The names of the output formats, apart from the code that writes them (kg/query/render.py),
so that the command line can offer them without loading it."""

TABULAR = ("table", "markdown", "csv", "tsv", "json", "xml")
GRAPH = ("turtle", "nt", "jsonld", "xml", "trig")
FORMATS = sorted(set(TABULAR) | set(GRAPH))
