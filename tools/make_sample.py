"""Write the sample workbook shipped in input/. Its figures are ILLUSTRATIVE, not official.

Run: python tools/make_sample.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from iku import catalogue, layout, workbook_template  # noqa: E402

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


def main() -> Path:
    cat = catalogue.load(catalogue.OFFICES_DIR / "mantup.toml")
    wb = workbook_template.build(cat, 2025, sample=True)
    workbook_template.fill(wb, cat, VALUES)
    ident = wb[layout.SHEET_IDENTITY]
    date_row = 2 + layout.ID_LABELS.index(layout.ID_DATE)
    ident.cell(row=date_row, column=2, value=dt.date(2026, 1, 30))
    SAMPLE.write_bytes(workbook_template.to_bytes(wb))
    return SAMPLE


if __name__ == "__main__":
    print(main())
