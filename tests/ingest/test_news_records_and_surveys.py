"""News paragraphs written for these tests (invented institutes and banks' figures, real regions of Sulawesi
Tengah): a survey told through an organisation's record ("Menurut catatan X, survei terhadap 300 nelayan pada
Mei 2026 memperlihatkan …"), a record that shows ("Catatan X menunjukkan …"): each a study of X with its
finding; what a program means to reach, with a percentage, is no finding."""

from __future__ import annotations

from tests.ingest.test_rules import by_type, run, values_of

PALU = (
    "PALU, SULTENGKINI.COM - Dinas Perikanan Kota Palu membuka kelas daring.\n"
    "Menurut catatan Lembaga Kajian Ekonomi Tadulako, survei terhadap 300 nelayan pada Mei 2026 memperlihatkan "
    "62 persen nelayan belum memakai aplikasi pembayaran.\n"
    "Catatan Bank Sulteng menunjukkan transaksi digital nelayan naik 40 persen sepanjang 2025.\n"
    "Program itu menyasar 80 persen nelayan Kota Palu memakai aplikasi pembayaran dan mencapai 5.000 pengguna.\n")


def test_a_survey_told_through_a_record_and_a_record_that_shows_are_studies_with_findings() -> None:
    found = run(PALU)
    survey = values_of(found.items["survei-terhadap-nelayan"])
    assert survey["author"] == ["lembaga-kajian-ekonomi-tadulako"] and survey["period"] == ["2026"]
    (finding,) = survey["findings"]
    assert values_of(found.items[finding])["text"] == [
        "survei terhadap 300 nelayan pada Mei 2026 memperlihatkan 62 persen nelayan belum memakai aplikasi pembayaran"]
    record = values_of(found.items["catatan-bank-sulteng"])
    assert record["author"] == ["bank-sulteng"] and len(record["findings"]) == 1
    assert len(by_type(found, "Finding")) == 2  # the program's aim is none


def test_a_record_that_shows_nothing_is_no_study() -> None:
    found = run("PALU, SULTENGKINI.COM - Catatan Bank Sulteng itu dibacakan dalam rapat.\n")
    assert not by_type(found, "Study")
