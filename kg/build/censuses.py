"""Each graph's census, kept in the cache under the digest its manifest entry gives (what the graph
was made from), so that a generation holds only its graph files: a build at 10,000 articles links
10,000 files from the previous generation instead of 20,000, and deletes as many with the oldest."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kg.build.parts import Part
from kg.build.summary import Census
from kg.rdfio import write_atomic

FOLDER = "census"


class GraphCensuses:
    """`<cache>/census/<digest>.json`, one graph's census each."""

    def __init__(self, cache: Path, base: str) -> None:
        self.folder = cache / FOLDER
        self.base = base

    def write(self, digest: str, graph: str, lines: list[str], article: bool) -> None:
        write_atomic(self.folder / f"{digest}.json", Census.of_lines(graph, lines, self.base, article).to_json())

    def has(self, digest: str) -> bool:
        return (self.folder / f"{digest}.json").is_file()

    def count_ahead(self, part: Part, graph: str, lines: list[str]) -> None:
        """An article graph's census counted where the article was compiled (by a worker, beside
        the others), under the digest its file will have, so that writing the generation, which
        runs alone, finds it done: 90 s of a full build at 10,000 articles."""
        self.write(unit_digest(graph, graph, [part]), graph, distinct(lines), True)

    def read(self, digest: str, graph: str, file: Path, article: bool) -> Census:
        """The census kept for a digest, or counted again from the graph's file when the cache does
        not have it (cleared, or a generation written before censuses were kept here)."""
        try:
            return Census.from_json((self.folder / f"{digest}.json").read_bytes())
        except (OSError, ValueError):
            return Census.of_lines(graph, file.read_text(encoding="utf-8").splitlines(), self.base, article)

    def prune(self, keep: set[str]) -> None:
        """Forget the censuses of graphs no kept generation has."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.removesuffix(".json") not in keep:
                (self.folder / name).unlink(missing_ok=True)


def unit_digest(unit: str, graph: str, parts: list[Part]) -> str:
    """What a file is made of: the distinct blocks of its graph in the parts, so that an article
    compiled again with the same quads in that graph (its text changed), or one more article
    with the same lines, leaves the file as it was: the curated graph gathers from every article,
    16 MB at 10,000 articles. A part cached before blocks had digests gives its own digest."""
    blocks = {span[2] if len(span) > 2 else part.digest for part in parts if (span := part.graphs[graph])}
    return hashlib.sha256("\n".join([unit, *sorted(blocks)]).encode()).hexdigest()


def distinct(merged: list[str]) -> list[str]:
    """Sorted lines, each once."""
    return [line for i, line in enumerate(merged) if i == 0 or line != merged[i - 1]]
