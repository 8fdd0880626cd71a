"""News paragraphs written for these tests (invented organisations and people, real regions,
outlets and sectors of many kinds), none taken from the gold articles: what Indonesian news
tells without the cue words the first rules knew. A headline carries the status of the body's
collaboration; organisations are named by what the text says they are ("startup asal
Makassar, Lontong Tech,"); collaborations are told by their act ("menggandeng", "bermitra
dengan", "menunjuk … sebagai mitra", "didukung oleh"); speakers by a back-reference
("ujarnya", "kata dia", a first name). Each test says what must and must not be proposed."""

from __future__ import annotations

import pytest

from kg.ingest.model import Proposals
from tests.ingest import test_spans
from tests.ingest.test_rules import by_type, collaborations, run


def header(headline: str) -> str:
    return f"Ekonomi\n{headline}\nPenulis: Dewi Anggraini | Editor: Rahmat Hidayat\nLaporan Wartawan Kabar.id, Dewi\n"


SULSEL_HEAD = "Sulsel & Bukalapak Siap Bersinergi Latih Pelaku UMKM"
SULSEL = (
    "MAKASSAR, CELEBESKINI.COM - Pemerintah Provinsi Sulawesi Selatan melalui Dinas Koperasi dan UKM Sulsel "
    "menyambut baik keterbukaan Bukalapak untuk berkolaborasi dalam pelatihan pemasaran daring.\n"
    "Bukalapak selama ini dikenal dekat dengan pelaku usaha kecil di kawasan timur Indonesia.\n")
SLEMAN_HEAD = "Pemkab Sleman dan PT Merapi Data Akan Kerja Sama Bangun Pusat Data"
SLEMAN = (
    "SLEMAN, JOGJAPOS.ID - Pemerintah Kabupaten Sleman bekerja sama dengan PT Merapi Data dalam pengelolaan "
    "data kependudukan.\n")


MAKASSAR = (
    "MAKASSAR, FAJARKINI.COM - Startup asal Makassar, Lontong Tech, meluncurkan layanan pesan antar untuk warung "
    "kecil. Perusahaan rintisan bidang logistik, Kirim Kilat, juga hadir dalam acara tersebut.\n"
    "Sementara itu, Pasar Kita, perusahaan rintisan yang bergerak di bidang perdagangan daring, mencatat 2.000 "
    "penjual baru. Pedagang bisa mendaftar lewat aplikasi Warungku atau platform Kopiku.\n"
    "Koperasi Produsen Tani Makmur dan koperasi Sumber Rejeki ikut menyalurkan produk anggotanya. Anggota komunitas "
    "Pemuda Kreatif Gowa juga dilatih oleh BUMN Pelindo.\n"
    "CEO startup itu, Andi Baso Tenri, mengatakan layanan akan diperluas ke startup di Gowa, Maros, dan Takalar.\n"
    "Menurut Andi, perusahaan itu, yang didirikan tahun 2021, sudah untung.\n")


MEDAN = (
    "MEDAN, SUMUTKINI.COM - Pemerintah Kota (Pemkot) Medan menggaet PT Dompet Rakyat Nusantara untuk mendigitalkan "
    "retribusi pasar, Senin (8/7/2024).\n"
    "Dinas Koperasi dan UKM Kota Medan juga merangkul Bank Sumut dalam penyaluran kredit usaha rakyat. Dinas "
    "Perhubungan Kota Medan merangkul Grab untuk uji coba angkutan daring.\n"
    "Festival Kuliner Medan yang digelar Dinas Pariwisata Kota Medan didukung oleh PT Kopi Deli Nusantara.\n"
    "Pemkot Medan menunjuk PT Karya Data Sumatera sebagai pelaksana program Medan Cerdas.\n"
    "Komunitas Wirausaha Muda Medan bersama Bank Sumut menggelar pameran produk lokal di Lapangan Merdeka.\n"
    "Pemkot Medan telah menandatangani nota kesepahaman (MoU) dengan PT Awan Data Indonesia pada Maret lalu.\n"
    "Pemkot Medan belum menunjuk PT Sinar Jaringan sebagai pelaksana program itu. Jika didukung oleh PT Modal Deli, "
    "pameran bisa digelar dua kali setahun. Bersama warga, Pemkot Medan membersihkan Sungai Deli. Wali Kota Medan "
    "bersama PT Sawit Deli meninjau Pasar Petisah.\n")


