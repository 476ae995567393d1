"""Every indicator under its target or worse than last year, and what the data say about it, without waiting for
staff to write an analysis (PermenPANRB 53/2014, Bab III: analisis penyebab keberhasilan/kegagalan; the LKE of
PermenPANRB 88/2021 scores a report that explains every shortfall)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from iku import formatting as fmt
from iku import layout as L
from iku import rules
from iku.measure.report import Comparison
from iku.measure.sentences import amount, change_amount, listing
from iku.model import Achievement, Results
from iku.rules import VILLAGE_STATUSES

SKM_DROP = Decimal("0.05")  # ours: an unsur NRR falling by less than this is noise between two samples


@dataclass(frozen=True)
class Shortfall:
    comparison: Comparison
    under_target: bool  # the report year's realisation is worse than its target
    fell: bool  # worse than the latest earlier year with a realisation
    missed_years: tuple[int, ...]  # every measured year under its target, the report year included


def _under(a: Achievement) -> bool:
    if a.attained is not None:  # a predicate target (rules.predicate_attained)
        return not a.attained
    if a.realisation is None or a.target is None or a.capaian is None:
        return False
    worse = a.realisation < a.target if a.indicator.higher_is_better else a.realisation > a.target
    return worse


def find(comparisons: list[Comparison]) -> list[Shortfall]:
    found = []
    for c in comparisons:
        under = _under(c.current)
        fell = c.improved is False
        if under or fell:
            found.append(Shortfall(c, under, fell, tuple(a.year for a in c.history if _under(a))))
    return found


def _years(years: list[int]) -> str:
    return listing([str(y) for y in years])


def summary(s: Shortfall) -> str:
    """'Jumlah Desa Maju 5 desa dari target 6 desa (capaian 83,33%), juga di bawah target pada 2023 dan 2024'."""
    c = s.comparison
    ind, now = c.indicator, c.current
    parts = []
    if s.under_target:
        result = "target tidak tercapai" if ind.is_predicate else f"capaian {fmt.percent(now.capaian)}"
        text = f"{ind.name} {amount(ind, now.realisation)} dari target {amount(ind, now.target)} ({result})"
        earlier = [y for y in s.missed_years if y != now.year]
        if earlier:
            text += f", juga di bawah target pada {_years(earlier)}"
        parts.append(text)
    if s.fell and c.previous is not None:
        fell = (f"turun {change_amount(ind, c.change)} dari {c.previous.year} ({amount(ind, c.previous.realisation)})"
                if ind.higher_is_better else
                f"naik {change_amount(ind, c.change)} dari {c.previous.year} ({amount(ind, c.previous.realisation)}), "
                "padahal makin rendah makin baik")
        parts.append(fell if s.under_target else f"{ind.name} {amount(ind, now.realisation)}, {fell}")
    return "; ".join(parts) if len(parts) < 2 else f"{parts[0]}, dan {parts[1]}"


def problems_paragraph(shortfalls: list[Shortfall], year: int) -> str:
    """The Ikhtisar's and Bab IV's sentence naming every shortfall with its figures ('' when there is none)."""
    under = [s for s in shortfalls if s.under_target]
    fell_only = [s for s in shortfalls if not s.under_target]
    sentences = []
    if under:
        sentences.append(f"Indikator yang belum mencapai target tahun {year}: " + "; ".join(summary(s) for s in under)
                         + ".")
    if fell_only:
        sentences.append("Indikator yang mencapai target tetapi realisasinya menurun dibanding tahun sebelumnya: "
                         + "; ".join(summary(s) for s in fell_only) + ".")
    return " ".join(sentences)


def data_findings(results: Results, s: Shortfall) -> list[str]:
    """What the figures and the supporting data show about one shortfall, in a report's words."""
    c = s.comparison
    ind = c.indicator
    found = []
    measured = [a for a in c.history if a.judged]
    if s.under_target and len(measured) > 1:
        missed = list(s.missed_years)
        if len(missed) == len(measured):
            found.append(f"Target tidak tercapai pada setiap tahun yang terukur ({_years(missed)}).")
        elif len(missed) > 1:
            found.append(f"Target tidak tercapai pada {_years(missed)}; pada tahun lainnya target tercapai.")
        else:
            found.append(f"Tahun {c.current.year} adalah satu-satunya tahun terukur yang di bawah target.")
    series = [a for a in c.history if a.realisation is not None]
    if len(series) >= 3:
        values = [a.realisation for a in series]
        steps = [b - a for a, b in zip(values, values[1:], strict=False)]
        if all(x > 0 for x in steps) or all(x < 0 for x in steps):
            way = "naik" if steps[0] > 0 else "turun"
            found.append(f"Realisasinya {way} setiap tahun sejak {series[0].year} "
                         f"({amount(ind, values[0])} menjadi {amount(ind, values[-1])}).")
    found += _villages(results, c)
    found += _survey(results, c)
    found += _services(results, c)
    return found


