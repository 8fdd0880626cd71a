"""The server's limits and allowances, apart from the server itself so that the command line
can show the defaults without loading starlette."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from kg.errors import KgError

MIB = 1024 * 1024
# Oxigraph reads a result back with a buffer of at most 16 MiB for one value (or N-Triples line);
# a result no larger than that can never hold a value too large to read.
RESULT_CEILING = 16 * MIB


@dataclass(frozen=True)
class Settings:
    """The server's limits and allowances; the defaults are the safe ones.

    `max_memory` is each query worker's address space in MiB (a worker at rest takes about
    175); `per_client` queries of one client run at once, one more waits up to `client_wait`
    seconds for its turn before a 429; `trusted_proxies` may say, in X-Forwarded-For, whom they
    forward for; `public_url` is where the world reaches the server (self-references, and the
    only Host accepted besides the listening address).
    """

    timeout: float = 10.0
    max_rows: int = 10_000
    max_bytes: int = 8 * MIB
    max_memory: int = 1024
    max_request: int = 64 * 1024
    workers: int = 2
    per_client: int = 1
    client_wait: float = 2.0
    allow: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ()
    trusted_proxies: tuple[str, ...] = ("127.0.0.1",)
    public_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    title: str = "Ekosistem digital Indonesia: SPARQL"

    @property
    def root(self) -> str:
        """The server's own URL, ending in /: the public URL, or else the listening address;
        never what a request's Host header claims."""
        if self.public_url:
            return self.public_url
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def allowed_hosts(self) -> list[str] | None:
        """The Host headers accepted when a public URL is set (None: any, since none is used)."""
        if not self.public_url:
            return None
        return [urllib.parse.urlsplit(self.public_url).hostname or "", self.host]


def public_root(url: str) -> str:
    """A public URL checked and ending in /, or the error that says what is wrong with it."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KgError(f"the public URL {url!r} is not an http or https URL with a host",
                      "give it as --public-url https://example.org/")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise KgError(f"the public URL {url!r} must be the root of a site (scheme, host and port only)",
                      "the pages link with root paths (/id/…, /static/…): serve them at a host's root")
    return f"{parts.scheme}://{parts.netloc}/"