PADANG = (  # the test header's reporter is Budi Santoso: "tutur Budi" is not him
    "PADANG, MINANGNEWS.ID - Kepala Dinas Koperasi dan UKM Kota Padang, Budi Santika, mengatakan pelatihan digital "
    "akan digelar tiap bulan.\n"
    "\"Peserta tahun ini dua kali lipat,\" ujarnya.\n"
    "\"Kami juga menyiapkan pendampingan,\" katanya, Rabu (10/7/2024).\n"
    "\"Produk rendang kering paling laris,\" tutur Budi.\n"
    "Sementara itu, Ketua Koperasi Rendang Minang, Rosmaini Putri, ikut hadir. \"Pesanan dari luar negeri terus "
    "naik,\" ungkap dia.\n"
    "\"Kami butuh ongkos kirim yang murah,\" imbuhnya.\n"
    "\"Pemerintah sudah membantu,\" kata dia.\n"
    "\"Tahun depan kami ekspor,\" tuturnya.\n")


JABAR_HEAD = "Jabar & Shopee Siap Bersinergi Latih Perajin"
JABAR = (
    "BANDUNG, PRIANGANKINI.COM - Dinas Koperasi dan Usaha Kecil Provinsi Jawa Barat menyambut baik ajakan "
    "berkolaborasi dengan Shopee untuk melatih perajin.\n"
    "Pelatihan itu bagian dari agenda Pemerintah Provinsi (Pemprov) Jawa Barat. Shopee sudah hadir di Bandung sejak "
    "2016.\n")


PONTIANAK = (
    "PONTIANAK, KALBARKINI.COM - Fintech asal Pontianak, Dana Khatulistiwa, menyalurkan pinjaman modal ke 500 "
    "pelaku usaha. Lokapasar Borneo Mart juga membuka lapak khusus produk lokal.\n"
    "Sementara itu, BUMDes Sungai Kakap mendapat dukungan dari Bank Kalbar untuk pengadaan mesin pengering ikan. "
    "Komunitas Nelayan Muda Kapuas ikut hadir.\n"
    "Pemkot Pontianak tidak mendapat dukungan dari PT Sawit Kapuas.\n")


def statuses(found: Proposals) -> list[tuple[list[object], str | None, str | None]]:
    """Each collaboration's parties, status and the status's rule."""
    out = []
    for item in found.items.values():
        if item.type == "Collaboration":
            status = item.fields.get("status", [None])[0]
            out.append(([v.value for v in item.fields["participants"]], status and status.value,
                        status and status.rule))
    return out


def test_a_headlines_cue_gives_the_body_collaboration_its_status() -> None:
    found = run(SULSEL, header(SULSEL_HEAD))
    assert statuses(found) == [(["pemprov-sulawesi-selatan", "bukalapak"], "planned", "headline-status")]
    (collaboration,) = [i for i in found.items.values() if i.type == "Collaboration"]
    status = collaboration.fields["status"][0]
    assert found.span_text(status.span) == "Sulsel & Bukalapak Siap Bersinergi"  # "Sulsel": the province's government
    assert status.confidence <= 0.5
    found = run(SLEMAN, header(SLEMAN_HEAD))
    assert statuses(found) == [(["pemkab-sleman", "pt-merapi-data"], "planned", "headline-status")]


def test_a_region_in_the_headline_stands_for_an_office_of_its_government() -> None:
    found = run(JABAR, header(JABAR_HEAD))
    assert statuses(found) == [(["dinas-koperasi-dan-usaha-kecil-provinsi-jawa-barat", "shopee"], "planned",
                                 "headline-status")]


@pytest.mark.parametrize("headline", [
    "Pemkab Sleman dan PT Merapi Data Belum Akan Kerja Sama",  # negated
    "Jika Disetujui DPRD, Pemkab Sleman dan PT Merapi Data Akan Kerja Sama",  # a condition
    "Pemkab Sleman Siap Gandeng PT Bumi Sembada",  # other parties than the body's
    "Akan Bangun Pusat Data, Pemkab Sleman dan PT Merapi Data Jalin Kerja Sama",  # the cue in another part
    "Pemkab Sleman Siap Bangun Pusat Data",  # no collaboration word
    "Jabar & PT Merapi Data Siap Bersinergi",  # a region whose government the body does not name
])
def test_a_headline_gives_no_status_it_does_not_tell(headline: str) -> None:
    assert [status for _, status, _ in statuses(run(SLEMAN, header(headline)))] == [None]


