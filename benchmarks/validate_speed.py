"""`kg validate` from scratch with this checkout's code beside an older checkout's, on one corpus.

A generated corpus (benchmarks/corpus.py) is built once; then, `--repeats` times, each code
validates it with no validation cache, in turn (before, after, before, ...), with each `--jobs`.
Every figure is a whole `kg validate` process timed from outside: wall seconds, CPU seconds of
it and its workers (os.wait4), peak memory. The two codes' outputs (every violation and the
summary line) must be the same bytes, or the benchmark stops.

    git worktree add --detach /tmp/kg-before <commit>
    python -m benchmarks.validate_speed --before /tmp/kg-before --articles 150 --repeats 3 --jobs 1 2
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import write_project

HERE = Path(__file__).resolve().parent.parent


def validate(code: Path, project: Path, jobs: int) -> tuple[float, float, float, bytes]:
    """One `kg validate` from scratch with the kg package under `code`: wall s, CPU s (with its
    workers), peak MB, and what it printed."""
    shutil.rmtree(project / "output" / "generations" / "cache" / "validation", ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(code)}
    with tempfile.TemporaryFile() as printed:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "kg", "validate", "--jobs", str(jobs)], cwd=project, env=env,
                                 stdout=printed, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        printed.seek(0)
        output = printed.read()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"validate_speed: kg validate failed with {code}: {output.decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="a checkout of the older code")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--project", type=Path, help="an already built project to use instead of a new corpus")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = args.project or Path(folder) / "corpus"
        if args.project is None:
            write_project(project, args.articles, seed=args.seed)
            subprocess.run([sys.executable, "-m", "kg", "build", "-q"], cwd=project, check=True,
                           env={**os.environ, "PYTHONPATH": str(HERE)})
        samples: dict[tuple[str, int], list[tuple[float, float, float]]] = {}
        outputs: dict[str, bytes] = {}
        for _ in range(args.repeats):
            for jobs in args.jobs:
                for name, code in (("before", args.before.resolve()), ("after", HERE)):
                    wall, cpu, peak, output = validate(code, project, jobs)
                    if outputs.setdefault(name, output) != output or outputs.get("before", output) != output:
                        raise SystemExit("validate_speed: the two codes' reports differ")
                    samples.setdefault((name, jobs), []).append((wall, cpu, peak))
    table = report(samples, args.articles if args.project is None else None, args.jobs)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


def report(samples: dict[tuple[str, int], list[tuple[float, float, float]]], articles: int | None,
           jobs: list[int]) -> str:
    per = f" ({articles} articles: per article)" if articles else ""
    lines = [f"| jobs | before: wall, CPU{per}, peak | after: wall, CPU{per}, peak | CPU ratio | wall ratio |",
             "| ---: | ---: | ---: | ---: | ---: |"]
    for count in jobs:
        cells, medians = [], []
        for name in ("before", "after"):
            wall = statistics.median(s[0] for s in samples[name, count])
            cpu = statistics.median(s[1] for s in samples[name, count])
            medians.append((wall, cpu))
            each = f" ({wall / articles:.3f} s, {cpu / articles:.3f} s)" if articles else ""
            peak = max(s[2] for s in samples[name, count])
            cells.append(f"{wall:.2f} s, {cpu:.2f} s{each}, {peak:,.0f} MB")
        (wall0, cpu0), (wall1, cpu1) = medians
        lines.append(f"| {count} | {cells[0]} | {cells[1]} | {cpu0 / cpu1:.2f} | {wall0 / wall1:.2f} |")
    runs = len(next(iter(samples.values())))
    return "\n".join(lines) + f"\n\nMedians of {runs} runs each; the same output from both codes.\n"


if __name__ == "__main__":
    main()
