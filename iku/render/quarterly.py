"""The quarterly measurement documents (templates/triwulan.docx)."""

from __future__ import annotations

from iku import formatting as fmt
from iku.model import Results
from iku.render.common import common_context, render
from iku.report import AnnualReport, QuarterRow

ROMAN = ("I", "II", "III", "IV")


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
