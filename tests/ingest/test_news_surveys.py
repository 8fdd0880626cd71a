"""News paragraphs written for these tests (invented programs, offices and figures, real regions of
Kalimantan Barat and Nusa Tenggara Timur): a survey told by who made it and when, and the shares of
its respondents as its findings. Each test says what must and must not be proposed."""

from __future__ import annotations

from tests.ingest.test_rules import run

PONTIANAK = (
    "PONTIANAK, BORNEOKINI.COM - Dinas Koperasi dan UKM Provinsi Kalimantan Barat menggelar program Kalbar Go "
    "Online.\n"
    "Program itu lahir dari survei yang dilakukan Dinas Koperasi dan UKM Provinsi Kalimantan Barat pada Januari 2025 "
    "terhadap 400 pelaku UMKM di Pontianak dan Singkawang.\n"
    "Sebanyak 61 persen responden kesulitan membuat foto produk yang menarik. Sebagian besar responden juga belum "
    "memiliki rekening bank.\n"
    "Dinas itu menargetkan 70 persen responden berjualan daring tahun depan. Para responden berasal dari kota.\n")

KUPANG = (
    "KUPANG, FLOBAMORAKINI.COM - Kajian yang disusun Bank NTT tahun 2024 memotret kebiasaan belanja warga.\n"
    "Kajian tersebut mencatat 45 persen warga Kota Kupang membayar dengan kode QR.\n")


def test_a_survey_told_by_who_made_it_and_the_shares_of_its_respondents() -> None:
    found = run(PONTIANAK)
    (study,) = [i for i in found.items.values() if i.type == "Study"]
    assert study.label == "Survei Dinas Koperasi dan UKM Provinsi Kalimantan Barat"
    assert [v.value for v in study.fields["author"]] == ["dinas-koperasi-dan-ukm-provinsi-kalimantan-barat"]
    assert [v.value for v in study.fields["period"]] == ["2025"]
    findings = [found.items[str(v.value)].fields["text"][0].value for v in study.fields["findings"]]
    assert findings == ["Sebanyak 61 persen responden kesulitan membuat foto produk yang menarik",
                        "Sebagian besar responden juga belum memiliki rekening bank"]
    # a target is a plan, and a sentence with no share is no finding
    assert len([i for i in found.items.values() if i.type == "Finding"]) == 2


def test_a_study_pointed_at_by_kajian_tersebut() -> None:
    found = run(KUPANG)
    study = found.items["kajian-bank-ntt"]
    assert [v.value for v in study.fields["author"]] == ["bank-ntt"]
    assert [v.value for v in study.fields["period"]] == ["2024"]
    (finding,) = [found.items[str(v.value)] for v in study.fields["findings"]]
    assert finding.fields["text"][0].value.startswith("Kajian tersebut mencatat 45 persen")
