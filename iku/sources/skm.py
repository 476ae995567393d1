"""Sheet SKM: one row per respondent of the Survei Kepuasan Masyarakat -> Nilai IKM (PermenPANRB 14/2017).

Each respondent answers the nine unsur U1-U9 from 1 (tidak baik) to 4 (sangat baik). For a year and an
indicator: NRR of an unsur = sum of its answers / number of answers (an unsur left blank by a respondent is
left out of that unsur's mean only); nilai interval = sum of NRR x bobot (1/9, or the rounded 0,111 the
catalogue may choose); IKM = nilai interval x 25; mutu pelayanan from the catalogue's scale. A quarter's IKM
counts the responses from 1 January up to the quarter's last day.

The sheet may hold tens of thousands of rows: the common cells (a date, a known indicator number, answers 1-4
stored as numbers) are converted column by column with maps; only a row holding anything else (text, a blank,
a slip) is read cell by cell with the Sheet helpers, which word the problems.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from operator import attrgetter

from iku import formatting as fmt
from iku import layout as L
from iku import rules
from iku.check.cells import NotANumber, parse_number_text
from iku.errors import InputError, Problem
from iku.model import Catalogue, Figure, Indicator, ReportInput, SourceResult
from iku.read import gc_pause
from iku.read.reader import RawWorkbook
from iku.sources.common import (
    Sheet,
    blank,
    coordinate,
    editable,
    ended_quarters,
    headers,
    intro,
    shown,
    unreasonable,
    years_up_to,
)

KEY = "skm"
MEASURES = ("skm",)
SHEETS = (L.SHEET_SKM,)
# How a report names this data source (never the sheet's name): in running text, and in a table cell.
REPORT_NAME = "Hasil Survei Kepuasan Masyarakat {tahun}"
SHORT_NAME = "Survei Kepuasan Masyarakat"
COLUMNS = (L.SKM_DATE, L.SKM_INDICATOR, *L.SKM_UNSUR)
UNSUR_COUNT = len(L.SKM_UNSUR)
EMPTY_ROWS = 100
MAX_BLANK_ROW_WARNINGS = 20  # rows with a date but no answer: named one by one up to this many
LOW, HIGH = rules.SKM_ANSWER_RANGE
_ANSWERS = {float(a): a for a in range(LOW, HIGH + 1)}  # a number cell as calamine gives it -> the answer
_QUARTER = (0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3)  # month -> quarter index
_ANSWERS_OF, _ROW_OF, _YEAR_OF = attrgetter("answers"), attrgetter("row"), attrgetter("year")


@dataclass(frozen=True, slots=True)
class Response:
    row: int  # row of the sheet, for tracing
    date: dt.date
    indicator: int  # number of the indicator the survey feeds
    answers: tuple[int | None, ...]  # U1-U9, 1-4; None = that unsur not answered


@dataclass(frozen=True)
class SurveyYear:
    indicator: int
    year: int
    respondents: int
    answers: tuple[int, ...]  # number of answers per unsur (9)
    nrr: tuple[Decimal, ...]  # 9, full precision
    interval: Decimal  # sum of NRR x weight (1-4)
    ikm: Decimal  # interval x 25 (25-100)
    grade: str  # "B"
    grade_words: str  # "Baik"
    lowest: int  # index 0-8 of the unsur with the lowest NRR
    rows: tuple[int, int]  # first and last sheet row among that year's responses for that indicator
    minimum: int | None  # minimum respondents for the population (report year only), None without population


@dataclass(frozen=True)
class SurveyEvidence:
    years: tuple[SurveyYear, ...]
    weight: str  # catalogue.data.skm_weight: key of rules.SKM_WEIGHTS / SKM_WEIGHT_WORDS
    scale: str  # catalogue.data.skm_scale: key of rules.SKM_GRADES / SKM_SCALE_NAMES

    def year(self, indicator: int, year: int) -> SurveyYear | None:
        return next((y for y in self.years if y.indicator == indicator and y.year == year), None)


def unsur_label(index: int) -> str:
    """'U4 (Biaya/Tarif)'."""
    return f"{L.SKM_UNSUR[index]} ({rules.SKM_UNSUR_NAMES[index]})"


def _choices(indicators: list[Indicator]) -> str:
    """'1 (Nilai IKM) atau 5 (IKM Internal Kecamatan)'."""
    names = [f"{ind.number} ({ind.name})" for ind in indicators]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " atau " + names[-1]


# The empty sheet of the standard workbook.

def add_sheets(wb, catalogue: Catalogue, report_year: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    indicators = catalogue.measuring(MEASURES[0])
    ws = wb.create_sheet(L.SHEET_SKM)
    intro(ws, "SURVEI KEPUASAN MASYARAKAT (SKM)",
          f"Satu baris per responden (PermenPANRB 14/2017). {L.SKM_DATE}: tanggal kuesioner diisi (hari/bulan/"
          f"tahun). {L.SKM_INDICATOR}: nomor indikator yang diukur survei itu, {_choices(indicators)}. "
          f"{L.SKM_UNSUR[0]}-{L.SKM_UNSUR[-1]}: jawaban per unsur, {LOW} (tidak baik) sampai {HIGH} (sangat "
          "baik); kosongkan unsur yang tidak dijawab. Nama unsur muncul bila kursor diarahkan ke judul kolom.")
    notes = {L.SKM_DATE: "Tanggal responden mengisi kuesioner, misalnya 12/04/2025.",
             L.SKM_INDICATOR: f"Nomor indikator yang diukur survei ini: {_choices(indicators)}. Pilih dari daftar."}
    for index, label in enumerate(L.SKM_UNSUR):
        notes[label] = (f"{unsur_label(index)}: jawaban {LOW} (tidak baik), 2 (kurang baik), 3 (baik) atau "
                        f"{HIGH} (sangat baik). Kosongkan bila responden tidak menjawab.")
    headers(ws, list(COLUMNS), [14, 11] + [7] * UNSUR_COUNT, notes)
    numbers = DataValidation(type="list", formula1='"' + ",".join(str(ind.number) for ind in indicators) + '"',
                             allow_blank=True, showErrorMessage=True, errorTitle=L.SKM_INDICATOR,
                             error=f"Isi nomor indikator: {_choices(indicators)}.")
    answers = DataValidation(type="whole", operator="between", formula1=str(LOW), formula2=str(HIGH),
                             allow_blank=True, showErrorMessage=True, errorTitle="Jawaban SKM",
                             error=f"Jawaban harus bilangan bulat {LOW}-{HIGH}; kosongkan bila tidak dijawab.")
    first, last = L.DATA_HEADER_ROW + 1, L.DATA_HEADER_ROW + EMPTY_ROWS
    for row in range(first, last + 1):
        editable(ws.cell(row=row, column=1), "DD/MM/YYYY")
        for col in range(2, len(COLUMNS) + 1):
            editable(ws.cell(row=row, column=col))
    numbers.add(f"B{first}:B{last}")
    answers.add(f"{coordinate(first, 3)}:{coordinate(last, len(COLUMNS))}")
    ws.add_data_validation(numbers)
    ws.add_data_validation(answers)


# Reading.

def read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str],
         signed: dt.date | None = None) -> tuple[Response, ...] | None:
    """`signed`: the report's signing date; no answer may be dated after it (common.date_refusal)."""
    with gc_pause.paused():
        return _read(raw, catalogue, problems, warnings, signed)


