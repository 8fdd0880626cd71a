"""The graph on the web and in other stores: the read-only server (`kg serve`), its pages and
templates, the static site (`kg site`) and the Graph Store push (`kg push`).

The top of the pipeline: starlette, uvicorn and jinja2 load only here.
Face: `serve.create_app`/`serve`, `settings.Settings`, `site.build_site`, `push.push_changes`/`prune`.
"""
