"""Fair sharing of the query workers: one client may run only a few queries at once, so it
cannot occupy every worker while others wait.

A client is the address the request came from. Behind a reverse proxy every request comes
from the proxy, so uvicorn replaces the address with the one the proxy names in
X-Forwarded-For, but only for proxies the server trusts (`--trusted-proxy`, 127.0.0.1 by
default: anyone else could name any address). An IPv6 client counts by its /64 network, since
one subscriber typically holds a whole /64 and could otherwise pick a new address per query.
"""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

import anyio
from starlette.requests import Request
from starlette.responses import Response

from kg.web.protocol import HttpError

Handler = Callable[[Request], Awaitable[Response]]


class TooManyQueries(HttpError):
    """The client already runs its share of queries, and none finished in time (429)."""

    def __init__(self, limit: int, retry_after: int) -> None:
        running = "1 query" if limit == 1 else f"{limit} queries"
        super().__init__(429, f"this client already has {running} running, as many as one client may",
                         f"wait for it to finish (at most {retry_after} s), then try again")
        self.retry_after = retry_after


def client_of(request: Request) -> str:
    """Who is asking: the (possibly forwarded) address, an IPv6 one as its /64 network."""
    host = request.client.host if request.client else ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


@dataclass
class _Client:
    turns: anyio.Semaphore
    requests: int = 0


class ClientSlots:
    """At most `limit` queries of one client at once; another waits up to `wait` seconds for
    its turn, then is refused with 429 and Retry-After (`retry_after` seconds: by then one of
    its queries has ended, at the latest by the time limit)."""

    def __init__(self, limit: int, wait: float, retry_after: int) -> None:
        self.limit, self.wait, self.retry_after = limit, wait, retry_after
        self._clients: dict[str, _Client] = {}

    @asynccontextmanager
    async def turn(self, client: str) -> AsyncIterator[None]:
        """Hold one of the client's turns while the body runs."""
        entry = self._clients.setdefault(client, _Client(anyio.Semaphore(self.limit)))
        entry.requests += 1
        try:
            await self._acquire(entry.turns)
            try:
                yield
            finally:
                entry.turns.release()
        finally:
            entry.requests -= 1
            if not entry.requests:  # forget idle clients, so the table stays as small as the traffic
                del self._clients[client]

    async def _acquire(self, turns: anyio.Semaphore) -> None:
        try:
            turns.acquire_nowait()
        except anyio.WouldBlock:
            with anyio.move_on_after(self.wait):
                await turns.acquire()
                return
            raise TooManyQueries(self.limit, self.retry_after) from None

    def guard(self, handler: Handler) -> Handler:
        """The handler, run in one of its client's turns."""
        async def guarded(request: Request) -> Response:
            async with self.turn(client_of(request)):
                return await handler(request)
        return guarded
