"""Read a workbook's cells, read-only, without judging them (validate.py does that)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

from iku.errors import InputError, Problem

LOCK_PREFIX = "~$"


@dataclass(frozen=True)
class RawCell:
    sheet: str
    coordinate: str
    row: int
    column: int
    value: object  # the cached value, as Excel stored it
    number_format: str
    is_formula: bool


@dataclass(frozen=True)
class RawWorkbook:
    path: Path
    sheets: dict[str, list[list[RawCell]]]  # sheet name -> rows of cells

    def cell(self, sheet: str, row: int, column: int) -> RawCell | None:
        rows = self.sheets.get(sheet, [])
        if row - 1 < len(rows) and column - 1 < len(rows[row - 1]):
            return rows[row - 1][column - 1]
        return None


def is_lock_file(path: Path) -> bool:
    return path.name.startswith(LOCK_PREFIX)


def read(path: Path) -> RawWorkbook:
    """Read every cell. The file is read into memory once and never opened for writing."""
    if is_lock_file(path):
        raise InputError(Problem(
            f"{path.name} adalah file kunci Excel (dibuat saat buku kerja sedang dibuka), bukan buku kerja. "
            "Tutup Excel lalu pakai file aslinya."
        ))
    if path.suffix.lower() != ".xlsx":
        raise InputError(Problem(
            f"{path.name} bukan buku kerja .xlsx. Simpan ulang dari Excel sebagai 'Excel Workbook (*.xlsx)'."
        ))
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(f"file {path} tidak ditemukan")) from None
    except OSError as exc:
        raise InputError(Problem(f"file {path} tidak dapat dibaca: {exc.strerror}")) from None
    # Two views of the same bytes: cached values, and formulas. Only together do they reveal a formula
    # whose value was never computed (a file saved by a program, never opened in Excel).
    try:
        values = load_workbook(io.BytesIO(content), data_only=True)
        formulas = load_workbook(io.BytesIO(content), data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(Problem(
            f"{path.name} tidak dapat dibuka sebagai buku kerja .xlsx (file rusak atau bukan Excel): {exc}"
        )) from None
    sheets: dict[str, list[list[RawCell]]] = {}
    for ws in values.worksheets:
        formula_ws = formulas[ws.title]
        sheets[ws.title] = [
            [
                RawCell(
                    sheet=ws.title,
                    coordinate=cell.coordinate,
                    row=cell.row,
                    column=cell.column,
                    value=cell.value,
                    number_format=cell.number_format or "General",
                    is_formula=formula_ws.cell(row=cell.row, column=cell.column).data_type == "f",
                )
                for cell in row
            ]
            for row in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row, max_col=ws.max_column)
        ]
    return RawWorkbook(path=path, sheets=sheets)


