"""The Perjanjian Kinerja (templates/pk.docx)."""

from __future__ import annotations

from iku import formatting as fmt  # noqa: F401  (unused since the quarterly documents moved out)
from iku.model import Results
from iku.render.common import common_context, pk_rows, program_rows, render, signature
from iku.report import AnnualReport


def pk_context(results: Results, view: AnnualReport) -> dict:
    office = results.catalogue.office
    year = results.report_year
    budgets = view.budgets
    unset = [ind.name for ind in results.catalogue.indicators if ind.targets.get(year) is None]
    return {
        **common_context(results),
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
        "pk": pk_rows(results),
        "pk_program": program_rows(budgets),
        "catatan_target": (f"Target tahun {year} untuk {len(unset)} indikator belum ditetapkan dalam dokumen IKU; "
                           "tetapkan sebelum perjanjian ditandatangani.") if unset else "",
        "catatan_anggaran": "" if budgets else "Anggaran program belum diisi pada lembar Anggaran.",
    }


def pk_document(results: Results, view: AnnualReport) -> bytes:
    return render("pk.docx", lambda template: pk_context(results, view), results.catalogue.office.paper)
