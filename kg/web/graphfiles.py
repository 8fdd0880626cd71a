"""A generation's graph files as what a push sends: each graph's N-Quads file read as N-Triples
lines (its graph term cut off), and the difference between two versions of one graph.

The build writes each graph's file sorted, one quad a line, each once, in one canonical
serialisation (kg/build/assemble.py), so a push needs neither to read the store nor to
serialise anything, and two versions of a graph differ exactly where their lines do: the
difference is one merge of two sorted files, in constant memory.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.build.store import merge_sorted
from kg.errors import NotBuiltError

_END = b" .\n"


def triple_lines(path: Path, graph: str) -> Iterator[bytes]:
    """The lines of graph `graph`'s N-Quads file `path` as N-Triples lines."""
    with path.open("rb") as lines:
        for line in lines:
            yield _triple(line, _suffix(graph), path)


def differences(old: Path | None, new: Path | None, graph: str,
                limit: int) -> tuple[list[bytes], list[bytes]] | None:
    """The N-Triples lines of graph `graph` that version `old` has and `new` lacks, and those `new`
    adds, from a merge of the two sorted files (None: no such version, an empty graph); None
    as soon as they are more than `limit` lines."""
    removed: list[bytes] = []
    added: list[bytes] = []
    suffix = _suffix(graph)
    with _lines(old) as before, _lines(new) as after:
        for sign, line in merge_sorted(iter(before), iter(after)):
            if sign == "=":
                continue
            if sign == "-":
                removed.append(_triple(line, suffix, old))
            else:
                added.append(_triple(line, suffix, new))
            if len(removed) + len(added) > limit:
                return None
    return removed, added


def line_count(path: Path) -> int:
    """How many quads a graph's file holds."""
    with path.open("rb") as stream:
        return sum(block.count(b"\n") for block in iter(lambda: stream.read(1 << 20), b""))


def _lines(path: Path | None) -> BinaryIO:
    return path.open("rb") if path is not None else io.BytesIO()


def _suffix(graph: str) -> bytes:
    return f" <{graph}>{_END.decode()}".encode()


def _triple(line: bytes, suffix: bytes, path: Path | None) -> bytes:
    if not line.endswith(suffix):
        raise NotBuiltError(f"{path} holds a line outside its graph: {line[:200]!r}", "run `kg build --full`")
    return line[: -len(suffix)] + _END
