"""Generated Indonesian sentences for the LKjIP: they state numbers and how they compare, never judgement.

Written as a careful civil servant would (EYD): no sentence starts with a numeral, counts that take one or two
words are written in words, and every percentage says what it is a percentage of.
"""

from __future__ import annotations

from decimal import Decimal

from iku import formatting as fmt
from iku import rules
from iku.measure.report import Comparison, ProgramBudget
from iku.model import Indicator


def count(n: int) -> str:
    """EYD: a number that one or two words can say is written in words (2 -> 'dua', 15 -> 'lima belas'),
    a longer one in figures (25 -> '25')."""
    spoken = fmt.words(n)
    return spoken if len(spoken.split()) <= 2 else fmt.number(Decimal(n), 0)


def opening_count(n: int) -> str:
    """A count that opens a sentence: 'Satu', 'Lima belas', or 'Sebanyak 25' (never a numeral first)."""
    spoken = count(n)
    return capitalised(spoken) if not spoken[:1].isdigit() else f"Sebanyak {spoken}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def amount(ind: Indicator, value: Decimal) -> str:
    """A value in running text: whole counts in words ('tiga desa'), everything else as the tables print it."""
    if ind.is_count and value == value.to_integral_value() and value >= 0:
        return f"{count(int(value))} {ind.unit}"
    return fmt.value(ind, value)


def change_amount(ind: Indicator, change: Decimal) -> str:
    """The size of a change in the indicator's unit: '6,67 poin persen', '0,55 poin', 'satu desa'."""
    size = abs(change)
    if ind.is_predicate:  # ranks: BB to A is one step
        return f"{count(int(size))} tingkat predikat"
    if ind.is_percent:
        return f"{fmt.number(size)} poin persen"
    if ind.is_count:
        return amount(ind, size)
    return f"{fmt.number(size)} poin"


def _better(ind: Indicator, realisation: Decimal, reference: Decimal) -> int:
    """1 when the realisation is better than the reference (polarity taken into account), -1 worse, 0 equal."""
    if realisation == reference:
        return 0
    return 1 if (realisation > reference) == ind.higher_is_better else -1


def _opening(ind: Indicator, year: int, real: str) -> str:
    """The year's figure, opened in turn four ways, so that ten sections do not read as one template; a count is
    'sebanyak', an amount 'sebesar'."""
    size = "sebanyak" if ind.is_count else "sebesar"
    return (
        f"Realisasi indikator {ind.name} tahun {year} {size} {real}",
        f"Pada tahun {year}, {ind.name} terealisasi {size} {real}",
        f"{capitalised(ind.name)} tahun {year} tercatat {size} {real}",
        f"Untuk tahun {year}, realisasi {ind.name} {size} {real}",
    )[(ind.number - 1) % 4]


def _predicate_outcome(c: Comparison) -> str:
    """'Nilai SAKIP Kecamatan tahun 2025 berpredikat BB, sama dengan targetnya (BB); target tercapai.'"""
    ind, now = c.indicator, c.current
    head = f"{capitalised(ind.name)} tahun {now.year} berpredikat {fmt.value(ind, now.realisation)}"
    if now.target is None:
        return f"{head}. Target tahun {now.year} belum ditetapkan, sehingga capaian kinerja belum dapat dinilai."
    target = fmt.value(ind, now.target)
    side = _better(ind, now.realisation, now.target)
    where = "sama dengan" if side == 0 else "lebih baik daripada" if side > 0 else "di bawah"
    return f"{head}, {where} targetnya ({target}); target {'tercapai' if now.attained else 'tidak tercapai'}."


