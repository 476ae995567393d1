"""Sheet Konflik: one row per social conflict -> Persentase Konflik yang Tertangani.

Indicator = conflicts handled / conflicts reported x 100 for the conflicts reported in the year, handled by
the cut (31 December, or the quarter's last day). A year without a conflict has no percentage: "tidak ada
konflik", no capaian. The register is taken as complete from the year of its first row on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from iku import formatting as fmt
from iku import layout as L
from iku.errors import Problem
from iku.model import Catalogue, Figure, ReportInput, SourceResult
from iku.read.reader import RawWorkbook
from iku.rules import HUNDRED
from iku.sources.common import Sheet, blank, editable, ended_quarters, headers, intro, years_up_to

KEY = "konflik"
MEASURES = ("konflik_tertangani",)
SHEETS = (L.SHEET_CONFLICTS,)
# How a report names this data source (never the sheet's name): in running text, and in a table cell.
REPORT_NAME = "Register Penanganan Konflik Sosial {instansi} {tahun}"
SHORT_NAME = "Register Konflik Sosial"
COLUMNS = (L.CONFLICT_DATE, L.CONFLICT_VILLAGE, L.CONFLICT_TEXT, L.CONFLICT_HANDLED, L.CONFLICT_HANDLED_DATE)
NO_CONFLICT = "tidak ada konflik"
EMPTY_ROWS = 50
LIST_LIMIT = 257  # Excel refuses a dropdown list longer than 255 characters (the two quotes not counted)


@dataclass(frozen=True)
class Conflict:
    row: int  # row of the sheet, for tracing
    reported: dt.date
    village: str
    text: str
    handled: bool
    handled_on: dt.date | None  # None: handled, date not written (counted from the day it was reported)

    def handled_by(self, cut: dt.date) -> bool:
        return self.handled and (self.handled_on or self.reported) <= cut


@dataclass(frozen=True)
class ConflictYear:
    year: int
    conflicts: tuple[Conflict, ...]  # reported in the year
    handled: int  # of them, handled by 31 December
    value: Decimal | None  # percent; None when no conflict

    @property
    def open(self) -> tuple[Conflict, ...]:
        end = dt.date(self.year, 12, 31)
        return tuple(c for c in self.conflicts if not c.handled_by(end))


@dataclass(frozen=True)
class ConflictEvidence:
    years: tuple[ConflictYear, ...]

    def year(self, year: int) -> ConflictYear | None:
        return next((y for y in self.years if y.year == year), None)


def add_sheets(wb, catalogue: Catalogue, report_year: int) -> None:
    ws = wb.create_sheet(L.SHEET_CONFLICTS)
    intro(ws, "REGISTER KONFLIK SOSIAL",
          f"Satu baris per konflik yang dilaporkan. {L.CONFLICT_HANDLED}: {L.YES} atau {L.NO}. Kosongkan seluruh "
          "lembar bila tidak dipakai; bila dipakai, tahun tanpa baris berarti tidak ada konflik.")
    headers(ws, list(COLUMNS), [14, 20, 60, 12, 18],
            {L.CONFLICT_HANDLED_DATE: "Tanggal konflik dinyatakan tertangani. Kosong bila belum."})
    from openpyxl.worksheet.datavalidation import DataValidation

    yes_no = DataValidation(type="list", formula1=f'"{L.YES},{L.NO}"', allow_blank=True, showErrorMessage=True)
    villages = DataValidation(type="list", formula1='"' + ",".join(catalogue.data.villages) + '"',
                              allow_blank=True, showErrorMessage=False)
    for row in range(L.DATA_HEADER_ROW + 1, L.DATA_HEADER_ROW + 1 + EMPTY_ROWS):
        for col, number_format in ((1, "DD/MM/YYYY"), (2, None), (3, None), (4, None), (5, "DD/MM/YYYY")):
            editable(ws.cell(row=row, column=col), number_format)
        yes_no.add(f"D{row}")
        if catalogue.data.villages and len(villages.formula1) <= LIST_LIMIT:
            villages.add(f"B{row}")
    ws.add_data_validation(yes_no)
    ws.add_data_validation(villages)


def read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str],
         signed: dt.date | None = None) -> tuple[Conflict, ...] | None:
    """`signed`: the report's signing date; no date of the register may lie after it (common.date_refusal)."""
    sheet = Sheet(raw.tables[L.SHEET_CONFLICTS], problems, signed)
    if not sheet.find_header(COLUMNS):
        return None
    known = {" ".join(v.split()).casefold(): v for v in catalogue.data.villages}
    conflicts = []
    for r, values in sheet.data_rows():
        reported = sheet.date(r, values, L.CONFLICT_DATE)
        village = sheet.text(r, values, sheet.column(L.CONFLICT_VILLAGE), L.CONFLICT_VILLAGE)
        text = sheet.text(r, values, sheet.column(L.CONFLICT_TEXT), L.CONFLICT_TEXT)
        handled = sheet.yes_no(r, values, sheet.column(L.CONFLICT_HANDLED), L.CONFLICT_HANDLED)
        handled_on = sheet.date(r, values, L.CONFLICT_HANDLED_DATE, required=False,
                                later=f"; bila belum tertangani pada hari itu, isi {L.CONFLICT_HANDLED} {L.NO} dan "
                                "kosongkan tanggalnya")
        if village and known and village.casefold() not in known:
            sheet.fail(f"desa '{village}' tidak dikenal; desa {catalogue.office.name}: "
                       f"{', '.join(catalogue.data.villages)}", r, sheet.column(L.CONFLICT_VILLAGE))
            continue
        if handled is False and handled_on is not None:
            sheet.fail(f"{L.CONFLICT_HANDLED} '{L.NO}' tetapi {L.CONFLICT_HANDLED_DATE} terisi; isi {L.YES} atau "
                       "kosongkan tanggalnya", r, sheet.column(L.CONFLICT_HANDLED))
            continue
        if reported and handled_on and handled_on < reported:
            sheet.fail(f"{L.CONFLICT_HANDLED_DATE} {handled_on:%d/%m/%Y} sebelum tanggal konflik "
                       f"{reported:%d/%m/%Y}", r, sheet.column(L.CONFLICT_HANDLED_DATE))
            continue
        if reported is None or handled is None or not village or not text:
            continue
        if handled_on is None and not blank(sheet.raw(values, sheet.column(L.CONFLICT_HANDLED_DATE))):
            continue  # refused: never read as handled on the day it was reported
        conflicts.append(Conflict(r, reported, known.get(village.casefold(), village), text, handled, handled_on))
    return tuple(conflicts) if conflicts else None


