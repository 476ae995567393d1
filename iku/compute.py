"""Achievement (capaian) and predicate per indicator and year, plus warnings on missing targets."""

from __future__ import annotations

from dataclasses import replace

from iku import formatting, rules
from iku.model import Achievement, Catalogue, Indicator, ReportInput, Results


def achievement(indicator: Indicator, year: int, realisation, labels: dict[str, str]) -> Achievement:
    target = indicator.targets.get(year)
    value, note = rules.capaian(target, realisation, indicator.higher_is_better, indicator.lower_formula)
    band = rules.predicate_key(value) if value is not None else None
    return Achievement(
        indicator=indicator, year=year, target=target, realisation=realisation,
        capaian=value, predicate=labels[band] if band else None, band=band, note=note,
    )


def compute(catalogue: Catalogue, report: ReportInput, warnings: tuple[str, ...] = ()) -> Results:
    """Every year of the period up to the report year, so documents can compare years."""
    report_year = report.identity.report_year
    labels = catalogue.office.predicate_labels
    years = [y for y in catalogue.years if y <= report_year]
    report, quarter_notes = with_year_from_quarters(catalogue, report)
    achievements = {
        ind.number: tuple(
            achievement(ind, year, report.realisations[ind.number].get(year), labels) for year in years
        )
        for ind in catalogue.indicators
    }
    return Results(
        catalogue=catalogue,
        report=report,
        achievements=achievements,
        warnings=tuple(warnings) + tuple(quarter_notes) + tuple(missing_target_warnings(catalogue, report_year)),
    )


def with_year_from_quarters(catalogue: Catalogue, report: ReportInput) -> tuple[ReportInput, list[str]]:
    """Fill an empty report-year realisation from the quarters, as the catalogue says, once the year is complete
    (TW IV reported); flag disagreements. A partial year never passes for a whole one."""
    year = report.identity.report_year
    realisations = {number: dict(per_year) for number, per_year in report.realisations.items()}
    notes = []
    for ind in catalogue.indicators:
        quarters = report.quarters.get(ind.number, ())
        from_quarters = rules.rollup(quarters, ind.rollup)
        stated = realisations[ind.number].get(year)
        if from_quarters is None:
            continue
        complete = len(quarters) == 4 and quarters[3] is not None
        if stated is None and complete:
            realisations[ind.number][year] = from_quarters
            notes.append(f"Realisasi {year} '{ind.name}' diambil dari lembar Triwulan ({ind.rollup}).")
        elif stated is None:
            notes.append(f"Realisasi {year} '{ind.name}' belum dilaporkan: lembar Triwulan baru terisi sampai "
                         "sebelum TW IV, jadi belum menjadi angka tahunan.")
        elif complete and rules.round_half_up(stated) != rules.round_half_up(from_quarters):
            notes.append(
                f"Realisasi {year} '{ind.name}' di lembar Realisasi ({formatting.value(ind, stated)}) berbeda "
                f"dengan hasil lembar Triwulan ({formatting.value(ind, from_quarters)}, {ind.rollup}); "
                "yang dipakai lembar Realisasi."
            )
    return replace(report, realisations=realisations), notes


def missing_target_warnings(catalogue: Catalogue, report_year: int) -> list[str]:
    where = f"iku/offices/{catalogue.source.name}"
    lines = []
    for ind in catalogue.indicators:
        missing = [str(y) for y, t in ind.targets.items() if t is None]
        if ind.end_target is None:
            missing.append("kondisi akhir")
        if not missing:
            continue
        head = (
            f"Target {report_year} indikator '{ind.name}' belum ditetapkan, capaian tidak dihitung"
            if ind.targets.get(report_year) is None
            else f"Target indikator '{ind.name}' belum lengkap"
        )
        lines.append(f"{head} (belum ada: {', '.join(missing)}); tetapkan di {where}.")
    return lines