def outcome(c: Comparison) -> str:
    ind, now = c.indicator, c.current
    if now.realisation is None:
        return f"Realisasi indikator {ind.name} tahun {now.year} belum dilaporkan."
    if ind.is_predicate:
        return _predicate_outcome(c)
    real = amount(ind, now.realisation)
    head = _opening(ind, now.year, real)
    if now.target is None:
        return (f"{head}. Target tahun {now.year} belum ditetapkan, "
                "sehingga capaian kinerja belum dapat dihitung.")
    if now.capaian is None:
        reason = "target bernilai 0" if now.target == 0 else "realisasi bernilai 0"
        return f"{head}; karena {reason}, capaian kinerja tidak dihitung."
    target = amount(ind, now.target)
    gap = change_amount(ind, now.realisation - now.target)
    result = f"capaian kinerjanya {fmt.percent(now.capaian)} dengan predikat {now.predicate}"
    side = _better(ind, now.realisation, now.target)
    if side == 0:
        return f"{head}, tepat sama dengan targetnya; {result}."
    if side > 0:
        return f"{head}, melampaui target {target} dengan selisih {gap}; {result}."
    return f"{head}, belum mencapai target {target} (kurang {gap}); {result}."


def trend(c: Comparison) -> str:
    ind, now, before = c.indicator, c.current, c.previous
    if now.realisation is None:
        return ""
    if before is None or c.change is None:
        return "Belum ada realisasi tahun sebelumnya sebagai pembanding."
    past = f"tahun {before.year} ({amount(ind, before.realisation)})"
    verb = "naik" if c.trend == "naik" else "turun"
    size = change_amount(ind, c.change)
    if ind.is_predicate and c.trend == "tetap":
        return f"Predikat ini sama dengan {past}, sehingga kinerjanya tidak berubah."
    if c.trend == "tetap":
        return f"Realisasi ini sama dengan {past}, sehingga kinerjanya tidak berubah."
    polarity = "" if ind.higher_is_better else ", karena indikator ini makin rendah makin baik"
    if ind.is_predicate:  # 'naik dari B pada tahun 2024 (satu tingkat predikat)'
        start = f"Predikat ini {verb} dari {amount(ind, before.realisation)} pada tahun {before.year} ({size})"
    else:
        start = (f"Dibandingkan {past}, realisasi {verb} {size}" if ind.number % 2 else
                 f"Dari {amount(ind, before.realisation)} pada tahun {before.year}, realisasi {verb} {size}")
    if c.improved:
        text = f"{start}; kinerja membaik{polarity}"
    else:
        text = f"{start}; kinerja tahun ini menurun{polarity}"
    crossed = _crossed(c)
    return text + (f"{',' if crossed.startswith('tetapi') else ''} {crossed}" if crossed else "") + "."


def _crossed(c: Comparison) -> str:
    """How the year stands against its target, compared with the year before, as a clause ('' without targets)."""
    before, now = c.previous, c.current
    is_ = _met(now)
    if is_ is None:
        return ""
    was = _met(before) if before is not None else None
    if is_ and was is False:
        return f"dan target tahun ini tercapai, sedangkan target tahun {before.year} tidak tercapai"
    if not is_ and was:
        return f"dan kini berada di bawah target, sedangkan target tahun {before.year} tercapai"
    if c.improved:
        return "dan target tahun ini tercapai" if is_ else "tetapi target tahun ini belum tercapai"
    return "tetapi target tahun ini tetap tercapai" if is_ else "dan target tahun ini belum tercapai"


def _met(a) -> bool | None:
    """Whether a year reached its target: by its capaian, or by the order of the predicates; None unjudged."""
    if a.attained is not None:
        return a.attained
    if a.capaian is None:
        return None
    return _better(a.indicator, a.realisation, a.target) >= 0


def _predicate_end_target(c: Comparison, period_end: int) -> str:
    ind, now = c.indicator, c.current
    end = fmt.value(ind, c.end_target)
    if now.realisation is None or c.end_attained is None:
        return f"Target kondisi akhir Renstra tahun {period_end} berpredikat {end}."
    real = f"Realisasi tahun {now.year} berpredikat {fmt.value(ind, now.realisation)}"
    side = _better(ind, now.realisation, c.end_target)
    verb = "telah mencapai" if side == 0 else "telah melampaui" if side > 0 else "belum mencapai"
    return f"{real}, {verb} target kondisi akhir Renstra tahun {period_end} ({end})."


