"""LKjIP Bab III: the summary table, capaian grouped by tujuan/sasaran (PermenPANRB 53/2014) with each
indicator's table, chart and sentences, and the budget per program and per sasaran with efficiency."""

from __future__ import annotations

from decimal import Decimal

from docx.shared import Mm
from docxtpl import DocxTemplate, RichText

from iku import formatting as fmt
from iku import sources as data_sources
from iku.measure import cascade, sentences, shortfalls
from iku.measure.report import Comparison, ProgramBudget, total_budget
from iku.model import Results
from iku.render import charts, evidence_view
from iku.render import evidence as render_evidence
from iku.render.common import rupiah
from iku.render.docx_chart import NativeChart

CHART_SIZE = (Mm(160), Mm(80))


def paragraphs(text: str) -> list[str]:
    """Staff text may hold several paragraphs, separated by line breaks."""
    return [p.strip() for p in text.splitlines() if p.strip()]


def _series(c: Comparison) -> charts.ChartSeries | None:
    """None without any figure, and for a predicate indicator: a bar's height would turn its letters into an amount
    (its year table shows target, predicate and whether it was reached)."""
    history = c.history
    if c.indicator.is_predicate or all(a.realisation is None and a.target is None for a in history):
        return None
    return charts.ChartSeries(c.indicator.name, c.indicator.unit, [a.year for a in history],
                              [a.target for a in history], [a.realisation for a in history])


def _sources(c: Comparison, office: str) -> str:
    """'Sumber data: data realisasi yang dilaporkan Kecamatan Mantup (2021-2024) dan Register Pelayanan
    Kecamatan Mantup 2025.' The data as a report names them; sheets and cells stay in the measurement workbook."""
    groups: dict[tuple[str, bool], list[int]] = {}
    for a in c.history:
        if a.source:
            groups.setdefault((a.source, a.computed), []).append(a.year)
    parts = []
    for (sheet, computed), years in groups.items():
        if computed:
            parts.append(data_sources.report_name(sheet, office, _years(years)))
        else:
            parts.append(f"{data_sources.report_name(sheet, office)} ({_years(years)})")
    return f"Sumber data: {sentences.listing([p for p in parts if p])}." if any(parts) else ""


def source_cell(a) -> str:
    """A year's data source in the table: 'Survei Kepuasan Masyarakat', 'Data instansi'."""
    return data_sources.short_name(a.source) or "-" if a.source else "-"


def history_note(c: Comparison, results: Results) -> str:
    """Years of the previous Renstra period the workbook carries for an indicator this period continues."""
    office = results.catalogue.office
    earlier = [a.year for a in c.history if a.year < office.first_year]
    if not earlier:
        return ""
    return (f"Tahun {_years(earlier)} termasuk periode Renstra sebelumnya (target dan realisasi periode itu); "
            f"indikator ini dilanjutkan dalam Renstra {office.first_year}-{office.last_year}.")


def _years(years: list[int]) -> str:
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(str(y) for y in years)


def _indicator_section(template: DocxTemplate, results: Results, c: Comparison, figure: int,
                       shown: set[str]) -> dict:
    ind = c.indicator
    period = results.catalogue.office
    analysis = results.report.analysis.get(ind.number)
    staff = []
    if analysis:
        for title, text in (("Faktor pendukung", analysis.support), ("Faktor penghambat", analysis.obstacle),
                            ("Upaya / rencana tindak lanjut", analysis.action)):
            if text:
                staff.append({"judul": title, "teks": " ".join(paragraphs(text))})
    shortfall = next(iter(shortfalls.find([c])), None)
    findings = shortfalls.data_findings(results, shortfall) if shortfall else []
    if findings:  # what the figures show, whether or not staff wrote their own analysis
        staff.insert(0, {"judul": "Analisis data", "teks": " ".join(findings)})
    series = _series(c)
    chart = charts.indicator_chart(series) if series else None
    grafik = NativeChart(template, chart, *CHART_SIZE) if chart else None
    note = "; ".join(n for n in (charts.missing_note(series) if series else "",
                                 charts.axis_note(chart) if chart else "") if n)
    evidence = evidence_view.block(results, ind.number, shown)
    data_chart = render_evidence.chart(template, evidence) if evidence else None
    data_figure = figure + (1 if grafik else 0)
    return {
        "judul": f"{ind.number}. {ind.name}",
        "tahun": [
            {"tahun": str(a.year), "target": fmt.target(ind, a.target), "realisasi": fmt.value(ind, a.realisation),
             "capaian": fmt.capaian(a), "predikat": fmt.capaian_note(a), "sumber": source_cell(a)}
            for a in c.history
        ],
        "sumber": " ".join(x for x in (history_note(c, results), _sources(c, period.name)) if x),
        "data_dukung": render_evidence.word_xml(evidence) if evidence else "",
        "grafik_data": data_chart or "",
        "keterangan_grafik_data": f"Grafik {data_figure}. {evidence.chart_caption}" if data_chart else "",
        "pembanding": [sentences.end_target(c, period.last_year),
                       sentences.standard(c, results.catalogue.data.skm_scale)],
        "grafik": grafik,
        "keterangan_grafik": (f"Grafik {figure}. Target dan realisasi {ind.name}, "
                              f"{c.history[0].year}-{results.report_year}{f' ({note})' if note else ''}")
                             if grafik else "",
        "paragraf": " ".join(s for s in (sentences.outcome(c), sentences.trend(c)) if s),
        "analisis": staff,
    }