def _read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str],
          signed: dt.date | None) -> tuple[Response, ...] | None:
    sheet = Sheet(raw.tables[L.SHEET_SKM], problems, signed)
    if not sheet.find_header(COLUMNS):
        return None
    rows = sheet.table.rows[sheet.header_row:]
    if not rows:
        return None
    indicators = catalogue.measuring(MEASURES[0])
    columns = [sheet.column(label) - 1 for label in COLUMNS]  # 0-based: date, indicator, U1-U9
    width = max(columns) + 1
    if min(map(len, rows)) < width:  # calamine's rows are as wide as the sheet; another Table's may not be
        rows = [row + [""] * (width - len(row)) if len(row) < width else row for row in rows]

    # Column by column first: the common cells (a date, a known indicator number, answers 1-4 stored as numbers)
    # are converted by maps; a row holding anything else is read cell by cell below, with the Sheet helpers.
    table = list(zip(*rows, strict=False))
    dates = table[columns[0]]
    if dt.datetime in set(map(type, dates)):
        dates = [v.date() if v.__class__ is dt.datetime else v for v in dates]
    known = {float(ind.number): ind.number for ind in indicators}
    numbers = list(map(known.get, table[columns[1]]))
    converted = [list(map(_ANSWERS.get, table[c])) for c in columns[2:]]
    answers = list(zip(*converted, strict=True))
    # Rows to read cell by cell: anything but a date, an unknown number, an answer that is not 1-4 (blank
    # included), and TRUE/FALSE (TRUE equals 1 for a dict). Each test runs over a column only when needed.
    slow: set[int] = set()
    if set(map(type, dates)) != {dt.date}:
        slow.update(i for i, v in enumerate(dates) if v.__class__ is not dt.date)
    slow.update(unreasonable(dates, signed))  # before 2000 or after the signing date: the helper refuses it
    for column in (numbers, *converted):
        if None in column:
            slow.update(i for i, v in enumerate(column) if v is None)
    for c in columns[1:]:
        if bool in set(map(type, table[c])):
            slow.update(i for i, v in enumerate(table[c]) if v.__class__ is bool)

    years = catalogue.years
    first = sheet.header_row + 1
    unanswered: list[int] = []  # rows with a date and an indicator but no answer
    outside: dict[int, list[int]] = defaultdict(list)  # year outside the period -> rows
    if not slow and set(map(_YEAR_OF, dates)) <= set(years):  # the common case: every row fine
        responses = list(map(Response, range(first, first + len(rows)), dates, numbers, answers))
    else:
        responses = []
        for i, (date, number, given) in enumerate(zip(dates, numbers, answers, strict=True)):
            if i in slow:
                if all(blank(v) for v in rows[i]):
                    continue
                response = _slow_row(sheet, first + i, rows[i], columns, indicators, unanswered)
                if response is None:
                    continue
                date, number, given = response.date, response.indicator, response.answers
            if date.year not in years:
                outside[date.year].append(first + i)
                continue
            responses.append(Response(first + i, date, number, given))

    warnings.extend(_unanswered_warnings(unanswered, columns))
    warnings.extend(_outside_warnings(outside, years))
    return tuple(responses) if responses else None


