"""What `kg push` costs at corpus scale: every graph, or only those changed since the last push.

A generated corpus (benchmarks/corpus.py) is built and pushed once into a stock Oxigraph
server started on loopback (tests/servers.py), timed: the first push. Then, `--repeats` times,
one article is changed (a line appended to its text) and built again, and the same push is
timed three ways side by side against the same server: `kg diff` of the change, `kg push`
(only the changed graphs) and `kg push --all` (every graph, the behaviour before). Each
figure is a whole `kg` process timed from outside; the table gives medians, graphs and triples
sent, triples per second and the ratio full / incremental.

    python -m benchmarks.push_bench --articles 1000 --repeats 3 --out benchmarks/results/push-1000.md
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.build_bench import change_text
from benchmarks.corpus import write_project
from tests.servers import oxigraph_server

KG = [sys.executable, "-m", "kg"]
_PUSHED = re.compile(r"pushed (\d+) graphs, (\d+) triples")


def run(args: list[str], cwd: Path) -> tuple[float, str]:
    """Wall seconds and stdout of one `kg` command, which must succeed."""
    started = time.perf_counter()
    done = subprocess.run([*KG, *args], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"push_bench: kg {' '.join(args)} failed in {cwd}: {done.stderr[-2000:]}")
    return seconds, done.stdout


def push(project: Path, endpoint: str, *options: str) -> tuple[float, int, int]:
    """Seconds, graphs and triples of one `kg push`."""
    seconds, out = run(["push", "--endpoint", endpoint, *options], project)
    found = _PUSHED.search(out)
    if found is None:
        raise SystemExit(f"push_bench: unexpected output of kg push: {out}")
    return seconds, int(found.group(1)), int(found.group(2))


def measure(articles: int, repeats: int, workdir: Path) -> list[tuple[str, float, int, int]]:
    """Rows of the table: (what, median seconds, graphs sent, triples sent)."""
    project = workdir / "corpus"
    write_project(project, articles, force=True)
    run(["build", "-q"], project)
    (workdir / "oxigraph").mkdir()
    with oxigraph_server(workdir / "oxigraph") as root:
        endpoint = root + "/store"
        rows = [("first push (empty store)", *push(project, endpoint))]
        diffs, incremental, full = [], [], []
        for _ in range(repeats):
            change_text(project)
            run(["build", "-q"], project)
            diffs.append(run(["diff", "--format", "json"], project)[0])
            incremental.append(push(project, endpoint))
            full.append(push(project, endpoint, "--all"))
    rows.append(("kg diff of a one-article change", statistics.median(diffs), 0, 0))
    for name, values in (("push after one article changed", incremental), ("push --all after the same change", full)):
        rows.append((name, statistics.median(v[0] for v in values), values[-1][1], values[-1][2]))
    return rows


def table(articles: int, rows: list[tuple[str, float, int, int]]) -> str:
    lines = [f"| {articles:,} articles | median time | graphs sent | triples sent | triples/s |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for name, seconds, graphs, triples in rows:
        rate = f"{triples / seconds:,.0f}" if triples else "-"
        lines.append(f"| {name} | {seconds:.2f} s | {graphs:,} | {triples:,} | {rate} |")
    speed = {name: seconds for name, seconds, _, _ in rows}
    ratio = speed["push --all after the same change"] / speed["push after one article changed"]
    return "\n".join(lines) + f"\n\nFull / incremental push after a one-article change: {ratio:.1f}x.\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.push_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3, help="one-article changes pushed (median)")
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-push-bench-") as folder:
        text = table(args.articles, measure(args.articles, args.repeats, Path(folder)))
    print(text, end="")
    if args.out:
        args.out.write_text(f"`python -m benchmarks.push_bench --articles {args.articles} --repeats {args.repeats}`"
                            f"\n\n{text}", encoding="utf-8")


if __name__ == "__main__":
    main()
