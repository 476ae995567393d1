"""Generated Indonesian sentences for the LKjIP: they state numbers and trends, never judgement."""

from __future__ import annotations

from decimal import Decimal

from iku import formatting as fmt
from iku import rules
from iku.model import Indicator
from iku.report import Comparison, ProgramBudget


def change_amount(ind: Indicator, change: Decimal) -> str:
    """The size of a change in the indicator's unit: '6,67 poin persen', '0,55 poin', '1 desa'."""
    size = abs(change)
    if ind.is_percent:
        return f"{fmt.number(size)} poin persen"
    if ind.is_count:
        return fmt.value(ind, size)
    return f"{fmt.number(size)} poin"


def outcome(c: Comparison) -> str:
    ind, now = c.indicator, c.current
    head = f"Realisasi indikator {ind.name} tahun {now.year}"
    if now.realisation is None:
        return f"{head} belum dilaporkan."
    real = fmt.value(ind, now.realisation)
    if now.target is None:
        return (f"{head} sebesar {real}. Target tahun {now.year} belum ditetapkan, "
                "sehingga capaian kinerja belum dapat dihitung.")
    if now.capaian is None:
        reason = "target bernilai 0" if now.target == 0 else "realisasi bernilai 0"
        return f"{head} sebesar {real}; karena {reason}, capaian kinerja tidak dihitung."
    return (
        f"{head} sebesar {real} dari target {fmt.target(ind, now.target)}, sehingga capaian kinerjanya "
        f"{fmt.percent(now.capaian)} dengan predikat {now.predicate}."
    )


def trend(c: Comparison) -> str:
    ind, now, before = c.indicator, c.current, c.previous
    if now.realisation is None:
        return ""
    if before is None or c.change is None:
        return "Belum ada realisasi tahun sebelumnya sebagai pembanding."
    past = f"tahun {before.year} ({fmt.value(ind, before.realisation)})"
    if c.trend == "tetap":
        return f"Realisasi ini sama dengan {past}."
    verb = "naik" if c.trend == "naik" else "turun"
    verdict = "membaik" if c.improved else "menurun"
    return f"Dibandingkan {past}, realisasi {verb} {change_amount(ind, c.change)}; kinerja {verdict}."


def end_target(c: Comparison, period_end: int) -> str:
    ind, now = c.indicator, c.current
    if c.end_target is None:
        return f"Target kondisi akhir Renstra tahun {period_end} belum ditetapkan."
    if now.realisation is None or c.end_capaian is None:
        return f"Target kondisi akhir Renstra tahun {period_end} sebesar {fmt.target(ind, c.end_target)}."
    return (
        f"Terhadap target kondisi akhir Renstra tahun {period_end} sebesar {fmt.target(ind, c.end_target)}, "
        f"realisasi tahun {now.year} telah mencapai {fmt.percent(c.end_capaian)}."
    )


def _skm_scale(scale: str) -> str:
    bands = rules.SKM_GRADES[scale]
    parts, upper = [], "100"
    for bound, letter, words in bands:
        parts.append(f"{letter} ({words}) {fmt.number(bound)}-{upper}")
        upper = fmt.number(bound - Decimal("0.01"))
    parts.append(f"{rules.SKM_LOWEST_GRADE[0]} ({rules.SKM_LOWEST_GRADE[1]}) 25,00-{upper}")
    return "; ".join(parts)


def _sakip_scale() -> str:
    parts = [f"{letter} > {fmt.number(bound, 0)}" for bound, letter, _ in rules.SAKIP_PREDICATES]
    return "; ".join(parts) + f"; {rules.SAKIP_LOWEST[0]} \u2264 {fmt.number(rules.SAKIP_PREDICATES[-1][0], 0)}"


