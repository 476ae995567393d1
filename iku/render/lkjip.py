"""The LKjIP: context for templates/lkjip.docx from computed results. Formats, never computes capaian.
Bab I is in lkjip_bab1.py, Bab III in lkjip_bab3.py."""

from __future__ import annotations

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from iku import formatting as fmt
from iku.measure import sentences, shortfalls
from iku.measure.report import AnnualReport, ProgramBudget, total_budget
from iku.model import Results
from iku.render.common import LEVEL_NAMES, common_context, render, rupiah
from iku.render.iku_doc import target_table
from iku.render.lkjip_bab1 import bab1_context
from iku.render.lkjip_bab3 import budget, groups, paragraphs, summary_rows
from iku.render.lkjip_follow_up import follow_up_context
from iku.render.pk import agreement_context
from iku.rules import PREDICATE_LETTERS

TOC_PLACEHOLDER = "[daftar isi]"  # the paragraph tools/template_lkjip.py leaves inside the TOC field
SCALE = [("\u2265 91%", "sangat_tinggi"), ("76% s.d. < 91%", "tinggi"), ("66% s.d. < 76%", "sedang"),
         ("51% s.d. < 66%", "rendah"), ("< 51%", "sangat_rendah")]


def _narrative(results: Results, key: str) -> list[str]:
    text = results.report.narrative.get(key) or results.catalogue.office.narrative_defaults.get(key, "")
    return paragraphs(text)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def budget_summary(results: Results, budgets: list[ProgramBudget]) -> str:
    """One sentence for the ikhtisar: pagu, realisasi and serapan of the year."""
    if not budgets:
        return "Realisasi anggaran tahun ini belum dilaporkan pada lembar Anggaran."
    ceiling, spent, absorption = total_budget(budgets)
    share = f" atau serapan {fmt.percent(absorption)}" if absorption is not None else ""
    return (f"Pagu anggaran {results.catalogue.office.name} tahun {results.report_year} sebesar Rp{rupiah(ceiling)} "
            f"terealisasi Rp{rupiah(spent)}{share}.")


def steps_summary(actions: list[tuple[str, str]]) -> str:
    """The staff's follow-up plans (Analisis) in one sentence, each with the indicator it serves."""
    if not actions:
        return ""
    parts = [f"{_lower_first(text.rstrip('.'))} ({name})" for name, text in actions]
    return "Langkah perbaikan utama yang akan ditempuh: " + "; ".join(parts) + "."


def renstra_targets(cat) -> str:
    """Once, in Bab II: which targets the IKU document leaves to the Renstra (staff type them from it)."""
    named = [ind.name for ind in cat.indicators
             if any(y in cat.years for y in ind.workbook_targets) or ind.workbook_end_target]
    if not named:
        return ""
    return (f" Dokumen IKU tidak mencantumkan target {sentences.count(len(named))} indikator ("
            f"{sentences.listing(named)}); target tahunan dan kondisi akhirnya yang dipakai dalam laporan ini "
            f"diambil dari Rencana Strategis tersebut.")


def predicate_method(cat) -> str:
    """Bab III's method, for indicators whose targets are predicates ('' when there is none)."""
    named = [ind.name for ind in cat.indicators if ind.is_predicate]
    if not named:
        return ""
    return (f"Indikator yang targetnya berupa predikat ({sentences.listing(named)}) dinilai menurut urutan predikat "
            f"{', '.join(PREDICATE_LETTERS)} (PermenPANRB Nomor 88 Tahun 2021): target tercapai bila predikat "
            "realisasinya sama dengan atau lebih baik daripada predikat targetnya, dan tidak tercapai bila lebih "
            "rendah. Capaiannya tidak dinyatakan dalam persen, sehingga tidak diberi predikat capaian di atas dan "
            "tidak dihitung dalam rata-rata capaian.")


