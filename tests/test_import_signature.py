"""`office import`: the signature block read by what each line says, so an extra line ('Pada tanggal ...',
'Mengetahui,') or a missing one (no rank) never shifts the fields; dates in older spellings and with weekdays."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import iku_layout_builder as L
import pytest
from conftest import run_cli

from iku import catalogue

NIP = "19700101 199001 1 001"
CAMAT = "Camat Wanasari"



def signed(tmp_path: Path, offices: Path, lines: list) -> tuple[tuple, str]:
    document = L.document(tmp_path / "iku.docx", L.level_table(), L.target_table(), signature=lines)
    result = run_cli("office", "import", document)
    assert result.exit_code == 0, result.output
    office = catalogue.load(offices / "wanasari_2025-2029.toml").office
    s = office.signatory
    return (s.position, s.name, s.rank, s.nip, office.signing_place, office.iku_date), result.output


@pytest.mark.parametrize(("lines", "expected"), [
    (["Wanasari, 6 Januari 2025", "CAMAT WANASARI,", "", "", L.NAME, L.NIP],
     (CAMAT, L.NAME, "", NIP, "Wanasari", dt.date(2025, 1, 6))),
    (["Wanasari, 6 Januari 2025", "CAMAT WANASARI,", L.NAME, f"Pembina Tk. I (IV/b) {L.NIP}"],
     (CAMAT, L.NAME, "Pembina Tk. I", NIP, "Wanasari", dt.date(2025, 1, 6))),
    (["Ditetapkan di Wanasari", "Pada tanggal 6 Januari 2025", "CAMAT WANASARI,", "", L.NAME, L.NIP],
     (CAMAT, L.NAME, "", NIP, "Wanasari", dt.date(2025, 1, 6))),
    (["Wanasari, 6 Januari 2025", "Mengetahui,", "CAMAT WANASARI,", "", L.NAME, L.NIP],
     (CAMAT, L.NAME, "", NIP, "Wanasari", dt.date(2025, 1, 6))),
    (["Wanasari, 01 Nopember 2024", "Camat Wanasari,", "", "BUDI SANTOSO, S.STP., M.AP", "Pembina Utama Muda (IV/c)",
      "NIP. 197001011990011001"],
     (CAMAT, "BUDI SANTOSO, S.STP., M.AP", "Pembina Utama Muda", NIP, "Wanasari", dt.date(2024, 11, 1))),
    (["Wanasari, Senin, 3 Pebruari 2025", "PLT. CAMAT WANASARI", "", L.NAME, "Penata Tingkat I", L.NIP],
     ("Plt. Camat Wanasari", L.NAME, "Penata Tingkat I", NIP, "Wanasari", dt.date(2025, 2, 3))),
    (["Ditetapkan di : Wanasari", "Pada tanggal : Kamis, 02 Januari 2025", "CAMAT WANASARI", "", L.NAME,
      "Pembina", L.NIP],
     (CAMAT, L.NAME, "Pembina", NIP, "Wanasari", dt.date(2025, 1, 2))),
    (["Wanasari, 6 Januari 2025", "CAMAT WANASARI,", "", L.NAME, "Pembina Tk. I (IV/b)", L.NIP],
     (CAMAT, L.NAME, "Pembina Tk. I", NIP, "Wanasari", dt.date(2025, 1, 6))),
    (["Wanasari, Jum\u2019at, 3 Januari 2025", "CAMAT WANASARI,", "", L.NAME, "Pembina Tk. I (IV/b)", L.NIP],
     (CAMAT, L.NAME, "Pembina Tk. I", NIP, "Wanasari", dt.date(2025, 1, 3))),
    (["Wanasari, 6 Januari 2025", "CAMAT WANASARI,", "", L.NAME, "Pembina Tingkat I, IV/b", L.NIP],
     (CAMAT, L.NAME, "Pembina Tingkat I", NIP, "Wanasari", dt.date(2025, 1, 6))),
    (["Wanasari, 6 Januari 2025", "CAMAT WANASARI,", "", L.NAME, L.NIP, "Pembina Tk. I (IV/b)"],
     (CAMAT, L.NAME, "Pembina Tk. I", NIP, "Wanasari", dt.date(2025, 1, 6))),
    (["Ditetapkan di Wanasari", "Pada tanggal 6 Januari 2025", "Mengetahui,", "CAMAT WANASARI,", "", L.NAME,
      "Pangkat : Pembina Tk. I (IV/b)", L.NIP],
     (CAMAT, L.NAME, "Pembina Tk. I", NIP, "Wanasari", dt.date(2025, 1, 6))),
], ids=["tanpa-pangkat", "pangkat-dan-nip-sebaris", "ditetapkan-pada-tanggal", "mengetahui", "nopember",
        "hari-dan-pebruari", "ditetapkan-titik-dua", "golongan", "jumat-apostrof-word", "golongan-sesudah-koma",
        "pangkat-di-bawah-nip", "ditetapkan-dan-mengetahui"])
def test_signature_block_variants(tmp_path, offices, lines, expected):
    got, output = signed(tmp_path, offices, lines)
    assert got == expected
    if not expected[2]:
        assert "blok tanda tangan: pangkat tidak tertulis; pangkat di katalog kosong" in output


def test_two_signatures_side_by_side_the_camat_is_the_office_s(tmp_path, offices):
    left = "Mengetahui,\nSEKRETARIS DAERAH KABUPATEN CONTOH,\n\n\nDr. H. AHMAD SUDARMO, M.Si\nPembina Utama Madya\n" \
           "NIP. 19650505 199003 1 002"
    right = "Wanasari, 6 Januari 2025\nCAMAT WANASARI,\n\n\n" + L.NAME + "\nPembina Tk. I (IV/b)\n" + L.NIP
    got, _ = signed(tmp_path, offices, [[[left, right]]])  # one table, a block in each cell
    assert got == (CAMAT, L.NAME, "Pembina Tk. I", NIP, "Wanasari", dt.date(2025, 1, 6))


def test_block_without_a_position_is_the_camat_s_and_says_so(tmp_path, offices):
    got, output = signed(tmp_path, offices, [L.NAME, "Pembina", L.NIP])
    assert got == (CAMAT, L.NAME, "Pembina", NIP, "", None)
    assert "blok tanda tangan: jabatan tidak tertulis; ditulis 'Camat Wanasari' (periksa)" in output
    text = (offices / "wanasari_2025-2029.toml").read_text(encoding="utf-8")
    assert "# Disimpulkan: blok tanda tangan dokumen IKU tidak menyebut jabatan; periksa." in text


@pytest.mark.parametrize(("lines", "fragment"), [
    (["Wanasari, 6 Januari 2025", "CAMAT WANASARI,", "BUDI", "SANTOSO", L.NIP],
     "nama penanda tangan harus satu baris di antara jabatan dan NIP (huruf kapital, dengan gelarnya); terbaca "
     "'BUDI', 'SANTOSO'"),
    (["Wanasari, 6 Januari 2025", "CAMAT WANASARI,", L.NAME, "NIP. 19700101 199001 1"],
     "NIP 'NIP. 19700101 199001 1' harus 18 angka; terbaca 15"),
    (["Wanasari, 6 Januari 2025", "CAMAT WANASARI,", L.NAME, "Pembina (III/d)", L.NIP],
     "pangkat 'Pembina (III/d)': pangkat Pembina bergolongan IV/a, bukan III/d"),
    (["Wanasari, 6 Janauri 2025", "CAMAT WANASARI,", L.NAME, L.NIP], "tanggal '6 Janauri 2025' tidak terbaca"),
])
def test_unreadable_signature_parts_are_named(tmp_path, offices, lines, fragment):
    document = L.document(tmp_path / "iku.docx", L.level_table(), L.target_table(), signature=lines)
    result = run_cli("office", "import", document)
    assert result.exit_code == 1
    assert fragment in result.output
    assert list(offices.iterdir()) == []


def test_the_date_is_written_as_ditetapkan(tmp_path, offices):
    lines = ["Ditetapkan di Wanasari", "Pada tanggal Senin, 3 Pebruari 2025", "CAMAT WANASARI,", "", L.NAME,
             "Pembina Tk. I (IV/b)", L.NIP]
    got, output = signed(tmp_path, offices, lines)
    assert got[4:] == ("Wanasari", dt.date(2025, 2, 3))
    assert 'ditetapkan = "2025-02-03"' in (offices / "wanasari_2025-2029.toml").read_text(encoding="utf-8")
    assert "Tempat penandatanganan: Wanasari, ditetapkan 3 Februari 2025" in output


def test_a_date_without_its_day_keeps_the_place_and_leaves_the_date_to_write(tmp_path, offices):
    got, output = signed(tmp_path, offices, ["Wanasari,      Desember 2024", "CAMAT WANASARI,", "", L.NAME,
                                             "Pembina Tk. I (IV/b)", L.NIP])
    assert got[4:] == ("Wanasari", None)
    assert "blok tanda tangan: tanggal 'Desember 2024' tanpa hari (untuk ditulis tangan); ditetapkan di katalog " \
           "kosong" in output
    assert "tempat penandatanganan tidak tertulis" not in output
