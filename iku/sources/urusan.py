"""Sheet Urusan: per urusan pemerintahan umum and year, Ya/Tidak -> Persentase Urusan Pemerintahan Umum yang
Diselenggarakan = urusan answering Ya / urusan listed x 100.

One row per urusan (prefilled from the catalogue, UU 23/2014 Pasal 25 ayat 1; staff may add or reword rows), then
`Diselenggarakan <year>` (Ya/Tidak) per year of the period. A year column is answered for every urusan listed or
left empty (the typed figure is used). Yearly: no quarters.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from iku import formatting as fmt
from iku import layout as L
from iku.errors import Problem
from iku.model import Catalogue, Figure, ReportInput, SourceResult
from iku.read.reader import RawWorkbook
from iku.sources.common import Sheet, intro, years_up_to
from iku.sources.desa import named_rows
from iku.sources.pemberdayaan import YesNoRow, answered_years, read_yes_no, share, yes_no_template

KEY = "urusan"
MEASURES = ("urusan_umum",)
SHEETS = (L.SHEET_AFFAIRS,)
# How a report names this data source (never the sheet's name): in running text, and in a table cell.
REPORT_NAME = "Data Penyelenggaraan Urusan Pemerintahan Umum {instansi} {tahun}"
SHORT_NAME = "Data Urusan Pemerintahan Umum"
SPARE_ROWS = 10  # empty rows below the catalogue's urusan, for staff to add


@dataclass(frozen=True)
class AffairsYear:
    year: int
    run: tuple[str, ...]
    not_run: tuple[str, ...]
    value: Decimal


@dataclass(frozen=True)
class AffairsEvidence:
    years: tuple[AffairsYear, ...]

    def year(self, year: int) -> AffairsYear | None:
        return next((y for y in self.years if y.year == year), None)


def add_sheets(wb, catalogue: Catalogue, report_year: int) -> None:
    ws = wb.create_sheet(L.SHEET_AFFAIRS)
    intro(ws, "URUSAN PEMERINTAHAN UMUM YANG DISELENGGARAKAN",
          f"Satu baris per urusan pemerintahan umum (boleh ditambah atau diubah). {L.AFFAIR_PREFIX} <tahun>: "
          f"{L.YES} bila urusan itu diselenggarakan pada tahun itu, {L.NO} bila tidak; isi untuk semua urusan. Kolom "
          "tahun yang belum ada datanya dibiarkan kosong seluruhnya: realisasinya diambil dari lembar "
          f"{L.SHEET_REALISATION}.")
    yes_no_template(ws, L.AFFAIR, catalogue.data.affairs, L.AFFAIR_PREFIX, catalogue.years, None, 70, SPARE_ROWS,
                    names_editable=True)


def read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str]
         ) -> tuple[YesNoRow, ...] | None:
    sheet = Sheet(raw.tables[L.SHEET_AFFAIRS], problems)
    if not sheet.find_header((L.AFFAIR,)):
        return None
    rows = named_rows(sheet, L.AFFAIR, (), "urusan")  # staff may add urusan: no list to check against
    table = read_yes_no(sheet, rows, L.AFFAIR_PREFIX, catalogue.years)
    return table if answered_years(table, catalogue.years) else None


def evaluate(table: tuple[YesNoRow, ...], catalogue: Catalogue, report: ReportInput) -> SourceResult:
    years = []
    figures = []
    for year in answered_years(table, years_up_to(catalogue.years, report.identity.report_year)):
        run = tuple(r.name for r in table if r.answers[year])
        not_run = tuple(r.name for r in table if not r.answers[year])
        value = share(len(run), len(table))
        years.append(AffairsYear(year, run, not_run, value))
        working = (f"Menurut {REPORT_NAME.format(instansi=catalogue.office.name, tahun=year)}, {len(run)} dari "
                   f"{len(table)} urusan "
                   f"pemerintahan umum ({fmt.percent(value)}) diselenggarakan")
        working += f"; tidak diselenggarakan: {'; '.join(not_run)}." if not_run else "."
        for ind in catalogue.measuring(MEASURES[0]):
            figures.append(Figure(ind.number, year, value, L.SHEET_AFFAIRS, working))
    return SourceResult(KEY, tuple(figures), AffairsEvidence(tuple(years)))
