"""The persisted query store: the built graph in an on-disk Oxigraph store in the output
folder, with a stamp that says which inputs it was built from, so `kg query` opens it in
milliseconds instead of re-parsing files, and knows when it is stale.

Oxigraph (pyoxigraph) was chosen by measurement over rdflib's own engine: see
benchmarks/README.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from kg import __version__
from kg.errors import NotBuiltError
from kg.project import Project
from kg.rdfio import write_atomic

STORE_DIR = "store"
STAMP_FILE = "build.json"


class StaleStoreError(NotBuiltError):
    """The store was built from other inputs than those in the project now."""


NOT_INPUTS = ("data/drafts/", "data/review/")  # drafts under review and the review log: no build reads them


class Inputs(dict[str, list]):
    """Every file a build reads: its path relative to the project -> [size, mtime_ns, sha256], as
    the stamp records them; and which of them are symbolic links, which the walk knew at no cost,
    so that only those are checked for leading out of their folder (a stat less a file)."""

    def __init__(self, files: dict[str, list] | None = None, links: Iterable[str] = ()) -> None:
        super().__init__(files or {})
        self.links = frozenset(links)


def _inputs(project: Project) -> list[tuple[str, os.stat_result, bool]]:
    """Every file a build reads (ontology/, data/ but drafts), by its path relative to the project,
    with its status and whether it is a link, in the order of their paths. A walk of directory
    entries, as `Path.rglob` walks (links to folders not followed), at a stat a file: 20,000
    files at 10,000 articles."""
    found: list[tuple[str, os.stat_result, bool]] = []
    for folder in ("ontology", "data"):
        _walk(os.path.join(project.root, folder), folder, found)
    return sorted((item for item in found if not item[0].startswith(NOT_INPUTS)), key=lambda i: i[0].split("/"))


def _walk(folder: str, relative: str, found: list[tuple[str, os.stat_result, bool]]) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return  # absent or unreadable, as rglob passes over it
    for entry in entries:
        path = f"{relative}/{entry.name}"
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(entry.path, path, found)
            elif entry.is_file():
                found.append((path, entry.stat(), entry.is_symlink()))
        except OSError:
            continue  # gone since the listing, or a link to nowhere: not an input


def file_digest(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def input_files(project: Project, previous: Path | None = None) -> Inputs:
    """Every input with its size, modification time and hash. A file whose size and time are
    those the previous generation's stamp records keeps the hash recorded there (as `_fresh`
    trusts them), so a build where little changed reads little."""
    known = _recorded(project, previous)
    files, links = {}, []
    for relative, info, link in _inputs(project):
        entry = known.get(relative)
        same = isinstance(entry, list) and len(entry) == 3 and entry[:2] == [info.st_size, info.st_mtime_ns]
        files[relative] = [info.st_size, info.st_mtime_ns, entry[2] if same else file_digest(project.root / relative)]
        if link:
            links.append(relative)
    return Inputs(files, links)


def _recorded(project: Project, generation: Path | None) -> dict:
    """The files a generation's stamp records, if it was built with this kg and base IRI."""
    try:
        stamp = json.loads((generation / STAMP_FILE).read_text(encoding="utf-8")) if generation else {}
    except (OSError, ValueError):
        return {}
    fits = isinstance(stamp, dict) and stamp.get("base") == project.base and stamp.get("kg") == __version__
    return stamp["files"] if fits and isinstance(stamp.get("files"), dict) else {}


def _fresh(project: Project, stamp: dict) -> bool:
    """Whether the inputs are those the stamp records. A file whose size and time are unchanged is
    taken as unchanged, as make and git do, so the check costs a stat per file, not a read."""
    recorded = stamp.get("files")
    if not isinstance(recorded, dict) or stamp.get("base") != project.base or stamp.get("kg") != __version__:
        return False
    seen = 0
    for relative, info, _ in _inputs(project):
        seen += 1
        entry = recorded.get(relative)
        if entry is None:
            return False
        unchanged = [info.st_size, info.st_mtime_ns] == entry[:2]
        if not unchanged and (info.st_size != entry[0] or file_digest(project.root / relative) != entry[2]):
            return False
    return seen == len(recorded)


def without_graph(line: str) -> str:
    """An N-Quads line of a named graph as the N-Triples line of its triple (the graph IRI is the
    line's last term, and nothing after it can hold " <")."""
    return line[:line.rindex(" <")] + " .\n"


