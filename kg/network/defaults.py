"""Defaults and choices of the network commands, apart from the modules that load networkx,
igraph and matplotlib, so that the command line can show them without loading those."""

EXACT_LIMIT = 2000  # above this many entities, betweenness is estimated from a sample
SAMPLE_K = 100
SEED = 20220809
EXPORT_FORMATS = {
    "graphml": "GraphML for Gephi, yEd and Cytoscape",
    "gexf": "GEXF for Gephi",
    "cytoscape": "Cytoscape.js elements JSON",
    "csv": "nodes.csv and edges.csv in the --out folder",
    "png": "a PNG picture",
    "svg": "an SVG picture",
}
# The file suffix each format writes (csv writes nodes.csv and edges.csv into a folder).
EXPORT_SUFFIXES = {"graphml": ".graphml", "gexf": ".gexf", "cytoscape": ".json", "png": ".png", "svg": ".svg"}
