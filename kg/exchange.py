"""The bounded HTTP exchange that every talk with another server goes through: `kg query
--endpoint`, `kg push`, `kg link sparql:`.

Another server may answer slowly, endlessly, hugely or not at all. So one deadline covers the
whole exchange (name lookup, connecting, TLS, headers, every read), an answer is read in chunks
and refused as soon as it passes a size limit, an error page is read only as far as its first
few KiB, and every failure is one line that names the server. It lies below every stage that
talks to a server (link, query, web), so that each uses the same client.
"""

from __future__ import annotations

import http.client
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from kg.errors import EndpointError, QueryTimeout

PREFIX = 4096  # bytes of an error page kept for the message; the rest is never read
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Answer:
    """What a server said: status, media type (without parameters) and body (an error's only begun)."""

    status: int
    reason: str
    media_type: str
    body: bytearray
    location: str = ""  # where a redirect points

    def detail(self) -> str:
        """The start of the body on one line, for an error message."""
        return " ".join(self.body[:PREFIX].decode("utf-8", "replace").split())[:300]


def exchange(url: str, data: bytes | None, method: str, headers: dict[str, str] | None, timeout: float,
             max_bytes: int | None = None, handlers: tuple[urllib.request.BaseHandler, ...] = ()) -> Answer:
    """One HTTP request, its answer read within `timeout` seconds in all, whatever the server does.

    A successful answer is read whole up to `max_bytes` (more is refused as it streams in); with
    `max_bytes` None, and for every error status, only the first PREFIX bytes are read. Any
    status is returned, redirects too (urllib would read their bodies whole, and turn a POST into
    a GET without the query); a failure to get one is an EndpointError or a QueryTimeout.
    `handlers` add to urllib's (authentication, say). The exchange runs in a daemon thread, so
    that not even a name lookup or a server trickling its headers a byte at a time can hold the
    caller past the deadline.
    """
    _check_url(url)
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    outcome: list[Answer | BaseException] = []
    stop = threading.Event()

    def work() -> None:
        try:
            opener = urllib.request.build_opener(_Unredirected, *handlers)
            outcome.append(_talk(opener, request, timeout, max_bytes, stop))
        except BaseException as exc:  # handed to the caller's thread, raised there
            outcome.append(exc)

    worker = threading.Thread(target=work, daemon=True, name="kg-http")
    worker.start()
    worker.join(min(timeout, threading.TIMEOUT_MAX))
    if not outcome:
        stop.set()  # the worker stops at its next chunk; its socket times out on its own
        raise _too_slow(url, timeout)
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


class _Unredirected(urllib.request.HTTPRedirectHandler):
    """Redirects are answers like any other, not followed."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _check_url(url: str) -> None:
    """Refuse what is not an http(s) URL before connecting (urllib would open file: URLs too)."""
    try:
        parts = urllib.parse.urlsplit(url)
        usable = (parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
                  and url.isascii() and not re.search(r"[\x00-\x20\x7f]", url))
        (parts.hostname or "").encode("idna")  # an empty or over-long label
    except ValueError:  # a port that is no number, a broken [IPv6] host, a bad label
        usable = False
    if not usable:
        raise EndpointError(f"{url!r} is not an http(s) URL",
                            "write http://host:port/path, with spaces and non-ASCII characters %-encoded")


def _talk(opener: urllib.request.OpenerDirector, request: urllib.request.Request, timeout: float,
          max_bytes: int | None, stop: threading.Event) -> Answer:
    """The exchange itself, run in the worker thread."""
    url = request.full_url
    try:
        try:
            response = opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:  # an error status is an answer too
            response = exc
        with response:
            body = _read(response, max_bytes if 200 <= response.status < 300 else None, url, stop)
            media = response.headers.get_content_type() if response.headers.get("Content-Type") else ""
            location = response.headers.get("Location", "") if 300 <= response.status < 400 else ""
            return Answer(response.status, str(response.reason), media, body, line(location))
    except urllib.error.URLError as exc:  # raised before any answer: name lookup, connection, TLS
        if isinstance(exc.reason, TimeoutError):
            raise _too_slow(url, timeout) from exc
        raise EndpointError(f"cannot reach {url}: {line(exc.reason)}",
                            "check the URL and that the server runs") from exc
    except TimeoutError as exc:
        raise _too_slow(url, timeout) from exc
    except (http.client.HTTPException, OSError, ValueError) as exc:  # a broken or malformed answer
        raise EndpointError(f"{url} broke off the exchange: {line(exc) or type(exc).__name__}",
                            "check that the URL is right and the server healthy") from exc


def _read(response: http.client.HTTPResponse | urllib.error.HTTPError, whole: int | None, url: str,
          stop: threading.Event) -> bytearray:
    """The body, a chunk at a time: whole up to `whole` bytes (refused beyond), or its first PREFIX."""
    limit = PREFIX if whole is None else whole
    declared = response.headers.get("Content-Length", "")
    if whole is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(url, limit)
    body = bytearray()
    while not stop.is_set():
        chunk = response.read1(min(_CHUNK, limit + 1 - len(body)))
        if not chunk:
            if whole is not None and getattr(response, "length", None):  # read1 ends quietly where it hung up
                raise EndpointError(f"{url} broke off the exchange: {len(body)} bytes of the "
                                    f"{len(body) + response.length} it announced", "try again later")
            break
        body += chunk
        if len(body) > limit:
            if whole is not None:
                raise _too_large(url, limit)
            del body[limit:]
            break
    return body


def _too_slow(url: str, seconds: float) -> QueryTimeout:
    return QueryTimeout(f"{url} did not answer within {seconds:g} s", "allow more time with --timeout")


def _too_large(url: str, limit: int) -> EndpointError:
    size = f"{limit / 2**20:g} MiB" if limit >= 2**20 else f"{limit} bytes"
    return EndpointError(f"{url} answered with more than {size}; refused",
                         "narrow the query (LIMIT), or allow more with --max-response")


def line(error: object) -> str:
    """An exception's text on one line, not too long."""
    return " ".join(str(error).split())[:300]