def _cell(text: str, bold: bool = False) -> RichText:
    """A budget table cell: 10 pt like the rest of the table (RichText sizes are in half points)."""
    return RichText(text, bold=bold, size=20)


def budget(results: Results, budgets: list[ProgramBudget], comps: list[Comparison]) -> dict:
    if not budgets:
        return {"ada": False, "kosong": "Data pagu dan realisasi anggaran tahun ini belum tersedia, sehingga realisasi "
                                      "anggaran belum dapat disajikan."}
    rows = []
    for i, b in enumerate(budgets, start=1):
        rows.append({"no": _cell(str(i), bold=True), "uraian": _cell(b.program, bold=True),
                     "pagu": _cell(rupiah(b.ceiling), bold=True), "realisasi": _cell(rupiah(b.spent), bold=True),
                     "serapan": _cell(_maybe_percent(b.absorption), bold=True)})
        for line, line_absorption in zip(b.lines, b.line_absorption, strict=True):
            rows.append({"no": _cell(""), "uraian": _cell(f"\u2022 {line.activity}"),
                         "pagu": _cell(rupiah(line.ceiling)), "realisasi": _cell(rupiah(line.spent)),
                         "serapan": _cell(_maybe_percent(line_absorption))})
    ceiling, spent, absorption = total_budget(budgets)
    names = {ind.number: ind.name for ind in results.catalogue.indicators}
    rows.append({"no": _cell(""), "uraian": _cell("Jumlah", bold=True),
                 "pagu": _cell(rupiah(ceiling), bold=True), "realisasi": _cell(rupiah(spent), bold=True),
                 "serapan": _cell(_maybe_percent(absorption), bold=True)})
    return {
        "ada": True,
        "pengantar": (f"Pada tahun {results.report_year}, pagu anggaran {results.catalogue.office.name} sebesar "
                      f"Rp{rupiah(ceiling)} dengan realisasi Rp{rupiah(spent)} atau serapan "
                      f"{_maybe_percent(absorption)}. {sentences.unspent(budgets)} Rincian per program dan kegiatan "
                      "sebagai berikut.").replace(".  ", ". "),
        "baris": rows,
        "efisiensi": [
            {"program": b.program, "serapan": _maybe_percent(b.absorption),
             "capaian": _maybe_percent(b.capaian),
             "rasio": fmt.number(b.efficiency) if b.efficiency is not None and not b.indirect else "-",
             "keterangan": sentences.verdict(b)}
            for b in budgets
        ],
        "catatan_efisiensi": ("Rasio = rata-rata capaian indikator yang didukung program / serapan anggaran; "
                              "efisien bila rasio \u2265 1 (capaian tidak lebih rendah dari serapan)."
                              + _predicate_note(results)),
        "kalimat": [sentences.efficiency(b, ceiling, names) for b in budgets],
        "sasaran": _group_budget_rows(results, comps),
        "catatan_sasaran": ("Anggaran setiap kegiatan dihitung satu kali, pada tujuan/sasaran yang didukungnya "
                            "(sasaran atau indikator yang ditunjuk untuk kegiatan itu, atau indikator programnya). "
                            "Capaian = rata-rata capaian indikator tujuan/sasaran tersebut; efisien bila capaian "
                            "tidak lebih rendah dari serapan." + _predicate_note(results)),
    }


def _predicate_note(results: Results) -> str:
    """Under a table of mean capaian, when some indicator has predicate targets (they have no percentage)."""
    if not any(ind.is_predicate for ind in results.catalogue.indicators):
        return ""
    return " Indikator bertarget predikat tidak termasuk dalam rata-rata capaian."


def _maybe_percent(value) -> str:
    return fmt.percent(value) if value is not None else "-"




def summary_rows(comps: list[Comparison]) -> list[dict]:
    """One row per indicator: target, realisation, capaian and predicate of the year."""
    return [
        {"no": str(c.indicator.number), "nama": c.indicator.name,
         "target": fmt.target(c.indicator, c.current.target),
         "realisasi": fmt.value(c.indicator, c.current.realisation), "capaian": fmt.capaian(c.current),
         "predikat": fmt.capaian_note(c.current)}
        for c in comps
    ]


