"""Reading a raw article for `kg ingest`: bounded, UTF-8, plain text; HTML is stripped with a
warning; the result is normalised to what the build reads (Unix line ends, no control
characters, no trailing white space), so that every span of the draft is a span of the stored text."""

from __future__ import annotations

import html
import re
from pathlib import Path

from kg.errors import Location, SourceError
from kg.source.limits import MAX_DRAFT_CHARS, read_bounded

_TAG = re.compile(r"<(?:script|style)\b[^>]{0,1000}>.*?</(?:script|style)\s*>|<[^<>]{0,1000}>",
                  re.IGNORECASE | re.DOTALL)
_LOOKS_HTML = re.compile(r"<(?:html|body|p|div|br|span|article|!doctype)\b", re.IGNORECASE)
_BLOCK = re.compile(r"</?(?:p|div|br|h[1-6]|li|article|section|tr)\b[^<>]{0,1000}>", re.IGNORECASE)
# A photo's caption is no prose of the article: "FOTO: …", "Foto: … (Dok. …)" as a line, "(Foto: …)" in a line.
_CAPTION_LINE = re.compile(r"^(?:FOTO|Foto|foto|Keterangan [Ff]oto|KETERANGAN FOTO)\s*:.*$", re.MULTILINE)
_CAPTION_CREDIT = re.compile(r"\((?:FOTO|Foto|foto|Dok\.|DOK\.|Dokumentasi)\s*:?[^()\n]{0,120}\)")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def read_raw(path: Path, warnings: list[str]) -> str:
    """The article's text as a draft stores it; raises SourceError for what cannot be an article."""
    where = Location(path)
    text = read_bounded(path, where, "the article")
    if _LOOKS_HTML.search(text[:5000]):
        text = strip_html(text)
        warnings.append(f"{path.name}: looks like HTML; tags were stripped (check the draft's text)")
    text = normalise(text)
    if not text.strip():
        raise SourceError(where, "the article is empty", "give a plain-text file with the article's words")
    if len(text) > MAX_DRAFT_CHARS:
        raise SourceError(where, f"the article has {len(text):,} characters, more than {MAX_DRAFT_CHARS:,}",
                          "give one news article per file; the limit is MAX_DRAFT_CHARS in kg/source/limits.py")
    return text


def strip_html(text: str) -> str:
    """Visible text of an HTML page: block tags become line breaks, other tags vanish."""
    text = _BLOCK.sub("\n", text)
    return html.unescape(_TAG.sub("", text))


def normalise(text: str) -> str:
    """Unix line ends, tabs as spaces, no control or invisible characters, no blank lines; a
    final line end is kept as it was, so a clean text is stored byte for byte."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").replace("\u00a0", " ")
    text = _CONTROL.sub("", text)
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line) + ("\n" if text.endswith("\n") else "")


def without_captions(text: str) -> str:
    """The text with its photo captions blanked, every offset kept, so that the rules read no
    caption as the article's words: a line opening with "FOTO:", a line of one sentence closed
    by its credit ("Peserta menyimak materi. (Foto: Dok. Diskominfo)"), and a credit in brackets."""
    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group())

    text = _CAPTION_LINE.sub(blank, text)
    lines = []
    for line in text.split("\n"):
        credit = _CAPTION_CREDIT.search(line)
        one_sentence = credit is not None and not line[credit.end():].strip() and \
            not re.search(r"[.!?]\s+\S", line[:credit.start()].rstrip().rstrip(".!?"))
        lines.append(" " * len(line) if one_sentence else _CAPTION_CREDIT.sub(blank, line))
    return "\n".join(lines)
