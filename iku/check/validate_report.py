"""Validate the sheets behind the LKjIP and PK: Triwulan, Analisis, Anggaran, Narasi.

They are optional: a workbook made before they existed still builds, with a warning.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from iku import layout as L
from iku.check import validate_lkjip, validate_quarterly
from iku.check.cells import (
    NotANumber,
    columns_by_title,
    find_header,
    indicator_rows,
    norm,
    number_value,
    parse_number,
    text_cell,
)
from iku.errors import Problem
from iku.model import Analysis, BudgetLine, Catalogue
from iku.read.cell_values import ascii_int
from iku.read.reader import RawCell, RawWorkbook


def report_sheets(
    raw: RawWorkbook, catalogue: Catalogue, year: int, problems: list[Problem], warnings: list[str]
) -> dict:
    """Keyword arguments for ReportInput: quarters, analysis, budget, narrative."""
    found: dict = {}
    readers = {
        L.SHEET_QUARTERS: ("quarters", _quarters),
        L.SHEET_ANALYSIS: ("analysis", _analysis),
        L.SHEET_BUDGET: ("budget", _budget),
        L.SHEET_NARRATIVE: ("narrative", _narrative),
    }
    for sheet, (key, read) in readers.items():
        if sheet not in raw.sheets:
            warnings.append(f"Lembar '{sheet}' tidak ada; bagiannya di LKjIP/PK ditulis tanpa isian kantor. "
                            "Buku kerja standar terbaru: python generate.py template PATH")
            continue
        found[key] = read(raw, catalogue, problems)
        extra = {}
        if key == "quarters":
            found["quarters"], found["quarter_cells"] = found["quarters"]
            extra = {"quarter_targets": validate_quarterly.quarter_targets(raw, catalogue, year, problems),
                     "quarter_analysis": validate_quarterly.quarter_analysis(raw, catalogue, problems)}
            found.update(extra)
        if sheet != L.SHEET_NARRATIVE and (_has_data(found[key]) or any(extra.values())):
            _check_year(raw, sheet, year, problems)
    return found


def _has_data(found) -> bool:
    if isinstance(found, dict):
        return any(any(v is not None for v in value) if isinstance(value, tuple) else bool(value)
                   for value in found.values())
    return bool(found)


def _check_year(raw: RawWorkbook, sheet: str, year: int, problems: list[Problem]) -> None:
    """Figures of another year must never end up in this year's report."""
    label = raw.cell(sheet, 3, 1)
    cell = raw.cell(sheet, 3, 2)
    if label is None or norm(label.value) != norm(L.YEAR_LABEL) or cell is None:
        problems.append(Problem(f"baris '{L.YEAR_LABEL}' (sel {L.YEAR_LABEL_CELL}-{L.YEAR_VALUE_CELL}) tidak ada; "
                                "isi tahun data lembar ini", sheet=sheet, cell=L.YEAR_VALUE_CELL))
        return
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and ascii_int(value) is not None:
        value = ascii_int(value)
    if value != year:
        problems.append(Problem(
            f"isian lembar ini untuk tahun {cell.value if cell.value is not None else '(kosong)'}, sedangkan "
            f"tahun laporan {year}. Ganti tahunnya bila isiannya memang untuk {year}, atau kosongkan lembar ini.",
            sheet=sheet, cell=cell.coordinate,
        ))


def _cell(row: list[RawCell], column: int) -> RawCell | None:
    return row[column - 1] if len(row) >= column else None


def text_value(cell: RawCell | None, problems: list[Problem]) -> str:
    """Free text: kept as written (the documents escape it), never evaluated."""
    return text_cell(cell, problems, L.TEXT_LIMIT)


def _indicator_table(
    raw: RawWorkbook, sheet: str, titles: tuple[str, ...], catalogue: Catalogue, problems: list[Problem]
) -> tuple[dict[str, int], dict[int, list[RawCell]]]:
    """Columns by title and rows by indicator number of a sheet laid out like Realisasi."""
    header = find_header(raw, sheet, problems)
    if header is None:
        return {}, {}
    return columns_by_title(header, titles, sheet, problems), indicator_rows(raw, sheet, header, catalogue, problems)


def _quarters(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem]) -> tuple[dict, dict]:
    """Values (indicator -> TW I-IV) and the cells they come from (for messages)."""
    columns, rows = _indicator_table(raw, L.SHEET_QUARTERS, L.QUARTERS, catalogue, problems)
    if not rows:
        return {}, {}
    result, cells = {}, {}
    for ind in catalogue.indicators:
        row = rows.get(ind.number, [])
        values, coordinates = [], []
        for title in L.QUARTERS:
            cell = _cell(row, columns[title]) if title in columns else None
            values.append(number_value(cell, ind, problems) if cell else None)
            coordinates.append(cell.coordinate if cell else "")
        result[ind.number] = tuple(values)
        cells[ind.number] = tuple(coordinates)
    return result, cells


