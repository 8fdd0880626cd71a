"""Article text: sentences cover it exactly, quotes are found at their code-point offsets."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kg.source.text import ArticleText, QuoteNotFound, Span
from tests.conftest import ARTICLE_ID, ROOT

ARTICLE = ArticleText((ROOT / "data" / "articles" / f"{ARTICLE_ID}.txt").read_text(encoding="utf-8"))


def test_sentences_cover_the_text_in_order() -> None:
    sentences = ARTICLE.sentences
    assert [s.index for s in sentences] == list(range(1, len(sentences) + 1))
    for sentence in sentences:
        assert ARTICLE.text[sentence.start:sentence.end] == sentence.text
    covered = "".join(ARTICLE.text[s.start:s.end] for s in sentences)
    assert covered.replace(" ", "") == ARTICLE.text.replace("\n", "").replace(" ", "")


def test_header_lines_and_report_day_stay_whole() -> None:
    texts = [s.text for s in ARTICLE.sentences]
    assert texts[0] == "Berita Jatim"
    assert texts[3] == "Penulis: Fikri Firmansyah | Editor: Ndaru Wijayanto"
    assert any(t.endswith("di Hotel Luminor Sidoarjo. Selasa (9/8/22).") for t in texts)
    assert not any(t.startswith("Selasa") for t in texts)


@given(st.data())
def test_any_unique_passage_is_found_at_its_offsets(data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(ARTICLE.text) - 1))
    end = data.draw(st.integers(start + 1, min(len(ARTICLE.text), start + 200)))
    quote = ARTICLE.text[start:end]
    assume(ARTICLE.text.count(quote) == 1)
    assert ARTICLE.find(quote) == Span(start, end)


@given(st.text(alphabet="abc“”é ", min_size=1, max_size=12), st.text(alphabet="xyz\n ", max_size=12))
def test_offsets_count_code_points(quote: str, before: str) -> None:
    text = ArticleText(before + quote)
    assume(sum(text.text.startswith(quote, i) for i in range(len(text.text))) == 1)  # overlaps count too
    assert text.find(quote) == Span(len(before), len(before) + len(quote))


def test_repeated_quote_needs_an_occurrence() -> None:
    with pytest.raises(QuoteNotFound, match="occurs 2 times"):
        ARTICLE.find("Fikri Firmansyah")
    assert ARTICLE.find("Fikri Firmansyah", 2).start > ARTICLE.find("Fikri Firmansyah", 1).start
    with pytest.raises(QuoteNotFound, match="occurrence 3 asked for"):
        ARTICLE.find("Fikri Firmansyah", 3)


def test_sentences_in_a_span() -> None:
    span = ARTICLE.find("di Jawa Timur. Kami yakin")
    assert [s.index for s in ARTICLE.sentences_in(span)] == [10, 11]
