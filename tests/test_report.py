"""Comparisons, efficiency, quarters and the generated sentences, with hand-computed values."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

from iku import rules
from iku.measure import compute, report, sentences
from iku.model import BudgetLine, Identity, ReportInput


def results_for(mantup, values, year=2025, catalogue=None, **extra):
    cat = catalogue or mantup
    ident = Identity("Kecamatan Mantup", year, cat.office.signatory, "Mantup", dt.date(2026, 1, 30), False)
    realisations = {ind.number: values.get(ind.number, {}) for ind in cat.indicators}
    return compute.compute(cat, ReportInput(Path("x.xlsx"), ident, realisations, **extra))


def with_indicator(mantup, number, **changes):
    indicators = tuple(replace(i, **changes) if i.number == number else i for i in mantup.indicators)
    return replace(mantup, indicators=indicators)


def by_number(comparisons, number):
    return next(c for c in comparisons if c.indicator.number == number)


def test_comparison_with_earlier_year_and_end_target(mantup):
    res = results_for(mantup, {10: {2023: D("33.33"), 2025: D("40.00")}})
    c = by_number(report.comparisons(res), 10)
    assert c.previous.year == 2023  # 2024 not reported: the latest earlier year with data
    assert c.change == D("6.67") and c.trend == "naik" and c.improved is True
    assert c.end_target == D("53.33")
    assert rules.round_half_up(c.end_capaian) == D("75.00")  # 40 / 53,33 x 100 = 75,0047...
    assert [a.year for a in c.history] == [2021, 2022, 2023, 2024, 2025]


def test_comparison_without_data_or_target(mantup):
    c = by_number(report.comparisons(results_for(mantup, {})), 1)
    assert c.previous is None and c.change is None and c.trend == "" and c.end_capaian is None
    assert c.end_note == "target belum ditetapkan"


def test_lower_is_better_trend_and_standard(mantup):
    cat = with_indicator(mantup, 3, higher_is_better=False, standard=D(10), standard_source="Permen X",
                         targets={**mantup.indicators[2].targets, 2025: D(10)}, end_target=D(8))
    c = by_number(report.comparisons(results_for(mantup, {3: {2024: D(12), 2025: D(9)}}, catalogue=cat)), 3)
    assert c.trend == "turun" and c.improved is True  # fewer is better
    assert c.current.capaian == D(110)  # (2 x 10 - 9) / 10 x 100
    assert c.end_capaian == D("87.5")  # (2 x 8 - 9) / 8 x 100
    assert c.standard_capaian == D(110)


def test_program_budget_absorption_and_efficiency(mantup):
    program = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"
    cat = with_indicator(mantup, 6, targets={**mantup.indicators[5].targets, 2025: D(95)})
    budget = (
        BudgetLine(program, "Kegiatan A", D(100_000_000), D(80_000_000)),
        BudgetLine(program, "Kegiatan B", D(50_000_000), D(40_000_000)),
        BudgetLine("Program Lain", "Kegiatan C", D(10_000_000), D(10_000_000)),
    )
    res = results_for(mantup, {6: {2025: D("97.85")}}, catalogue=cat, budget=budget)
    first, other = report.program_budgets(res)
    assert (first.ceiling, first.spent, first.absorption) == (D(150_000_000), D(120_000_000), D(80))
    assert first.capaian == D(103)  # 97,85 / 95 x 100
    assert first.efficiency == D("1.2875") and first.efficient is True  # 103 / 80
    assert other.indicators == () and other.efficiency is None
    assert report.total_budget([first, other]) == (D(160_000_000), D(130_000_000), D("81.25"))
    assert sentences.efficiency(first) == (
        f"Serapan anggaran {program} sebesar 80,00% dengan capaian indikator yang didukungnya (Persentase "
        "Penyelenggaraan Pelayanan Publik yang Tepat Waktu) 103,00%; rasio capaian terhadap serapan 1,29, sehingga "
        "penggunaan anggaran dinilai efisien.")
    assert "belum dikaitkan dengan sasaran atau indikator kinerja" in sentences.efficiency(other)


def test_zero_ceiling_gives_no_absorption():
    assert rules.absorption(D(0), D(0)) is None
    assert rules.efficiency(D(90), None) is None


def test_quarter_rollup_and_cumulative():
    q = (D(2), None, D(3), D(1))
    assert rules.rollup(q, "terakhir") == D(1)
    assert rules.rollup(q, "jumlah") == D(6)
    assert rules.rollup(q, "rata-rata") == D(2)
    assert rules.rollup((None,) * 4, "jumlah") is None
    assert rules.cumulative(q, "jumlah") == [D(2), None, D(5), D(6)]


def test_year_figure_from_quarters_when_the_year_is_complete(mantup):
    res = results_for(mantup, {10: {2024: D(40)}}, quarters={10: (D(20), D("33.33"), D("33.33"), D(40))})
    assert res.achievements[10][-1].realisation == D(40)
    assert any("diambil dari lembar Triwulan" in w for w in res.warnings)


def test_partial_year_never_passes_for_the_year(mantup):
    res = results_for(mantup, {10: {2024: D(40)}}, quarters={10: (D(20), D("33.33"), None, None)})
    assert res.achievements[10][-1].realisation is None
    assert any("baru terisi sampai sebelum TW IV" in w for w in res.warnings)
    rows = report.quarter_rows(res)
    row = next(r for r in rows if r.indicator.number == 10)
    assert row.cumulative == (D(20), D("33.33"), None, None)
    assert rules.round_half_up(row.capaian[1]) == D("71.42")  # 33,33 / 46,67 x 100 = 71,416...
    assert report.last_quarter_reported(rows) == 2


def test_stated_year_figure_wins_over_quarters_with_a_warning(mantup):
    res = results_for(mantup, {10: {2025: D(40)}}, quarters={10: (D(20), None, None, D(33))})
    assert res.achievements[10][-1].realisation == D(40)
    assert any("berbeda" in w for w in res.warnings)


# Sentences, word for word.

def test_sentence_rising(mantup):
    c = by_number(report.comparisons(results_for(mantup, {10: {2024: D("33.33"), 2025: D("40")}})), 10)
    assert sentences.paragraph(c, 2026) == (
        "Pada tahun 2025, Persentase Desa Naik Kelas terealisasi sebesar 40,00%, belum mencapai target 46,67% "
        "(kurang 6,67 poin persen); capaian kinerjanya 85,71% dengan predikat Tinggi. Dari 33,33% pada tahun "
        "2024, realisasi naik 6,67 poin persen; kinerja membaik, tetapi target tahun ini belum tercapai. "
        "Realisasi tahun 2025 sebesar 40,00% setara dengan 75,00% dari target kondisi akhir Renstra tahun 2026 "
        "(53,33%).")


def test_sentence_falling(mantup):
    c = by_number(report.comparisons(results_for(mantup, {8: {2024: D(100), 2025: D("87.5")}})), 8)
    assert sentences.trend(c) == (
        "Dari 100,00% pada tahun 2024, realisasi turun 12,50 poin persen; kinerja tahun ini menurun dan kini "
        "berada di bawah target, sedangkan target tahun 2024 tercapai.")
    assert sentences.outcome(c).endswith("capaian kinerjanya 87,50% dengan predikat Tinggi.")


def test_sentence_unchanged_and_counts(mantup):
    c = by_number(report.comparisons(results_for(mantup, {2: {2024: D(3), 2025: D(3)}})), 2)
    assert sentences.trend(c) == "Realisasi ini sama dengan tahun 2024 (tiga desa), sehingga kinerjanya tidak berubah."
    assert sentences.outcome(c) == (
        "Pada tahun 2025, Jumlah Desa Mandiri terealisasi sebanyak tiga desa. Target tahun 2025 belum ditetapkan, "
        "sehingga capaian kinerja belum dapat dihitung.")
    c = by_number(report.comparisons(results_for(mantup, {2: {2024: D(2), 2025: D(3)}})), 2)
    assert sentences.trend(c) == "Dari dua desa pada tahun 2024, realisasi naik satu desa; kinerja membaik."


def test_sentence_not_reported_and_overview(mantup):
    res = results_for(mantup, {10: {2025: D(40)}, 1: {2025: D("86.31")}, 7: {2025: D(100)}})
    comps = report.comparisons(res)
    assert sentences.outcome(by_number(comps, 9)) == (
        "Realisasi indikator Persentase Urusan Pemeritahan Umum yang Diselenggarakan tahun 2025 belum dilaporkan.")
    labels = list(mantup.office.predicate_labels.values())
    assert sentences.overview(comps, 2025, labels) == (
        "Pada tahun 2025, dua dari sepuluh indikator kinerja dapat diukur capaiannya: satu berpredikat Sangat "
        "Tinggi dan satu berpredikat Tinggi. Satu indikator belum dapat diukur karena targetnya belum ditetapkan. "
        "Realisasi tujuh indikator belum dilaporkan.")


def test_nothing_spent_is_not_judged(mantup):
    cat = with_indicator(mantup, 6, targets={**mantup.indicators[5].targets, 2025: D(95)})
    budget = (BudgetLine("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "A", D(100), D(0)),)
    res = results_for(mantup, {6: {2025: D(95)}}, catalogue=cat, budget=budget)
    (only,) = report.program_budgets(res)
    assert only.efficiency is None and only.capaian == D(100)
    assert sentences.efficiency(only).endswith("sebesar 0,00%: anggaran belum terserap, sehingga efisiensi tidak "
                                               "dinilai.")


def test_target_zero_sentence(mantup):
    c = by_number(report.comparisons(results_for(mantup, {8: {2023: D(100)}}, year=2023)), 8)
    assert sentences.outcome(c) == ("Untuk tahun 2023, realisasi Persentase Konflik yang Tertangani sebesar "
                                    "100,00%; karena target bernilai 0, capaian kinerja tidak dihitung.")
