"""Achievement (capaian) and predicate per indicator and year, plus warnings on missing targets."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from iku import catalogue as catalogue_mod
from iku import formatting, rules, sources
from iku import layout as L
from iku.errors import InputError, Problem
from iku.model import Achievement, Catalogue, Indicator, ReportInput, Results, SourceResult


def achievement(indicator: Indicator, year: int, realisation, labels: dict[str, str],
                source: tuple[str, str, bool] = ("", "", False), why_none: str = "") -> Achievement:
    """`why_none` replaces "belum dilaporkan" when the data say why there is no realisation."""
    target = indicator.targets.get(year)
    value, attained, note = rules.judge(target, realisation, indicator.higher_is_better, indicator.lower_formula,
                                        indicator.is_predicate)
    if realisation is None and why_none and target is not None:
        note = why_none
    band = rules.predicate_key(value) if value is not None else None
    return Achievement(
        indicator=indicator, year=year, target=target, realisation=realisation,
        capaian=value, predicate=labels[band] if band else None, band=band, note=note,
        source=source[0], source_cell=source[1], computed=source[2], attained=attained,
    )


def compute(catalogue: Catalogue, report: ReportInput, warnings: tuple[str, ...] = ()) -> Results:
    """Every year of the period up to the report year, so documents can compare years."""
    report_year = report.identity.report_year
    labels = catalogue.office.predicate_labels
    years = [y for y in catalogue.measured_years if y <= report_year]
    evidence = sources.evaluate_all(catalogue, report)
    report, origins, notes = with_evidence(catalogue, report, evidence)
    before = report
    report, quarter_notes = with_year_from_quarters(catalogue, report, origins)
    for ind in catalogue.indicators:
        if before.realisations[ind.number].get(report_year) is None and \
                report.realisations[ind.number].get(report_year) is not None:
            origins[(ind.number, report_year)] = (L.SHEET_QUARTERS, "", False)
    achievements = {
        ind.number: tuple(
            achievement(ind, year, report.realisations[ind.number].get(year), labels,
                        origins.get((ind.number, year)) or _typed_origin(report, ind, year),
                        notes.get((ind.number, year), ""))
            for year in years
        )
        for ind in catalogue.indicators
    }
    if all(a[-1].realisation is None and not a[-1].computed for a in achievements.values()):
        quarter_notes.insert(0, f"Belum ada satu pun realisasi tahun {report_year} yang diisi atau dihitung "
                                "dari lembar data.")
    return Results(
        catalogue=catalogue,
        report=report,
        achievements=achievements,
        warnings=tuple(warnings) + tuple(sources.warnings_all(evidence, catalogue, report)) + tuple(quarter_notes)
        + tuple(catalogue_mod.unconfirmed_warnings(catalogue))
        + tuple(missing_target_warnings(catalogue, report_year)) + tuple(missing_narrative_warnings(catalogue, report))
        + tuple(missing_analysis_warnings(catalogue, report, achievements))
        + tuple(missing_organisation_warnings(report)),
        evidence=evidence,
    )


def _typed_origin(report: ReportInput, ind: Indicator, year: int) -> tuple[str, str, bool]:
    if report.realisations[ind.number].get(year) is None:
        return ("", "", False)
    return (L.SHEET_REALISATION, report.cells.get(ind.number, {}).get(year, ""), False)


def with_evidence(catalogue: Catalogue, report: ReportInput, evidence: dict[str, SourceResult]
                  ) -> tuple[ReportInput, dict[tuple[int, int], tuple[str, str, bool]], dict[tuple[int, int], str]]:
    """Realisations computed from the data sheets replace empty typed ones. A typed figure that differs from
    its own evidence at the printed precision stops the build: it must never reach the Bupati."""
    by_number = {ind.number: ind for ind in catalogue.indicators}
    realisations = {number: dict(per_year) for number, per_year in report.realisations.items()}
    quarters = dict(report.quarters)
    origins: dict[tuple[int, int], tuple[str, str, bool]] = {}
    notes: dict[tuple[int, int], str] = {}
    problems: list[Problem] = []
    for result in evidence.values():
        for f in result.figures:
            ind = by_number[f.indicator]
            typed = realisations[f.indicator].get(f.year)
            if typed is not None and not _same(typed, f.value):
                computed = formatting.value(ind, f.value) if f.value is not None else f.note
                problems.append(Problem(
                    f"realisasi {f.year} '{ind.name}' diketik {formatting.value(ind, typed)}, sedangkan lembar "
                    f"{f.sheet} menghasilkan {computed}. Kosongkan sel ini (realisasi dihitung dari lembar "
                    f"{f.sheet}) atau perbaiki datanya.",
                    sheet=L.SHEET_REALISATION, cell=report.cells.get(f.indicator, {}).get(f.year),
                ))
                continue
            # The computed figure enters the documents as printed (two decimals), so that a reader recomputing
            # capaian from the printed realisation and target gets the printed capaian: 7/15 -> 46,67 %.
            realisations[f.indicator][f.year] = _printed(f.value)
            origins[(f.indicator, f.year)] = (f.sheet, "", True)
            if f.value is None:
                notes[(f.indicator, f.year)] = f.note
            if f.year == report.identity.report_year and f.quarters:
                quarters[f.indicator] = _merge_quarters(ind, f.sheet, tuple(map(_printed, f.quarters)),
                                                        quarters.get(f.indicator),
                                                        report.quarter_cells.get(f.indicator, ()), problems)
    if problems:
        raise InputError(problems, source=report.source.name)
    return replace(report, realisations=realisations, quarters=quarters), origins, notes


def _merge_quarters(ind: Indicator, sheet: str, computed: tuple, typed: tuple | None, cells: tuple,
                    problems: list[Problem]) -> tuple:
    typed = typed or (None,) * 4
    merged = []
    for i, (mine, theirs) in enumerate(zip(computed, typed, strict=False)):
        if mine is not None and theirs is not None and not _same(theirs, mine):
            problems.append(Problem(
                f"realisasi {L.QUARTERS[i]} '{ind.name}' diketik {formatting.value(ind, theirs)}, sedangkan lembar "
                f"{sheet} sampai akhir {L.QUARTERS[i]} menghasilkan {formatting.value(ind, mine)}. Kosongkan sel "
                "ini atau perbaiki datanya.",
                sheet=L.SHEET_QUARTERS, cell=cells[i] if i < len(cells) and cells[i] else None,
            ))
        merged.append(mine if mine is not None else theirs)
    return tuple(merged)


def _printed(value: Decimal | None) -> Decimal | None:
    return rules.round_half_up(value) if value is not None else None


def _same(typed: Decimal, computed: Decimal | None) -> bool:
    """Equal as printed (two decimals, half up)."""
    return computed is not None and rules.round_half_up(typed) == rules.round_half_up(computed)


def with_year_from_quarters(catalogue: Catalogue, report: ReportInput,
                            origins: dict[tuple[int, int], tuple[str, str, bool]] | None = None
                            ) -> tuple[ReportInput, list[str]]:
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
            origin = (origins or {}).get((ind.number, year))
            where = f"lembar {origin[0]}" if origin and origin[2] else f"lembar {L.SHEET_REALISATION}"
            notes.append(
                f"Realisasi {year} '{ind.name}' dari {where} ({formatting.value(ind, stated)}) berbeda "
                f"dengan hasil lembar Triwulan ({formatting.value(ind, from_quarters)}, {ind.rollup}); "
                f"yang dipakai angka dari {where}."
            )
    return replace(report, realisations=realisations), notes


def missing_target_warnings(catalogue: Catalogue, report_year: int) -> list[str]:
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
        lines.append(f"{head} (belum ada: {', '.join(missing)}); isi dari Renstra pada sel target berwarna kuning "
                     f"di lembar {L.SHEET_REALISATION}.")
    return lines


def missing_organisation_warnings(report: ReportInput) -> list[str]:
    """Bab I says plainly that these data are not available; the warning tells staff which sheet fills it."""
    found = report.organisation
    if found is None:  # a report put together without reading a workbook (tests, the recap)
        return []
    empty = [sheet for sheet, rows in ((L.SHEET_STRUCTURE, found.positions), (L.SHEET_STAFF, found.employees),
                                       (L.SHEET_FACILITIES, found.facilities)) if not rows]
    if not empty:
        return []
    return [f"Lembar {', '.join(empty)} kosong atau tidak ada: LKjIP Bab I menyatakan datanya belum tersedia. "
            "Isi lembar itu agar bagan organisasi dan sumber daya tercantum."]


def missing_narrative_warnings(catalogue: Catalogue, report: ReportInput) -> list[str]:
    """A part of the LKjIP's narrative that neither the Narasi sheet nor the catalogue fills (an imported office
    has no [narasi] until staff write it): its heading would print over nothing."""
    empty = [label for key, label in L.NARRATIVE_PARTS.items()
             if not (report.narrative.get(key) or catalogue.office.narrative_defaults.get(key))]
    if not empty:
        return []
    return [f"Narasi LKjIP kosong: {', '.join(empty)}. Isi pada lembar {L.SHEET_NARRATIVE} (atau [narasi] di katalog "
            "kantor); sampai diisi, bagian itu tercetak tanpa uraian."]


def missing_analysis_warnings(catalogue: Catalogue, report: ReportInput,
                              achievements: dict[int, tuple[Achievement, ...]]) -> list[str]:
    """An indicator under its target needs the office's own analysis (faktor penghambat and upaya) in the LKjIP
    (PermenPANRB 53/2014, Bab III; LKE PermenPANRB 88/2021)."""
    year = report.identity.report_year
    found = []
    for ind in catalogue.indicators:
        now = next((a for a in achievements[ind.number] if a.year == year), None)
        if now is None or not now.judged or not _worse(ind, now.realisation, now.target):
            continue
        analysis = report.analysis.get(ind.number)
        missing = [label for label, text in (("faktor penghambat", analysis.obstacle if analysis else ""),
                                             ("upaya", analysis.action if analysis else "")) if not text]
        if missing:
            stake = (" Dengan Status Data RESMI, LKjIP tanpa analisis ini akan dikembalikan evaluator."
                     if not report.identity.is_sample else "")
            result = (f"predikat {formatting.value(ind, now.realisation)}, target {formatting.value(ind, now.target)}"
                      if ind.is_predicate else f"capaian {formatting.percent(now.capaian)}")
            found.append(f"'{ind.name}' di bawah target {year} ({result}), tetapi "
                         f"{' dan '.join(missing)} belum diisi di lembar {L.SHEET_ANALYSIS}.{stake}")
    return found


def _worse(ind: Indicator, realisation: Decimal | None, target: Decimal | None) -> bool:
    if realisation is None or target is None:
        return False
    return realisation < target if ind.higher_is_better else realisation > target