def end_target(c: Comparison, period_end: int) -> str:
    ind, now = c.indicator, c.current
    if c.end_target is None:
        return f"Target kondisi akhir Renstra tahun {period_end} belum ditetapkan."
    if ind.is_predicate:
        return _predicate_end_target(c, period_end)
    end = amount(ind, c.end_target)
    if now.realisation is None or c.end_capaian is None:
        return f"Target kondisi akhir Renstra tahun {period_end} sebesar {end}."
    real = f"Realisasi tahun {now.year} sebesar {amount(ind, now.realisation)}"
    shown = rules.round_half_up(c.end_capaian)
    if shown == 100:
        return f"{real} telah mencapai target kondisi akhir Renstra tahun {period_end} ({end})."
    if shown > 100:
        return (f"{real} telah melampaui target kondisi akhir Renstra tahun {period_end} ({end}), dengan capaian "
                f"{fmt.percent(c.end_capaian)} terhadap target tersebut.")
    return (f"{real} setara dengan {fmt.percent(c.end_capaian)} dari target kondisi akhir Renstra tahun "
            f"{period_end} ({end}).")


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
        if ind.is_predicate:  # the realisation is the predicate itself, taken from the score
            letter = fmt.value(ind, now.realisation)
            return f"{head}; predikat {letter} berarti {rules.PREDICATE_WORDS[letter]}."
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


def listing(parts: list[str]) -> str:
    """'a', 'a dan b', 'a, b, dan c' (EYD: a comma before 'dan' in a list of three or more)."""
    if len(parts) <= 2:
        return " dan ".join(parts)
    return ", ".join(parts[:-1]) + ", dan " + parts[-1]


def overview(comparisons: list[Comparison], year: int, labels: list[str]) -> str:
    """Two or three sentences for the ikhtisar eksekutif and the conclusion."""
    measured = [c for c in comparisons if c.current.capaian is not None]
    judged = [c for c in comparisons if c.current.attained is not None]  # predicate targets, met or not
    no_target = [c for c in comparisons if c.current.realisation is not None and c.current.target is None]
    not_computed = [c for c in comparisons if c.current.realisation is not None and c.current.target is not None
                    and not c.current.judged]
    unreported = [c for c in comparisons if c.current.realisation is None]
    found = len(measured) + len(judged)
    if found and found == len(comparisons):
        first = f"Pada tahun {year}, seluruh indikator kinerja ({count(len(comparisons))} indikator) dapat diukur " \
                "capaiannya"
    else:
        first = f"Pada tahun {year}, {count(found)} dari {count(len(comparisons))} indikator kinerja " \
                "dapat diukur capaiannya"
    if found:
        counts = [(label, sum(1 for c in measured if c.current.predicate == label)) for label in labels]
        parts = [f"{count(n)} berpredikat {label}" for label, n in counts if n]
        met = sum(1 for c in judged if c.current.attained)
        parts += [f"{count(n)} indikator bertarget predikat yang targetnya {what}"
                  for n, what in ((met, "tercapai"), (len(judged) - met, "tidak tercapai")) if n]
        first += ": " + listing(parts)
    result = [first + "."]
    if no_target:
        result.append(f"{opening_count(len(no_target))} indikator belum dapat diukur karena targetnya belum "
                      "ditetapkan.")
    if not_computed:
        result.append(f"{opening_count(len(not_computed))} indikator tidak dihitung capaiannya karena targetnya "
                      "bernilai 0.")
    if unreported:
        result.append(f"Realisasi {count(len(unreported))} indikator belum dilaporkan.")
    return " ".join(result)


def indirect(lines, total_ceiling: Decimal, names: dict[int, str]) -> str:
    """Why efficiency is not judged where a kegiatan holding most of the pagu is credited to one indicator."""
    parts = [f"\u201c{line.activity}\u201d memuat {fmt.percent(line.ceiling * rules.HUNDRED / total_ceiling)} "
             f"dari total pagu dan hanya dikaitkan dengan indikator {names.get(line.supports[0], '')}"
             for line in lines]
    return (f"Kegiatan {listing(parts)}; keterkaitan anggaran sebesar itu dengan capaian satu indikator bersifat "
            "tidak langsung, sehingga efisiensinya tidak dinilai dengan rasio capaian terhadap serapan.")