def lkjip_context(results: Results, view: AnnualReport, template: DocxTemplate) -> dict:
    cat = results.catalogue
    office = cat.office
    year = results.report_year
    comps = list(view.comparisons)
    labels = [office.predicate_labels[key] for _, key in SCALE]
    budgets = list(view.budgets)
    overview = sentences.overview(comps, year, labels)
    problems = shortfalls.problems_paragraph(shortfalls.find(comps), year)
    obstacles = [f"{a.indicator.name}: {_lower_first(analysis.obstacle.rstrip('.'))}" for a in results.for_year(year)
                 if (analysis := results.report.analysis.get(a.indicator.number)) and analysis.obstacle]
    planned = [(c.indicator.name, " ".join(paragraphs(results.report.analysis[c.indicator.number].action)))
               for c in comps if c.indicator.number in results.report.analysis
               and results.report.analysis[c.indicator.number].action]
    actions = [f"{name}: {text}" for name, text in planned]
    no_target = [c.indicator.name for c in comps if c.current.target is None]
    steps = actions + ([f"Menetapkan target tahunan dan kondisi akhir untuk indikator yang belum memilikinya "
                        f"({', '.join(no_target)}) agar capaiannya dapat diukur."] if no_target else [])
    ident = results.report.identity
    return {
        **common_context(results),
        **target_table(results, in_iku_document=False),
        "tahun_terbit": str(ident.signing_date.year),
        "perjanjian": agreement_context(results, view),  # Lampiran 1 is the PK itself
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
            "pembuka": [f"Ikhtisar ini merangkum capaian {sentences.count(len(comps))} indikator kinerja "
                        f"{office.name} tahun {year} terhadap target yang ditetapkan."],
            "baris": summary_rows(comps),
            "penutup": [overview] + ([problems] if problems else [])
            + (["Permasalahan yang diuraikan unit kerja: " + "; ".join(obstacles) + "."] if obstacles else [])
            + [budget_summary(results, budgets)] + ([steps_summary(planned)] if planned else []),
        },
        "fungsi": [{"nomor": f.number, "teks": f.text, "sub": f.parent is not None} for f in office.functions],
        "bab1": bab1_context(template, results, lambda key: _narrative(results, key)),
        "bab2": {
            "renstra": (f"Rencana Strategis {office.name} {office.first_year}-{office.last_year} menetapkan tujuan, "
                        "sasaran dan program beserta indikator kinerjanya." + renstra_targets(cat)
                        + " Tujuan, sasaran, program dan indikator tersebut sebagai berikut."),
            "renstra_baris": [
                {"no": str(ind.number), "tingkat": LEVEL_NAMES.get(ind.level or "", "Lainnya"),
                 "uraian": ind.objective or "\u2013", "indikator": ind.name, "satuan": ind.unit,
                 "akhir": fmt.target(ind, ind.end_target)}
                for ind in cat.indicators
            ],
            "iku": (f"Definisi operasional dan formulasi perhitungan berikut bersumber dari dokumen IKU {office.name} "
                    f"{office.first_year}-{office.last_year}; cara pengukuran tahun {year} "
                    "menurut peraturan yang berlaku diuraikan pada Bab III. Indikator Kinerja Utama (IKU) beserta "
                    "definisi operasional dan formulasi perhitungannya:"),
            "pk": (f"Perjanjian Kinerja Tahun {year} antara {results.report.identity.signatory.position} dan "
                   f"{office.superior} memuat sasaran, indikator "
                   "dan target tahun ini sebagai berikut (naskah lengkap pada Lampiran 1)."),
        },
        "iku": [{"no": str(ind.number), "nama": ind.name, "definisi": ind.definition, "formula": ind.formula}
                for ind in cat.indicators if ind.level],
        "bab3": {
            "metode": [
                "Capaian kinerja dihitung dengan membandingkan realisasi terhadap target: capaian = realisasi / "
                "target \u00d7 100% untuk indikator yang makin tinggi makin baik. Target yang belum ditetapkan atau "
                "bernilai 0 tidak menghasilkan capaian. Predikat capaian mengikuti skala Permendagri Nomor 86 Tahun "
                "2017:",
            ],
            "skala": [{"rentang": text, "predikat": office.predicate_labels[key]} for text, key in SCALE],
            # after the scale of capaian predicates: how a predicate target is judged instead
            "ringkasan": " ".join(t for t in (
                predicate_method(cat),
                f"Capaian {sentences.count(len(comps))} indikator kinerja tahun {year} secara ringkas sebagai "
                "berikut; uraian per tujuan dan sasaran menyusul setelahnya.") if t),
            "ringkasan_baris": summary_rows(comps),
        },
        "kelompok": groups(template, results, comps),
        "anggaran": budget(results, budgets, comps),
        "tindak_lanjut": follow_up_context(results),  # Bab III C
        "penutup": {"kesimpulan": [overview + " " + budget_summary(results, budgets)] + ([problems] if problems else [])
                    + _narrative(results, "penutup"),
                    "langkah": steps or [
            "Mempertahankan capaian kinerja dan memperbaiki pendataan realisasi setiap triwulan."]},
    }


def headings(document) -> list[tuple[int, str]]:
    """(level, text) of the Heading 1 and Heading 2 paragraphs, in order."""
    # Style ids read straight from the XML: python-docx's paragraph.style scans every style per paragraph.
    names = {style.get(qn("w:styleId")): style.find(qn("w:name")).get(qn("w:val")).lower()  # "heading 1"
             for style in document.styles.element.iterchildren(qn("w:style")) if style.find(qn("w:name")) is not None}
    found = []
    for p in document.element.body.iterchildren(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = names.get(style.get(qn("w:val"))) if style is not None else None
        if name in ("heading 1", "heading 2") and (text := Paragraph(p, document._body).text.strip()):
            found.append((int(name[-1]), text))
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
