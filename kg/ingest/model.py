"""What the rules propose: entities and values, each with its span of the text, its rule and
its confidence. Offsets count code points, as kg.source.text does."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from kg.source.text import Span


@dataclass
class Value:
    """A proposed field value: an id or words, the span that supports it, and why."""

    value: object
    span: Span | None = None
    rule: str | None = None
    confidence: float | None = None


@dataclass
class Item:
    """A proposed entity. `names` holds the label's and aliases' spans; later rules add to it."""

    ident: str
    type: str
    label: str
    span: Span
    rule: str
    confidence: float
    aliases: dict[str, Span] = field(default_factory=dict)
    fields: dict[str, list[Value]] = field(default_factory=dict)
    note: str | None = None

    def add(self, name: str, value: Value) -> None:
        """Add a field value once (the same value twice is one fact)."""
        values = self.fields.setdefault(name, [])
        if all(v.value != value.value for v in values):
            values.append(value)

    def alias(self, name: str, span: Span) -> None:
        if name != self.label and name not in self.aliases:
            self.aliases[name] = span


@dataclass
class Proposals:
    """Everything proposed for one article: the article block's values and the entities."""

    text: str
    published: dt.date | None = None  # gives the year of dates written without one ("Selasa (1/12)")
    article: dict[str, Value] = field(default_factory=dict)
    related: list[tuple[str, Span]] = field(default_factory=list)
    items: dict[str, Item] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, item: Item) -> Item:
        """Add an entity, or merge into the one already proposed under its id."""
        known = self.items.get(item.ident)
        if known is None:
            self.items[item.ident] = item
            return item
        if item.label != known.label:
            known.alias(item.label, item.span)
        for name, span in item.aliases.items():
            known.alias(name, span)
        for name, values in item.fields.items():
            for value in values:
                known.add(name, value)
        return known

    def find_name(self, name: str) -> Item | None:
        """The entity whose label or alias is this name, if exactly one has it."""
        found = [i for i in self.items.values() if name == i.label or name in i.aliases]
        return found[0] if len(found) == 1 else None

    def span_text(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def body_start(self) -> int:
        """Where the story starts: its dateline ("PADANG, MINANGNEWS.ID -"), else the text's start.
        The people named before it (author, editor, reporter) are not the story's people."""
        dateline = self.article.get("dateline")
        return dateline.span.start if dateline is not None and dateline.span is not None else 0


def slug(text: str) -> str:
    """An id from a name: ASCII letters and digits joined by hyphens."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80].strip("-") or "x"


def mentions(found: Proposals, types: frozenset[str] | None = None) -> list[tuple[int, int, Item]]:
    """Every occurrence of every proposed name (longest first, not overlapping), in text order."""
    names: dict[str, Item] = {}
    for item in found.items.values():
        if types is None or item.type in types:
            written = [found.span_text(span) for span in (item.span, *item.aliases.values())]
            own = [w for w in written if w[:1].isupper() and "\n" not in w]  # "Pemerintah Provinsi (Pemprov) DKI"
            for name in (item.label, *item.aliases, *own):
                if len(name) > 1:
                    names.setdefault(name, item)
    if not names:
        return []
    ordered = sorted(names, key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])")
    return [(m.start(), m.end(), names[m.group()]) for m in pattern.finditer(found.text)]
