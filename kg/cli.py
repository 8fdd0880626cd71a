"""The `kg` command: parses arguments, calls the library, prints results. Nothing else.

Each command imports the stage it needs inside its body, so that `kg --version`, `kg --help`
and `kg query` start without loading networkx, pyshacl, starlette, igraph or matplotlib.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg import __version__
from kg.errors import KgError
from kg.network.defaults import EXACT_LIMIT, EXPORT_FORMATS, SEED
from kg.project import OUTPUT_FORMATS
from kg.query.formats import ENDPOINT_TIMEOUT, FORMATS, MAX_RESPONSE
from kg.web.settings import RESULT_CEILING, Settings

if TYPE_CHECKING:
    import networkx as nx

    from kg.build.summary import Summary
    from kg.network.analytics import Stats

project_option = click.option(
    "--project", "project_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
    show_default=True, help="Project folder holding ontology/ and data/.")
out_option = click.option(
    "--out", "out", type=click.Path(file_okay=False, path_type=Path),
    help="Output folder [default: PROJECT/output].")



class _Seconds(click.ParamType):
    """A time limit: a positive number of seconds, at most a year (FloatRange lets NaN through)."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not 0 < seconds <= 366 * 86400:
            self.fail(f"{value!r} is not between 0 and a year of seconds", param, ctx)
        return seconds


SECONDS = _Seconds()


def _reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the project's own errors into one line on stderr and their exit code."""
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KgError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:  # the machine's, not the input's: a full disk, a permission
            click.echo(f"error: {_system_error(exc)}", err=True)
            sys.exit(1)
    return wrapper


def _system_error(exc: OSError) -> str:
    """An operating-system error in one line, with what to do (pyoxigraph raises bare OSErrors
    whose text alone says the disk is full). Files are written whole or not at all, and a build
    publishes its generation last, so what was there before is still there."""
    text = " ".join(str(exc).split())
    if exc.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in text:
        return f"{text} (free some disk space and run the command again)"
    return text


@click.group()
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """A knowledge graph of Indonesia's digital-economy ecosystem, built from news."""


@main.command()
@project_option
@out_option
@click.option("--base", help="Base IRI for entities, articles and graphs [default: from data/dataset.yaml].")
@click.option("--formats", "formats", metavar="LIST",
              help="Whole-corpus files to write besides graphs/*.nq, comma-separated from trig, nq, ttl, nt, jsonld, "
                   "or none [default: `formats:` in data/dataset.yaml, else nq].")
@click.option("--full", is_flag=True, help="Compile every article and write every graph again, ignoring the cache.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but warnings and errors.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Articles compiled at once [default: one per CPU].")
@_reports_errors
def build(project_dir: Path, out: Path | None, base: str | None, formats: str | None, full: bool,
          quiet: bool, jobs: int | None) -> None:
    """Compile ontology/ and data/ into the graph, the query store and the files asked for.

    Only new or changed articles are compiled again (and only changed graphs reloaded into the
    store); --full redoes everything and gives the same bytes. Each build is a new generation
    of the output folder, switched in atomically: on bad input or any failure the previous
    outputs stay as they were, and a second build on the same folder stops at once.

    Example: kg build --out output --formats nq,trig
    """
    from kg.build.compile import build_to
    from kg.errors import Location
    from kg.project import check_formats, open_project

    project = open_project(project_dir, base)
    out_dir = out or project.default_out
    chosen = check_formats(formats.split(","), Location(Path("--formats"))) if formats is not None else None
    report, summary = build_to(project, out_dir, list(chosen) if chosen is not None else None, full,
                               _progress(quiet), jobs)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if quiet:
        return
    click.echo(_format_summary(summary))
    click.echo(f"compiled {report.compiled} of {report.sources} source file(s); {report.changed} graph(s) written, "
               f"{report.removed} removed; {out_dir} now shows {report.generation.name}")
    if report.changes is None:
        click.echo("first build here: nothing to compare with")
    else:
        click.echo(f"since {report.changes.old}: {report.changes.summary()}")


