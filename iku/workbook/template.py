"""Write the standard input workbook that staff fill with realisations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from iku import layout as L
from iku import sources
from iku.catalogue import OPEN_RANGE
from iku.formatting import date as fmt_date
from iku.model import Catalogue, Indicator
from iku.rules import PREDICATE_LETTERS, quarter_report_date
from iku.workbook import choice_lists, follow_up_sheet, organisation_sheets
from iku.workbook import report_sheets as workbook_report_sheets
from iku.workbook.value_cells import number_format, predicate_choice, stored
from iku.xlsx_style import (
    BOLD,
    BORDER,
    INPUT_FILL,
    LOCKED_FILL,
    WRAP,
    header,
    put_text,
    set_author,
    workbook_bytes,
)

GUIDE = (
    "Cara mengisi buku kerja ini",
    "1. Lembar Identitas: periksa tahun laporan, pejabat penandatangan, tempat dan tanggal tanda tangan.",
    "2. Lembar Realisasi: isi hanya sel berwarna kuning (Realisasi per tahun). Sel abu-abu adalah target "
    "dari katalog dan terkunci.",
    "3. Lembar Triwulan, Analisis, Anggaran dan Narasi (untuk LKjIP dan Perjanjian Kinerja) boleh diisi "
    "sebagian; yang kosong ditulis 'belum dilaporkan' atau memakai teks bawaan. Kolom 'Sasaran / Indikator "
    "Didukung' di lembar Anggaran mengaitkan kegiatan dengan sasaran atau indikator yang didukungnya. Lembar "
    "Struktur, Pegawai dan Sarana (boleh kosong) mengisi Bab I LKjIP; lembar Tindak Lanjut (rekomendasi hasil "
    "evaluasi SAKIP tahun lalu dan tindak lanjutnya) mengisi Bab III C. Faktor penghambat dan upaya setiap "
    "triwulan ditulis di kolom kanan lembar Triwulan (dicetak di laporan triwulan itu saja); lembar Analisis "
    "untuk tahunnya (LKjIP dan laporan TW IV).",
    "4. Lembar data (SKM, Status Desa, Pelayanan, Standar Pelayanan, Hari Libur, Konflik, Pemberdayaan, "
    "Urusan, SAKIP) boleh kosong. Bila sebuah lembar berisi data suatu tahun, realisasi indikatornya dihitung "
    "dari lembar itu; sel Realisasi tahun itu cukup dikosongkan. Angka yang diketik tetapi berbeda dengan hasil "
    "lembar datanya ditolak. Cara mengisi setiap lembar data tertulis di baris atasnya; judul kolom di baris 4.",
    "5. Persen ditulis seperti biasa di Excel, misalnya 46,67%. Jumlah desa ditulis bilangan bulat. "
    "Nilai (IKM, SAKIP) ditulis dengan koma desimal, misalnya 82,50. Tanggal ditulis sebagai tanggal Excel atau "
    "seperti 12/04/2025 (hari/bulan/tahun).",
    "6. Sel kosong berarti realisasi belum dilaporkan (bukan nol). Isi 0 hanya bila realisasinya memang nol.",
    "7. Jangan mengganti nama lembar, judul kolom, atau nama indikator. Kolom tambahan di lembar data boleh.",
    "8. Simpan, letakkan file di folder input/, lalu jalankan: python generate.py",
    "Target diubah di katalog kantor (iku/offices/), bukan di buku kerja ini.",
)
FIRST_DATA_ROW = 5
HEADER_ROW = 4
PREDICATE_GUIDE = ("Indikator bersatuan predikat (misalnya Nilai SAKIP): realisasi dan target ditulis sebagai predikat "
                   f"{', '.join(PREDICATE_LETTERS)} (PermenPANRB 88/2021), dipilih dari daftar di sel, bukan angka.")


def build(catalogue: Catalogue, report_year: int, sample: bool = False) -> Workbook:
    wb = Workbook()
    guide = wb.active
    guide.title = L.SHEET_GUIDE
    _guide(guide, sample, any(ind.is_predicate for ind in catalogue.indicators))
    _identity(wb.create_sheet(L.SHEET_IDENTITY), catalogue, report_year, sample)
    _realisation(wb.create_sheet(L.SHEET_REALISATION), catalogue)
    workbook_report_sheets.add_sheets(wb, catalogue, report_year)
    organisation_sheets.add_sheets(wb, catalogue)
    follow_up_sheet.add_sheet(wb, catalogue, report_year)
    sources.add_sheets(wb, catalogue, report_year)
    if choice_lists.SHEET in wb.sheetnames:  # the hidden lists last, after every sheet staff fill
        wb.move_sheet(choice_lists.SHEET, len(wb.sheetnames) - 1 - wb.sheetnames.index(choice_lists.SHEET))
    wb.active = 2
    set_author(wb, catalogue.office.name, f"Buku Kerja Realisasi {catalogue.office.name} Tahun {report_year}")
    return wb


def to_bytes(wb: Workbook) -> bytes:
    return workbook_bytes(wb)


def default_report_year(catalogue: Catalogue, today: dt.date) -> int:
    """Reports are written for the year just ended."""
    return min(max(today.year - 1, catalogue.office.first_year), catalogue.office.last_year)


def _guide(ws: Worksheet, sample: bool, predicates: bool = False) -> None:
    lines = GUIDE
    if predicates:  # with the line on how numbers are typed
        at = next(i for i, line in enumerate(lines) if line.startswith("5. "))
        lines = (*lines[:at], f"{lines[at]} {PREDICATE_GUIDE}", *lines[at + 1:])
    if sample:
        lines = ("CONTOH: angka realisasi di buku kerja ini hanya ilustrasi, bukan data resmi.",) + lines
    for row, text in enumerate(lines, start=1):
        put_text(ws.cell(row=row, column=1), text).alignment = WRAP
    ws["A1"].font = BOLD
    ws.column_dimensions["A"].width = 110


def _identity(ws: Worksheet, catalogue: Catalogue, report_year: int, sample: bool) -> None:
    office = catalogue.office
    signer = office.signatory
    values = {
        L.ID_OFFICE: office.name,
        L.ID_YEAR: report_year,
        L.ID_NAME: signer.name,
        L.ID_POSITION: signer.position,
        L.ID_RANK: signer.rank,
        L.ID_NIP: signer.nip,
        L.ID_PLACE: office.signing_place,
        L.ID_DATE: None,
        L.ID_STATUS: L.STATUS_SAMPLE if sample else L.STATUS_OFFICIAL,
        L.ID_PK_DATE: None,
        L.ID_POPULATION: None,
        L.ID_PK_PLACE: office.regency_seat or office.signing_place,
        L.ID_PERIOD: f"{office.first_year}-{office.last_year}",
        L.ID_SUPERIOR_NAME: office.superior_name,
    }
    notes = {
        L.ID_YEAR: f"Tahun {office.first_year}-{office.last_year}",
        L.ID_DATE: "Kosong = tanggal saat dokumen dibuat",
        L.ID_STATUS: "RESMI, atau CONTOH untuk latihan (dokumen diberi tanda CONTOH)",
        L.ID_PK_DATE: "Biasanya awal tahun laporan. Kosong = tanggal ditulis tangan saat penandatanganan",
        L.ID_POPULATION: "Jumlah penerima layanan setahun. Bila diisi, jumlah responden SKM diperiksa terhadap "
                         "sampel minimum (tabel Krejcie-Morgan, PermenPANRB 14/2017)",
        L.ID_PK_PLACE: "Perjanjian Kinerja ditandatangani bersama Bupati, biasanya di ibu kota kabupaten",
        L.ID_SUPERIOR_NAME: f"Nama {office.superior} untuk Perjanjian Kinerja. Kosong = garis untuk ditulis tangan",
        L.ID_PERIOD: "Periode Renstra buku kerja ini (terkunci); periode lain: buat buku kerja baru dengan "
                     "python generate.py template ... --period AWAL-AKHIR",
    }
    values.update(dict.fromkeys(L.ID_QUARTER_DATES))
    notes.update({label: f"Tanggal laporan {q}. Kosong = {fmt_date(quarter_report_date(report_year, n))}"
                  for n, (label, q) in enumerate(zip(L.ID_QUARTER_DATES, L.QUARTERS, strict=True), start=1)})
    header(ws["A1"], L.ID_HEADER)
    header(ws["B1"], "Isian")
    header(ws["C1"], "Catatan")
    for row, label in enumerate(L.ID_ROWS, start=2):
        put_text(ws.cell(row=row, column=1), label).border = BORDER
        cell = ws.cell(row=row, column=2)
        value = values[label]
        if isinstance(value, str):
            put_text(cell, value)
        else:
            cell.value = value
        cell.fill = LOCKED_FILL if label == L.ID_PERIOD else INPUT_FILL
        cell.protection = Protection(locked=label == L.ID_PERIOD)
        cell.border = BORDER
        if label in (L.ID_DATE, L.ID_PK_DATE, *L.ID_QUARTER_DATES):
            cell.number_format = "DD/MM/YYYY"
        if label == L.ID_NIP:
            cell.number_format = "@"  # text: typed as a number, an 18-digit NIP loses its last digits
        put_text(ws.cell(row=row, column=3), notes.get(label, ""))
    year_row = 2 + L.ID_ROWS.index(L.ID_YEAR)
    year_check = DataValidation(
        type="whole", operator="between", formula1=str(office.first_year), formula2=str(office.last_year),
        showErrorMessage=True, errorTitle="Tahun tidak sah",
        error=f"Tahun laporan harus {office.first_year}-{office.last_year}.",
    )
    year_check.add(f"B{year_row}")
    status_row = 2 + L.ID_ROWS.index(L.ID_STATUS)
    status_check = DataValidation(
        type="list", formula1=f'"{L.STATUS_OFFICIAL},{L.STATUS_SAMPLE}"', showErrorMessage=True
    )
    status_check.add(f"B{status_row}")
    ws.add_data_validation(year_check)
    ws.add_data_validation(status_check)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 45
    ws.column_dimensions["C"].width = 60
    ws.protection.sheet = True  # the period row only; no password: it guards against slips, not people
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _realisation(ws: Worksheet, catalogue: Catalogue) -> None:
    years = list(catalogue.measured_years)
    put_text(ws["A1"], f"REALISASI INDIKATOR KINERJA {catalogue.office.name.upper()}").font = BOLD
    put_text(ws["A2"], "Isi sel kuning saja. Realisasi kosong = belum dilaporkan. Target abu-abu dari dokumen IKU "
                       "(terkunci); target kuning belum ditetapkan dokumen IKU: isi dari Renstra.")
    if catalogue.history:
        span = f"{catalogue.history[0]}-{catalogue.history[-1]}"
        put_text(ws.cell(row=3, column=4), f"Kolom {span}: riwayat dari periode Renstra sebelumnya, dibawa dari buku "
                                           "kerja lama (terkunci).")
    columns = [L.HEADER_NUMBER, L.HEADER_INDICATOR, L.HEADER_UNIT]
    for year in years:
        columns += [L.target_header(year), L.realisation_header(year)]
    columns.append(L.HEADER_END_TARGET)
    for col, title in enumerate(columns, start=1):
        header(ws.cell(row=HEADER_ROW, column=col), title)

    for offset, ind in enumerate(catalogue.indicators):
        row = FIRST_DATA_ROW + offset
        ws.cell(row=row, column=1, value=ind.number).border = BORDER
        put_text(ws.cell(row=row, column=2), ind.name).alignment = WRAP
        put_text(ws.cell(row=row, column=3), ind.unit)
        for index, year in enumerate(years):
            target_cell = ws.cell(row=row, column=4 + 2 * index)
            cell = ws.cell(row=row, column=5 + 2 * index)
            cell.number_format = number_format(ind)
            if year in catalogue.history:  # carried from the previous period: a record, not for typing
                target_cell.fill = cell.fill = LOCKED_FILL
                target_cell.number_format = number_format(ind)
                continue
            _target(target_cell, ind, ind.targets[year])
            cell.fill = INPUT_FILL
            cell.protection = Protection(locked=False)
        _target(ws.cell(row=row, column=len(columns)), ind, ind.end_target)
        for col in range(1, len(columns) + 1):
            ws.cell(row=row, column=col).border = BORDER
        _validate_range(ws, ind, row, years, catalogue.history)
        _validate_targets(ws, ind, row, years, len(columns))

    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions["C"].width = 9
    for col in range(4, len(columns) + 1):
        ws.column_dimensions[get_column_letter(col)].width = 14
    ws.row_dimensions[HEADER_ROW].height = 32
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=4)
    ws.protection.sheet = True  # no password: it guards against slips, not people
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _target(cell, ind: Indicator, value: Decimal | None) -> None:
    """A catalogue target: grey and locked. None (the IKU document sets none): a yellow cell for the Renstra's."""
    cell.number_format = number_format(ind)
    if value is None:
        cell.fill = INPUT_FILL
        cell.protection = Protection(locked=False)
    else:
        cell.fill = LOCKED_FILL
        cell.value = stored(ind, value)


