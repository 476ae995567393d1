"""The documents speak as a report, not as a spreadsheet (issue 16, points 2 and 7): data sources named as a
report names them, sentences that vary and say only what is true, the IKU document's misspellings kept where it
is quoted and corrected elsewhere, and the budget's unspent money and indirect links said from the figures."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx_text import full_text

from iku import layout as L
from iku.measure import sentences
from iku.measure.report import ProgramBudget
from iku.model import BudgetLine
from iku.render import common

SAMPLE = Path(__file__).resolve().parent.parent / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
SHEETS = (L.SHEET_REALISATION, L.SHEET_QUARTERS, L.SHEET_ANALYSIS, L.SHEET_BUDGET, L.SHEET_NARRATIVE, L.SHEET_SKM,
          L.SHEET_VILLAGES, L.SHEET_SERVICES, L.SHEET_STANDARDS, L.SHEET_HOLIDAYS, L.SHEET_CONFLICTS,
          L.SHEET_EMPOWERMENT, L.SHEET_AFFAIRS, L.SHEET_SAKIP, L.SHEET_STRUCTURE, L.SHEET_STAFF, L.SHEET_FACILITIES,
          L.SHEET_FOLLOW_UP)
SPREADSHEET = re.compile(
    r"[A-Za-z]+![A-Z]{1,3}\d+|buku kerja|\.xlsx|\bbaris \d|\blembar (" + "|".join(map(re.escape, SHEETS)) + r")\b",
    re.IGNORECASE)
MISSPELT = ("Pemeritahan", "Ispektorat", "prasana", "Survey")


@pytest.fixture
def built(sample_set) -> Path:
    return sample_set


def _lkjip(built: Path) -> str:
    return full_text(built / "CONTOH_LKjIP_Kecamatan_Mantup_2025.docx")


def test_no_document_speaks_of_sheets_cells_or_the_workbook(built):
    found = {}
    for path in sorted(built.glob("*.docx")):
        hits = [m.group(0) for m in SPREADSHEET.finditer(full_text(path))]
        if hits:
            found[path.name] = hits
    assert found == {}


def test_data_sources_are_named_as_a_report_names_them(built):
    text = _lkjip(built)
    assert "Sumber data: Hasil Survei Kepuasan Masyarakat 2021-2025." in text
    assert ("Sumber data: data realisasi yang dilaporkan Kecamatan Mantup (2021-2024) dan Register Pelayanan "
            "Kecamatan Mantup 2025.") in text
    assert "Register Pelayanan Kecamatan Mantup 2025 mencatat 3.000 permohonan layanan; 2.757 dari 2.980" in text
    assert "Menurut Status Indeks Desa 2025, terdapat 3 desa berstatus Mandiri dari 15 desa" in text
    assert "Nilai rata-rata per unsur pelayanan, Hasil Survei Kepuasan Masyarakat 2025 (210 responden)" in text
    assert "Status setiap desa per tahun disajikan pada uraian indikator Jumlah Desa Mandiri." in text
    rows = [r for t in Document(built / "CONTOH_LKjIP_Kecamatan_Mantup_2025.docx").tables for r in t.rows
            if len(r.cells) == 6 and r.cells[0].text == "2025"]
    assert {r.cells[-1].text for r in rows} >= {"Survei Kepuasan Masyarakat", "Register Pelayanan",
                                                "Status Indeks Desa"}


def test_renstra_targets_are_said_once_in_bab_ii(built):
    text = _lkjip(built)
    assert text.count("tidak mencantumkan target") == 1
    assert ("Dokumen IKU tidak mencantumkan target enam indikator (Nilai IKM, Jumlah Desa Mandiri, Nilai SAKIP "
            "Kecamatan, Jumlah Desa Maju, IKM Internal Kecamatan, dan Persentase Penyelenggaraan Pelayanan Publik "
            "yang Tepat Waktu); target tahunan dan kondisi akhirnya yang dipakai dalam laporan ini diambil dari "
            "Rencana Strategis tersebut.") in text
    assert text.index("tidak mencantumkan target") < text.index("BAB III AKUNTABILITAS KINERJA\n")
    assert "Sumber target" not in text


def test_sentences_vary_and_claim_no_false_contrast_or_tautology(built):
    text = _lkjip(built)
    assert "padahal" not in text
    assert "dari target akhir Renstra" not in text
    paragraphs = [p.text for p in Document(built / "CONTOH_LKjIP_Kecamatan_Mantup_2025.docx").paragraphs]
    openings = [re.split(r" seb(?:esar|anyak) ", p)[0].split(",")[0].split()[0] for p in paragraphs
                if " tahun 2025" in p and re.search(r" seb(?:esar|anyak) ", p) and "capaian kinerjanya" in p]
    assert len(openings) == 10
    assert max(openings.count(word) for word in set(openings)) <= 3
    assert "rata-rata capaian 99,94%" not in text  # one indicator: its capaian, not a mean


def test_misspellings_stay_in_the_quoted_iku_text_only(built):
    iku = full_text(built / "CONTOH_IKU_Kecamatan_Mantup_2021-2026.docx")
    for word in MISSPELT:
        assert word in iku
    lkjip = _lkjip(built)
    appendix = lkjip[lkjip.rindex("LAMPIRAN 2. INDIKATOR KINERJA UTAMA"):]
    assert "Persentase Urusan Pemeritahan Umum yang Diselenggarakan" in appendix
    body = lkjip[:lkjip.rindex("LAMPIRAN 2. INDIKATOR KINERJA UTAMA")]
    assert "Persentase Urusan Pemerintahan Umum yang Diselenggarakan" in body
    assert "pemeliharaan prasarana dan sarana" in body
    for name in ("CONTOH_Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx",
                 "CONTOH_Pengukuran_Triwulan_IV_Kecamatan_Mantup_2025.docx"):
        text = full_text(built / name)
        assert not [w for w in MISSPELT if re.search(rf"\b{w}\b", text)], name
    assert not [w for w in MISSPELT if re.search(rf"\b{w}\b", body)]


def test_budget_says_unspent_money_indirect_links_and_goals_without_budget(built):
    text = _lkjip(built)
    # 595.000.000 - 563.950.000 = 31.050.000 = 5,22 % of the pagu; Administrasi Umum 350 - 331,5 = 18,5 juta
    assert ("Sisa anggaran Rp31.050.000 (5,22% dari pagu), terbesar pada kegiatan \u201cAdministrasi Umum "
            "Perangkat Daerah\u201d (Rp18.500.000).") in text
    # 350.000.000 / 595.000.000 = 58,82 % of the pagu, credited to indicator 3 only
    assert ("Kegiatan \u201cAdministrasi Umum Perangkat Daerah\u201d memuat 58,82% dari total pagu dan hanya dikaitkan "
            "dengan indikator Nilai SAKIP Kecamatan; keterkaitan anggaran sebesar itu dengan capaian satu indikator "
            "bersifat tidak langsung") in text
    assert "Tidak dinilai (keterkaitan tidak langsung)" in text
    assert "efisiensinya belum dapat dinilai karena capaian belum dapat dihitung" not in text  # it can: indirect
    assert ("Dalam data anggaran tahun 2025 tidak ada program atau kegiatan yang dikaitkan dengan sasaran "
            "strategis ini, sehingga efisiensi anggarannya tidak dinilai.") in text


def _budget(lines: list[tuple[Decimal, Decimal]]) -> ProgramBudget:
    made = tuple(BudgetLine("P", f"Kegiatan {i}", ceiling, spent) for i, (ceiling, spent) in enumerate(lines, 1))
    ceiling = sum((line.ceiling for line in made), Decimal(0))
    spent = sum((line.spent for line in made), Decimal(0))
    return ProgramBudget("P", made, ceiling, spent, spent / ceiling * 100, (), None, None)


def test_unspent_sentence_from_the_figures():
    # 100 + 50 pagu, 90 + 50 spent: 10 left (6,67 %), all in Kegiatan 1
    assert sentences.unspent([_budget([(Decimal(100), Decimal(90)), (Decimal(50), Decimal(50))])]) == (
        "Sisa anggaran Rp10 (6,67% dari pagu) seluruhnya pada kegiatan \u201cKegiatan 1\u201d.")
    assert sentences.unspent([_budget([(Decimal(100), Decimal(100))])]) == ""


def test_indirect_link_rule():
    from iku import rules
    support = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    assert rules.is_indirect(support, Decimal(51), Decimal(100), 1)
    assert not rules.is_indirect(support, Decimal(50), Decimal(100), 1)  # half is not more than half
    assert not rules.is_indirect(support, Decimal(90), Decimal(100), 2)  # credited to two indicators
    assert not rules.is_indirect("Program Penyelenggaraan Pemerintahan", Decimal(90), Decimal(100), 1)


def test_spelling_corrections_skip_quoted_text():
    token = common._SPELLING.set(common.spelling_patterns({"Pemeritahan": "Pemerintahan", "Survey": "Survei"}))
    try:
        assert common._spelled("Urusan Pemeritahan Umum; Survey, Surveyor") == \
            "Urusan Pemerintahan Umum; Survei, Surveyor"
        quoted = common.Quoted("<w:t>Pemeritahan</w:t>")
        assert common._spelled(quoted) is quoted
        assert common._spelled(common.Markup("<w:t>Pemeritahan</w:t>")) == "<w:t>Pemerintahan</w:t>"
    finally:
        common._SPELLING.reset(token)
