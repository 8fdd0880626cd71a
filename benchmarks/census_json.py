"""The build's merged census read and written with json and with orjson, side by side.

    python -m benchmarks.census_json CENSUS.json [--repeats 5]

CENSUS.json: a generation's census.json (at 10,000 generated articles, 30 MB). Each round times
both libraries on the same bytes, alternating which goes first; prints medians and ratios, and
whether the two give the same data back.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import orjson


def _time(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("census", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    data = args.census.read_bytes()
    value = json.loads(data)
    runs: dict[str, list[float]] = {"json read": [], "orjson read": [], "json write": [], "orjson write": []}
    for round_ in range(args.repeats):
        pairs = [("json", lambda: json.loads(data), lambda: json.dumps(value, sort_keys=True).encode()),
                 ("orjson", lambda: orjson.loads(data), lambda: orjson.dumps(value, option=orjson.OPT_SORT_KEYS))]
        for name, read, write in pairs if round_ % 2 == 0 else reversed(pairs):
            runs[f"{name} read"].append(_time(read))
            runs[f"{name} write"].append(_time(write))
    assert orjson.loads(orjson.dumps(value, option=orjson.OPT_SORT_KEYS)) == value
    print(f"census {args.census} ({len(data) / 1e6:.1f} MB), medians of {args.repeats}:")
    for step in ("read", "write"):
        a, b = statistics.median(runs[f"json {step}"]), statistics.median(runs[f"orjson {step}"])
        print(f"  {step}: json {a:.3f} s, orjson {b:.3f} s ({a / b:.1f}x)")


if __name__ == "__main__":
    main()