def _group_sentence(group: cascade.Group) -> str:
    """What the group's indicators add up to, before their sections."""
    n = len(group.comparisons)
    measured = [c for c in group.comparisons if c.current.capaian is not None]
    judged = [c.current for c in group.comparisons if c.current.attained is not None]
    level = cascade.level_of(group.title)
    if level:
        head = f"{cascade.LEVEL_TITLES[level]} ini diukur dengan {sentences.count(n)} indikator"
    else:
        head = (f"{sentences.opening_count(n)} indikator berikut tercantum dalam tabel target dokumen IKU tanpa "
                "tujuan, sasaran atau program")
    if not measured and judged:  # predicate targets only: no mean to print
        return head + "."
    if not measured:
        return head + "; capaiannya tahun ini belum dapat dihitung."
    if len(measured) == 1 and n == 1:
        return head + "."
    return (f"{head}; rata-rata capaian {sentences.count(len(measured))} indikator yang dapat diukur sebesar "
            f"{fmt.percent(group.capaian)}{sentences.predicate_aside(judged)}.")


def _group_budget_sentence(results: Results, group: cascade.Group, budget: cascade.GroupBudget | None) -> str:
    """PermenPANRB 53/2014 Bab III A points 6-7: the kegiatan behind the group and how their money was used."""
    level = cascade.level_of(group.title)
    if budget is None:
        if not results.report.budget or not level:
            return ""
        name = " ".join(group.title.split(": ", 1)[-1].split()).casefold()
        if level == "program" and any(" ".join(line.program.split()).casefold() == name
                                      for line in results.report.budget):
            return ("Kegiatan program ini dicatat pada tujuan/sasaran yang didukungnya, sehingga anggarannya "
                    "diuraikan di sana.")
        return (f"Dalam data anggaran tahun {results.report_year} tidak ada program atau kegiatan yang dikaitkan "
                f"dengan {cascade.LEVEL_TITLES[level].lower()} ini, sehingga efisiensi anggarannya tidak dinilai.")
    names = sentences.listing([f"\u201c{name}\u201d" for name in dict.fromkeys(budget.activities)])
    head = (f"Kegiatan yang mendukungnya: {names}, dengan pagu Rp{rupiah(budget.ceiling)} dan realisasi "
            f"Rp{rupiah(budget.spent)}")
    if budget.absorption is None:
        return head + "."
    head += f" (serapan {fmt.percent(budget.absorption)})"
    judged = [c.current for c in group.comparisons if c.current.attained is not None]
    if budget.efficient is None and group.capaian is None and judged:
        return (head + "; efisiensinya tidak dinilai dengan rasio capaian terhadap serapan karena indikatornya "
                "bertarget predikat, tanpa persentase capaian.")
    if budget.indirect:
        total = sum((line.ceiling for line in results.report.budget), Decimal(0))
        names = {ind.number: ind.name for ind in results.catalogue.indicators}
        return f"{head}. {sentences.indirect(budget.indirect, total, names)}"
    if budget.efficient is None:
        return head + "; efisiensinya belum dapat dinilai karena capaian belum dapat dihitung."
    measured = sum(1 for c in group.comparisons if c.current.capaian is not None)
    mean = ("rata-rata capaian" if measured > 1 else "capaian") + sentences.predicate_aside(judged)
    verdict = "efisien" if budget.efficient else "belum efisien"
    return f"{head}; dibanding {mean} {fmt.percent(budget.capaian)}, penggunaan anggaran dinilai {verdict}."


def groups(template: DocxTemplate, results: Results, comps: list[Comparison]) -> list[dict]:
    """Bab III A: each tujuan/sasaran/program with its indicators; figures numbered through the chapter."""
    found = []
    found_groups = cascade.groups(comps)
    money = {b.title: b for b in cascade.group_budgets(results, found_groups)}
    shown: set[str] = set()  # evidence laid out in full once (the desa table serves three indicators)
    figure = 1
    numbers: dict[str, int] = {}
    for group in found_groups:
        sections = []
        for c in group.comparisons:
            section = _indicator_section(template, results, c, figure, shown)
            figure += bool(section["grafik"]) + bool(section["grafik_data"])
            sections.append(section)
        level = cascade.level_of(group.title)
        numbers[level] = numbers.get(level, 0) + 1
        title = group.title.replace(": ", f" {numbers[level]}: ", 1) if level else group.title
        lead = (_group_sentence(group), _group_budget_sentence(results, group, money.get(group.title)))
        found.append({"judul": title, "pengantar": " ".join(s for s in lead if s),
                      "indikator": sections})
    return found


def _group_budget_rows(results: Results, comps: list[Comparison]) -> list[dict]:
    rows = []
    for g in cascade.group_budgets(results, cascade.groups(comps)):
        rows.append({"uraian": g.title, "pagu": rupiah(g.ceiling), "realisasi": rupiah(g.spent),
                     "serapan": _maybe_percent(g.absorption), "capaian": _maybe_percent(g.capaian),
                     "keterangan": sentences.verdict(g)})
    return rows

