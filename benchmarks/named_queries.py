"""Every named query (`queries/*.rq`, default parameters) on built projects of different sizes, as
`kg query NAME` runs it: in a child process on the build's store, with a time limit.

For each project the store of its current generation is queried `--repeats` times per query; the
table gives the median wall time (the child process included, as every `kg query` pays it) and
the rows, one column per project, and the growth from the first project to the last.

    python -m benchmarks.named_queries --projects . /tmp/c1000 /work/bench/c10k --repeats 3 \
        --out benchmarks/results/named-queries.md

A rewrite is measured beside what it replaces in the same run: `--library before=DIR` adds the
queries of another folder (a worktree of an older commit), each repeat running both in turn;
`--param hops=3` sets a parameter of the queries that have it.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from kg.build.store import store_path
from kg.errors import KgError
from kg.project import open_project
from kg.query.engine import execute_with_timeout
from kg.query.library import NamedQuery, bind, load_library
from kg.query.prefixes import predeclared

ROOT = Path(__file__).resolve().parent.parent


def measure(project_dir: Path, libraries: dict[str, Path], repeats: int, cap: float, only: list[str] | None = None,
            params: dict[str, str] | None = None) -> dict[str, tuple[float | None, int]]:
    """Each named query's median seconds (None past the cap) and rows on one built project, for
    each library (the first unlabelled, the others' rows named `query (label)`), run in turn."""
    project = open_project(project_dir)
    path = store_path(project, project.default_out)
    loaded = [(label, load_library(folder)) for label, folder in libraries.items()]
    if empty := [str(folder) for folder, (_, library) in zip(libraries.values(), loaded, strict=True) if not library]:
        raise SystemExit(f"no .rq file in {', '.join(empty)}")
    found: dict[str, tuple[float | None, int]] = {}
    for name in sorted(loaded[0][1]):
        if only and name not in only:
            continue
        versions = {(f"{name} ({label})" if i else name): library[name]
                    for i, (label, library) in enumerate(loaded) if name in library}
        times: dict[str, list[float] | None] = {key: [] for key in versions}
        rows = dict.fromkeys(versions, 0)
        for _ in range(repeats):
            for key, query in versions.items():
                if times[key] is not None:
                    spent, rows[key] = _run(path, query, params or {}, project.base, cap)
                    times[key] = None if spent is None else [*times[key], spent]
        found.update({key: (statistics.median(spent) if spent else None, rows[key]) for key, spent in times.items()})
    return found


def _run(path: Path, query: NamedQuery, params: dict[str, str], base: str, cap: float) -> tuple[float | None, int]:
    """One run's seconds (None past the cap, or for a parameter this project lacks) and rows."""
    values = {k: v for k, v in params.items() if k in {p.name for p in query.params}}
    started = time.perf_counter()
    try:
        result = execute_with_timeout(path, query.text, bind(query, values, base), cap, check=False,
                                      prefixes=predeclared(base))
    except KgError:
        return None, 0
    return time.perf_counter() - started, len(result.rows) or len(result.triples) or int(bool(result.boolean))


def _cell(seconds: float | None, rows: int, cap: float) -> str:
    if seconds is None:
        return f"> {cap:.0f} s"
    shown = f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"
    return f"{shown} ({rows:,} rows)"


def report(columns: dict[str, dict[str, tuple[float | None, int]]], cap: float) -> str:
    names = list(columns)
    lines = ["| query | " + " | ".join(names) + f" | {names[-1]} ÷ {names[0]} |",
             "| --- |" + " ---: |" * (len(names) + 1)]
    for query in next(iter(columns.values())):
        cells = [_cell(*columns[name][query], cap) for name in names]
        first, last = columns[names[0]][query][0], columns[names[-1]][query][0]
        growth = f"{last / first:.1f}x" if first and last else "-"
        lines.append(f"| `{query}` | " + " | ".join(cells) + f" | {growth} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=Path, nargs="+", required=True, help="built project folders")
    parser.add_argument("--names", nargs="+", help="a column name for each project (default: folder names)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cap", type=float, default=120, help="seconds after which a query is stopped")
    parser.add_argument("--queries", nargs="+", metavar="NAME", help="only these named queries")
    parser.add_argument("--library", action="append", default=[], metavar="LABEL=DIR",
                        help="also run this folder's queries of the same names, beside the project's")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="a parameter value for the queries that take it")
    parser.add_argument("--out", type=Path, help="also write the table here")
    args = parser.parse_args()
    names = args.names or [p.resolve().name for p in args.projects]
    libraries = {"": ROOT / "queries"} | dict(_pair(text) for text in args.library)
    params = dict(_pair(text) for text in args.param)
    columns = {name: measure(p, {k: Path(v) for k, v in libraries.items()}, args.repeats, args.cap, args.queries,
                             params)
               for name, p in zip(names, args.projects, strict=True)}
    table = report(columns, args.cap)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


def _pair(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep:
        raise SystemExit(f"expected NAME=VALUE, not {text!r}")
    return key, value


if __name__ == "__main__":
    main()