@pytest.mark.parametrize(("headline", "expected"), [
    ("Pemkab Sleman dan PT Merapi Data Akan Kerja Sama", ["planned"]),  # "Akan" capitalised: a title's cue
    ("Pemkab Sleman Batal Gandeng PT Merapi Data", ["cancelled"]),
    ("Pemkab Sleman dan PT Merapi Data Jalin Kerja Sama", [None]),  # no cue, no status
    ("Pemkab Sleman dan PT Merapi Data Tidak Akan Kerja Sama", []),  # negated: nothing
])
def test_a_collaboration_only_the_headline_tells_has_its_cue(headline: str, expected: list[str | None]) -> None:
    body = "SLEMAN, JOGJAPOS.ID - Pemkab Sleman membuka pusat data baru. PT Merapi Data menyiapkan servernya.\n"
    assert [status for _, status, _ in statuses(run(body, header(headline)))] == expected


def test_a_body_status_is_not_overridden_by_the_headline() -> None:
    body = SLEMAN.replace("bekerja sama", "telah bekerja sama")
    expected = [(["pemkab-sleman", "pt-merapi-data"], "completed", "status-cue")]
    assert statuses(run(body, header(SLEMAN_HEAD))) == expected


def test_a_headline_telling_a_completed_collaboration() -> None:
    found = run(SLEMAN, header("Pemkab Sleman dan PT Merapi Data Resmi Teken Kerja Sama"))
    assert [status for _, status, _ in statuses(found)] == ["completed"]


@pytest.mark.parametrize("body", [SULSEL, SLEMAN, MAKASSAR, MEDAN, PADANG, JABAR, PONTIANAK])
def test_every_span_is_the_text_at_its_offsets_and_every_evidence_verbatim(body: str) -> None:
    test_spans.test_every_span_is_the_text_at_its_offsets_and_every_evidence_is_verbatim.hypothesis.inner_test(body)


def test_organisations_named_by_what_the_text_says_they_are() -> None:
    found = run(MAKASSAR)
    kinds = {item.label: (item.type, item.rule) for item in found.items.values()
             if item.type in ("Startup", "Company", "Organization")}
    assert kinds == {
        "Lontong Tech": ("Startup", "startup-apposed"),  # "Startup asal Makassar, Lontong Tech,"
        "Kirim Kilat": ("Startup", "startup-apposed"),  # "Perusahaan rintisan bidang logistik, Kirim Kilat,"
        "Pasar Kita": ("Startup", "org-described"),  # "Pasar Kita, perusahaan rintisan yang …"
        "Warungku": ("Organization", "org-kind-word"),  # an app or a platform: named, not who runs it
        "Kopiku": ("Organization", "org-kind-word"),
        "Koperasi Produsen Tani Makmur": ("Organization", "org-shape"),
        "Sumber Rejeki": ("Organization", "org-kind-word"),  # "koperasi Sumber Rejeki"
        "Pemuda Kreatif Gowa": ("Organization", "org-kind-word"),  # "komunitas …"
        "Pelindo": ("Company", "org-kind-word"),  # "BUMN Pelindo"
    }  # not "Makassar", "Gowa" (places), "Andi Baso Tenri" (after a post), "perusahaan itu" (a back-reference)
    assert all(found.items[i].confidence <= 0.6 for i in ("lontong-tech", "pasar-kita", "warungku", "pelindo"))
    assert found.span_text(found.items["lontong-tech"].span) == "Startup asal Makassar, Lontong Tech"


def test_collaborations_told_by_their_act_without_a_collaboration_word() -> None:
    found = run(MEDAN)
    assert collaborations(found) == [
        (["pemkot-medan", "pt-dompet-rakyat-nusantara"], None),  # "menggaet": no cue, no status
        (["dinas-koperasi-dan-ukm-kota-medan", "bank-sumut"], None),  # "merangkul"
        (["dinas-perhubungan-kota-medan", "grab"], None),
        (["dinas-pariwisata-kota-medan", "pt-kopi-deli-nusantara"], None),  # "didukung oleh"
        (["pemkot-medan", "pt-karya-data-sumatera"], "planned"),  # appointed to carry it out: still to come
        (["komunitas-wirausaha-muda-medan", "bank-sumut"], None),  # "A bersama B menggelar …"
        (["pemkot-medan", "pt-awan-data-indonesia"], "completed"),  # "telah menandatangani … MoU dengan"
    ]  # not "belum menunjuk", "Jika didukung oleh", "Bersama warga", "bersama … meninjau"
    signed = found.items["kolaborasi-pemkot-medan-pt-awan-data-indonesia"].fields["status"][0]
    assert (found.span_text(signed.span), signed.confidence) == ("telah", 0.7)  # the tense, not the act
    appointed = found.items["kolaborasi-pemkot-medan-pt-karya-data-sumatera"].fields["status"][0]
    assert (found.span_text(appointed.span), appointed.confidence) == ("menunjuk", 0.5)  # the act alone: less sure
    unsure = [i for i in found.items.values() if i.type == "Collaboration" and "status" not in i.fields]
    assert all(item.confidence <= 0.3 for item in unsure)
    assert by_type(found, "Company")["Grab"].rule == "partner-cue"  # a bare name after "merangkul"
    fair = by_type(found, "Event")["Pameran produk lokal"]
    assert {v.value for v in fair.fields["organizer"]} == {"komunitas-wirausaha-muda-medan", "bank-sumut"}
    (together,) = [i for i in unsure if i.fields["participants"][0].value == "komunitas-wirausaha-muda-medan"]
    assert [v.value for v in together.fields["resulted_in"]] == [fair.ident]
    for name in ("PT Sinar Jaringan", "PT Modal Deli", "PT Sawit Deli"):
        assert not [i for i in found.items.values() if i.type == "Collaboration" and name in i.label]


