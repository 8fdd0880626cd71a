"""News paragraphs written for these tests (invented companies and offices, real regions of Jambi,
Sumatera Selatan and Riau): a collaboration's status told around its act rather than by a tense
word beside it: a plan by "Rencananya" or a time to come, a plan given up ("mundur dari rencana",
"tidak jadi", "Rencana itu batal" in the next sentence), and one under way since a date or by a
next sentence pointing back. Each test says what must and must not be proposed."""

from __future__ import annotations

from tests.ingest.test_news_without_cues import statuses
from tests.ingest.test_rules import run

JAMBI = (
    "JAMBI, JAMBIKINI.COM - Dinas Koperasi dan UKM Provinsi Jambi melatih 60 perajin batik. Rencananya, pada "
    "Desember mendatang Dinas Koperasi dan UKM Provinsi Jambi dan PT Batanghari Logistik meneken perjanjian kerja "
    "sama untuk pengiriman produk perajin. Pemerintah Kota (Pemkot) Jambi dan PT Sepucuk Data menandatangani nota "
    "kesepahaman pekan depan. PT Angso Duo telah bekerja sama dengan PT Tanjung Data hingga tahun depan.\n")

SUMSEL = (
    "PALEMBANG, SUMSELKINI.COM - Pemkab Ogan Ilir memilih mundur dari rencana kemitraan dengan PT Musi Niaga untuk "
    "membangun gudang bersama. Pemkot Palembang sempat menyusun rencana kerja sama dengan PT Ampera Data. Rencana "
    "itu batal karena anggaran dipangkas. Pemkot Lubuklinggau, misalnya, tidak jadi meneruskan rencana kerja sama "
    "dengan PT Lembah Data untuk layanan parkir digital. Pemkot Pagar Alam membatalkan kerja sama dengan PT Dempo "
    "Data. Pemkot Prabumulih tidak bekerja sama dengan PT Gelumbang Data. Pemkab Lahat berencana bermitra dengan "
    "PT Bukit Serelo Data, namun rencana itu urung karena biaya sewa server terlalu mahal.\n")

BENGKULU = (
    "BENGKULU, BENGKULUKINI.COM - Kepala Dinas Koperasi dan UKM Provinsi Bengkulu, Rahmawati Saleh, mengatakan "
    "pelatihan berjalan baik. Rahmawati menyebut rencana kelas serupa bersama Pemerintah Kabupaten (Pemkab) Kaur "
    "urung digelar tahun ini karena keterbatasan anggaran. Bazar daring yang sempat dirancang bersama PT Rafflesia "
    "Data batal dilaksanakan.\n")

JAMBI_WORK = (
    "JAMBI, JAMBIKINI.COM - Startup asal Jambi, Angso Duo, melatih pedagang pasar. Pada 2024, startup itu telah "
    "menuntaskan uji coba katalog digital bersama Dinas Komunikasi dan Informatika (Diskominfo) Kota Jambi bagi 60 "
    "pedagang. PT Batanghari Data menggelar pelatihan bersama Dinas Koperasi Provinsi Jambi. Peserta belajar bersama "
    "Budi Hartono.\n"
    "Pemerintah Provinsi Jambi (Pemprov Jambi) melalui Dinas Koperasi dan Usaha Kecil Menengah (Diskop UKM) Jambi "
    "menunjuk startup asal Jambi, Seloko Kode, sebagai mitra teknologi program Jambi Digital UMKM.\n")

RIAU = (
    "PEKANBARU, RIAUKINI.COM - Dinas Perdagangan Provinsi Riau (Disdag Riau) menjalankan program Pasar Lancang "
    "Kuning. PT Siak Kode digandeng Disdag Riau sebagai mitra teknologi program tersebut sejak Maret 2025. PT Kampar "
    "Data bekerja sama dengan Disdag Riau sejak 2021 hingga 2023. PT Rokan Digital juga bermitra dengan Disdag Riau. "
    "Kemitraan itu kini tengah memasuki tahun ketiga. PT Dumai Data digandeng Disdag Riau sejak awal 2024. Koperasi "
    "Nelayan Bengkalis, yang berdiri sejak 2015, menggandeng PT Selat Data untuk pemasaran ikan asap.\n"
    "PT Kuansing Data juga bekerja sama dengan Disdag Riau. Kerja sama itu berjalan sejak Mei 2025 dan direncanakan "
    "berlangsung hingga Desember 2026.\n")