def _progress(quiet: bool) -> Callable[[str, int, int], None] | None:
    """A progress bar on a terminal (rewritten in place on stderr), plain log lines on stdout otherwise,
    nothing when quiet."""
    if quiet:
        return None
    terminal = sys.stderr.isatty()
    last: list[str] = [""]

    def report(phase: str, done: int, total: int) -> None:
        if terminal:
            bar = "#" * (30 * done // total if total else 30)
            click.echo(f"\r{phase:<24} [{bar:<30}] {done}/{total}", nl=done >= total, err=True)
        elif phase != last[0]:  # a log line on stdout beside the summary; stderr keeps to warnings and errors
            click.echo(f"{phase} ({total})" if total > 1 else phase)
        last[0] = phase
    return report


@main.command(name="validate")
@project_option
@out_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Graphs checked at once [default: one per CPU].")
@_reports_errors
def validate_command(project_dir: Path, out: Path | None, jobs: int | None) -> None:
    """Check the built graph against ontology/shapes.ttl with SHACL.

    Each article's graph is checked on its own and its results are kept in the output folder,
    so a second run checks only what changed; entities several articles describe are checked
    on their merged description. Exit codes: 0 the graph conforms, 1 it does not (each
    violation is listed), 2 validation could not run (no built graph, unreadable shapes).

    Example: kg validate --out output
    """
    from kg.build.store import store_path
    from kg.build.validate import validate_built
    from kg.project import open_project

    project = open_project(project_dir)
    out_dir = out or project.default_out
    store_path(project, out_dir)  # refuses a missing or stale build, as `kg query` does
    report = validate_built(project, out_dir, jobs or os.cpu_count() or 1)
    for violation in report.violations:
        click.echo(str(violation))
    if report.conforms:
        click.echo(f"conforms: {report.triples} triples checked against {project.shapes_file.name}")
        return
    click.echo(f"does not conform: {len(report.violations)} violation(s)", err=True)
    sys.exit(1)


@main.command()
@click.argument("name", required=False)
@click.option("-e", "--expression", help="A SPARQL query given on the command line instead of NAME; "
              "the prefixes kg:, id:, schema:, org:, rdfs: … need no PREFIX (`kg serve`'s page lists them).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query (repeatable); the others take their defaults.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="Output format [default: table on a terminal, else csv; turtle for graphs].")
@click.option("--timeout", type=SECONDS, metavar="SECONDS",
              help=f"Stop the query after this many seconds [default: none locally, {ENDPOINT_TIMEOUT:g} for the "
                   "whole exchange with --endpoint].")
@click.option("--endpoint", metavar="URL", help="Run the query on this SPARQL 1.1 endpoint instead.")
@click.option("--max-response", type=click.IntRange(min=1), metavar="BYTES",
              help=f"With --endpoint, refuse an answer larger than this [default: {MAX_RESPONSE} (256 MiB)].")
@click.option("--max-width", type=click.IntRange(min=8),
              help="Clip table cells to this width [default: 60 on a terminal, else no clipping].")
@project_option
@out_option
@_reports_errors
def query(name: str | None, expression: str | None, params: tuple[str, ...], fmt: str | None,
          timeout: float | None, endpoint: str | None, max_response: int | None, max_width: int | None,
          project_dir: Path, out: Path | None) -> None:
    """Run a named query, a .rq file, or -e SPARQL on the graph.

    NAME is a query from queries/ (see `kg queries`) or the path of a .rq file. SELECT and
    ASK results print as a table, CSV, TSV, Markdown, or the W3C JSON and XML results
    formats; CONSTRUCT and DESCRIBE results as RDF. Parameters are bound as RDF terms,
    never pasted into the query. The graph is never changed: SPARQL Update is refused.

    Example: kg query collaborations-of --param entity=lazada --format csv
    """
    from kg.build.store import store_path
    from kg.project import open_project
    from kg.query.engine import execute_with_timeout
    from kg.query.library import bind, find_query, load_library, parse_query
    from kg.query.params import check_needs, check_params
    from kg.query.prefixes import predeclared, prologue
    from kg.query.remote import execute_remote
    from kg.query.render import FormatError, render

    if (name is None) == (expression is None):
        raise click.UsageError("give a query NAME (or FILE.rq) or -e SPARQL, not both")
    if max_response is not None and not endpoint:
        raise click.UsageError("--max-response limits what an --endpoint sends; give --endpoint too")
    project = open_project(project_dir)
    library = load_library(project.root / "queries")
    chosen = parse_query(expression, "-e") if expression is not None else find_query(library, name or "")
    bindings = bind(chosen, _params(params), project.base)
    prefixes = predeclared(project.base)  # usable undeclared, here and on an endpoint that does not know them
    if endpoint:
        result = execute_remote(endpoint, prologue(prefixes) + chosen.text, bindings, timeout or ENDPOINT_TIMEOUT,
                                max_bytes=max_response or MAX_RESPONSE)
    else:  # in a child: a crash of the engine is reported; only -e and .rq files are parsed first
        own = expression is None and library.get(name or "") is chosen
        path = store_path(project, out or project.default_out)
        if own:  # a library query's entity or class the graph lacks is a typo; a .rq file may ask on purpose
            check_params(path, bindings, project.base)
        check_needs(path, chosen, project.base)
        result = execute_with_timeout(path, chosen.text, bindings, timeout, check=not own, prefixes=prefixes)
    terminal = sys.stdout.isatty()
    fmt = fmt or ("turtle" if result.form == "graph" else "table" if terminal else "csv")
    try:
        width = max_width or (60 if terminal else None)
        data = render(result, fmt, project.base, width if fmt == "table" else None)
    except FormatError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(data, nl=False)


@main.command()
@project_option
@_reports_errors
def queries(project_dir: Path) -> None:
    """List the named queries in queries/ with their titles and parameters.

    Example: kg queries
    """
    from kg.project import open_project
    from kg.query.library import load_library

    for named in load_library(open_project(project_dir).root / "queries").values():
        click.echo(f"{named.name}: {named.title}")
        for param in named.params:
            default = f" = {param.default}" if param.default is not None else " (required)"
            click.echo(f"    --param {param.name}=<{param.kind}>{default}  {param.description}")


@main.command(name="serve")
@click.option("--host", default=Settings.host, show_default=True,
              help="Address to listen on; another than 127.0.0.1 makes the server reachable from other machines.")
@click.option("--port", type=click.IntRange(0, 65535), default=Settings.port, show_default=True)
@click.option("--public-url", metavar="URL",
              help="Where the world reaches this server (https://example.org/): used for self-references such as "
                   "void:sparqlEndpoint, and then any other Host header is refused (400). Default: the listening "
                   "address.")
@click.option("--timeout", type=SECONDS, default=Settings.timeout, show_default=True,
              metavar="SECONDS", help="Stop a query after this long and answer 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=Settings.max_rows, show_default=True,
              help="Refuse (422) a result with more rows or triples than this.")
@click.option("--max-result", "max_bytes", type=click.IntRange(1024, RESULT_CEILING), default=Settings.max_bytes,
              show_default=True, metavar="BYTES",
              help="Refuse (422) a result larger than this, as SPARQL JSON or N-Triples (16 MiB at most).")
@click.option("--max-memory", type=click.IntRange(min=256), default=Settings.max_memory, show_default=True,
              metavar="MIB", help="Address space of each query worker; a query needing more is stopped (503).")
@click.option("--max-request", type=click.IntRange(min=1024), default=Settings.max_request, show_default=True,
              metavar="BYTES", help="Refuse a larger request body (413) or URL (414).")
@click.option("--workers", type=click.IntRange(min=1), default=Settings.workers, show_default=True,
              help="Query worker processes: how many queries run at once.")
@click.option("--per-client", type=click.IntRange(min=1), default=Settings.per_client, show_default=True,
              help="Queries one client (address; IPv6 by /64) may run at once.")
@click.option("--client-wait", type=click.FloatRange(min=0), default=Settings.client_wait, show_default=True,
              metavar="SECONDS", help="How long a client's query over its share waits for its turn before 429.")
@click.option("--trusted-proxy", "trusted_proxies", multiple=True, default=Settings.trusted_proxies,
              show_default=True, metavar="ADDRESS",
              help="A reverse proxy whose X-Forwarded-For names the client (repeatable).")
@click.option("--allow", multiple=True, metavar="IRI-PREFIX",
              help="Let SERVICE and FROM reach IRIs starting with this (repeatable; the query workers "
                   "then keep their network access); none by default.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Let pages from this origin call the endpoint (repeatable); no CORS by default.")
@project_option
@out_option
@_reports_errors
def serve_command(project_dir: Path, out: Path | None, public_url: str | None, **options: Any) -> None:
    """Serve the built graph: a SPARQL endpoint, a query page and Linked Data pages.

    Routes: / (home: what is in the graph, search), /search, /browse/TYPE (facets, CSV and
    JSON), /network, /map (where they are, by regency), /query (query page), /sparql (SPARQL
    1.1 Protocol), /queries/NAME (a named query, parameters in the URL), /id/ID (each IRI
    under the base: HTML, Turtle or JSON-LD by Accept), /.well-known/void (the dataset
    description), /data/graph.trig (graph files).
    Read-only; SERVICE, LOAD and foreign FROM refused unless --allow says otherwise; each
    query is limited in time, memory, rows and bytes, and each client to its share of them.

    Example: kg serve --port 8000 --public-url https://kg.example.org/
    """
    from kg.project import open_project
    from kg.web.serve import listen, serve
    from kg.web.settings import public_root

    project = open_project(project_dir)
    settings = Settings(**options, public_url=public_root(public_url) if public_url else None)
    sock = listen(settings)  # a port in use is an error before anything says "serving"
    click.echo(f"serving {project.base} on http://{settings.host}:{settings.port}/ (Ctrl-C stops)", err=True)
    serve(project, out or project.default_out, settings, sock)


@main.command(name="review")
@click.argument("draft_id", required=False)
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True,
              help="The loopback port to listen on (127.0.0.1 only).")
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@project_option
@_reports_errors
def review_command(draft_id: str | None, port: int, no_browser: bool, project_dir: Path) -> None:
    """Review the drafts of kg ingest in a local page, item by item.

    The article text with each proposed item's evidence marked; accept, edit or reject each
    (keys j/k, a, e, r, ?). Each decision is checked by the build, written to the draft
    atomically and logged to data/review/decisions.jsonl; Finish moves the reviewed draft to
    data/articles/. Listens on 127.0.0.1 only and accepts writes only from its own page.

    Example: kg review tribunjatim-2022-08-09-jatim-lazada --port 8765
    """
    from kg.ingest.review import open_draft
    from kg.project import open_project
    from kg.web.review import run_review

    project = open_project(project_dir)
    if draft_id is not None:
        open_draft(project.root, draft_id)  # a missing or unreadable draft is one error line, before serving
    click.echo(f"reviewing drafts of {project.root} on http://127.0.0.1:{port}/ (Ctrl-C stops)", err=True)
    run_review(project, port, draft_id, open_browser=not no_browser)


@main.command(name="dump")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(OUTPUT_FORMATS))
@click.option("-o", "--output", "target", type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write [default: graph.FORMAT in the current folder].")
@project_option
@out_option
@_reports_errors
def dump_command(fmt: str, target: Path | None, project_dir: Path, out: Path | None) -> None:
    """Write the built graph as one whole-corpus file, from the current build's graph files.

    The same bytes as `kg build --formats FORMAT` gives, made only when asked: a corpus of
    thousands of articles builds with `formats: []` and dumps when it publishes.

    Example: kg dump nq --out output -o graph.nq
    """
    from kg.build.assemble import dump_generation
    from kg.build.diff import open_generation
    from kg.project import open_project

    generation = open_generation(out or open_project(project_dir).default_out)
    target = target or Path(f"graph.{fmt}")
    dump_generation(generation.folder, fmt, target.absolute(), generation.base)
    click.echo(f"wrote {target} from {generation.name}", err=True)


@main.command(name="diff")
@click.argument("folders", nargs=-1, type=click.Path(path_type=Path), metavar="[OLD NEW]")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "nq"]), default="text", show_default=True,
              help="text for people, json (stable keys), or nq: an RDF changeset as one named graph.")
