"""A generation's graph files as what a push sends: each graph's N-Quads file read as N-Triples
lines (its graph term cut off), and the difference between two versions of one graph.

The build writes each graph's file sorted, one quad a line, each once, in one canonical
serialisation (kg/build/assemble.py), so a push needs neither to read the store nor to
serialise anything, and two versions of a graph differ exactly where their lines do: the
difference is one merge of two sorted files, in constant memory. A graph written in shards (the
corpus graph) is read as the merge of its files, which is the same sorted stream.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.build.assemble import sorted_lines
from kg.build.store import merge_sorted
from kg.errors import NotBuiltError

_END = b" .\n"
Files = Path | list[Path]  # a graph's file, or the files of its shards


def triple_lines(path: Files, graph: str) -> Iterator[bytes]:
    """The lines of graph `graph`'s N-Quads file (or files) `path` as N-Triples lines."""
    for line in _lines(path):
        yield _triple(line, _suffix(graph), path)


def differences(old: Files | None, new: Files | None, graph: str,
                limit: int) -> tuple[list[bytes], list[bytes]] | None:
    """The N-Triples lines of graph `graph` that version `old` has and `new` lacks, and those `new`
    adds, from a merge of the two sorted files (None: no such version, an empty graph); None
    as soon as they are more than `limit` lines."""
    removed: list[bytes] = []
    added: list[bytes] = []
    suffix = _suffix(graph)
    for sign, line in merge_sorted(_lines(old), _lines(new)):
        if sign == "=":
            continue
        if sign == "-":
            removed.append(_triple(line, suffix, old))
        else:
            added.append(_triple(line, suffix, new))
        if len(removed) + len(added) > limit:
            return None
    return removed, added


def line_count(path: Files) -> int:
    """How many quads a graph's file (or files) holds."""
    total = 0
    for one in path if isinstance(path, list) else [path]:
        with one.open("rb") as stream:
            total += sum(block.count(b"\n") for block in iter(lambda s=stream: s.read(1 << 20), b""))
    return total


def _lines(path: Files | None) -> Iterator[bytes]:
    """A graph's lines in sorted order: of its file, or merged from its shards' files."""
    if path is None:
        return
    yield from sorted_lines(path if isinstance(path, list) else [path])


def _suffix(graph: str) -> bytes:
    return f" <{graph}>{_END.decode()}".encode()


def _triple(line: bytes, suffix: bytes, path: Files | None) -> bytes:
    if not line.endswith(suffix):
        raise NotBuiltError(f"{path} holds a line outside its graph: {line[:200]!r}", "run `kg build --full`")
    return line[: -len(suffix)] + _END
