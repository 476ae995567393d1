"""Persentase pelayanan tepat waktu from ServiceRows: cuts, deadlines, on time / counted x 100."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from itertools import compress

from iku import formatting as fmt
from iku import layout as L
from iku.model import Catalogue, Figure, ReportInput, SourceResult
from iku.read import gc_pause
from iku.rules import HUNDRED
from iku.sources.common import ended_quarters, years_up_to
from iku.sources.pelayanan.model import (
    KEY,
    MEASURES,
    NO_COUNT,
    NOT_DONE,
    REPORT_NAME,
    Calendar,
    KindSummary,
    Request,
    ServiceEvidence,
    ServiceRows,
    ServiceYear,
)

Triple = tuple[int, int, int]  # received, finished (ordinals), kind


def _classify(items: dict[Triple, int], cut: int, calendar: Calendar, standards: tuple[int, ...]
              ) -> tuple[list[list[int]], dict[Triple, tuple[bool, int | None]]]:
    """The year's outcome at the cut: per kind [finished, on time, working days of the finished, late open,
    pending], and the triples to list: late -> (True, days or None), pending -> (False, None)."""
    cum, base = calendar.cum, calendar.base
    cut_count = cum[cut - base]
    tallies = [[0, 0, 0, 0, 0] for _ in standards]
    listed: dict[Triple, tuple[bool, int | None]] = {}
    for triple, n in items.items():
        r, f, k = triple
        tally = tallies[k]
        start = cum[r - base]
        if f <= cut:
            days = cum[f - base] - start
            tally[0] += n
            tally[2] += days * n
            if days <= standards[k]:
                tally[1] += n
            else:
                listed[triple] = (True, days)
        elif cut_count - start >= standards[k]:
            tally[3] += n
            listed[triple] = (True, None)
        else:
            tally[4] += n
            listed[triple] = (False, None)
    return tallies, listed


def _tally(items: dict[Triple, int], cut: int, calendar: Calendar, standards: tuple[int, ...]
           ) -> Decimal | None:
    """The year-to-date percentage at a quarter's end: the requests received by then."""
    cum, base = calendar.cum, calendar.base
    cut_count = cum[cut - base]
    counted = on_time = 0
    for (r, f, k), n in items.items():
        if r > cut:
            continue
        start = cum[r - base]
        if f <= cut:
            counted += n
            if cum[f - base] - start <= standards[k]:
                on_time += n
        elif cut_count - start >= standards[k]:
            counted += n
    return _percent(on_time, counted)


def _percent(on_time: int, counted: int) -> Decimal | None:
    return Decimal(on_time) / Decimal(counted) * HUNDRED if counted else None


def _summaries(rows: ServiceRows, tallies: list[list[int]]) -> tuple[KindSummary, ...]:
    return tuple(
        KindSummary(rows.kinds[k], rows.standards[k], done + late_open, on_time, done - on_time + late_open,
                    Decimal(days) / Decimal(done) if done else None, pending)
        for k, (done, on_time, days, late_open, pending) in enumerate(tallies) if done or late_open or pending)


def _listed(rows: ServiceRows, triples: list[Triple], marks: dict[int, dict[Triple, tuple[bool, int | None]]]
            ) -> dict[int, tuple[list[Request], list[Request]]]:
    """The late and pending requests of each year, in sheet order: year -> (late, pending). `triples`: each
    row's (received, finished, kind)."""
    found: dict[int, tuple[list[Request], list[Request]]] = {year: ([], []) for year in marks}
    dates: dict[int, dt.date | None] = {NOT_DONE: None}
    listed = {}  # triple -> (the list it goes to, days, received, finished, kind, standard)
    for year, year_marks in marks.items():
        for triple, (late, days) in year_marks.items():
            r, f, k = triple
            for day in (r, f):
                if day not in dates:
                    dates[day] = dt.date.fromordinal(day)
            listed[triple] = (found[year][0 if late else 1].append, days, dates[r], dates[f], rows.kinds[k],
                              rows.standards[k])
    if listed:
        numbers, sheet_rows = rows.numbers, rows.rows
        for i in compress(range(len(triples)), map(listed.__contains__, triples)):
            add, days, received, finished, kind, standard = listed[triples[i]]
            add(Request(sheet_rows[i], numbers[i].strip(), kind, received, finished, days, standard))
    return found


