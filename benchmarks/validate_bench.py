"""How `kg validate` grows with the corpus, what one changed article costs, and pySHACL beside
pyrudof (a Rust SHACL engine) on the same pieces of graph.

For each size, a generated corpus (benchmarks/corpus.py, statuses that never change, so the
corpus conforms) is built, then validated with no cache, validated again with nothing changed,
and validated after one article's text changed and `kg build` ran (`--repeats` times, median).
Every figure is a whole `kg validate` process timed from outside, with its peak memory and the
CPU time of it and its workers (os.wait4). With `--whole`, the old way (one pySHACL run over
the merged graph) is timed too. `--engines N` times both engines in this process on N article
graphs, each with the RDFS entailments the shapes rely on, and says whether they agree.

    python -m benchmarks.validate_bench --sizes 100 1000 --whole 100 --engines 20 \
        --out benchmarks/results/validate.md
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

import pyoxigraph as ox

from benchmarks.build_bench import change_text
from benchmarks.corpus import write_project
from kg.build.shacl import Checker, entailed
from kg.build.validation_units import read_unit

KG = [sys.executable, "-m", "kg"]
WHOLE = ("from pathlib import Path; from kg.build.validate import load_built, validate; "
         "from kg.project import open_project; p = open_project(Path('.')); "
         "print(validate(load_built(Path('output')), p.shapes_file, p.base).conforms)")


def run(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (with its workers) and peak resident MB of one process."""
    started = time.perf_counter()
    child = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        error = child.stderr.read().decode() if child.stderr else ""
        raise SystemExit(f"validate_bench: {' '.join(args)} failed in {cwd}: {error}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(size: int, repeats: int, workdir: Path, whole: bool) -> dict[str, tuple[float, float, float]]:
    project = workdir / f"corpus-{size}"
    write_project(project, size, status_changes=False, force=True)
    run([*KG, "build", "-q"], project)
    cache = project / "output" / "generations" / "cache" / "validation"
    figures = {"from scratch": run([*KG, "validate"], project)}
    figures["nothing changed"] = _median([run([*KG, "validate"], project) for _ in range(repeats)])
    changed = []
    for _ in range(repeats):
        change_text(project)
        run([*KG, "build", "-q"], project)
        changed.append(run([*KG, "validate"], project))
    figures["one article changed"] = _median(changed)
    if whole:
        shutil.rmtree(cache)
        figures["whole graph, one pySHACL run (before)"] = run([sys.executable, "-c", WHOLE], project)
    return figures


def _median(samples: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples),
            max(s[2] for s in samples))


def engines(project: Path, count: int) -> tuple[list[float], list[float], int]:
    """Seconds per article graph for pySHACL and pyrudof, and how many graphs they disagree on."""
    import pyrudof

    graphs = sorted((project / "output" / "graphs").glob("*.nq"))
    ontology = read_unit(project / "output" / "graphs" / "ontology.nq")
    articles = [p for p in graphs if p.stem not in ("ontology", "curated", "regions") and "--" not in p.stem][:count]
    shapes = project / "ontology" / "shapes.ttl"
    checker = Checker.load(shapes, ontology)
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_shacl(shapes.read_text(encoding="utf-8"))
    slow, fast, differ = [], [], 0
    for path in articles:
        triples = read_unit(path)
        started = time.perf_counter()
        ours = {(r.focus, r.path) for r in checker.check(triples)}
        slow.append(time.perf_counter() - started)
        started = time.perf_counter()
        data = ox.serialize(entailed([*triples, *ontology], ontology), format=ox.RdfFormat.N_TRIPLES).decode()
        rudof.reset_data()  # read_data adds to what an earlier call read
        rudof.read_data(data, format=pyrudof.RDFFormat.NTriples)
        theirs = {(r.focus_node, r.path) for r in rudof.validate_shacl()}
        fast.append(time.perf_counter() - started)
        differ += ours != theirs
    return slow, fast, differ


def report(results: dict[int, dict[str, tuple[float, float, float]]], timing: tuple | None) -> str:
    steps = list(dict.fromkeys(step for figures in results.values() for step in figures))
    lines = ["| step | " + " | ".join(f"{size:,} articles" for size in results) + " |",
             "| --- |" + " ---: |" * len(results)]
    for step in steps:
        cells = [f"{f[0]:.2f} s wall, {f[1]:.2f} s CPU, {f[2]:,.0f} MB" if (f := results[size].get(step)) else "not run"
                 for size in results]
        lines.append(f"| {step} | " + " | ".join(cells) + " |")
    if timing:
        slow, fast, differ = timing
        ratio = statistics.median(slow) / statistics.median(fast)
        lines += ["", f"Per article graph, {len(slow)} graphs, same entailed data: pySHACL median "
                  f"{statistics.median(slow):.3f} s, pyrudof {statistics.median(fast):.3f} s (ratio {ratio:.1f}); "
                  f"graphs whose (focus, path) results differ: {differ}."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--whole", type=int, nargs="*", default=[], help="sizes at which to time the old way too")
    parser.add_argument("--engines", type=int, default=0, help="article graphs to time both engines on")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = {size: measure(size, args.repeats, Path(folder), size in args.whole) for size in args.sizes}
        timing = engines(Path(folder) / f"corpus-{args.sizes[0]}", args.engines) if args.engines else None
    table = report(results, timing)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
