"""The prefixes a query may use without declaring them: the project's own (`kg:`, `id:`) and the
vocabularies it reuses. One set, for `kg query -e`, the server's /sparql and the query page's
editor, so a query copied from one runs in the others; a query's own PREFIX wins over them.

Oxigraph takes them as its parser's default prefixes, and the guard (kg/query/guard.py) resolves
names with the same set, so the decision to run a query reads it as the engine does.
"""

from __future__ import annotations

import re

from kg.namespaces import PREFIXES
from kg.query.model import QueryError

# Strings, IRIs and comments (skipped), PREFIX declarations, and prefixed names.
_TOKENS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:\\.|[^"\\\n\r])*"|\'(?:\\.|[^\'\\\n\r])*\'|<[^<>"{}|^`\\\s]*>|#[^\n\r]*'
                     r'|(?P<declare>\bPREFIX\s+(?P<declared>[^\s:]*):)'
                     r'|(?<![\w.:?$-])(?P<used>[A-Za-z\u00C0-\uFFFD][\w.\u00B7-]*)?:', re.IGNORECASE)


def predeclared(base: str) -> dict[str, str]:
    """Prefix → namespace IRI: the vocabularies the graph uses, and `id:` for its own base."""
    return {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())} | {"id": base}


def prologue(prefixes: dict[str, str]) -> str:
    """The PREFIX lines that declare `prefixes` (for endpoints that do not know them)."""
    return "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in prefixes.items())


def unknown_prefix(text: str, prefixes: dict[str, str]) -> QueryError | None:
    """The error for the first prefixed name whose prefix is neither declared nor predeclared,
    naming the known ones (None when every prefix is known). Oxigraph's own message for it is a
    list of the Unicode ranges a name may hold."""
    declared = set(prefixes)
    for match in _TOKENS.finditer(text):
        if match.group("declare") is not None:
            declared.add(match.group("declared"))
        elif match.group(0).endswith(":") and match.group(0)[0] not in "\"'<#":
            used = match.group("used") or ""
            if used not in declared:
                known = ", ".join(sorted(declared - {""}))
                return QueryError(f"unknown prefix '{used}:' (known: {known})",
                                  f"declare it: PREFIX {used}: <…>, or use one of the known prefixes")
    return None