def _range_words(ind: Indicator) -> str:
    """The range as staff read it in Excel's message; a range the catalogue leaves open is "0 atau lebih"."""
    low, high = ind.value_range
    if (low, high) == OPEN_RANGE:
        return "0 atau lebih"
    return f"{low}-{high}%" if ind.is_percent else f"{low}-{high}"


def _validate_range(ws: Worksheet, ind: Indicator, row: int, years: list[int], history: tuple[int, ...]) -> None:
    low, high = ind.value_range
    shown = _range_words(ind)
    check = predicate_choice("Realisasi", ind.name) if ind.is_predicate else DataValidation(
        type="whole" if ind.is_count else "decimal",
        operator="between",
        formula1=str(stored(ind, low)),
        formula2=str(stored(ind, high)),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Angka di luar rentang",
        error=f"Realisasi '{ind.name}' harus angka {shown}.",
    )
    for index, year in enumerate(years):
        if year not in history:
            check.add(ws.cell(row=row, column=5 + 2 * index).coordinate)
    ws.add_data_validation(check)


def _validate_targets(ws: Worksheet, ind: Indicator, row: int, years: list[int], end_column: int) -> None:
    """The same range check on the target cells staff may fill."""
    low, high = ind.value_range
    check = predicate_choice("Target", ind.name) if ind.is_predicate else DataValidation(
        type="whole" if ind.is_count else "decimal", operator="between",
        formula1=str(stored(ind, low)), formula2=str(stored(ind, high)), allow_blank=True,
        showErrorMessage=True, errorTitle="Angka di luar rentang",
        error=f"Target '{ind.name}' harus angka {_range_words(ind)}.",
    )
    open_cells = [ws.cell(row=row, column=4 + 2 * i).coordinate for i, y in enumerate(years)
                  if y in ind.targets and ind.targets[y] is None]
    if ind.end_target is None:
        open_cells.append(ws.cell(row=row, column=end_column).coordinate)
    for coordinate in open_cells:
        check.add(coordinate)
    if open_cells:
        ws.add_data_validation(check)