@click.option("--article", metavar="ID", help="Only the changes of this article's graph (or a graph file name).")
@click.option("--entity", metavar="ID", help="Only the triples with this entity (id or IRI) as subject.")
@project_option
@out_option
@_reports_errors
def diff_command(folders: tuple[Path, ...], fmt: str, article: str | None, entity: str | None, project_dir: Path,
                 out: Path | None) -> None:
    """Show what changed between the previous build and the current one, or between two builds.

    OLD and NEW are output folders of `kg build` (their current generation is compared) or
    generation folders (OUT/generations/gNNNNNN). Only the graphs whose digests differ are read.
    With --article or --entity, the text lists every triple added (+) or removed (-).

    Example: kg diff --format json output/generations/g000003 output
    """
    from kg.build.diff import diff, latest_two, open_generation, to_json, to_nquads, to_text
    from kg.project import open_project

    if len(folders) not in (0, 2):
        raise click.UsageError("give two build folders (OLD NEW), or none to compare the last two builds")
    if folders:
        old, new = (open_generation(folder) for folder in folders)
    else:
        old, new = latest_two(out or open_project(project_dir).default_out)
    changes = diff(old, new).restricted(article, entity)
    if fmt == "json":
        click.echo(to_json(changes).decode(), nl=False)
    elif fmt == "nq":
        click.echo(to_nquads(changes).decode(), nl=False)
    else:
        click.echo(to_text(changes, facts=article is not None or entity is not None), nl=False)


