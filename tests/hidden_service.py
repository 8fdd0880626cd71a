"""SERVICE hidden in every lexical corner, pointed at a real listener on 127.0.0.1.

`hidden_services(url, count, seed)` makes queries that call SERVICE on `url` in many spellings
(case, Unicode escapes, IRIs with escapes, prefixed names with escaped characters, BASE,
a variable) among noise that fooled the old lexer (comments, strings holding quotes, braces
and `#`, IRIs with `#`, escapes in prefixed names), in many places (OPTIONAL, UNION, MINUS,
subqueries, FILTER EXISTS, nested groups; between two strings `"\\u0022"`, which rdflib reads
as one long string; after a comment that a lone carriage return ends for Oxigraph only) and in
every query form. A `Listener` counts the connections it receives: the tests require none.
"""

from __future__ import annotations

import random
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Data the queries match, so that the engine gets as far as the SERVICE.
DATA = "<urn:s> <urn:p> \"o\" ."
PROLOGUE = "PREFIX n: <urn:n:>\n"


class Listener:
    """A TCP listener on 127.0.0.1 that counts connections and answers each with an HTTP 500."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(1)
                try:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 6\r\n\r\nsecret")
                except OSError:
                    pass


@contextmanager
def listening() -> Iterator[Listener]:
    listener = Listener()
    try:
        yield listener
    finally:
        listener.socket.close()


def _targets(url: str) -> list[tuple[str, str, str]]:
    """(prologue, what SERVICE names, a pattern that binds it) for each way of naming `url`."""
    base, path = url.rsplit("/", 1)
    escaped = url.replace("127", "\\u0031\\u00327")
    return [
        ("", f"<{url}>", ""),
        ("", f"<{escaped}>", ""),
        (f"PREFIX ex: <{base}/>\n", f"ex:{path}", ""),
        (f"PREFIX ex-a: <{base}/>\n", f"ex-a:{path}\\-x", ""),
        (f"PREFIX ex: <{base}/>\n", f"ex:\\#{path}", ""),
        (f"PREFIX : <{base}/>\n", f":{path}\\?q\\=1", ""),
        (f"BASE <{base}/>\n", f"<{path}>", ""),
        ("", "?svc", f"VALUES ?svc {{ <{url}> }}"),
        ("", "?svc", f'BIND(IRI("{url}") AS ?svc)'),
    ]


KEYWORDS = ["SERVICE", "service", "SeRvIcE", "SERVICE SILENT", "service silent", "SERVICE #c\n", "SERVICE\t",
            "\\u0053ERVICE", "SERV\\u0049CE", "\\U00000053ERVICE", "SERVICE \\u0053ILENT"]
# Each keeps the query valid and matching: comments, literals and IRIs the old lexer misread.
NOISE = ['# SERVICE <http://example.org/> { "\n', 'BIND("SERVICE <urn:x> { # }" AS ?{v})',
         "BIND('#' AS ?{v})", 'BIND("\\"#" AS ?{v})', "BIND('''x\n# }\n''' AS ?{v})", 'BIND("""}#{""" AS ?{v})',
         "BIND(<urn:a#b> AS ?{v})", "BIND(n:a\\#b AS ?{v})", "BIND(n:a\\'b AS ?{v})", 'FILTER(?o != "}#{")',
         "BIND('\\u0022' AS ?{v})", "OPTIONAL { ?{v} <urn:never> \"#\" }"]
PLACES = ["{s}", "OPTIONAL {{ {s} }}", "{{ <urn:s> <urn:p> ?u }} UNION {{ {s} }}", "MINUS {{ {s} }}",
          'BIND("\\u0022" AS ?q0) {s} BIND("\\u0022" AS ?q1)', "# \r {s}\n", "{{ SELECT * WHERE {{ {s} }} }}",
          "FILTER EXISTS {{ {s} }}", "{{ {{ {s} }} }}", "OPTIONAL {{ {{ SELECT ?o WHERE {{ {s} }} }} }}"]
FORMS = ["SELECT * WHERE {{ {w} }}", "ASK {{ {w} }}", "CONSTRUCT {{ <urn:s> <urn:p> ?o }} WHERE {{ {w} }}",
         "select ?o where {{ {w} }} LIMIT 5"]


def hidden_services(url: str, count: int, seed: int) -> Iterator[str]:
    """`count` queries, the same for the same seed, each calling SERVICE on `url` somewhere."""
    rng = random.Random(seed)
    targets = _targets(url)
    for _ in range(count):
        prologue, name, binding = rng.choice(targets)
        noise = [rng.choice(NOISE).replace("{v}", f"n{i}") for i in range(rng.randint(0, 3))]
        service = f"{binding} {rng.choice(KEYWORDS)} {name} {{ ?a ?b ?c }}"
        where = " ".join(["<urn:s> <urn:p> ?o .", *noise, rng.choice(PLACES).format(s=service)])
        yield PROLOGUE + prologue + rng.choice(FORMS).format(w=where)
