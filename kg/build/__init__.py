"""Sources to a built graph: compile each source on its own (cached), write a new generation of
the output folder (a file per graph, the dumps asked for, the summary, the VoID description, the
query store, updated from the previous one) and publish it atomically; validate it with SHACL.

Face: `compile.build`/`build_to`/`compile_dataset`, `generations.current`, `assemble.GRAPHS`/`MANIFEST`,
`store.open_store`/`store_path`, `annex.annex_graph`/`built_manifest`,
`validate.validate_built`/`validate`/`load_built`,
`serialize.union`/`render`, `summary.Summary`, `diagram.mermaid`, `diff` (what changed between
two generations: `open_generation`, `latest_two`, `diff`, `to_text`/`to_json`/`to_nquads`).
"""
