"""Fuzzing the YAML format (#13): the first article's file mutated by Hypothesis, in its
structure (keys, values, types, nesting) and as text (unicode, YAML syntax, bytes that are
not UTF-8), then built with `kg build`. Every outcome is a build that succeeds and writes
readable outputs, or one short `error:` line with exit 1 and the previous outputs untouched;
never a traceback, and never a hang (each build runs under an alarm).

The budget is fixed and the runs derandomized, so CI sees the same examples every time.
"""

from __future__ import annotations

import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
import yaml
from click.testing import Result
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from kg.errors import SourceError
from kg.source.schema import FIELDS, TYPES
from kg.source.yamlsource import parse_yaml
from tests.build.test_bad_input import run_build, snapshot
from tests.conftest import ROOT, article_yaml

SEED = article_yaml(ROOT).read_text(encoding="utf-8")
SEED_DATA = yaml.safe_load(SEED)
SEED_PARSED = parse_yaml(SEED, Path("seed.yaml"))
HANG_SECONDS = 30  # a build of the first article takes about 2 s
BUDGET = settings(max_examples=40, deadline=None, derandomize=True, database=None, print_blob=True,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                         HealthCheck.function_scoped_fixture])

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the hang alarm needs POSIX signals")

# Values that each probe a check: names, ids, dates, counts, paths, tags and characters that hide.
TRICKY = ["", " ", "!!!", "Indonesia", "indonesia", "lazada", "surabaya", "Startup", "NetworkingEvent",
          "2022-08-09", "2022-02-30", "9/8/22", "../x.txt", "/etc/passwd", ".", "id", "i d", "en-GB-oed",
          "Indonesia\u202e", "Lazada\u200b", "a\x00b", "\ufeff", "planned", "completed", "Selasa (9/8/22)",
          "Berita Jatim", "demi pertumbuhan talenta di Indonesia", "x" * 300]
KEYS = sorted({*FIELDS, "id", "type", "evidence", "value", "quote", "occurrence", "as_of", "text", "related",
               "headline", "entities", "article", "places", "label"})
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20), st.sampled_from(TRICKY),
    st.sampled_from(sorted(TYPES)),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8),
                                                                inner, max_size=3),
    max_leaves=8,
)
# Text inserted into the file: YAML syntax, and any code point (lone surrogates become bad bytes).
SYNTAX = ["\n", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "*bakorwil", "<<: ", "? ", "!!binary ", "!!str ",
          "|", ">", "'", '"', "#", "%YAML 1.1\n", "---\n", "...\n", "\t", "  ", "@", "`", "\\u202e", "\\ud800"]
insertions = st.one_of(st.sampled_from(SYNTAX), st.text(st.characters(codec=None), max_size=6))


def paths(node: Any, prefix: tuple = ()) -> Iterator[tuple]:
    """Every place in the tree a mutation can reach: the key of a mapping, the index of a list."""
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield (*prefix, key)
        yield from paths(child, (*prefix, key))


ALL_PATHS = list(paths(SEED_DATA))


@st.composite
def structural(draw: st.DrawFn) -> str:
    """The seed article with one to three changes to its tree, dumped back to YAML."""
    data = yaml.safe_load(SEED)
    for _ in range(draw(st.integers(1, 3))):
        place = _find(data, draw(st.sampled_from(ALL_PATHS)))
        if place is not None:
            _mutate(draw, *place)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)


def _find(data: Any, path: tuple) -> tuple[dict | list, Any] | None:
    """The container and key a path of the seed reaches in the mutated tree, if it still does."""
    parent = data
    for key in path[:-1]:
        if not _holds(parent, key):
            return None
        parent = parent[key]
    return (parent, path[-1]) if _holds(parent, path[-1]) else None


def _holds(node: Any, key: Any) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(node, list) and isinstance(key, int) and key < len(node)


def _mutate(draw: st.DrawFn, parent: dict | list, key: Any) -> None:
    action = draw(st.sampled_from(["replace", "delete", "rename", "wrap-list", "wrap-value", "duplicate"]))
    if action == "replace":
        parent[key] = draw(values)
    elif action == "delete":
        del parent[key]
    elif action == "rename" and isinstance(parent, dict):
        parent[draw(st.sampled_from(KEYS) | st.text(max_size=8))] = parent.pop(key)
    elif action == "wrap-list":
        parent[key] = [parent[key]]
    elif action == "wrap-value":
        parent[key] = {"value": parent[key], "evidence": draw(values)}
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(key, parent[key])


@st.composite
def textual(draw: st.DrawFn) -> bytes:
    """The seed article's text with one to three insertions, deletions or line changes."""
    text = SEED
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "indent", "duplicate-line"]))
        if action == "insert":
            text = text[:at] + draw(insertions) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        else:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at) + 1 or len(text)
            line = text[start:end]
            text = text[:start] + (" " + line if action == "indent" else line + line) + text[end:]
    return text.encode("utf-8", errors="surrogatepass")


def _changed(content: bytes) -> bool:
    """False when the mutation left the data as it was (a comment or blank space edited):
    such a file builds like the seed, so it is skipped rather than built again."""
    try:
        return parse_yaml(content.decode("utf-8"), Path("fuzz.yaml")) != SEED_PARSED
    except (SourceError, UnicodeDecodeError):
        return True


class Hang(Exception):
    """A build ran past HANG_SECONDS."""


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    def ring(signum: int, frame: object) -> None:
        raise Hang(f"kg build ran over {seconds} s")
    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, good_outputs: Path) -> tuple[Path, Path]:
    """A project copy and an output folder, shared by the examples of this module."""
    root = tmp_path_factory.mktemp("fuzz")
    for part in ("ontology", "data", "queries"):
        shutil.copytree(ROOT / part, root / part)
    shutil.copytree(good_outputs, root / "out")
    return root, root / "out"


def check_outcome(workspace: tuple[Path, Path], content: bytes) -> None:
    """Build `content` as the article's YAML; assert a good build or one clean error line."""
    root, out = workspace
    assume(_changed(content))
    article_yaml(root).write_bytes(content)
    before = snapshot(out)
    with alarm(HANG_SECONDS):
        result: Result = run_build(root, out)
    event("built" if result.exit_code == 0 else "refused")  # pytest --hypothesis-show-statistics
    if result.exit_code == 0:
        assert result.exception is None, result.exception
        store = pyoxigraph.Store()
        store.bulk_load(path=str(out / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
        assert len(store) > 0
        return
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    error = result.stderr.strip()
    assert error.startswith("error: ") and "\n" not in error, error[:500]
    assert len(error.replace(str(root), "")) < 400, error[:500]
    assert snapshot(out) == before, "a refused build changed the previous outputs"


@BUDGET
@given(content=structural())
def test_structural_mutations_build_or_fail_cleanly(workspace: tuple[Path, Path], content: str) -> None:
    check_outcome(workspace, content.encode("utf-8"))


@BUDGET
@given(content=textual())
def test_textual_mutations_build_or_fail_cleanly(workspace: tuple[Path, Path], content: bytes) -> None:
    check_outcome(workspace, content)


def test_the_unmutated_dump_is_the_seed() -> None:
    """The structural fuzzer's starting point is the good article: mutations, not the dump, break it."""
    assert not _changed(yaml.safe_dump(SEED_DATA, allow_unicode=True, sort_keys=False).encode("utf-8"))
