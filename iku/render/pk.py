"""The Perjanjian Kinerja (templates/pk.docx), and the same agreement as Lampiran 1 of the LKjIP."""

from __future__ import annotations

from itertools import groupby

from iku import formatting as fmt
from iku.measure.report import AnnualReport
from iku.model import Indicator, Results
from iku.render.common import LEVEL_NAMES, common_context, program_rows, render, signature

DRAFT_MARK = "DRAF \u2014 TARGET BELUM LENGKAP"
OTHER_HEADING = "Indikator Kinerja Lainnya"  # indicators the IKU document lists without tujuan, sasaran or program


def missing_targets(results: Results) -> list[Indicator]:
    """Indicators without a target of the report year, neither in the IKU document nor typed on the workbook:
    while there is one, the PK cannot be signed and is written as a draft."""
    year = results.report_year
    return [ind for ind in results.catalogue.indicators if ind.targets.get(year) is None]


def draft_warning(results: Results) -> str:
    missing = missing_targets(results)
    if not missing:
        return ""
    return (f"Perjanjian Kinerja ditandai DRAF: target tahun {results.report_year} belum ada untuk "
            + "; ".join(f"{ind.number}. {ind.name}" for ind in missing)
            + ". Isi sel Target pada lembar Realisasi (dari Renstra), lalu buat ulang dokumen.")


def cascade_rows(results: Results) -> list[dict[str, str]]:
    """The lampiran table: each tujuan, sasaran and program as a heading row, its indicators with the target of
    the report year below it; indicators without a level under a heading of their own."""
    year = results.report_year
    rows: list[dict[str, str]] = []
    for (level, objective), group in groupby(results.catalogue.indicators, key=lambda i: (i.level, i.objective)):
        heading = _heading(level, objective)
        rows.append({"judul": heading, "no": "", "indikator": "", "satuan": "", "target": ""})
        rows += [{"judul": "", "no": str(ind.number), "indikator": ind.name, "satuan": ind.unit,
                  "target": fmt.target(ind, ind.targets.get(year))} for ind in group]
    return rows


def _heading(level: str | None, objective: str) -> str:
    if not level:
        return OTHER_HEADING
    name = LEVEL_NAMES[level]
    # "Program: Program Penyelenggaraan ..." says it twice; a program's name already starts with the word
    return objective if objective.casefold().startswith(name.casefold()) else f"{name}: {objective}"


def agreement_context(results: Results, view: AnnualReport) -> dict:
    """Text, tables and signature of the agreement: the same in pk.docx and in the LKjIP's Lampiran 1."""
    office = results.catalogue.office
    year = results.report_year
    budgets = view.budgets
    return {
        "draf": DRAFT_MARK if missing_targets(results) else "",
        "ttd": signature(results, for_pk=True),
        "pembuka": ("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
                    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"),
        "isi": [
            f"PIHAK PERTAMA berjanji akan mewujudkan target kinerja tahun {year} sebagaimana tercantum dalam "
            f"lampiran perjanjian ini, untuk mencapai target jangka menengah yang ditetapkan dalam Rencana "
            f"Strategis {office.first_year}-{office.last_year}. Keberhasilan dan kegagalan pencapaian target "
            "tersebut menjadi tanggung jawab PIHAK PERTAMA.",
            "PIHAK KEDUA akan memberikan supervisi yang diperlukan, mengevaluasi capaian kinerja dari perjanjian "
            "ini, dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.",
        ],
        "lampiran": cascade_rows(results),
        "program": program_rows(budgets),
        "catatan_anggaran": "" if budgets else "Anggaran program belum tercantum.",
    }


def pk_context(results: Results, view: AnnualReport) -> dict:
    return {**common_context(results), "perjanjian": agreement_context(results, view)}


def pk_document(results: Results, view: AnnualReport) -> bytes:
    return render("pk.docx", lambda template: pk_context(results, view), results.catalogue.office.paper)
