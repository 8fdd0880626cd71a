"""News paragraphs written for these tests (invented offices, companies and people, real regions of
Kalimantan, Sulawesi, Sumatra, Maluku, Nusa Tenggara, Jawa and Bali): a short form in parentheses
inside an office's name, before its region; two titles joined before one organisation; the forms
of address people go by; rivers, lakes and halls; target groups told whole. Each test says what
must and must not be proposed."""

from __future__ import annotations

from kg.ingest.model import Proposals
from tests.ingest.test_rules import by_type, run, values_of

PONTIANAK = (
    "PONTIANAK, KALBARKINI.COM - Dinas Komunikasi dan Informatika (Diskominfo) Kalbar bersama Pemerintah Provinsi "
    "(Pemprov) Kalbar menggelar pelatihan pemasaran digital, Selasa (4/6/2024).\n"
    "Kepala Diskominfo Kalbar, Rudi Hartono, mengatakan pelatihan itu diikuti pelaku usaha. Diskominfo Kalbar "
    "juga menyiapkan kelas lanjutan.\n")
PALU = (
    "PALU, SULTENGKINI.COM - Dinas Koperasi dan UKM (Diskop UKM) Sulteng mendampingi perajin tenun. Badan "
    "Perencanaan Pembangunan Daerah (Bappeda) Riau ikut belajar dari Diskop UKM Sulteng.\n"
    "Sementara itu Dinas Koperasi, Usaha Kecil dan Menengah (UKM) Kota Ambon menyiapkan pasar daring.\n")


def test_a_short_form_inside_an_offices_name_before_its_region() -> None:
    found = run(PONTIANAK)
    office = found.items["diskominfo-kalbar"]
    assert office.type == "Dinas" and office.label == "Dinas Komunikasi dan Informatika Kalbar"
    assert found.span_text(office.span) == "Dinas Komunikasi dan Informatika (Diskominfo) Kalbar"  # as written
    assert "Diskominfo Kalbar" in office.aliases
    assert values_of(office)["part_of"] == ["pemprov-kalimantan-barat"]  # the government the text names
    assert "jurisdiction" not in office.fields  # the government it is part of has it
    assert values_of(found.items["kepala-diskominfo-kalbar"])["post_in"] == ["diskominfo-kalbar"]
    assert not any("(" in i.label for i in found.items.values() if i.type == "Dinas")
    assert "dinas-diskominfo" not in found.items  # no id made of the head and the short form


def test_a_short_form_with_two_words_and_a_body_not_only_a_dinas() -> None:
    found = run(PALU)
    diskop = found.items["diskop-ukm-sulteng"]
    assert diskop.label == "Dinas Koperasi dan UKM Sulteng" and "Diskop UKM Sulteng" in diskop.aliases
    assert values_of(diskop)["jurisdiction"] == ["sulawesi-tengah"]
    assert "part_of" not in diskop.fields  # no government of Sulawesi Tengah is named
    bappeda = found.items["bappeda-riau"]
    assert bappeda.type == "GovernmentBody" and bappeda.label == "Badan Perencanaan Pembangunan Daerah Riau"
    # "(UKM)" is the short form of "Usaha Kecil dan Menengah", not of the office: the name stays as written
    ambon = by_type(found, "Dinas")["Dinas Koperasi, Usaha Kecil dan Menengah (UKM) Kota Ambon"]
    assert "jurisdiction" not in ambon.fields


TITLES = (
    "MANADO, NYIURKINI.COM - Co-Founder dan Chief Executive Officer (CEO) Jalurku, Felicia Tanoto, mengatakan "
    "aplikasinya dipakai nelayan di Bitung.\n"
    "Pendiri sekaligus Direktur Utama PT Sagu Digital Nusantara, Yohanis Latuconsina, menyebut ekspor sagu naik.\n"
    "Ketua dan pendiri Komunitas Kopi Flores, Maria Goreti, mengatakan petani mulai berjualan daring.\n"
    "Kepala Dinas Koperasi dan UKM Kota Manado, Stevanus Lumowa, mengatakan pasar akan dibuka.\n")


def test_two_titles_joined_before_one_organisation_are_two_posts_in_it() -> None:
    found = run(TITLES)
    holds = {p.label: values_of(p).get("holds") for p in found.items.values() if p.type == "Person"}
    assert holds["Felicia Tanoto"] == ["co-founder-jalurku", "chief-executive-officer-jalurku"]
    assert holds["Yohanis Latuconsina"] == ["pendiri-pt-sagu-digital-nusantara",
                                            "direktur-utama-pt-sagu-digital-nusantara"]
    assert holds["Maria Goreti"] == ["ketua-komunitas-kopi-flores", "pendiri-komunitas-kopi-flores"]
    assert found.items["pendiri-komunitas-kopi-flores"].label == "Pendiri Komunitas Kopi Flores"
    for post in ("co-founder-jalurku", "chief-executive-officer-jalurku"):
        assert values_of(found.items[post])["post_in"] == ["jalurku"]
    assert found.items["jalurku"].type == "Company"  # named only after the titles: proposed from them
    assert values_of(found.items["direktur-utama-pt-sagu-digital-nusantara"])["post_in"] == [
        "pt-sagu-digital-nusantara"]
    # a title is never a program, and one post with "dan" inside its organisation's name stays one
    assert not any(i.type == "Program" for i in found.items.values())
    assert "Chief Executive Officer" not in {i.label for i in found.items.values()}
    assert holds["Stevanus Lumowa"] == ["kepala-dinas-koperasi-dan-ukm-kota-manado"]


