"""Each rule of kg ingest on small crafted Indonesian sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.draft import propose, read_cues
from kg.ingest.model import Item, Proposals

ROOT = Path(__file__).resolve().parents[2]
CUES = read_cues(ROOT / "ontology" / "kg.ttl")
HEADER = ("Tekno\nJudul Berita Yang Panjang Sekali\nPenulis: Budi Santoso | Editor: Sari Dewi\n"
          "Laporan Wartawan ContohNews.com, Budi Santoso\n")


def run(body: str, header: str = HEADER) -> Proposals:
    return propose(header + body, {}, CUES)


def values_of(item: Item) -> dict[str, list[object]]:
    """A proposal's fields as their plain values."""
    return {name: [value.value for value in values] for name, values in item.fields.items()}


def by_type(found: Proposals, type_name: str) -> dict[str, object]:
    return {item.label: item for item in found.items.values() if item.type == type_name}


def collaborations(found: Proposals) -> list[tuple[list[object], str | None]]:
    out = []
    for item in found.items.values():
        if item.type == "Collaboration":
            status = item.fields.get("status")
            out.append(([v.value for v in item.fields["participants"]], status[0].value if status else None))
    return out


def test_byline_reporter_outlet_and_dateline_place_is_not_a_venue() -> None:
    found = run("MEDAN, CONTOHNEWS.COM - Pemerintah Kota (Pemkot) Medan membuka kelas.\n")
    assert found.article["author"].value == "budi-santoso"
    assert found.article["editor"].value == "sari-dewi"
    assert found.article["publisher"].value == "contohnews"
    assert found.article["section"].value == "Tekno"
    assert found.article["dateline"].value == "medan"
    assert by_type(found, "City")["Medan"].ident == "medan"
    assert not any("venue" in item.fields for item in found.items.values())


def test_news_date_with_a_wrong_weekday_is_a_warning_and_not_used() -> None:
    found = run("JAKARTA, CONTOHNEWS.COM - Acara itu digelar Senin (9/8/22).\n")
    assert "text_date" not in found.article
    assert any("wrong weekday" in w for w in found.warnings)
    assert run("JAKARTA, CONTOHNEWS.COM - Acara digelar Selasa (9/8/22).\n").article["text_date"].value.day == 9


def test_missing_dateline_is_a_warning() -> None:
    found = run("Tanpa dateline di sini.\n")
    assert any("no dateline" in w for w in found.warnings)


def test_baca_juga_headlines() -> None:
    found = run("Baca juga: Startup Lokal Raih Pendanaan Baru\n")
    assert found.related[0][0] == "Startup Lokal Raih Pendanaan Baru"


def test_government_shapes_and_acronym_in_parentheses() -> None:
    found = run("Pemerintah Provinsi (Pemprov) DKI Jakarta bekerja. Pemprov DKI Jakarta juga hadir.\n")
    item = by_type(found, "ProvincialGovernment")["Pemerintah Provinsi DKI Jakarta"]
    assert "Pemprov DKI Jakarta" in item.aliases
    assert item.fields["jurisdiction"][0].value == "daerah-khusus-ibukota-jakarta"


def test_dinas_name_listing_its_parts_runs_over_commas() -> None:
    found = run("Dinas Koperasi, Usaha Kecil dan Menengah (UKM) Jatim menyambut baik rencana itu.\n")
    assert "Dinas Koperasi, Usaha Kecil dan Menengah (UKM) Jatim" in by_type(found, "Dinas")


def test_ministry_with_acronym_and_later_mentions() -> None:
    found = run("Kementerian Komunikasi dan Digital (Komdigi) meresmikan hub. Komdigi menargetkan talenta.\n")
    ministry = by_type(found, "Ministry")["Kementerian Komunikasi dan Digital"]
    assert "Komdigi" in ministry.aliases


