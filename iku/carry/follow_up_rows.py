"""Last year's Tindak Lanjut sheet made ready for the new workbook: a recommendation not yet finished stays open, so it
is carried with what was done so far, for staff to update; a finished one was reported in last year's LKjIP and is
not carried (the evaluator asks about the recommendations still open)."""

from __future__ import annotations

from iku import layout as L
from iku.check.cells import norm

HEADER_ROWS = 15


def unfinished(old_rows: list[tuple]) -> tuple[list[tuple], list[str]]:
    """The old rows without those whose status is Selesai, and the summary's notes."""
    header = next((i for i, row in enumerate(old_rows[:HEADER_ROWS]) if row and norm(row[0]) == norm(
        L.FOLLOW_UP_RECOMMENDATION)), None)
    if header is None:
        return old_rows, []
    titles = [norm(v) for v in old_rows[header]]
    if norm(L.FOLLOW_UP_STATUS) not in titles:
        return old_rows, []
    status = titles.index(norm(L.FOLLOW_UP_STATUS))

    def done(row: tuple) -> bool:
        return status < len(row) and norm(row[status]) == norm(L.FOLLOW_UP_DONE)

    body = old_rows[header + 1:]
    finished = sum(done(row) for row in body)
    kept = [row for row in body if not done(row)]
    notes = []
    if any(any(v is not None and str(v).strip() for v in row) for row in kept):
        notes.append("yaitu rekomendasi yang belum selesai: perbarui tindak lanjut dan statusnya, lalu tambahkan "
                     "rekomendasi hasil evaluasi terbaru")
    if finished:
        notes.append(f"{finished} rekomendasi berstatus {L.FOLLOW_UP_DONE} tidak dibawa (sudah dilaporkan pada "
                     "LKjIP buku kerja lama)")
    return [*old_rows[: header + 1], *kept], notes
