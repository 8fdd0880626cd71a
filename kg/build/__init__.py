"""Sources to a built graph: compile the articles and shared graphs, write every serialisation,
the summary and the VoID description, the query store; validate it with SHACL.

Face: `compile.build`/`build_to`, `store.open_store`/`store_path`, `validate.validate`/`load_built`,
`serialize.union`/`render`, `summary.Summary`, `diagram.mermaid`.
"""
