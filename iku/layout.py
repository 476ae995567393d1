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

# Identitas: label in column A, value in column B, under the header row.
ID_HEADER = "Keterangan"
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
ID_POPULATION = "Populasi Penerima Layanan"  # the SKM's minimum number of respondents follows from it
ID_PK_PLACE = "Tempat Perjanjian Kinerja"  # empty = the kabupaten's seat (the PK is signed with the Bupati)
# The Renstra period the workbook belongs to ("2025-2029"), written by `template` and locked: a year such as 2025
# lies in two periods, and the period is never guessed from the year.
ID_PERIOD = "Periode Renstra"
ID_SUPERIOR_NAME = "Nama Bupati"  # the PK's second party; empty = the catalogue's atasan_nama, or a line to write on
ID_LABELS = (ID_OFFICE, ID_YEAR, ID_NAME, ID_POSITION, ID_RANK, ID_NIP, ID_PLACE, ID_DATE, ID_STATUS)
ID_OPTIONAL = (ID_PK_DATE, ID_POPULATION, ID_PK_PLACE)  # rows a workbook made before they existed may lack

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
# Characters in one cell of text: a name, a place or a rank; a paragraph (analysis, narrative, data sheets).
NAME_LIMIT = 200
TEXT_LIMIT = 5000

# Quarterly reports (all optional; a workbook made before they existed still builds).
# Triwulan: the target to be reached by the end of each quarter (year to date, like "Realisasi s.d. TW").
QUARTER_TARGETS = tuple(f"{TARGET_PREFIX} {q}" for q in QUARTERS)
# Triwulan: what staff write for one quarter, printed in that quarter's report only (section C). The TW IV
# report falls back to the Analisis sheet (the year's own text) for an indicator without TW IV text.
QUARTER_OBSTACLES = tuple(f"{ANALYSIS_COLUMNS[1]} {q}" for q in QUARTERS)
QUARTER_ACTIONS = tuple(f"{ANALYSIS_COLUMNS[2]} {q}" for q in QUARTERS)
# Anggaran: spending from 1 January up to the end of each quarter (cumulative, never the quarter alone).
BUDGET_SPENT_TO_QUARTER = tuple(f"Realisasi s.d. {q} (Rp)" for q in QUARTERS)
# Identitas: the date each quarterly report is signed; empty = the 10th day after the quarter ends.
ID_QUARTER_DATES = tuple(f"Tanggal Laporan {q}" for q in QUARTERS)
ID_OPTIONAL = ID_OPTIONAL + ID_QUARTER_DATES + (ID_PERIOD, ID_SUPERIOR_NAME)
# The order of the rows the template writes (the reader goes by label, not by row).
ID_ROWS = (ID_OFFICE, ID_YEAR, ID_PERIOD) + tuple(x for x in ID_LABELS + ID_OPTIONAL if x not in (ID_OFFICE, ID_YEAR,
                                                                                                 ID_PERIOD))

# Data sheets: the evidence behind a realisation (iku/sources). Every one is optional; where one holds data
# for a year, the realisation is computed from it. Names and header labels are a contract: keep them.
SHEET_SKM = "SKM"
SHEET_VILLAGES = "Status Desa"
SHEET_SERVICES = "Pelayanan"
SHEET_STANDARDS = "Standar Pelayanan"
SHEET_HOLIDAYS = "Hari Libur"
SHEET_CONFLICTS = "Konflik"
SHEET_EMPOWERMENT = "Pemberdayaan"
SHEET_AFFAIRS = "Urusan"
SHEET_SAKIP = "SAKIP"
DATA_SHEETS = (SHEET_SKM, SHEET_VILLAGES, SHEET_SERVICES, SHEET_STANDARDS, SHEET_HOLIDAYS, SHEET_CONFLICTS,
               SHEET_EMPOWERMENT, SHEET_AFFAIRS, SHEET_SAKIP)
