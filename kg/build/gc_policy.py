"""How often Python's cyclic garbage collector runs while a corpus is built or validated."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def few_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often, as mypy does: a build or a validation holds
    millions of small objects (the catalogue of parts, the census, the validation entries), and
    collections that walk them again and again cost 0.8 s of a one-article build at 10,000
    articles (benchmarks/gc_threshold.py); the work makes little cyclic garbage."""
    before = gc.get_threshold()
    gc.set_threshold(200_000, 30, 30)
    try:
        yield
    finally:
        gc.set_threshold(*before)
