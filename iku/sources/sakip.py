"""Sheet SAKIP: the Inspektorat's evaluation per year -> Nilai SAKIP Kecamatan ("Perhitungan Inspektorat").

Rows: the components of every evaluation scheme the period's years need (rules.SAKIP_SCHEMES: the five of
PermenPANRB 12/2015 for evaluations up to 2021, the four of PermenPANRB 88/2021 from 2022), each with its
`Komponen`, `Bobot` and `Peraturan`, then the row whose Komponen is "Nilai SAKIP" with the Inspektorat's total;
a column `Nilai <year>` per year of the period, the year the evaluation was carried out (the year of its LHE).
A year's components go in the rows of its own scheme (the template greys and locks the other scheme's cells):
values in the other scheme's rows are an error. A sheet of the previous template (no Peraturan column, one list
of components for every year) still builds: a year whose components are not those of its scheme gets a warning
naming the scheme, and only its total is used. The total is taken as the Inspektorat gives it; components filled
for a year must add up to it at two decimals. A year with components only takes their sum. The predicate follows
PermenPANRB 88/2021 (rules.sakip_predicate). Yearly: no quarters.
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
from iku.rules import (
    HUNDRED,
    SAKIP_SCHEMES,
    SakipScheme,
    predicate_rank,
    round_half_up,
    sakip_component_key,
    sakip_predicate,
    sakip_scheme,
    sakip_scheme_named,
    sakip_scheme_of,
)
from iku.sources.common import Sheet, coordinate, editable, headers, intro, years_up_to
from iku.sources.desa import Named, blank, column_filled, decimal_text
from iku.xlsx_style import BOLD, BORDER, LOCKED_FILL, WRAP, put_text

KEY = "sakip"
MEASURES = ("sakip",)
SHEETS = (L.SHEET_SAKIP,)
# How a report names this data source (never the sheet's name): in running text, and in a table cell.
REPORT_NAME = "Laporan Hasil Evaluasi SAKIP oleh Inspektorat {tahun}"
SHORT_NAME = "LHE SAKIP Inspektorat"
SCALE = "PermenPANRB 88/2021"
VALUE_FORMAT = "0.00"


@dataclass(frozen=True)
class SakipYear:
    year: int
    scheme: SakipScheme  # the evaluation scheme of the year (rules.sakip_scheme)
    components: tuple[tuple[str, Decimal, Decimal | None], ...]  # the scheme's komponen, bobot, and nilai if given
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


def schemes_of(years) -> list[SakipScheme]:
    """The evaluation schemes of these years, oldest first."""
    found: list[SakipScheme] = []
    for year in years:
        if sakip_scheme(year) not in found:
            found.append(sakip_scheme(year))
    return found


def listing(components) -> str:
    """'Perencanaan Kinerja 30, Pengukuran Kinerja 30, ...'"""
    return ", ".join(f"{name} {decimal_text(weight)}" for name, weight in components)


def _instruction(years: list[int]) -> str:
    parts = []
    for scheme in schemes_of(years):
        own = [y for y in years if sakip_scheme(y) is scheme]
        span = str(own[0]) if len(own) == 1 else f"{own[0]}-{own[-1]}"
        parts.append(f"evaluasi tahun {span} memakai {fmt.words(len(scheme.components))} komponen {scheme.regulation}")
    schemes = "; ".join(parts)
    return (f"Baris '{L.SAKIP_TOTAL}': nilai SAKIP dari Laporan Hasil Evaluasi (LHE) Inspektorat, 0-100. Kolom "
            f"'{L.SAKIP_VALUE_PREFIX} <tahun>' berisi hasil evaluasi yang dilaksanakan pada tahun itu (tahun LHE), "
            f"bukan tahun yang dievaluasi. Menurut peraturan yang berlaku, {schemes}. Nilai komponen boleh diisi di "
            "sel kuning baris komponen peraturan tahunnya (sel abu-abu milik peraturan lain), tidak melebihi "
            "bobotnya, dan harus berjumlah sama dengan nilai SAKIP. Kolom tahun yang belum ada nilainya dibiarkan "
            f"kosong: realisasinya diambil dari lembar {L.SHEET_REALISATION}.")


def add_sheets(wb, catalogue: Catalogue, report_year: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(L.SHEET_SAKIP)
    years = list(catalogue.years)
    intro(ws, "NILAI EVALUASI SAKIP (INSPEKTORAT)", _instruction(years))
    titles = [L.SAKIP_COMPONENT, L.SAKIP_WEIGHT, L.SAKIP_REGULATION] + [value_header(year) for year in years]
    headers(ws, titles, [42, 8, 21] + [12] * len(years))
    first = row = L.DATA_HEADER_ROW + 1
    for scheme in schemes_of(years):  # template-owned rows: locked (the sheet is protected, without password)
        for name, weight in scheme.components:
            put_text(ws.cell(row=row, column=1), name).alignment = WRAP
            ws.cell(row=row, column=2).value = int(weight) if weight == weight.to_integral_value() else float(weight)
            put_text(ws.cell(row=row, column=3), scheme.regulation)
            for col in (1, 2, 3):
                ws.cell(row=row, column=col).border = BORDER
            for col, year in enumerate(years, start=4):
                cell = ws.cell(row=row, column=col)
                if sakip_scheme(year) is scheme:
                    editable(cell, VALUE_FORMAT)
                else:
                    cell.fill, cell.border = LOCKED_FILL, BORDER
            row += 1
    total_row = row
    put_text(ws.cell(row=total_row, column=1), L.SAKIP_TOTAL).font = BOLD
    for col in range(4, len(titles) + 1):
        editable(ws.cell(row=total_row, column=col), VALUE_FORMAT)
        ws.cell(row=total_row, column=col).font = BOLD
    scores = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                            showErrorMessage=True, errorTitle="Nilai SAKIP", error="Nilai antara 0 dan 100")
    scores.add(f"D{first}:{get_column_letter(len(titles))}{total_row}")
    ws.add_data_validation(scores)
    ws.protection.sheet = True  # no password: it guards against slips, not people
    ws.protection.formatColumns = ws.protection.formatRows = ws.protection.insertColumns = False


@dataclass(frozen=True)
class _Component:
    row: int
    name: str
    weight: Decimal | None
    scheme: SakipScheme | None  # from the Peraturan column; None in a sheet of the previous template


def read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str]
         ) -> tuple[SakipYear, ...] | None:
    sheet = Sheet(raw.tables[L.SHEET_SAKIP], problems)
    if not sheet.find_header((L.SAKIP_COMPONENT, L.SAKIP_WEIGHT)):
        return None
    name_column, weight_column = sheet.column(L.SAKIP_COMPONENT), sheet.column(L.SAKIP_WEIGHT)
    regulation_column = sheet.column(L.SAKIP_REGULATION)  # None: the previous template, one list for all years
    columns = sheet.year_columns(L.SAKIP_VALUE_PREFIX, catalogue.years)
    total: Named | None = None
    components: list[tuple[Named, _Component]] = []
    seen: dict[tuple[str, str], int] = {}
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
        scheme = None
        if regulation_column is not None:
            scheme = _row_scheme(sheet, r, values, regulation_column, name, has_values)
            if scheme is None:
                continue
        key = (sakip_component_key(name), scheme.regulation if scheme else "")
        if key in seen:
            sheet.fail(f"komponen '{name}' tercantum dua kali (juga di {coordinate(seen[key], name_column)})",
                       r, name_column)
            continue
        seen[key] = r
        weight = sheet.decimal(r, values, weight_column, f"{L.SAKIP_WEIGHT} {name}", Decimal(0), HUNDRED,
                               required=has_values)
        expected = dict((sakip_component_key(n), w) for n, w in scheme.components) if scheme else {}
        if scheme and has_values and weight is not None and weight != expected[key[0]]:
            sheet.fail(f"{L.SAKIP_WEIGHT} {name} {decimal_text(weight)} bukan bobotnya menurut {scheme.regulation}, "
                       f"yaitu {decimal_text(expected[key[0]])}", r, weight_column)
        components.append((Named(r, values, name), _Component(r, name, weight, scheme)))
    anything = total is not None and any(not blank(sheet.raw(total.values, c)) for c in columns.values())
    anything = anything or any(not blank(sheet.raw(n.values, c)) for n, _ in components for c in columns.values())
    if not anything:
        return None
    if total is None:
        sheet.fail(f"baris '{L.SAKIP_TOTAL}' tidak ditemukan di kolom {L.SAKIP_COMPONENT}; nilai SAKIP dari "
                   f"Inspektorat ditulis di baris itu (kolom {L.SAKIP_COMPONENT} berisi persis '{L.SAKIP_TOTAL}')")
        return None
    years = []
    stale: dict[int, list[_Component]] = {}  # previous template: years whose components are another scheme's
    for year, column in sorted(columns.items()):
        found = _year(sheet, year, column, components, total, regulation_column is None, stale)
        if found is not None:
            years.append(found)
    warnings.extend(_stale_warnings(stale))
    return tuple(years) or None


def _row_scheme(sheet: Sheet, r: int, values: list[object], column: int, name: str, has_values: bool
                ) -> SakipScheme | None:
    """The scheme a component row names in its Peraturan cell, when the row is one of that scheme's components.
    Only a row holding values is a problem when it is not."""
    text = sheet.text(r, values, column, f"{L.SAKIP_REGULATION} {name}", required=has_values)
    scheme = sakip_scheme_named(text) if text else None
    if scheme is None:
        if text and has_values:
            sheet.fail(f"{L.SAKIP_REGULATION} '{text}' tidak dikenal; tulis salah satu dari "
                       f"{', '.join(s.regulation for s in SAKIP_SCHEMES)}", r, column)
        return None
    if sakip_component_key(name) not in {sakip_component_key(n) for n, _ in scheme.components}:
        if has_values:
            sheet.fail(f"komponen '{name}' bukan komponen {scheme.regulation} ({listing(scheme.components)})",
                       r, sheet.column(L.SAKIP_COMPONENT))
        return None
    return scheme


def _year(sheet: Sheet, year: int, column: int, components: list[tuple[Named, _Component]], total: Named,
          legacy: bool, stale: dict[int, list[_Component]]) -> SakipYear | None:
    """One year's column. `legacy`: a sheet of the previous template, its one list of components for every year."""
    label = value_header(year)
    scheme = sakip_scheme(year)
    wrong = [(n, c) for n, c in components if c.scheme not in (None, scheme) and not blank(sheet.raw(n.values, column))]
    if wrong:
        other = wrong[0][1].scheme
        assert other is not None
        sheet.fail(f"{label} diisi pada komponen {other.regulation} ({', '.join(c.name for _, c in wrong)}), padahal "
                   f"evaluasi {year} memakai {fmt.words(len(scheme.components))} komponen {scheme.regulation} "
                   f"({listing(scheme.components)}); isi nilainya di baris komponen {scheme.regulation} dan "
                   "kosongkan sel abu-abu", wrong[0][0].row, column)
        return None
    own = [(n, c) for n, c in components if c.scheme is None or c.scheme is scheme]
    state = column_filled(sheet, [n for n, _ in own], column, label)  # components: all of them or none
    given = sheet.decimal(total.row, total.values, column, f"{L.SAKIP_TOTAL} {year}", Decimal(0), HUNDRED)
    values: list[Decimal | None] = [None] * len(own)
    ok = state is not None
    if state:
        for i, (n, c) in enumerate(own):
            value = sheet.decimal(n.row, n.values, column, f"{label} {c.name}", Decimal(0), HUNDRED)
            if value is not None and c.weight is not None and value > c.weight:
                sheet.fail(f"{label} {c.name} {decimal_text(value)} melebihi bobotnya {decimal_text(c.weight)}",
                           n.row, column)
                value = None
            ok = ok and value is not None and c.weight is not None
            values[i] = value
        present = {sakip_component_key(c.name) for _, c in own}
        missing = [name for name, _ in scheme.components if sakip_component_key(name) not in present]
        if missing and not legacy:
            sheet.fail(f"komponen {scheme.regulation} {', '.join(missing)} tidak ada di kolom {L.SAKIP_COMPONENT}; "
                       f"{label} memerlukan {fmt.words(len(scheme.components))} komponennya "
                       f"({listing(scheme.components)})", own[-1][0].row, column)
            ok = False
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
    by_key: dict[str, Decimal | None] = {}
    weights = [(c.name, c.weight) for _, c in own if c.weight is not None]
    if state and (not legacy or sakip_scheme_of(weights) is scheme):
        by_key = {sakip_component_key(c.name): v for (_, c), v in zip(own, values, strict=True)}
    elif state:
        stale[year] = [c for _, c in own]  # the previous template's list, not this year's scheme: total only
    grade, words = sakip_predicate(score)
    parts = tuple((name, weight, by_key.get(sakip_component_key(name))) for name, weight in scheme.components)
    return SakipYear(year, scheme, parts, score, given is not None, grade, words)


