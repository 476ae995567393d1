"""Sheets of the standard workbook that feed the LKjIP and the PK: Triwulan, Analisis, Anggaran, Narasi."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from iku import layout as L
from iku.model import Catalogue
from iku.workbook.choice_lists import list_validation
from iku.workbook.value_cells import number_format, predicate_choice, stored
from iku.xlsx_style import (
    BOLD,
    BORDER,
    INPUT_FILL,
    WRAP,
    header,
    put_text,
)

HEADER_ROW = 4
FIRST_ROW = 5
ROLLUP_WORDS = {"terakhir": "TW terakhir", "jumlah": "jumlah TW", "rata-rata": "rata-rata TW"}


def add_sheets(wb: Workbook, catalogue: Catalogue, report_year: int) -> None:
    _quarters(wb.create_sheet(L.SHEET_QUARTERS), catalogue, report_year)
    _analysis(wb.create_sheet(L.SHEET_ANALYSIS), catalogue, report_year)
    _budget(wb.create_sheet(L.SHEET_BUDGET), catalogue, report_year)
    _narrative(wb.create_sheet(L.SHEET_NARRATIVE), catalogue)


def _intro(ws: Worksheet, title: str, note: str, year: int | None = None) -> None:
    put_text(ws["A1"], title).font = BOLD
    put_text(ws["A2"], note)
    if year is not None:  # the year these figures are for; checked against the report year
        put_text(ws[L.YEAR_LABEL_CELL], L.YEAR_LABEL).font = BOLD
        _editable(ws[L.YEAR_VALUE_CELL])
        ws[L.YEAR_VALUE_CELL].value = year


def _editable(cell, number_format: str | None = None, wrap: bool = False) -> None:
    cell.fill = INPUT_FILL
    cell.border = BORDER
    cell.protection = Protection(locked=False)
    if number_format:
        cell.number_format = number_format
    if wrap:
        cell.alignment = WRAP


def _protect(ws: Worksheet) -> None:
    ws.protection.sheet = True  # no password: it guards against slips, not people
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _indicator_rows(ws: Worksheet, catalogue: Catalogue, columns: list[str]) -> None:
    for col, title in enumerate([L.HEADER_NUMBER, L.HEADER_INDICATOR] + columns, start=1):
        header(ws.cell(row=HEADER_ROW, column=col), title)
    for offset, ind in enumerate(catalogue.indicators):
        row = FIRST_ROW + offset
        ws.cell(row=row, column=1, value=ind.number).border = BORDER
        cell = put_text(ws.cell(row=row, column=2), ind.name)
        cell.alignment = WRAP
        cell.border = BORDER
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 50
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=3)


def _quarters(ws: Worksheet, catalogue: Catalogue, year: int) -> None:
    _intro(ws, "REALISASI TRIWULAN",
           "Isi realisasi per triwulan (sel kuning). Kosong = belum dilaporkan. Bila kolom Realisasi tahun ini di "
           "lembar Realisasi kosong dan TW IV terisi, realisasi tahunan dihitung dari triwulan (kolom terakhir).",
           year)
    _indicator_rows(ws, catalogue, list(L.QUARTERS) + ["Realisasi Tahunan"])
    for offset, ind in enumerate(catalogue.indicators):
        row = FIRST_ROW + offset
        for col in range(3, 3 + len(L.QUARTERS)):
            _editable(ws.cell(row=row, column=col), number_format(ind))
        if ind.is_predicate:
            _choose(ws, predicate_choice("Realisasi", ind.name), row, 3, 2 + len(L.QUARTERS))
        put_text(ws.cell(row=row, column=3 + len(L.QUARTERS)), ROLLUP_WORDS[ind.rollup]).border = BORDER
    for col in range(3, 4 + len(L.QUARTERS)):
        ws.column_dimensions[get_column_letter(col)].width = 14
    _quarter_targets(ws, catalogue)
    _quarter_analysis(ws, catalogue)
    _protect(ws)


def _analysis(ws: Worksheet, catalogue: Catalogue, year: int) -> None:
    _intro(ws, "ANALISIS CAPAIAN KINERJA",
           "Tulis dengan kalimat sendiri. Boleh kosong: laporan lalu memakai kalimat yang dibuat dari angka saja.",
           year)
    _indicator_rows(ws, catalogue, list(L.ANALYSIS_COLUMNS))
    for offset in range(len(catalogue.indicators)):
        row = FIRST_ROW + offset
        for col in range(3, 3 + len(L.ANALYSIS_COLUMNS)):
            _editable(ws.cell(row=row, column=col), wrap=True)
        ws.row_dimensions[row].height = 60
    for col in range(3, 3 + len(L.ANALYSIS_COLUMNS)):
        ws.column_dimensions[get_column_letter(col)].width = 45
    _protect(ws)


def _budget(ws: Worksheet, catalogue: Catalogue, year: int) -> None:
    _intro(ws, "ANGGARAN",
           "Satu baris per kegiatan: program, kegiatan, pagu dan realisasi dalam rupiah, misalnya 45.000.000.",
           year)
    titles = [L.HEADER_NUMBER, L.BUDGET_PROGRAM, L.BUDGET_ACTIVITY, L.BUDGET_CEILING, L.BUDGET_SPENT]
    for col, title in enumerate(titles, start=1):
        header(ws.cell(row=HEADER_ROW, column=col), title)
    programs = [ind.objective for ind in catalogue.indicators if ind.level == "program"]
    choice = list_validation(ws.parent, programs, showErrorMessage=False, allow_blank=True)
    money = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="Bukan rupiah", error="Isi angka rupiah, 0 atau lebih.")
    for offset in range(L.BUDGET_ROWS):
        row = FIRST_ROW + offset
        ws.cell(row=row, column=1, value=offset + 1).border = BORDER
        for col in (2, 3):
            _editable(ws.cell(row=row, column=col), wrap=True)
        for col in (4, 5):
            _editable(ws.cell(row=row, column=col), "#,##0")
        choice.add(f"B{row}")
        money.add(f"D{row}:E{row}")
    ws.add_data_validation(choice)
    ws.add_data_validation(money)
    for col, width in zip("ABCDE", (5, 50, 50, 18, 18), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=1)
    _protect(ws)
    _budget_quarters(ws)


def _quarter_targets(ws: Worksheet, catalogue: Catalogue) -> None:
    """Optional targets to be reached by the end of each quarter, after the existing columns."""
    first = ws.max_column + 1
    put_text(ws.cell(row=HEADER_ROW - 1, column=first),
             "Target s.d. akhir triwulan (boleh kosong; kosong = capaian dihitung terhadap target tahunan)")
    for offset, title in enumerate(L.QUARTER_TARGETS):
        header(ws.cell(row=HEADER_ROW, column=first + offset), title)
        ws.column_dimensions[get_column_letter(first + offset)].width = 14
    for offset, ind in enumerate(catalogue.indicators):
        for col in range(first, first + len(L.QUARTER_TARGETS)):
            _editable(ws.cell(row=FIRST_ROW + offset, column=col), number_format(ind))
        if ind.is_predicate:
            _choose(ws, predicate_choice("Target", ind.name), FIRST_ROW + offset, first,
                    first + len(L.QUARTER_TARGETS) - 1)


def _choose(ws: Worksheet, check: DataValidation, row: int, first: int, last: int) -> None:
    check.add(f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}")
    ws.add_data_validation(check)


def _quarter_analysis(ws: Worksheet, catalogue: Catalogue) -> None:
    """Optional faktor penghambat and upaya of each quarter, after the quarterly targets."""
    first = ws.max_column + 1
    put_text(ws.cell(row=HEADER_ROW - 1, column=first),
             "Faktor penghambat dan upaya/rencana tindak lanjut setiap triwulan (boleh kosong): dicetak di bagian C "
             "laporan triwulan itu saja. Laporan TW IV memakai lembar Analisis bila kolom TW IV kosong.")
    titles = [title for pair in zip(L.QUARTER_OBSTACLES, L.QUARTER_ACTIONS, strict=True) for title in pair]
    for offset, title in enumerate(titles):
        header(ws.cell(row=HEADER_ROW, column=first + offset), title)
        ws.column_dimensions[get_column_letter(first + offset)].width = 35
    for offset in range(len(catalogue.indicators)):
        for col in range(first, first + len(titles)):
            _editable(ws.cell(row=FIRST_ROW + offset, column=col), wrap=True)


def _budget_quarters(ws: Worksheet) -> None:
    """Optional spending from 1 January to the end of each quarter (cumulative), after the existing columns."""
    first = ws.max_column + 1
    put_text(ws.cell(row=HEADER_ROW - 1, column=first),
             "Realisasi sejak 1 Januari sampai akhir triwulan (kumulatif; boleh kosong)")
    for offset, title in enumerate(L.BUDGET_SPENT_TO_QUARTER):
        header(ws.cell(row=HEADER_ROW, column=first + offset), title)
        ws.column_dimensions[get_column_letter(first + offset)].width = 18
    money = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="Bukan rupiah", error="Isi angka rupiah, 0 atau lebih.")
    last = get_column_letter(first + len(L.BUDGET_SPENT_TO_QUARTER) - 1)
    for offset in range(L.BUDGET_ROWS):
        for col in range(first, first + len(L.BUDGET_SPENT_TO_QUARTER)):
            _editable(ws.cell(row=FIRST_ROW + offset, column=col), "#,##0")
        money.add(f"{get_column_letter(first)}{FIRST_ROW + offset}:{last}{FIRST_ROW + offset}")
    ws.add_data_validation(money)


def _narrative(ws: Worksheet, catalogue: Catalogue) -> None:
    _intro(ws, "NARASI LAPORAN KINERJA",
           "Paragraf kantor sendiri. Kosong = teks bawaan dari katalog kantor (lihat kolom C).")
    for col, title in enumerate((L.NARRATIVE_PART, L.NARRATIVE_TEXT, "Teks bawaan"), start=1):
        header(ws.cell(row=HEADER_ROW, column=col), title)
    for offset, (key, label) in enumerate(L.NARRATIVE_PARTS.items()):
        row = FIRST_ROW + offset
        put_text(ws.cell(row=row, column=1), label).border = BORDER
        _editable(ws.cell(row=row, column=2), wrap=True)
        default = put_text(ws.cell(row=row, column=3), catalogue.office.narrative_defaults.get(key, ""))
        default.alignment = WRAP
        ws.row_dimensions[row].height = 110
    for col, width in zip("ABC", (22, 80, 60), strict=True):
        ws.column_dimensions[col].width = width
    _protect(ws)


def _row_of(catalogue: Catalogue, number: int) -> int:
    return FIRST_ROW + [ind.number for ind in catalogue.indicators].index(number)


def fill_quarters(wb: Workbook, catalogue: Catalogue, values: dict[int, tuple]) -> None:
    """Quarterly realisations (indicator number -> TW I-IV, percent as 46.67), stored as Excel would."""
    ws = wb[L.SHEET_QUARTERS]
    by_number = {ind.number: ind for ind in catalogue.indicators}
    for number, quarters in values.items():
        for index, value in enumerate(quarters):
            if value is None:
                continue
            cell = ws.cell(row=_row_of(catalogue, number), column=3 + index)
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = _stored(by_number[number], value)


def _stored(ind, value) -> float | str:
    if ind.is_predicate:
        return stored(ind, Decimal(str(value)))
    return float(value) / 100 if ind.is_percent else float(value)


def fill_analysis(wb: Workbook, catalogue: Catalogue, texts: dict[int, tuple[str, str, str]]) -> None:
    ws = wb[L.SHEET_ANALYSIS]
    for number, row_texts in texts.items():
        for index, text in enumerate(row_texts):
            put_text(ws.cell(row=_row_of(catalogue, number), column=3 + index), text)


def fill_budget(wb: Workbook, lines: list[tuple]) -> None:
    """Budget lines (program, kegiatan, pagu, realisasi) from the first empty row on."""
    ws = wb[L.SHEET_BUDGET]
    for offset, line in enumerate(lines):
        for index, value in enumerate(line):
            cell = ws.cell(row=FIRST_ROW + offset, column=2 + index)
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = value


def fill_narrative(wb: Workbook, texts: dict[str, str]) -> None:
    ws = wb[L.SHEET_NARRATIVE]
    for offset, key in enumerate(L.NARRATIVE_PARTS):
        if key in texts:
            put_text(ws.cell(row=FIRST_ROW + offset, column=2), texts[key])


def _column(ws: Worksheet, title: str) -> int:
    return next(c.column for c in ws[HEADER_ROW] if c.value == title)


def fill_quarter_targets(wb: Workbook, catalogue: Catalogue, values: dict[int, tuple]) -> None:
    """Targets s.d. TW I-IV (indicator number -> four values or None, percent as 46.67), stored as Excel would."""
    ws = wb[L.SHEET_QUARTERS]
    by_number = {ind.number: ind for ind in catalogue.indicators}
    for number, targets in values.items():
        for title, value in zip(L.QUARTER_TARGETS, targets, strict=True):
            if value is None:
                continue
            cell = ws.cell(row=_row_of(catalogue, number), column=_column(ws, title))
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = _stored(by_number[number], value)


def fill_quarter_analysis(wb: Workbook, catalogue: Catalogue, texts: dict[int, dict[int, tuple[str, str]]]) -> None:
    """Faktor penghambat and upaya per quarter: indicator number -> {quarter 1-4: (penghambat, upaya)}."""
    ws = wb[L.SHEET_QUARTERS]
    for number, quarters in texts.items():
        for quarter, pair in quarters.items():
            titles = (L.QUARTER_OBSTACLES[quarter - 1], L.QUARTER_ACTIONS[quarter - 1])
            for title, text in zip(titles, pair, strict=True):
                if text:
                    put_text(ws.cell(row=_row_of(catalogue, number), column=_column(ws, title)), text)


def fill_budget_quarters(wb: Workbook, values: dict[int, tuple]) -> None:
    """Realisasi s.d. TW I-IV of budget line n (0 = the first line), None where not reported."""
    ws = wb[L.SHEET_BUDGET]
    for line, amounts in values.items():
        for title, value in zip(L.BUDGET_SPENT_TO_QUARTER, amounts, strict=True):
            if value is not None:
                _put_value(ws.cell(row=FIRST_ROW + line, column=_column(ws, title)), value)


def _put_value(cell, value) -> None:
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value
