"""The project's own exception types: what went wrong, where, and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class KgError(Exception):
    """Base of every error a user can cause; the CLI prints it as one line."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} (hint: {self.hint})" if self.hint else self.message


@dataclass(frozen=True)
class Location:
    """A place in a source file: file, 1-based line, and the field being read."""

    file: Path
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = _display(self.file)
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f": {self.field}"
        return where

    def at(self, field: str, line: int | None = None) -> Location:
        """The same file, one field deeper."""
        name = f"{self.field}.{field}" if self.field else field
        return Location(self.file, line if line is not None else self.line, name)


def _display(path: Path) -> str:
    """A path relative to the working folder when it lies inside it, as users typed it; control
    characters in a file name are escaped, so an error stays on one line."""
    try:
        text = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        text = str(path)
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


class SourceError(KgError):
    """A data or ontology file is malformed or says something impossible."""

    def __init__(self, location: Location, message: str, hint: str | None = None) -> None:
        super().__init__(f"{location}: {message}", hint)
        self.location = location


class NotBuiltError(KgError):
    """The built graph is missing, so a command that reads it cannot run."""

    exit_code = 2


class QueryTimeout(KgError):
    """A query, or an exchange with another server, ran longer than its time limit and was stopped."""


class EndpointError(KgError):
    """Another server could not be reached, or did not answer as asked (too much, wrong, broken off)."""


def suggest(word: str, choices: Iterable[str], what: str, limit: int = 12) -> str:
    """A hint: the nearest names, or (when none is near) the first few that exist."""
    names = sorted(choices)
    close = difflib.get_close_matches(word, names, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "?"
    more = f", … ({len(names) - limit} more)" if len(names) > limit else ""
    return f"{what}: {', '.join(names[:limit])}{more}"