def _by_year(rows: ServiceRows, triples: list[Triple], years: list[int]) -> dict[int, dict[Triple, int]]:
    """The distinct (received, finished, kind) of the requests received in each year asked for, with their
    number; years without a request are left out."""
    counts = Counter(triples)
    first, last = (dt.date.fromordinal(f(rows.received)).year for f in (min, max))
    if first == last:  # the usual register: one year
        return {first: counts} if first in years else {}
    found: dict[int, dict[Triple, int]] = {year: {} for year in years if first <= year <= last}
    year_of: dict[int, int] = {}
    for triple, n in counts.items():
        r = triple[0]
        if r not in year_of:
            year_of[r] = dt.date.fromordinal(r).year
        bucket = found.get(year_of[r])
        if bucket is not None:
            bucket[triple] = n
    return {year: bucket for year, bucket in found.items() if bucket}


def working(y: ServiceYear, office: str) -> str:
    """'Register Pelayanan Kecamatan Mantup 2025 mencatat 3.000 permohonan layanan; 2.874 dari 2.950 yang
    dihitung selesai tepat waktu (97,42%), 76 terlambat, 50 belum selesai dan masih dalam batas waktu.'"""
    head = f"{REPORT_NAME.format(instansi=office, tahun=y.year)} mencatat {_count(y.received)} permohonan layanan; "
    if y.value is None:
        return head + "belum ada yang dapat dihitung: semuanya belum selesai dan masih dalam batas waktu."
    text = (head + f"{_count(y.on_time)} dari {_count(y.counted)} yang dihitung selesai tepat waktu "
            f"({fmt.percent(y.value)}), {_count(y.counted - y.on_time)} terlambat")
    if y.pending:
        text += f", {_count(len(y.pending))} belum selesai dan masih dalam batas waktu"
    return text + "."


def _count(n: int) -> str:
    return fmt.number(Decimal(n), 0)


def evaluate(rows: ServiceRows, catalogue: Catalogue, report: ReportInput) -> SourceResult:
    with gc_pause.paused():
        return _evaluate(rows, catalogue, report)


def _evaluate(rows: ServiceRows, catalogue: Catalogue, report: ReportInput) -> SourceResult:
    report_year = report.identity.report_year
    triples = list(zip(rows.received, rows.finished, rows.kind, strict=True))
    by_year = _by_year(rows, triples, years_up_to(catalogue.years, report_year))
    if not by_year:
        return SourceResult(KEY, (), ServiceEvidence((), rows.local_days))
    calendar = Calendar(min(by_year), max(by_year), (day for day, _ in rows.local_days))
    outcomes = {}
    marks = {}
    for year, items in by_year.items():
        outcomes[year], marks[year] = _classify(items, dt.date(year, 12, 31).toordinal(), calendar, rows.standards)
    requests = _listed(rows, triples, marks)
    years: list[ServiceYear] = []
    figures: list[Figure] = []
    indicators = catalogue.measuring(MEASURES[0])
    for year in sorted(by_year):
        tallies = outcomes[year]
        counted = sum(t[0] + t[3] for t in tallies)
        on_time = sum(t[1] for t in tallies)
        late, pending = requests.get(year, ([], []))
        y = ServiceYear(year, counted, on_time, _percent(on_time, counted), _summaries(rows, tallies), tuple(late),
                        tuple(pending), counted + len(pending))
        years.append(y)
        quarters: tuple[Decimal | None, ...] = ()
        if year == report_year:
            cuts = ended_quarters(year, report.identity.signing_date)
            quarters = tuple(y.value if end.month == 12 else _tally(by_year[year], end.toordinal(), calendar,
                                                                     rows.standards) for end in cuts)
            quarters += (None,) * (4 - len(quarters))
        for ind in indicators:
            figures.append(Figure(ind.number, year, y.value, L.SHEET_SERVICES, working(y, catalogue.office.name),
                                  note=NO_COUNT if y.value is None else "", quarters=quarters))
    return SourceResult(KEY, tuple(figures), ServiceEvidence(tuple(years), rows.local_days))
