"""Sheet Pemberdayaan: per desa and year, Ya/Tidak and the activity -> Persentase Desa yang Melaksanakan
Pemberdayaan Terhadap Masyarakat = desa answering Ya / desa listed x 100.

One row per desa (prefilled from the catalogue), then per year of the period `Pemberdayaan <year>` (Ya/Tidak)
and `Kegiatan <year>` (what was done). A year column is filled for every desa or left empty (the typed figure is
used); Ya without an activity is a warning. Yearly: no quarters.

Also home of the "Ya/Tidak per year" table shared with the Urusan sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openpyxl.utils import get_column_letter

from iku import formatting as fmt
from iku import layout as L
from iku.errors import Problem
from iku.model import Catalogue, Figure, ReportInput, SourceResult
from iku.read.reader import RawWorkbook
from iku.rules import HUNDRED
from iku.sources.common import Sheet, coordinate, editable, headers, intro, years_up_to
from iku.sources.desa import Named, blank, column_filled, missing_names, named_rows
from iku.xlsx_style import WRAP, put_text

KEY = "pemberdayaan"
MEASURES = ("pemberdayaan_desa",)
SHEETS = (L.SHEET_EMPOWERMENT,)
# How a report names this data source (never the sheet's name): in running text, and in a table cell.
REPORT_NAME = "Data Pemberdayaan Masyarakat Desa {instansi} {tahun}"
SHORT_NAME = "Data Pemberdayaan Desa"
EMPTY_ROWS = 30  # rows offered when the catalogue lists no desa


@dataclass(frozen=True)
class EmpowermentYear:
    year: int
    done: tuple[tuple[str, str], ...]  # (desa, kegiatan)
    not_done: tuple[str, ...]  # desa
    value: Decimal


@dataclass(frozen=True)
class EmpowermentEvidence:
    years: tuple[EmpowermentYear, ...]

    def year(self, year: int) -> EmpowermentYear | None:
        return next((y for y in self.years if y.year == year), None)


# --- The shared "Ya/Tidak per year" table ---

@dataclass(frozen=True)
class YesNoRow:
    row: int  # row of the sheet, for tracing
    name: str
    answers: dict[int, bool]  # year -> Ya (True) or Tidak (False), for the years answered
    notes: dict[int, str]  # year -> the text beside the answer (Kegiatan), where written


def header(prefix: str, year: int) -> str:
    return f"{prefix} {year}"


def yes_no_template(ws, name_label: str, names: tuple[str, ...], prefix: str, years: range,
                    note_prefix: str | None, name_width: int, spare_rows: int, names_editable: bool) -> None:
    """Names in column A (prefilled from the catalogue), then per year a Ya/Tidak column with a dropdown and,
    with `note_prefix`, a free-text column beside it. `spare_rows` empty editable rows follow the names."""
    from openpyxl.worksheet.datavalidation import DataValidation

    titles, widths = [name_label], [name_width]
    for year in years:
        titles.append(header(prefix, year))
        widths.append(16)
        if note_prefix:
            titles.append(header(note_prefix, year))
            widths.append(40)
    headers(ws, titles, widths)
    first = L.DATA_HEADER_ROW + 1
    last = first + len(names) + spare_rows - 1
    yes_no = DataValidation(type="list", formula1=f'"{L.YES},{L.NO}"', allow_blank=True, showErrorMessage=True,
                            errorTitle=prefix, error=f"Isi {L.YES} atau {L.NO}")
    for row in range(first, last + 1):
        cell = ws.cell(row=row, column=1)
        if row - first < len(names):
            put_text(cell, names[row - first])
        if names_editable or row - first >= len(names):
            editable(cell)
        cell.alignment = WRAP
        for col in range(2, len(titles) + 1):
            editable(ws.cell(row=row, column=col))
            if note_prefix and titles[col - 1].startswith(note_prefix):
                ws.cell(row=row, column=col).alignment = WRAP
    for col, title in enumerate(titles[1:], start=2):
        if title.startswith(prefix):
            yes_no.add(f"{get_column_letter(col)}{first}:{get_column_letter(col)}{last}")
    ws.add_data_validation(yes_no)


def read_yes_no(sheet: Sheet, rows: list[Named], prefix: str, years: range, note_prefix: str | None = None
                ) -> tuple[YesNoRow, ...]:
    """Answers per row and year. A year column is answered for every row or for none; a note written beside
    an empty answer is a problem (answer first)."""
    answer_columns = sheet.year_columns(prefix, years)
    note_columns = sheet.year_columns(note_prefix, years) if note_prefix else {}
    answers: dict[int, dict[int, bool]] = {n.row: {} for n in rows}
    notes: dict[int, dict[int, str]] = {n.row: {} for n in rows}
    for year, column in sorted(answer_columns.items()):
        label = header(prefix, year)
        if not column_filled(sheet, rows, column, label):
            continue
        for n in rows:
            answer = sheet.yes_no(n.row, n.values, column, label)
            if answer is not None:
                answers[n.row][year] = answer
    for year, column in sorted(note_columns.items()):
        label = header(note_prefix or "", year)
        for n in rows:
            text = sheet.text(n.row, n.values, column, label, required=False)
            if not text:
                continue
            notes[n.row][year] = text
            answer_column = answer_columns.get(year)
            if answer_column is None:
                sheet.fail(f"{label} terisi, tetapi kolom {header(prefix, year)} tidak ada", n.row, column)
            elif blank(sheet.raw(n.values, answer_column)) and not any(
                    not blank(sheet.raw(other.values, answer_column)) for other in rows):
                # a partly answered column has its own problems at the empty cells
                sheet.fail(f"{header(prefix, year)} kosong, padahal {label} terisi; isi {L.YES} atau {L.NO} untuk "
                           "semua baris tahun itu", n.row, answer_column)
    return tuple(YesNoRow(n.row, n.name, answers[n.row], notes[n.row]) for n in rows)


def answered_years(rows: tuple[YesNoRow, ...], years) -> list[int]:
    """The years every row answered (after reading, a year is answered by all rows or by none)."""
    return [year for year in years if rows and all(year in r.answers for r in rows)]


def share(yes: int, total: int) -> Decimal:
    return Decimal(yes) / total * HUNDRED


# --- The Pemberdayaan sheet ---

def add_sheets(wb, catalogue: Catalogue, report_year: int) -> None:
    ws = wb.create_sheet(L.SHEET_EMPOWERMENT)
    intro(ws, "PEMBERDAYAAN MASYARAKAT PER DESA",
          f"Satu baris per desa. {L.EMPOWERMENT_PREFIX} <tahun>: {L.YES} bila desa melaksanakan pemberdayaan "
          f"terhadap masyarakat pada tahun itu, {L.NO} bila tidak; {L.EMPOWERMENT_ACTIVITY_PREFIX} <tahun>: "
          "kegiatannya (data dukung). Kolom tahun yang belum ada datanya dibiarkan kosong seluruhnya: realisasinya "
          f"diambil dari lembar {L.SHEET_REALISATION}.")
    villages = catalogue.data.villages
    yes_no_template(ws, L.VILLAGE, villages, L.EMPOWERMENT_PREFIX, catalogue.years, L.EMPOWERMENT_ACTIVITY_PREFIX,
                    22, 0 if villages else EMPTY_ROWS, names_editable=False)


def read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str]
         ) -> tuple[YesNoRow, ...] | None:
    sheet = Sheet(raw.tables[L.SHEET_EMPOWERMENT], problems)
    if not sheet.find_header((L.VILLAGE,)):
        return None
    rows = named_rows(sheet, L.VILLAGE, catalogue.data.villages, "desa")
    table = read_yes_no(sheet, rows, L.EMPOWERMENT_PREFIX, catalogue.years, L.EMPOWERMENT_ACTIVITY_PREFIX)
    years = answered_years(table, catalogue.years)
    if not years:
        return None
    missing_names(sheet, rows, catalogue.data.villages, L.VILLAGE, "desa")
    activity_columns = sheet.year_columns(L.EMPOWERMENT_ACTIVITY_PREFIX, catalogue.years)
    for year in years:
        lacking = [r for r in table if r.answers[year] and year not in r.notes]
        if not lacking:
            continue
        column = activity_columns.get(year)
        cells = (" (" + ", ".join(coordinate(r.row, column) for r in lacking) + ")") if column else ""
        warnings.append(f"Lembar '{L.SHEET_EMPOWERMENT}': {header(L.EMPOWERMENT_ACTIVITY_PREFIX, year)} kosong untuk "
                        f"{len(lacking)} desa yang menjawab {L.YES}{cells}: {', '.join(r.name for r in lacking)}. "
                        "Tuliskan kegiatannya sebagai data dukung.")
    return table


def evaluate(table: tuple[YesNoRow, ...], catalogue: Catalogue, report: ReportInput) -> SourceResult:
    years = []
    figures = []
    for year in answered_years(table, years_up_to(catalogue.years, report.identity.report_year)):
        done = tuple((r.name, r.notes.get(year, "")) for r in table if r.answers[year])
        not_done = tuple(r.name for r in table if not r.answers[year])
        value = share(len(done), len(table))
        years.append(EmpowermentYear(year, done, not_done, value))
        working = (f"Menurut {REPORT_NAME.format(instansi=catalogue.office.name, tahun=year)}, {len(done)} dari "
                   f"{len(table)} desa "
                   f"({fmt.percent(value)}) melaksanakan pemberdayaan terhadap masyarakat")
        working += f"; belum melaksanakan: {', '.join(not_done)}." if not_done else "."
        for ind in catalogue.measuring(MEASURES[0]):
            figures.append(Figure(ind.number, year, value, L.SHEET_EMPOWERMENT, working))
    return SourceResult(KEY, tuple(figures), EmpowermentEvidence(tuple(years)))
