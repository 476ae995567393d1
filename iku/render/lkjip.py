"""The LKjIP: context for templates/lkjip.docx from computed results. Formats, never computes capaian."""

from __future__ import annotations

import io

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Mm, Pt
from docxtpl import DocxTemplate, InlineImage, RichText

from iku import formatting as fmt
from iku import sentences
from iku.model import Results
from iku.render import charts, evidence_view
from iku.render import evidence as render_evidence
from iku.render.common import LEVEL_NAMES, common_context, pk_rows, program_rows, render, rupiah, signature
from iku.render.iku_doc import target_table
from iku.report import AnnualReport, Comparison, ProgramBudget, total_budget

CHART_WIDTH = Mm(150)
TOC_PLACEHOLDER = "[daftar isi]"  # the paragraph tools/template_lkjip.py leaves inside the TOC field
SCALE = [("\u2265 91%", "sangat_tinggi"), ("76% s.d. < 91%", "tinggi"), ("66% s.d. < 76%", "sedang"),
         ("51% s.d. < 66%", "rendah"), ("< 51%", "sangat_rendah")]


def _paragraphs(text: str) -> list[str]:
    """Staff text may hold several paragraphs, separated by line breaks."""
    return [p.strip() for p in text.splitlines() if p.strip()]


def _narrative(results: Results, key: str) -> list[str]:
    text = results.report.narrative.get(key) or results.catalogue.office.narrative_defaults.get(key, "")
    return _paragraphs(text)


def _chart(template: DocxTemplate, c: Comparison) -> InlineImage | None:
    history = c.history
    if all(a.realisation is None and a.target is None for a in history):
        return None
    series = charts.ChartSeries(c.indicator.name, c.indicator.unit, [a.year for a in history],
                                [a.target for a in history], [a.realisation for a in history])
    return InlineImage(template, io.BytesIO(charts.indicator_chart(series)), width=CHART_WIDTH)


def _sources(c: Comparison) -> str:
    """'Sumber realisasi: 2025 dihitung dari lembar SKM; 2021-2024 diketik pada lembar Realisasi.'"""
    groups: dict[str, list[int]] = {}
    for a in c.history:
        phrase = fmt.source_phrase(a).split(" (sel ")[0]
        if phrase:
            groups.setdefault(phrase, []).append(a.year)
    lines = []
    if groups:
        parts = [f"{_years(years)} {phrase}" for phrase, years in groups.items()]
        lines.append("Sumber realisasi: " + "; ".join(parts) + ".")
    return " ".join(lines + [_target_source(c)]).strip()


def _target_source(c: Comparison) -> str:
    """Targets the IKU document does not set are from the Renstra, typed on the workbook: say so."""
    ind = c.indicator
    years = sorted(a.year for a in c.history if a.year in ind.workbook_targets)
    if not years and not ind.workbook_end_target:
        return ""
    what = [f"target {_years(years)}"] if years else []
    if ind.workbook_end_target:
        what.append("kondisi akhir")
    return (f"Sumber target: {' dan '.join(what)} dari Renstra, diisi pada buku kerja (tidak tercantum dalam "
            "dokumen IKU).")


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
                staff.append({"judul": title, "teks": " ".join(_paragraphs(text))})
    grafik = _chart(template, c)
    evidence = evidence_view.block(results, ind.number, shown)
    data_chart = render_evidence.chart(template, evidence) if evidence else None
    data_figure = figure + (1 if grafik else 0)
    return {
        "judul": f"{ind.number}. {ind.name}",
        "tahun": [
            {"tahun": str(a.year), "target": fmt.target(ind, a.target), "realisasi": fmt.value(ind, a.realisation),
             "capaian": fmt.capaian(a), "predikat": fmt.capaian_note(a), "sumber": fmt.source_short(a)}
            for a in c.history
        ],
        "sumber": _sources(c),
        "data_dukung": render_evidence.subdoc(template, evidence) if evidence else "",
        "grafik_data": data_chart or "",
        "keterangan_grafik_data": f"Grafik {data_figure}. {evidence.chart_caption}" if data_chart else "",
        "pembanding": [sentences.end_target(c, period.last_year),
                       sentences.standard(c, results.catalogue.data.skm_scale)],
        "grafik": grafik,
        "keterangan_grafik": (f"Grafik {figure}. Target dan realisasi {ind.name}, "
                              f"{period.first_year}-{results.report_year}") if grafik else "",
        "paragraf": " ".join(s for s in (sentences.outcome(c), sentences.trend(c)) if s),
        "analisis": staff,
    }