NICKNAMES = (
    "KUPANG, FLOBAMORAKINI.COM - Nurhayati, pemilik warung tenun di Kupang, kini berjualan lewat lokapasar. "
    "Bu Nur, sapaan akrabnya, mengaku omzetnya naik. \"Pembeli datang dari Jawa,\" kata Bu Nur.\n"
    "Hendri Maulana (Pak Hendri), perajin rotan di Banjarmasin, juga berjualan daring. \"Pesanan naik,\" ujar "
    "Pak Hendri.\n"
    "\"Kami ikut senang,\" kata Bu Wati, tetangganya.\n")


def test_a_form_of_address_is_an_alias_of_the_person_it_shortens() -> None:
    found = run(NICKNAMES)
    people = by_type(found, "Person")
    assert {"Bu Nur", "Nur"} <= set(people["Nurhayati"].aliases)
    assert "Pak Hendri" in people["Hendri Maulana"].aliases
    assert "Nur" not in people and "Hendri" not in people  # no second person for the short form
    speakers = {values_of(q)["text"][0]: values_of(q)["speaker"] for q in found.items.values() if q.type == "Quote"}
    assert speakers["Pembeli datang dari Jawa,"] == ["nurhayati"]
    assert speakers["Pesanan naik,"] == ["hendri-maulana"]
    assert "Wati" in people  # an honorific with no one's name it shortens: a person of its own, as before


WATERS = (
    "PONTIANAK, KALBARKINI.COM - Warga di hulu Sungai Kapuas kini bisa berjualan daring. Nelayan di tepi Danau "
    "Toba juga ikut belajar, begitu pula pedagang di Jalan Sulawesi.\n"
    "Pelatihan itu digelar di Rumah Radakng, Pontianak, Rabu (5/6/2024). Pelatihan lanjutan digelar di Gedung "
    "Serbaguna Mandala, Kota Ambon.\n"
    "Peserta lain berkumpul di Balai Desa Kuta, Lombok Tengah, dan di Rumah Adat Betang, Kabupaten Kapuas. "
    "Rumah produksi mereka kecil.\n")


def test_rivers_lakes_and_halls_are_places_not_the_regions_their_names_hold() -> None:
    found = run(WATERS)
    assert found.items["sungai-kapuas"].type == "Place" and found.items["danau-toba"].type == "Place"
    assert "toba" not in found.items and "sulawesi" not in found.items  # a word of a lake's or street's name
    kapuas = found.items["kapuas"]  # the regency, written with its kind only in the last paragraph
    assert found.span_text(kapuas.span) in ("Kabupaten Kapuas", "Kapuas") and kapuas.span.start > found.text.index(
        "Rumah Adat")
    halls = {i.label: values_of(i).get("within") for i in found.items.values() if i.type == "Facility"}
    assert halls == {"Rumah Radakng": ["pontianak"], "Gedung Serbaguna Mandala": ["ambon"],
                     "Balai Desa Kuta": ["lombok-tengah"], "Rumah Adat Betang": ["kapuas"]}
    assert not any(i.type == "GovernmentOffice" for i in found.items.values())  # a village hall is no office
    assert "Rumah produksi" not in {i.label for i in found.items.values()}


GROUPS = (
    "SINGKAWANG, KALBARKINI.COM - Pelatihan itu diikuti 186 pelaku usaha mikro, kecil, dan menengah (UMKM) serta "
    "pengurus badan usaha milik desa (BUMDes) dari Pontianak, Kubu Raya, Mempawah dan Sambas.\n"
    "Universitas Tanjungpura melatih 40 mahasiswa sebagai pendamping desa. Program itu menyasar pelaku usaha di "
    "desa. Kelas lain menyasar pelaku UMKM dari Singkawang.\n")