def national_scale(c: Comparison, skm_scale: str = "14/2017") -> str:
    """The national scale an index is read against (SKM mutu, SAKIP predicate), or "" for other indicators."""
    ind, now = c.indicator, c.current
    if ind.source == "skm":
        head = f"Standar nasional: skala mutu pelayanan {rules.SKM_SCALE_NAMES[skm_scale]} ({_skm_scale(skm_scale)})"
        if now.realisation is None:
            return head + "."
        letter, words = rules.skm_grade(now.realisation, skm_scale)
        return f"{head}; IKM {fmt.number(now.realisation)} termasuk mutu {letter} ({words})."
    if ind.source == "sakip":
        head = f"Standar nasional: predikat SAKIP PermenPANRB Nomor 88 Tahun 2021 ({_sakip_scale()})"
        if now.realisation is None:
            return head + "."
        letter, words = rules.sakip_predicate(now.realisation)
        return f"{head}; nilai {fmt.number(now.realisation)} berpredikat {letter} ({words})."
    return ""


def standard(c: Comparison, skm_scale: str = "14/2017") -> str:
    ind = c.indicator
    scale = national_scale(c, skm_scale)
    if scale:
        return scale
    if ind.standard is None:
        return "Tidak ada standar nasional atau provinsi yang ditetapkan untuk indikator ini."
    source = f" ({ind.standard_source})" if ind.standard_source else ""
    if c.standard_capaian is None:
        return f"Standar nasional/provinsi{source} sebesar {fmt.value(ind, ind.standard)}."
    return (
        f"Terhadap standar nasional/provinsi{source} sebesar {fmt.value(ind, ind.standard)}, "
        f"capaiannya {fmt.percent(c.standard_capaian)}."
    )


def paragraph(c: Comparison, period_end: int) -> str:
    return " ".join(s for s in (outcome(c), trend(c), end_target(c, period_end)) if s)


def overview(comparisons: list[Comparison], year: int, labels: list[str]) -> str:
    """Two or three sentences for the ikhtisar eksekutif."""
    measured = [c for c in comparisons if c.current.capaian is not None]
    no_target = [c for c in comparisons if c.current.realisation is not None and c.current.target is None]
    not_computed = [c for c in comparisons if c.current.realisation is not None and c.current.target is not None
                    and c.current.capaian is None]
    unreported = [c for c in comparisons if c.current.realisation is None]
    parts = [f"Pada tahun {year}, {len(measured)} dari {len(comparisons)} indikator kinerja dapat diukur capaiannya"]
    if measured:
        counts = [(label, sum(1 for c in measured if c.current.predicate == label)) for label in labels]
        parts[0] += ": " + ", ".join(f"{n} berpredikat {label}" for label, n in counts if n)
    sentences = [parts[0] + "."]
    if no_target:
        sentences.append(f"{len(no_target)} indikator belum dapat diukur karena targetnya belum ditetapkan.")
    if not_computed:
        sentences.append(f"{len(not_computed)} indikator tidak dihitung capaiannya karena targetnya bernilai 0.")
    if unreported:
        sentences.append(f"Realisasi {len(unreported)} indikator belum dilaporkan.")
    return " ".join(sentences)


def efficiency(b: ProgramBudget) -> str:
    if b.absorption is None:
        return f"Pagu {b.program} bernilai 0, sehingga serapan anggaran tidak dihitung."
    head = f"Serapan anggaran {b.program} sebesar {fmt.percent(b.absorption)}"
    if b.absorption == 0:
        return f"{head}: anggaran belum terserap, sehingga efisiensi tidak dinilai."
    if not b.indicators:
        return f"{head}; program ini tidak memiliki indikator kinerja di katalog, sehingga efisiensinya tidak dinilai."
    if b.efficiency is None:
        return f"{head}; capaian indikator programnya belum dapat dihitung, sehingga efisiensi belum dapat dinilai."
    verdict = "efisien" if b.efficient else "belum efisien"
    return (
        f"{head} dengan rata-rata capaian indikator {fmt.percent(b.capaian)}; rasio capaian terhadap serapan "
        f"{fmt.number(b.efficiency)}, sehingga penggunaan anggaran dinilai {verdict}."
    )
