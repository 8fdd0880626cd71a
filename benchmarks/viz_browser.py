"""Time until the network is drawn in headless Chromium (Debian's), from navigation start, for
the page `kg viz` writes (positions precomputed, physics off) and, for comparison, the same page
left to vis-network's solver (Barnes-Hut, 200 stabilisation iterations, as tuned in the issue).

Run: .venv/bin/python -m benchmarks.viz_browser [--sizes 500 5000 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from benchmarks.viz_synthetic import synthetic
from kg.network.page import page

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
DATA = re.compile(r'(<script type="application/json" id="kg-data">)(.*?)(</script>)', re.S)
SOLVER = {"enabled": True, "solver": "barnesHut", "stabilization": {"enabled": True, "iterations": 200}}
TIMEOUT_MS = 300_000


def in_browser_layout(html: str) -> str:
    """The same page without positions, laid out by vis-network's physics instead."""
    def swap(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        for node in data["nodes"]:
            del node["x"], node["y"]
        data["options"]["physics"] = SOLVER
        return match.group(1) + json.dumps(data).replace("<", "\\u003c") + match.group(3)
    return DATA.sub(swap, html, count=1)


def time_to_drawn(browser: Browser, path: Path) -> float:
    tab = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        tab.goto(path.as_uri(), timeout=TIMEOUT_MS)
        tab.wait_for_selector("body[data-drawn]", state="attached", timeout=TIMEOUT_MS)
        return float(tab.evaluate("Number(document.body.dataset.drawn)")) / 1000
    finally:
        tab.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000, 20000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--solver-max", type=int, default=5000, help="Largest size to try the in-browser solver at.")
    args = parser.parse_args()
    print("| nodes | precomputed, physics off | in-browser solver (200 iterations) | ratio |")
    print("|---:|---:|---:|---:|")
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as folder:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for n in args.sizes:
            html = page(synthetic(n), "benchmark")
            fixed, solved = Path(folder, f"fixed-{n}.html"), Path(folder, f"solver-{n}.html")
            fixed.write_text(html, encoding="utf-8")
            solved.write_text(in_browser_layout(html), encoding="utf-8")
            a = statistics.median(time_to_drawn(browser, fixed) for _ in range(args.repeat))
            if n <= args.solver_max:
                b = statistics.median(time_to_drawn(browser, solved) for _ in range(args.repeat))
                print(f"| {n:,} | {a:.2f} s | {b:.2f} s | {b / a:.1f}x |", flush=True)
            else:
                print(f"| {n:,} | {a:.2f} s | not run | |", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
