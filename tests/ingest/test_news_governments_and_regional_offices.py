"""Governments named without a level word or with "Pemko", offices of national bodies in the regions
(with their parent, and regions listed inside their names), and a Dinas part of its government."""

from __future__ import annotations

from tests.ingest.test_rules import run, values_of

GOVERNMENTS = (
    "MEDAN, SUMUTKINI.COM - Pemerintah Sumatera Utara meluncurkan Pasar Kampung Daring, program Pemerintah "
    "Sumatera Utara untuk pelaku usaha mikro yang ingin berjualan secara daring. Pemerintah Kota (Pemko) "
    "Pematangsiantar ikut mendukung, sementara Pemko Tebing Tinggi masih menimbang. Pemerintah Tapanuli Utara "
    "belum bergabung.\n"
)


def test_a_provinces_government_without_a_level_word_and_pemko_as_a_citys() -> None:
    found = run(GOVERNMENTS)
    province = found.items["pemprov-sumatera-utara"]
    assert province.type == "ProvincialGovernment" and province.label == "Pemerintah Sumatera Utara"
    assert values_of(province)["jurisdiction"] == ["sumatera-utara"]
    assert not any(i.type == "Program" and i.label.startswith("Pemerintah") for i in found.items.values())
    program = found.items["pasar-kampung-daring"]  # "X, program Pemerintah Y untuk …": run by Y
    assert values_of(program)["operated_by"] == ["pemprov-sumatera-utara"]
    city = found.items["pemkot-pematangsiantar"]
    assert city.type == "RegionalGovernment" and city.label == "Pemerintah Kota Pematangsiantar"
    assert "Pemko Pematangsiantar" in city.aliases and values_of(city)["jurisdiction"] == ["pematangsiantar"]
    assert found.items["pemkot-tebing-tinggi"].type == "RegionalGovernment"  # "Pemko X" on its own
    # "Pemerintah Tapanuli Utara": a regency's name after a bare "Pemerintah" is no province's government
    assert not any(i.type == "ProvincialGovernment" and "Tapanuli" in i.label for i in found.items.values())


OFFICES = (
    "BANJARMASIN, KALSELKINI.COM - Otoritas Jasa Keuangan (OJK) Provinsi Kalimantan Selatan menggelar literasi "
    "keuangan bagi pedagang pasar terapung. Menurut OJK, minat warga terus naik. Kantor Wilayah Direktorat "
    "Jenderal Perbendaharaan Kalimantan Selatan, Kalimantan Tengah, dan Kalimantan Timur (Kanwil DJPb Kalselteng) "
    "ikut hadir. Badan Perencanaan Pembangunan Daerah (Bappeda) Provinsi Kalimantan Selatan menyiapkan datanya.\n"
)


def test_a_national_bodys_office_in_a_province_is_part_of_the_body_its_name_opens_with() -> None:
    found = run(OFFICES)
    office = found.items["ojk-kalimantan-selatan"]
    assert office.label == "Otoritas Jasa Keuangan Provinsi Kalimantan Selatan"
    assert values_of(office)["jurisdiction"] == ["kalimantan-selatan"]
    assert values_of(office)["part_of"] == ["ojk"]
    parent = found.items["ojk"]
    assert parent.label == "Otoritas Jasa Keuangan" and "OJK" in parent.aliases  # "Menurut OJK": the body
    bappeda = found.items["bappeda-kalimantan-selatan"]  # a region's own body: no national parent
    assert "part_of" not in bappeda.fields and "bappeda" not in found.items


def test_an_office_of_several_regions_is_one_office_and_its_regions_are_no_places() -> None:
    found = run(OFFICES)
    office = next(i for i in found.items.values() if i.rule == "regional-office")
    assert office.label == ("Kantor Wilayah Direktorat Jenderal Perbendaharaan Kalimantan Selatan, Kalimantan "
                            "Tengah, dan Kalimantan Timur")
    assert "Kanwil DJPb Kalselteng" in office.aliases
    assert values_of(office)["part_of"] == ["direktorat-jenderal-perbendaharaan"]
    assert found.items["direktorat-jenderal-perbendaharaan"].type == "GovernmentBody"
    assert "jurisdiction" not in office.fields  # several regions: none is the office's alone
    assert "kalimantan-tengah" not in found.items and "kalimantan-timur" not in found.items  # only inside the name
    assert "kalimantan-selatan" in found.items  # written on its own elsewhere


DINAS = (
    "SEMARANG, JATENGKINI.COM - Pemerintah Provinsi (Pemprov) Jawa Tengah menggandeng startup Data Lumbung. "
    "Dinas Komunikasi dan Informatika Provinsi Jawa Tengah menyiapkan pelatihannya. Di Kota Magelang, Dinas "
    "Perdagangan Kota Magelang juga membuka kelas.\n"
)


def test_a_dinas_is_part_of_its_government_and_has_a_jurisdiction_only_when_none_is_named() -> None:
    found = run(DINAS)
    dinas = found.items["dinas-komunikasi-dan-informatika-provinsi-jawa-tengah"]
    assert values_of(dinas)["part_of"] == ["pemprov-jawa-tengah"]
    assert "jurisdiction" not in dinas.fields  # the government it is part of has it
    assert "part_of" not in found.items["dinas-perdagangan-kota-magelang"].fields  # no Pemkot Magelang named


def test_pemko_alone_and_a_numbered_regional_office() -> None:
    found = run("SURABAYA, JATIMKINI.COM - Pemerintah Kota (Pemko) Madiun membuka kelas. Pemko juga menyiapkan "
                "mentor. Kantor Wilayah Direktorat Jenderal Bea dan Cukai Jawa Timur II (Kanwil DJBC Jatim II) "
                "hadir.\n")
    assert "Pemko" in found.items["pemkot-madiun"].aliases  # the one city government named
    office = next(i for i in found.items.values() if i.rule == "regional-office")
    assert office.label == "Kantor Wilayah Direktorat Jenderal Bea dan Cukai Jawa Timur II"
    assert "Kanwil DJBC Jatim II" in office.aliases
    assert values_of(office)["jurisdiction"] == ["jawa-timur"]
    parent = found.items["direktorat-jenderal-bea-dan-cukai"]
    assert values_of(office)["part_of"] == [parent.ident] and "DJBC" in parent.aliases


def test_a_region_written_only_inside_a_companys_name_is_no_place() -> None:
    found = run("JAMBI, JAMBIKINI.COM - Pemerintah Provinsi Jambi menggandeng PT Batanghari Data. Startup asal "
                "Jambi, Kerinci Niaga, ikut hadir.\n")
    assert found.find_name("PT Batanghari Data") is not None
    assert "batanghari" not in found.items  # the regency is a word of the company's name
    found = run("JAMBI, JAMBIKINI.COM - PT Batanghari Data membuka kantor di Kabupaten Batanghari.\n")
    assert found.find_name("Batanghari") is not None  # written on its own too: the regency
