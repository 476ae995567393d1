"""Helpers for the data-sheet tests: a standard workbook with rows written into its data sheets, read back
the way the pipeline reads it, and a minimal ReportInput for evaluating a source on its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import run_cli
from openpyxl import load_workbook

from iku import layout as L
from iku.model import Identity, ReportInput, Signatory
from iku.read import reader
from iku.xlsx_style import put_text


def write_rows(wb, sheet: str, rows: list[list], first_row: int = L.DATA_HEADER_ROW + 1) -> None:
    """Rows of values from `first_row` on (strings stay strings: never formulas); None leaves a cell empty."""
    ws = wb[sheet]
    for r, values in enumerate(rows, start=first_row):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = value


def workbook_with(tmp_path: Path, sheets: dict[str, list[list]], year: int = 2025, edit=None,
                  name: str = "data.xlsx") -> Path:
    """The standard workbook (template command) with `sheets` rows written below each data sheet's header."""
    path = tmp_path / name
    result = run_cli("template", path, "--year", str(year))
    assert result.exit_code == 0, result.output
    wb = load_workbook(path)
    for sheet, rows in sheets.items():
        write_rows(wb, sheet, rows)
    if edit:
        edit(wb)
    wb.save(path)
    return path


def raw_with(tmp_path: Path, sheets: dict[str, list[list]], **kwargs) -> reader.RawWorkbook:
    return reader.read(workbook_with(tmp_path, sheets, **kwargs))


def report_for(year: int = 2025, signed: dt.date | None = None, population: int | None = None,
               data: dict | None = None) -> ReportInput:
    identity = Identity(
        office_name="Kecamatan Mantup", report_year=year,
        signatory=Signatory("NAMA", "Camat Mantup", "Pembina", "19851010 200602 1 001"),
        signing_place="Mantup", signing_date=signed or dt.date(year + 1, 1, 30), is_sample=False,
    )
    return ReportInput(source=Path("x.xlsx"), identity=identity, realisations={}, data=data or {},
                       population=population)


def cells(sheet: str, values: dict[str, dict[str, object]]):
    """An `edit` for workbook_with: {row label in column A: {header: value}}; an unknown label takes the next
    empty row (its column A is written)."""

    def edit(wb):
        ws = wb[sheet]
        columns = {ws.cell(row=L.DATA_HEADER_ROW, column=c).value: c for c in range(1, ws.max_column + 1)}
        rows = {ws.cell(row=r, column=1).value: r for r in range(L.DATA_HEADER_ROW + 1, ws.max_row + 1)}
        for label, by_header in values.items():
            row = rows.get(label)
            if row is None:
                row = next(r for r in range(L.DATA_HEADER_ROW + 1, ws.max_row + 2)
                           if ws.cell(row=r, column=1).value is None)
                put_text(ws.cell(row=row, column=1), label)
                rows[label] = row
            for title, value in by_header.items():
                cell = ws.cell(row=row, column=columns[title])
                if isinstance(value, str):
                    put_text(cell, value)
                else:
                    cell.value = value

    return edit
