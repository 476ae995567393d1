"""`office import`: the period, the office and its kabupaten from the document's own title and headings, never
from a regulation a decree cites; names cleaned of the punctuation around them; two of either refused."""

from __future__ import annotations

from pathlib import Path

import iku_layout_builder as L
import pytest
from conftest import imported

from iku import catalogue


def standard(path: Path, heading: list[str] | None = None, instansi: str = "KECAMATAN WANASARI KABUPATEN CONTOH",
             colon: bool = False) -> Path:
    return L.document(path, L.level_table(), L.target_table(), heading=heading,
                      office=L.office_table(instansi, colon=colon))


@pytest.mark.parametrize("period", ["TAHUN 2025-2029", "TAHUN 2025 s.d. 2029", "2025 s.d. 2029", "TAHUN 2025 s/d 2029",
                                    "2025 s/d 2029", "Periode 2025-2029", "PERIODE 2025 - 2029",
                                    "RENSTRA 2025 \u2013 2029", "2025 sampai dengan 2029"])
def test_period_written_in_other_ways(tmp_path, offices, period):
    result = imported(standard(tmp_path / "iku.docx", heading=L.title(period)))
    assert result.exit_code == 0, result.output
    office = catalogue.load(offices / "wanasari_2025-2029.toml").office
    assert (office.first_year, office.last_year) == (2025, 2029)


@pytest.mark.parametrize(("instansi", "name", "regency"), [
    ("Kecamatan Wanasari, Kabupaten Contoh,", "Kecamatan Wanasari", "Contoh"),
    ("KECAMATAN WANASARI KAB. CONTOH", "Kecamatan Wanasari", "Contoh"),
    ("KECAMATAN WANASARI KABUPATEN CONTOH PROVINSI JAWA TENGAH", "Kecamatan Wanasari", "Contoh"),
    ("Kecamatan Wanasari, Kabupaten Contoh, Provinsi Contoh", "Kecamatan Wanasari", "Contoh"),
])
def test_office_and_kabupaten_cleaned_of_punctuation_and_province(tmp_path, offices, instansi, name, regency):
    heading = L.title(office=instansi.upper().rstrip(","))
    result = imported(standard(tmp_path / "iku.docx", heading=heading, instansi=instansi))
    assert result.exit_code == 0, result.output
    office = catalogue.load(offices / "wanasari_2025-2029.toml").office
    assert (office.code, office.name, office.regency) == ("wanasari", name, regency)
    assert (office.government, office.superior) == (f"Pemerintah Kabupaten {regency}", f"Bupati {regency}")


def test_instansi_table_with_a_colon_column(tmp_path, offices):
    result = imported(standard(tmp_path / "iku.docx", colon=True))
    assert result.exit_code == 0, result.output
    office = catalogue.load(offices / "wanasari_2025-2029.toml").office
    assert (office.name, office.regency, office.task) == ("Kecamatan Wanasari", "Contoh", L.TASK)
    assert len(office.functions) == 3
    assert "Kantor: Kecamatan Wanasari, Kabupaten Contoh, periode 2025-2029" in result.output


def test_two_office_names_are_refused(tmp_path, offices):
    heading = L.title(office="KECAMATAN BULAKAMBA KABUPATEN CONTOH")
    result = imported(standard(tmp_path / "iku.docx", heading=heading))
    assert result.exit_code == 1
    assert "dokumen menyebut dua kantor: 'KECAMATAN WANASARI' (baris INSTANSI tabel 1" in result.output
    assert "'KECAMATAN BULAKAMBA' (KECAMATAN BULAKAMBA KABUPATEN CONTOH)" in result.output
    assert list(offices.iterdir()) == []