def cue_words(found: object) -> list[str]:
    """The words each collaboration's status rests on, in the order told."""
    return [found.span_text(i.fields["status"][0].span) for i in found.items.values()
            if i.type == "Collaboration" and "status" in i.fields]


def test_a_plan_word_or_a_time_to_come_makes_the_signing_planned() -> None:
    found = run(JAMBI)
    assert statuses(found) == [
        (["dinas-koperasi-dan-ukm-provinsi-jambi", "pt-batanghari-logistik"], "planned", "status-cue"),
        (["pemkot-jambi", "pt-sepucuk-data"], "planned", "status-cue"),  # "menandatangani … pekan depan"
        (["pt-angso-duo", "pt-tanjung-data"], "completed", "status-cue")]  # "hingga tahun depan": how long
    assert cue_words(found) == ["Rencananya", "pekan depan", "telah"]


def test_a_plan_given_up_is_cancelled_and_a_denial_gives_nothing() -> None:
    found = run(SUMSEL)
    assert statuses(found) == [
        (["pemkab-ogan-ilir", "pt-musi-niaga"], "cancelled", "status-cue"),
        (["pemkot-palembang", "pt-ampera-data"], "cancelled", "status-told-after"),  # "Rencana itu batal"
        (["pemkot-lubuk-linggau", "pt-lembah-data"], "cancelled", "status-cue"),  # "tidak jadi": no negation
        (["pemkot-pagar-alam", "pt-dempo-data"], "cancelled", "status-cue"),
        (["pemkab-lahat", "pt-bukit-serelo-data"], "cancelled", "status-told-after")]  # "…, namun rencana itu urung"
    assert cue_words(found) == ["mundur dari", "batal", "tidak jadi", "membatalkan", "urung"]


def test_a_joint_plan_given_up_names_the_speakers_office_or_the_one_partner() -> None:
    found = run(BENGKULU)
    assert statuses(found) == [  # the office of the one who tells it; a bazaar with no second party: nothing
        (["dinas-koperasi-dan-ukm-provinsi-bengkulu", "pemkab-kaur"], "cancelled", "status-cue")]
    assert cue_words(found) == ["urung"]


def test_work_done_with_a_partner_after_the_act() -> None:
    found = run(JAMBI_WORK)
    assert statuses(found) == [  # "Pada 2024, startup itu …": the startup named before; a person is no party
        (["angso-duo", "diskominfo-kota-jambi"], "completed", "status-cue"),
        (["pt-batanghari-data", "dinas-koperasi-provinsi-jambi"], None, None),
        (["pemprov-jambi", "seloko-kode"], "planned", "status-cue")]  # the appointed one named between commas
    appointed = found.items["kolaborasi-pemprov-jambi-seloko-kode"]
    assert [v.value for v in appointed.fields["acting_through"]] == ["diskop-ukm-jambi"]  # after "(Pemprov Jambi)"


def test_under_way_since_a_date_or_as_the_next_sentence_tells() -> None:
    found = run(RIAU)
    assert statuses(found) == [
        (["pt-siak-kode", "disdag-riau"], "ongoing", "status-cue"),
        (["pt-kampar-data", "disdag-riau"], None, None),  # "sejak 2021 hingga 2023": it ended
        (["pt-rokan-digital", "disdag-riau"], "ongoing", "status-told-after"),
        (["pt-dumai-data", "disdag-riau"], "ongoing", "status-cue"),  # "digandeng": the passive act
        (["koperasi-nelayan-bengkalis", "pt-selat-data"], None, None),  # "berdiri sejak 2015": the cooperative's age
        (["pt-kuansing-data", "disdag-riau"], "ongoing", "status-told-after")]  # a planned end is no plan
    assert cue_words(found) == ["sejak Maret 2025", "tengah", "sejak awal 2024", "berjalan"]