def test_speakers_by_a_back_reference_or_a_first_name() -> None:
    found = run(PADANG)
    quotes = sorted((i for i in found.items.values() if i.type == "Quote"), key=lambda i: i.span.start)
    assert [(q.fields["verb"][0].value, q.fields["speaker"][0].value) for q in quotes] == [
        ("ujarnya", "budi-santika"), ("katanya", "budi-santika"),
        ("tutur", "budi-santika"),  # "tutur Budi": the Budi of the story, not the reporter Budi Santoso
        ("ungkap", "rosmaini-putri"), ("imbuhnya", "rosmaini-putri"), ("kata", "rosmaini-putri"),  # "ungkap dia"
        ("tuturnya", "rosmaini-putri")]
    assert all(q.confidence <= 0.8 for q in quotes)
    assert "Budi" not in found.items["budi-santoso"].aliases


def test_no_speaker_before_anyone_is_named_and_never_the_reporter() -> None:
    found = run("PADANG, MINANGNEWS.ID - \"Harga cabai naik lagi,\" ujarnya. \"Pasar sepi,\" kata Dewi.\n"
                "\"Kami rugi,\" tutur Budi.\n")  # the header names Budi Santoso and Sari Dewi: reporter, editor
    assert not [i for i in found.items.values() if i.type == "Quote"]


def test_a_speaker_described_is_the_person_last_named_less_surely() -> None:
    found = run("SURABAYA, JATIMKINI.COM - Perajin batik asal Sidoarjo, Siti Aminah (42), menjual kain lewat "
                "lokapasar. \"Omzet saya naik dua kali lipat,\" kata ibu dua anak itu.\n"
                "\"Ongkos kirim masih mahal,\" sambungnya.\n"
                "\"Pembeli sekarang dari luar Jawa,\" tandas perempuan berhijab tersebut.\n")
    quotes = sorted((i for i in found.items.values() if i.type == "Quote"), key=lambda i: i.span.start)
    assert [(q.fields["verb"][0].value, q.fields["speaker"][0].value, q.confidence) for q in quotes] == [
        ("kata", "siti-aminah", 0.5), ("sambungnya", "siti-aminah", 0.6), ("tandas", "siti-aminah", 0.5)]
    assert found.span_text(quotes[0].span).endswith("kata ibu dua anak itu")


def test_a_described_speaker_before_anyone_is_named_is_nobody() -> None:
    found = run("SURABAYA, JATIMKINI.COM - \"Omzet saya naik dua kali lipat,\" kata ibu dua anak itu.\n")
    assert not [i for i in found.items.values() if i.type == "Quote"]


def test_kinds_of_the_digital_economy_and_support_as_collaboration() -> None:
    found = run(PONTIANAK)
    kinds = {item.label: item.type for item in found.items.values()
             if item.type in ("Startup", "Company", "Organization")}
    assert kinds == {"Dana Khatulistiwa": "Company", "Borneo Mart": "Company",  # "Fintech asal …", "Lokapasar …"
                     "Sungai Kakap": "Organization", "Bank Kalbar": "Company",  # "BUMDes …"
                     "Komunitas Nelayan Muda Kapuas": "Organization",  # a name's own head: not "Nelayan Muda Kapuas"
                     "PT Sawit Kapuas": "Company"}
    assert collaborations(found) == [(["sungai-kakap", "bank-kalbar"], None)]  # "mendapat dukungan dari"; not "tidak"
