"""The LKjIP charts, as PNG bytes: realisation against target per year, and the data-sheet charts (NRR per unsur,
desa by status).

Object-oriented matplotlib (Figure + Agg canvas), no pyplot and no global rcParams, so it runs
without a display and charts can be drawn side by side. Built for black-and-white print.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from iku.formatting import number
from iku.model import UNITS
from iku.rules import round_half_up

DPI = 200
SIZE = (1260 / DPI, 630 / DPI)  # inches: 16 x 8 cm as whole pixels (1260 x 630) at DPI
FONTS = ("DejaVu Sans", "Liberation Sans")
Y_LABELS = {"persen": "Persen (%)", "nilai": "Nilai", "desa": "Jumlah desa"}
HEADROOM = 1.15
BAR = 0.42  # width of one bar; a year's pair takes 2 * BAR
TARGET_STYLE = {"facecolor": "white", "edgecolor": "black", "hatch": "//", "linewidth": 0.8}
REALISATION_STYLE = {"facecolor": "0.3", "edgecolor": "black", "linewidth": 0.8}
NO_TARGET = "target belum ditetapkan"
NO_REALISATION = "belum dilaporkan"


@dataclass(frozen=True)
class ChartSeries:
    title: str  # e.g. "Persentase Desa Naik Kelas"
    unit: str  # one of model.UNITS: "persen", "nilai" or "desa"
    years: list[int]
    targets: list[Decimal | None]  # None = target not set
    realisations: list[Decimal | None]  # None = not reported


@cache
def _font_family() -> str:
    """The first of FONTS that is installed, else matplotlib's default sans-serif."""
    for name in FONTS:
        try:
            font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
        except ValueError:
            continue
        return name
    return "sans-serif"


def tick_label(value: float, unit: str) -> str:
    """A y tick in Indonesian notation with as few decimals as it needs: 40.0 -> '40', 46.5 -> '46,5'."""
    amount = round_half_up(Decimal(repr(float(value))), 2).normalize()  # 0.30000000000000004 -> 0.3
    places = 0 if unit == "desa" else max(0, -amount.as_tuple().exponent)
    return number(amount, places)


def value_label(value: Decimal, unit: str) -> str:
    """The label above a bar: '46,67%', '82,50' or '12'."""
    if unit == "desa":
        return number(value, 0)
    return number(value) + ("%" if unit == "persen" else "")


def _check(series: ChartSeries) -> None:
    if series.unit not in UNITS:
        raise ValueError(f"satuan {series.unit!r} tidak dikenal; pilihan: {', '.join(UNITS)}")
    if not len(series.years) == len(series.targets) == len(series.realisations):
        raise ValueError(f"{series.title}: jumlah tahun, target dan realisasi tidak sama")


def indicator_chart(series: ChartSeries) -> bytes:
    """A grouped bar chart (target, realisation) per year as PNG bytes at print resolution."""
    _check(series)
    font = _font_family()
    fig = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    label_size = 6.5 if len(series.years) <= 5 else 6  # "100,00%" stays clear of its neighbour up to 2026

    kinds = (
        (-BAR / 2, series.targets, TARGET_STYLE, NO_TARGET),
        (BAR / 2, series.realisations, REALISATION_STYLE, NO_REALISATION),
    )
    for offset, values, style, missing in kinds:
        present = [(i + offset, v) for i, v in enumerate(values) if v is not None]
        if present:
            bars = ax.bar([x for x, _ in present], [float(v) for _, v in present], BAR, **style)
            labels = [value_label(v, series.unit) for _, v in present]
            ax.bar_label(bars, labels=labels, padding=2, fontsize=label_size, fontfamily=font)
        for i, v in enumerate(values):
            if v is None:  # never drawn as 0: no bar, a note at the baseline instead
                ax.text(i + offset, 0.02, missing, transform=ax.get_xaxis_transform(), rotation=90,
                        ha="center", va="bottom", fontsize=6, fontstyle="italic", color="0.25", fontfamily=font)

    known = [float(v) for v in (*series.targets, *series.realisations) if v is not None]
    top = max(known, default=0.0)
    ax.set_ylim(0, top * HEADROOM if top > 0 else (100 if series.unit == "persen" else 10))
    ax.set_xlim(-0.5, len(series.years) - 0.5)
    ax.set_xticks(range(len(series.years)), [str(y) for y in series.years])
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=series.unit == "desa"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: tick_label(v, series.unit)))
    ax.tick_params(labelsize=7, labelfontfamily=font, length=3, width=0.6)
    ax.set_xlabel("Tahun", fontsize=8, fontfamily=font)
    ax.set_ylabel(Y_LABELS[series.unit], fontsize=8, fontfamily=font)
    ax.yaxis.grid(True, color="0.85", linewidth=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)

    handles = [Patch(label="Target", **TARGET_STYLE), Patch(label="Realisasi", **REALISATION_STYLE)]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False,
              prop=font_manager.FontProperties(family=font, size=7))

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    fig.clear()  # nothing global to close without pyplot; drop the artists now
    return buffer.getvalue()


