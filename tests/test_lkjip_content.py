"""LKjIP content (issue 7, point 3): Bab III by tujuan/sasaran with a summary table first, a complete Bab I from
the optional Struktur, Pegawai and Sarana sheets, budget linked to the sasaran it serves, and sentences that never
open with a numeral. Built from workbooks made in the test, read back from the .docx."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import pytest
from conftest import rejected, run_cli
from docx import Document
from docx_text import full_text, tables
from openpyxl import load_workbook
from sentence_check import numeral_openings

from iku import layout
from iku.workbook import organisation_sheets as org_sheets

PROGRAM = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"
SASARAN = "Meningkatnya Manajemen Internal Perangkat Daerah"
STRUCTURE = [("Camat Mantup", "Budi Contoh", ""), ("Sekretaris Kecamatan", "Ani Contoh", "Camat Mantup"),
             ("Kasi Pemerintahan", "", "Camat Mantup")]
STAFF = [("Budi Contoh", "19851010 200602 1 001", "Pembina (IV/a)", "S-2", "Camat Mantup"),
         ("Ani Contoh", "", "Penata (III/c)", "S-1", "Sekretaris Kecamatan"),
         ("Citra Contoh", "", "Penata Muda (III/a)", "S-1", "Pelaksana")]
FACILITIES = [("Gedung kantor", 1, "Baik"), ("Kendaraan roda dua", 4, "Rusak Ringan")]


def organisation(structure=STRUCTURE, staff=STAFF, facilities=FACILITIES, links=None):
    def edit(wb):
        org_sheets.fill(wb, layout.SHEET_STRUCTURE, structure)
        org_sheets.fill(wb, layout.SHEET_STAFF, staff)
        org_sheets.fill(wb, layout.SHEET_FACILITIES, facilities)
        org_sheets.fill_budget_links(wb, links or {})
    return edit


def build(make_workbook, tmp_path, values=None, name="realisasi.xlsx", **kwargs):
    source = make_workbook(values or {10: {2024: 40, 2025: 46.67}, 7: {2025: 100}},
                           identity={layout.ID_DATE: dt.datetime(2026, 1, 30)}, name=name, **kwargs)
    result = run_cli("build", source, "--output", tmp_path / f"hasil-{name}")
    assert result.exit_code == 0, result.output
    return tmp_path / f"hasil-{name}" / "mantup-2025" / "LKjIP_Kecamatan_Mantup_2025.docx"


def styled(path, style: str) -> list[str]:
    return [p.text for p in Document(path).paragraphs if p.style.name == style and p.text.strip()]


def images(path) -> int:
    """Drawings in the body: pictures, native charts and shape groups (the organisation chart)."""
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode().count("<w:drawing>")


def between(text: str, start: str, end: str) -> str:
    """The body from heading `start` to heading `end` (the last occurrence: the first is the table of contents)."""
    first = text.rindex(start)
    return text[first:text.index(end, first)]


def test_bab3_grouped_by_tujuan_and_sasaran_after_a_summary_table(make_workbook, tmp_path):
    path = build(make_workbook, tmp_path)
    groups = styled(path, "Heading 3")
    assert groups == ["Tujuan 1: Meningkatkan Pelayanan Publik yang Inovatif",
                      "Tujuan 2: Meningkatkan Kemandirian Desa",
                      f"Sasaran Strategis 1: {SASARAN}", "Sasaran Strategis 2: Meningkatnya Pemberdayaan Desa",
                      "Program 1: Program penunjang Urusan Pemerintahan daerah Kabupaten/Kota", f"Program 2: {PROGRAM}",
                      "Indikator Kinerja Lainnya"]
    # each indicator (Heading 4) sits under its group, in catalogue order
    order = [(p.style.name, p.text) for p in Document(path).paragraphs if p.style.name in ("Heading 3", "Heading 4")]
    sasaran = order.index(("Heading 3", f"Sasaran Strategis 1: {SASARAN}"))
    assert order[sasaran + 1] == ("Heading 4", "3. Nilai SAKIP Kecamatan")
    other = order.index(("Heading 3", "Indikator Kinerja Lainnya"))
    assert [t for _, t in order[other + 1:]] == [
        "7. Persentase Desa yang Melaksanakan Pemberdayaan Terhadap Masyarakat",
        "8. Persentase Konflik yang Tertangani",
        "9. Persentase Urusan Pemerintahan Umum yang Diselenggarakan", "10. Persentase Desa Naik Kelas"]
    text = full_text(path)
    assert "Sasaran Strategis ini diukur dengan satu indikator; capaiannya tahun ini belum dapat dihitung." in text
    assert ("Dua indikator berikut tercantum dalam tabel target dokumen IKU" not in text
            and "Empat indikator berikut tercantum dalam tabel target dokumen IKU tanpa tujuan, sasaran atau program; "
            "rata-rata capaian dua indikator yang dapat diukur sebesar 100,00%." in text)
    # the summary table: in the ikhtisar and again at the head of Bab III A, before the first group
    summaries = [t for t in tables(path) if t[0] == ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian",
                                                     "Predikat"]]
    assert len(summaries) == 2 and summaries[0] == summaries[1]
    assert ["10", "Persentase Desa Naik Kelas", "46,67%", "46,67%", "100,00%", "Sangat Tinggi"] in summaries[1]
    assert ["3", "Nilai SAKIP Kecamatan", "belum ditetapkan", "belum dilaporkan", "-", "target belum ditetapkan"] \
        in summaries[1]
    bab3 = between(text, "BAB III AKUNTABILITAS KINERJA", "Tujuan 1: Meningkatkan")
    assert "secara ringkas sebagai berikut" in bab3


def test_bab1_sections_with_org_chart_staff_and_facilities(make_workbook, tmp_path):
    without = images(build(make_workbook, tmp_path, name="a.xlsx"))
    path = build(make_workbook, tmp_path, name="b.xlsx", edit=organisation())
    headings = styled(path, "Heading 2")
    assert headings[:7] == ["A. Latar Belakang", "B. Dasar Hukum", "C. Tugas dan Fungsi", "D. Struktur Organisasi",
                            "E. Sumber Daya", "F. Isu Strategis", "G. Sistematika Penulisan"]
    text = full_text(path)
    bab1 = between(text, "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA")
    for regulation in ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                       "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi "
                       "Pemerintah", "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
                       "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
                       "Pemerintah", "Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja",
                       "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017"):
        assert regulation in bab1
    assert images(path) == without + 1  # the organisation chart
    assert "Gambar 1. Bagan struktur organisasi Kecamatan Mantup" in bab1
    assert ("Susunan organisasi Kecamatan Mantup terdiri atas tiga jabatan. Camat Mantup membawahkan Sekretaris "
            "Kecamatan dan Kasi Pemerintahan.") in bab1
    assert "Jumlah pegawai Kecamatan Mantup sebanyak tiga orang. Pendidikan terbanyak S-1 (dua orang)." in bab1
    found = tables(path)
    rank = next(t for t in found if t[0] == ["No", "Pangkat/Golongan", "Jumlah (orang)"])
    assert rank[1:] == [["1", "Golongan IV", "1"], ["2", "Golongan III", "2"], ["", "Jumlah", "3"]]
    education = next(t for t in found if t[0] == ["No", "Pendidikan", "Jumlah (orang)"])
    assert education[1:] == [["1", "S-1", "2"], ["2", "S-2", "1"], ["", "Jumlah", "3"]]
    position = next(t for t in found if t[0] == ["No", "Jabatan", "Jumlah (orang)"])
    assert ["3", "Pelaksana", "1"] in position
    facilities = next(t for t in found if t[0] == ["No", "Jenis Sarana", "Jumlah", "Kondisi"])
    assert facilities[1:] == [["1", "Gedung kantor", "1", "Baik"], ["2", "Kendaraan roda dua", "4", "Rusak Ringan"]]
    assert "Laporan ini disusun dengan sistematika sebagai berikut." in bab1 and "Bab IV Penutup: " in bab1


def test_optional_sheets_absent_still_builds_with_a_note(make_workbook, tmp_path):
    def drop(wb):
        for name in (layout.SHEET_STRUCTURE, layout.SHEET_STAFF, layout.SHEET_FACILITIES):
            del wb[name]
    path = build(make_workbook, tmp_path, edit=drop)
    result = run_cli("check", tmp_path / "realisasi.xlsx")
    assert ("Lembar Struktur, Pegawai, Sarana kosong atau tidak ada: LKjIP Bab I menyatakan datanya belum "
            "tersedia.") in " ".join(result.output.split())
    bab1 = between(full_text(path), "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA")
    assert "Data struktur organisasi tahun ini belum tersedia, sehingga bagan organisasi belum dapat" in bab1
    assert "Data pegawai tahun ini belum tersedia" in bab1
    assert "Data sarana dan prasarana tahun ini belum tersedia" in bab1
    assert "Gambar 1." not in bab1
    assert not any(t[0][:2] == ["No", "Pangkat/Golongan"] for t in tables(path))


def test_budget_per_sasaran_and_efficiency_where_a_capaian_exists(make_workbook, tmp_path):
    budget = [("Program penunjang Urusan Pemerintahan daerah Kabupaten/Kota", "Evaluasi Kinerja", 40_000_000,
               36_000_000), (PROGRAM, "Pelayanan Publik", 80_000_000, 76_000_000)]
    path = build(make_workbook, tmp_path, values={10: {2025: 46.67}, 9: {2025: 100}}, budget=budget,
                 edit=organisation(links={0: "10", 1: "Persentase Urusan Pemeritahan Umum yang Diselenggarakan"}))
    found = tables(path)
    per_group = next(t for t in found if t[0][0] == "Tujuan / Sasaran")
    assert per_group[1:] == [["Indikator Kinerja Lainnya", "120.000.000", "112.000.000", "93,33%", "100,00%",
                              "Efisien"]]
    efficiency = next(t for t in found if t[0][:2] == ["Program", "Serapan"])
    assert efficiency[1][1:] == ["90,00%", "100,00%", "1,11", "Efisien"]  # linked to indicator 10
    text = full_text(path)
    # Bab III A names the kegiatan behind each group and judges their efficiency (PermenPANRB 53/2014 points 6-7)
    assert ("Kegiatan yang mendukungnya: \u201cEvaluasi Kinerja\u201d dan \u201cPelayanan Publik\u201d, dengan pagu "
            "Rp120.000.000 dan realisasi Rp112.000.000 (serapan 93,33%); dibanding rata-rata capaian 100,00%, "
            "penggunaan anggaran dinilai efisien.") in text
    assert ("Pagu anggaran Kecamatan Mantup tahun 2025 sebesar Rp120.000.000 terealisasi Rp112.000.000 atau "
            "serapan 93,33%.") in between(text, "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN")


def test_ikhtisar_states_budget_and_improvement_steps(make_workbook, tmp_path):
    path = build(make_workbook, tmp_path, analysis={10: ("Pendampingan desa.", "Dimensi ekologi tertinggal.",
                                                         "Memfasilitasi bank sampah desa.")})
    ikhtisar = between(full_text(path), "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN")
    assert ("Langkah perbaikan utama yang akan ditempuh: memfasilitasi bank sampah desa (Persentase Desa Naik "
            "Kelas).") in ikhtisar
    assert "Realisasi anggaran tahun ini belum dilaporkan pada lembar Anggaran." in ikhtisar
    assert "diuraikan pada Bab IV" not in ikhtisar


def test_sample_lkjip_has_no_sentence_opening_with_a_numeral_nor_tool_wording(tmp_path):
    result = run_cli("build", "input/CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx", "--output", tmp_path)
    assert result.exit_code == 0, result.output
    path = next(tmp_path.rglob("CONTOH_LKjIP_*.docx"))
    assert numeral_openings(path) == []
    text = full_text(path)
    assert "katalog" not in text
    assert "Gambar 1. Bagan struktur organisasi" in text  # the sample fills Struktur
    assert "Tujuan / Sasaran" in [t[0][0] for t in tables(path)]


@pytest.mark.parametrize(("sheet", "rows", "cell", "fragment"), [
    (layout.SHEET_STRUCTURE, [("Camat Mantup", "A", ""), ("Kasi Pemerintahan", "B", "Camat Mantap")], "Struktur!C6",
     "atasan 'Camat Mantap' tidak ada di kolom Jabatan"),
    (layout.SHEET_STRUCTURE, [("Camat Mantup", "A", ""), ("Sekretaris Kecamatan", "B", "")], "Struktur!C6",
     "tepat satu jabatan (pimpinan) berkolom Atasan kosong; ditemukan 2"),
    (layout.SHEET_STRUCTURE, [("Camat Mantup", "A", ""), ("Camat Mantup", "B", "")], "Struktur!A6",
     "jabatan 'Camat Mantup' sudah ada di sel A5"),
    (layout.SHEET_STRUCTURE, [("Camat Mantup", "A", ""), (None, "B", "Camat Mantup")], "Struktur!A6",
     "jabatan kosong pada baris yang terisi"),
    (layout.SHEET_STRUCTURE, [("Camat Mantup", "A", ""), ("Kasi A", "B", "Kasi B"), ("Kasi B", "C", "Kasi A")],
     "Struktur!C6", "rantai atasan jabatan 'Kasi A' berputar"),
    (layout.SHEET_STAFF, [("Ani", "1985101020060210", "Penata (III/c)", "S-1", "Kasi")], "Pegawai!B5",
     "NIP '1985101020060210' harus 18 angka"),
    (layout.SHEET_STAFF, [(None, "", "Penata (III/c)", "S-1", "Kasi")], "Pegawai!A5",
     "nama pegawai kosong pada baris yang terisi"),
    (layout.SHEET_FACILITIES, [("Gedung", "dua", "Baik")], "Sarana!B5", "jumlah sarana"),
    (layout.SHEET_FACILITIES, [("Gedung", 1.5, "Baik")], "Sarana!B5", "jumlah sarana harus bilangan bulat"),
    (layout.SHEET_FACILITIES, [("Gedung", 1, "Lumayan")], "Sarana!C5", "kondisi 'Lumayan' tidak dikenal"),
])
def test_bad_organisation_rows_are_rejected(make_workbook, tmp_path, sheet, rows, cell, fragment):
    def edit(wb):
        org_sheets.fill(wb, sheet, rows)
    rejected(make_workbook(edit=edit), tmp_path, cell, fragment)


def test_unknown_budget_link_is_rejected(make_workbook, tmp_path):
    path = make_workbook(budget=[(PROGRAM, "Pelayanan", 100, 50)], edit=organisation((), (), (), {0: "Sasaran X"}))
    rejected(path, tmp_path, "Anggaran!J5", "'Sasaran X' tidak dikenali sebagai sasaran atau indikator")


def test_renamed_structure_header_is_rejected(make_workbook, tmp_path):
    def edit(wb):
        org_sheets.fill(wb, layout.SHEET_STRUCTURE, STRUCTURE)
        wb[layout.SHEET_STRUCTURE]["C4"].value = "Atasan Langsung"
    rejected(make_workbook(edit=edit), tmp_path, "Lembar 'Struktur'", "judul kolom 'Atasan' tidak ditemukan")


def test_pihak_pertama_and_kedua_written_one_way(tmp_path):
    result = run_cli("build", "input/CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx", "--output", tmp_path)
    assert result.exit_code == 0, result.output
    for path in tmp_path.rglob("*.docx"):
        text = full_text(path)
        spellings = {m.group(0) for m in re.finditer(r"pihak (pertama|kedua)", text, flags=re.IGNORECASE)}
        assert spellings <= {"PIHAK PERTAMA", "PIHAK KEDUA"}, (path.name, spellings)


def test_template_offers_the_new_sheets_and_column_without_renaming_any(tmp_path):
    path = tmp_path / "kosong.xlsx"
    assert run_cli("template", path, "--year", "2025").exit_code == 0
    wb = load_workbook(path)
    heads = {name: [c.value for c in wb[name][4] if c.value] for name in
             (layout.SHEET_STRUCTURE, layout.SHEET_STAFF, layout.SHEET_FACILITIES, layout.SHEET_BUDGET)}
    assert heads[layout.SHEET_STRUCTURE] == ["Jabatan", "Nama", "Atasan"]
    assert heads[layout.SHEET_STAFF] == ["Nama", "NIP", "Pangkat/Golongan", "Pendidikan", "Jabatan"]
    assert heads[layout.SHEET_FACILITIES] == ["Jenis Sarana", "Jumlah", "Kondisi"]
    assert heads[layout.SHEET_BUDGET] == ["No", "Program", "Kegiatan", "Pagu (Rp)", "Realisasi (Rp)",
                                          *layout.BUDGET_SPENT_TO_QUARTER, "Sasaran / Indikator Didukung"]
    ws = wb[layout.SHEET_STRUCTURE]
    assert ws.protection.sheet and not ws["A5"].protection.locked and ws["A2"].value.startswith("Satu baris")
    conditions = [dv for dv in wb[layout.SHEET_FACILITIES].data_validations.dataValidation if dv.type == "list"]
    assert conditions[0].formula1 == '"Baik,Rusak Ringan,Rusak Berat"' and conditions[0].showErrorMessage
    sample = load_workbook("input/CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx")
    assert sample[layout.SHEET_STRUCTURE]["A5"].value == "Camat Mantup"
    assert sample[layout.SHEET_BUDGET]["J5"].value == "Meningkatnya Manajemen Internal Perangkat Daerah"
