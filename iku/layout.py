"""Names and labels of the standard input workbook, shared by its writer and its reader."""

from __future__ import annotations

SHEET_GUIDE = "Petunjuk"
SHEET_IDENTITY = "Identitas"
SHEET_REALISATION = "Realisasi"

HEADER_INDICATOR = "Indikator"
HEADER_NUMBER = "No"
HEADER_UNIT = "Satuan"
REALISATION_PREFIX = "Realisasi"
TARGET_PREFIX = "Target"
HEADER_END_TARGET = "Kondisi Akhir"

# Identitas: label in column A, value in column B.
ID_OFFICE = "Instansi"
ID_YEAR = "Tahun Laporan"
ID_NAME = "Nama Pejabat Penandatangan"
ID_POSITION = "Jabatan"
ID_RANK = "Pangkat"
ID_NIP = "NIP"
ID_PLACE = "Tempat Penandatanganan"
ID_DATE = "Tanggal Penandatanganan"
ID_STATUS = "Status Data"
ID_PK_DATE = "Tanggal Perjanjian Kinerja"
ID_LABELS = (ID_OFFICE, ID_YEAR, ID_NAME, ID_POSITION, ID_RANK, ID_NIP, ID_PLACE, ID_DATE, ID_STATUS)
ID_OPTIONAL = (ID_PK_DATE,)  # rows a workbook made before they existed may lack

STATUS_OFFICIAL = "RESMI"
STATUS_SAMPLE = "CONTOH"

# Rows searched for the Realisasi header row; the header may move down if staff add lines.
HEADER_SEARCH_ROWS = 15


def realisation_header(year: int) -> str:
    return f"{REALISATION_PREFIX} {year}"


def target_header(year: int) -> str:
    return f"{TARGET_PREFIX} {year}"

# Sheets of the annual report (LKjIP) and the performance agreement (PK).
SHEET_QUARTERS = "Triwulan"
SHEET_ANALYSIS = "Analisis"
SHEET_BUDGET = "Anggaran"
SHEET_NARRATIVE = "Narasi"

QUARTERS = ("TW I", "TW II", "TW III", "TW IV")
ANALYSIS_COLUMNS = ("Faktor Pendukung", "Faktor Penghambat", "Upaya / Rencana Tindak Lanjut")
BUDGET_PROGRAM = "Program"
BUDGET_ACTIVITY = "Kegiatan"
BUDGET_CEILING = "Pagu (Rp)"
BUDGET_SPENT = "Realisasi (Rp)"
BUDGET_ROWS = 40  # empty rows offered for kegiatan

NARRATIVE_PART = "Bagian"
NARRATIVE_TEXT = "Isi"
# key in the catalogue's [narasi] table -> label in the Narasi sheet
NARRATIVE_PARTS = {
    "latar_belakang": "Latar Belakang",
    "struktur_organisasi": "Struktur Organisasi",
    "isu_strategis": "Isu Strategis",
    "penutup": "Penutup",
}
# Triwulan, Analisis and Anggaran hold figures of one year: label and value in row 3.
YEAR_LABEL = "Tahun"
YEAR_LABEL_CELL = "A3"
YEAR_VALUE_CELL = "B3"
MONEY_LIMIT = 10**15  # rupiah; anything larger is a typing slip
TEXT_LIMIT = 4000  # characters in one cell of text