def _percent(conflicts: list[Conflict], cut: dt.date) -> tuple[int, Decimal | None]:
    handled = sum(1 for c in conflicts if c.handled_by(cut))
    return handled, (Decimal(handled) / len(conflicts) * HUNDRED if conflicts else None)


def evaluate(conflicts: tuple[Conflict, ...], catalogue: Catalogue, report: ReportInput) -> SourceResult:
    report_year = report.identity.report_year
    first = min(c.reported.year for c in conflicts)
    years = []
    figures = []
    indicators = catalogue.measuring(MEASURES[0])
    for year in years_up_to(catalogue.years, report_year):
        if year < first:
            continue
        of_year = sorted((c for c in conflicts if c.reported.year == year), key=lambda c: (c.reported, c.row))
        handled, value = _percent(of_year, dt.date(year, 12, 31))
        years.append(ConflictYear(year, tuple(of_year), handled, value))
        quarters: tuple[Decimal | None, ...] = ()
        if year == report_year:
            cuts = ended_quarters(year, report.identity.signing_date)
            quarters = tuple(_percent([c for c in of_year if c.reported <= cut], cut)[1] for cut in cuts)
            quarters += (None,) * (4 - len(quarters))
        register = REPORT_NAME.format(instansi=catalogue.office.name, tahun=year)
        if value is None:
            working = f"{register} tidak mencatat konflik sosial."
        else:
            working = (f"{register} mencatat {len(of_year)} konflik sosial; {handled} tertangani sampai akhir "
                       f"tahun ({fmt.percent(value)}).")
        for ind in indicators:
            figures.append(Figure(ind.number, year, value, L.SHEET_CONFLICTS, working,
                                  note=NO_CONFLICT if value is None else "", quarters=quarters))
    return SourceResult(KEY, tuple(figures), ConflictEvidence(tuple(years)))