def _slow_row(sheet: Sheet, r: int, row: list, columns: list[int], indicators: list[Indicator],
              unanswered: list[int]) -> Response | None:
    """A row read cell by cell: problems recorded, None when it is not a usable response."""
    date = sheet.date(r, row, L.SKM_DATE)
    number = _indicator(sheet, r, row, columns[1] + 1, indicators)
    answers, bad = _answers(sheet, r, row, columns[2:])
    if bad or date is None or number is None:
        return None
    if all(a is None for a in answers):
        unanswered.append(r)
        return None
    return Response(r, date, number, answers)




def _indicator(sheet: Sheet, r: int, row: list, column: int, indicators: list[Indicator]) -> int | None:
    """The Indikator cell when it is not simply one of the numbers: text '1', blank, or wrong."""
    value = row[column - 1]
    if blank(value):
        sheet.empty(r, column, L.SKM_INDICATOR)
        return None
    number: Decimal | None = None
    if isinstance(value, str):
        try:
            number = parse_number_text(value, percent=False, example="1")
        except NotANumber:
            number = None
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        number = Decimal(repr(value))
    allowed = {ind.number for ind in indicators}
    if number is not None and number == number.to_integral_value() and int(number) in allowed:
        return int(number)
    sheet.fail(f"{L.SKM_INDICATOR} '{shown(value)}' bukan nomor indikator yang dihitung dari lembar "
               f"{L.SHEET_SKM}; isi {_choices(indicators)}", r, column)
    return None


def _answers(sheet: Sheet, r: int, row: list, columns: list[int]) -> tuple[tuple[int | None, ...], bool]:
    """The nine answers of a row read cell by cell: None where blank; bad = True after a problem."""
    answers: list[int | None] = []
    bad = False
    for index, column in enumerate(columns):
        value = row[column]
        if value.__class__ is float and value in _ANSWERS:
            answers.append(_ANSWERS[value])
            continue
        if blank(value):
            answers.append(None)
            continue
        answer = sheet.whole(r, row, column + 1, unsur_label(index), LOW, HIGH, required=False)
        bad = bad or answer is None
        answers.append(answer)
    return tuple(answers), bad