def _stale_warnings(stale: dict[int, list[_Component]]) -> list[str]:
    """One warning per scheme for the years of a previous-template sheet filled with other components."""
    lines = []
    for scheme in SAKIP_SCHEMES:
        years = [year for year in sorted(stale) if sakip_scheme(year) is scheme]
        if not years:
            continue
        given = stale[years[0]]
        theirs = sakip_scheme_of([(c.name, c.weight) for c in given if c.weight is not None])
        what = f"adalah komponen {theirs.regulation}" if theirs else "bukan komponen evaluasi SAKIP menurut peraturan"
        when = ", ".join(map(str, years))
        lines.append(
            f"Lembar '{L.SHEET_SAKIP}': komponen yang diisi untuk {when} "
            f"({listing((c.name, c.weight) for c in given if c.weight is not None)}) {what}, padahal evaluasi "
            f"tahun {when} memakai {fmt.words(len(scheme.components))} komponen {scheme.regulation} "
            f"({listing(scheme.components)}). Nilai SAKIP tahun itu tetap dipakai, tetapi nilai komponennya tidak "
            f"dicantumkan di dokumen. Lembar ini dari template lama (tanpa kolom {L.SAKIP_REGULATION}); lembar "
            "SAKIP dari perintah template memuat baris komponen setiap peraturan.")
    return lines


