"""Rules for what people said: direct quotes between quote marks with their attribution
("kata Andromeda", "lanjutnya" → the last named person), and indirect quotes after a speech
verb ("Edwin menjelaskan …", "Menurut Suryada, …")."""

from __future__ import annotations

import bisect
import re

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import SAID, SPEECH
from kg.source.text import ArticleText, Span

_DIRECT = re.compile(r"(?P<open>[\"“])(?P<body>[^\"“”\n]{8,3000}?)(?P<close>[\"”])[ ]?"
                     rf"(?P<verb>(?:{SAID})(?:nya)?)(?: (?P<who>dia|ia|[A-Z][\w'-]+(?: [A-Z][\w'-]+){{0,4}}))?")
_INDIRECT = re.compile(rf"(?P<who>[A-Z][\w'-]+|dia|ia)(?: \(\d{{1,3}}\))?,? (?P<verb>{SPEECH}),? (?:bahwa )?"
                       r"(?P<body>[^\"“\n])")
_MENURUT = re.compile(r"(?P<verb>Menurut) (?P<who>[A-Z][\w'-]+|dia|ia), (?P<body>[^\"“\n])")
_PRONOUNS = frozenset({"dia", "ia", "nya"})


class _Speakers:
    """Who a name or pronoun at some offset refers to: a person by name, or the last one named."""

    def __init__(self, found: Proposals) -> None:
        self.found = found
        self.people = mentions(found, frozenset({"Person"}))
        self.starts = [start for start, _, _ in self.people]

    def resolve(self, who: str | None, at: int, end: int = -1) -> tuple[Item | None, float]:
        ending = [item for _, stop, item in self.people if stop == end]
        if ending:
            return ending[0], 0.8
        if who and who not in _PRONOUNS:
            item = self.found.find_name(who)
            return (item, 0.8) if item is not None and item.type == "Person" else (None, 0.0)
        index = bisect.bisect_left(self.starts, at) - 1
        return (self.people[index][2], 0.6) if index >= 0 else (None, 0.0)


def quotes(found: Proposals) -> None:
    """Direct and indirect quotes whose speaker resolves to a proposed person."""
    speakers = _Speakers(found)
    article = ArticleText(found.text)
    for match in _DIRECT.finditer(found.text):
        who = match["who"] or ("nya" if match["verb"].endswith("nya") else None)
        speaker, confidence = speakers.resolve(who, match.start())
        if speaker is None:
            continue
        body = match["body"]
        _add(found, "Quote", speaker, match["verb"], body, Span(match.start(), match.end()), "direct-quote", confidence)
    for pattern, rule in ((_INDIRECT, "indirect-quote"), (_MENURUT, "menurut-quote")):
        for match in pattern.finditer(found.text):
            speaker, confidence = speakers.resolve(match["who"], match.start(), match.end("who"))
            sentence = next((s for s in article.sentences if s.start <= match.start("body") < s.end), None)
            if speaker is None or sentence is None:
                continue
            body = found.text[match.start("body"):sentence.end].rstrip(".")
            verb = match["verb"]
            if len(body.split()) >= 3:
                _add(found, "IndirectQuote", speaker, verb, body, Span(match.start(), sentence.end), rule,
                     confidence - 0.1)


def _add(found: Proposals, kind: str, speaker: Item, verb: str, body: str, span: Span, rule: str,
         confidence: float) -> None:
    words = " ".join(body.split()[:6]).rstrip(",.")
    label = f"{speaker.label.split()[0]}: {words} …"
    item = Item(slug(f"{speaker.ident} {words}")[:60].rstrip("-"), kind, label, span, rule, round(confidence, 2))
    item.add("speaker", Value(speaker.ident))
    item.add("verb", Value(verb))
    item.add("text", Value(body))
    found.add(item)
