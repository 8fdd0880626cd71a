"""How `kg build` grows with the corpus, and what an incremental build costs.

For each size, a generated corpus (benchmarks/corpus.py) is built from scratch, then built
again with nothing changed, then with one article added (a copy of one under a new id), one
article's text changed, and that article removed again; `kg query articles` runs after each
change to show the store sees it. Every figure is a whole `kg` process, timed from outside,
with its own peak memory (os.wait4); the incremental steps repeat `--repeats` times and
report the median. The log-log slope of full-build time between consecutive sizes says how it
grows (1.0 is linear).

    python -m benchmarks.build_bench --sizes 100 1000 10000 --out benchmarks/results/build.md
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from benchmarks.corpus import write_project

KG = [sys.executable, "-m", "kg"]


def run(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one command, which must succeed."""
    started = time.perf_counter()
    child = subprocess.Popen([*KG, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    error = child.stderr.read().decode() if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build_bench: kg {' '.join(args)} failed in {cwd}: {error}")
    return seconds, usage.ru_maxrss / 1024


def _article(project: Path) -> str:
    return sorted(p.stem for p in (project / "data" / "articles").glob("*.yaml"))[0]


def add_copy(project: Path) -> None:
    """One more article: a copy of the first under a new id (its own graph, the same entities)."""
    folder, ident = project / "data" / "articles", _article(project)
    text = (folder / f"{ident}.yaml").read_text(encoding="utf-8").replace(ident, f"{ident}-copy")
    shutil.copyfile(folder / f"{ident}.txt", folder / f"{ident}-copy.txt")
    (folder / f"{ident}-copy.yaml").write_text(text, encoding="utf-8")


def change_text(project: Path) -> None:
    """One article's text changes (a line added at its end: the evidence offsets still hold)."""
    path = project / "data" / "articles" / f"{_article(project)}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def remove_copy(project: Path) -> None:
    ident = _article(project)
    for suffix in (".yaml", ".txt"):
        (project / "data" / "articles" / f"{ident}-copy{suffix}").unlink()


def add_new(project: Path) -> None:
    """One more article about new companies and people: a copy of the first whose companies,
    startups and people are renamed (" Baru" added to their names, "-baru" to their ids), so that
    it brings new entities and new curated lines, not only the first article's again."""
    folder, ident = project / "data" / "articles", _article(project)
    yaml_text = (folder / f"{ident}.yaml").read_text(encoding="utf-8")
    text = (folder / f"{ident}.txt").read_text(encoding="utf-8")
    names = sorted({entity["label"] for entity in yaml.safe_load(yaml_text)["entities"]
                    if entity.get("type") in ("Company", "Startup", "Person")}, key=len, reverse=True)
    for name in names:
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        yaml_text, text = pattern.sub(f"{name} Baru", yaml_text), pattern.sub(f"{name} Baru", text)
        slug = re.compile(rf"(?<=[\s:-]){re.escape(name.lower().replace(' ', '-'))}(?=[\s,\]-]|$)", re.M)
        yaml_text = slug.sub(f"{name.lower().replace(' ', '-')}-baru", yaml_text)
    new = yaml.safe_load(yaml_text)["article"]["id"]
    (folder / f"{new}.txt").write_text(text, encoding="utf-8")
    (folder / f"{new}.yaml").write_text(yaml_text.replace(f"text: {ident}.txt", f"text: {new}.txt"), encoding="utf-8")


def remove_new(project: Path) -> None:
    for path in (project / "data" / "articles").glob("*-baru*"):
        path.unlink()


STEPS: dict[str, Callable[[Path], None]] = {"add one article": add_copy, "change one article": change_text,
                                            "remove one article": remove_copy}


def measure(size: int, repeats: int, workdir: Path, again: bool = True,
            formats: list[str] | None = None) -> dict[str, tuple[float, float]]:
    """The figures for one corpus size: step name -> (median seconds, peak MB)."""
    project = workdir / f"corpus-{size}"
    write_project(project, size, force=True)
    build = ["build", "-q", *(["--formats", ",".join(formats) or "none"] if formats is not None else [])]
    figures = {"full build": run(build, project)}
    figures.update(one_article_steps(project, repeats, build))
    if again:
        figures["full build again (--full)"] = run([*build, "--full"], project)
    shutil.rmtree(project)
    return figures


def one_article_steps(project: Path, repeats: int, build: list[str]) -> dict[str, tuple[float, float]]:
    """On a built corpus: a build with nothing changed, then add, change and remove one article,
    each followed by `kg query articles`, `repeats` times; the medians."""
    figures = {"no-change build": _median([run(build, project) for _ in range(repeats)])}
    steps: dict[str, list[tuple[float, float]]] = {name: [] for name in STEPS}
    queries: list[tuple[float, float]] = []
    for _ in range(repeats):
        for name, step in STEPS.items():
            step(project)
            steps[name].append(run(build, project))
            queries.append(run(["query", "articles", "--format", "csv"], project))
            print(f"{name}: {steps[name][-1][0]:.2f} s, {steps[name][-1][1]:.0f} MB; "
                  f"query {queries[-1][0]:.2f} s", file=sys.stderr)
    figures.update({name: _median(values) for name, values in steps.items()})
    figures["kg query after a change"] = _median(queries)
    return figures


def _median(values: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(v[0] for v in values), max(v[1] for v in values)


def table(results: dict[int, dict[str, tuple[float, float]]]) -> str:
    sizes = sorted(results)
    names = list(dict.fromkeys(name for n in sizes for name in results[n]))
    lines = ["| step | " + " | ".join(f"{n:,} articles" for n in sizes) + " |",
             "| --- |" + " ---: |" * len(sizes)]
    for name in names:
        cells = [f"{results[n][name][0]:.2f} s, {results[n][name][1]:.0f} MB" if name in results[n] else "not run"
                 for n in sizes]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    slopes = [f"{a:,}→{b:,}: {_slope(results, a, b):.2f}" for a, b in itertools.pairwise(sizes)]
    if slopes:
        lines += ["", "Log-log slope of the full build's time: " + "; ".join(slopes) + "."]
    return "\n".join(lines) + "\n"


def _slope(results: dict[int, dict[str, tuple[float, float]]], a: int, b: int) -> float:
    return math.log(results[b]["full build"][0] / results[a]["full build"][0]) / math.log(b / a)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeats", type=int, default=3, help="runs of each incremental step (median)")
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    parser.add_argument("--again", action=argparse.BooleanOptionalAction, default=True,
                        help="end with a --full build of the same corpus (--no-again saves a full build's time)")
    parser.add_argument("--formats", help="kg build --formats for every build (e.g. none) [default: the corpus's]")
    parser.add_argument("--project", type=Path,
                        help="measure the one-article steps on this corpus, already built, instead of --sizes")
    args = parser.parse_args(argv)
    formats = None if args.formats is None else [f for f in args.formats.split(",") if f != "none"]
    build = ["build", "-q", *(["--formats", args.formats] if args.formats is not None else [])]
    results = {}
    if args.project:
        size = len(list((args.project / "data" / "articles").glob("*.yaml")))
        results[size] = one_article_steps(args.project, args.repeats, build)
    else:
        with tempfile.TemporaryDirectory(prefix="kg-build-bench-") as folder:
            for size in args.sizes:
                results[size] = measure(size, args.repeats, Path(folder), args.again, formats)
                print(f"{size} articles done", file=sys.stderr)
    text = table(results)
    print(text, end="")
    if args.out:
        command = " ".join(["python -m benchmarks.build_bench", *(argv if argv is not None else sys.argv[1:])])
        args.out.write_text(f"`{command}`\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
