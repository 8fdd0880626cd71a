"""Other datasets: the Kemendagri region graph, link targets, the reconciler behind `kg link`,
and the linkset files it writes and the build reads.

Below the build (which adds the regions and linksets to every generation); the reconciler
is handed the compiled dataset instead of compiling it.
Face: `regions.regions_graph`/`load_regions`, `linksets.load_linksets`, `reconcile.link`,
`identifiers.identifier_linksets`/`refresh_identifiers`.
"""
