"""The LKjIP's generated sentences, one situation at a time, against hand-written expectations."""

from __future__ import annotations

import re
from decimal import Decimal as D

from test_report import by_number, results_for, with_indicator

from iku.measure import report, sentences
from iku.model import BudgetLine


def comparison(mantup, number, values, catalogue=None, year=2025):
    return by_number(report.comparisons(results_for(mantup, values, year=year, catalogue=catalogue)), number)


def with_target(mantup, number, year, target, **changes):
    ind = next(i for i in mantup.indicators if i.number == number)
    return with_indicator(mantup, number, targets={**ind.targets, year: D(target)}, **changes)


def test_counts_in_words_where_eyd_wants_them():
    assert [sentences.count(n) for n in (0, 2, 10, 15, 20, 25, 100)] == [
        "nol", "dua", "sepuluh", "lima belas", "dua puluh", "25", "seratus"]
    assert sentences.opening_count(1) == "Satu"
    assert sentences.opening_count(25) == "Sebanyak 25"


def test_above_target(mantup):
    c = comparison(mantup, 6, {6: {2025: D("97.85")}}, catalogue=with_target(mantup, 6, 2025, 95))
    assert sentences.outcome(c) == (
        "Pada tahun 2025, Persentase Penyelenggaraan Pelayanan Publik yang Tepat Waktu terealisasi sebesar 97,85%, "
        "melampaui target 95,00% dengan selisih 2,85 poin persen; capaian kinerjanya 103,00% dengan predikat Sangat "
        "Tinggi.")


def test_exactly_on_target_with_counts_in_words(mantup):
    c = comparison(mantup, 2, {2: {2025: D(3)}}, catalogue=with_target(mantup, 2, 2025, 3))
    assert sentences.outcome(c) == (
        "Pada tahun 2025, Jumlah Desa Mandiri terealisasi sebanyak tiga desa, tepat sama dengan targetnya; capaian "
        "kinerjanya 100,00% dengan predikat Sangat Tinggi.")
    assert sentences.trend(c) == "Belum ada realisasi tahun sebelumnya sebagai pembanding."


def test_below_target_by_how_much(mantup):
    c = comparison(mantup, 4, {4: {2025: D(5)}}, catalogue=with_target(mantup, 4, 2025, 6))
    assert sentences.outcome(c) == (
        "Untuk tahun 2025, realisasi Jumlah Desa Maju sebanyak lima desa, belum mencapai target enam desa "
        "(kurang satu desa); capaian kinerjanya 83,33% dengan predikat Tinggi.")


def test_no_target(mantup):
    c = comparison(mantup, 1, {1: {2025: D("82.45")}})
    assert sentences.outcome(c) == (
        "Realisasi indikator Nilai IKM tahun 2025 sebesar 82,45. Target tahun 2025 belum ditetapkan, sehingga "
        "capaian kinerja belum dapat dihitung.")
    assert sentences.trend(c) == "Belum ada realisasi tahun sebelumnya sebagai pembanding."
    assert sentences.end_target(c, 2026) == "Target kondisi akhir Renstra tahun 2026 belum ditetapkan."


def test_worse_than_last_year_but_target_still_met(mantup):
    c = comparison(mantup, 9, {9: {2024: D(100), 2025: D(100)}})
    assert sentences.trend(c) == "Realisasi ini sama dengan tahun 2024 (100,00%), sehingga kinerjanya tidak berubah."
    cat = with_target(mantup, 3, 2025, 70)
    cat = with_target(cat, 3, 2024, 68)
    c = comparison(mantup, 3, {3: {2024: D("72.00"), 2025: D("71.50")}}, catalogue=cat)
    assert sentences.trend(c) == (
        "Dibandingkan tahun 2024 (72,00), realisasi turun 0,50 poin; kinerja tahun ini menurun, tetapi target tahun "
        "ini tetap tercapai.")


def test_worse_than_last_year_and_now_below_target(mantup):
    c = comparison(mantup, 8, {8: {2024: D(100), 2025: D("87.5")}})
    assert sentences.trend(c) == (
        "Dari 100,00% pada tahun 2024, realisasi turun 12,50 poin persen; kinerja tahun ini menurun dan kini "
        "berada di bawah target, sedangkan target tahun 2024 tercapai.")


def test_better_than_last_year_and_now_on_target(mantup):
    c = comparison(mantup, 10, {10: {2024: D("33.33"), 2025: D("46.67")}})
    assert sentences.trend(c) == (
        "Dari 33,33% pada tahun 2024, realisasi naik 13,34 poin persen; kinerja membaik dan target tahun ini "
        "tercapai, sedangkan target tahun 2024 tidak tercapai.")


