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
# What the data behind a computed realisation are, in the words of a report (never the workbook's sheet names).
DATA_WORDS = {
    L.SHEET_SKM: "hasil survei kepuasan masyarakat",
    L.SHEET_VILLAGES: "status desa",
    L.SHEET_SERVICES: "register pelayanan",
    L.SHEET_CONFLICTS: "register konflik",
    L.SHEET_EMPOWERMENT: "data pemberdayaan masyarakat desa",
    L.SHEET_AFFAIRS: "data penyelenggaraan urusan pemerintahan umum",
    L.SHEET_SAKIP: "hasil evaluasi SAKIP",
}
ROLLUP_WORDS = {
    "terakhir": "nilai triwulan terakhir, sehingga realisasi triwulan dan realisasi s.d. triwulan ditulis satu kali",
    "jumlah": "jumlah sejak awal tahun",
    "rata-rata": "rata-rata triwulan sejak awal tahun",
}


def group_title(group: QuarterGroup) -> str:
    if group.level is None:
        return OTHER_INDICATORS
    return f"{LEVEL_NAMES[group.level]}: {group.objective}"


def line_cells(item: QuarterLine, labels: dict[str, str], roman: str) -> dict:
    ind = item.indicator
    return {
        "no": str(ind.number), "nama": ind.name,
        "target": fmt.target(ind, item.annual_target),
        "target_tw": fmt.value(ind, item.quarter_target, missing="\u2013"),
        "realisasi": fmt.value(ind, item.realisation), "kumulatif": fmt.value(ind, item.to_date),
        "satu": item.one_figure,
        "capaian": fmt.percent(item.capaian) if item.capaian is not None else "\u2013",
        "dasar": (AGAINST_QUARTER if item.against_quarter else AGAINST_YEAR) if item.capaian is not None else "",
        "predikat": labels[item.band] if item.band else item.note,
    }


def notes(results: Results, report: QuarterReport) -> list[str]:
    """What the figures are: roll-up per kind of indicator, which target the capaian uses, where data come from."""
    roman = ROMAN[report.quarter - 1]
    lines = report.lines
    texts = []
    by_rollup: dict[str, list[str]] = {}
    for item in lines:
        by_rollup.setdefault(item.indicator.rollup, []).append(str(item.indicator.number))
    if len(by_rollup) == 1:
        texts.append(f"Realisasi s.d. TW {roman} setiap indikator adalah {ROLLUP_WORDS[next(iter(by_rollup))]}.")
    else:
        kinds = [f"untuk indikator nomor {_series(numbers)} adalah {ROLLUP_WORDS[how]}"
                 for how, numbers in by_rollup.items()]
        texts.append(f"Realisasi s.d. TW {roman} {'; '.join(kinds)}.")
    quarterly = [str(i.indicator.number) for i in lines if i.against_quarter]
    if quarterly:
        texts.append(f"Capaian indikator nomor {_series(quarterly)} dihitung terhadap target s.d. TW {roman}; "
                     "capaian indikator lainnya terhadap target tahunan.")
    else:
        texts.append(f"Target s.d. TW {roman} tidak ditetapkan; capaian dihitung terhadap target tahunan.")
    computed: dict[str, list[str]] = {}
    for result in results.evidence.values():
        for f in result.figures:
            if f.year == results.report_year and len(f.quarters) >= report.quarter \
                    and f.quarters[report.quarter - 1] is not None:
                computed.setdefault(f.sheet, []).append(str(f.indicator))
    for sheet, numbers in computed.items():
        texts.append(f"Realisasi indikator nomor {_series(numbers)} dihitung dari "
                     f"{DATA_WORDS.get(sheet, 'data dukung ' + sheet)} sampai akhir TW {roman}.")
    return texts


def _series(items: list[str]) -> str:
    """'1', '1 dan 5', '1, 5 dan 7'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} dan {items[-1]}"


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
    problems = [item for item in report.lines if item.analysis and (item.analysis.obstacle or item.analysis.action)]
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
        "kelompok": [{"judul": group_title(g), "baris": [line_cells(i, labels, roman) for i in g.lines]}
                     for g in report.groups],
        "catatan": notes(results, report),
        "anggaran": budget_rows(report),
        "catatan_anggaran": budget_note,
        "masalah": [{"no": str(i.indicator.number), "nama": i.indicator.name,
                     "penghambat": i.analysis.obstacle or "\u2013", "tindak_lanjut": i.analysis.action or "\u2013"}
                    for i in problems if i.analysis],
        "catatan_masalah": "" if problems else "Tidak ada faktor penghambat yang dilaporkan.",
    }


def quarter_documents(results: Results, view: AnnualReport) -> list[tuple[int, bytes]]:
    """One document per quarter, up to the last quarter with any figure."""
    return [
        (q, render("triwulan.docx", lambda template, q=q: quarter_context(results, view, q),
                   results.catalogue.office.paper))
        for q in range(1, view.last_quarter + 1)
    ]