@main.command(name="push")
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's Graph Store endpoint (Oxigraph: …/store; Virtuoso: …/sparql-graph-crud-auth).")
@click.option("--user", help="User name when the store asks for Basic or Digest authentication; the password is "
                             "read from KG_PUSH_PASSWORD, or asked for.")
@click.option("--timeout", type=SECONDS, default=300, show_default=True,
              metavar="SECONDS", help="Give up on a request (a graph, or a part of a large one) the store has not "
                                        "answered after this long.")
@click.option("--all", "force", is_flag=True,
              help="Send every graph, not only those changed since the last push to this endpoint.")
@click.option("--prune", "query_endpoint", metavar="QUERY_URL",
              help="Check through this SPARQL endpoint (Oxigraph: …/query; Virtuoso: …/sparql) which graphs the "
                   "store holds (missing ones are sent again), then delete the store's graphs under the project's "
                   "base IRI that the build no longer has.")
@click.option("--default-graph/--no-default-graph", default=True, show_default=True,
              help="Also put the merge of the graphs as the store's default graph, which the named queries read "
                   "(a stock Oxigraph needs it; Virtuoso refuses it, its queries see all graphs without it).")
@click.option("--update", "update_endpoint", metavar="UPDATE_URL",
              help="The store's SPARQL Update endpoint (Oxigraph: …/update; Virtuoso: …/sparql-auth): changed "
                   "graphs and the default graph then get only their changes (DELETE DATA, INSERT DATA), not "
                   "their whole content again.")
