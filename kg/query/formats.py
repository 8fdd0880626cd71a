"""The names of the output formats, apart from the code that writes them (kg/query/render.py),
so that the command line can offer them without loading it; and the endpoint client's defaults."""

TABULAR = ("table", "markdown", "csv", "tsv", "json", "xml")
GRAPH = ("turtle", "nt", "jsonld", "xml", "trig")
FORMATS = sorted(set(TABULAR) | set(GRAPH))

# A query on someone else's endpoint (`kg query --endpoint`): the whole exchange must end within
# this many seconds, and an answer larger than this many bytes is refused while it streams in.
ENDPOINT_TIMEOUT = 60.0
MAX_RESPONSE = 256 * 2**20
