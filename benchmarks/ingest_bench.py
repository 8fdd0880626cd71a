"""Time of kg ingest's extractor per article: the four gold texts, and a generated batch made
by recombining their paragraphs. Prints medians per text and per batch article.

Run: PYTHONPATH=. python benchmarks/ingest_bench.py [BATCH_SIZE]
The build's checks (a compile of the draft) are timed separately, as `kg ingest` runs them.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

from kg.ingest.draft import make_draft, propose, read_cues

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [ROOT / "data" / "articles" / "tribunjatim-2022-08-09-jatim-lazada.txt",
         *sorted((ROOT / "examples" / "dev-corpus" / "data" / "articles").glob("*.txt"))]


def timed(text: str, cues: dict[str, list[str]]) -> float:
    start = time.perf_counter()
    make_draft("bench", text, propose(text, {}, cues), dt.date(2022, 8, 9), None, {}).yaml_text("bench.txt")
    return time.perf_counter() - start


def main(batch: int = 200) -> None:
    cues = read_cues(ROOT / "ontology" / "kg.ttl")
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    timed(texts[0], cues)  # loads the region data once
    for path, text in zip(TEXTS, texts, strict=True):
        runs = [timed(text, cues) for _ in range(5)]
        print(f"{path.stem}: median {statistics.median(runs) * 1000:.1f} ms over 5 runs")
    rng = random.Random(12)
    paragraphs = [line for text in texts for line in text.split("\n")[5:] if line]
    header = "\n".join(texts[0].split("\n")[:5]) + "\n"
    runs = [timed(header + "\n".join(rng.sample(paragraphs, 12)) + "\n", cues) for _ in range(batch)]
    print(f"generated batch of {batch}: median {statistics.median(runs) * 1000:.1f} ms, "
          f"max {max(runs) * 1000:.1f} ms per article")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