def test_person_with_post_after_comma_and_short_name_alias() -> None:
    found = run("Kepala Dinas Kominfo Kabupaten Buleleng, Made Suarta, mengatakan program berjalan. "
                "\"Kami senang,\" kata Suarta.\n")
    person = by_type(found, "Person")["Made Suarta"]
    assert "Suarta" in person.aliases
    post = by_type(found, "Post")["Kepala Dinas Kominfo Kabupaten Buleleng"]
    assert person.fields["holds"][0].value == post.ident


def test_post_then_name_split_at_the_short_name_used_later() -> None:
    found = run("Ia didampingi Wali Kota Medan Rico Tri Putra Bayu Waas. Rico menyatakan dukungan.\n")
    assert "Rico Tri Putra Bayu Waas" in by_type(found, "Person")
    assert "Wali Kota Medan" in by_type(found, "Post")


def test_person_with_age() -> None:
    found = run("Pemilik warung, Komang Ayu Lestari (24), mengaku terbantu.\n")
    assert "Komang Ayu Lestari" in by_type(found, "Person")


@pytest.mark.parametrize(("name", "type_name"), [("Malang", "AmbiguousPlace"), ("Sidoarjo", "Regency"),
                                                 ("Surabaya", "City"), ("Jatim", "Province")])
def test_places_resolved_through_the_region_data(name: str, type_name: str) -> None:
    found = run(f"Pelatihan digelar di {name} pekan ini.\n")
    item = found.find_name(name)
    assert item is not None and item.type == type_name
    assert item.note and ("Kemendagri" in item.note or "Candidates" in item.note)


def test_ambiguous_place_keeps_both_candidates() -> None:
    item = run("Kantor cabang ada di Malang.\n").find_name("Malang")
    assert "Kota Malang (35.73)" in item.note and "Kabupaten Malang (35.07)" in item.note


def test_venue_after_di_hotel() -> None:
    found = run("Acara berlangsung di Hotel Luminor Sidoarjo kemarin.\n")
    assert "Hotel Luminor Sidoarjo" in by_type(found, "Hotel")


def test_direct_quote_with_speaker_and_lanjutnya() -> None:
    found = run("Ketua Komunitas Jakpreneur Cakung, Hendra Saputra, mengatakan bazar batal. "
                "\"Kami kecewa sekali dengan hal ini,\" lanjutnya.\n")
    quotes = [i for i in found.items.values() if i.type == "Quote"]
    assert quotes and quotes[0].fields["speaker"][0].value == "hendra-saputra"
    assert quotes[0].fields["text"][0].value == "Kami kecewa sekali dengan hal ini,"


def test_indirect_quote_after_speech_verb() -> None:
    found = run("Kepala Balai Besar Kota Medan, Edwin Hidayat, menjelaskan target itu tercapai tahun depan.\n"
                "Edwin menjelaskan Komdigi menargetkan dua juta talenta digital.\n")
    indirect = [i for i in found.items.values() if i.type == "IndirectQuote"]
    assert any(i.fields["text"][0].value == "Komdigi menargetkan dua juta talenta digital" for i in indirect)


@pytest.mark.parametrize(("sentence", "status"), [
    ("PT Maju Jaya akan bekerja sama dengan PT Sentosa Abadi.", "planned"),
    ("PT Maju Jaya telah bekerja sama dengan PT Sentosa Abadi.", "completed"),
    ("PT Maju Jaya sedang bekerja sama dengan PT Sentosa Abadi.", "ongoing"),
    ("PT Maju Jaya batal bekerja sama dengan PT Sentosa Abadi.", "cancelled"),
])
def test_collaboration_status_from_the_cue_in_the_same_clause(sentence: str, status: str) -> None:
    assert collaborations(run(sentence + "\n")) == [(["pt-maju-jaya", "pt-sentosa-abadi"], status)]


