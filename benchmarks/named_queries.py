"""Every named query (`queries/*.rq`, default parameters) on built projects of different sizes, as
`kg query NAME` runs it: in a child process on the build's store, with a time limit.

For each project the store of its current generation is queried `--repeats` times per query; the
table gives the median wall time (the child process included, as every `kg query` pays it) and
the rows, one column per project, and the growth from the first project to the last.

    python -m benchmarks.named_queries --projects . /tmp/c1000 /work/bench/c10k --repeats 3 \
        --out benchmarks/results/named-queries.md
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
from kg.query.library import bind, load_library
from kg.query.prefixes import predeclared

ROOT = Path(__file__).resolve().parent.parent


def measure(project_dir: Path, repeats: int, cap: float, only: list[str] | None = None
            ) -> dict[str, tuple[float | None, int]]:
    """Each named query's median seconds (None past the cap) and rows on one built project."""
    project = open_project(project_dir)
    path = store_path(project, project.default_out)
    library = load_library(ROOT / "queries")
    found: dict[str, tuple[float | None, int]] = {}
    for name, query in sorted(library.items()):
        if only and name not in only:
            continue
        times, rows = [], 0
        for _ in range(repeats):
            started = time.perf_counter()
            try:
                result = execute_with_timeout(path, query.text, bind(query, {}, project.base), cap, check=False,
                                              prefixes=predeclared(project.base))
            except KgError:  # past the time limit, or a parameter this project lacks
                times = []
                break
            times.append(time.perf_counter() - started)
            rows = len(result.rows) or len(result.triples) or int(bool(result.boolean))
        found[name] = (statistics.median(times) if times else None, rows)
    return found


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
    parser.add_argument("--out", type=Path, help="also write the table here")
    args = parser.parse_args()
    names = args.names or [p.resolve().name for p in args.projects]
    columns = {name: measure(p, args.repeats, args.cap, args.queries)
               for name, p in zip(names, args.projects, strict=True)}
    table = report(columns, args.cap)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
