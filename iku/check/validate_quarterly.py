"""Validate what only the quarterly reports use: their dates (Identitas), the quarterly targets and what staff
wrote for each quarter (Triwulan), and the spending to date of each quarter (Anggaran). All optional: an older
workbook lacks the rows/columns."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from iku import formatting as fmt
from iku import layout as L
from iku import rules
from iku.check.cells import NotADate, date_value, find_header, indicator_rows, norm, number_value, text_cell
from iku.errors import Problem
from iku.model import Analysis, Catalogue, Indicator
from iku.read.reader import RawCell, RawWorkbook


def quarter_dates(labels: dict[str, RawCell], year: int | None, problems: list[Problem]) -> tuple[dt.date | None, ...]:
    """The date given for each quarterly report, None where the row is absent or empty."""
    dates: list[dt.date | None] = []
    for quarter, label in enumerate(L.ID_QUARTER_DATES, start=1):
        cell = labels.get(norm(label))
        date = _date(cell, label, problems) if cell is not None else None
        if date is not None and year is not None and date <= rules.quarter_end(year, quarter):
            end = rules.quarter_end(year, quarter)
            problems.append(Problem(
                f"{_phrase(label)} {fmt.date(date)} tidak sesudah akhir triwulan ({fmt.date(end)}); laporan "
                f"triwulan ditandatangani setelah triwulannya berakhir. Kosongkan untuk memakai "
                f"{fmt.date(rules.quarter_report_date(year, quarter))}", sheet=cell.sheet, cell=cell.coordinate))
            date = None
        if date is not None and year is not None and date > dt.date(year + 1, 12, 31):
            # A quarter's report is signed in the quarter after it; a date years on is a typing slip (2052 for
            # 2025), and would be printed under the Camat's signature.
            problems.append(Problem(
                f"{_phrase(label)} {fmt.date(date)} jauh sesudah tahun laporan {year}; laporan triwulan "
                f"ditandatangani pada triwulan berikutnya, paling lambat tahun {year + 1}. Periksa tahunnya, atau "
                f"kosongkan untuk memakai {fmt.date(rules.quarter_report_date(year, quarter))}",
                sheet=cell.sheet, cell=cell.coordinate))
            date = None
        dates.append(date)
    return tuple(dates)


def _date(cell: RawCell, label: str, problems: list[Problem]) -> dt.date | None:
    try:
        return date_value(cell)
    except NotADate as exc:
        problems.append(Problem(f"{_phrase(label)} '{exc.shown}' bukan tanggal; tulis seperti 10/07/2025 atau "
                                "10 Juli 2025, atau kosongkan", sheet=cell.sheet, cell=cell.coordinate))
        return None


def _triwulan(raw: RawWorkbook, catalogue: Catalogue) -> tuple[dict[str, int], dict[int, list[RawCell]]]:
    """Columns by normalised title and rows by indicator of Triwulan; problems of its header and rows are
    reported with the realisations."""
    header = find_header(raw, L.SHEET_QUARTERS, [])
    if header is None:
        return {}, {}
    by_title = {norm(c.value): c.column for c in header if c.value is not None}
    return by_title, indicator_rows(raw, L.SHEET_QUARTERS, header, catalogue, [])


def _cells(row: list[RawCell], columns: list[int | None]) -> list[RawCell | None]:
    return [row[column - 1] if column and len(row) >= column else None for column in columns]


def quarter_targets(raw: RawWorkbook, catalogue: Catalogue, year: int, problems: list[Problem]) -> dict[int, tuple]:
    """Indicator number -> target s.d. TW I-IV, from the optional columns 'Target TW I' ... of Triwulan.
    The target s.d. TW IV is the year's target: one year-end figure has one capaian, in the TW IV report as
    in the LKjIP."""
    by_title, rows = _triwulan(raw, catalogue)
    columns = [by_title.get(norm(title)) for title in L.QUARTER_TARGETS]
    if not any(columns):
        return {}
    result = {}
    for ind in catalogue.indicators:
        cells = _cells(rows.get(ind.number, []), columns)
        values = [_target(cell, ind, title, problems) if cell is not None else None
                  for title, cell in zip(L.QUARTER_TARGETS, cells, strict=True)]
        if values[3] is not None and not _same_target(values[3], ind.targets.get(year)):
            problems.append(_year_end_problem(cells[3], ind, values[3], year))
            values[3] = None
        if any(v is not None for v in values):
            result[ind.number] = tuple(values)
    return result


def _same_target(quarter: Decimal, year: Decimal | None) -> bool:
    return year is not None and rules.round_half_up(quarter) == rules.round_half_up(year)


def _year_end_problem(cell: RawCell, ind: Indicator, value: Decimal, year: int) -> Problem:
    target = ind.targets.get(year)
    if target is None:
        text = (f"{_phrase(L.QUARTER_TARGETS[3])} '{ind.name}' {fmt.value(ind, value)} diisi, sedangkan target "
                f"tahun {year} belum ditetapkan. Target s.d. TW IV adalah target tahunan: tetapkan target {year} "
                f"di lembar {L.SHEET_REALISATION} dan kosongkan sel ini")
    else:
        text = (f"{_phrase(L.QUARTER_TARGETS[3])} '{ind.name}' {fmt.value(ind, value)} berbeda dengan target tahun "
                f"{year} ({fmt.value(ind, target)}). Target s.d. TW IV adalah target tahunan, agar realisasi akhir "
                f"tahun hanya punya satu capaian (sama dengan LKjIP): kosongkan sel ini (dipakai target tahunan) "
                f"atau isi {fmt.value(ind, target)}")
    return Problem(text, sheet=cell.sheet, cell=cell.coordinate)


def quarter_analysis(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem]) -> dict[int, tuple]:
    """Indicator number -> what staff wrote for TW I-IV (Analysis, or None for a quarter left empty), from the
    optional columns 'Faktor Penghambat TW I', 'Upaya / Rencana Tindak Lanjut TW I' ... of Triwulan."""
    by_title, rows = _triwulan(raw, catalogue)
    obstacles = [by_title.get(norm(title)) for title in L.QUARTER_OBSTACLES]
    actions = [by_title.get(norm(title)) for title in L.QUARTER_ACTIONS]
    if not any(obstacles + actions):
        return {}
    result = {}
    for ind in catalogue.indicators:
        row = rows.get(ind.number, [])
        texts = []
        for obstacle, action in zip(_cells(row, obstacles), _cells(row, actions), strict=True):
            written = Analysis(obstacle=text_cell(obstacle, problems), action=text_cell(action, problems))
            texts.append(written if written.obstacle or written.action else None)
        if any(texts):
            result[ind.number] = tuple(texts)
    return result


def _target(cell: RawCell, ind: Indicator, title: str, problems: list[Problem]) -> Decimal | None:
    """The same rules as a realisation: a number in the indicator's unit and range."""
    return number_value(cell, ind, problems, _phrase(title))


