"""The cover letter to the Bupati: Tata Naskah Dinas parts and the list of every document sent with it."""

from __future__ import annotations

import re

import pytest

from iku import catalogue, formatting
from iku.errors import InputError
from tests.conftest import run_cli
from tests.docx_text import full_text


@pytest.mark.parametrize(("n", "spoken"), [
    (1, "satu"), (8, "delapan"), (11, "sebelas"), (12, "dua belas"), (19, "sembilan belas"), (20, "dua puluh"),
    (21, "dua puluh satu"), (100, "seratus"), (115, "seratus lima belas"), (1000, "seribu"),
    (2025, "dua ribu dua puluh lima"), (1_250_000, "satu juta dua ratus lima puluh ribu"),
])
def test_numbers_in_words(n, spoken):
    assert formatting.words(n) == spoken


def letter(folder):
    return full_text(folder / "Surat_Pengantar_Kecamatan_Mantup_2025.docx")


def build(make_workbook, tmp_path, quarters):
    source = make_workbook({10: {2025: 40}}, quarters=quarters)
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    return tmp_path / "hasil" / "mantup-2025"


def test_letter_lists_every_document_written_with_it(make_workbook, tmp_path):
    folder = build(make_workbook, tmp_path, quarters={10: (20, 30, None, None)})
    text = letter(folder)
    body = text[:text.index("Tembusan:")]
    listed = re.findall(r"^(\d+)\.\t(.+)[;.]$", body, flags=re.MULTILINE)
    assert [title for _, title in listed] == [
        "Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Mantup Tahun 2025",
        "Perjanjian Kinerja Kecamatan Mantup Tahun 2025",
        "Indikator Kinerja Utama (IKU) Kecamatan Mantup Tahun 2021-2026",
        "Tabel Pengukuran Kinerja Kecamatan Mantup Tahun 2025",
        "Laporan Pengukuran Kinerja Triwulan I Kecamatan Mantup Tahun 2025",
        "Laporan Pengukuran Kinerja Triwulan II Kecamatan Mantup Tahun 2025",
    ]
    attachments = [p for p in folder.iterdir() if p.suffix in (".docx", ".xlsx") and "Surat_Pengantar" not in p.name]
    assert len(attachments) == 6
    assert "Lampiran\t:\t6 (enam) berkas" in text.replace("\n:\n", "\t:\t").replace("\n", "\t")
    assert "Penyampaian Laporan Kinerja Instansi Pemerintah Kecamatan Mantup Tahun 2025" in text


def test_letter_count_follows_the_quarters_reported(make_workbook, tmp_path):
    folder = build(make_workbook, tmp_path, quarters={})
    text = letter(folder)
    assert "4 (empat) berkas" in text
    assert "Triwulan" not in text


def test_letter_parts_of_an_official_letter(make_workbook, tmp_path):
    text = letter(build(make_workbook, tmp_path, quarters={}))
    assert "PEMERINTAH KABUPATEN LAMONGAN" in text and "KECAMATAN MANTUP" in text  # kop
    assert re.search(r"Nomor\n:\n\.{10,}", text) and "Sifat\n:\nBiasa" in text  # the nomor: for the agenda clerk
    assert "Yth. Bupati Lamongan\ndi\nLamongan" in text
    assert "Nomor 53 Tahun 2014" in text  # the regulation the report is sent under
    assert "CAMAT MANTUP" in text and "SUWANTO SASTRODIHARJO, S.STP., M.M" in text and "NIP. 19851010" in text
    copies = text[text.index("Tembusan:"):]
    assert "1.\tYth. Inspektur Kabupaten Lamongan;" in copies
    assert "2.\tYth. Kepala Bagian Organisasi Sekretariat Daerah Kabupaten Lamongan." in copies


def test_catalogue_copies_must_be_texts(tmp_path):
    text = (catalogue.OFFICES_DIR / "mantup_2021-2026.toml").read_text(encoding="utf-8")
    broken = tmp_path / "rusak.toml"
    broken.write_text(text.replace('tembusan = ["Inspektur', 'tembusan = [3, "Inspektur'), encoding="utf-8")
    with pytest.raises(InputError, match=r"\[surat\]: 'tembusan' harus berupa daftar teks"):
        catalogue.load(broken)