def evaluate(years: tuple[SakipYear, ...], catalogue: Catalogue, report: ReportInput) -> SourceResult:
    wanted = set(years_up_to(catalogue.years, report.identity.report_year))
    kept = tuple(y for y in years if y.year in wanted)
    figures = []
    for y in kept:
        # The predicate scale is 88/2021's for every year; a year evaluated under another scheme says so apart.
        regulation = y.scheme.regulation
        predicate = f"predikat {y.grade}, {y.grade_words} menurut {'' if regulation == SCALE else 'skala '}{SCALE}"
        given = sum(1 for _, _, value in y.components if value is not None)
        count = f"{fmt.words(given)} komponen"
        if y.total_given:
            working = f"Nilai SAKIP {y.year} dari Inspektorat sebesar {fmt.number(y.total)} ({predicate})"
            working += (f", sama dengan jumlah nilai {count}nya menurut {regulation}." if given
                        else f"; evaluasi tahun itu dilaksanakan menurut {regulation}.")
        else:
            working = (f"Nilai SAKIP {y.year} sebesar {fmt.number(y.total)}, dijumlahkan dari nilai {count} "
                       f"menurut {regulation} karena nilai akhirnya tidak tercantum ({predicate}).")
        for ind in catalogue.measuring(MEASURES[0]):
            # an indicator whose targets are predicates takes the score's predicate (held as its rank)
            value = predicate_rank(y.grade) if ind.is_predicate else y.total
            figures.append(Figure(ind.number, y.year, value, L.SHEET_SAKIP, working))
    return SourceResult(KEY, tuple(figures), SakipEvidence(kept))
