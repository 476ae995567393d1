"""The quarterly measurement documents (templates/triwulan.docx): one per quarter reported."""

from __future__ import annotations

from docxtpl import RichText

from iku import formatting as fmt
from iku import layout as L
from iku.measure.quarterly import QuarterBudget, QuarterGroup, QuarterLine, QuarterReport, quarter_report
from iku.measure.report import AnnualReport
from iku.model import Results
from iku.render.common import LEVEL_NAMES, common_context, render, rupiah, signature

ROMAN = ("I", "II", "III", "IV")
OTHER_INDICATORS = "Indikator Kinerja Lainnya"
AGAINST_QUARTER = "terhadap target triwulan"
AGAINST_YEAR = "terhadap target tahunan"
NOT_WRITTEN = "belum ditulis"
# What the data behind a computed realisation are, in the words of a report (never the workbook's sheet names).
DATA_WORDS = {
    L.SHEET_SKM: "hasil survei kepuasan masyarakat",
    L.SHEET_VILLAGES: "data status desa",
    L.SHEET_SERVICES: "register pelayanan",
    L.SHEET_CONFLICTS: "register konflik",
    L.SHEET_EMPOWERMENT: "data pemberdayaan masyarakat desa",
    L.SHEET_AFFAIRS: "data penyelenggaraan urusan pemerintahan umum",
    L.SHEET_SAKIP: "hasil evaluasi SAKIP",
}


def group_title(group: QuarterGroup) -> str:
    if group.level is None:
        return OTHER_INDICATORS
    return f"{LEVEL_NAMES[group.level]}: {group.objective}"


def line_cells(item: QuarterLine, labels: dict[str, str]) -> dict:
    ind = item.indicator
    return {
        "no": str(ind.number), "nama": ind.name,
        "target": fmt.target(ind, item.annual_target),
        "target_tw": fmt.value(ind, item.quarter_target, missing="\u2013"),
        "realisasi": fmt.value(ind, item.realisation), "kumulatif": fmt.value(ind, item.to_date),
        "satu": item.one_figure,
        "capaian": _capaian(item),
        "dasar": (AGAINST_QUARTER if item.against_quarter else AGAINST_YEAR) if item.judged else "",
        "predikat": labels[item.band] if item.band else item.note,
    }


def _capaian(item: QuarterLine) -> str:
    """'46,67%', 'Tercapai' / 'Tidak tercapai' against a predicate target, or a dash."""
    if item.attained is not None:
        return fmt.attained(item.attained)
    return fmt.percent(item.capaian) if item.capaian is not None else "\u2013"


def source_line(results: Results, report: QuarterReport) -> str:
    """One sentence: where the figures come from and which target the capaian uses."""
    quarter, roman = report.quarter, ROMAN[report.quarter - 1]
    data: list[str] = []
    computed: set[int] = set()
    for result in results.evidence.values():
        for f in result.figures:
            if f.year == results.report_year and len(f.quarters) >= quarter and f.quarters[quarter - 1] is not None:
                words = DATA_WORDS.get(f.sheet, "data dukung")
                if words not in data:
                    data.append(words)
                computed.add(f.indicator)
    typed = any(i.to_date is not None and i.indicator.number not in computed for i in report.lines)
    office = f"data realisasi triwulan {results.report.identity.office_name}"
    if data:
        source = f"realisasi s.d. TW {roman} dihitung dari {_series(data)} sampai akhir triwulan"
        source += f", selebihnya dari {office}" if typed else ""
    else:
        source = office if typed else ""
    with_quarter = [i for i in report.lines if i.against_quarter]
    if not with_quarter:
        basis = "capaian dihitung terhadap target tahunan"
    elif len(with_quarter) == len(report.lines):
        basis = "capaian dihitung terhadap target triwulan"
    else:
        basis = "capaian dihitung terhadap target triwulan bila ditetapkan, selain itu terhadap target tahunan"
    return f"Sumber data: {source}; {basis}." if source else f"{basis[0].upper()}{basis[1:]}."


def _series(items: list[str]) -> str:
    """'1', '1 dan 5', '1, 5 dan 7'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} dan {items[-1]}"


def _numbers(lines: list[QuarterLine]) -> str:
    return "indikator nomor " + _series([str(i.indicator.number) for i in lines])


def problem_rows(report: QuarterReport) -> list[dict]:
    """Every indicator under its target at the quarter's end, and every one staff wrote about for the quarter."""
    rows = []
    for item in report.lines:
        if not (item.under_target or item.written):
            continue
        ind, written = item.indicator, item.written
        empty = NOT_WRITTEN if item.under_target else "\u2013"
        rows.append({
            "no": str(ind.number), "nama": ind.name, "realisasi": fmt.value(ind, item.to_date),
            "target": fmt.target(ind, item.target),
            "dasar": ("target triwulan" if item.against_quarter else "target tahunan") if item.target is not None
            else "",
            "capaian": _capaian(item),
            "penghambat": (written.obstacle if written else "") or empty,
            "tindak_lanjut": (written.action if written else "") or empty,
        })
    return rows