def _unanswered_warnings(rows: list[int], columns: list[int]) -> list[str]:
    first, last = min(columns[2:]) + 1, max(columns[2:]) + 1
    lines = [f"{L.SHEET_SKM}!{coordinate(r, first)}:{coordinate(r, last)}: {L.SKM_DATE} dan {L.SKM_INDICATOR} "
             f"terisi tetapi jawaban {L.SKM_UNSUR[0]}-{L.SKM_UNSUR[-1]} kosong semua; baris tidak dihitung."
             for r in rows[:MAX_BLANK_ROW_WARNINGS]]
    if len(rows) > MAX_BLANK_ROW_WARNINGS:
        lines.append(f"{L.SHEET_SKM}: {len(rows) - MAX_BLANK_ROW_WARNINGS} baris lain juga tanpa jawaban "
                     f"(sampai baris {rows[-1]}); tidak dihitung.")
    return lines


def _outside_warnings(outside: dict[int, list[int]], years: range) -> list[str]:
    return [f"{L.SHEET_SKM}: {len(rows)} baris bertanggal tahun {year} (baris {rows[0]}"
            f"{'' if len(rows) == 1 else ' dan seterusnya'}) di luar periode {years.start}-{years.stop - 1}; "
            "tidak dihitung."
            for year, rows in sorted(outside.items())]


def _unanswered(number: int, name: str, year: int, tallies: list[Tally | None]) -> list[Problem]:
    """The formula needs an NRR for every unsur: an unsur nobody answered in a year leaves no IKM. Judged for
    the years the report covers, so that a survey of the next year just begun does not stop the build."""
    counts, _ = _total(tallies)
    return [Problem(f"unsur {unsur_label(index)} tidak dijawab satu responden pun pada tahun {year} untuk "
                    f"indikator {number} {name}; IKM tidak dapat dihitung", sheet=L.SHEET_SKM)
            for index, count in enumerate(counts) if count == 0]


# Computing. Answers are tallied per quarter (number of answers and their sum per unsur); a year adds its
# quarters up, a quarter's year-to-date figure the quarters so far.

Tally = tuple[list[int], list[int]]  # counts, sums per unsur


def _bins(responses) -> dict[tuple[int, int], list[list[Response]]]:
    """(indicator, year) -> the responses of each quarter."""
    bins: dict[tuple[int, int], list[list[Response]]] = {}
    for response in responses:
        date = response.date
        quarters = bins.get((response.indicator, date.year))
        if quarters is None:
            quarters = bins[(response.indicator, date.year)] = [[], [], [], []]
        quarters[_QUARTER[date.month]].append(response)
    return bins


def _tally(group: list[Response]) -> Tally:
    counts, sums = [0] * UNSUR_COUNT, [0] * UNSUR_COUNT
    for index, column in enumerate(zip(*map(_ANSWERS_OF, group), strict=True)):
        counts[index] = len(column) - column.count(None)
        sums[index] = sum(filter(None, column))
    return counts, sums


def _total(tallies: list[Tally | None], upto: int = 4) -> Tally:
    """The tallies of the first `upto` quarters added up (None: a quarter without responses)."""
    counts, sums = [0] * UNSUR_COUNT, [0] * UNSUR_COUNT
    for tally in tallies[:upto]:
        if tally is not None:
            counts = [a + b for a, b in zip(counts, tally[0], strict=True)]
            sums = [a + b for a, b in zip(sums, tally[1], strict=True)]
    return counts, sums


def _tallies(quarters: list[list[Response]]) -> list[Tally | None]:
    return [_tally(group) if group else None for group in quarters]


def _weight(key: str) -> Fraction:
    """The weight as the fraction it stands for (1/9, 111/1000), so that a survey answered 4 throughout gives
    exactly 100: rules keeps 1/9 as a 28-digit Decimal, whose nine-fold sum falls short of 1 in the last digit."""
    return Fraction(rules.SKM_WEIGHTS[key]).limit_denominator(10**6)


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _ikm(tally: Tally, weight: Fraction) -> tuple[Fraction, Fraction] | None:
    """(interval, ikm) exactly, or None when some unsur has no answer."""
    counts, sums = tally
    if 0 in counts:
        return None
    interval = sum((Fraction(s, c) for s, c in zip(sums, counts, strict=True)), Fraction(0)) * weight
    return interval, interval * Fraction(rules.SKM_CONVERSION)