def _cell(text: str, bold: bool = False) -> RichText:
    """A budget table cell: 10 pt like the rest of the table (RichText sizes are in half points)."""
    return RichText(text, bold=bold, size=20)


def _budget(results: Results, budgets: list[ProgramBudget]) -> dict:
    if not budgets:
        return {"ada": False, "kosong": "Data anggaran tahun ini belum dilaporkan (lembar Anggaran kosong)."}
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
    rows.append({"no": _cell(""), "uraian": _cell("Jumlah", bold=True),
                 "pagu": _cell(rupiah(ceiling), bold=True), "realisasi": _cell(rupiah(spent), bold=True),
                 "serapan": _cell(_maybe_percent(absorption), bold=True)})
    return {
        "ada": True,
        "pengantar": (f"Pada tahun {results.report_year}, pagu anggaran {results.catalogue.office.name} sebesar "
                      f"Rp{rupiah(ceiling)} dengan realisasi Rp{rupiah(spent)} atau serapan "
                      f"{_maybe_percent(absorption)}, dengan rincian per program dan kegiatan sebagai berikut."),
        "baris": rows,
        "efisiensi": [
            {"program": b.program, "serapan": _maybe_percent(b.absorption),
             "capaian": _maybe_percent(b.capaian),
             "rasio": fmt.number(b.efficiency) if b.efficiency is not None else "-",
             "keterangan": {True: "Efisien", False: "Belum efisien", None: "Tidak dinilai"}[b.efficient]}
            for b in budgets
        ],
        "catatan_efisiensi": ("Rasio = rata-rata capaian indikator program / serapan anggaran; efisien bila rasio "
                              "\u2265 1 (capaian tidak lebih rendah dari serapan)."),
        "kalimat": [sentences.efficiency(b) for b in budgets],
    }


def _maybe_percent(value) -> str:
    return fmt.percent(value) if value is not None else "-"


