"""Typed values that travel along the pipeline: catalogue, report input, results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

LEVELS = ("tujuan", "sasaran", "program")
UNITS = ("nilai", "desa", "persen")


@dataclass(frozen=True)
class Signatory:
    name: str
    position: str  # jabatan, e.g. "Camat Mantup"
    rank: str  # pangkat
    nip: str


@dataclass(frozen=True)
class Function:
    number: str
    text: str
    parent: str | None = None  # "11" for the sub-items 11a and 11b


@dataclass(frozen=True)
class Indicator:
    number: int
    name: str
    unit: str  # one of UNITS
    higher_is_better: bool
    lower_formula: str  # "selisih" or "rasio"; used only when not higher_is_better
    value_range: tuple[Decimal, Decimal]
    targets: dict[int, Decimal | None]  # year -> target; None = not set
    end_target: Decimal | None  # kondisi akhir
    level: str | None = None  # one of LEVELS; None for indicators outside the IKU tables
    objective: str = ""  # the tujuan / sasaran / program text
    definition: str = ""
    formula: str = ""
    formula_fraction: tuple[str, str, str] | None = None  # numerator, denominator, multiplier
    rollup: str = "terakhir"  # how quarters make the year: "terakhir", "jumlah" or "rata-rata"
    standard: Decimal | None = None  # national or provincial standard, where one exists
    standard_source: str = ""

    @property
    def is_percent(self) -> bool:
        return self.unit == "persen"

    @property
    def is_count(self) -> bool:
        return self.unit == "desa"


@dataclass(frozen=True)
class Office:
    code: str
    name: str
    regency: str
    government: str
    superior: str  # jabatan of the second party of the PK, e.g. "Bupati Lamongan"
    superior_name: str  # empty when the catalogue does not give it: the PK leaves a line to write on
    address: str
    contact: str
    signing_place: str
    first_year: int
    last_year: int
    paper: str
    village_count: int
    task: str
    functions: tuple[Function, ...]
    signatory: Signatory
    predicate_labels: dict[str, str]
    narrative_defaults: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Catalogue:
    office: Office
    indicators: tuple[Indicator, ...]
    source: Path

    @property
    def years(self) -> range:
        return range(self.office.first_year, self.office.last_year + 1)


@dataclass(frozen=True)
class Identity:
    """The Identitas sheet, after validation."""

    office_name: str
    report_year: int
    signatory: Signatory
    signing_place: str
    signing_date: dt.date
    is_sample: bool
    pk_date: dt.date | None = None  # signing date of the Perjanjian Kinerja; None = written by hand


@dataclass(frozen=True)
class Analysis:
    """The staff's own words on one indicator (sheet Analisis); empty strings when not given."""

    support: str = ""  # faktor pendukung
    obstacle: str = ""  # faktor penghambat
    action: str = ""  # upaya / rencana tindak lanjut


@dataclass(frozen=True)
class BudgetLine:
    program: str
    activity: str
    ceiling: Decimal  # pagu
    spent: Decimal  # realisasi


@dataclass(frozen=True)
class ReportInput:
    """Everything a validated workbook says."""

    source: Path
    identity: Identity
    realisations: dict[int, dict[int, Decimal | None]]  # indicator number -> year -> value
    quarters: dict[int, tuple[Decimal | None, ...]] = field(default_factory=dict)  # report year, TW I-IV
    analysis: dict[int, Analysis] = field(default_factory=dict)
    budget: tuple[BudgetLine, ...] = ()
    narrative: dict[str, str] = field(default_factory=dict)  # key of layout.NARRATIVE_PARTS -> text


@dataclass(frozen=True)
class Achievement:
    indicator: Indicator
    year: int
    target: Decimal | None
    realisation: Decimal | None
    capaian: Decimal | None  # percent, full precision
    predicate: str | None  # label from the catalogue
    band: str | None  # key of the predicate band in rules.PREDICATE_BANDS
    note: str  # why there is no capaian, empty when there is one


@dataclass(frozen=True)
class Results:
    catalogue: Catalogue
    report: ReportInput
    achievements: dict[int, tuple[Achievement, ...]]  # indicator number -> one per year
    warnings: tuple[str, ...] = field(default=())

    @property
    def report_year(self) -> int:
        return self.report.identity.report_year

    def for_year(self, year: int) -> list[Achievement]:
        return [a for rows in self.achievements.values() for a in rows if a.year == year]
