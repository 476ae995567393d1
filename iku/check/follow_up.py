"""The optional sheet Tindak Lanjut: each recommendation of the Inspektorat's evaluation of last year (Laporan Hasil
Evaluasi SAKIP), what the office did about it, its status and, optionally, the evidence (LKjIP Bab III C).

The evaluator scores this follow-up (component Evaluasi Akuntabilitas Kinerja Internal, 25 %, PermenPANRB 88/2021),
so a missing or empty sheet is a warning; the LKjIP then says no recommendation was recorded. Every problem names
its sheet and cell.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from iku import layout as L
from iku.check.cells import norm, text_cell
from iku.errors import Problem
from iku.model import FollowUp
from iku.read.reader import RawCell, RawWorkbook

REQUIRED = (L.FOLLOW_UP_RECOMMENDATION, L.FOLLOW_UP_ACTION, L.FOLLOW_UP_STATUS)
TITLES = (*REQUIRED, L.FOLLOW_UP_EVIDENCE)  # in the template's order, columns A-D
_WHAT = {L.FOLLOW_UP_ACTION: "tindak lanjut", L.FOLLOW_UP_STATUS: "status", L.FOLLOW_UP_EVIDENCE: "bukti"}
_CHOICES = ", ".join(f"'{s}'" for s in L.FOLLOW_UP_STATUSES[:-1]) + f", atau '{L.FOLLOW_UP_STATUSES[-1]}'"


def _listing(parts: list[str]) -> str:
    """'a', 'a dan b', 'a, b, dan c' (as iku.measure.sentences.listing writes it)."""
    return " dan ".join(parts) if len(parts) <= 2 else ", ".join(parts[:-1]) + ", dan " + parts[-1]


def read(raw: RawWorkbook, report_year: int, problems: list[Problem], warnings: list[str]) -> tuple[FollowUp, ...]:
    sheet = L.SHEET_FOLLOW_UP
    if sheet not in raw.sheets:
        warnings.append(_unfilled(report_year, missing=True))
        return ()
    rows = raw.sheets[sheet]
    start = len(problems)
    columns, header = _columns(rows, problems)
    found: list[FollowUp] = []
    for row in rows[header:] if columns else ():
        cells = {title: _cell(row, column, row[0].row) for title, column in columns.items()} if row else {}
        if not any(_filled(c) for c in cells.values()):
            continue
        item = _follow_up(cells, problems)
        if item is not None:
            found.append(item)
    if not found and len(problems) == start:
        warnings.append(_unfilled(report_year, missing=False))
    return tuple(found)


def _unfilled(report_year: int, missing: bool) -> str:
    what = (f"Buku kerja ini tidak punya lembar '{L.SHEET_FOLLOW_UP}' (dibuat sebelum lembar itu ada; salin lembar itu "
            f"dari buku kerja kosong, python generate.py template BARU.xlsx --year {report_year})" if missing else
            f"Lembar '{L.SHEET_FOLLOW_UP}' kosong")
    return (f"{what}: isi setiap rekomendasi Laporan Hasil Evaluasi (LHE) SAKIP tahun {report_year - 1} dari "
            "Inspektorat beserta tindak lanjut, status dan buktinya. Evaluator menilai tindak lanjut ini (komponen "
            "Evaluasi Akuntabilitas Kinerja Internal, bobot 25%, PermenPANRB 88/2021); tanpa isian, LKjIP Bab III C "
            "menyatakan belum ada rekomendasi yang dicatat.")


def _columns(rows: list[list[RawCell]], problems: list[Problem]) -> tuple[dict[str, int] | None, int]:
    """Title -> column number, and the header's row number; (None, 0) when the sheet cannot be read (a problem is
    recorded if it holds anything) or is empty."""
    known = {norm(t): t for t in TITLES}
    scored = [(sum(norm(c.value) in known for c in row), row) for row in rows[: L.HEADER_SEARCH_ROWS] if row]
    best = max((score for score, _ in scored), default=0)
    if best == 0:
        if any(_filled(c) for row in rows for c in row):
            problems.append(Problem(
                f"judul kolom {_titles()} tidak ditemukan di {L.HEADER_SEARCH_ROWS} baris pertama (diubah atau "
                f"dihapus?); tulis judul itu di baris {L.DATA_HEADER_ROW}, seperti pada buku kerja kosong",
                sheet=L.SHEET_FOLLOW_UP, cell=f"A{L.DATA_HEADER_ROW}"))
        return None, 0
    header = next(row for score, row in scored if score == best)
    columns = {known[norm(c.value)]: c.column for c in header if norm(c.value) in known}
    absent = [t for t in REQUIRED if t not in columns]
    for title in absent:
        column = TITLES.index(title) + 1  # where the template puts it
        cell = header[column - 1] if len(header) >= column else None
        held = f"; sel ini berisi '{cell.value}'" if _filled(cell) and norm(cell.value) not in known else ""
        problems.append(Problem(
            f"judul kolom '{title}' tidak ditemukan di baris {header[0].row} (diubah atau dihapus?){held}. Judul "
            f"kolom lembar ini: {_titles()}, dan boleh ditambah '{L.FOLLOW_UP_EVIDENCE}'",
            sheet=L.SHEET_FOLLOW_UP, cell=f"{get_column_letter(column)}{header[0].row}"))
    return (None, 0) if absent else (columns, header[0].row)


def _titles() -> str:
    return _listing([f"'{t}'" for t in REQUIRED])


def _cell(row: list[RawCell], column: int, number: int) -> RawCell:
    if len(row) >= column:
        return row[column - 1]
    return RawCell(L.SHEET_FOLLOW_UP, f"{get_column_letter(column)}{number}", number, column, None, "General", False)


def _filled(cell: RawCell | None) -> bool:
    return cell is not None and (cell.is_formula or (cell.value is not None and bool(str(cell.value).strip())))


def _follow_up(cells: dict[str, RawCell], problems: list[Problem]) -> FollowUp | None:
    start = len(problems)
    recommendation = text_cell(cells[L.FOLLOW_UP_RECOMMENDATION], problems)
    action = text_cell(cells[L.FOLLOW_UP_ACTION], problems)
    status_cell = cells[L.FOLLOW_UP_STATUS]
    typed = " ".join(text_cell(status_cell, problems, L.NAME_LIMIT).split())
    evidence = text_cell(cells[L.FOLLOW_UP_EVIDENCE], problems) if L.FOLLOW_UP_EVIDENCE in cells else ""
    if len(problems) > start:
        return None
    where = cells[L.FOLLOW_UP_RECOMMENDATION]
    if not recommendation:
        given = [f"{_WHAT[t]} (sel {c.coordinate})" for t, c in cells.items() if t in _WHAT and _filled(c)]
        problems.append(Problem(f"rekomendasi kosong, padahal baris ini berisi {_listing(given)}; tulis "
                                "rekomendasinya, atau kosongkan seluruh baris", sheet=where.sheet,
                                cell=where.coordinate))
        return None
    status = next((s for s in L.FOLLOW_UP_STATUSES if norm(s) == norm(typed)), None)
    if status is None:
        problems.append(Problem(f"status '{typed}' tidak dikenal; pilih {_CHOICES}" if typed else
                                f"status kosong; pilih {_CHOICES}", sheet=status_cell.sheet,
                                cell=status_cell.coordinate))
        return None
    if status != L.FOLLOW_UP_OPEN and not action:
        cell = cells[L.FOLLOW_UP_ACTION]
        problems.append(Problem(f"tindak lanjut kosong, padahal statusnya '{status}'; tulis apa yang telah "
                                f"dilakukan, atau pilih status '{L.FOLLOW_UP_OPEN}'", sheet=cell.sheet,
                                cell=cell.coordinate))
        return None
    return FollowUp(recommendation, action, status, evidence)
