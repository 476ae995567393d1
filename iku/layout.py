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
ID_LABELS = (ID_OFFICE, ID_YEAR, ID_NAME, ID_POSITION, ID_RANK, ID_NIP, ID_PLACE, ID_DATE, ID_STATUS)

STATUS_OFFICIAL = "RESMI"
STATUS_SAMPLE = "CONTOH"

# Rows searched for the Realisasi header row; the header may move down if staff add lines.
HEADER_SEARCH_ROWS = 15


def realisation_header(year: int) -> str:
    return f"{REALISATION_PREFIX} {year}"


def target_header(year: int) -> str:
    return f"{TARGET_PREFIX} {year}"
