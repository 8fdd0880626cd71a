"""News paragraphs written for these tests (invented companies and writers, real regions of Nusa Tenggara
Timur): a reporter and an editor each on a closing line of their own, with what may follow a name there
("(FloresKini)", ", S.Sos", a second writer); an organisation "berkantor pusat di Kota X" is located there."""

from __future__ import annotations

from kg.ingest.draft import propose
from tests.ingest.test_rules import CUES, run, values_of

BODY = ("Ekonomi\nPasar Daring Larantuka Ramai Pembeli\n"
        "LARANTUKA, FLORESKINI.COM - Pemkab Flores Timur membuka pasar daring.\nPara pedagang menyambut baik.\n\n")


def byline(closing: str) -> dict[str, str]:
    found = propose(BODY + closing, {}, CUES)
    return {key: str(found.article[key].value) for key in ("author", "editor") if key in found.article}


def test_a_reporter_and_an_editor_on_two_closing_lines() -> None:
    both = {"author": "yosef-lamanepa", "editor": "maria-goreti-ina"}
    assert byline("Reporter: Yosef Lamanepa\nEditor: Maria Goreti Ina\n") == both
    assert byline("Reporter: Yosef Lamanepa (FloresKini)\nEditor: Maria Goreti Ina\n") == both
    assert byline("Reporter: Yosef Lamanepa | FloresKini\nEditor: Maria Goreti Ina, S.Sos\n") == both
    assert byline("Reporter: Yosef Lamanepa, Agnes Kewa\nEditor: Maria Goreti Ina\n") == both  # the first writes


def test_an_organisation_with_its_head_office_in_a_city_is_located_there() -> None:
    found = run("KUPANG, FLORESKINI.COM - PT Lamaholot Data berkantor pusat di Kota Kupang.\n")
    assert values_of(found.items["pt-lamaholot-data"])["location"] == ["kota-kupang"]
