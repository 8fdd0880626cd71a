"""Bounds on what the build reads, so that no input file can exhaust memory or time, and the
short quoting of values in error messages, so that an error stays one readable line.

The defaults leave wide room: the first article's YAML is 22 KB and its text 3 KB, its
deepest nesting 5 levels, its longest key 23 characters, and it holds 898 values (aliases
expanded).
"""

from __future__ import annotations

import re
import reprlib
import stat
import unicodedata
from pathlib import Path
from typing import Any

from kg.errors import Location, SourceError

MAX_FILE_BYTES = 2 * 1024 * 1024  # one data file: an article's YAML or text, the gazetteer, a linkset
MAX_DEPTH = 20  # mappings and lists inside each other
MAX_VALUES = 100_000  # values in one file, counting each alias (*name) as a copy of what it repeats
MAX_KEY_CHARS = 100  # a mapping key is a field name
# `kg ingest` drafts texts of at most this many characters: a news article is a few thousand
# (the four gold texts hold 2.4-3.5 K), and the rules' cost grows with the names a text holds.
MAX_DRAFT_CHARS = 100_000
QUOTE_CHARS = 60  # a value quoted in an error message is clipped to this many characters

# Characters that render invisibly or reorder what is around them: C0/C1 controls, format
# characters (the bidi overrides U+202A-U+202E and isolates U+2066-U+2069, zero-width spaces and
# joiners, the byte-order mark), line and paragraph separators, surrogates and private use.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


class _Short(reprlib.Repr):
    """reprlib's bounded repr, also for the line-remembering Mapping and Sequence of yamlsource."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.maxlevel, self.maxdict, self.maxlist = 3, 4, 6
        self.maxstring = self.maxother = self.maxlong = limit

    def repr_Mapping(self, value: dict, level: int) -> str:
        return self.repr_dict(value, level)

    def repr_Sequence(self, value: list, level: int) -> str:
        return self.repr_list(value, level)


def shown(value: Any, limit: int = QUOTE_CHARS) -> str:
    """A value as an error message quotes it: a repr of at most about `limit` characters, built
    without walking the whole of a huge value."""
    return clip(_Short(limit).repr(value), limit + 8)


def clip(text: str, limit: int) -> str:
    """At most `limit` characters of a message part, on one line."""
    text = " ".join(text.split()) if "\n" in text else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


def hidden_character(text: str) -> str | None:
    """The first control, bidi or other invisible character of `text` (as U+XXXX NAME), if any."""
    for char in text:
        if unicodedata.category(char) in _HIDDEN_CATEGORIES:
            return f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()
    return None


_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def read_bounded(path: Path, where: Location, what: str) -> str:
    """A regular file of at most MAX_FILE_BYTES, as UTF-8 text; anything else is a SourceError."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or a device would block or never end
            raise SourceError(where, f"cannot read {what} {shown(path.name)}: not a regular file")
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SourceError(where, f"cannot read {what} {shown(path.name)}: {exc.strerror}") from exc
    if len(data) > MAX_FILE_BYTES:
        raise SourceError(where, f"{what} {shown(path.name)} is larger than {MAX_FILE_BYTES // 1024} KB",
                          "split it; the limit is MAX_FILE_BYTES in kg/source/limits.py")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(where, f"{what} is not UTF-8 text (line {line}, byte {exc.start})",
                          "save the file as UTF-8") from exc


def first_non_text(text: str) -> tuple[int, str] | None:
    """The line and code of the first character that YAML does not allow in a file, if any."""
    match = _NOT_YAML.search(text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1, f"U+{ord(match.group()):04X}"
