"""Domain rules: capaian formulas, predicate scale, rounding. One place, with sources."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)

# Predicate of a capaian: scale of the evaluation of regional plans, Permendagri 86/2017.
# Half-open intervals on the capaian percentage (ours), so every value has one predicate.
# Keys map to the labels in the office catalogue, which may word them differently.
PREDICATE_BANDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(91), "sangat_tinggi"),
    (Decimal(76), "tinggi"),
    (Decimal(66), "sedang"),
    (Decimal(51), "rendah"),
)
LOWEST_BAND = "sangat_rendah"

NOTE_NO_TARGET = "target belum ditetapkan"
NOTE_ZERO_TARGET = "target 0, capaian tidak dihitung"
NOTE_NOT_REPORTED = "belum dilaporkan"
NOTE_ZERO_REALISATION = "realisasi 0, capaian tidak dihitung"


def capaian(
    target: Decimal | None,
    realisation: Decimal | None,
    higher_is_better: bool = True,
    lower_formula: str = "selisih",
) -> tuple[Decimal | None, str]:
    """Capaian in percent at full precision, or None with the reason.

    Higher is better: realisasi / target x 100 (PermenPANRB 53/2014 practice).
    Lower is better (ours, shared/domain): "selisih" (2 x target - realisasi) / target x 100,
    or "rasio" target / realisasi x 100.
    """
    if target is None:
        return None, NOTE_NO_TARGET
    if realisation is None:
        return None, NOTE_NOT_REPORTED
    if target == 0:
        return None, NOTE_ZERO_TARGET
    if higher_is_better:
        return realisation / target * HUNDRED, ""
    if lower_formula == "rasio":
        if realisation == 0:
            return None, NOTE_ZERO_REALISATION
        return target / realisation * HUNDRED, ""
    return (2 * target - realisation) / target * HUNDRED, ""


# How a year's figure follows from its quarters (shared/domain: counts add up over the quarters,
# rates and indices take the latest quarter). The choice per indicator is in the catalogue.
ROLLUPS = ("terakhir", "jumlah", "rata-rata")


def rollup(quarters: tuple[Decimal | None, ...], how: str) -> Decimal | None:
    """The year's figure from the quarters reported so far; None when no quarter is reported."""
    reported = [q for q in quarters if q is not None]
    if not reported:
        return None
    if how == "jumlah":
        return sum(reported, Decimal(0))
    if how == "rata-rata":
        return sum(reported, Decimal(0)) / len(reported)
    return reported[-1]


def cumulative(quarters: tuple[Decimal | None, ...], how: str) -> list[Decimal | None]:
    """The year-to-date figure after each quarter (None after a quarter not reported)."""
    return [rollup(quarters[: i + 1], how) if quarters[i] is not None else None for i in range(len(quarters))]


def absorption(ceiling: Decimal, spent: Decimal) -> Decimal | None:
    """Serapan anggaran = realisasi / pagu x 100 (shared/domain); None when the ceiling is 0."""
    return spent / ceiling * HUNDRED if ceiling else None


def efficiency(capaian_percent: Decimal | None, absorption_percent: Decimal | None) -> Decimal | None:
    """Ours (shared/domain): the ratio capaian / serapan; None without capaian or with nothing spent."""
    if capaian_percent is None or not absorption_percent:
        return None
    return capaian_percent / absorption_percent


def is_efficient(ratio: Decimal) -> bool:
    """Efficient when capaian >= serapan, judged on the ratio as printed (two decimals, ours)."""
    return round_half_up(ratio) >= 1


def predicate_key(capaian_percent: Decimal) -> str:
    """Judged on the capaian as printed (two decimals, ours): 90,9994% shows as 91,00% and is Sangat Tinggi."""
    shown = round_half_up(capaian_percent)
    for lower_bound, key in PREDICATE_BANDS:
        if shown >= lower_bound:
            return key
    return LOWEST_BAND


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round once, at presentation (ours): 116,675 -> 116,68."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