def _analysis(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem]) -> dict[int, Analysis]:
    columns, rows = _indicator_table(raw, L.SHEET_ANALYSIS, L.ANALYSIS_COLUMNS, catalogue, problems)
    result = {}
    for number, row in rows.items():
        texts = [text_value(_cell(row, columns[t]), problems) if t in columns else "" for t in L.ANALYSIS_COLUMNS]
        if any(texts):
            result[number] = Analysis(*texts)
    return result


def _money(cell: RawCell | None, label: str, problems: list[Problem]) -> Decimal | None:
    if cell is None:
        return None
    if isinstance(cell.value, str) and cell.value.strip().lower().startswith("rp"):
        cell = replace(cell, value=cell.value.strip()[2:].strip().lstrip("."))  # "Rp 45.000.000"
    try:
        value = parse_number(cell, percent=False, example="45.000.000")
    except NotANumber as exc:
        problems.append(Problem(f"{label} {exc}", sheet=cell.sheet, cell=cell.coordinate))
        return None
    if value is not None and value < 0:
        problems.append(Problem(f"{label} tidak boleh negatif", sheet=cell.sheet, cell=cell.coordinate))
        return None
    if value is not None and value >= L.MONEY_LIMIT:
        problems.append(Problem(f"{label} terlalu besar untuk anggaran kecamatan; periksa jumlah digitnya",
                                sheet=cell.sheet, cell=cell.coordinate))
        return None
    return value


def _budget(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem]) -> tuple[BudgetLine, ...]:
    sheet = L.SHEET_BUDGET
    titles = (L.BUDGET_PROGRAM, L.BUDGET_ACTIVITY, L.BUDGET_CEILING, L.BUDGET_SPENT)
    rows = raw.sheets[sheet][: L.HEADER_SEARCH_ROWS]
    header = next((r for r in rows if any(norm(c.value) == norm(L.BUDGET_PROGRAM) for c in r)), None)
    if header is None:
        problems.append(Problem(f"judul kolom '{L.BUDGET_PROGRAM}' tidak ditemukan", sheet=sheet))
        return ()
    columns = columns_by_title(header, titles, sheet, problems)
    if len(columns) < len(titles):
        return ()
    lines = []
    for row in raw.sheets[sheet][header[0].row:]:
        cells = [_cell(row, columns[t]) for t in titles]
        if all(c is None or c.value is None or not str(c.value).strip() for c in cells):
            continue
        program, activity = (text_value(c, problems) for c in cells[:2])
        ceiling = _money(cells[2], "pagu", problems)
        spent = _money(cells[3], "realisasi anggaran", problems)
        for value, cell, label in ((program, cells[0], "program"), (activity, cells[1], "kegiatan")):
            if not value and cell is not None:
                problems.append(Problem(f"nama {label} kosong pada baris anggaran yang terisi",
                                        sheet=sheet, cell=cell.coordinate))
        for value, cell, label in ((ceiling, cells[2], "pagu"), (spent, cells[3], "realisasi anggaran")):
            if value is None and cell is not None and (cell.value is None or not str(cell.value).strip()):
                problems.append(Problem(f"{label} kosong; isi 0 bila memang tidak ada",
                                        sheet=sheet, cell=cell.coordinate))
        if ceiling is not None and spent is not None and spent > ceiling:
            problems.append(Problem("realisasi anggaran melebihi pagu", sheet=sheet, cell=cells[3].coordinate))
            continue
        if program and activity and ceiling is not None and spent is not None:
            lines.append(BudgetLine(program, activity, ceiling, spent,
                                    validate_quarterly.spent_to_quarter(header, row, ceiling, _money, problems),
                                    validate_lkjip.supports(header, row, catalogue, problems)))
    return tuple(lines)


def _narrative(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem]) -> dict[str, str]:
    sheet = L.SHEET_NARRATIVE
    labels = {norm(label): key for key, label in L.NARRATIVE_PARTS.items()}
    result = {}
    seen: dict[str, str] = {}
    below_header = False
    for row in raw.sheets[sheet]:
        label = norm(row[0].value) if row else ""
        if label == norm(L.NARRATIVE_PART):
            below_header = True
            continue
        key = labels.get(label)
        if below_header and label and key is None:
            problems.append(Problem(
                f"bagian '{row[0].value}' tidak dikenal (labelnya diubah?); isiannya tidak akan dipakai. "
                f"Bagian yang berlaku: {', '.join(L.NARRATIVE_PARTS.values())}",
                sheet=sheet, cell=row[0].coordinate))
        if key is None:
            continue
        if key in seen:
            problems.append(Problem(f"bagian '{row[0].value}' tercantum dua kali (juga di {seen[key]})",
                                    sheet=sheet, cell=row[0].coordinate))
            continue
        seen[key] = row[0].coordinate
        text = text_value(_cell(row, 2), problems)
        if text:
            result[key] = text
    return result
