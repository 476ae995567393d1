"""The Perjanjian Kinerja and the quarterly measurement documents (templates/pk.docx, triwulan.docx)."""

from __future__ import annotations

from iku import formatting as fmt
from iku.model import Results
from iku.render.common import common_context, pk_rows, program_rows, render, signature
from iku.report import AnnualReport, QuarterRow

ROMAN = ("I", "II", "III", "IV")


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
            f"Pihak pertama berjanji akan mewujudkan target kinerja tahun {year} sebagaimana tercantum dalam "
            f"lampiran perjanjian ini, untuk mencapai target jangka menengah yang ditetapkan dalam Rencana "
            f"Strategis {office.first_year}-{office.last_year}. Keberhasilan dan kegagalan pencapaian target "
            "tersebut menjadi tanggung jawab pihak pertama.",
            "Pihak kedua akan memberikan supervisi yang diperlukan, mengevaluasi capaian kinerja dari perjanjian "
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


def quarter_context(results: Results, rows: list[QuarterRow], quarter: int) -> dict:
    labels = results.catalogue.office.predicate_labels

    def line(row: QuarterRow) -> dict[str, str]:
        ind = row.indicator
        capaian = row.capaian[quarter - 1]
        band = row.bands[quarter - 1]
        note = labels[band] if band else row.notes[quarter - 1]
        return {
            "no": str(ind.number), "nama": ind.name, "target": fmt.target(ind, row.target),
            "realisasi": fmt.value(ind, row.quarters[quarter - 1]),
            "kumulatif": fmt.value(ind, row.cumulative[quarter - 1]),
            "capaian": fmt.percent(capaian) if capaian is not None else "-", "predikat": note,
        }

    computed: dict[str, list[str]] = {}
    for result in results.evidence.values():
        for f in result.figures:
            if f.year == results.report_year and len(f.quarters) >= quarter and f.quarters[quarter - 1] is not None:
                computed.setdefault(f.sheet, []).append(str(f.indicator))
    data_note = "".join(
        f" Realisasi indikator nomor {', '.join(numbers)} dihitung dari lembar {sheet} dengan data sampai akhir "
        f"TW {ROMAN[quarter - 1]}." for sheet, numbers in computed.items()
    )
    return {
        **common_context(results),
        "triwulan": ROMAN[quarter - 1],
        "baris": [line(row) for row in rows],
        "catatan": ("Realisasi s.d. triwulan dihitung menurut katalog: TW terakhir untuk nilai, indeks dan "
                    "persentase; jumlah untuk hitungan; rata-rata bila ditetapkan demikian." + data_note),
    }


def quarter_documents(results: Results, view: AnnualReport) -> list[tuple[int, bytes]]:
    """One document per quarter, up to the last quarter with any figure."""
    rows = list(view.quarters)
    return [
        (q, render("triwulan.docx", lambda template, q=q: quarter_context(results, rows, q),
                   results.catalogue.office.paper))
        for q in range(1, view.last_quarter + 1)
    ]