def _axes(size: tuple[float, float] = SIZE):
    fig = Figure(figsize=size, dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    fig.clear()
    return buffer.getvalue()


def _plain_axes(ax, font: str) -> None:
    ax.tick_params(labelsize=7, labelfontfamily=font, length=3, width=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_axisbelow(True)


def nrr_chart(labels: list[str], values: list[Decimal], lowest: int) -> bytes:
    """Horizontal bars of the NRR per unsur (scale 1-4); the lowest unsur hatched, so it shows in black and white."""
    font = _font_family()
    fig, ax = _axes((1260 / DPI, 760 / DPI))
    positions = list(range(len(labels)))[::-1]  # U1 on top
    bars = ax.barh(positions, [float(v) for v in values], 0.6, **REALISATION_STYLE)
    bars[lowest].set_facecolor("white")
    bars[lowest].set_hatch("//")
    ax.bar_label(bars, labels=[number(v) for v in values], padding=2, fontsize=6.5, fontfamily=font)
    ax.set_yticks(positions, [textwrap.fill(label, 30) for label in labels])
    ax.set_xlim(1, 4.3)
    ax.set_xticks([1, 2, 3, 4], ["1", "2", "3", "4"])
    ax.set_xlabel("Nilai rata-rata (NRR), skala 1-4; arsir = unsur terendah", fontsize=8, fontfamily=font)
    ax.xaxis.grid(True, color="0.85", linewidth=0.5)
    _plain_axes(ax, font)
    return _png(fig)


# Five grey levels and hatches, lowest status lightest, so the stack reads in black-and-white print.
STATUS_STYLES = (
    {"facecolor": "white", "hatch": "...", "edgecolor": "black", "linewidth": 0.6},
    {"facecolor": "0.85", "hatch": "//", "edgecolor": "black", "linewidth": 0.6},
    {"facecolor": "0.7", "edgecolor": "black", "linewidth": 0.6},
    {"facecolor": "0.45", "edgecolor": "black", "linewidth": 0.6},
    {"facecolor": "0.15", "edgecolor": "black", "linewidth": 0.6},
)


def status_chart(years: list[int], statuses: tuple[str, ...], counts: list[dict[str, int]]) -> bytes:
    """Stacked bars: the number of desa by status in each year, lowest status at the bottom."""
    font = _font_family()
    fig, ax = _axes()
    bottoms = [0] * len(years)
    handles = []
    for status, style in zip(statuses, STATUS_STYLES, strict=True):
        heights = [c.get(status, 0) for c in counts]
        bars = ax.bar(range(len(years)), heights, 0.55, bottom=bottoms, **style)
        labels = [str(h) if h else "" for h in heights]
        ax.bar_label(bars, labels=labels, label_type="center", fontsize=6.5, fontfamily=font,
                     color="white" if style["facecolor"] in ("0.45", "0.15") else "black")
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        handles.append(Patch(label=status, **style))
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    ax.set_ylim(0, max(bottoms, default=0) * 1.05 or 1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("Tahun", fontsize=8, fontfamily=font)
    ax.set_ylabel("Jumlah desa", fontsize=8, fontfamily=font)
    ax.yaxis.grid(True, color="0.85", linewidth=0.5)
    _plain_axes(ax, font)
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=5, frameon=False,
              prop=font_manager.FontProperties(family=font, size=6.5))
    return _png(fig)
