"""News paragraphs written for these tests (invented offices' people and companies, real regions of Sulawesi
Utara and Sulawesi Tengah): one office written once in full and once short ("Dinas Koperasi, Usaha Kecil dan
Menengah (Diskop UKM) Sulawesi Utara", "Dinas Koperasi dan UKM Sulut") is one entity, and a post in either name
goes to it; an app named after its company ("PT X, pengembang aplikasi Y,") is no second organisation."""

from __future__ import annotations

from tests.ingest.test_rules import by_type, collaborations, run, values_of

MANADO = (
    "MANADO, SULUTKINI.COM - Dinas Koperasi, Usaha Kecil dan Menengah (Diskop UKM) Sulawesi Utara menggelar "
    "kelas ekspor.\n"
    "Sekretaris Dinas Koperasi dan UKM Sulut, Ronald Lumenta, mengatakan kelas itu diikuti 50 pelaku usaha.\n"
    "Dinas Koperasi dan UKM Kota Bitung juga membuka kelas serupa.\n")


def test_one_office_in_two_names_is_one_entity_holding_the_post() -> None:
    found = run(MANADO)
    offices = by_type(found, "Dinas")
    office = offices["Dinas Koperasi, Usaha Kecil dan Menengah Sulawesi Utara"]
    assert "Dinas Koperasi dan UKM Sulut" in office.aliases
    assert values_of(found.items["sekretaris-dinas-koperasi-dan-ukm-sulut"])["post_in"] == [office.ident]
    assert "Dinas Koperasi dan UKM Kota Bitung" in offices  # another region's office stays another
    assert len(offices) == 2


PALU = (
    "PALU, SULTENGKINI.COM - PT Jukung Digital Nusantara, pengembang aplikasi Jukungku, menggandeng Dinas "
    "Perikanan Kota Palu.\n"
    "Pendiri Jukungku, Maria Lamasi, mengatakan aplikasinya sudah diunduh 10.000 kali.\n"
    "Jukungku juga bekerja sama dengan Bank Sulteng.\n")


def test_an_app_named_after_its_company_is_the_company() -> None:
    found = run(PALU)
    assert found.find_name("Jukungku") is None or found.find_name("Jukungku").ident == "pt-jukung-digital-nusantara"
    assert values_of(found.items["pendiri-jukungku"])["post_in"] == ["pt-jukung-digital-nusantara"]
    assert sorted(parties for parties, _ in collaborations(found)) == [
        ["pt-jukung-digital-nusantara", "bank-sulteng"], ["pt-jukung-digital-nusantara", "dinas-perikanan-kota-palu"]]
