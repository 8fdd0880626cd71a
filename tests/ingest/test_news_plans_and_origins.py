"""News paragraphs written for these tests (invented organisations and people, real regions of
Nusa Tenggara, Sulawesi, Maluku and Kalimantan): offices named with a short form that ends with
their region ("Diskop UKM NTB"), collaborations still being explored or offered, and where
organisations and people come from. Each test says what must and must not be proposed."""

from __future__ import annotations

from tests.ingest.test_news_without_cues import statuses
from tests.ingest.test_rules import run

NTB = (
    "MATARAM, LOMBOKKINI.COM - Dinas Koperasi dan UKM Provinsi NTB (Diskop UKM NTB) melatih 40 perajin tenun.\n"
    "Kepala Dinas Koperasi dan UKM Provinsi NTB, Ahmad Fauzi, mengatakan Pemerintah Provinsi NTB menambah kuota.\n"
    "Startup asal Mataram, Rinjani Tech, berencana bekerja sama dengan Diskop UKM NTB.\n")

KENDARI = (
    "KENDARI, SULTRAKINI.ID - Pemerintah Kota (Pemkot) Kendari menjajaki kerja sama dengan PT Anoa Digital untuk "
    "layanan parkir nontunai. Kerja sama Bank Sultra dan PT Teluk Data masih dalam tahap penjajakan. MoU antara "
    "Pemkot Kendari dan PT Kapal Nusa dijadwalkan ditandatangani pekan depan.\n"
    "Kementerian Koperasi dan UKM (Kemenkop UKM) siap mendampingi Koperasi Nelayan Sejahtera dalam pemasaran daring. "
    "PT Laut Biru siap mendukung Koperasi Nelayan Sejahtera.\n"
    "Pemkot Kendari tidak akan bekerja sama dengan PT Rawa Data. Jika disetujui DPRD, Pemkot Kendari berencana "
    "bekerja sama dengan PT Sagu Data.\n")

AMBON = (
    "AMBON, MALUKUKINI.COM - Startup asal Ambon, Pala Digital, meluncurkan aplikasi lelang ikan. Koperasi Nelayan "
    "Banda, koperasi asal Maluku Tengah, ikut menjual hasil tangkapan.\n"
    "Ketua Koperasi Tani Sejahtera, Yohanes Bili, asal Seram Bagian Barat, hadir. Ketua Komunitas Kopi Buru, "
    "Agus Rema, warga dari Buru Selatan, ikut bicara.\n"
    "Bantuan dari Maluku, PT Seram Data menerima modal. PT Banda Data, yang berkantor dekat pelabuhan, ikut hadir.\n")


def locations(found: object) -> dict[str, list[object]]:
    return {i.ident: [v.value for v in i.fields["location"]] for i in found.items.values() if "location" in i.fields}


def test_an_office_and_its_short_form_are_one_entity_in_its_regions_government() -> None:
    found = run(NTB)
    dinas = [i for i in found.items.values() if i.type == "Dinas"]
    assert [(d.ident, list(d.aliases)) for d in dinas] == [("diskop-ukm-ntb", ["Diskop UKM NTB"])]
    assert [v.value for v in dinas[0].fields["part_of"]] == ["pemprov-nusa-tenggara-barat"]
    head = found.items["kepala-dinas-koperasi-dan-ukm-provinsi-ntb"]
    assert [v.value for v in head.fields["post_in"]] == ["diskop-ukm-ntb"]  # the long form written again
    assert statuses(found) == [(["rinjani-tech", "diskop-ukm-ntb"], "planned", "status-cue")]  # by its short form


def test_explored_and_scheduled_collaborations_are_planned() -> None:
    found = run(KENDARI)
    assert statuses(found) == [
        (["pemkot-kendari", "pt-anoa-digital"], "planned", "status-cue"),
        (["bank-sultra", "pt-teluk-data"], "planned", "status-cue"),
        (["pemkot-kendari", "pt-kapal-nusa"], "planned", "status-cue"),  # "dijadwalkan" before "ditandatangani"
        (["kemenkop-ukm", "koperasi-nelayan-sejahtera"], "planned", "status-cue")]
    cues = {i.ident: found.span_text(i.fields["status"][0].span) for i in found.items.values()
            if i.type == "Collaboration"}
    assert list(cues.values()) == ["menjajaki", "penjajakan", "dijadwalkan", "siap"]
    offer = found.items["kolaborasi-kemenkop-ukm-koperasi-nelayan-sejahtera"]
    assert offer.rule == "support-offered" and offer.confidence <= 0.4
    assert offer.fields["status"][0].confidence <= 0.4
    named = {str(v.value) for i in found.items.values() if i.type == "Collaboration" for v in i.fields["participants"]}
    assert not named & {"pt-laut-biru", "pt-rawa-data", "pt-sagu-data"}  # a company's offer; negated; a condition


def test_where_organisations_and_people_come_from() -> None:
    found = run(AMBON)
    assert locations(found) == {
        "koperasi-nelayan-banda": ["maluku-tengah"], "pala-digital": ["ambon"],
        "yohanes-bili": ["seram-bagian-barat"], "agus-rema": ["buru-selatan"]}
    evidence = found.items["pala-digital"].fields["location"][0].span
    assert found.span_text(evidence) == "Startup asal Ambon, Pala Digital"
    assert "location" not in found.items["pt-seram-data"].fields  # help from a region, not where it is from


MAKASSAR = (
    "MAKASSAR, CELEBESKINI.COM - Badan Pendapatan Daerah (Bapenda) Kota Makassar menggandeng PT Losari Data. "
    "Pemerintah Kota (Pemkot) Makassar menargetkan pajak naik.\n"
    "Kepala Bapenda Kota Makassar, Firman Pagarra, mengatakan sistem baru siap dipakai.\n"
    "Kementerian Koperasi dan UKM (Kemenkop UKM) juga hadir. Asisten Deputi Pemasaran Kemenkop UKM, Rina Sari, "
    "menyebut program itu penting.\n"
    "Dinas Kominfo Kabupaten Gowa (Diskominfo Gowa) ikut dalam kegiatan itu. Pemkab Gowa mendukung. Kepala "
    "Diskominfo Gowa, Andi Rahman, hadir. Dinas Pertanian Kabupaten Maros ikut hadir.\n"
    "Turut hadir perwakilan Bank Indonesia (Bank Indonesia) Makassar.\n")


def test_posts_and_offices_by_their_short_forms() -> None:
    found = run(MAKASSAR)
    linked = {i.ident: [v.value for v in i.fields.get("part_of", i.fields.get("post_in", []))]
              for i in found.items.values() if i.type in ("Dinas", "GovernmentBody", "Post")}
    assert linked["diskominfo-gowa"] == ["pemkab-gowa"]
    assert linked["bapenda-kota-makassar"] == ["pemkot-makassar"]
    assert linked["kepala-diskominfo-gowa"] == ["diskominfo-gowa"]
    assert linked["kepala-bapenda-kota-makassar"] == ["bapenda-kota-makassar"]
    assert linked["asisten-deputi-pemasaran-kemenkop-ukm"] == ["kemenkop-ukm"]
    assert linked["dinas-pertanian-kabupaten-maros"] == []  # its region's government is not named
    assert [i.ident for i in found.items.values() if i.type == "Ministry"] == ["kemenkop-ukm"]  # no "Kemenkop"
    assert found.items["bank-indonesia"].aliases == {}  # "(Bank Indonesia)" is no short form
