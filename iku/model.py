"""Typed values that travel along the pipeline: catalogue, report input, results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

LEVELS = ("tujuan", "sasaran", "program")
# Units of an indicator (catalogue `satuan`), as real IKU documents write them: `%` is "persen", an index "indeks"
# (read like "nilai"), counts are whole numbers printed with their unit ("3 desa", "12 orang"), and "predikat" holds
# the letters AA-D of PermenPANRB 88/2021 (rules.PREDICATE_LETTERS).
UNITS = ("persen", "nilai", "indeks", "desa", "orang", "dokumen", "predikat")
COUNT_UNITS = ("desa", "orang", "dokumen")
PREDICATE_UNIT = "predikat"


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
    # year -> target; None = not set. For a predicate indicator (is_predicate) every target, the kondisi akhir and
    # every realisation is the predicate's rank (rules.predicate_rank: D = 1 ... AA = 7), printed as its letter.
    targets: dict[int, Decimal | None]
    end_target: Decimal | None  # kondisi akhir
    level: str | None = None  # one of LEVELS; None for indicators outside the IKU tables
    objective: str = ""  # the tujuan / sasaran / program text
    definition: str = ""
    formula: str = ""
    formula_fraction: tuple[str, str, str] | None = None  # numerator, denominator, multiplier
    rollup: str = "terakhir"  # how quarters make the year: "terakhir", "jumlah" or "rata-rata"
    standard: Decimal | None = None  # national or provincial standard, where one exists
    standard_source: str = ""
    source: str = ""  # what a data sheet measures for it (key of iku.sources.MEASURES); "" = typed only
    # Targets the IKU document leaves open and staff typed on the Realisasi sheet (from their Renstra): used like
    # the catalogue's, named as such in the documents, never printed in the IKU document itself.
    workbook_targets: frozenset[int] = frozenset()
    workbook_end_target: bool = False
    # The name of the indicator of the previous Renstra period this one continues (catalogue `lanjutan`), when
    # the name changed; an indicator of the same name continues without it (`template --from`).
    continues: str = ""
    # What the IKU document adds (office import): its Sumber Data and Penanggung Jawab columns, the kondisi awal
    # (baseline, never a target) and its year, the tujuan/sasaran a row stands under ((level, text), widest first),
    # and the catalogue keys staff have yet to confirm against the document (`periksa`).
    data_origin: str = ""
    responsible: str = ""
    baseline: Decimal | None = None
    baseline_year: int | None = None
    above: tuple[tuple[str, str], ...] = ()
    unconfirmed: tuple[str, ...] = ()

    def iku_target(self, year: int) -> Decimal | None:
        """The target as the IKU document sets it (None where only the workbook gives one)."""
        return None if year in self.workbook_targets else self.targets.get(year)

    @property
    def iku_end_target(self) -> Decimal | None:
        return None if self.workbook_end_target else self.end_target

    @property
    def is_percent(self) -> bool:
        return self.unit == "persen"

    @property
    def is_count(self) -> bool:
        return self.unit in COUNT_UNITS

    @property
    def is_predicate(self) -> bool:
        return self.unit == PREDICATE_UNIT


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
    letter_copies: tuple[str, ...] = ()  # tembusan of the cover letter to the superior
    regency_seat: str = ""  # ibu kota kabupaten: where the PK is signed with the Bupati
    iku_date: dt.date | None = None  # the date the IKU document was set; None = a dotted line to write it on
    legal_basis: tuple[str, ...] = ()  # dasar hukum of the LKjIP (Bab I), regulations as their titles read
    # misspelt word in the IKU document -> its spelling (KBBI): kept inside the quoted IKU text, corrected in
    # every sentence and table the tool writes itself
    spelling: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DataSettings:
    """What the data sheets need to know about an office (catalogue table [data])."""

    villages: tuple[str, ...] = ()  # the desa of the kecamatan, in the order the workbook lists them
    village_base_year: int | None = None  # kondisi awal of the Renstra: Desa Naik Kelas compares with it
    skm_weight: str = "1/9"  # "1/9" (PermenPANRB 14/2017) or "0,111" (the rounded weight many kabupaten use)
    skm_scale: str = "14/2017"  # mutu bands: "14/2017" or "16/2014"
    affairs: tuple[str, ...] = ()  # urusan pemerintahan umum run by the kecamatan


@dataclass(frozen=True)
class Catalogue:
    office: Office
    indicators: tuple[Indicator, ...]
    source: Path
    data: DataSettings = field(default_factory=DataSettings)
    # Years before the period that a workbook carries as history (realisations of indicators this period
    # continues, brought by `template --from`); never part of the catalogue file itself.
    history: tuple[int, ...] = ()

    @property
    def years(self) -> range:
        return range(self.office.first_year, self.office.last_year + 1)

    @property
    def measured_years(self) -> tuple[int, ...]:
        """The history, then the period: every year a workbook can hold a realisation for."""
        return (*self.history, *self.years)

    def measuring(self, measure: str) -> list[Indicator]:
        """The indicators whose realisation a data sheet computes as `measure`."""
        return [ind for ind in self.indicators if ind.source == measure]


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
    pk_place: str = ""  # where the PK is signed; "" = the office's signing place
    quarter_dates: tuple[dt.date | None, ...] = ()  # date of each quarterly report (TW I-IV); None = default
    superior_name: str = ""  # the Bupati's name (Identitas); "" = the catalogue's, or a line to write on


@dataclass(frozen=True)
class Analysis:
    """The staff's own words on one indicator (sheet Analisis); empty strings when not given."""

    support: str = ""  # faktor pendukung
    obstacle: str = ""  # faktor penghambat
    action: str = ""  # upaya / rencana tindak lanjut