DATA_HEADER_ROW = 4  # where the template puts the header; readers search the first HEADER_SEARCH_ROWS rows
YES, NO = "Ya", "Tidak"

SKM_DATE = "Tanggal"
SKM_INDICATOR = "Indikator"
SKM_UNSUR = tuple(f"U{i}" for i in range(1, 10))

VILLAGE = "Desa"
VILLAGE_STATUS_PREFIX = "Status"
VILLAGE_IDM_PREFIX = "Nilai IDM"

SERVICE_NUMBER = "Nomor"
SERVICE_KIND = "Jenis Layanan"
SERVICE_RECEIVED = "Tanggal Diterima"
SERVICE_DONE = "Tanggal Selesai"
STANDARD_DAYS = "Waktu Penyelesaian (hari kerja)"
HOLIDAY_DATE = "Tanggal"
HOLIDAY_NAME = "Keterangan"

CONFLICT_DATE = "Tanggal"
CONFLICT_VILLAGE = "Desa"
CONFLICT_TEXT = "Uraian"
CONFLICT_HANDLED = "Tertangani"
CONFLICT_HANDLED_DATE = "Tanggal Tertangani"

EMPOWERMENT_PREFIX = "Pemberdayaan"
EMPOWERMENT_ACTIVITY_PREFIX = "Kegiatan"
AFFAIR = "Urusan"
AFFAIR_PREFIX = "Diselenggarakan"
SAKIP_COMPONENT = "Komponen"
SAKIP_WEIGHT = "Bobot"
SAKIP_REGULATION = "Peraturan"  # the evaluation scheme of a component row: "PermenPANRB 88/2021"
SAKIP_VALUE_PREFIX = "Nilai"
SAKIP_TOTAL = "Nilai SAKIP"  # the row holding the Inspektorat's total, in column Komponen

# LKjIP Bab I and the link between budget and performance (all optional; a workbook made before them still builds).
# Anggaran: the sasaran or indicator each kegiatan supports (indicator number, indicator name, or the text of a
# tujuan / sasaran / program). Found by its header, after the existing columns.
BUDGET_SUPPORTS = "Sasaran / Indikator Didukung"
SHEET_STRUCTURE = "Struktur"
STRUCTURE_POSITION = "Jabatan"
STRUCTURE_NAME = "Nama"
STRUCTURE_SUPERIOR = "Atasan"
SHEET_STAFF = "Pegawai"
STAFF_NAME = "Nama"
STAFF_NIP = "NIP"
STAFF_RANK = "Pangkat/Golongan"
STAFF_EDUCATION = "Pendidikan"
STAFF_POSITION = "Jabatan"
SHEET_FACILITIES = "Sarana"
FACILITY_KIND = "Jenis Sarana"
FACILITY_COUNT = "Jumlah"
FACILITY_CONDITION = "Kondisi"
FACILITY_CONDITIONS = ("Baik", "Rusak Ringan", "Rusak Berat")
ORGANISATION_ROWS = 60  # empty rows offered on each of the three sheets

# Follow-up of last year's evaluation (LKjIP Bab III C; optional): each recommendation of the Inspektorat's Laporan
# Hasil Evaluasi SAKIP and what the office did about it. Sheet and header names are a contract: keep them.
SHEET_FOLLOW_UP = "Tindak Lanjut"
FOLLOW_UP_RECOMMENDATION = "Rekomendasi"
FOLLOW_UP_ACTION = "Tindak Lanjut"
FOLLOW_UP_STATUS = "Status"
FOLLOW_UP_EVIDENCE = "Bukti"  # optional column
FOLLOW_UP_DONE = "Selesai"
FOLLOW_UP_ONGOING = "Dalam proses"
FOLLOW_UP_OPEN = "Belum ditindaklanjuti"
FOLLOW_UP_STATUSES = (FOLLOW_UP_DONE, FOLLOW_UP_ONGOING, FOLLOW_UP_OPEN)  # the only ones accepted
FOLLOW_UP_ROWS = 30  # empty rows offered