def spent_to_quarter(header: list[RawCell], row: list[RawCell], ceiling: Decimal | None, money,
                     problems: list[Problem]) -> tuple[Decimal | None, ...]:
    """Realisasi s.d. TW I-IV of one budget line (cumulative), or () when the sheet has none of these columns.
    `money` reads one rupiah cell (validate_report._money)."""
    by_title = {norm(c.value): c.column for c in header if c.value is not None}
    columns = [by_title.get(norm(title)) for title in L.BUDGET_SPENT_TO_QUARTER]
    if not any(columns):
        return ()
    values: list[Decimal | None] = []
    previous: tuple[Decimal, RawCell] | None = None
    for title, column in zip(L.BUDGET_SPENT_TO_QUARTER, columns, strict=True):
        cell = row[column - 1] if column and len(row) >= column else None
        value = money(cell, _phrase(title), problems) if cell is not None else None
        if value is not None and ceiling is not None and value > ceiling:
            problems.append(Problem(f"{_phrase(title)} melebihi pagu",
                                    sheet=cell.sheet, cell=cell.coordinate))
            value = None
        if value is not None and previous is not None and value < previous[0]:
            problems.append(Problem(
                f"{_phrase(title)} lebih kecil dari triwulan sebelumnya "
                f"(sel {previous[1].coordinate}); kolom ini jumlah sejak 1 Januari, bukan realisasi triwulan itu saja",
                sheet=cell.sheet, cell=cell.coordinate))
            value = None
        if value is not None:
            previous = (value, cell)
        values.append(value)
    return tuple(values)


def _phrase(label: str) -> str:
    """'Realisasi s.d. TW II (Rp)' -> 'realisasi s.d. TW II', 'Tanggal Laporan TW I' -> 'tanggal laporan TW I'."""
    words = label.replace(" (Rp)", "").split()
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in words)
