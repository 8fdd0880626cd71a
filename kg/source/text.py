"""An article's text: sentences, and finding quoted evidence in it by character offset.

Offsets count Unicode code points from the start of the stored file, as the W3C Web
Annotation TextPositionSelector and NIF both define them (Python's str indexing).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property

from kg.source.dates import DAY_NAMES

CONTEXT_CHARS = 32  # length of the prefix and suffix kept in a TextQuoteSelector
SHOWN_LINES = 10  # an ambiguous quote's error names the lines of at most this many occurrences
# The closest passage to a quote not found is looked for only for quotes of at most
# NEAREST_QUOTE characters while text length x quote length stays under NEAREST_BUDGET (20 KB
# of text and a 150-character quote): difflib is quadratic, and on a hostile repetitive text
# these bounds keep the search under a second.
NEAREST_QUOTE = 300
NEAREST_BUDGET = 3_000_000
MAX_OCCURRENCES = 1000  # a quote that occurs more often than this cannot point at one place
_COPY_EXACTLY = "copy the words from the article exactly, including punctuation and quote marks"

# A sentence ends at . ! or ? (optionally followed by closing quotes or brackets) when
# white space and then a capital letter, digit or opening quote follow.
# A title's dot before a name ("Dr. Hj. Yulia", "Prof. Dr. Ir. Hendra", "K.H. Ahmad") ends no sentence.
_TITLE_DOT = "".join(f"(?<!\\b{re.escape(title)})" for title in (
    "Prof", "Dr", "dr", "Drs", "Dra", "Ir", "drg", "apt", "Ns", "H", "Hj", "K.H", "KH"))
_SENTENCE_END = re.compile(f"{_TITLE_DOT}[.!?][\"'\u201d\u2019)]*(?=\\s+[\"\u201c\u2018(]?[A-Z0-9])")
# "..., kata X. Selasa (9/8/22)." puts the day of the report after a full stop; the
# fragment belongs to the sentence before it.
_DAY_FRAGMENT = re.compile(rf"^(?:{'|'.join(DAY_NAMES)})\s*\(\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\)\.?$")


@dataclass(frozen=True)
class Span:
    """A half-open range [start, end) of code points in the article text."""

    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence (or header line) of the article, numbered from 1."""

    index: int
    start: int
    end: int
    text: str


class QuoteNotFound(ValueError):
    """The quoted evidence is not in the article, or not uniquely."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


class ArticleText:
    """The stored text of one article, with sentence and quote look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, list[int]] = {}  # quotes repeat (aliases, shared evidence): find each once

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences in order: each line is split at sentence ends, header lines stay whole."""
        spans: list[tuple[int, int]] = []
        offset = 0
        for line in self.text.split("\n"):
            start = offset
            for match in _SENTENCE_END.finditer(line):
                spans.append((start, offset + match.end()))
                start = offset + match.end()
                while start < offset + len(line) and line[start - offset].isspace():
                    start += 1
            if start < offset + len(line):
                spans.append((start, offset + len(line)))
            offset += len(line) + 1
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and _DAY_FRAGMENT.match(self.text[start:end]):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        return [Sentence(i, s, e, self.text[s:e]) for i, (s, e) in enumerate(merged, start=1)]

    def sentences_in(self, span: Span) -> list[Sentence]:
        """The sentences that overlap a span (one, unless the span crosses a boundary)."""
        return [s for s in self.sentences if s.start < span.end and span.start < s.end]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return self.text.count("\n", 0, offset) + 1

    def find(self, quote: str, occurrence: int | None = None) -> Span:
        """Locate a verbatim quote; it must be unique unless an occurrence (1-based) is given."""
        if not quote:
            raise QuoteNotFound("the quote is empty", "copy the supporting words from the article")
        starts = self._starts(quote)
        if not starts:
            raise QuoteNotFound(f"{_short(quote)!r} is not in the article text", self._nearest(quote))
        times = f"more than {MAX_OCCURRENCES}" if len(starts) > MAX_OCCURRENCES else str(len(starts))
        if occurrence is None:
            if len(starts) > 1:
                lines = ", ".join(str(self.line_of(s)) for s in starts[:SHOWN_LINES])
                lines += ", …" if len(starts) > SHOWN_LINES else ""
                raise QuoteNotFound(
                    f"{_short(quote)!r} occurs {times} times (article lines {lines})",
                    "quote more of the surrounding words, or add `occurrence: N`",
                )
            occurrence = 1
        if not 1 <= occurrence <= min(len(starts), MAX_OCCURRENCES):
            raise QuoteNotFound(
                f"occurrence {occurrence} asked for, but {_short(quote)!r} occurs {times} time(s)",
                f"use an occurrence from 1 to {min(len(starts), MAX_OCCURRENCES)}",
            )
        start = starts[occurrence - 1]
        return Span(start, start + len(quote))

    def _starts(self, quote: str) -> list[int]:
        """Where the quote starts (overlapping occurrences included), up to one more than
        MAX_OCCURRENCES: str.find, so that no quote and text make the search quadratic."""
        if quote not in self._found:
            starts: list[int] = []
            start = self.text.find(quote)
            while start >= 0 and len(starts) <= MAX_OCCURRENCES:
                starts.append(start)
                start = self.text.find(quote, start + 1)
            self._found[quote] = starts
        return self._found[quote]

    def context(self, span: Span) -> tuple[str, str]:
        """The prefix and suffix around a span, for a TextQuoteSelector."""
        return (
            self.text[max(0, span.start - CONTEXT_CHARS):span.start],
            self.text[span.end:span.end + CONTEXT_CHARS],
        )

    def _nearest(self, quote: str) -> str:
        """A hint naming the article passage most like the quote (coarse scan, then refined)."""
        if len(quote) > NEAREST_QUOTE or len(quote) * len(self.text) > NEAREST_BUDGET:
            return _COPY_EXACTLY
        window = len(quote)
        step = max(1, window // 4)
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(quote)

        def score(start: int) -> float:
            matcher.set_seq1(self.text[start:start + window])
            return matcher.ratio() if matcher.quick_ratio() > 0.5 else 0.0

        last = max(0, len(self.text) - window)
        coarse = max(range(0, last + 1, step), key=score)
        best = max(range(max(0, coarse - step), min(last, coarse + step) + 1), key=score)
        if score(best) < 0.5:
            return _COPY_EXACTLY
        end = best + window
        while best > 0 and self.text[best - 1].isalnum():  # whole words read better in a hint
            best -= 1
        while end < len(self.text) and self.text[end].isalnum():
            end += 1
        passage = self.text[best:end]
        return f"closest passage: {_short(passage)!r}; copy it exactly, including punctuation and quote marks"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