@project_option
@out_option
@_reports_errors
def push_command(endpoint: str, user: str | None, timeout: float, force: bool, query_endpoint: str | None,
                 default_graph: bool, update_endpoint: str | None, project_dir: Path, out: Path | None) -> None:
    """Upload the built graph's named graphs to a triple store (SPARQL 1.1 Graph Store Protocol).

    Each graph (each article's, the corpus graph, the curated one, the ontology…) goes as
    N-Triples in PUT requests, and only the graphs that changed since the last push to this
    endpoint (remembered in OUT/pushed/); graphs pushed before that the build no longer has are
    deleted. --all sends every graph again (after the store was changed by other hands). A PUT
    replaces its graph, so a re-push is safe. With --prune, graphs under the base IRI that the
    build does not have are deleted too. A bearer token, if the store wants one, is read from
    KG_PUSH_TOKEN. Then the merge of the graphs goes in as the store's default graph, as in the
    local store, so the named queries answer the same on a stock server; Virtuoso, whose queries
    see all its graphs anyway, refuses one: push there with --no-default-graph. With --update,
    a changed graph and the default graph get only their changes. Query the store afterwards
    with `kg query --endpoint`.

    Example: kg push --endpoint http://127.0.0.1:7878/store --update http://127.0.0.1:7878/update
    """
    from kg.build.store import store_path
    from kg.project import open_project
    from kg.web.push import Credentials, Pushed, prune, push_changes

    def said(graph: Pushed) -> str:
        return f"{graph.triples} triples" if graph.removed is None else f"+{graph.triples} -{graph.removed} triples"

    project = open_project(project_dir)
    password = os.environ.get("KG_PUSH_PASSWORD")
    if user and password is None:
        password = click.prompt(f"password for {user}", hide_input=True, err=True)
    credentials = Credentials(user, password, os.environ.get("KG_PUSH_TOKEN"))
    out_dir = out or project.default_out
    store = store_path(project, out_dir)
    done = push_changes(out_dir, store, endpoint, credentials, timeout, force, query_endpoint,
                        lambda graph: click.echo(f"  {graph.graph}: {said(graph)}", err=True), default_graph,
                        update_endpoint)
    patched = sum(1 for g in done.sent if g.removed is not None)
    click.echo(f"pushed {len(done.sent)} graphs, {sum(g.triples + (g.removed or 0) for g in done.sent)} triples "
               f"to {endpoint}" + (f" ({patched} graphs as their changes)" if patched else "")
               + f"; {done.unchanged} unchanged graphs not sent; {len(done.deleted)} graphs pushed before deleted")
    if done.merged is not None and done.merged.removed is None:
        click.echo(f"pushed their merge as the default graph, {done.merged.triples} triples (a triple once for "
                   "each graph that states it)")
    elif done.merged is not None:
        click.echo(f"brought the default graph, their merge, up to date: {said(done.merged)}")
    if query_endpoint:
        removed = prune(store, endpoint, query_endpoint, project.base, credentials, timeout,
                        lambda name: click.echo(f"  deleted {name}", err=True))
        click.echo(f"deleted {len(removed)} graphs the build no longer has")


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--param {pair!r}: write NAME=VALUE")
        values[key.strip()] = value
    return values


@main.command(name="link")
@click.argument("target")
@click.option("--date", required=True, metavar="YYYY-MM-DD",
              help="Date of new or changed links (links unchanged since the last run keep theirs).")