def _detail(results: Results, c: Comparison, attribute: str):
    """The evidence of the data sheet that computed this indicator (`attribute` names its kind), or None."""
    return next((r.detail for r in results.evidence.values() if hasattr(r.detail, attribute)
                 and any(f.indicator == c.indicator.number for f in r.figures)), None)


def _survey(results: Results, c: Comparison) -> list[str]:
    """SKM: the unsur that fell most since last year, and the lowest one if it is a standing weakness."""
    detail = _detail(results, c, "weight")
    if detail is None:
        return []
    now = detail.year(c.indicator.number, c.current.year)
    before = detail.year(c.indicator.number, c.current.year - 1)
    if now is None or before is None:
        return []
    drops = sorted(((now.nrr[i] - before.nrr[i], i) for i in range(len(now.nrr))), key=lambda d: d[0])
    fallen = [(d, i) for d, i in drops if d <= -SKM_DROP][:3]
    found = []
    if fallen:
        parts = [f"{L.SKM_UNSUR[i]} {rules.SKM_UNSUR_NAMES[i]} ({fmt.number(before.nrr[i])} menjadi "
                 f"{fmt.number(now.nrr[i])})" for _, i in fallen]
        found.append(f"Dibanding {before.year}, unsur survei yang nilainya paling menurun: {listing(parts)}.")
    if now.lowest == before.lowest:
        i = now.lowest
        change = "tidak menurun" if now.nrr[i] >= before.nrr[i] else "ikut menurun"
        found.append(f"Unsur terendah tetap {L.SKM_UNSUR[i]} {rules.SKM_UNSUR_NAMES[i]} (NRR "
                     f"{fmt.number(now.nrr[i])}), seperti tahun {before.year}, dan {change}.")
    return found


def _services(results: Results, c: Comparison) -> list[str]:
    """Service register: the kinds of service with the most late requests."""
    detail = _detail(results, c, "local_days")
    if detail is None:
        return []
    year = next((y for y in detail.years if y.year == c.current.year), None)
    if year is None:
        return []
    late = sorted((k for k in year.kinds if k.late), key=lambda k: -k.late)[:2]
    if not late:
        return []
    parts = [f"{k.kind} ({fmt.number(Decimal(k.late), 0)} dari {fmt.number(Decimal(k.counted), 0)} permohonan, "
             f"standar {k.standard} hari kerja)" for k in late]
    total = year.counted - year.on_time
    return [f"Dari {fmt.number(Decimal(total), 0)} permohonan yang terlambat, terbanyak pada layanan "
            f"{listing(parts)}."]


def _villages(results: Results, c: Comparison) -> list[str]:
    """Status Desa history: a desa that fell back, and a count that falls because desa moved up a class."""
    detail = next((r.detail for r in results.evidence.values() if hasattr(r.detail, "villages")
                   and any(f.indicator == c.indicator.number for f in r.figures)), None)
    if detail is None:
        return []
    found = []
    years = [y for y in detail.years if y.year <= c.current.year]
    for y in years[1:]:
        for name in y.fell:
            village = next(v for v in detail.villages if v.name == name)
            before, after = village.statuses.get(y.year - 1), village.statuses.get(y.year)
            later = [v for yr, v in sorted(village.statuses.items()) if y.year < yr <= c.current.year]
            back = (f" dan kembali {later[-1]} pada {c.current.year}" if later and
                    VILLAGE_STATUSES.index(later[-1]) > VILLAGE_STATUSES.index(after) else "")
            found.append(f"Desa {name} turun dari {before} menjadi {after} pada {y.year}{back}.")
    status = _status_of(c)
    rank = VILLAGE_STATUSES.index(status) if status else -1
    higher = VILLAGE_STATUSES[rank + 1] if 0 <= rank < len(VILLAGE_STATUSES) - 1 else ""
    for before, y in zip(years, years[1:], strict=False):
        if not higher or y.counts.get(status, 0) >= before.counts.get(status, 0):
            continue
        moved = [n for n in y.rose if before_status(detail, n, before.year) == status
                 and before_status(detail, n, y.year) == higher]
        if moved:
            found.append(f"Pada {y.year} jumlah Desa {status} berkurang karena {listing(['Desa ' + n for n in moved])} "
                         f"naik menjadi Desa {higher}, bukan karena desa turun status.")
    return found


def before_status(detail, name: str, year: int) -> str | None:
    village = next((v for v in detail.villages if v.name == name), None)
    return village.statuses.get(year) if village else None


def _status_of(c: Comparison) -> str:
    """The village status an indicator counts ('Maju' for Jumlah Desa Maju), or ''."""
    words = c.indicator.name.split()
    return next((s for s in VILLAGE_STATUSES if s in words), "") if c.indicator.unit == "desa" else ""