def load_store(folder: Path, files: list[Path]) -> None:
    """A new store in `folder` (a generation being built) from its graph files (N-Quads): the named
    graphs, and as the default graph their merge. The files are streamed to the loader, never
    copied into one dump first: at 10,000 articles a copy is gigabytes of disk.

    The merge holds each triple once, as RDF merging does; querying all named graphs as one
    ("union default graph") would instead repeat a fact once per article that states it, and
    joins over entities named in many articles would grow with the square of that number.
    """
    store = ox.Store(str(folder / STORE_DIR))
    _load_piped(store, _file_chunks(files), ox.RdfFormat.N_QUADS)  # our own writer's: lenient
    _load_piped(store, _triple_chunks(files), ox.RdfFormat.N_TRIPLES, ox.DefaultGraph())  # kept once each
    store.optimize()


def _load_piped(store: ox.Store, chunks: Iterator[bytes], rdf_format: ox.RdfFormat,
                to_graph: ox.DefaultGraph | None = None) -> None:
    """Bulk-load `chunks` through a pipe that a thread fills: Oxigraph reads the pipe itself with
    Python's lock released, so the chunks are made while it parses. Handing it a Python file
    instead made it call back into Python for every 2 KB read: at 10,000 articles, 117 s of a
    12-minute build, and the graphs taken off the lines could not overlap the load."""
    read, write = os.pipe()
    failed: list[BaseException] = []
    feeder = threading.Thread(target=_feed, args=(write, chunks, failed), daemon=True)
    feeder.start()
    try:
        options = {"to_graph": to_graph} if to_graph is not None else {}
        with _leaving_a_cpu():
            store.bulk_load(path=f"/dev/fd/{read}", format=rdf_format, lenient=True, **options)
    finally:
        os.close(read)  # a loader that stopped early leaves the feeder a broken pipe, which ends it
        feeder.join()
    if failed:
        raise failed[0]


@contextlib.contextmanager
def _leaving_a_cpu() -> Iterator[None]:
    """This thread, and the loader's threads it starts, on every CPU but one, which is left to the
    thread feeding the pipe (started before). Oxigraph sizes its parallel batches by the CPUs it
    may use: on 2 cores the load then holds a third less memory, for about a tenth more time
    (benchmarks/store_load.py); the peak of a full build is the loader's."""
    every = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()
    if len(every) < 2:
        yield
        return
    os.sched_setaffinity(0, set(sorted(every)[:-1]))
    try:
        yield
    finally:
        os.sched_setaffinity(0, every)


def _feed(write: int, chunks: Iterator[bytes], failed: list[BaseException]) -> None:
    """Write the chunks to the pipe, then close it (the loader's end of input)."""
    try:
        with open(write, "wb") as pipe:
            for chunk in chunks:
                pipe.write(chunk)
    except BrokenPipeError:
        pass  # the loader stopped reading: its own error is the one to raise
    except BaseException as exc:  # handed to the loading thread, which raises it
        failed.append(exc)


def _file_chunks(files: list[Path]) -> Iterator[bytes]:
    for path in files:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                yield chunk


def _triple_chunks(files: list[Path]) -> Iterator[bytes]:
    """Each file's quads as triples. A file holds one graph, so every line ends in the same
    ` <graph> .`: it is taken off the whole file at once, in C (line by line in Python, 25 M
    lines at 10,000 articles, this was a tenth of a full build)."""
    for path in files:
        if not (data := path.read_bytes()):
            continue
        first = data[:data.find(b"\n") + 1]
        ending = first[first.rfind(b" <"):]
        if ending.endswith(b" .\n") and data.count(ending) == data.count(b"\n") and data.endswith(b"\n"):
            yield data.replace(ending, b" .\n")
        else:  # not one graph's file as kg writes it
            yield "".join(without_graph(line) for line in data.decode().splitlines(keepends=True)).encode()


def update_store(previous: Path, folder: Path, files: dict[str, tuple[Path | None, Path | None]],
                 before: set[str], after: set[str]) -> None:
    """The previous generation's store, copied by hard links into `folder`, with each file of
    `files` (its manifest entry, `IRI` or `IRI SHARD` -> the file in the previous generation and in
    this one; None where there is none) brought from the one to the other by the lines that left
    and came, so that a graph as large as the corpus graph costs what changed in it, not its size.
    `before` and `after` are the graphs each generation's manifest names.

    The default graph stays the merge: a triple leaves it only when no named graph states it
    any more (a fact stated by two articles survives the removal of one of them). Every line that
    came is added first, then those that left are taken out, a batch at a time: memory stays
    bounded however much changed (a new layout replaces every line of the corpus graph).
    """
    ox.Store.read_only(str(previous)).backup(str(folder / STORE_DIR))
    store = ox.Store(str(folder / STORE_DIR))
    for name in {unit.split(" ", 1)[0] for unit in files} - before:  # a store of a layout without graph files
        graph = ox.NamedNode(name)
        quads = list(store.quads_for_pattern(None, None, None, graph))
        store.remove_graph(graph)
        _drop_unstated(store, [quad.triple for quad in quads])
    for batch in _changed_lines(files, "+"):
        quads = _parsed(batch)
        store.extend(quads)
        store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    for batch in _changed_lines(files, "-"):
        quads = _parsed(batch)
        for quad in quads:
            store.remove(quad)
        _drop_unstated(store, [quad.triple for quad in quads])
    for name in {unit.split(" ", 1)[0] for unit in files} - after:
        store.remove_graph(ox.NamedNode(name))  # its name too, as a full build would not know it
    store.flush()


