"""Write the sample workbook shipped in input/. Its figures are ILLUSTRATIVE, not official.

Run: python tools/make_sample.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import random  # noqa: E402

import holidays  # noqa: E402
import sample_data as D  # noqa: E402

from iku import catalogue, layout, rules  # noqa: E402
from iku.workbook import follow_up_sheet, organisation_sheets  # noqa: E402
from iku.workbook import report_sheets as workbook_report_sheets  # noqa: E402
from iku.workbook import template as workbook_template  # noqa: E402
from iku.xlsx_style import put_text  # noqa: E402

SAMPLE = ROOT / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"

# Illustrative realisations typed on the Realisasi sheet (percent as 46.67), only for the years the data sheets
# do not cover; every other figure is computed from the data sheets (sample_data.py). Invented for practice only.
VALUES = {
    6: {2021: 91.50, 2022: 93.20, 2023: 95.00, 2024: 96.40},  # the service register covers 2025 only
    7: {2021: 100, 2022: 100, 2023: 100},  # Pemberdayaan covers 2024-2025
    8: {2021: 100, 2022: 100},  # the conflict register starts in 2023
    9: {2021: 100, 2022: 100, 2023: 100},  # Urusan covers 2024-2025
}


# Targets the IKU document leaves open, as staff would type them from a Renstra (None = Kondisi Akhir). CONTOH.
TARGETS = {
    1: {2021: 80.00, 2022: 80.50, 2023: 81.00, 2024: 82.00, 2025: 82.50, 2026: 83.00, None: 83.00},
    2: {2021: 1, 2022: 1, 2023: 2, 2024: 2, 2025: 3, 2026: 4, None: 4},
    3: {2021: 60.00, 2022: 62.00, 2023: 65.00, 2024: 68.00, 2025: 70.00, 2026: 72.00, None: 72.00},
    4: {2021: 5, 2022: 6, 2023: 6, 2024: 6, 2025: 6, 2026: 7, None: 7},
    5: {2021: 80.00, 2022: 81.00, 2023: 82.00, 2024: 82.50, 2025: 83.00, 2026: 84.00, None: 84.00},
    6: {2021: 90.00, 2022: 92.00, 2023: 94.00, 2024: 95.00, 2025: 95.00, 2026: 96.00, None: 96.00},
}


# Report year 2025 by quarter, typed for the indicators whose data are yearly (desa statuses, SAKIP, Pemberdayaan,
# Urusan); SKM, Pelayanan and Konflik are cut at each quarter's end from their data sheets.
QUARTERS = {
    2: (2, 2, 3, 3),
    3: (None, None, 70.10, 70.10),
    4: (5, 5, 5, 5),
    7: (100, 100, 100, 100),
    9: (100, 100, 100, 100),
    10: (40.00, 40.00, 46.67, 46.67),
}
ANALYSIS = {
    1: ("Survei dilaksanakan setiap triwulan di ruang pelayanan dengan 210 responden.",
        "Nilai penanganan pengaduan (U8) menurun karena pengaduan melalui kotak saran belum dijawab tepat waktu; "
        "unsur biaya/tarif (U4) tetap terendah karena sebagian pemohon belum mengetahui bahwa layanan "
        "administrasi kecamatan tidak dipungut biaya.",
        "Menjawab setiap pengaduan paling lambat lima hari kerja dan mengumumkan tindak lanjutnya, serta memasang "
        "informasi layanan tanpa biaya di ruang pelayanan dan laman kecamatan."),
    4: ("Pendampingan penyusunan RPJMDes dan pemutakhiran data Indeks Desa di setiap desa.",
        "Desa Berkembang yang didampingi belum memenuhi skor Indeks Desa untuk naik ke status Maju, sedangkan "
        "Desa Mantup yang naik menjadi Desa Mandiri pada 2023 tidak lagi dihitung sebagai Desa Maju.",
        "Mendampingi desa Berkembang dengan skor tertinggi pada dimensi ketahanan ekonomi dan ekologi agar naik "
        "ke status Maju pada 2026."),
    10: ("Pendampingan rutin pemerintah kecamatan kepada desa dalam penyusunan RPJMDes dan pemutakhiran data IDM.",
         "Satu desa tertahan pada dimensi ketahanan ekologi karena pengelolaan sampah belum berjalan.",
         "Memfasilitasi bank sampah desa dan pendampingan dimensi ekologi pada triwulan I tahun 2026."),
    6: ("Penerapan antrean daring dan standar pelayanan yang dipajang di ruang layanan.",
        "Legalisasi dokumen (standar selesai pada hari itu juga) tertunda bila pejabat penandatangan bertugas di "
        "luar kantor; gangguan jaringan aplikasi layanan kependudukan menunda pengantar dokumen kependudukan.",
        "Menetapkan pejabat pengganti penandatangan legalisasi saat Camat dan Sekretaris Kecamatan bertugas di luar "
        "kantor, dan menyediakan jalur layanan cadangan saat aplikasi tidak dapat diakses."),
}
BUDGET = [
    ("Program penunjang Urusan Pemerintahan daerah Kabupaten/Kota",
     "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 45_000_000, 43_250_000),
    ("Program penunjang Urusan Pemerintahan daerah Kabupaten/Kota", "Administrasi Umum Perangkat Daerah",
     350_000_000, 331_500_000),
    ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Penyelenggaraan Urusan Pemerintahan Umum",
     120_000_000, 112_800_000),
    ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Peningkatan Kualitas Pelayanan Publik",
     80_000_000, 76_400_000),
]

# Illustrative targets to be reached by the end of each quarter (Triwulan, "Target TW I" ...), for a few indicators,
# and the budget spent from 1 January to each quarter's end (Anggaran, cumulative; line n of BUDGET).
# The target s.d. TW IV is the year's target (TARGETS 2025): one year-end figure, one capaian.
QUARTER_TARGETS = {
    4: (5, 5, 5, 6),
    6: (93.00, 94.00, 95.00, 95.00),
    10: (40.00, 40.00, 46.67, 46.67),
}
# What staff wrote for one quarter (Triwulan, faktor penghambat and upaya TW I ...): quarter -> (penghambat, upaya).
# The other indicators under target in a quarter are left without text, as a report being written would be.
QUARTER_ANALYSIS = {
    6: {1: ("Gangguan jaringan aplikasi layanan kependudukan pada minggu kedua Februari; sebagian berkas "
            "diselesaikan melewati standar waktu.",
            "Menyiapkan pencatatan manual saat aplikasi tidak dapat diakses dan melaporkan gangguan kepada dinas "
            "pengelola aplikasi."),
        2: ("Lonjakan permohonan pengantar dokumen kependudukan menjelang tahun ajaran baru.",
            "Menambah satu petugas loket pada jam sibuk selama Juni dan Juli."),
        3: ("Legalisasi dokumen tertunda pada hari-hari pejabat penandatangan bertugas di luar kantor.",
            "Menetapkan pejabat pengganti penandatangan legalisasi mulai Oktober.")},
    1: {q: ("Nilai penanganan pengaduan (U8) belum naik karena pengaduan melalui kotak saran belum dijawab tepat "
            "waktu.", "Menjawab setiap pengaduan paling lambat lima hari kerja dan mengumumkan tindak lanjutnya.")
        for q in (1, 2, 3)},
    2: {q: ("Status Indeks Desa tahun berjalan baru ditetapkan pada akhir tahun, sehingga realisasi triwulan masih "
            "status tahun sebelumnya.", "Mendampingi desa calon Mandiri dalam pemutakhiran data Indeks Desa.")
        for q in (1, 2)},
    5: {q: ("Responden survei kecamatan triwulan ini mengeluhkan ruang tunggu pelayanan yang sempit dan panas.",
            "Menambah kursi dan kipas angin di ruang tunggu pelayanan.")
        for q in (1, 2)},
}
BUDGET_TO_QUARTER = {
    0: (9_500_000, 20_750_000, 31_200_000, 43_250_000),
    1: (80_400_000, 165_300_000, 248_900_000, 331_500_000),
    2: (22_000_000, 51_600_000, 84_300_000, 112_800_000),
    3: (12_500_000, 35_800_000, 57_200_000, 76_400_000),
}
QUARTER_REPORT_DATES = {layout.ID_QUARTER_DATES[0]: dt.date(2025, 4, 8)}  # the other quarters: the default date

def _columns(ws) -> dict[str, int]:
    return {str(c.value).strip(): c.column for c in ws[layout.DATA_HEADER_ROW] if c.value is not None}


def _put(cell, value) -> None:
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value


def _append(ws, rows: list[list], labels: list[str]) -> None:
    """Rows below the header, each value under its header label."""
    columns = _columns(ws)
    for r, values in enumerate(rows, start=layout.DATA_HEADER_ROW + 1):
        for label, value in zip(labels, values, strict=True):
            if value is not None:
                _put(ws.cell(row=r, column=columns[label]), value)


def _row_named(ws, name: str) -> int:
    for row in ws.iter_rows(min_row=layout.DATA_HEADER_ROW + 1, max_col=1):
        if row[0].value == name:
            return row[0].row
    raise KeyError(name)


def fill_data_sheets(wb) -> None:
    rng = random.Random(D.SEED)
    L = layout
    _append(wb[L.SHEET_SKM], D.survey(rng), [L.SKM_DATE, L.SKM_INDICATOR, *L.SKM_UNSUR])

    ws = wb[L.SHEET_VILLAGES]
    columns = _columns(ws)
    for name, statuses in D.STATUSES.items():
        row = _row_named(ws, name)
        for year, status in zip(D.STATUS_YEARS, statuses, strict=True):
            _put(ws.cell(row=row, column=columns[f"{L.VILLAGE_STATUS_PREFIX} {year}"]), status)
            idm = columns.get(f"{L.VILLAGE_IDM_PREFIX} {year}")
            if idm and year <= 2023:
                ws.cell(row=row, column=idm, value=D.IDM_OF[status])

    off = set(holidays.country_holidays("ID", years=2025, categories=("public", "government")))
    off |= {day for day, _ in D.LOCAL_DAYS}
    _append(wb[L.SHEET_STANDARDS], [[kind, days] for kind, days, _ in D.SERVICE_KINDS],
            [L.SERVICE_KIND, L.STANDARD_DAYS])
    _append(wb[L.SHEET_HOLIDAYS], [list(day) for day in D.LOCAL_DAYS], [L.HOLIDAY_DATE, L.HOLIDAY_NAME])
    _append(wb[L.SHEET_SERVICES], D.services(rng, off),
            [L.SERVICE_NUMBER, L.SERVICE_KIND, L.SERVICE_RECEIVED, L.SERVICE_DONE])
    _append(wb[L.SHEET_CONFLICTS], D.conflicts(), [L.CONFLICT_DATE, L.CONFLICT_VILLAGE, L.CONFLICT_TEXT,
                                                   L.CONFLICT_HANDLED, L.CONFLICT_HANDLED_DATE])

    ws = wb[L.SHEET_EMPOWERMENT]
    columns = _columns(ws)
    for i, name in enumerate(D.VILLAGES):
        row = _row_named(ws, name)
        for year in (2024, 2025):
            done = not (year == 2024 and name == "Rumpuk")
            _put(ws.cell(row=row, column=columns[f"{L.EMPOWERMENT_PREFIX} {year}"]), L.YES if done else L.NO)
            if done:
                _put(ws.cell(row=row, column=columns[f"{L.EMPOWERMENT_ACTIVITY_PREFIX} {year}"]),
                     D.ACTIVITIES[(i + year) % len(D.ACTIVITIES)])

    ws = wb[L.SHEET_AFFAIRS]
    columns = _columns(ws)
    for row in range(L.DATA_HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row=row, column=1).value:
            for year in (2024, 2025):
                _put(ws.cell(row=row, column=columns[f"{L.AFFAIR_PREFIX} {year}"]), L.YES)

    ws = wb[L.SHEET_SAKIP]
    columns = _columns(ws)
    total = _row_named(ws, L.SAKIP_TOTAL)
    for year, value in D.SAKIP.items():
        ws.cell(row=total, column=columns[f"{L.SAKIP_VALUE_PREFIX} {year}"], value=value)
    regulation = rules.sakip_scheme(2025).regulation  # the rows of the scheme the 2025 evaluation used
    rows = [r for r in range(L.DATA_HEADER_ROW + 1, ws.max_row + 1)
            if ws.cell(row=r, column=columns[L.SAKIP_REGULATION]).value == regulation]
    for row, value in zip(rows, D.SAKIP_2025, strict=True):
        ws.cell(row=row, column=columns[f"{L.SAKIP_VALUE_PREFIX} 2025"], value=value)


def main() -> Path:
    cat = catalogue.load(catalogue.OFFICES_DIR / "mantup_2021-2026.toml")
    wb = workbook_template.build(cat, 2025, sample=True)
    workbook_template.fill(wb, cat, VALUES)
    workbook_template.fill_targets(wb, cat, TARGETS)
    workbook_report_sheets.fill_quarters(wb, cat, QUARTERS)
    workbook_report_sheets.fill_analysis(wb, cat, ANALYSIS)
    workbook_report_sheets.fill_budget(wb, BUDGET)
    ident = wb[layout.SHEET_IDENTITY]
    date_row = 2 + layout.ID_ROWS.index(layout.ID_DATE)
    ident.cell(row=date_row, column=2, value=dt.date(2026, 1, 30))
    workbook_report_sheets.fill_quarter_targets(wb, cat, QUARTER_TARGETS)
    workbook_report_sheets.fill_quarter_analysis(wb, cat, QUARTER_ANALYSIS)
    workbook_report_sheets.fill_budget_quarters(wb, BUDGET_TO_QUARTER)
    for label, value in QUARTER_REPORT_DATES.items():
        ident.cell(row=2 + layout.ID_ROWS.index(label), column=2, value=value)
    fill_data_sheets(wb)
    organisation_sheets.fill(wb, layout.SHEET_STRUCTURE, D.STRUCTURE)
    organisation_sheets.fill(wb, layout.SHEET_STAFF, D.STAFF)
    organisation_sheets.fill(wb, layout.SHEET_FACILITIES, D.FACILITIES)
    organisation_sheets.fill_budget_links(wb, D.BUDGET_LINKS)
    follow_up_sheet.fill(wb, D.FOLLOW_UP)
    SAMPLE.write_bytes(workbook_template.to_bytes(wb))
    return SAMPLE


if __name__ == "__main__":
    print(main())
