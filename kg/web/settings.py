"""The server's limits and allowances, apart from the server itself so that the command line
can show the defaults without loading starlette."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """The server's limits and allowances; the defaults are the safe ones."""

    timeout: float = 10.0
    max_rows: int = 10_000
    max_request: int = 64 * 1024
    workers: int = 2
    allow: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ()
    title: str = "Ekosistem digital Indonesia: SPARQL"
