"""Read a workbook's cells, read-only, without judging them (validate.py and iku/sources do that).

Two readers over the same bytes, each for what it does best:
- the form sheets (Identitas, Realisasi, Triwulan, ...) through openpyxl in read-only mode, which keeps
  number formats (a percent cell holds 0.4667) and tells formulas from values;
- the data sheets (survey answers, service register, ...), which may hold 100,000 rows, through
  python-calamine: values only, several times faster (bench/bench_sources.py has the figures).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml.ElementTree import iterparse
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from python_calamine import CalamineError, CalamineWorkbook

from iku import cell_values, gc_pause
from iku import layout as L
from iku.errors import InputError, Problem

LOCK_PREFIX = "~$"
SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ROW_TAG, CELL_TAG, FORMULA_TAG = SHEET_NS + "row", SHEET_NS + "c", SHEET_NS + "f"


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
class Table:
    """A data sheet as values: rows[i][j] is row i + 1, column j + 1 of the sheet; empty cells are ''."""

    name: str
    rows: list[list[object]]
    merged: tuple[tuple[int, int, int, int], ...] = ()  # (first row, first column, last row, last column), 1-based

    def value(self, row: int, column: int) -> object:
        if row - 1 < len(self.rows) and column - 1 < len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return ""

    def merged_at(self, row: int, column: int) -> str | None:
        """The merged range covering a cell, as 'A5:C5', or None."""
        for r1, c1, r2, c2 in self.merged:
            if r1 <= row <= r2 and c1 <= column <= c2:
                return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
        return None


@dataclass(frozen=True)
class RawWorkbook:
    path: Path
    sheets: dict[str, list[list[RawCell]]]  # form sheet name -> rows of cells
    tables: dict[str, Table] = field(default_factory=dict)  # data sheet name -> values
    sheet_names: tuple[str, ...] = ()  # every sheet of the workbook, in order

    def cell(self, sheet: str, row: int, column: int) -> RawCell | None:
        rows = self.sheets.get(sheet, [])
        if row - 1 < len(rows) and column - 1 < len(rows[row - 1]):
            return rows[row - 1][column - 1]
        return None


def is_lock_file(path: Path) -> bool:
    return path.name.startswith(LOCK_PREFIX)


def read(path: Path) -> RawWorkbook:
    """Read every sheet the tool uses. The file is read into memory once and never opened for writing."""
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
    try:
        sheets, names = _form_sheets(content)
        tables = _data_sheets(content, names)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, CalamineError) as exc:
        raise InputError(Problem(
            f"{path.name} tidak dapat dibuka sebagai buku kerja .xlsx (file rusak atau bukan Excel): {exc}"
        )) from None
    return RawWorkbook(path=path, sheets=sheets, tables=tables, sheet_names=tuple(names))


def _form_sheets(content: bytes) -> tuple[dict[str, list[list[RawCell]]], list[str]]:
    # One openpyxl load for the cached values and number formats; the formula cells come from a scan of each
    # form sheet's own XML. Only together do they reveal a formula whose value was never computed (a file saved
    # by a program, never opened in Excel). A second openpyxl load would parse the shared strings of the big
    # data sheets again.
    values = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    sheets: dict[str, list[list[RawCell]]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for ws in values.worksheets:
                if ws.title in L.DATA_SHEETS:
                    continue  # read by _data_sheets
                formulas = _formula_cells(archive, ws._worksheet_path)
                sheets[ws.title] = [
                    [
                        RawCell(
                            sheet=ws.title,
                            coordinate=f"{get_column_letter(c)}{r}",
                            row=r,
                            column=c,
                            value=cell.value,
                            number_format=getattr(cell, "number_format", None) or "General",
                            is_formula=(r, c) in formulas,
                        )
                        for c, cell in enumerate(row, start=1)
                    ]
                    for r, row in enumerate(ws.iter_rows(min_row=1, min_col=1), start=1)
                ]
        names = list(values.sheetnames)
    finally:
        values.close()
    return sheets, names


def _formula_cells(archive: zipfile.ZipFile, member: str) -> set[tuple[int, int]]:
    """(row, column) of every cell of a sheet's XML that holds a formula (an <f> element). Some writers leave
    out the row and cell references; positions then count on, as Excel and openpyxl read them."""
    found = set()
    row = column = 0
    with archive.open(member.lstrip("/")) as source:
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start" and element.tag == ROW_TAG:
                row, column = int(element.get("r") or row + 1), 0
            elif event == "start" and element.tag == CELL_TAG:
                reference = element.get("r")
                column = coordinate_to_tuple(reference)[1] if reference else column + 1
            elif event == "end" and element.tag == CELL_TAG:
                if element.find(FORMULA_TAG) is not None:
                    found.add((row, column))
                element.clear()
    return found


def _data_sheets(content: bytes, names: list[str]) -> dict[str, Table]:
    wanted = [name for name in names if name in L.DATA_SHEETS]
    if not wanted:
        return {}
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    tables = {}
    with gc_pause.paused():
        for name in wanted:
            sheet = book.get_sheet_by_name(name)
            merged = tuple((r1 + 1, c1 + 1, r2 + 1, c2 + 1)
                           for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or ()))
            rows = sheet.to_python(skip_empty_area=False)
            cell_values.restore_errors(content, name, rows)
            tables[name] = Table(name=name, rows=rows, merged=merged)
    return tables
