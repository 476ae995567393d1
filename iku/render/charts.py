"""What the LKjIP charts show: realisation against target per year, and the data-sheet charts (NRR per unsur,
desa by status), as native Word bar charts (iku/render/docx_chart.py).

Built for black-and-white print: targets white with a diagonal hatch, realisations dark grey, the five desa
statuses in grey levels and patterns. A value that is missing is no bar at all (never a 0) and is named in
the caption (missing_note).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from iku.formatting import number
from iku.model import COUNT_UNITS, PREDICATE_UNIT, UNITS
from iku.render.docx_chart import BarChart, Series, pattern, solid

# Every unit but "predikat": a predicate gets no bar chart (its letters are not an amount; iku/render/lkjip_bab3.py).
Y_LABELS = {"persen": "Persen (%)", "nilai": "Nilai", "indeks": "Indeks", "desa": "Jumlah desa",
            "orang": "Jumlah orang", "dokumen": "Jumlah dokumen"}
HEADROOM = Decimal("1.15")
CLOSE = Decimal("0.6")  # values whose lowest is above 60 % of the highest get an axis that starts near them
STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000)
TARGET_FILL = pattern("wdUpDiag")
REALISATION_FILL = solid("4D4D4D")
NO_TARGET = "target belum ditetapkan"
NO_REALISATION = "belum dilaporkan"


@dataclass(frozen=True)
class ChartSeries:
    title: str  # e.g. "Persentase Desa Naik Kelas"
    unit: str  # one of model.UNITS except "predikat"
    years: list[int]
    targets: list[Decimal | None]  # None = target not set
    realisations: list[Decimal | None]  # None = not reported


def value_label(value: Decimal, unit: str) -> str:
    """The label above a bar: '46,67%', '82,50' or '12'."""
    if unit in COUNT_UNITS:
        return number(value, 0)
    return number(value) + ("%" if unit == "persen" else "")


def scale(top: Decimal, unit: str) -> tuple[int, int]:
    """(axis maximum, step): whole steps, at most six, with room above the highest bar for its label."""
    if top <= 0:
        return (100, 20) if unit == "persen" else (10, 2)
    room = top * HEADROOM
    step = next((s for s in STEPS if room / s <= 6), STEPS[-1])
    return math.ceil(room / step) * step, step


def _check(series: ChartSeries) -> None:
    if series.unit not in UNITS:
        raise ValueError(f"satuan {series.unit!r} tidak dikenal; pilihan: {', '.join(UNITS)}")
    if series.unit == PREDICATE_UNIT:
        raise ValueError(f"{series.title}: grafik batang tidak dibuat untuk satuan predikat")
    if not len(series.years) == len(series.targets) == len(series.realisations):
        raise ValueError(f"{series.title}: jumlah tahun, target dan realisasi tidak sama")


def _labels(values: list[Decimal | None], unit: str) -> list[str]:
    return [value_label(v, unit) if v is not None else "" for v in values]


def close_range(values: list[Decimal]) -> tuple[Decimal, Decimal, Decimal] | None:
    """(minimum, maximum, step) of a value axis that starts near the values, when they lie close together
    (the lowest above CLOSE of the highest, e.g. an IKM of 80-83): from 0 their differences would not show.
    None when the axis should start at 0 (values far apart, all equal, or none)."""
    shown = [v for v in values if v is not None]
    if not shown:
        return None
    low, high = min(shown), max(shown)
    if low <= 0 or low == high or low < high * CLOSE:
        return None
    span = high - low
    step = Decimal(next((s for s in STEPS if span * Decimal("1.6") / s <= 5), STEPS[-1]))
    minimum = max(Decimal(0), ((low - step / 2) / step).to_integral_value(rounding="ROUND_FLOOR") * step)
    maximum = ((high + span / 4 + step / 4) / step).to_integral_value(rounding="ROUND_CEILING") * step
    return minimum, maximum, step


def indicator_chart(series: ChartSeries) -> BarChart:
    """Realisation bars per year, years ascending, with the target as a dashed line with markers; the value
    axis starts near the values when they lie close together."""
    _check(series)
    order = sorted(range(len(series.years)), key=lambda i: series.years[i])
    targets = [series.targets[i] for i in order]
    realisations = [series.realisations[i] for i in order]
    close = close_range([*targets, *realisations])
    if close is not None:
        minimum, maximum, step = close
    else:
        top = max((v for v in (*targets, *realisations) if v is not None), default=Decimal(0))
        minimum, (maximum, step) = Decimal(0), (Decimal(n) for n in scale(top, series.unit))
    return BarChart(
        categories=[str(series.years[i]) for i in order],
        series=[Series("Realisasi", realisations, _labels(realisations, series.unit), REALISATION_FILL)],
        lines=[Series("Target", targets, [""] * len(targets), solid("FFFFFF"))],
        value_title=Y_LABELS[series.unit], category_title="Tahun",
        minimum=minimum, maximum=maximum, major_unit=step,
        label_size=6.5 if len(order) <= 5 else 6)  # "100,00%" stays clear of its neighbour up to six years


def axis_note(chart: BarChart) -> str:
    """For the caption, when the value axis does not start at 0."""
    if chart.minimum and chart.minimum > 0:
        return f"sumbu nilai dimulai dari {number(chart.minimum, 0)}"
    return ""


def _years(years: list[int]) -> str:
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(str(y) for y in years)


def missing_note(series: ChartSeries) -> str:
    """What the chart leaves out, for its caption: 'target 2021 belum ditetapkan; realisasi 2021-2023 belum
    dilaporkan'; '' when every value is there."""
    notes = []
    for what, values, missing in (("target", series.targets, NO_TARGET.removeprefix("target ")),
                                  ("realisasi", series.realisations, NO_REALISATION)):
        years = sorted(y for y, v in zip(series.years, values, strict=True) if v is None)
        if years:
            notes.append(f"{what} {_years(years)} {missing}")
    return "; ".join(notes)


