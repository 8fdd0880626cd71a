"""A one-article build with the collector's thresholds `kg build` sets, and with Python's defaults,
side by side.

    python -m benchmarks.gc_threshold --project DIR [--repeats 3]

DIR: a built corpus (`python -m benchmarks.corpus`, then `kg build --formats none`). Each round
changes one article's text and builds, once with `build_to`'s thresholds and once with them
replaced by Python's defaults, alternating which goes first; prints the medians of wall and CPU
seconds (the process's user + system time) and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from benchmarks.build_bench import change_text
from benchmarks.validate_bench import run

_DEFAULTS = ("import contextlib, runpy, sys, kg.build.compile as c; c.few_collections = contextlib.nullcontext; "
             "sys.argv = ['kg', 'build', '-q', '--formats', 'none']; runpy.run_module('kg', run_name='__main__')")
COMMANDS = {"kg build (thresholds 200000, 30, 30)": [sys.executable, "-m", "kg", "build", "-q", "--formats", "none"],
            "kg build (Python's defaults 700, 10, 10)": [sys.executable, "-c", _DEFAULTS]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for round_ in range(args.repeats):
        names = list(COMMANDS) if round_ % 2 == 0 else list(reversed(COMMANDS))
        for name in names:
            change_text(args.project)
            wall, cpu, _ = run(COMMANDS[name], args.project)
            times[name].append((wall, cpu))
    medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for name, runs in times.items()}
    for name, (wall, cpu) in medians.items():
        print(f"{name}: wall {wall:.2f} s, CPU {cpu:.2f} s (median of {args.repeats})")
    (new_wall, new_cpu), (old_wall, old_cpu) = medians.values()
    print(f"ratio (defaults / kg's): wall {old_wall / new_wall:.2f}, CPU {old_cpu / new_cpu:.2f}")


if __name__ == "__main__":
    main()
