"""Sheet Status Desa: the status of every desa per year -> Jumlah Desa Mandiri, Jumlah Desa Maju and Persentase
Desa Naik Kelas.

One row per desa, a column `Status <year>` for the base year (the Renstra's kondisi awal) and every year of the
period, and optional `Nilai IDM <year>` columns. Up to rules.IDM_LAST_YEAR the Indeks Desa Membangun sets the
status, so a score given must agree with it; from the year after, the status is taken as the ministry publishes
it. Statuses are yearly: no quarters.

Jumlah Desa Mandiri counts "Mandiri", Jumlah Desa Maju counts exactly "Maju" (a desa Mandiri is not counted
again), Desa Naik Kelas = desa whose status ranks above their base-year status / all desa x 100.

Also home of the row helpers shared with the Pemberdayaan and Urusan sheets: rows named in their first column
(known names, no name twice) and year columns that are filled entirely or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from openpyxl.utils import get_column_letter

from iku import formatting as fmt
from iku import layout as L
from iku.check.cells import norm
from iku.errors import Problem
from iku.model import Catalogue, Figure, ReportInput, SourceResult
from iku.read.reader import RawWorkbook
from iku.rules import HUNDRED, IDM_LAST_YEAR, IDM_THRESHOLDS, VILLAGE_STATUSES, idm_status, status_rank
from iku.sources.common import Sheet, blank, coordinate, editable, headers, intro, years_up_to
from iku.xlsx_style import put_text

KEY = "desa"
MEASURES = ("desa_mandiri", "desa_maju", "desa_naik_kelas")
SHEETS = (L.SHEET_VILLAGES,)
# How a report names this data source (never the sheet's name): in running text, and in a table cell.
REPORT_NAME = "Status Indeks Desa {tahun}"
SHORT_NAME = "Status Indeks Desa"
MANDIRI, MAJU = VILLAGE_STATUSES[4], VILLAGE_STATUSES[3]
COUNTED = {"desa_mandiri": MANDIRI, "desa_maju": MAJU}  # measure -> the status it counts
IDM_FORMAT = "0.0000"
EMPTY_ROWS = 30  # rows offered when the catalogue lists no desa
IDM_RULE = (f"Permendesa PDTT 2/2016: Mandiri > {IDM_THRESHOLDS[0][0]}, Maju > {IDM_THRESHOLDS[1][0]}, "
            f"Berkembang > {IDM_THRESHOLDS[2][0]}, Tertinggal > {IDM_THRESHOLDS[3][0]}, "
            f"selebihnya Sangat Tertinggal").replace(".", ",")


@dataclass(frozen=True)
class Village:
    row: int  # row of the sheet, for tracing
    name: str
    statuses: dict[int, str]  # year -> status (base year included)
    idm: dict[int, Decimal]  # year -> IDM score where given


@dataclass(frozen=True)
class VillageYear:
    year: int
    counts: dict[str, int]  # status -> number of desa (all five keys)
    above_base: tuple[str, ...]  # desa whose status ranks above the base year's
    value: Decimal | None  # naik kelas percent; None when the base year is missing
    rose: tuple[str, ...]  # desa with a higher status than the year before
    fell: tuple[str, ...]  # desa with a lower status than the year before


@dataclass(frozen=True)
class VillageEvidence:
    base_year: int
    villages: tuple[Village, ...]
    years: tuple[VillageYear, ...]  # base year first, then each year with statuses

    def year(self, year: int) -> VillageYear | None:
        return next((y for y in self.years if y.year == year), None)


# --- Shared row helpers (Status Desa, Pemberdayaan, Urusan) ---

@dataclass(frozen=True)
class Named:
    row: int
    values: list[object]
    name: str



def named_rows(sheet: Sheet, label: str, known: tuple[str, ...], what: str) -> list[Named]:
    """The rows below the header that carry a name in column `label`. A row with data but no name, a name not
    in `known` (when the catalogue gives a list) and a name written twice are problems; such rows are left out."""
    column = sheet.column(label)
    assert column is not None
    by_norm = {norm(name): name for name in known}
    seen: dict[str, int] = {}
    found = []
    for r, values in sheet.data_rows():
        name = sheet.text(r, values, column, label)  # an empty name in a row with data is a problem
        if not name:
            continue
        if by_norm and norm(name) not in by_norm:
            sheet.fail(f"{what} '{name}' tidak dikenal; {what} menurut katalog: {', '.join(known)}", r, column)
            continue
        if norm(name) in seen:
            sheet.fail(f"{what} '{name}' tercantum dua kali (juga di {coordinate(seen[norm(name)], column)})",
                       r, column)
            continue
        seen[norm(name)] = r
        found.append(Named(r, values, by_norm.get(norm(name), name)))
    return found


def missing_names(sheet: Sheet, rows: list[Named], known: tuple[str, ...], label: str, what: str) -> None:
    """Every name of the catalogue must have its row once the sheet holds data."""
    listed = {norm(n.name) for n in rows}
    missing = [name for name in known if norm(name) not in listed]
    if missing:
        sheet.fail(f"{what} {', '.join(missing)} tidak ada di kolom {label}; semua {len(known)} {what} harus "
                   "tercantum (tambahkan barisnya)")


def column_filled(sheet: Sheet, rows: list[Named], column: int, label: str) -> bool | None:
    """Whether a year column holds data: True when every row has a value, False when none has. A column filled
    for some rows only is a problem at each of its empty cells, and gives None."""
    empty = [n for n in rows if blank(sheet.raw(n.values, column))]
    if not rows or len(empty) == len(rows):
        return False
    if not empty:
        return True
    sheet.fail(f"kolom {label} (kolom {get_column_letter(column)}) terisi sebagian: {len(empty)} dari {len(rows)} "
               f"baris kosong. Isi semua baris, atau kosongkan seluruh kolom bila datanya belum ada (realisasinya "
               f"lalu diambil dari lembar {L.SHEET_REALISATION})")
    for n in empty:
        sheet.empty(n.row, column, f"{label} untuk {n.name}")
    return None


def decimal_text(value: Decimal) -> str:
    """0.8155 -> '0,8155' (as written, Indonesian decimal comma)."""
    return format(value.normalize(), "f").replace(".", ",")


def names(items) -> str:
    return ", ".join(items)


# --- The Status Desa sheet ---

def base_year(catalogue: Catalogue) -> int:
    """The kondisi awal of the Renstra; a catalogue that does not name it takes the year before its period."""
    return catalogue.data.village_base_year or catalogue.office.first_year - 1


def status_years(catalogue: Catalogue) -> list[int]:
    return sorted({base_year(catalogue), *catalogue.years})


def status_header(year: int) -> str:
    return f"{L.VILLAGE_STATUS_PREFIX} {year}"


def idm_header(year: int) -> str:
    return f"{L.VILLAGE_IDM_PREFIX} {year}"


def add_sheets(wb, catalogue: Catalogue, report_year: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(L.SHEET_VILLAGES)
    base = base_year(catalogue)
    intro(ws, "STATUS DESA",
          f"Satu baris per desa. Pilih status dari daftar ({', '.join(VILLAGE_STATUSES)}). {status_header(base)} "
          f"adalah kondisi awal Renstra, pembanding Persentase Desa Naik Kelas. {L.VILLAGE_IDM_PREFIX} (0-1, "
          f"misalnya 0,7512) boleh diisi dan sampai tahun {IDM_LAST_YEAR} harus sesuai dengan statusnya. Kolom "
          "tahun yang belum ada datanya dibiarkan kosong seluruhnya: realisasinya diambil dari lembar "
          f"{L.SHEET_REALISATION}.")
    titles, widths, formats = [L.VILLAGE], [22], [None]
    notes = {status_header(base): f"Tahun dasar {base} (kondisi awal Renstra): Desa Naik Kelas membandingkan status "
                                  "setiap tahun dengan kolom ini."}
    for year in status_years(catalogue):
        titles.append(status_header(year))
        widths.append(18)
        formats.append(None)
        if year <= IDM_LAST_YEAR:
            titles.append(idm_header(year))
            widths.append(14)
            formats.append(IDM_FORMAT)
            notes[idm_header(year)] = (f"Nilai Indeks Desa Membangun {year}, 0-1 (misalnya 0,7512). Boleh "
                                       f"kosong; bila diisi harus sesuai dengan {status_header(year)}.")
    headers(ws, titles, widths, notes)
    villages = catalogue.data.villages
    first = L.DATA_HEADER_ROW + 1
    last = first + (len(villages) or EMPTY_ROWS) - 1
    statuses = DataValidation(type="list", formula1='"' + ",".join(VILLAGE_STATUSES) + '"', allow_blank=True,
                              showErrorMessage=True, errorTitle="Status desa",
                              error="Pilih salah satu: " + ", ".join(VILLAGE_STATUSES))
    scores = DataValidation(type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True,
                            showErrorMessage=True, errorTitle="Nilai IDM", error="Nilai IDM antara 0 dan 1")
    for row in range(first, last + 1):
        name = ws.cell(row=row, column=1)
        if villages:
            put_text(name, villages[row - first])
        else:
            editable(name)
        for col, number_format in enumerate(formats[1:], start=2):
            editable(ws.cell(row=row, column=col), number_format)
    for col, title in enumerate(titles[1:], start=2):
        cells = f"{get_column_letter(col)}{first}:{get_column_letter(col)}{last}"
        (scores if title.startswith(L.VILLAGE_IDM_PREFIX) else statuses).add(cells)
    ws.add_data_validation(statuses)
    ws.add_data_validation(scores)


def _status(sheet: Sheet, n: Named, column: int, label: str) -> str | None:
    value = sheet.raw(n.values, column)
    found = next((s for s in VILLAGE_STATUSES if isinstance(value, str) and norm(value) == norm(s)), None)
    if found is None:
        shown = " ".join(str(value).split())
        sheet.fail(f"{label} '{shown}' tidak dikenal; pilih salah satu: {', '.join(VILLAGE_STATUSES)}", n.row, column)
    return found


def read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str]
         ) -> tuple[Village, ...] | None:
    sheet = Sheet(raw.tables[L.SHEET_VILLAGES], problems)
    if not sheet.find_header((L.VILLAGE,)):
        return None
    years = status_years(catalogue)
    span = range(years[0], years[-1] + 1)
    status_columns = sheet.year_columns(L.VILLAGE_STATUS_PREFIX, span)
    idm_columns = sheet.year_columns(L.VILLAGE_IDM_PREFIX, span)
    if not status_columns:
        sheet.fail(f"tidak ada kolom '{status_header(years[-1])}' (atau tahun lain {years[0]}-{years[-1]}) di baris "
                   f"{sheet.header_row}; judul kolom diubah atau dihapus?")
        return None
    rows = named_rows(sheet, L.VILLAGE, catalogue.data.villages, "desa")
    statuses: dict[int, dict[int, str]] = {n.row: {} for n in rows}
    filled: dict[int, bool | None] = {}  # year -> column_filled
    for year, column in sorted(status_columns.items()):
        filled[year] = column_filled(sheet, rows, column, status_header(year))
        if not filled[year]:
            continue
        for n in rows:
            status = _status(sheet, n, column, status_header(year))
            if status is not None:
                statuses[n.row][year] = status
    scores = _scores(sheet, rows, idm_columns, status_columns, statuses, filled)
    years_filled = [year for year, state in filled.items() if state]
    if not years_filled:
        return None
    missing_names(sheet, rows, catalogue.data.villages, L.VILLAGE, "desa")
    base = base_year(catalogue)
    later = [year for year in years_filled if year != base]
    if later and (base not in status_columns or filled[base] is False) and catalogue.measuring("desa_naik_kelas"):
        message = (f"{status_header(base)} (tahun dasar, kondisi awal Renstra) kosong, padahal "
                   f"{status_header(later[0])} terisi; Persentase Desa Naik Kelas membandingkan status setiap tahun "
                   f"dengan tahun dasar. Isi status semua desa tahun {base}")
        if base in status_columns:
            sheet.fail(message, sheet.header_row, status_columns[base])
        else:
            sheet.fail(f"kolom {status_header(base)} tidak ada; " + message)
    return tuple(Village(n.row, n.name, statuses[n.row], scores[n.row]) for n in rows)


def _scores(sheet: Sheet, rows: list[Named], idm_columns: dict[int, int], status_columns: dict[int, int],
            statuses: dict[int, dict[int, str]], filled: dict[int, bool | None]) -> dict[int, dict[int, Decimal]]:
    """IDM scores per row and year. Up to IDM_LAST_YEAR a score must give the status written beside it."""
    scores: dict[int, dict[int, Decimal]] = {n.row: {} for n in rows}
    for year, column in sorted(idm_columns.items()):
        label = idm_header(year)
        for n in rows:
            score = sheet.decimal(n.row, n.values, column, label, Decimal(0), Decimal(1))
            if score is None:
                continue
            scores[n.row][year] = score
            status = statuses[n.row].get(year)
            if status is None:
                if year not in status_columns or filled[year] is False:
                    sheet.fail(f"{label} {n.name} terisi ({decimal_text(score)}) tetapi {status_header(year)} "
                               f"kosong; isi statusnya (menurut nilai ini: {idm_status(score)}) atau kosongkan "
                               "nilainya", n.row, column)
                continue  # otherwise the status cell has its own problem
            if year <= IDM_LAST_YEAR and idm_status(score) != status:
                sheet.fail(f"{label} {n.name} {decimal_text(score)} berarti {idm_status(score)}, tetapi "
                           f"{status_header(year)} ({coordinate(n.row, status_columns[year])}) {status} ({IDM_RULE}); "
                           "perbaiki status atau nilainya", n.row, column)
    return scores


def _year(villages: tuple[Village, ...], year: int, base: int) -> VillageYear:
    counts = {status: sum(1 for v in villages if v.statuses[year] == status) for status in VILLAGE_STATUSES}
    if all(base in v.statuses for v in villages):
        above = tuple(v.name for v in villages if status_rank(v.statuses[year]) > status_rank(v.statuses[base]))
        value: Decimal | None = Decimal(len(above)) / len(villages) * HUNDRED
    else:
        above, value = (), None
    rose: tuple[str, ...] = ()
    fell: tuple[str, ...] = ()
    if all(year - 1 in v.statuses for v in villages):
        rose = tuple(v.name for v in villages if status_rank(v.statuses[year]) > status_rank(v.statuses[year - 1]))
        fell = tuple(v.name for v in villages if status_rank(v.statuses[year]) < status_rank(v.statuses[year - 1]))
    return VillageYear(year, counts, above, value, rose, fell)


def _moves(y: VillageYear, villages: tuple[Village, ...], base: int) -> str:
    """The year's status changes against the year before, and what they did to the count above the base year:
    '; dibanding 2024, dua desa naik status (Tugu, Sidomulyo), sehingga desa di atas status tahun dasar
    bertambah satu'."""
    if not all(y.year - 1 in v.statuses for v in villages):
        return ""
    parts = []
    if y.rose:
        parts.append(f"{fmt.words(len(y.rose))} desa naik status ({names(y.rose)})")
    if y.fell:
        parts.append(f"{fmt.words(len(y.fell))} desa turun status ({names(y.fell)})")
    text = f"; dibanding {y.year - 1}, " + (" dan ".join(parts) if parts else "tidak ada desa yang berubah status")
    if y.year - 1 <= base or not parts:  # against the base year itself the count says it already
        return text
    change = len(y.above_base) - len(_year(villages, y.year - 1, base).above_base)
    if change == 0:
        return text + ", sehingga jumlah desa di atas status tahun dasar tetap"
    verb = "bertambah" if change > 0 else "berkurang"
    return text + f", sehingga jumlah desa di atas status tahun dasar {verb} {fmt.words(abs(change))}"


