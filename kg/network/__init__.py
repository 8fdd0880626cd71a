"""The entity network drawn from the built graph: the projection to networkx, layouts, the
offline HTML page (`kg viz`), exports for other tools, and analytics (`kg stats`, `kg path`).

networkx, pyvis, igraph and matplotlib load only here.
Face: `projection.load`/`resolve`, `page.page` (and `page.network_assets`, the vis-network build
for the server), `export.export`, `analytics.stats`/`paths`.
"""
