"""The data sheets behind the realisations: one module per source, each with its rows and its formula.

Every source module has the same small interface:

- KEY: its name; MEASURES: what it can compute (an indicator's `sumber_data` in the office catalogue);
  SHEETS: the sheet names it reads (a contract: colleagues fill them).
- add_sheets(wb, catalogue, report_year): write its empty sheets into the standard workbook.
- read(raw, catalogue, problems, warnings) -> rows or None: validate its sheets (None when they hold no data).
  A source whose sheets hold dates (DATED) also takes `signed`, the report's signing date: one rule for every
  date (common.date_refusal) refuses a date before 2000 or after it.
- evaluate(rows, catalogue, report) -> SourceResult: figures per indicator and year, with the working.
- REPORT_NAME, SHORT_NAME: how a report names the data ("Hasil Survei Kepuasan Masyarakat 2025"); the
  documents never print a sheet name or a cell, which belong in the measurement workbook.
"""

from __future__ import annotations

import datetime as dt

from iku import layout as L
from iku.errors import Problem
from iku.model import Catalogue, ReportInput, SourceResult
from iku.read.reader import RawWorkbook
from iku.sources import desa, konflik, pelayanan, pemberdayaan, sakip, skm, urusan

SOURCES = (skm, desa, sakip, pelayanan, pemberdayaan, konflik, urusan)
DATED = (skm, pelayanan, konflik)  # their read takes the signing date
MEASURES = tuple(measure for source in SOURCES for measure in source.MEASURES)
# Realisations staff type rather than compute: what the office itself reports.
TYPED_NAMES = {L.SHEET_REALISATION: ("data realisasi yang dilaporkan {instansi}", "Data instansi"),
               L.SHEET_QUARTERS: ("data realisasi triwulan yang dilaporkan {instansi}", "Data triwulan instansi")}


def report_name(sheet: str, office: str, years: str = "") -> str:
    """The data behind a realisation as a report names it: 'Register Pelayanan Kecamatan Mantup 2025'."""
    if sheet in TYPED_NAMES:
        return TYPED_NAMES[sheet][0].format(instansi=office)
    source = next((s for s in SOURCES if sheet in s.SHEETS), None)
    if source is None:
        return ""
    name = source.REPORT_NAME.format(instansi=office, tahun=years)
    return " ".join(name.replace("()", "").split())


def short_name(sheet: str) -> str:
    """The same in a table cell: 'Survei Kepuasan Masyarakat', 'Data instansi'."""
    if sheet in TYPED_NAMES:
        return TYPED_NAMES[sheet][1]
    return next((s.SHORT_NAME for s in SOURCES if sheet in s.SHEETS), "")


def _used(source, catalogue: Catalogue) -> bool:
    return any(catalogue.measuring(measure) for measure in source.MEASURES)


def add_sheets(wb, catalogue: Catalogue, report_year: int) -> None:
    for source in SOURCES:
        if _used(source, catalogue):
            source.add_sheets(wb, catalogue, report_year)


def read_all(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str],
             signed: dt.date | None = None) -> dict:
    """Validated rows of every data sheet that holds data: source key -> rows. `signed`: the report's signing
    date (Identitas), the last day a register may record."""
    found = {}
    for source in SOURCES:
        if not _used(source, catalogue) or not any(sheet in raw.tables for sheet in source.SHEETS):
            continue
        rows = source.read(raw, catalogue, problems, warnings, **({"signed": signed} if source in DATED else {}))
        if rows is not None:
            found[source.KEY] = rows
    return found


def evaluate_all(catalogue: Catalogue, report: ReportInput) -> dict[str, SourceResult]:
    return {source.KEY: source.evaluate(report.data[source.KEY], catalogue, report)
            for source in SOURCES if source.KEY in report.data}


def warnings_all(evidence: dict[str, SourceResult], catalogue: Catalogue, report: ReportInput) -> list[str]:
    """Warnings a source gives only once it has computed (e.g. fewer SKM respondents than the sample needs)."""
    lines = []
    for source in SOURCES:
        check = getattr(source, "warnings", None)
        if source.KEY in evidence and check is not None:
            lines += check(evidence[source.KEY].detail, catalogue, report)
    return lines