def evaluate(villages: tuple[Village, ...], catalogue: Catalogue, report: ReportInput) -> SourceResult:
    base = base_year(catalogue)
    total = len(villages)
    wanted = [base] + [year for year in years_up_to(catalogue.years, report.identity.report_year) if year != base]
    villages = tuple(replace(v, statuses={y: s for y, s in v.statuses.items() if y in wanted},
                             idm={y: s for y, s in v.idm.items() if y in wanted}) for v in villages)
    years = tuple(_year(villages, year, base) for year in wanted
                  if villages and all(year in v.statuses for v in villages))
    figures = []
    for y in years:
        if y.year not in catalogue.years:
            continue  # the base year before the period: shown, not measured
        where = f"Menurut {REPORT_NAME.format(tahun=y.year)},"
        for measure, status in COUNTED.items():
            holders = [v.name for v in villages if v.statuses[y.year] == status]
            listed = f" ({names(holders)})" if holders else ""
            working = f"{where} terdapat {len(holders)} desa berstatus {status} dari {total} desa{listed}."
            if status == MAJU:
                working = working[:-1] + f"; desa {MANDIRI} tidak ikut dihitung."
            for ind in catalogue.measuring(measure):
                figures.append(Figure(ind.number, y.year, Decimal(len(holders)), L.SHEET_VILLAGES, working))
        if y.value is None:
            continue
        working = (f"{where} {len(y.above_base)} dari {total} desa ({fmt.percent(y.value)}) berstatus lebih tinggi "
                   f"daripada tahun dasar {base}{_moves(y, villages, base)}.")
        for ind in catalogue.measuring("desa_naik_kelas"):
            figures.append(Figure(ind.number, y.year, y.value, L.SHEET_VILLAGES, working))
    return SourceResult(KEY, tuple(figures), VillageEvidence(base, villages, years))
