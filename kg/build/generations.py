"""The output folder as a series of complete generations, so that it is never seen broken.

A build writes everything into a new folder under `generations/`, checks it, then switches
the `generations/current` link to it with one atomic rename. The names readers open at the
top of the output folder (`graph.nq`, `store`, `build.json` …) are links through `current`,
so every reader sees one complete generation, old or new, whatever happens in between: a
failure or a kill before the switch leaves the previous generation in place, after it the new
one. The previous generation is kept until the next build (a reader may still have it open);
leftovers of interrupted builds are removed by the next build. One build at a time: a second
build on the same folder stops at once with a clear message (an advisory lock, released by
the operating system if the holder dies).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kg.errors import KgError
from kg.rdfio import umask

GENERATIONS = "generations"
CURRENT = "current"
LOCK = "lock"
_BUILDING = ".building-"
_NAME = re.compile(r"g(\d{6,})")


class BuildLocked(KgError):
    """Another build holds the output folder."""

    exit_code = 2


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's build lock for the duration, or stop at once if another build has it."""
    folder = out_dir / GENERATIONS
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            holder = os.pread(handle, 32, 0).decode("ascii", "replace").strip() or "?"
            raise BuildLocked(f"another kg build (process {holder}) is writing {out_dir}",
                              "wait for it to finish, or build into another folder with --out") from None
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def current(out_dir: Path) -> Path | None:
    """The folder of the published generation, if there is one."""
    link = out_dir / GENERATIONS / CURRENT
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def previous(out_dir: Path) -> Path | None:
    """The generation published before the current one, if it is still kept."""
    shown = current(out_dir)
    if shown is None or not (number := _NAME.fullmatch(shown.name)):
        return None
    older = [p for p in (out_dir / GENERATIONS).iterdir()
             if (m := _NAME.fullmatch(p.name)) and int(m.group(1)) < int(number.group(1)) and p.is_dir()]
    return max(older, key=lambda p: int(p.name[1:]), default=None)


def next_name(out_dir: Path) -> str:
    """The name the next published generation gets (call while holding the lock)."""
    numbers = [int(m.group(1)) for p in (out_dir / GENERATIONS).iterdir() if (m := _NAME.fullmatch(p.name))]
    return f"g{max(numbers, default=0) + 1:06d}"


@contextlib.contextmanager
def new_generation(out_dir: Path) -> Iterator[Path]:
    """A fresh folder to build the next generation in; removed again if the build fails.

    Call only while holding the lock: leftovers of earlier interrupted builds are cleared first.
    """
    folder = out_dir / GENERATIONS
    for leftover in folder.glob(f"{_BUILDING}*"):
        shutil.rmtree(leftover, ignore_errors=True)
    path = Path(tempfile.mkdtemp(dir=folder, prefix=_BUILDING))
    os.chmod(path, 0o777 & ~umask())  # mkdtemp makes folders private
    try:
        yield path
    finally:
        if path.exists():
            shutil.rmtree(path, ignore_errors=True)


def publish(out_dir: Path, building: Path, names: list[str]) -> Path:
    """Make the built folder the current generation: rename it, switch `current` atomically,
    link `names` at the top of the output folder, and drop generations older than the previous."""
    folder = out_dir / GENERATIONS
    previous = current(out_dir)
    final = folder / next_name(out_dir)
    building.rename(final)
    _link_top(folder / CURRENT, final.name)  # a real folder there (a copied output) is replaced too
    for name in names:
        _link_top(out_dir / name, f"{GENERATIONS}/{CURRENT}/{name}")
    _unlink_unpublished(out_dir, set(names))
    kept = {final.name, previous.name if previous else None}  # by name: `current` resolves to an absolute path
    for path in folder.iterdir():
        if _NAME.fullmatch(path.name) and path.name not in kept:
            shutil.rmtree(path, ignore_errors=True)
    return final


def _link_top(path: Path, target: str) -> None:
    """`path` as a link to `target`, replacing a file or folder of the layout before generations."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    if path.is_dir() and not path.is_symlink():
        aside = Path(tempfile.mkdtemp(dir=path.parent, prefix=".old-"))
        path.rename(aside / path.name)
        _replace_with_link(path, target)
        shutil.rmtree(aside, ignore_errors=True)
        return
    _replace_with_link(path, target)


def _unlink_unpublished(out_dir: Path, names: set[str]) -> None:
    """Remove top-level links into generations for names the new generation does not have."""
    for path in out_dir.iterdir():
        if path.is_symlink() and path.name not in names and os.readlink(path).startswith(f"{GENERATIONS}/"):
            path.unlink()


def _replace_with_link(path: Path, target: str) -> None:
    """Point `path` at `target` in one atomic rename (a link made beside it, renamed over it)."""
    temp = path.parent / f".{path.name}.{os.getpid()}.link"
    temp.unlink(missing_ok=True)
    temp.symlink_to(target)
    os.replace(temp, path)