def efficiency(b: ProgramBudget, total_ceiling: Decimal | None = None, names: dict[int, str] | None = None) -> str:
    if b.absorption is None:
        return f"Pagu {b.program} bernilai 0, sehingga serapan anggaran tidak dihitung."
    head = f"Serapan anggaran {b.program} sebesar {fmt.percent(b.absorption)}"
    if b.absorption == 0:
        return f"{head}: anggaran belum terserap, sehingga efisiensi tidak dinilai."
    if not b.indicators:
        return (f"{head}; program ini belum dikaitkan dengan sasaran atau indikator kinerja, sehingga efisiensinya "
                "tidak dinilai.")
    if b.efficiency is None and any(a.attained is not None for a in b.indicators) \
            and not any(a.capaian is not None for a in b.indicators):
        return (f"{head}; indikator yang didukungnya bertarget predikat, tanpa persentase capaian, sehingga "
                "efisiensi tidak dinilai dengan rasio capaian terhadap serapan.")
    if b.efficiency is None:
        return (f"{head}; capaian indikator yang didukungnya belum dapat dihitung, sehingga efisiensi belum dapat "
                "dinilai.")
    measured = [a for a in b.indicators if a.capaian is not None]
    judged = [a for a in b.indicators if a.attained is not None]
    mean = (f"rata-rata capaian {count(len(measured))} indikator yang didukungnya{predicate_aside(judged)}"
            if len(measured) > 1 else
            f"capaian indikator yang didukungnya ({measured[0].indicator.name}{predicate_aside(judged, inner=True)})")
    if b.indirect:
        total = total_ceiling or b.ceiling
        return f"{head} dengan {mean} {fmt.percent(b.capaian)}. {indirect(b.indirect, total, names or {})}"
    verdict = "efisien" if b.efficient else "belum efisien"
    return (
        f"{head} dengan {mean} {fmt.percent(b.capaian)}; rasio capaian terhadap serapan "
        f"{fmt.number(b.efficiency)}, sehingga penggunaan anggaran dinilai {verdict}."
    )


def predicate_aside(judged: list, inner: bool = False) -> str:
    """Where a mean capaian is printed: the predicate-target indicators it leaves out, ' (di luar X, yang bertarget
    predikat)' or, inside parentheses already, '; di luar X, ...'; '' when there is none."""
    if not judged:
        return ""
    text = f"di luar {listing([a.indicator.name for a in judged])}, yang bertarget predikat"
    return f"; {text}" if inner else f" ({text})"


def verdict(item) -> str:
    """The efficiency column of a budget table."""
    if item.indirect and item.efficiency is not None:
        return "Tidak dinilai (keterkaitan tidak langsung)"
    return {True: "Efisien", False: "Belum efisien", None: "Tidak dinilai"}[item.efficient]


def unspent(budgets: list[ProgramBudget]) -> str:
    """'Sisa anggaran Rp31.050.000 (5,22% dari pagu), terbesar pada kegiatan ... (Rp18.500.000).'"""
    ceiling = sum((b.ceiling for b in budgets), Decimal(0))
    left = ceiling - sum((b.spent for b in budgets), Decimal(0))
    if not ceiling or left <= 0:
        return ""
    lines = [line for b in budgets for line in b.lines]
    largest = max(lines, key=lambda line: line.ceiling - line.spent)
    share = f"{fmt.percent(left * rules.HUNDRED / ceiling)} dari pagu"
    if len([line for line in lines if line.ceiling > line.spent]) == 1:
        return f"Sisa anggaran Rp{_rupiah(left)} ({share}) seluruhnya pada kegiatan \u201c{largest.activity}\u201d."
    return (f"Sisa anggaran Rp{_rupiah(left)} ({share}), terbesar pada kegiatan \u201c{largest.activity}\u201d "
            f"(Rp{_rupiah(largest.ceiling - largest.spent)}).")


def _rupiah(value: Decimal) -> str:
    return fmt.number(value, 0)
