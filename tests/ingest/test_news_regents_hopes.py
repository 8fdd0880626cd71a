"""News paragraphs written for these tests (invented companies and people, real regions of Sulawesi Selatan):
a regent's hope told in indirect speech ("Bupati Gowa, H. Andi Rahman, berharap suatu saat pemkab bisa bermitra
dengan PT X"): the person without the title "H.", the post, the words after "berharap" ("suatu saat" is some
day, not when they were said), and an aspired collaboration of the regency government "pemkab" points back to."""

from __future__ import annotations

from tests.ingest.test_rules import by_type, collaborations, run, values_of

GOWA = (
    "SUNGGUMINASA, SULSELKINI.COM - Pemerintah Kabupaten (Pemkab) Gowa membuka kelas daring bagi petani.\n"
    "Bupati Gowa, H. Andi Rahman, berharap suatu saat pemkab bisa bermitra dengan PT Tanjung Bunga Digital.\n")


def test_a_regents_hope_is_his_indirect_quote_and_an_aspired_collaboration_of_his_government() -> None:
    found = run(GOWA)
    regent = by_type(found, "Person")["Andi Rahman"]
    assert values_of(regent)["holds"] == ["bupati-gowa"]
    assert values_of(found.items["bupati-gowa"])["post_in"] == ["pemkab-gowa"]
    (hope,) = by_type(found, "IndirectQuote").values()
    assert values_of(hope)["speaker"] == ["andi-rahman"] and values_of(hope)["verb"] == ["berharap"]
    assert values_of(hope)["text"] == ["suatu saat pemkab bisa bermitra dengan PT Tanjung Bunga Digital"]
    assert collaborations(found) == [(["pemkab-gowa", "pt-tanjung-bunga-digital"], "aspired")]


def test_pemkab_in_small_letters_is_the_one_regency_government_named() -> None:
    found = run("SUNGGUMINASA, SULSELKINI.COM - Pemkab Gowa membuka kelas daring.\n"
                "Direktur PT Tanjung Bunga Digital, Rudi Hartono, menyebut pemkab akan bermitra dengan Koperasi "
                "Tani Bontonompo.\n")
    assert collaborations(found) == [(["pemkab-gowa", "koperasi-tani-bontonompo"], "planned")]
    two = run("SUNGGUMINASA, SULSELKINI.COM - Pemkab Gowa dan Pemkab Takalar membuka kelas daring.\n"
              "Direktur PT Tanjung Bunga Digital, Rudi Hartono, menyebut pemkab akan bermitra dengan Koperasi "
              "Tani Bontonompo.\n")
    assert ["pemkab-gowa", "koperasi-tani-bontonompo"] not in [parties for parties, _ in collaborations(two)]