def nrr_chart(labels: list[str], values: list[Decimal], lowest: int) -> BarChart:
    """Horizontal bars of the NRR per unsur (scale 1-4); the lowest unsur hatched, so it shows in black and white.
    The first unsur on top: a bar chart lists its categories from the bottom up."""
    count = len(values)
    flipped = list(reversed(values))
    # NRR of a service lie close together (3,19-3,44): from 1 their differences would not show
    floor = max(Decimal(1), (min(values, default=Decimal(1)) * 2 - Decimal("0.2")).to_integral_value(
        rounding="ROUND_FLOOR") / 2)
    return BarChart(
        categories=list(reversed(labels)),
        series=[Series("NRR", flipped, [number(v) for v in flipped], REALISATION_FILL,
                       point_fills={count - 1 - lowest: TARGET_FILL})],
        value_title=f"Nilai rata-rata (NRR), skala 1-4, sumbu mulai {number(floor, 1)}; arsir = unsur terendah",
        horizontal=True, minimum=floor, maximum=Decimal(4), major_unit=Decimal(1) if floor == 1 else Decimal("0.25"),
        legend=False)


# Five grey levels and patterns, lowest status lightest, so the stack reads in black-and-white print.
STATUS_FILLS = (pattern("pct20"), pattern("wdUpDiag", bg="D9D9D9"), solid("B3B3B3"), solid("737373"),
                solid("262626"))
DARK = 3  # from this level on, labels are white


def status_chart(years: list[int], statuses: tuple[str, ...], counts: list[dict[str, int]]) -> BarChart:
    """Stacked bars: the number of desa by status in each year, lowest status at the bottom."""
    series = []
    for level, (status, fill) in enumerate(zip(statuses, STATUS_FILLS, strict=True)):
        heights = [c.get(status, 0) for c in counts]
        series.append(Series(status, heights, [str(h) if h else "" for h in heights], fill,
                             label_rgb="FFFFFF" if level >= DARK else "000000"))
    top = max((sum(c.get(s, 0) for s in statuses) for c in counts), default=0)
    maximum, step = scale(Decimal(top), "desa")
    return BarChart(categories=[str(y) for y in years], series=series, value_title="Jumlah desa",
                    category_title="Tahun", stacked=True, minimum=Decimal(0), maximum=Decimal(maximum),
                    major_unit=Decimal(step), label_position="ctr")