def test_target_groups_taken_whole_with_the_places_they_come_from() -> None:
    found = run(GROUPS)
    groups = {g.label: values_of(g).get("location", []) for g in found.items.values() if g.type == "TargetGroup"}
    whole = ("pelaku usaha mikro, kecil, dan menengah (UMKM) serta pengurus badan usaha milik desa (BUMDes)")
    assert groups[whole] == ["pontianak", "kubu-raya", "mempawah", "sambas"]
    assert "mahasiswa sebagai pendamping desa" in groups
    assert groups["pelaku usaha di desa"] == []  # "di desa": a kind of place, part of the group
    assert groups["pelaku UMKM dari Singkawang"] == ["singkawang"]  # a short group keeps its places in its name
    assert "pelaku usaha" not in groups and "mahasiswa" not in groups


def _every_evidence_verbatim(found: Proposals) -> bool:
    spans = [i.span for i in found.items.values()] + [
        v.span for i in found.items.values() for values in i.fields.values() for v in values if v.span is not None]
    return all(0 <= s.start < s.end <= len(found.text) for s in spans)


def test_the_paragraphs_spans_lie_in_the_text() -> None:
    for text in (PONTIANAK, PALU, TITLES, NICKNAMES, WATERS, GROUPS, MEETING, PARTNERS):
        assert _every_evidence_verbatim(run(text))


MEETING = (
    "KENDARI, SULTRAKINI.COM - Pemerintah Provinsi (Pemprov) Sultra melalui Dinas Koperasi dan UKM (Diskop UKM) "
    "Sultra bersama PT Anoa Niaga Digital menggelar temu niaga produk lokal di Gedung Merah Putih, Kendari, "
    "Kamis (6/6/2024).\n"
    "Kepala Diskop UKM Sultra, Ridwan Badallah, mengatakan pelaku usaha bertemu langsung dengan pembeli. \"Ada 40 "
    "pembeli yang hadir,\" kata Ridwan dalam temu niaga itu.\n"
    "Diskop UKM Sultra akan menggelar temu niaga serupa di Baubau. Dinas Perdagangan Kota Kendari tidak menggelar "
    "temu usaha tahun ini.\n")


def test_an_event_held_by_two_through_a_channel_and_one_planned() -> None:
    found = run(MEETING)
    held = found.items["temu-niaga-produk-lokal"]
    assert values_of(held)["organizer"] == ["pemprov-sulawesi-tenggara", "pt-anoa-niaga-digital"]  # not the channel
    assert values_of(held)["venue"] == ["gedung-merah-putih"] and "status" not in held.fields  # it happened
    assert values_of(found.items["gedung-merah-putih"])["within"] == ["kendari"]
    planned = found.items["temu-niaga-serupa"]
    assert values_of(planned) == {"organizer": ["diskop-ukm-sultra"], "status": ["planned"], "venue": ["baubau"]}
    assert found.span_text(planned.fields["status"][0].span) == "akan"
    said = next(q for q in found.items.values() if q.type == "Quote")
    assert values_of(said)["said_at"] == ["temu-niaga-produk-lokal"]
    assert values_of(found.items["ridwan-badallah"])["takes_part_in"] == ["temu-niaga-produk-lokal"]
    assert not any(i.label.lower().startswith("temu usaha") for i in found.items.values())  # "tidak menggelar"


PARTNERS = (
    "AMBON, MALUKUKINI.COM - Pemerintah Provinsi (Pemprov) Maluku melalui Badan Perencanaan Pembangunan Daerah "
    "(Bappeda) Maluku bersama Universitas Pattimura menjalankan program Desa Pala Digital.\n"
    "Rencana kerja sama Bappeda Maluku dengan perusahaan angkutan daring asal Makassar, PT Gerak Cepat Nusantara, "
    "batal. Kerja sama Bappeda Maluku dengan pelaku usaha di Ambon masih dijajaki.\n"
    "Survei Bappeda Maluku terhadap 312 nelayan di Ambon dilakukan pada Mei 2024. Hasil survei itu menunjukkan "
    "64 persen nelayan sudah memakai ponsel pintar.\n")


def test_collaborations_told_with_a_channel_and_with_a_described_partner() -> None:
    found = run(PARTNERS)
    told = {tuple(values_of(c)["participants"]): values_of(c)
            for c in found.items.values() if c.type == "Collaboration"}
    program = told[("pemprov-maluku", "universitas-pattimura")]
    assert program["acting_through"] == ["bappeda-maluku"] and "status" not in program  # no cue: no status
    assert values_of(found.items["desa-pala-digital"])["operated_by"] == ["pemprov-maluku", "universitas-pattimura"]
    assert told[("bappeda-maluku", "pt-gerak-cepat-nusantara")]["status"] == ["cancelled"]  # "batal"
    assert len(told) == 2  # "pelaku usaha di Ambon" is no named partner


def test_a_survey_by_one_author_and_its_finding() -> None:
    found = run(PARTNERS)
    survey = next(i for i in found.items.values() if i.type == "Study")
    assert values_of(survey)["author"] == ["bappeda-maluku"]
    finding = found.items[values_of(survey)["findings"][0]]
    assert "64 persen nelayan" in values_of(finding)["text"][0]