def lkjip_context(results: Results, view: AnnualReport, template: DocxTemplate) -> dict:
    cat = results.catalogue
    office = cat.office
    year = results.report_year
    comps = list(view.comparisons)
    labels = [office.predicate_labels[key] for _, key in SCALE]
    budgets = list(view.budgets)
    overview = sentences.overview(comps, year, labels)
    obstacles = [f"{a.indicator.name}: {analysis.obstacle.rstrip('.')}" for a in results.for_year(year)
                 if (analysis := results.report.analysis.get(a.indicator.number)) and analysis.obstacle]
    actions = [f"{c.indicator.name}: {' '.join(_paragraphs(results.report.analysis[c.indicator.number].action))}"
               for c in comps if c.indicator.number in results.report.analysis
               and results.report.analysis[c.indicator.number].action]
    no_target = [c.indicator.name for c in comps if c.current.target is None]
    steps = actions + ([f"Menetapkan target tahunan dan kondisi akhir untuk indikator yang belum memilikinya "
                        f"({', '.join(no_target)}) agar capaiannya dapat diukur."] if no_target else [])
    sections = []
    shown: set[str] = set()  # evidence laid out in full once (the desa table serves three indicators)
    for c in comps:
        figure = sum(bool(s["grafik"]) + bool(s["grafik_data"]) for s in sections) + 1
        sections.append(_indicator_section(template, results, c, figure, shown))
    ident = results.report.identity
    return {
        **common_context(results),
        **target_table(results),
        "tahun_terbit": str(ident.signing_date.year),
        "ttd_pk": signature(results, for_pk=True),
        "kata_pengantar": [
            f"Laporan Kinerja Instansi Pemerintah (LKjIP) {office.name} Tahun {year} disusun sebagai wujud "
            f"pertanggungjawaban atas pelaksanaan tugas dan fungsi {office.name} kepada {office.superior}, "
            "sesuai Peraturan Menteri PANRB Nomor 53 Tahun 2014.",
            f"Laporan ini menyajikan capaian kinerja tahun {year} terhadap target dalam Rencana Strategis "
            f"{office.first_year}-{office.last_year} dan Perjanjian Kinerja Tahun {year}, beserta analisis dan "
            "realisasi anggarannya.",
            "Semoga laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja pada tahun berikutnya.",
        ],
        "ikhtisar": {
            "pembuka": [f"Ikhtisar ini merangkum capaian {len(comps)} indikator kinerja {office.name} "
                        f"tahun {year} terhadap target yang ditetapkan."],
            "baris": [
                {"no": str(c.indicator.number), "nama": c.indicator.name,
                 "target": fmt.target(c.indicator, c.current.target),
                 "realisasi": fmt.value(c.indicator, c.current.realisation), "capaian": fmt.capaian(c.current),
                 "predikat": fmt.capaian_note(c.current)}
                for c in comps
            ],
            "penutup": [overview] + (["Permasalahan utama: " + "; ".join(obstacles) + "."] if obstacles else [])
            + (["Langkah yang akan ditempuh diuraikan pada Bab IV."] if steps else []),
        },
        "fungsi": [{"nomor": f.number, "teks": f.text, "sub": f.parent is not None} for f in office.functions],
        "bab1": {
            "latar_belakang": _narrative(results, "latar_belakang"),
            "tugas": f"{office.name} mempunyai tugas {office.task[0].lower() + office.task[1:]}",
            "struktur": _narrative(results, "struktur_organisasi"),
            "isu": _narrative(results, "isu_strategis"),
        },
        "bab2": {
            "renstra": (f"Rencana Strategis {office.name} {office.first_year}-{office.last_year} menetapkan tujuan, "
                        "sasaran dan program beserta indikator kinerjanya sebagai berikut."),
            "renstra_baris": [
                {"no": str(ind.number), "tingkat": LEVEL_NAMES.get(ind.level or "", "Lainnya"),
                 "uraian": ind.objective or "\u2013", "indikator": ind.name, "satuan": ind.unit,
                 "akhir": fmt.target(ind, ind.end_target)}
                for ind in cat.indicators
            ],
            "iku": "Indikator Kinerja Utama (IKU) beserta definisi operasional dan formulasi perhitungannya:",
            "pk": (f"Perjanjian Kinerja Tahun {year} antara {results.report.identity.signatory.position} dan "
                   f"{office.superior} memuat sasaran, indikator "
                   "dan target tahun ini sebagai berikut (naskah lengkap pada Lampiran 1)."),
        },
        "iku": [{"no": str(ind.number), "nama": ind.name, "definisi": ind.definition, "formula": ind.formula}
                for ind in cat.indicators if ind.level],
        "pk": pk_rows(results),
        "pk_program": program_rows(budgets),
        "catatan_anggaran": "" if budgets else "Anggaran program belum diisi pada lembar Anggaran.",
        "bab3": {
            "metode": [
                "Capaian kinerja dihitung dengan membandingkan realisasi terhadap target: capaian = realisasi / "
                "target \u00d7 100% untuk indikator yang makin tinggi makin baik. Target yang belum ditetapkan atau "
                "bernilai 0 tidak menghasilkan capaian. Predikat capaian mengikuti skala Permendagri Nomor 86 Tahun "
                "2017:",
            ],
            "skala": [{"rentang": text, "predikat": office.predicate_labels[key]} for text, key in SCALE],
        },
        "capaian": sections,
        "anggaran": _budget(results, budgets),
        "penutup": {"kesimpulan": [overview] + _narrative(results, "penutup"), "langkah": steps or [
            "Mempertahankan capaian kinerja dan memperbaiki pendataan realisasi setiap triwulan."]},
    }


def headings(document) -> list[tuple[int, str]]:
    """(level, text) of the Heading 1 and Heading 2 paragraphs, in order."""
    found = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name in ("Heading 1", "Heading 2") and paragraph.text.strip():
            found.append((int(name[-1]), paragraph.text.strip()))
    return found


def _fill_toc(template: DocxTemplate, pages: dict[str, str]) -> None:
    """Write the table of contents entries into the TOC field's result, so it reads right before any update.

    Page numbers come from a PDF of the same document (pipeline, with --pdf); without one the entries
    carry none, and Word fills them in on opening (the document asks it to update its fields).
    """
    document = template.docx
    placeholder = next((p for p in document.paragraphs if p.text == TOC_PLACEHOLDER), None)
    if placeholder is None:
        return
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    for level, text in headings(document):
        entry = placeholder.insert_paragraph_before()
        entry.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        entry.paragraph_format.left_indent = Mm(8 * (level - 1))
        entry.paragraph_format.space_after = Pt(3)
        run = entry.add_run(f"{text}\t{pages.get(text, '')}")
        run.bold = level == 1
    placeholder._p.getparent().remove(placeholder._p)


def lkjip_document(results: Results, view: AnnualReport, pages: dict[str, str] | None = None) -> bytes:
    return render("lkjip.docx", lambda template: lkjip_context(results, view, template), results.catalogue.office.paper,
                  update_fields=True, finish=lambda template: _fill_toc(template, pages or {}))