def problems_intro(report: QuarterReport) -> str:
    """What the figures say about the quarter: which indicators are under target, or that none is."""
    roman = ROMAN[report.quarter - 1]
    under = [i for i in report.lines if i.under_target]
    unmeasured = [i for i in report.lines if not i.judged]
    if under:
        text = f"Pada akhir triwulan {roman}, {_numbers(under)} berada di bawah target."
    elif len(unmeasured) < len(report.lines):
        text = f"Pada akhir triwulan {roman} tidak ada indikator yang berada di bawah target."
    else:
        return f"Pada akhir triwulan {roman} belum ada indikator yang capaiannya dapat dihitung."
    if unmeasured:
        text += f" Capaian {_numbers(unmeasured)} belum dapat dihitung."
    return text


def problems_unwritten(report: QuarterReport) -> str:
    """Which faktor penghambat and upaya of an indicator under target staff have not written for the quarter."""
    missing: dict[str, list[QuarterLine]] = {}
    for item in report.lines:
        if not item.under_target:
            continue
        written = item.written
        parts = [label for label, text in (("faktor penghambat", written.obstacle if written else ""),
                                           ("upaya tindak lanjut", written.action if written else "")) if not text]
        if parts:
            missing.setdefault(" dan ".join(parts), []).append(item)
    if not missing:
        return ""
    clauses = [f"{parts} {_numbers(lines)}" for parts, lines in missing.items()]
    return f"Untuk triwulan {ROMAN[report.quarter - 1]} belum ditulis {'; '.join(clauses)}."


def budget_rows(report: QuarterReport) -> list[dict]:
    def cell(text: str, bold: bool = False) -> RichText:
        return RichText(text, bold=bold, size=20)  # 10 pt, as the table's other cells

    def row(no: str, b: QuarterBudget, bold: bool = False) -> dict:
        return {"no": cell(no), "program": cell(b.program, bold), "pagu": cell(rupiah(b.ceiling), bold),
                "realisasi": cell(rupiah(b.spent) if b.spent is not None else fmt.NOT_REPORTED, bold),
                "serapan": cell(fmt.percent(b.absorption) if b.absorption is not None else "\u2013", bold)}

    rows = [row(str(i), b) for i, b in enumerate(report.budget, start=1)]
    if report.total is not None:
        rows.append(row("", report.total, bold=True))
    return rows


def quarter_context(results: Results, view: AnnualReport, quarter: int) -> dict:
    report = quarter_report(results, view, quarter)
    roman = ROMAN[quarter - 1]
    labels = results.catalogue.office.predicate_labels
    ttd = signature(results)
    ttd["tempat_tanggal"] = f"{results.report.identity.signing_place}, {fmt.date(report.date)}"
    if report.budget:
        budget_note = ("Serapan adalah realisasi anggaran sejak 1 Januari sampai akhir triwulan dibagi pagu "
                       "tahun berjalan.")
    elif view.budgets:
        budget_note = f"Realisasi anggaran s.d. TW {roman} belum dilaporkan."
    else:
        budget_note = "Anggaran program tahun berjalan belum dilaporkan."
    return {
        **common_context(results),
        "ttd": ttd,
        "triwulan": roman,
        "tanggal": fmt.date(report.date),
        "kelompok": [{"judul": group_title(g), "baris": [line_cells(i, labels) for i in g.lines]}
                     for g in report.groups],
        "satu_kolom": report.one_column,
        "sumber": source_line(results, report),
        "anggaran": budget_rows(report),
        "catatan_anggaran": budget_note,
        "masalah_pengantar": problems_intro(report),
        "masalah": problem_rows(report),
        "masalah_belum": problems_unwritten(report),
    }


def quarter_documents(results: Results, view: AnnualReport) -> list[tuple[int, bytes]]:
    """One document per quarter, up to the last quarter with any figure."""
    return [
        (q, render("triwulan.docx", lambda template, q=q: quarter_context(results, view, q),
                   results.catalogue.office.paper))
        for q in range(1, view.last_quarter + 1)
    ]