def target_cell(catalogue: Catalogue, number: int, year: int | None) -> str:
    """Coordinate of an indicator's target cell for a year (None: Kondisi Akhir) in the standard workbook."""
    row = FIRST_DATA_ROW + [ind.number for ind in catalogue.indicators].index(number)
    years = list(catalogue.measured_years)
    column = 4 + 2 * len(years) if year is None else 4 + 2 * years.index(year)
    return f"{get_column_letter(column)}{row}"


def fill_targets(wb: Workbook, catalogue: Catalogue, values: dict[int, dict[int | None, float]]) -> None:
    """Write targets staff typed (indicator -> year or None for Kondisi Akhir -> value, percent as 46.67)."""
    ws = wb[L.SHEET_REALISATION]
    by_number = {ind.number: ind for ind in catalogue.indicators}
    for number, per_year in values.items():
        for year, value in per_year.items():
            cell = ws[target_cell(catalogue, number, year)]
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = stored(by_number[number], Decimal(str(value)))


def realisation_cell(catalogue: Catalogue, number: int, year: int) -> str:
    """Coordinate of an indicator's realisation cell for a year in the standard workbook."""
    row = FIRST_DATA_ROW + [ind.number for ind in catalogue.indicators].index(number)
    column = 5 + 2 * list(catalogue.measured_years).index(year)
    return f"{get_column_letter(column)}{row}"


def fill(wb: Workbook, catalogue: Catalogue, values: dict[int, dict[int, Decimal | float | str]]) -> None:
    """Write realisations (indicator number -> year -> value, percent as 46.67) as Excel would store them."""
    ws = wb[L.SHEET_REALISATION]
    by_number = {ind.number: ind for ind in catalogue.indicators}
    for number, per_year in values.items():
        for year, value in per_year.items():
            cell = ws[realisation_cell(catalogue, number, year)]
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = stored(by_number[number], Decimal(str(value)))