@dataclass(frozen=True)
class FollowUp:
    """One recommendation of the previous year's evaluation (LHE SAKIP) and what the office did (Tindak Lanjut)."""

    recommendation: str
    action: str  # "" when nothing has been done yet
    status: str  # one of layout.FOLLOW_UP_STATUSES
    evidence: str = ""  # bukti: a document, decree or link; "" when not given


@dataclass(frozen=True)
class BudgetLine:
    program: str
    activity: str
    ceiling: Decimal  # pagu
    spent: Decimal  # realisasi
    spent_to_quarter: tuple[Decimal | None, ...] = ()  # realisasi s.d. TW I-IV, where the Anggaran sheet gives it
    supports: tuple[int, ...] = ()  # indicators the kegiatan serves (column "Sasaran / Indikator Didukung")


@dataclass(frozen=True)
class Figure:
    """A realisation computed from a data sheet, with its working in one Indonesian sentence."""

    indicator: int
    year: int
    value: Decimal | None  # None: the data show there is nothing to measure (see note)
    sheet: str  # the data sheet it comes from
    working: str  # e.g. "IKM 2025 sebesar 84,37, mutu B (Baik), dari 412 responden; ..."
    note: str = ""  # why there is no value, e.g. "tidak ada konflik"
    quarters: tuple[Decimal | None, ...] = ()  # year to date at each quarter's end, where the data are dated


@dataclass(frozen=True)
class SourceResult:
    """What one data sheet (or pair of sheets) says: figures per indicator and year, and the working
    that the documents show (a dataclass of the source module)."""

    key: str
    figures: tuple[Figure, ...]
    detail: object


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
    cells: dict[int, dict[int, str]] = field(default_factory=dict)  # indicator -> year -> Realisasi cell
    quarter_cells: dict[int, tuple[str, ...]] = field(default_factory=dict)  # indicator -> Triwulan cells
    data: dict[str, object] = field(default_factory=dict)  # data sheet rows, validated: source key -> rows
    population: int | None = None  # service users of the year (Identitas), for the SKM sample size
    quarter_targets: dict[int, tuple[Decimal | None, ...]] = field(default_factory=dict)  # target s.d. TW I-IV
    # what staff wrote for each quarter (Triwulan): indicator -> TW I-IV, None where a quarter is left empty
    quarter_analysis: dict[int, tuple[Analysis | None, ...]] = field(default_factory=dict)
    organisation: object = None  # iku.check.organisation.Organisation: Struktur, Pegawai, Sarana (LKjIP Bab I)
    follow_up: tuple[FollowUp, ...] = ()  # sheet Tindak Lanjut (LKjIP Bab III C); () when missing or empty


@dataclass(frozen=True)
class Achievement:
    indicator: Indicator
    year: int
    target: Decimal | None
    realisation: Decimal | None
    capaian: Decimal | None  # percent, full precision; always None for a predicate target (see attained)
    predicate: str | None  # label from the catalogue
    band: str | None  # key of the predicate band in rules.PREDICATE_BANDS
    note: str  # why there is no capaian, empty when there is one (rules.NOTE_PREDICATE for a judged predicate)
    source: str = ""  # the sheet the realisation comes from ("SKM", "Realisasi", "Triwulan"); "" when none
    source_cell: str = ""  # the cell, when it was typed
    computed: bool = False  # True when computed from a data sheet
    attained: bool | None = None  # a predicate target: met (tercapai) or not; None for numbers or when unjudged

    @property
    def judged(self) -> bool:
        """A capaian in percent, or a predicate target judged met or not met."""
        return self.capaian is not None or self.attained is not None


@dataclass(frozen=True)
class Results:
    catalogue: Catalogue
    report: ReportInput
    achievements: dict[int, tuple[Achievement, ...]]  # indicator number -> one per year
    warnings: tuple[str, ...] = field(default=())
    evidence: dict[str, SourceResult] = field(default_factory=dict)  # source key -> its working

    def figure(self, number: int, year: int) -> Figure | None:
        for result in self.evidence.values():
            for f in result.figures:
                if f.indicator == number and f.year == year:
                    return f
        return None

    @property
    def report_year(self) -> int:
        return self.report.identity.report_year

    def for_year(self, year: int) -> list[Achievement]:
        return [a for rows in self.achievements.values() for a in rows if a.year == year]
