"""Sheet SAKIP: the Inspektorat's evaluation per year -> Nilai SAKIP Kecamatan ("Perhitungan Inspektorat").

Rows: the evaluation components (`Komponen`, `Bobot`, prefilled from the catalogue and editable: evaluations
since 2022 use the four components of PermenPANRB 88/2021), then the row whose Komponen is "Nilai SAKIP" with the
Inspektorat's total; a column `Nilai <year>` per year of the period. The total is taken as the Inspektorat gives
it; components filled for a year must add up to it at two decimals. A year with components only takes their sum.
The predicate follows PermenPANRB 88/2021 (rules.sakip_predicate). Yearly: no quarters.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openpyxl.utils import get_column_letter

from iku import formatting as fmt
from iku import layout as L
from iku.check.cells import norm
from iku.errors import Problem
from iku.model import Catalogue, Figure, ReportInput, SourceResult
from iku.read.reader import RawWorkbook
from iku.rules import HUNDRED, round_half_up, sakip_predicate
from iku.sources.common import Sheet, coordinate, editable, headers, intro, years_up_to
from iku.sources.desa import Named, blank, column_filled, decimal_text
from iku.xlsx_style import BOLD, WRAP, put_text

KEY = "sakip"
MEASURES = ("sakip",)
SHEETS = (L.SHEET_SAKIP,)
SCALE = "PermenPANRB 88/2021"
VALUE_FORMAT = "0.00"
SPARE_ROWS = 1  # empty component rows offered below the catalogue's


@dataclass(frozen=True)
class SakipYear:
    year: int
    components: tuple[tuple[str, Decimal, Decimal | None], ...]  # komponen, bobot, nilai
    total: Decimal
    total_given: bool  # False when summed from the components
    grade: str  # "BB"
    grade_words: str  # "Sangat Baik"


@dataclass(frozen=True)
class SakipEvidence:
    years: tuple[SakipYear, ...]

    def year(self, year: int) -> SakipYear | None:
        return next((y for y in self.years if y.year == year), None)


def value_header(year: int) -> str:
    return f"{L.SAKIP_VALUE_PREFIX} {year}"


def add_sheets(wb, catalogue: Catalogue, report_year: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(L.SHEET_SAKIP)
    intro(ws, "NILAI EVALUASI SAKIP (INSPEKTORAT)",
          f"Baris '{L.SAKIP_TOTAL}': nilai SAKIP dari Laporan Hasil Evaluasi Inspektorat, 0-100. Nilai komponen "
          "boleh diisi (tidak melebihi bobotnya) dan harus berjumlah sama dengan nilai SAKIP. Komponen dan bobot "
          f"boleh diganti sesuai evaluasi yang dipakai (sejak 2022 empat komponen {SCALE}). Kolom tahun yang "
          f"belum ada nilainya dibiarkan kosong: realisasinya diambil dari lembar {L.SHEET_REALISATION}.")
    years = list(catalogue.years)
    titles = [L.SAKIP_COMPONENT, L.SAKIP_WEIGHT] + [value_header(year) for year in years]
    headers(ws, titles, [45, 10] + [12] * len(years))
    first = L.DATA_HEADER_ROW + 1
    components = catalogue.data.sakip_components
    rows = [(name, weight) for name, weight in components] + [("", None)] * SPARE_ROWS
    last = L.DATA_HEADER_ROW + len(rows)
    for row, (name, weight) in enumerate(rows, start=first):
        editable(ws.cell(row=row, column=1))
        ws.cell(row=row, column=1).alignment = WRAP
        if name:
            put_text(ws.cell(row=row, column=1), name)
        weight_cell = ws.cell(row=row, column=2)
        editable(weight_cell, VALUE_FORMAT)
        if weight is not None:
            weight_cell.value = int(weight) if weight == weight.to_integral_value() else float(weight)
        for col in range(3, len(titles) + 1):
            editable(ws.cell(row=row, column=col), VALUE_FORMAT)
    total_row = last + 1
    put_text(ws.cell(row=total_row, column=1), L.SAKIP_TOTAL).font = BOLD
    for col in range(3, len(titles) + 1):
        editable(ws.cell(row=total_row, column=col), VALUE_FORMAT)
        ws.cell(row=total_row, column=col).font = BOLD
    scores = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                            showErrorMessage=True, errorTitle="Nilai SAKIP", error="Nilai antara 0 dan 100")
    scores.add(f"B{first}:{get_column_letter(len(titles))}{total_row}")
    ws.add_data_validation(scores)


@dataclass(frozen=True)
class _Component:
    row: int
    name: str
    weight: Decimal | None


def read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str]
         ) -> tuple[SakipYear, ...] | None:
    sheet = Sheet(raw.tables[L.SHEET_SAKIP], problems)
    if not sheet.find_header((L.SAKIP_COMPONENT, L.SAKIP_WEIGHT)):
        return None
    name_column, weight_column = sheet.column(L.SAKIP_COMPONENT), sheet.column(L.SAKIP_WEIGHT)
    columns = sheet.year_columns(L.SAKIP_VALUE_PREFIX, catalogue.years)
    total: Named | None = None
    components: list[tuple[Named, _Component]] = []
    seen: dict[str, int] = {}
    for r, values in sheet.data_rows():
        has_values = any(not blank(sheet.raw(values, c)) for c in columns.values())
        name = sheet.text(r, values, name_column, L.SAKIP_COMPONENT, required=has_values)
        if not name:
            continue
        if norm(name) == norm(L.SAKIP_TOTAL):
            if total is not None:
                sheet.fail(f"baris '{L.SAKIP_TOTAL}' tercantum dua kali (juga di "
                           f"{coordinate(total.row, name_column)})", r, name_column)
            else:
                total = Named(r, values, L.SAKIP_TOTAL)
            continue
        if norm(name) in seen:
            sheet.fail(f"komponen '{name}' tercantum dua kali (juga di {coordinate(seen[norm(name)], name_column)})",
                       r, name_column)
            continue
        seen[norm(name)] = r
        weight = sheet.decimal(r, values, weight_column, f"{L.SAKIP_WEIGHT} {name}", Decimal(0), HUNDRED,
                               required=has_values)
        components.append((Named(r, values, name), _Component(r, name, weight)))
    anything = total is not None and any(not blank(sheet.raw(total.values, c)) for c in columns.values())
    anything = anything or any(not blank(sheet.raw(n.values, c)) for n, _ in components for c in columns.values())
    if not anything:
        return None
    if total is None:
        sheet.fail(f"baris '{L.SAKIP_TOTAL}' tidak ditemukan di kolom {L.SAKIP_COMPONENT}; nilai SAKIP dari "
                   f"Inspektorat ditulis di baris itu (kolom {L.SAKIP_COMPONENT} berisi persis '{L.SAKIP_TOTAL}')")
        return None
    years = []
    used = False
    for year, column in sorted(columns.items()):
        found = _year(sheet, year, column, components, total)
        if found is not None:
            years.append(found)
            used = used or any(value is not None for _, _, value in found.components)
    weights = [c.weight for _, c in components if c.weight is not None]
    if used and sum(weights, Decimal(0)) != HUNDRED:
        warnings.append(f"Lembar '{L.SHEET_SAKIP}': jumlah {L.SAKIP_WEIGHT} komponen "
                        f"{decimal_text(sum(weights, Decimal(0)))}, bukan 100; periksa kolom {L.SAKIP_WEIGHT}.")
    return tuple(years) or None


def _year(sheet: Sheet, year: int, column: int, components: list[tuple[Named, _Component]], total: Named
          ) -> SakipYear | None:
    label = value_header(year)
    rows = [n for n, _ in components]
    state = column_filled(sheet, rows, column, label)  # components: all of them or none
    given = sheet.decimal(total.row, total.values, column, f"{L.SAKIP_TOTAL} {year}", Decimal(0), HUNDRED)
    values: list[Decimal | None] = [None] * len(components)
    ok = state is not None
    if state:
        for i, (n, c) in enumerate(components):
            value = sheet.decimal(n.row, n.values, column, f"{label} {c.name}", Decimal(0), HUNDRED)
            if value is not None and c.weight is not None and value > c.weight:
                sheet.fail(f"{label} {c.name} {decimal_text(value)} melebihi bobotnya {decimal_text(c.weight)}",
                           n.row, column)
                value = None
            ok = ok and value is not None and c.weight is not None
            values[i] = value
    total_blank = blank(sheet.raw(total.values, column))
    if not ok or (given is None and not total_blank) or (total_blank and not state):
        return None  # nothing this year, or a problem recorded
    summed = sum((v for v in values if v is not None), Decimal(0)) if state else None
    if given is not None and summed is not None and round_half_up(summed) != round_half_up(given):
        sheet.fail(f"{L.SAKIP_TOTAL} {year} {fmt.number(given)} tidak sama dengan jumlah nilai komponennya "
                   f"{fmt.number(summed)} (dibandingkan pada dua desimal); perbaiki nilai komponen atau nilai SAKIP "
                   "sesuai Laporan Hasil Evaluasi Inspektorat", total.row, column)
        return None
    score = given if given is not None else summed
    assert score is not None
    if score > HUNDRED:
        sheet.fail(f"jumlah nilai komponen {year} {fmt.number(score)} melebihi 100; periksa nilai dan bobot komponen",
                   total.row, column)
        return None
    grade, words = sakip_predicate(score)
    parts = tuple((c.name, c.weight, v) for (_, c), v in zip(components, values, strict=True) if c.weight is not None)
    return SakipYear(year, parts, score, given is not None, grade, words)


def evaluate(years: tuple[SakipYear, ...], catalogue: Catalogue, report: ReportInput) -> SourceResult:
    wanted = set(years_up_to(catalogue.years, report.identity.report_year))
    kept = tuple(y for y in years if y.year in wanted)
    figures = []
    for y in kept:
        predicate = f"predikat {y.grade}, {y.grade_words} menurut {SCALE}"
        count = sum(1 for _, _, value in y.components if value is not None)
        if y.total_given:
            working = f"Nilai SAKIP {y.year} dari Inspektorat sebesar {fmt.number(y.total)} ({predicate})"
            working += f", sama dengan jumlah nilai {count} komponennya." if count else "."
        else:
            working = (f"Nilai SAKIP {y.year} sebesar {fmt.number(y.total)}, dijumlahkan dari nilai {count} komponen "
                       f"di lembar {L.SHEET_SAKIP} karena baris {L.SAKIP_TOTAL} tahun itu kosong ({predicate}).")
        for ind in catalogue.measuring(MEASURES[0]):
            figures.append(Figure(ind.number, y.year, y.total, L.SHEET_SAKIP, working))
    return SourceResult(KEY, tuple(figures), SakipEvidence(kept))
