"""The output folder is never seen broken: every failure, kill or second build leaves a complete
generation (the previous or the new one) behind the names readers open."""

from __future__ import annotations

import fcntl
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.build import assemble as assemble_module
from kg.build import compile as compile_module
from kg.build import corpus as corpus_module
from kg.build.generations import GENERATIONS, LOCK
from kg.cli import main
from kg.project import open_project
from tests.conftest import ROOT, article_yaml

READ_NAMES = ("graph.nq", "graph.trig", "summary.json", "void.ttl", "build.json")


def _build(project: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "--project", str(project), "--out", str(out)])
    return result.exit_code, result.output + (result.stderr or "")


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in READ_NAMES}


def _assert_complete(out: Path) -> dict[str, bytes]:
    """Every published name resolves into one generation, whose store answers and matches its files."""
    target = (out / GENERATIONS / "current").resolve()
    for name in (*READ_NAMES, "store"):
        assert (out / name).resolve().parent == target, name
    store = ox.Store.read_only(str(out / "store"))
    quads = sum(1 for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
    assert quads == len((out / "graph.nq").read_bytes().splitlines())
    assert bool(store.query("ASK { ?a a <https://schema.org/NewsArticle> }"))
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["articles"] == 1
    return _snapshot(out)


def test_each_build_is_a_new_generation_and_the_previous_is_kept(project_copy: Path, tmp_path: Path) -> None:
    """Each build with something to do (here a text changed) is a new generation; one with nothing
    to do keeps the one shown."""
    out = tmp_path / "out"
    text = article_yaml(project_copy).with_suffix(".txt")
    for changed in (False, True, True, False):
        if changed:
            text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert _build(project_copy, out)[0] == 0
    names = sorted(p.name for p in (out / GENERATIONS).iterdir())
    assert names == ["cache", "current", "g000002", "g000003", LOCK]
    assert os.readlink(out / GENERATIONS / "current") == "g000003"
    _assert_complete(out)


@pytest.mark.parametrize("step", ["compile_part", "write_generation", "update_store", "_write_formats", "describe",
                                  "write_stamp", "publish"])
def test_a_failure_while_writing_leaves_the_previous_generation(project_copy: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    out = tmp_path / "out"
    assert _build(project_copy, out)[0] == 0
    before = _snapshot(out)
    text = article_yaml(project_copy).with_suffix(".txt")  # a change every write step has to carry
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")
    module = next(m for m in (compile_module, corpus_module, assemble_module) if hasattr(m, step))
    monkeypatch.setattr(module, step, fail)
    with pytest.raises(OSError):
        compile_module.build_to(open_project(project_copy), out)
    assert _snapshot(out) == before
    assert not [p for p in (out / GENERATIONS).iterdir() if p.name.startswith(".")], "no half-built generation left"
    monkeypatch.undo()
    assert _build(project_copy, out)[0] == 0 and _snapshot(out) != before


def test_a_full_disk_is_one_line_with_what_to_do(project_copy: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """pyoxigraph reports a full disk as a bare OSError: the CLI says it in one line, no traceback."""
    out = tmp_path / "out"
    assert _build(project_copy, out)[0] == 0
    before = _snapshot(out)
    text = article_yaml(project_copy).with_suffix(".txt")
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("IO error: No space left on device: While appending to file: store/bulk-1.sst")
    monkeypatch.setattr(assemble_module, "update_store", fail)
    code, output = _build(project_copy, out)
    assert code == 1
    assert "Traceback" not in output
    assert output.strip().splitlines()[-1] == (
        "error: IO error: No space left on device: While appending to file: store/bulk-1.sst "
        "(free some disk space and run the command again)")
    assert _snapshot(out) == before


def test_a_second_build_on_the_same_folder_stops_with_a_clear_message(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _build(project_copy, out)[0] == 0
    before = _snapshot(out)
    holder = os.open(out / GENERATIONS / LOCK, os.O_RDWR)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        os.pwrite(holder, b"4242\n", 0)
        code, output = _build(project_copy, out)
    finally:
        os.close(holder)
    assert code == 2 and "another kg build (process 4242)" in output and "--out" in output
    assert _snapshot(out) == before


def test_a_build_into_a_folder_of_the_old_layout_replaces_it(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "store").mkdir(parents=True)
    (out / "store" / "000001.sst").write_bytes(b"old")
    (out / "graph.nq").write_text("old\n")
    assert _build(project_copy, out)[0] == 0
    assert (out / "store").is_symlink() and (out / "graph.nq").is_symlink()
    _assert_complete(out)


def _kill_build_at(project: Path, out: Path, delay: float) -> None:
    child = subprocess.Popen([sys.executable, "-m", "kg", "build", "--project", str(project), "--out", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()


def test_killing_builds_at_random_moments_never_breaks_the_folder(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _build(project_copy, out)[0] == 0
    started = time.perf_counter()
    assert _build(project_copy, out)[0] == 0
    one_build = time.perf_counter() - started + 0.5  # a child also pays the interpreter's start
    chooser = random.Random(20221209)
    yaml_file = article_yaml(project_copy)
    original = yaml_file.read_text(encoding="utf-8")
    for attempt in range(6):
        yaml_file.write_text(original + f"\n# edit {attempt}\n", encoding="utf-8")
        _kill_build_at(project_copy, out, chooser.uniform(0.2, one_build))
        _assert_complete(out)
    assert _build(project_copy, out)[0] == 0
    assert not [p for p in (out / GENERATIONS).iterdir() if p.name.startswith(".")]
    _assert_complete(out)


def test_two_builds_at_once_leave_one_complete_generation(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "kg", "build", "--project", str(project_copy), "--out", str(out)]
    children = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) for _ in range(2)]
    results = [(child.wait(), child.stderr.read().decode()) for child in children]
    assert sorted(code for code, _ in results) in ([0, 0], [0, 2])
    assert all("another kg build" in err for code, err in results if code == 2)
    _assert_complete(out)
    shutil.rmtree(out)


def test_a_copied_output_folder_builds_again(project_copy: Path, tmp_path: Path) -> None:
    """cp -r (links followed) turns the generation links into folders; the next build replaces them."""
    out = tmp_path / "out"
    assert _build(project_copy, out)[0] == 0
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    assert not (copy / GENERATIONS / "current").is_symlink()
    assert _build(project_copy, copy)[0] == 0
    _assert_complete(copy)
