"""The store loaded from graph files: each named graph as written, and the default graph as
their merge, however the lines of a file end."""

import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.build.store import STORE_DIR, _load_piped, load_store

G1, G2 = "http://example.org/graph/a", "http://example.org/graph/b"


def _loaded(tmp_path: Path, files: dict[str, str]) -> ox.Store:
    paths = []
    for name, text in files.items():
        (path := tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(path)
    load_store(tmp_path, paths)
    return ox.Store.read_only(str(tmp_path / STORE_DIR))


def test_default_graph_is_the_merge_even_where_an_object_is_the_graph_iri(tmp_path: Path) -> None:
    store = _loaded(tmp_path, {
        "a.nq": f'<http://x/s> <http://x/p> <{G1}> <{G1}> .\n<http://x/s> <http://x/q> "a <{G1}> .\\n" <{G1}> .\n',
        "b.nq": f'<http://x/s> <http://x/p> <{G1}> <{G2}> .\n',
        "empty.nq": "",
    })
    default = {(q.subject.value, q.predicate.value, str(q.object))
               for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert default == {("http://x/s", "http://x/p", f"<{G1}>"),
                       ("http://x/s", "http://x/q", f'"a <{G1}> .\\n"')}
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(G1)))) == 2


def test_a_file_of_several_graphs_is_still_merged_line_by_line(tmp_path: Path) -> None:
    store = _loaded(tmp_path, {"mixed.nq": f"<http://x/s> <http://x/p> <http://x/o> <{G1}> .\n"
                                           f"<http://x/t> <http://x/p> <http://x/o> <{G2}> .\n"})
    subjects = {q.subject.value for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert subjects == {"http://x/s", "http://x/t"}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["s", "t"]), st.text(st.characters(codec="utf-8",
                exclude_categories=("Cs",)), max_size=8)), min_size=1, max_size=6))
def test_default_graph_holds_each_stated_triple_once(tmp_path_factory, rows) -> None:
    folder = tmp_path_factory.mktemp("store")
    quads = [ox.Quad(ox.NamedNode(f"http://x/{s}"), ox.NamedNode("http://x/p"), ox.Literal(text), ox.NamedNode(G1))
             for s, text in rows]
    lines = sorted({f"{q} .\n" for q in quads})
    store = _loaded(folder, {"a.nq": "".join(lines)})
    default = set(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert default == {ox.Quad(q.subject, q.predicate, q.object) for q in quads}


def test_a_file_that_cannot_be_read_fails_the_load_and_nothing_hangs(tmp_path: Path) -> None:
    """The chunks are made in a thread that feeds the loader: its error reaches the build."""
    threads = threading.active_count()
    (good := tmp_path / "a.nq").write_text(f"<http://x/s> <http://x/p> <http://x/o> <{G1}> .\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        load_store(tmp_path, [good, tmp_path / "gone.nq"])
    assert threading.active_count() == threads


class _Refusing:
    """A store whose loader reads a little of its input, then fails (a full disk, say)."""

    def bulk_load(self, path: str, **_: object) -> None:
        with open(path, "rb") as pipe:
            pipe.read(10)
        raise OSError("No space left on device")


def test_a_loader_that_stops_early_ends_the_feeding_thread(tmp_path: Path) -> None:
    threads = threading.active_count()
    chunks = (b"x" * (1 << 20) for _ in range(64))  # far more than a pipe holds: the feeder would block
    with pytest.raises(OSError, match="No space"):
        _load_piped(_Refusing(), chunks, ox.RdfFormat.N_QUADS)  # type: ignore[arg-type]
    assert threading.active_count() == threads
