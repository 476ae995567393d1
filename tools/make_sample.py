"""Write the sample workbook shipped in input/. Its figures are ILLUSTRATIVE, not official.

Run: python tools/make_sample.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from iku import catalogue, layout, workbook_report_sheets, workbook_template  # noqa: E402

SAMPLE = ROOT / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"

# Illustrative realisations 2021-2025 (percent as 46.67). Invented for practice only.
VALUES = {
    1: {2021: 82.10, 2022: 83.45, 2023: 84.20, 2024: 85.76, 2025: 86.31},
    2: {2021: 0, 2022: 1, 2023: 1, 2024: 2, 2025: 3},
    3: {2021: 61.20, 2022: 63.50, 2023: 65.80, 2024: 68.40, 2025: 70.10},
    4: {2021: 5, 2022: 6, 2023: 7, 2024: 7, 2025: 8},
    5: {2021: 83.00, 2022: 84.10, 2023: 85.25, 2024: 86.00, 2025: 87.40},
    6: {2021: 91.50, 2022: 93.20, 2023: 95.00, 2024: 96.40, 2025: 97.80},
    7: {2021: 100, 2022: 100, 2023: 100, 2024: 100, 2025: 100},
    8: {2021: 100, 2022: 100, 2023: 100, 2024: 90, 2025: 100},
    9: {2021: 100, 2022: 100, 2023: 100, 2024: 100, 2025: 100},
    10: {2021: 20.00, 2022: 26.67, 2023: 33.33, 2024: 33.33, 2025: 40.00},
}


# Report year 2025 by quarter; TW IV equals the year's figure above (all roll up as "terakhir").
QUARTERS = {
    1: (85.10, 85.60, 86.02, 86.31),
    2: (2, 2, 3, 3),
    3: (None, None, 70.10, 70.10),
    4: (7, 7, 8, 8),
    5: (86.20, 86.75, 87.10, 87.40),
    6: (96.50, 97.10, 97.60, 97.80),
    7: (100, 100, 100, 100),
    8: (100, 100, 100, 100),
    9: (100, 100, 100, 100),
    10: (33.33, 33.33, 40.00, 40.00),
}
ANALYSIS = {
    10: ("Pendampingan rutin pemerintah kecamatan kepada desa dalam penyusunan RPJMDes dan pemutakhiran data IDM.",
         "Satu desa tertahan pada dimensi ketahanan ekologi karena pengelolaan sampah belum berjalan.",
         "Memfasilitasi bank sampah desa dan pendampingan dimensi ekologi pada triwulan I tahun berikutnya."),
    6: ("Penerapan antrean daring dan standar pelayanan yang dipajang di ruang layanan.",
        "Gangguan jaringan aplikasi layanan kependudukan pada beberapa hari kerja.",
        "Menyediakan jalur layanan cadangan saat aplikasi tidak dapat diakses."),
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


def main() -> Path:
    cat = catalogue.load(catalogue.OFFICES_DIR / "mantup.toml")
    wb = workbook_template.build(cat, 2025, sample=True)
    workbook_template.fill(wb, cat, VALUES)
    workbook_report_sheets.fill_quarters(wb, cat, QUARTERS)
    workbook_report_sheets.fill_analysis(wb, cat, ANALYSIS)
    workbook_report_sheets.fill_budget(wb, BUDGET)
    ident = wb[layout.SHEET_IDENTITY]
    date_row = 2 + layout.ID_LABELS.index(layout.ID_DATE)
    ident.cell(row=date_row, column=2, value=dt.date(2026, 1, 30))
    SAMPLE.write_bytes(workbook_template.to_bytes(wb))
    return SAMPLE


if __name__ == "__main__":
    print(main())