def test_two_periods_in_the_title_are_refused(tmp_path, offices):
    heading = [*L.title(), "PERUBAHAN ATAS IKU TAHUN 2024-2026"]
    result = imported(standard(tmp_path / "iku.docx", heading=heading))
    assert result.exit_code == 1
    assert ("dokumen menyebut lebih dari satu periode: 2025-2029 ('TAHUN 2025-2029') dan 2024-2026 ('PERUBAHAN "
            "ATAS IKU TAHUN 2024-2026')") in result.output


DECREE = [
    "PEMERINTAH KABUPATEN CONTOH", "KECAMATAN WANASARI", "Jl. Raya Wanasari No. 1, Wanasari", "",
    "KEPUTUSAN CAMAT WANASARI", "NOMOR 050/12/2025", "TENTANG", "PENETAPAN INDIKATOR KINERJA UTAMA",
    "KECAMATAN WANASARI", "CAMAT WANASARI,",
    "Menimbang : a. bahwa untuk melaksanakan Peraturan Daerah Kabupaten Contoh tentang RPJPD Tahun 2025-2045 perlu "
    "menetapkan Indikator Kinerja Utama;",
    "b. bahwa Rencana Pembangunan Jangka Panjang Daerah 2025-2045 menjadi acuan perencanaan jangka panjang;",
    "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
    "2. Rencana Pembangunan Jangka Menengah Daerah Kabupaten Contoh 2025-2029;",
    "MEMUTUSKAN:",
    "Menetapkan : KEPUTUSAN CAMAT WANASARI TENTANG PENETAPAN INDIKATOR KINERJA UTAMA KECAMATAN WANASARI.",
    "KESATU : Indikator Kinerja Utama Kecamatan Wanasari tercantum dalam Lampiran Keputusan ini.",
    "KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    "Ditetapkan di Wanasari", "pada tanggal Senin, 6 Januari 2025", "CAMAT WANASARI,", "", L.NAME,
    "Pembina Tk. I (IV/b)", L.NIP, "",
    "LAMPIRAN KEPUTUSAN CAMAT WANASARI", "NOMOR 050/12/2025", "TANGGAL 6 JANUARI 2025",
    "INDIKATOR KINERJA UTAMA (IKU)", "KECAMATAN WANASARI KABUPATEN CONTOH", "PERIODE 2025-2029",
]


def test_keputusan_camat_with_menimbang_mengingat_and_a_lampiran(tmp_path, offices):
    """The decree cites RPJPD 2025-2045 before the lampiran names its own period; its signature block is the one
    before the lampiran."""
    document = L.build(tmp_path / "kep.docx", [*DECREE, L.office_table(), "", L.level_table(), "", L.target_table()])
    result = imported(document)
    assert result.exit_code == 0, result.output
    office = catalogue.load(offices / "wanasari_2025-2029.toml").office
    assert (office.name, office.regency, office.first_year, office.last_year) == (
        "Kecamatan Wanasari", "Contoh", 2025, 2029)
    assert (office.government, office.address) == ("Pemerintah Kabupaten Contoh", "Jl. Raya Wanasari No. 1, Wanasari")
    signer = office.signatory
    assert (signer.position, signer.name, signer.rank, signer.nip) == (
        "Camat Wanasari", L.NAME, "Pembina Tk. I", "19700101 199001 1 001")
    assert (office.signing_place, office.iku_date.isoformat()) == ("Wanasari", "2025-01-06")


def test_regulation_period_alone_is_not_the_period(tmp_path, offices):
    heading = ["INDIKATOR KINERJA UTAMA (IKU)", "KECAMATAN WANASARI KABUPATEN CONTOH",
               "Menimbang : bahwa RPJPD Kabupaten Contoh Tahun 2025-2045 telah ditetapkan;", "MEMUTUSKAN:"]
    result = imported(standard(tmp_path / "iku.docx", heading=heading))
    assert result.exit_code == 1
    assert "judul dokumen: periode (misalnya 'TAHUN 2021-2026') tidak ditemukan" in result.output
    assert "2045" not in result.output.split("Bagian yang tidak dapat dibaca")[0]
