"""Domain rules: capaian formulas, predicate scale, rounding. One place, with sources."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
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


# Ours (the issue, and common practice in the kabupaten): a quarterly report is dated on the 10th day after
# its quarter ends, unless the office gives its own date (Identitas).
QUARTER_REPORT_DAY = 10


def quarter_end(year: int, quarter: int) -> dt.date:
    """31 March, 30 June, 30 September or 31 December."""
    following = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return following - dt.timedelta(days=1)


def quarter_report_date(year: int, quarter: int) -> dt.date:
    """TW I -> 10 April; TW IV -> 10 January of the next year."""
    return quarter_end(year, quarter) + dt.timedelta(days=QUARTER_REPORT_DAY)


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


# The general support programme every perangkat daerah has under the nomenclature of Permendagri 90/2019
# (Kepmendagri 050-5889/2021): salaries, offices, administration.
SUPPORT_PROGRAM = "program penunjang urusan pemerintahan daerah"
# Ours: a kegiatan of that programme holding more than half of the office's pagu and credited to a single
# indicator is not the cost of that one result, so efficiency (capaian / serapan) is not judged where it counts.
INDIRECT_SHARE = Decimal(50)


def is_indirect(program: str, line_ceiling: Decimal, total_ceiling: Decimal, indicators: int) -> bool:
    support = " ".join(program.split()).casefold().startswith(SUPPORT_PROGRAM)
    return (support and indicators == 1 and total_ceiling > 0
            and line_ceiling * HUNDRED / total_ceiling > INDIRECT_SHARE)


def predicate_key(capaian_percent: Decimal) -> str:
    """Judged on the capaian as printed (two decimals, ours): 90,9994% shows as 91,00% and is Sangat Tinggi."""
    shown = round_half_up(capaian_percent)
    for lower_bound, key in PREDICATE_BANDS:
        if shown >= lower_bound:
            return key
    return LOWEST_BAND


def mean_capaian(values: list[Decimal]) -> Decimal | None:
    """Mean capaian of several indicators (ours, as the LKjIP's program efficiency): the plain mean of the
    capaian at full precision, uncapped like every capaian here (no regulation caps it); indicators without
    a capaian are left out, never counted as 0. None when none has one."""
    return sum(values, Decimal(0)) / len(values) if values else None


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round once, at presentation (ours): 116,675 -> 116,68."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# --- The indices behind the indicators (shared/domain/README.md, "The indices behind the indicators") ---

# Survei Kepuasan Masyarakat, PermenPANRB 14/2017 (replaced 16/2014, which the seed cites): nine unsur,
# answers 1-4, NRR per unsur = mean answer, IKM interval = sum of NRR x weight, IKM = interval x 25 (25-100).
SKM_UNSUR_NAMES = (
    "Persyaratan",
    "Sistem, Mekanisme, dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Penanganan Pengaduan, Saran dan Masukan",
    "Sarana dan Prasarana",
)
SKM_ANSWER_RANGE = (1, 4)
SKM_CONVERSION = Decimal(25)
# Weight of each unsur: 1/9 exactly (the regulation), or the rounded 0,111 many kabupaten use (catalogue choice).
SKM_WEIGHTS = {"1/9": Decimal(1) / Decimal(9), "0,111": Decimal("0.111")}
SKM_WEIGHT_WORDS = {"1/9": "bobot 1/9 per unsur",
                    "0,111": "bobot 0,111 per unsur (1/9 yang dibulatkan)"}
# Mutu pelayanan on the 25-100 value: lower bounds, judged on the value as printed (two decimals, ours),
# so that every value has one grade. 14/2017: A 88,31-100, B 76,61-88,30, C 65,00-76,60, D 25,00-64,99;
# 16/2014 (and KEP/25/2004): A 81,26-100, B 62,51-81,25, C 43,76-62,50, D 25-43,75.
SKM_GRADES = {
    "14/2017": ((Decimal("88.31"), "A", "Sangat Baik"), (Decimal("76.61"), "B", "Baik"),
                (Decimal("65.00"), "C", "Kurang Baik")),
    "16/2014": ((Decimal("81.26"), "A", "Sangat Baik"), (Decimal("62.51"), "B", "Baik"),
                (Decimal("43.76"), "C", "Kurang Baik")),
}
SKM_LOWEST_GRADE = ("D", "Tidak Baik")
SKM_SCALE_NAMES = {"14/2017": "PermenPANRB Nomor 14 Tahun 2017", "16/2014": "PermenPANRB Nomor 16 Tahun 2014"}


def skm_grade(ikm: Decimal, scale: str = "14/2017") -> tuple[str, str]:
    """Mutu pelayanan (letter, words) of an IKM on the 25-100 scale."""
    shown = round_half_up(ikm)
    for lower_bound, letter, words in SKM_GRADES[scale]:
        if shown >= lower_bound:
            return letter, words
    return SKM_LOWEST_GRADE


def min_respondents(population: int) -> int:
    """Minimum sample for a population: Krejcie-Morgan, the table the SKM regulation attaches
    (chi-square 3,841, P 0,5, error 5%, rounded to the nearest): 100 -> 80, 500 -> 217, 1.000 -> 278, 5.000 -> 357."""
    if population <= 0:
        return 0
    chi, p, d = Decimal("3.841"), Decimal("0.5"), Decimal("0.05")
    size = chi * population * p * (1 - p) / (d * d * (population - 1) + chi * p * (1 - p))
    return int(size.to_integral_value(rounding=ROUND_HALF_UP))


# Status desa, lowest to highest. Up to IDM_LAST_YEAR the Indeks Desa Membangun sets it (Permendesa PDTT
# 2/2016): Mandiri > 0,8155 >= Maju > 0,7072 >= Berkembang > 0,5989 >= Tertinggal > 0,4907 >= Sangat
# Tertinggal. From 2024 the ministry publishes the Indeks Desa with the same names: the status is taken as published.
VILLAGE_STATUSES = ("Sangat Tertinggal", "Tertinggal", "Berkembang", "Maju", "Mandiri")
IDM_THRESHOLDS = ((Decimal("0.8155"), "Mandiri"), (Decimal("0.7072"), "Maju"), (Decimal("0.5989"), "Berkembang"),
                  (Decimal("0.4907"), "Tertinggal"))
IDM_LAST_YEAR = 2023


def idm_status(score: Decimal) -> str:
    for bound, status in IDM_THRESHOLDS:
        if score > bound:
            return status
    return VILLAGE_STATUSES[0]


def status_rank(status: str) -> int:
    return VILLAGE_STATUSES.index(status)


# Predicate of the SAKIP score, PermenPANRB 88/2021: AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, D.
SAKIP_PREDICATES = ((Decimal(90), "AA", "Sangat Memuaskan"), (Decimal(80), "A", "Memuaskan"),
                    (Decimal(70), "BB", "Sangat Baik"), (Decimal(60), "B", "Baik"), (Decimal(50), "CC", "Cukup"),
                    (Decimal(30), "C", "Kurang"))
SAKIP_LOWEST = ("D", "Sangat Kurang")


def sakip_predicate(score: Decimal) -> tuple[str, str]:
    shown = round_half_up(score)
    for bound, letter, words in SAKIP_PREDICATES:
        if shown > bound:
            return letter, words
    return SAKIP_LOWEST


# Predicate targets (catalogue `satuan = "predikat"`): the letters of PermenPANRB 88/2021, best first. Internally a
# predicate is held as its rank, D = 1 up to AA = 7 (ours), so that "higher is better" and every comparison of
# realisations (naik, turun, di bawah target) work on it unchanged; it is printed only as its letter.
PREDICATE_LETTERS = tuple(letter for _, letter, _ in SAKIP_PREDICATES) + (SAKIP_LOWEST[0],)
PREDICATE_WORDS = {letter: words for _, letter, words in SAKIP_PREDICATES} | {SAKIP_LOWEST[0]: SAKIP_LOWEST[1]}
# Ours: a predicate is never turned into a percentage; the documents say this instead of a capaian band.
NOTE_PREDICATE = "menurut urutan predikat"


def predicate_rank(letter: str) -> Decimal | None:
    """'BB' (any case, spaces around) -> Decimal(5); None when it is not one of the letters."""
    key = letter.strip().upper() if isinstance(letter, str) else ""
    return Decimal(len(PREDICATE_LETTERS) - PREDICATE_LETTERS.index(key)) if key in PREDICATE_LETTERS else None


def predicate_letter(rank: Decimal) -> str:
    """Decimal(5) -> 'BB'. Anything but a rank 1-7 is a bug: a number never passes for a predicate."""
    if rank != rank.to_integral_value() or not 1 <= rank <= len(PREDICATE_LETTERS):
        raise ValueError(f"{rank} bukan peringkat predikat")
    return PREDICATE_LETTERS[len(PREDICATE_LETTERS) - int(rank)]


def predicate_attained(target: Decimal | None, realisation: Decimal | None) -> tuple[bool | None, str]:
    """Ours, by the order of PermenPANRB 88/2021: a predicate target is met (tercapai) when the realisation's
    predicate is the same or better (BB against BB, A against BB), not met when it is lower (B against BB). No
    percentage is made of it. None with the reason when either is missing."""
    if target is None:
        return None, NOTE_NO_TARGET
    if realisation is None:
        return None, NOTE_NOT_REPORTED
    return realisation >= target, NOTE_PREDICATE


def judge(target: Decimal | None, realisation: Decimal | None, higher_is_better: bool = True,
          lower_formula: str = "selisih", predicate: bool = False) -> tuple[Decimal | None, bool | None, str]:
    """(capaian in percent, whether a predicate target is met, note): `capaian` for a number, `predicate_attained`
    for a predicate; the other of the two is always None."""
    if predicate:
        attained, note = predicate_attained(target, realisation)
        return None, attained, note
    value, note = capaian(target, realisation, higher_is_better, lower_formula)
    return value, None, note


@dataclass(frozen=True)
class SakipScheme:
    """The components the Inspektorat scores in one evaluation scheme, with their weights (adding up to 100)."""

    regulation: str  # "PermenPANRB 88/2021"
    components: tuple[tuple[str, Decimal], ...]  # komponen, bobot
    from_year: int  # first evaluation year under it


# Evaluation schemes of SAKIP, oldest first. PermenPANRB 12/2015 (Evaluasi atas Implementasi SAKIP): five
# components. PermenPANRB 88/2021 (Evaluasi Akuntabilitas Kinerja Instansi Pemerintah, enacted December 2021)
# replaced it for the evaluations carried out from 2022: four components. Ours: a year of the SAKIP sheet is the
# year the evaluation was carried out (the year of the Laporan Hasil Evaluasi), not the year evaluated, since the
# LKjIP of year Y is signed before year Y itself is evaluated. Years before 2015 (PermenPANRB 29/2010) are not
# modelled: no Renstra period here reaches back to them.
SAKIP_SCHEMES = (
    SakipScheme("PermenPANRB 12/2015", (("Perencanaan Kinerja", Decimal(30)), ("Pengukuran Kinerja", Decimal(25)),
                                        ("Pelaporan Kinerja", Decimal(15)), ("Evaluasi Internal", Decimal(10)),
                                        ("Capaian Kinerja", Decimal(20))), 2015),
    SakipScheme("PermenPANRB 88/2021", (("Perencanaan Kinerja", Decimal(30)), ("Pengukuran Kinerja", Decimal(30)),
                                        ("Pelaporan Kinerja", Decimal(15)),
                                        ("Evaluasi Akuntabilitas Kinerja Internal", Decimal(25))), 2022),
)
# Other spellings of a component: the seed IKU document writes 12/2015's "Capaian Kinerja" as "Pencapaian Kinerja".
SAKIP_COMPONENT_ALIASES = {"pencapaian kinerja": "capaian kinerja"}


def sakip_scheme(year: int) -> SakipScheme:
    """The scheme of the evaluation carried out in `year` (the oldest one for any earlier year)."""
    return next((s for s in reversed(SAKIP_SCHEMES) if year >= s.from_year), SAKIP_SCHEMES[0])


def sakip_scheme_named(text: str) -> SakipScheme | None:
    """'PermenPANRB 88/2021' (any spacing or case) -> its scheme."""
    key = " ".join(text.split()).casefold()
    return next((s for s in SAKIP_SCHEMES if s.regulation.casefold() == key), None)


def sakip_component_key(name: str) -> str:
    key = " ".join(name.split()).casefold()
    return SAKIP_COMPONENT_ALIASES.get(key, key)


def sakip_scheme_of(components: list[tuple[str, Decimal]]) -> SakipScheme | None:
    """The scheme whose components and weights are exactly these (in any order), or None."""
    given = sorted((sakip_component_key(name), weight) for name, weight in components)
    return next((s for s in SAKIP_SCHEMES
                 if sorted((sakip_component_key(n), w) for n, w in s.components) == given), None)


def working_days(received, finished, is_day_off) -> int:
    """Time taken by a service (ours, shared/domain): working days after the day of receipt up to and
    including the day of completion; the same day is 0. `is_day_off(date)` is True for weekends, public
    holidays, cuti bersama and local days off."""
    import datetime as dt

    days = 0
    day = received + dt.timedelta(days=1)
    while day <= finished:
        if not is_day_off(day):
            days += 1
        day += dt.timedelta(days=1)
    return days


# Pangkat and golongan/ruang of civil servants, PP 99/2000 (Kenaikan Pangkat PNS), as a signature block writes
# them: "Pembina (IV/a)".
RANKS = (
    ("I/a", "Juru Muda"), ("I/b", "Juru Muda Tingkat I"), ("I/c", "Juru"), ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"), ("II/b", "Pengatur Muda Tingkat I"), ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"), ("III/a", "Penata Muda"), ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"), ("III/d", "Penata Tingkat I"), ("IV/a", "Pembina"), ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"), ("IV/d", "Pembina Utama Madya"), ("IV/e", "Pembina Utama"),
)


def _rank_key(text: str) -> str:
    words = text.replace(".", " ").replace(",", " ").split()
    words = ["tingkat" if w.casefold() in ("tk", "tkt") else w for w in words]
    return " ".join(words).casefold()


def rank_with_grade(typed: str) -> tuple[str | None, str]:
    """'Pembina', 'Pembina (IV/a)', 'Pembina Tk. I', 'IV/b' -> ('Pembina Tingkat I (IV/b)', ''). A grade that does
    not belong to the rank -> (None, why); a rank outside the table -> (None, '') and it is printed as typed."""
    found = re.search(r"\b(IV|III|II|I)\s*/\s*([a-eA-E])\b", typed)
    grade = f"{found.group(1)}/{found.group(2).lower()}" if found else ""
    name = _rank_key(re.sub(r"[(\[]?\s*\b(IV|III|II|I)\s*/\s*[a-eA-E]\b\s*[)\]]?", " ", typed) if found else typed)
    by_name = {_rank_key(n): (g, n) for g, n in RANKS}
    by_grade = {g: n for g, n in RANKS}
    if name in by_name:
        expected, proper = by_name[name]
        if grade and grade != expected:
            return None, f"pangkat {proper} bergolongan {expected}, bukan {grade} (PP 99/2000)"
        return f"{proper} ({expected})", ""
    if not name and grade in by_grade:
        return f"{by_grade[grade]} ({grade})", ""
    return None, ""