@pytest.mark.parametrize("sentence", [
    "PT Maju Jaya tidak bekerja sama dengan PT Sentosa Abadi.",
    "PT Maju Jaya belum bekerja sama dengan PT Sentosa Abadi.",
    "Jika PT Maju Jaya bekerja sama dengan PT Sentosa Abadi, harga turun.",
])
def test_negated_or_hypothetical_collaboration_gives_no_relation(sentence: str) -> None:
    assert collaborations(run(sentence + "\n")) == []


def test_collaboration_without_cue_has_no_status_and_low_confidence() -> None:
    found = run("PT Maju Jaya bekerja sama dengan PT Sentosa Abadi.\n")
    (item,) = [i for i in found.items.values() if i.type == "Collaboration"]
    assert "status" not in item.fields and item.confidence < 0.5


def test_program_with_acronym_and_operator() -> None:
    found = run("Mereka ikut Gerakan AKAR Digital dari Lazada. Lazada hadir. "
                "Program Digital Talent Scholarship (DTS) dibuka.\n")
    assert "Digital Talent Scholarship" in by_type(found, "Program")
    assert by_type(found, "Initiative")["Gerakan AKAR Digital"].fields["operated_by"][0].value == "lazada"


def test_known_entities_reuse_the_graph_ids() -> None:
    found = propose(HEADER + "Kerja sama dengan Diskominfo Jatim berjalan.\n",
                    {"Diskominfo Jatim": ("dinas-kominfo-jatim", "Dinas")}, CUES)
    assert found.items["dinas-kominfo-jatim"].type == "Dinas"


def test_offices_listed_by_place_each_located_there() -> None:
    found = run("Program itu ada di lima Bakorwil (Malang, Jember, Pamekasan, Bojonegoro, dan Madiun).\n")
    offices = by_type(found, "Bakorwil")
    assert sorted(offices) == ["Bakorwil Bojonegoro", "Bakorwil Jember", "Bakorwil Madiun", "Bakorwil Malang",
                               "Bakorwil Pamekasan"]
    assert offices["Bakorwil Malang"].fields["location"][0].value == "malang"


def test_village_within_the_district_named_after_it() -> None:
    found = run("Ia berjualan di Desa Pegayaman, Kecamatan Sukasada, sejak lama.\n")
    village = found.find_name("Pegayaman")
    assert village.type == "Place" and village.fields["within"][0].value == "sukasada"


def test_study_with_author_and_year() -> None:
    found = run("Lazada hadir. Berdasarkan Studi Lazada di sepanjang 2021, kolaborasi diperlukan. Lazada senang.\n"
                "Kemitraan dengan Lazada berjalan.\n")
    study = by_type(found, "Study")["Studi Lazada"]
    assert study.fields["author"][0].value == "lazada" and study.fields["period"][0].value == "2021"


def test_team_of_a_program_and_collaboration_with_it() -> None:
    found = run("Program Millenial Job Center (MJC) berjalan. "
                "Kami akan menyiapkan Tim MJC untuk berkolaborasi dengan Gerakan AKAR Digital.\n")
    assert by_type(found, "Team")["Tim MJC"].fields["team_of"][0].value == "millenial-job-center"
    assert collaborations(found) == [(["tim-mjc", "gerakan-akar-digital"], "planned")]


def test_a_melalui_b_takes_part_acting_through_b() -> None:
    found = run("Pemerintah Provinsi Jawa Timur melalui Dinas Koperasi Jatim menyambut PT Maju Jaya "
                "yang siap berkolaborasi.\n")
    (item,) = [i for i in found.items.values() if i.type == "Collaboration"]
    assert [v.value for v in item.fields["participants"]] == ["pemprov-jawa-timur", "pt-maju-jaya"]
    assert [v.value for v in item.fields["acting_through"]] == ["dinas-koperasi-jatim"]