def test_lower_is_better_says_why_a_fall_is_good(mantup):
    cat = with_target(mantup, 3, 2025, 10, higher_is_better=False)
    c = comparison(mantup, 3, {3: {2024: D(12), 2025: D(9)}}, catalogue=cat)
    assert sentences.trend(c) == (
        "Dibandingkan tahun 2024 (12,00), realisasi turun 3,00 poin; kinerja membaik, karena indikator ini makin "
        "rendah makin baik dan target tahun ini tercapai.")
    assert sentences.outcome(c).startswith("Nilai SAKIP Kecamatan tahun 2025 tercatat sebesar 9,00, "
                                           "melampaui target 10,00 dengan selisih 1,00 poin;")


def test_end_target_says_what_the_percentage_is_of(mantup):
    c = comparison(mantup, 10, {10: {2025: D(40)}})
    assert sentences.end_target(c, 2026) == (
        "Realisasi tahun 2025 sebesar 40,00% setara dengan 75,00% dari target kondisi akhir Renstra tahun 2026 "
        "(53,33%).")
    assert "telah mencapai" not in sentences.end_target(c, 2026)
    c = comparison(mantup, 7, {7: {2025: D(100)}})
    assert sentences.end_target(c, 2026) == (
        "Realisasi tahun 2025 sebesar 100,00% telah mencapai target kondisi akhir Renstra tahun 2026 (100,00%).")
    c = comparison(mantup, 10, {10: {2025: D(60)}})  # 60 / 53,33 = 112,51 %
    assert sentences.end_target(c, 2026) == (
        "Realisasi tahun 2025 sebesar 60,00% telah melampaui target kondisi akhir Renstra tahun 2026 (53,33%), "
        "dengan capaian 112,51% terhadap target tersebut.")


def test_overview_when_everything_is_measured(mantup):
    values = {n: {2025: D(100)} for n in (7, 9)}
    res = results_for(mantup, values)
    comps = [c for c in report.comparisons(res) if c.indicator.number in (7, 9)]
    labels = list(mantup.office.predicate_labels.values())
    assert sentences.overview(comps, 2025, labels) == (
        "Pada tahun 2025, seluruh indikator kinerja (dua indikator) dapat diukur capaiannya: dua berpredikat Sangat "
        "Tinggi.")


def test_efficiency_without_tool_wording(mantup):
    res = results_for(mantup, {}, budget=(BudgetLine("Program Lain", "Kegiatan C", D(100), D(50)),))
    (only,) = report.program_budgets(res)
    text = sentences.efficiency(only)
    assert text == ("Serapan anggaran Program Lain sebesar 50,00%; program ini belum dikaitkan dengan sasaran atau "
                    "indikator kinerja, sehingga efisiensinya tidak dinilai.")
    assert "katalog" not in text


def test_budget_linked_to_a_sasaran_is_judged(mantup):
    cat = with_target(mantup, 3, 2025, 70)
    line = BudgetLine("Program Lain", "Evaluasi Kinerja", D(100_000_000), D(80_000_000), supports=(3,))
    res = results_for(mantup, {3: {2025: D("70.10")}}, catalogue=cat, budget=(line,))
    (only,) = report.program_budgets(res)
    assert [a.indicator.number for a in only.indicators] == [3]
    assert sentences.efficiency(only) == (
        "Serapan anggaran Program Lain sebesar 80,00% dengan capaian indikator yang didukungnya (Nilai SAKIP "
        "Kecamatan) 100,14%; rasio capaian terhadap serapan 1,25, sehingga penggunaan anggaran dinilai efisien.")


def test_openings_take_turns_by_indicator(mantup):
    openings = []
    for number in (1, 2, 3, 4, 5):
        c = comparison(mantup, number, {number: {2025: D(5)}})
        openings.append(re.split(r" (5|lima)\b", sentences.outcome(c))[0])
    assert openings == ["Realisasi indikator Nilai IKM tahun 2025 sebesar",
                        "Pada tahun 2025, Jumlah Desa Mandiri terealisasi sebanyak",
                        "Nilai SAKIP Kecamatan tahun 2025 tercatat sebesar",
                        "Untuk tahun 2025, realisasi Jumlah Desa Maju sebanyak",
                        "Realisasi indikator IKM Internal Kecamatan tahun 2025 sebesar"]


def test_no_tool_wording_in_document_phrases():
    from iku import rules
    assert all("katalog" not in words for words in rules.SKM_WEIGHT_WORDS.values())
    assert rules.SKM_WEIGHT_WORDS["0,111"] == "bobot 0,111 per unsur (1/9 yang dibulatkan)"
