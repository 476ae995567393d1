"""End to end: the LKjIP, the PK and the quarterly reports, read back from the generated files."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile

import pytest
from conftest import run_cli
from docx import Document
from docx_text import full_text, tables
from openpyxl import load_workbook

from iku import layout
from iku.render import pdf

PROGRAM = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"
HEADINGS = ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "A. Latar Belakang", "B. Dasar Hukum",
            "C. Tugas dan Fungsi", "D. Struktur Organisasi", "E. Sumber Daya", "F. Isu Strategis",
            "G. Sistematika Penulisan", "BAB II PERENCANAAN KINERJA",
            "A. Rencana Strategis 2021-2026", "B. Indikator Kinerja Utama", "C. Perjanjian Kinerja Tahun 2025",
            "BAB III AKUNTABILITAS KINERJA", "A. Capaian Kinerja Organisasi", "B. Realisasi Anggaran",
            "C. Tindak Lanjut Rekomendasi Hasil Evaluasi", "BAB IV PENUTUP", "A. Kesimpulan", "B. Langkah Perbaikan",
            "LAMPIRAN 1. PERJANJIAN KINERJA TAHUN 2025",
            "LAMPIRAN 2. INDIKATOR KINERJA UTAMA 2021-2026"]


def build(make_workbook, tmp_path, values, **sheets):
    source = make_workbook(values, identity={layout.ID_DATE: dt.datetime(2026, 1, 30)}, **sheets)
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    return tmp_path / "hasil" / "mantup-2025", result


def headings(path):
    return [p.text for p in Document(path).paragraphs if p.style.name in ("Heading 1", "Heading 2")]


def images(path) -> int:
    """Native charts placed in the body."""
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode().count("<c:chart ")


def test_lkjip_with_two_years_of_data(make_workbook, tmp_path):
    folder, _ = build(make_workbook, tmp_path, {10: {2024: 33.33, 2025: 40}, 1: {2024: 85.76, 2025: 86.31}},
                      analysis={10: ("Pendampingan desa.", "Dimensi ekologi tertinggal.", "Bank sampah desa.")},
                      budget=[(PROGRAM, "Pelayanan Publik", 80_000_000, 76_400_000)])
    path = folder / "LKjIP_Kecamatan_Mantup_2025.docx"
    assert headings(path) == HEADINGS
    text = full_text(path)
    # ikhtisar: one row per indicator with target, realisation, capaian and predicate
    summary = next(t for t in tables(path) if t[0][:2] == ["No", "Indikator Kinerja"] and "Predikat" in t[0])
    assert ["10", "Persentase Desa Naik Kelas", "46,67%", "40,00%", "85,71%", "Tinggi"] in summary
    assert ["1", "Nilai IKM", "belum ditetapkan", "86,31", "-", "target belum ditetapkan"] in summary
    assert "Pada tahun 2025, satu dari sepuluh indikator kinerja dapat diukur capaiannya: satu berpredikat Tinggi." \
        in text
    # Bab III: the year table of indicator 10, the sentences and the staff's analysis
    years = next(t for t in tables(path) if t[0][0] == "Tahun" and ["2025", "46,67%", "40,00%", "85,71%",
                                                                     "Tinggi", "Data instansi"] in t)
    assert ["2024", "40,00%", "33,33%", "83,33%", "Tinggi", "Data instansi"] in years
    assert ["2021", "20,00%", "belum dilaporkan", "-", "belum dilaporkan", "-"] in years
    assert "Sumber data: data realisasi yang dilaporkan Kecamatan Mantup (2024, 2025)." in text
    assert ("Dari 33,33% pada tahun 2024, realisasi naik 6,67 poin persen; kinerja membaik, tetapi target "
            "tahun ini belum tercapai." in text)
    assert "Faktor penghambat: Dimensi ekologi tertinggal." in text
    # budget: absorption of the program; efficiency not judged (its indicators have no target)
    assert "95,50%" in text and "Tidak dinilai" in text
    # a chart for every indicator with data: 1 (realisations) and 7-10 (targets)
    assert images(path) == 5
    assert "SUWANTO SASTRODIHARJO, S.STP., M.M" in text and "NIP. 19851010 200602 1 001" in text
    assert "Mantup, 30 Januari 2026" in text
    assert "belum dilaporkan" in text and "0,00%" not in [r[3] for r in summary[1:] if r[1] == "Nilai SAKIP Kecamatan"]


def test_lkjip_with_all_six_years(make_workbook, tmp_path):
    values = {n: {y: 100 for y in range(2021, 2027)} for n in (7, 9)}
    values[10] = {2021: 20, 2022: 26.67, 2023: 33.33, 2024: 40, 2025: 46.67, 2026: 53.33}
    source = make_workbook(values, identity={layout.ID_YEAR: 2026})
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    path = tmp_path / "hasil" / "mantup-2026" / "LKjIP_Kecamatan_Mantup_2026.docx"
    text = full_text(path)
    assert ("Realisasi tahun 2026 sebesar 53,33% telah mencapai target kondisi akhir Renstra tahun 2026 "
            "(53,33%).") in text
    years = next(t for t in tables(path) if t[0][0] == "Tahun" and ["2026", "53,33%", "53,33%", "100,00%",
                                                                     "Sangat Tinggi", "Data instansi"] in t)
    assert [r[0] for r in years[1:]] == ["2021", "2022", "2023", "2024", "2025", "2026"]
    assert images(path) == 4  # indicators 7-10 have targets; 1-6 have neither data nor targets


def test_pk_document(make_workbook, tmp_path):
    folder, _ = build(make_workbook, tmp_path, {}, budget=[
        (PROGRAM, "Kegiatan A", 80_000_000, 70_000_000), (PROGRAM, "Kegiatan B", 20_000_000, 0)])
    path = folder / "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx"
    text = full_text(path)
    assert "PERJANJIAN KINERJA TAHUN 2025" in text
    assert "selanjutnya disebut PIHAK PERTAMA." in text and "PIHAK KEDUA," in text
    rows = next(t for t in tables(path) if t[0] == ["No", "Indikator Kinerja", "Satuan", "Target 2025"])
    assert ["10", "Persentase Desa Naik Kelas", "persen", "46,67%"] in rows
    assert ["1", "Nilai IKM", "nilai", "belum ditetapkan"] in rows
    programs = next(t for t in tables(path) if t[0] == ["No", "Program", "Anggaran (Rp)"])
    assert programs[1:] == [["1", PROGRAM, "100.000.000"], ["", "Jumlah", "100.000.000"]]
    signatures = next(t for t in tables(path) if "PIHAK KEDUA," in t[0][0])
    assert "BUPATI LAMONGAN" in signatures[0][0] and "CAMAT MANTUP" in signatures[0][1]
    assert "NIP. 19851010 200602 1 001" in signatures[0][1]


def test_quarterly_documents_and_sheet(make_workbook, tmp_path):
    folder, result = build(make_workbook, tmp_path, {}, quarters={10: (20, 33.33, None, None), 2: (1, 2, None, None)})
    assert sorted(p.name for p in folder.glob("Pengukuran_Triwulan_*")) == [
        "Pengukuran_Triwulan_II_Kecamatan_Mantup_2025.docx", "Pengukuran_Triwulan_I_Kecamatan_Mantup_2025.docx"]
    rows = tables(folder / "Pengukuran_Triwulan_II_Kecamatan_Mantup_2025.docx")[0]
    assert ["10", "Persentase Desa Naik Kelas", "46,67%", "\u2013", "33,33%", "71,42%",
            "Sedang\nterhadap target tahunan"] in rows
    assert "baru terisi sampai sebelum TW IV" in result.output  # two quarters are not the year
    ws = load_workbook(folder / "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx")["Triwulan 2025"]
    row = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Persentase Desa Naik Kelas")
    assert row[2:12] == (0.4667, 0.2, 0.3333, "-", "-", 0.2, 0.3333, "-", "-", 0.7142)


def test_workbook_without_report_sheets_still_builds(make_workbook, tmp_path):
    def old(wb):
        for name in (layout.SHEET_QUARTERS, layout.SHEET_ANALYSIS, layout.SHEET_BUDGET, layout.SHEET_NARRATIVE):
            wb.remove(wb[name])

    source = make_workbook({10: {2025: 40}}, edit=old)
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0 and "Lembar 'Anggaran' tidak ada" in result.output
    text = full_text(tmp_path / "hasil" / "mantup-2025" / "LKjIP_Kecamatan_Mantup_2025.docx")
    assert "Data pagu dan realisasi anggaran tahun ini belum tersedia" in text
    assert "Sesuai Peraturan Presiden Nomor 29 Tahun 2014" in text  # default background from the catalogue


def test_narrative_from_the_workbook_replaces_the_default(make_workbook, tmp_path):
    folder, _ = build(make_workbook, tmp_path, {}, narrative={"isu_strategis": "Isu A & <B>.\nIsu kedua {{ x }}."})
    text = full_text(folder / "LKjIP_Kecamatan_Mantup_2025.docx")
    assert "Isu A & <B>." in text and "Isu kedua {{ x }}." in text
    assert "Isu strategis Kecamatan Mantup dirumuskan" not in text


@pytest.mark.skipif(not pdf.find_soffice() and not os.environ.get("CI"), reason="LibreOffice is not installed")
def test_pdf_of_every_document(make_workbook, tmp_path):
    source = make_workbook({10: {2025: 40}}, identity={layout.ID_DATE: dt.datetime(2026, 1, 30)})
    result = run_cli("build", source, "--output", tmp_path / "hasil", "--pdf")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "hasil" / "mantup-2025"
    pdfs = sorted(p.name for p in folder.glob("*.pdf"))
    assert pdfs == ["IKU_Kecamatan_Mantup_2021-2026.pdf", "LKjIP_Kecamatan_Mantup_2025.pdf",
                    "Perjanjian_Kinerja_Kecamatan_Mantup_2025.pdf", "Surat_Pengantar_Kecamatan_Mantup_2025.pdf"]
    from iku.render.toc_pages import page_texts

    pk = page_texts(folder / "Perjanjian_Kinerja_Kecamatan_Mantup_2025.pdf")
    assert len([p for p in pk if p.strip()]) == 2
    assert "SUWANTO SASTRODIHARJO, S.STP., M.M" in pk[0] and "NIP. 19851010 200602 1 001" in pk[0]
    lkjip = page_texts(folder / "LKjIP_Kecamatan_Mantup_2025.pdf")
    assert 15 <= len([p for p in lkjip if p.strip()]) <= 25
    toc = next(p for p in lkjip if "DAFTAR ISI" in p)
    # The contents give the number printed in the footer (Bab I is page 1 after the roman front matter).
    index, bab3 = next((i, p) for i, p in enumerate(lkjip) if "BAB III AKUNTABILITAS KINERJA" in p and p is not toc)
    printed = re.findall(r"Halaman (\d+)", bab3)[-1]
    assert int(printed) < index + 1
    assert "BAB III AKUNTABILITAS KINERJA" in toc and printed in toc.split("BAB III AKUNTABILITAS KINERJA")[1][:120]
    assert re.search(r"KATA PENGANTAR\W*i\b", toc)
    # each chapter at the page it starts on, not where the Sistematika names it ("Bab II Perencanaan Kinerja:")
    for heading in ("BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA",
                    "BAB IV PENUTUP"):
        page = next(p for p in lkjip if p is not toc and re.search(rf"(^|\n)\s*{heading}", p))
        number = re.findall(r"Halaman (\d+)", page)[-1]
        assert re.search(rf"{heading}\W*{number}\b", toc), (heading, number, toc)
    assert "Halaman" not in lkjip[0]  # the cover
    # no word or figure broken inside a table cell (the Bab II table once printed "Kondis/i Akhir", "100,00/%")
    printed_text = "\f".join(lkjip)
    assert re.search(r"Kondisi\s+Akhir", printed_text)
    assert not re.search(r"\d,\d\d\s+%", printed_text)
    assert "CAMAT MANTUP" in lkjip[-2] or "CAMAT MANTUP" in lkjip[-3]


def test_pdf_without_libreoffice_says_so(make_workbook, tmp_path, monkeypatch):
    from iku.render import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    source = make_workbook({10: {2025: 40}})
    result = run_cli("build", source, "--output", tmp_path / "hasil", "--pdf")
    assert result.exit_code == 1
    assert "PDF tidak" in result.output and "LibreOffice tidak terpasang" in result.output
    # A --pdf run's set includes its PDFs: all or nothing, so no .docx is written without them either
    # (issue 8: new .docx must never stand beside an earlier run's PDFs). The message says so.
    assert "tidak ada dokumen yang diubah" in result.output
    assert not (tmp_path / "hasil" / "mantup-2025").exists()


def test_pk_has_its_own_date_or_a_line_to_write_it(make_workbook, tmp_path):
    folder, _ = build(make_workbook, tmp_path, {})
    text = full_text(folder / "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx")
    assert "Lamongan, " + "." * 25 + " 2025" in text and "30 Januari 2026" not in text  # signed at the seat
    source = make_workbook({}, identity={layout.ID_PK_DATE: dt.datetime(2025, 1, 6)}, name="pk.xlsx")
    assert run_cli("build", source, "--output", tmp_path / "lagi").exit_code == 0
    pk = full_text(tmp_path / "lagi" / "mantup-2025" / "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx")
    lkjip = full_text(tmp_path / "lagi" / "mantup-2025" / "LKjIP_Kecamatan_Mantup_2025.docx")
    assert "Lamongan, 6 Januari 2025" in pk and "Lamongan, 6 Januari 2025" in lkjip  # Lampiran 1 carries it