@click.option("--name", help="Linkset name, the file data/links/NAME.ttl [default: from the target].")
@click.option("--query", "query_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="For rdf: and sparql: targets, a SELECT giving ?item ?label and optionally ?kind ?parent ?code.")
@project_option
@_reports_errors
def link_command(target: str, date: str, name: str | None, query_file: Path | None, project_dir: Path) -> None:
    """Link the graph's places to another dataset and write the links and a review file.

    TARGET is `regions` (the Kemendagri region codes shipped with the graph), `rdf:FILE`,
    `csv:FILE` (columns id, label; optional aliases, kind, parent, code) or `sparql:URL`.
    Only a single candidate whose name, kind and province agree becomes a skos:exactMatch;
    ambiguous names (Kota or Kabupaten Malang?) and near misses go to
    data/links/NAME.review.csv. Decisions in data/links/decisions.yaml override the
    reconciler. On bad input nothing is written and existing links stay as they were.

    Example: kg link regions --date 2026-11-28
    """
    from kg.build.compile import compile_dataset
    from kg.link.reconcile import STATUSES as LINK_STATUSES
    from kg.link.reconcile import link
    from kg.project import open_project

    query = query_file.read_text(encoding="utf-8") if query_file else None
    project = open_project(project_dir)
    report = link(project, lambda: compile_dataset(project), target, date, name, query)
    counts = ", ".join(f"{report.count(status)} {status}" for status in LINK_STATUSES)
    click.echo(f"{len(report.outcomes)} places: {counts}")
    click.echo(f"wrote {report.linkset_file} and {report.review_file}")


@main.command(name="ingest")
@click.argument("source_path", metavar="ARTICLE.txt|DIR", type=click.Path(exists=True, path_type=Path))
@click.option("--id", "ident", help="Draft id [default: from the file name]; only for one file.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date [default: the date written in the text].")
@click.option("--source", "source_url", metavar="URL",
              help="Where the article was published: the draft's `url` (schema:url in the graph).")
@click.option("--force", is_flag=True, help="Replace an existing draft of the same id (never a reviewed article).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but warnings and errors.")
@project_option
@out_option
@_reports_errors
def ingest_command(source_path: Path, ident: str | None, published: str | None, source_url: str | None,
                   force: bool, quiet: bool, project_dir: Path, out: Path | None) -> None:
    """Draft an article from its raw text: data/drafts/ID.yaml and ID.txt, ready for review.

    Rules, the region data and the built graph's names propose outlet, people and posts,
    organisations, places, quotes, events and collaborations; each item says its rule and
    confidence, and every evidence is a verbatim span. The build's checks run on the draft
    before it is written. A folder drafts every .txt in it, with a progress bar.

    Example: kg ingest ~/news/tribunjatim-lazada.txt --published 2022-08-09
    """
    from kg.ingest.batch import ingest_paths, texts_in
    from kg.namespaces import WEB_ADDRESS
    from kg.project import open_project
    from kg.source.dates import DateError, parse_iso

    project = open_project(project_dir)
    paths = texts_in(source_path) if source_path.is_dir() else [source_path]
    if ident and source_path.is_dir():
        raise click.UsageError("--id names one draft; leave it out for a folder")
    try:
        date = parse_iso(published) if published else None
    except DateError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from exc
    if source_url is not None and not WEB_ADDRESS.fullmatch(source_url):
        raise click.BadParameter("give the article's http(s) address", param_hint="--source")
    graph_file = (out or project.default_out) / "graph.nq"
    with _ingest_report(len(paths), quiet) as report:
        outcomes = ingest_paths(paths, project, _draft_check(project), graph_file, report, date, ident, source_url,
                                force)
    failed = [o for o in outcomes if o.error]
    if failed:
        click.echo(f"{len(failed)} of {len(outcomes)} files not drafted", err=True)
        sys.exit(1)


def _draft_check(project: Any) -> Callable[[Path], list[str]]:
    """The build's checks on a draft (handed down to kg.ingest): the draft in a scratch folder,
    compiled on its own against the ids and types the project's sources declare."""
    from kg.build.drafts import DraftChecker

    checker = DraftChecker(project)

    def check(root: Path) -> list[str]:
        warnings = []
        for path in sorted((root / "data" / "articles").glob("*.yaml")):
            warnings += [str(w) for w in checker.check(path, path.read_text(encoding="utf-8"))]
        return warnings
    return check


@contextlib.contextmanager
def _ingest_report(total: int, quiet: bool) -> Iterator[Callable[..., None]]:
    """A progress bar on a terminal for a batch; plain lines otherwise; warnings always."""
    bar = (click.progressbar(length=total, label="ingest", file=sys.stderr)
           if total > 1 and sys.stderr.isatty() and not quiet else None)

    def report(outcome: Any, done: int, count: int) -> None:
        for warning in outcome.warnings:
            click.echo(f"warning: {outcome.source.name}: {warning}", err=True)
        if outcome.error:
            click.echo(f"error: {outcome.error}", err=True)
        elif not quiet and bar is None:
            click.echo(f"[{done}/{count}] {outcome.source.name} -> {outcome.draft}")
        if bar is not None:
            bar.update(1)

    if bar is None:
        yield report
    else:
        with bar:
            yield report


@main.command(name="eval")
@click.argument("draft", required=False, type=click.Path(exists=True, path_type=Path))
@click.argument("gold", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--rules", is_flag=True,
              help="Each rule's precision, from data/review/decisions.jsonl (and the drafts given).")
@project_option
@_reports_errors
def eval_command(draft: Path | None, gold: Path | None, fmt: str, rules: bool, project_dir: Path) -> None:
    """Measure drafts against hand-annotated gold articles: precision, recall and F1.

    Entities are matched by label or alias within a type category (quotes, collaborations and
    findings by overlapping evidence), relations as (subject, field, object) after matching;
    status accuracy on matched collaborations; every miss and false proposal is listed.
    DRAFT and GOLD are two files or two folders (paired by file name; macro average).

    Example: kg eval data/drafts/ examples/dev-corpus/data/articles/
    """
    from kg.ingest.evaluate import evaluate_paths, render, rules_report
    from kg.ingest.gazetteer import DECISIONS, rule_precision

    if (draft is None) != (gold is None) or (draft is None and not rules):
        raise click.UsageError("give DRAFT and GOLD (files or folders), or --rules")
    results = evaluate_paths(draft, gold) if draft is not None and gold is not None else []
    if rules:
        click.echo(rules_report(rule_precision(project_dir / DECISIONS), results), nl=False)
    else:
        click.echo(render(results, fmt), nl=False)


@main.command(name="identifiers")
@click.option("--check", is_flag=True,
              help="Write nothing; fail if data/links/regions-identifiers.csv or its report differs from the sources.")
@project_option
@_reports_errors
def identifiers_command(check: bool, project_dir: Path) -> None:
    """Make the regions' Wikidata, GeoNames, BPS and ISO 3166-2 identifiers and points from the
    public files in data/links/sources/, and report where two sources disagree.

    Writes data/links/regions-identifiers.csv (read by `kg build`) and
    data/links/regions-identifiers.report.csv (every disagreement and what was kept).

    Example: kg identifiers --check
    """
    from kg.link.identifiers import refresh_identifiers
    from kg.project import open_project

    summary = refresh_identifiers(open_project(project_dir), write=not check)
    for line in summary.lines:
        click.echo(line)
    if summary.stale:
        raise KgError(f"{summary.stale} differs from what the sources give",
                      "run `kg identifiers` and commit the result")


@main.command()
@project_option
@click.option("--embed", "document", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Replace the diagram between the <!-- diagram:start/end --> markers of this file.")
@_reports_errors
def diagram(project_dir: Path, document: Path | None) -> None:
    """Print a Mermaid class diagram of the ontology (the README's data-model picture).

    Example: kg diagram --embed README.md
    """
    from kg.build.diagram import embed, mermaid
    from kg.project import open_project
    from kg.rdfio import write_atomic

    text = mermaid(open_project(project_dir).ontology_file)
    if document is None:
        click.echo(text, nl=False)
        return
    write_atomic(document, embed(document.read_text(encoding="utf-8"), text).encode("utf-8"))
    click.echo(f"updated the diagram in {document}")


built_option = click.option(
    "--built", "built", type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding the built graph [default: PROJECT/output].")


def _view_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Which part of the graph to draw or export: all of it, a query's result, an entity's neighbourhood."""
    for option in reversed((
        click.option("--focus", metavar="ENTITY", help="Only this entity (an id such as lazada) and its neighbours."),
        click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
                     help="How many hops around --focus."),
        click.option("--query", "query_name", metavar="NAME",
                     help="Only what this named CONSTRUCT query (or .rq file) returns."),
        click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
                     help="A parameter of --query (repeatable)."),
        click.option("--provenance", is_flag=True,
                     help="Also draw the articles and sentences (hidden by default; always in the details)."),
        project_option,
        built_option,
    )):
        command = option(command)
    return command


def _network(project_dir: Path, built: Path | None, focus: str | None, depth: int, query_name: str | None,
             params: tuple[str, ...], provenance: bool) -> nx.MultiDiGraph:
    from kg.network.projection import load as load_network
    from kg.project import open_project

    project = open_project(project_dir)
    return load_network(project, built or project.default_out, focus, depth, query_name, _params(params), provenance)


@main.command()
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write.")
@click.option("--title", default="Indonesia's digital economy: who works with whom", show_default=True)
@_view_options
@_reports_errors
def viz(out: Path, title: str, project_dir: Path, built: Path | None, focus: str | None, depth: int,
        query_name: str | None, params: tuple[str, ...], provenance: bool) -> None:
    """Write the network as one interactive HTML page that works offline.

    Colour and shape by entity type, with a legend that filters by type, relation filters, a
    search box, and a details panel with each fact's sentence and article. Planned and aspired
    collaborations are dashed. Provenance nodes are hidden unless --provenance is given.

    Example: kg viz --out output/network.html --focus lazada --depth 2
    """
    from kg.network.page import page
    from kg.rdfio import write_atomic

    network = _network(project_dir, built, focus, depth, query_name, params, provenance)
    write_atomic(out, page(network, title).encode("utf-8"))
    click.echo(f"wrote {out}: {network.number_of_nodes()} entities, {network.number_of_edges()} relations")


@main.command(name="export")
@click.option("--format", "form", type=click.Choice(list(EXPORT_FORMATS)), required=True,
              help="; ".join(f"{name}: {what}" for name, what in EXPORT_FORMATS.items()))
@click.option("--out", "out", type=click.Path(path_type=Path), required=True,
              help="The file to write (a folder for csv).")
@_view_options
@_reports_errors
def export_command(form: str, out: Path, project_dir: Path, built: Path | None, focus: str | None, depth: int,
                   query_name: str | None, params: tuple[str, ...], provenance: bool) -> None:
    """Export the network for other tools: GraphML, GEXF, Cytoscape.js JSON, CSV, PNG or SVG.

    Types, labels, status and evidence are kept as attributes.

    Example: kg export --format graphml --out output/network.graphml
    """
    from kg.network.export import check_out, export

    check_out(form, out)
    network = _network(project_dir, built, focus, depth, query_name, params, provenance)
    for path in export(network, form, out):
        click.echo(f"wrote {path}")


@main.command()
@project_option
@out_option
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many entities to rank.")
@click.option("--type", "kinds", multiple=True, metavar="TYPE",
              help="Rank only entities of this type (Company) or category (organisation, place…); repeatable.")
@click.option("--exact-limit", type=click.IntRange(min=0), default=EXACT_LIMIT, show_default=True,
              help="Above this many entities, betweenness is estimated from a sample.")
@click.option("--seed", type=int, default=SEED, show_default=True, help="Seed for sampling and Louvain.")
@click.option("--computed-at", metavar="DATETIME",
              help="Record this xsd:dateTime as when the measures were computed (omitted by default, "
                   "so the same build gives the same file).")
@_reports_errors
def stats(project_dir: Path, out: Path | None, top: int, kinds: tuple[str, ...], exact_limit: int, seed: int,
          computed_at: str | None) -> None:
    """Measure the network: counts by type, degree and betweenness, components, communities.

    Rankings cover every entity, or with --type only companies, organisations, places… The
    measures (kg:degree, kg:betweenness, kg:community, kg:component, with PROV-O provenance) go
    into the query store as the named graph graph/analytics, replacing earlier ones, so that
    `kg query most-central` ranks them; also written to analytics.trig in the output folder for
    other RDF tools. The next `kg build` drops them: run kg stats again after it.

    Example: kg stats --top 5 --type organisation
    """
    from kg.network import analytics
    from kg.network.projection import load as load_network
    from kg.project import open_project

    project = open_project(project_dir)
    out_dir = out or project.default_out
    generation = analytics.measured(out_dir)
    network = load_network(project, out_dir)
    among = analytics.of_kinds(network, kinds) if kinds else None
    result = analytics.stats(network, seed=seed, exact_limit=exact_limit)
    _, written = analytics.write_rdf(result, network, project.iris, out_dir, generation, computed_at)
    click.echo(_format_stats(result, network, top, among))
    click.echo(f"stored the measures in the query store of {generation.name} (graph/analytics)")
    click.echo(f"wrote {written}")


@main.command()
@click.argument("source")
@click.argument("target")
@click.option("--max", "limit", type=click.IntRange(min=1), default=5, show_default=True,
              help="At most this many shortest chains.")
@click.option("--computed-at", metavar="DATETIME",
              help="Record this xsd:dateTime as when the chains were computed (omitted by default).")
@project_option
@out_option
@_reports_errors
def path(source: str, target: str, limit: int, computed_at: str | None, project_dir: Path,
         out: Path | None) -> None:
    """Print the shortest chains of relations between two entities, each hop with its evidence.

    Also writes the chains as RDF to paths.trig in the output folder (named graph
    graph/paths: kg:Chain with ordered steps, and PROV-O provenance), to query or draw.

    Example: kg path lazada dinas-kukm-jatim
    """
    from kg.network import analytics
    from kg.network.projection import load as load_network
    from kg.network.projection import resolve
    from kg.project import open_project

    project = open_project(project_dir)
    network = load_network(project, out or project.default_out)
    a, b = resolve(network, source, project.base), resolve(network, target, project.base)
    chains = analytics.paths(network, a, b, limit)
    for number, chain in enumerate(chains, 1):
        click.echo(f"chain {number} of {len(chains)}, {len(chain)} hop(s):")
        for hop in chain:
            click.echo(f"  {network.nodes[hop.source]['label']} —{hop.relation}→ {network.nodes[hop.target]['label']}")
            for ev in hop.evidence:
                click.echo(f"      evidence: {ev}")
    out_dir = out or project.default_out
    click.echo(f"wrote {analytics.write_paths(chains, network, a, b, project.iris, out_dir, computed_at)}")


@main.command(name="site")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The folder to write the site into (replaced if it holds an earlier site).")
@click.option("--title", default="Ekosistem digital Indonesia", show_default=True)
@project_option
@built_option
@_reports_errors
def site_command(out: Path, title: str, project_dir: Path, built: Path | None) -> None:
    """Write the graph as a static web site to publish on any file host, no server needed.

    A page per entity (as `kg serve` shows it) with its Turtle and JSON-LD, the network page,
    the graph files and the dataset description (also at .well-known/void). Links are
    relative, and the same graph always gives the same bytes.

    Example: kg site --out output/site
    """
    from kg.project import open_project
    from kg.web.site import build_site

    project = open_project(project_dir)
    count = build_site(project, built or project.default_out, out, title)
    click.echo(f"wrote {out}: {count} entity pages, the network page, the graph files and void.ttl")


def _format_stats(result: Stats, network: nx.MultiDiGraph, top: int, among: set[str] | None = None) -> str:
    from kg.network import analytics

    label = {node: data["label"] for node, data in network.nodes(data=True)}

    def ranked(values: dict[str, float] | dict[str, int]) -> list[str]:
        return [f"  {value:>9}  {label[n]} ({n})" for n, value in analytics.ranked(values, top, among)]

    sizes = ", ".join(str(len(c)) for c in result.components)
    return "\n".join([
        f"{result.nodes} entities, {result.edges} relations",
        "",
        "entities by type:",
        *_table(result.by_type),
        "",
        f"degree (distinct neighbours), top {top}:",
        *ranked(result.degree),
        "",
        f"betweenness centrality, {result.betweenness_method}, top {top}:",
        *ranked(result.betweenness),
        "",
        f"connected components: {len(result.components)} (sizes {sizes})",
        f"communities: {len(result.communities)}, {result.community_method}:",
        *[f"  {i}: " + ", ".join(label[n] for n in group[:8]) + (" …" if len(group) > 8 else "")
          for i, group in enumerate(result.communities)],
    ])


def _format_summary(summary: Summary) -> str:
    lines = [
        f"{summary.triples} triples, {summary.articles} article(s), {summary.entities} entities, "
        f"{summary.statements} statements with evidence in {summary.evidence_spans} quoted spans "
        f"of {summary.sentences} sentences",
        "",
        "entities by class:",
        *_table(summary.entities_by_class),
        "",
        "facts by relation (article graphs, and the preferred statuses):",
        *_table(summary.facts_by_relation),
    ]
    return "\n".join(lines)


def _table(counts: dict[str, int]) -> list[str]:
    width = max((len(name) for name in counts), default=0)
    return [f"  {name:<{width}}  {count:>5}" for name, count in counts.items()]
