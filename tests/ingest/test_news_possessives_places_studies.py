"""News paragraphs written for these tests (invented associations, companies, faculties and people,
real regions of Kalimantan Selatan, Lampung, Sumatera Selatan and Sulawesi Tengah): a hope told for
"asosiasinya" or "koperasinya" (the speaker's organisation is a party), where a collaboration takes
place ("bagi 25 perajin di Kecamatan X"), and studies told by a faculty's team, by who led them and by
"Survei lembaganya". Each test says what must and must not be proposed."""

from __future__ import annotations

from tests.ingest.test_news_without_cues import statuses
from tests.ingest.test_rules import run, values_of

KALSEL = (
    "BANJARMASIN, KALSELKINI.COM - Ketua Asosiasi Perajin Sasirangan Kalsel, Rusmini, menaruh harapan agar "
    "asosiasinya bisa menggandeng PT Intan Kode. Ketua Koperasi Pasar Terapung Lok Baintan, Ahmad Juhri, ingin "
    "koperasinya bisa masuk daftar mitra PT Intan Kode tahun depan. Direktur PT Martapura Data, Yusuf Arifin, "
    "berharap perusahaannya tidak bermitra dengan PT Intan Kode. Ketua Asosiasi Pedagang Pasar Martapura, Drs. "
    "Abdul Gani, berharap asosiasinya bisa bermitra dengan PT Banjar Kode.\n")

LAMPUNG = (
    "BANDAR LAMPUNG, LAMPUNGKINI.COM - Dinas Koperasi Provinsi Lampung bekerja sama dengan PT Siger Ekspor "
    "memberikan pendampingan ekspor perdana bagi 25 perajin tapis di Kecamatan Kedaton pada Juli lalu.\n"
    "PT Way Kanan Data juga bermitra dengan Dinas Koperasi Provinsi Lampung. Kerja sama itu menggelar kelas "
    "pemasaran daring bagi 75 pedagang di Kabupaten Pesawaran yang sudah rampung.\n"
    "Pemkab Ogan Ilir memilih mundur dari rencana kemitraan dengan PT Musi Niaga untuk membangun gudang bersama di "
    "Kecamatan Indralaya.\n")

SULTENG = (
    "PALU, SULTENGKINI.COM - Tantangan perajin tergambar dalam kajian tim Fakultas Ekonomi dan Bisnis Universitas "
    "Lembah Palu. Dari 400 perajin yang disurvei pada Agustus 2026, tujuh dari sepuluh masih bergantung pada "
    "tengkulak. Dosen Fakultas Ekonomi dan Bisnis Universitas Lembah Palu, Dr. Rahmat Lamasi, yang memimpin kajian, "
    "menilai pemasaran daring belum merata.\n"
    "Menurut Kepala Pusat Kajian Ekonomi Digital Universitas Tadulako Raya, Dr. Ir. Nurhayati Lamba, akses modal "
    "masih sulit. Survei lembaganya terhadap 500 pelaku UMKM di Kabupaten Donggala pada September 2026 mencatat "
    "58 persen pelaku belum memakai pembayaran digital.\n")


def test_the_speakers_organisation_hoping_for_a_partner_is_a_party() -> None:
    found = run(KALSEL)
    assert statuses(found) == [
        (["asosiasi-perajin-sasirangan-kalsel", "pt-intan-kode"], "aspired", "status-cue"),
        (["koperasi-pasar-terapung-lok-baintan", "pt-intan-kode"], "aspired", "status-cue"),  # not the denied one
        (["asosiasi-pedagang-pasar-martapura", "pt-banjar-kode"], "aspired", "status-cue")]  # "Drs." ends no clause
    cues = [found.span_text(i.fields["status"][0].span) for i in found.items.values() if i.type == "Collaboration"]
    assert cues == ["harapan", "ingin", "berharap"]


def test_a_collaborations_place_after_whom_it_serves_or_what_it_builds() -> None:
    found = run(LAMPUNG)
    places = {i.ident: [(v.value, found.span_text(v.span)) for v in i.fields["location"]]
              for i in found.items.values() if i.type == "Collaboration" and "location" in i.fields}
    assert places == {
        "kolaborasi-dinas-koperasi-provinsi-lampung-pt-siger-ekspor": [("kedaton", "di Kecamatan Kedaton")],
        "kolaborasi-pt-way-kanan-data-dinas-koperasi-provinsi-lampung": [  # told by "Kerja sama itu …"
            ("pesawaran", "di Kabupaten Pesawaran")],
        "kolaborasi-pemkab-ogan-ilir-pt-musi-niaga": [("indralaya", "di Kecamatan Indralaya")]}


def test_a_faculty_teams_study_who_led_it_and_its_finding() -> None:
    found = run(SULTENG)
    study = found.items["kajian-fakultas-ekonomi-dan-bisnis-universitas-lembah-palu"]
    assert values_of(study)["author"] == ["fakultas-ekonomi-dan-bisnis-universitas-lembah-palu", "rahmat-lamasi"]
    assert values_of(study)["period"] == ["2026"]  # "yang disurvei pada Agustus 2026"
    (finding,) = [found.items[str(v.value)] for v in study.fields["findings"]]
    assert values_of(finding)["text"] == [
        "Dari 400 perajin yang disurvei pada Agustus 2026, tujuh dari sepuluh masih bergantung pada tengkulak"]


def test_survei_lembaganya_is_the_study_of_the_speakers_institution() -> None:
    found = run(SULTENG)
    study = found.items["survei-terhadap-pelaku-umkm"]
    assert values_of(study)["author"] == ["pusat-kajian-ekonomi-digital-universitas-tadulako-raya"]
    assert values_of(study)["period"] == ["2026"]
    (finding,) = [found.items[str(v.value)] for v in study.fields["findings"]]
    assert "58 persen pelaku belum memakai pembayaran digital" in values_of(finding)["text"][0]
