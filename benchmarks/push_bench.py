"""What `kg push` costs at corpus scale, into a stock Oxigraph and a stock Virtuoso, with this
kg and, side by side, another checkout of it (`--before`, the code before a change).

A generated corpus (benchmarks/corpus.py) is built, or an already built one is used
(`--project`: never written to; its data/ is copied and its output folder hard-linked into a
scratch folder, so that kg's memory of pushes and later builds go there). For each engine and
each code, a fresh server started on loopback (tests/servers.py, its data in the scratch
folder, one server at a time) gets the first push (empty store), timed. Then, `--repeats`
times, one article's text is changed (a line appended) and built again, and the code pushes
the change: the incremental push (this code with --update, so that changed graphs and the
merged default graph go as their changes). Each figure is a whole `kg` process timed from outside,
with its peak resident memory; the table gives medians, what was sent, triples per second and
the ratio before / after.

    python -m benchmarks.push_bench --articles 200 --repeats 3 --before /tmp/kg-before \\
        --out benchmarks/results/push-200.md
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.build_bench import change_text
from benchmarks.corpus import write_project
from tests.servers import oxigraph_server, virtuoso_server

ROOT = Path(__file__).resolve().parent.parent
_PUSHED = re.compile(r"pushed (\d+) graphs, (\d+) triples")
_MERGE = re.compile(r"as the default graph, (\d+) triples|up to date: \+(\d+) -(\d+) triples")


def run(code: Path, args: list[str], cwd: Path, password: str = "") -> tuple[float, float, str]:
    """Wall seconds, peak resident MiB and stdout of one `kg` command of checkout `code`, which
    must succeed."""
    env = {**os.environ, "PYTHONPATH": str(code), "KG_PUSH_PASSWORD": password}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "kg", *args], cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"push_bench: kg {' '.join(args)} ({code}) failed in {cwd}: {err.read()[-2000:]!r}")
        return seconds, usage.ru_maxrss / 1024, out.read().decode()


def push(code: Path, project: Path, server: tuple[str, list[str], str], update: bool) -> tuple[float, float, int]:
    """Seconds, peak MiB and triples sent (named graphs and default graph) of one `kg push`."""
    endpoint, options, password = server
    more = ["--update", endpoint.rsplit("/", 1)[0] + ("/update" if "/store" in endpoint else "/sparql-auth")]
    seconds, memory, out = run(code, ["push", "--endpoint", endpoint, *options, *(more if update else [])], project,
                               password)
    named = _PUSHED.search(out)
    if named is None:
        raise SystemExit(f"push_bench: unexpected output of kg push: {out}")
    merged = _MERGE.search(out)
    merge = sum(int(n) for n in merged.groups() if n) if merged else 0
    return seconds, memory, int(named.group(2)) + merge


@contextmanager
def server(engine: str, folder: Path) -> Iterator[tuple[str, list[str], str]]:
    """A fresh stock store: its Graph Store endpoint, the `kg push` options it needs, its password."""
    folder.mkdir(parents=True)
    if engine == "oxigraph":
        with oxigraph_server(folder) as root:
            yield root + "/store", [], ""
    else:
        with virtuoso_server(folder, buffers=170_000) as (root, password):
            yield root + "/sparql-graph-crud-auth", ["--user", "dba", "--no-default-graph"], password
    shutil.rmtree(folder, ignore_errors=True)


def prepare(workdir: Path, articles: int, given: Path | None) -> Path:
    """The corpus to push: generated and built here, or a copy of a built one (data copied,
    output hard-linked file by file, the store's small mutable files copied)."""
    project = workdir / "corpus"
    if given is None:
        write_project(project, articles, force=True)
        run(ROOT, ["build", "-q"], project)
        return project
    for part in ("data", "ontology", "queries"):
        if (given / part).exists():
            shutil.copytree(given / part, project / part)
    shutil.copytree(given / "output", project / "output", symlinks=True, copy_function=_link)
    return project


def _link(source: str, target: str) -> None:
    """A hard link for a large file (graph files, dumps, cache parts: the build writes them anew,
    never in place), a copy of a small one (the lock, the stamps) and of the store's files that
    RocksDB may change in place (all but its immutable .sst tables)."""
    if ("/store/" in source and not source.endswith(".sst")) or os.path.getsize(source) < 2**20:
        shutil.copy2(source, target)
    else:
        os.link(source, target)


Row = tuple[str, str, str, float, float, int]  # engine, code, what, median seconds, peak MiB, triples sent


def incremental(engines: list[str], codes: dict[str, Path], project: Path, repeats: int,
                workdir: Path) -> list[Row]:
    """For each engine and code in turn, a fresh server: the first push, then one-article changes
    pushed (one server at a time: at corpus scale a store takes gigabytes of disk)."""
    rows: list[Row] = []
    for engine in engines:
        for name, code in codes.items():
            with server(engine, workdir / f"{engine}-{name}") as store:
                rows.append((engine, name, "first push (empty store)", *push(code, project, store, name == "after")))
                print(rows[-1], file=sys.stderr, flush=True)  # as it comes: a long run's figures survive a stop
                times = []
                for _ in range(repeats):
                    change_text(project)
                    run(ROOT, ["build", "-q", "--formats", "none"], project)  # a push reads only graphs/*.nq
                    times.append(push(code, project, store, name == "after"))
            if times:
                rows.append((engine, name, "push after one article changed", statistics.median(t[0] for t in times),
                             max(t[1] for t in times), times[-1][2]))
                print(rows[-1], file=sys.stderr, flush=True)
    return rows


def table(articles: str, rows: list[Row]) -> str:
    lines = [f"| {articles} | code | median time | peak memory of kg | triples sent | triples/s |",
             "| --- | --- | ---: | ---: | ---: | ---: |"]
    for engine, code, what, seconds, memory, triples in rows:
        lines.append(f"| {engine}: {what} | {code} | {seconds:.1f} s | {memory:,.0f} MiB | {triples:,} | "
                     f"{triples / seconds:,.0f} |")
    ratios = []
    for engine, code, what, seconds, *_ in rows:
        before = [r[3] for r in rows if r[:1] == (engine,) and r[2] == what and r[1] == "before"]
        if code == "after" and before:
            ratios.append(f"{engine}, {what}: {before[0] / seconds:.1f}x")
    return "\n".join(lines) + ("\n\nBefore / after: " + "; ".join(ratios) + ".\n" if ratios else "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.push_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--project", type=Path, help="an already built project to push (only read)")
    parser.add_argument("--repeats", type=int, default=3, help="one-article changes pushed (median); 0: none")
    parser.add_argument("--engines", nargs="+", choices=["oxigraph", "virtuoso"], default=["oxigraph", "virtuoso"])
    parser.add_argument("--before", type=Path, help="another checkout of kg, run side by side")
    parser.add_argument("--workdir", type=Path, help="the scratch folder (default: a temporary one)")
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    args = parser.parse_args(argv)
    codes = {"after": ROOT, **({"before": args.before.resolve()} if args.before else {})}
    with tempfile.TemporaryDirectory(prefix="kg-push-bench-", dir=args.workdir) as folder:
        project = prepare(Path(folder), args.articles, args.project)
        size = len(list((project / "data" / "articles").glob("*.yaml")))
        text = table(f"{size:,} articles", incremental(args.engines, codes, project, args.repeats, Path(folder)))
    print(text, end="")
    if args.out:
        command = " ".join(["python -m benchmarks.push_bench", *(argv if argv is not None else sys.argv[1:])])
        args.out.write_text(f"`{command}`\n\n{text}", encoding="utf-8")


if __name__ == "__main__":
    main()