def _survey_year(number: int, year: int, quarters: list[list[Response]], tallies: list[Tally | None],
                 weight: Fraction, scale: str, minimum: int | None) -> SurveyYear | None:
    counts, sums = tally = _total(tallies)
    computed = _ikm(tally, weight)
    if computed is None:
        return None  # an unsur nobody answered: evaluate() reports it
    interval, ikm = computed
    nrr = tuple(Decimal(s) / Decimal(c) for s, c in zip(sums, counts, strict=True))
    exact = [Fraction(s, c) for s, c in zip(sums, counts, strict=True)]
    lowest = min(range(UNSUR_COUNT), key=exact.__getitem__)  # first of equals
    ikm_value = _decimal(ikm)
    grade, grade_words = rules.skm_grade(ikm_value, scale)
    groups = [group for group in quarters if group]
    rows = (min(min(map(_ROW_OF, g)) for g in groups), max(max(map(_ROW_OF, g)) for g in groups))
    return SurveyYear(number, year, sum(map(len, groups)), tuple(counts), nrr, _decimal(interval), ikm_value,
                      grade, grade_words, lowest, rows, minimum)


def _quarters(tallies: list[Tally | None], year: int, signed: dt.date, weight: Fraction
              ) -> tuple[Decimal | None, ...]:
    """Year-to-date IKM at each ended quarter's end; None before every unsur has an answer; padded to 4."""
    values: list[Decimal | None] = []
    for index, _end in enumerate(ended_quarters(year, signed)):
        computed = _ikm(_total(tallies, index + 1), weight)
        values.append(_decimal(computed[1]) if computed else None)
    return tuple(values) + (None,) * (4 - len(values))


def working(y: SurveyYear) -> str:
    """'Hasil Survei Kepuasan Masyarakat 2025 (412 responden) memberikan IKM 84,37, mutu B (Baik); unsur
    terendah U4 Biaya/Tarif, NRR 3,02.'"""
    return (f"{REPORT_NAME.format(tahun=y.year)} ({fmt.number(Decimal(y.respondents), 0)} responden) memberikan "
            f"IKM {fmt.number(y.ikm)}, mutu {y.grade} ({y.grade_words}); unsur terendah {L.SKM_UNSUR[y.lowest]} "
            f"{rules.SKM_UNSUR_NAMES[y.lowest]}, NRR {fmt.number(y.nrr[y.lowest])}.")


def evaluate(responses: tuple[Response, ...], catalogue: Catalogue, report: ReportInput) -> SourceResult:
    report_year = report.identity.report_year
    weight = _weight(catalogue.data.skm_weight)
    scale = catalogue.data.skm_scale
    minimum = rules.min_respondents(report.population) if report.population is not None else None
    bins = _bins(responses)
    problems: list[Problem] = []
    years: list[SurveyYear] = []
    figures: list[Figure] = []
    for ind in catalogue.measuring(MEASURES[0]):
        for year in years_up_to(catalogue.years, report_year):
            quarters = bins.get((ind.number, year))
            if quarters is None:
                continue
            with gc_pause.paused():  # the tallies' tuples would set off collections over every row read (80 ms)
                tallies = _tallies(quarters)
            y = _survey_year(ind.number, year, quarters, tallies, weight, scale,
                             minimum if year == report_year else None)
            if y is None:
                problems += _unanswered(ind.number, ind.name, year, tallies)
                continue
            years.append(y)
            by_quarter: tuple[Decimal | None, ...] = ()
            if year == report_year:
                by_quarter = _quarters(tallies, year, report.identity.signing_date, weight)
            figures.append(Figure(ind.number, year, y.ikm, L.SHEET_SKM, working(y), quarters=by_quarter))
    if problems:
        raise InputError(problems, source=report.source.name)
    return SourceResult(KEY, tuple(figures), SurveyEvidence(tuple(years), catalogue.data.skm_weight, scale))


def warnings(evidence: SurveyEvidence, catalogue: Catalogue, report: ReportInput) -> list[str]:
    """Fewer respondents in the report year than the sample the population needs (Identitas: Populasi
    Penerima Layanan). Called by iku.sources.warnings_all once the figures are computed."""
    names = {ind.number: ind.name for ind in catalogue.indicators}
    lines = []
    for y in evidence.years:
        if y.minimum is not None and y.respondents < y.minimum:
            lines.append(
                f"Responden SKM tahun {y.year} untuk indikator {y.indicator} {names[y.indicator]} hanya "
                f"{fmt.number(Decimal(y.respondents), 0)}, kurang dari sampel minimum "
                f"{fmt.number(Decimal(y.minimum), 0)} untuk populasi "
                f"{fmt.number(Decimal(report.population or 0), 0)} penerima layanan (tabel Krejcie-Morgan); "
                "IKM tetap dihitung, tetapi belum mewakili seluruh penerima layanan.")
    return lines
