"""Asking the built graph: the named-query library, parameters bound as RDF terms, running a
query on the store (in process, under a time limit, in a pool of workers) or on an endpoint,
and rendering results as tables and the W3C formats.

Face: `library.load_library`/`find_query`/`bind`, `engine.execute`/`execute_with_timeout`,
`remote.execute_remote` (and `remote.exchange`, the bounded HTTP client `kg push` shares),
`model.Result` and the query errors, `render.render` (and `render.write`, an answer written by
Oxigraph in the worker), `prefixes.predeclared`, `workers.WorkerPool`,
`guard.check_query`/`check_depth`/`Refused` (whether an untrusted query may run), and
`sandbox.cut_off_network` (the processes that run them have no network).
"""
