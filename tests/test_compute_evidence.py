"""How computed figures meet the typed ones: printed precision, origins and the quarter note."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from source_helpers import report_for

from iku.measure import compute
from iku.model import Figure, SourceResult


def _report(mantup, typed: dict[int, dict[int, Decimal]] | None = None):
    realisations = {ind.number: {} for ind in mantup.indicators}
    for number, per_year in (typed or {}).items():
        realisations[number].update(per_year)
    return replace(report_for(), realisations=realisations)


def _evidence(value: Decimal, quarters=()) -> dict[str, SourceResult]:
    figure = Figure(10, 2025, value, "Status Desa", "7 dari 15 desa naik kelas.", quarters=quarters)
    return {"desa": SourceResult("desa", (figure,), None)}


def test_computed_figure_enters_as_printed_so_capaian_recomputes_from_the_page(mantup):
    seven_of_fifteen = Decimal(7) / Decimal(15) * 100  # 46,666...
    report, origins, _ = compute.with_evidence(mantup, _report(mantup), _evidence(seven_of_fifteen))
    assert report.realisations[10][2025] == Decimal("46.67")
    assert origins[(10, 2025)] == ("Status Desa", "", True)
    ind = next(i for i in mantup.indicators if i.number == 10)
    a = compute.achievement(ind, 2025, report.realisations[10][2025], mantup.office.predicate_labels)
    assert a.target == Decimal("46.67") and a.capaian == Decimal("100.00")  # not 99,99


def test_typed_figure_equal_at_printed_precision_is_accepted(mantup):
    report, origins, _ = compute.with_evidence(mantup, _report(mantup, {10: {2025: Decimal("46.67")}}),
                                               _evidence(Decimal(700) / Decimal(15)))
    assert report.realisations[10][2025] == Decimal("46.67")


def test_quarter_note_names_the_data_sheet_when_the_year_was_computed(mantup):
    report = replace(_report(mantup, {10: {2025: Decimal("46.67")}}),
                     quarters={10: (Decimal(40), Decimal(40), Decimal(40), Decimal(40))})
    origins = {(10, 2025): ("Status Desa", "", True)}
    _, notes = compute.with_year_from_quarters(mantup, report, origins)
    assert notes == ["Realisasi 2025 'Persentase Desa Naik Kelas' dari lembar Status Desa (46,67%) berbeda dengan "
                     "hasil lembar Triwulan (40,00%, terakhir); yang dipakai angka dari lembar Status Desa."]


def test_nothing_filled_is_warned_but_data_sheet_figures_count_as_filled(mantup, monkeypatch):
    warning = "Belum ada satu pun realisasi tahun 2025 yang diisi atau dihitung dari lembar data."
    assert warning in compute.compute(mantup, _report(mantup)).warnings
    monkeypatch.setattr(compute.sources, "evaluate_all", lambda catalogue, report: _evidence(Decimal(40)))
    monkeypatch.setattr(compute.sources, "warnings_all", lambda evidence, catalogue, report: [])
    assert warning not in compute.compute(mantup, _report(mantup)).warnings
