"""LKjIP Bab III C: the follow-up of the recommendations of last year's evaluation (sheet Tindak Lanjut), as a table
and one sentence counting the rows per status. Without rows the section says none was recorded; nothing is made up."""

from __future__ import annotations

from iku import layout as L
from iku.measure.sentences import count, listing
from iku.model import FollowUp, Results

DASH = "\u2013"
# status -> what the counting sentence says of it
STATUS_PHRASES = {
    L.FOLLOW_UP_DONE: "telah selesai ditindaklanjuti",
    L.FOLLOW_UP_ONGOING: "masih dalam proses",
    L.FOLLOW_UP_OPEN: "belum ditindaklanjuti",
}


def _one_line(text: str) -> str:
    """Staff text in a table cell: its lines joined into one paragraph."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip()) or DASH


def tally(items: tuple[FollowUp, ...]) -> str:
    """'Dari tiga rekomendasi tersebut, dua telah selesai ditindaklanjuti dan satu masih dalam proses.'"""
    counts = [(status, sum(i.status == status for i in items)) for status in L.FOLLOW_UP_STATUSES]
    counts = [(status, n) for status, n in counts if n]
    if len(items) == 1:
        return f"Rekomendasi tersebut {STATUS_PHRASES[items[0].status]}."
    if len(counts) == 1:
        return f"Dari {count(len(items))} rekomendasi tersebut, seluruhnya {STATUS_PHRASES[counts[0][0]]}."
    parts = [f"{count(n)} {STATUS_PHRASES[status]}" for status, n in counts]
    return f"Dari {count(len(items))} rekomendasi tersebut, {listing(parts)}."


def follow_up_context(results: Results) -> dict:
    office = results.catalogue.office
    year = results.report_year
    items = results.report.follow_up
    if not items:
        return {"ada": False, "kosong": f"Belum ada rekomendasi hasil evaluasi atas implementasi SAKIP {office.name} "
                                        f"tahun {year - 1} yang dicatat, sehingga tindak lanjutnya belum dapat "
                                        "disajikan."}
    return {
        "ada": True,
        "pengantar": (f"Evaluasi atas implementasi SAKIP {office.name} tahun {year - 1} oleh Inspektorat Kabupaten "
                      f"{office.regency} menghasilkan rekomendasi perbaikan yang ditindaklanjuti sesuai Peraturan "
                      "Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah. "
                      f"Tabel berikut memuat rekomendasi hasil evaluasi yang ditindaklanjuti pada tahun {year} beserta "
                      "tindak lanjut dan statusnya sampai dengan laporan ini disusun."),
        "bukti": any(i.evidence for i in items),  # the Bukti column only when a row gives one
        "baris": [{"no": str(n), "rekomendasi": _one_line(i.recommendation), "tindak_lanjut": _one_line(i.action),
                   "status": i.status, "bukti": _one_line(i.evidence)} for n, i in enumerate(items, start=1)],
        "ringkasan": tally(items),
    }
