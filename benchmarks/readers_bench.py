"""`kg viz` and `kg stats` on one built corpus, run by two versions of kg side by side: say,
the code that parsed every graph file with rdflib and the code that reads the query store.

Each figure is a whole `kg` process timed from outside (wall and CPU seconds, peak memory:
os.wait4); medians of `--repeats`. The outputs of the two versions are compared byte for byte.

    python -m benchmarks.corpus --articles 1000 --out /tmp/c1000 && kg build --project /tmp/c1000
    python -m benchmarks.readers_bench --project /tmp/c1000 --before /tmp/kg-before --after . \
        --out benchmarks/results/readers.md
"""

from __future__ import annotations

import argparse
import filecmp
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = {
    "kg viz": ["viz", "--out", "{dest}/network.html"],
    "kg stats": ["stats", "--top", "5", "--computed-at", "2026-01-01T00:00:00Z"],
}


def run(code: Path, args: list[str], project: Path, stdout: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of `kg ARGS` run from the code in `code`."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    with stdout.open("wb") as out:
        child = subprocess.Popen([sys.executable, "-m", "kg", *args, "--project", str(project)], env=env, cwd=code,
                                 stdout=out, stderr=subprocess.PIPE)  # cwd: `-m` looks there before PYTHONPATH
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"readers_bench: kg {' '.join(args)} failed: {child.stderr.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(code: Path, project: Path, dest: Path, repeats: int) -> dict[str, tuple[float, float, float]]:
    dest.mkdir(parents=True, exist_ok=True)
    figures = {}
    for name, template in COMMANDS.items():
        args = [arg.format(dest=dest) for arg in template]
        stdout = dest.parent / f"{dest.name}-{name.split()[1]}.txt"  # it names dest: not compared
        samples = [run(code, args, project, stdout) for _ in range(repeats)]
        figures[name] = (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples),
                         max(s[2] for s in samples))
    return figures


def report(before: dict, after: dict, same: bool) -> str:
    lines = ["| command | before | after | CPU ratio |", "| --- | ---: | ---: | ---: |"]
    for name in COMMANDS:
        b, a = before[name], after[name]
        lines.append(f"| {name} | {b[0]:.1f} s wall, {b[1]:.1f} s CPU, {b[2]:,.0f} MB "
                     f"| {a[0]:.1f} s wall, {a[1]:.1f} s CPU, {a[2]:,.0f} MB | {b[1] / a[1]:.1f} |")
    lines += ["", f"Outputs byte-identical: {'yes' if same else 'NO'}."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, required=True, help="a built project")
    parser.add_argument("--before", type=Path, required=True, help="a checkout of the older kg")
    parser.add_argument("--after", type=Path, default=Path("."), help="a checkout of the newer kg")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder) / "before", Path(folder) / "after"
        before = measure(args.before.resolve(), args.project, old, args.repeats)
        after = measure(args.after.resolve(), args.project, new, args.repeats)
        differ = filecmp.dircmp(old, new).diff_files
        same = not differ
        if differ:
            print(f"readers_bench: outputs differ: {differ}", file=sys.stderr)
    table = report(before, after, same)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