def _changed_lines(files: dict[str, tuple[Path | None, Path | None]], sign: str,
                   size: int = 50_000) -> Iterator[list[str]]:
    """The lines that came ("+") or left ("-") in the files, in batches of `size`."""
    batch: list[str] = []
    for old, new in files.values():
        if small_pair(old, new):
            came, left = line_changes(graph_lines(old), graph_lines(new))
            changed: Iterable[str] = came if sign == "+" else left
        else:
            changed = (line for found, line in merge_sorted(_read_lines(old), _read_lines(new)) if found == sign)
        for line in changed:
            batch.append(line)
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch


SMALL_PAIR = 32 << 20  # two graph files under this together are compared whole, as sets of lines


def small_pair(old: Path | None, new: Path | None) -> bool:
    """Whether two files are small enough to compare whole (a shard of the corpus graph, an
    article's graph): sets of lines compare in C, where a merge of sorted lines runs line by line
    in Python; larger files (a graph of a layout before shards) stream through `merge_sorted`."""
    return sum(path.stat().st_size for path in (old, new) if path is not None) <= SMALL_PAIR


def graph_lines(path: Path | None) -> list[str]:
    """A graph file's lines (none for no file): split at line feeds only, as N-Quads lines are."""
    if path is None:
        return []
    text = path.read_text(encoding="utf-8")
    return text.removesuffix("\n").split("\n") if text else []


def line_changes(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    """The lines only in `new` and those only in `old`, each sorted."""
    before, after = set(old), set(new)
    return sorted(after - before), sorted(before - after)


def _drop_unstated(store: ox.Store, triples: list[ox.Triple]) -> None:
    """Take out of the default graph the triples no named graph states any more."""
    for triple in triples:
        stated = store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
        if not any(not isinstance(quad.graph_name, ox.DefaultGraph) for quad in stated):
            store.remove(ox.Quad(triple.subject, triple.predicate, triple.object))


def _read_lines(path: Path | None) -> Iterator[str]:
    if path is not None:
        with path.open(encoding="utf-8") as stream:
            yield from (line.rstrip("\n") for line in stream)


def _parsed(lines: list[str]) -> list[ox.Quad]:
    return list(ox.parse(("\n".join(lines) + "\n").encode(), format=ox.RdfFormat.N_QUADS)) if lines else []


Line = TypeVar("Line", str, bytes)


def merge_sorted(old: Iterator[Line], new: Iterator[Line]) -> Iterator[tuple[str, Line]]:
    """Two sorted streams of lines (text or bytes) as one: "-" only in old, "+" only in new, "=" in both."""
    a, b = next(old, None), next(new, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a < b):
            yield "-", a  # type: ignore[misc]
            a = next(old, None)
        elif a is None or b < a:
            yield "+", b
            b = next(new, None)
        else:
            yield "=", a
            a, b = next(old, None), next(new, None)


def write_stamp(project: Project, folder: Path, files: dict[str, list]) -> None:
    """Which inputs the generation in `folder` was built from (`input_files`, taken when the build
    began), so that readers can tell when data/ or ontology/ has changed since."""
    stamp = {"base": project.base, "kg": __version__, "files": files}
    write_atomic(folder / STAMP_FILE, (json.dumps(stamp, indent=1, sort_keys=True) + "\n").encode())


def store_path(project: Project, out_dir: Path, check_fresh: bool = True) -> Path:
    """The path of a usable store, or an error that says to run `kg build`."""
    path, stamp_file = out_dir / STORE_DIR, out_dir / STAMP_FILE
    if not path.is_dir() or not stamp_file.is_file():
        raise NotBuiltError(f"no built graph in {out_dir}", "run `kg build` first")
    if check_fresh:
        try:
            stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise NotBuiltError(f"unreadable build stamp {stamp_file}", "run `kg build` again") from exc
        if not _fresh(project, stamp):
            raise StaleStoreError(f"the graph in {out_dir} is older than ontology/ or data/",
                                  "run `kg build` to bring it up to date")
    return path


def open_store(path: Path) -> ox.Store:
    """Open a persisted store read-only (queries can never change it)."""
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise NotBuiltError(f"cannot open the query store {path}: {exc}", "run `kg build` again") from exc