def test_kami_in_a_quote_is_the_speakers_organisation() -> None:
    found = run("Kepala Dinas Koperasi Jatim, Andromeda Qomariah, mengatakan banyak hal. "
                "\"Kami telah berkolaborasi dengan start up Ozora tahun lalu,\" kata Andromeda.\n")
    assert collaborations(found) == [(["dinas-koperasi-jatim", "ozora"], "completed")]


def test_kolaborasi_ini_refers_back_and_makes_no_new_collaboration() -> None:
    found = run("PT Maju Jaya senang. Kolaborasi ini akan membantu PT Sentosa Abadi.\n")
    assert collaborations(found) == []


def test_dinas_is_part_of_its_regions_government_and_posts_in_named_organisations() -> None:
    found = run("Pemkab Buleleng bekerja. Dinas Komunikasi dan Informatika (Kominfo) Kabupaten Buleleng hadir. "
                "Kepala Bidang Humas Kominfo Buleleng, I Made Arta, mengatakan acara berjalan.\n")
    dinas = by_type(found, "Dinas")["Dinas Komunikasi dan Informatika (Kominfo) Kabupaten Buleleng"]
    assert dinas.fields["part_of"][0].value == "pemkab-buleleng"
    assert by_type(found, "Post")["Kepala Bidang Humas Kominfo Buleleng"].fields["post_in"][0].value == dinas.ident


def test_ministry_short_name_without_kemen() -> None:
    found = run("Kementerian Komunikasi dan Informatika (Kemenkominfo) menunjuk daerah. Menteri Kominfo hadir.\n")
    assert "Kominfo" in by_type(found, "Ministry")["Kementerian Komunikasi dan Informatika"].aliases


def test_post_keeps_no_trailing_place_and_a_name_before_a_speech_verb_is_a_guess() -> None:
    found = run("Ketua Komunitas Jakpreneur Cakung, Jakarta Timur, Hendra Saputra, mengatakan bazar batal. "
                "Menteri Kominfo Johnny G Plate menyebut kuota dibatasi.\n")
    assert "Ketua Komunitas Jakpreneur Cakung" in by_type(found, "Post")
    johnny = by_type(found, "Person")["Johnny G Plate"]
    assert johnny.rule == "post-name-verb" and johnny.confidence < 0.5


def test_collaboration_resulting_in_an_event_the_parties_organise_and_its_place() -> None:
    found = run("Kepala Dinas Koperasi Jatim, Andromeda Qomariah, mengatakan banyak hal. \"Kami telah berkolaborasi "
                "dengan start up Ozora mengadakan Gathering and Networking East Java Start Up di Surabaya,\" "
                "kata Andromeda.\n")
    (item,) = [i for i in found.items.values() if i.type == "Collaboration"]
    event = by_type(found, "NetworkingEvent")["Gathering and Networking East Java Start Up"]
    assert item.fields["resulted_in"][0].value == event.ident
    assert sorted(v.value for v in event.fields["organizer"]) == ["dinas-koperasi-jatim", "ozora"]
    assert item.fields["location"][0].value == "surabaya"


def test_program_run_by_the_organisation_after_a_passive_verb() -> None:
    found = run("Program Jakpreneur dibuka. Dinas Pemberdayaan Anak dan Penduduk (PPAPP) DKI Jakarta hadir. "
                "Selain itu, pembinaan Jakpreneur juga dijalankan Dinas PPAPP.\n")
    program = by_type(found, "Program")["Jakpreneur"]
    assert program.fields["operated_by"][0].value == by_type(found, "Dinas")[
        "Dinas Pemberdayaan Anak dan Penduduk (PPAPP) DKI Jakarta"].ident


def test_indirect_quote_of_a_person_with_age() -> None:
    found = run("Pemilik warung, Komang Ayu Lestari (24), mengaku terbantu kelas pemasaran digital.\n")
    (quote,) = [i for i in found.items.values() if i.type == "IndirectQuote"]
    assert quote.fields["speaker"][0].value == "komang-ayu-lestari"
