"""Optional sheets for LKjIP Bab I (Struktur, Pegawai, Sarana) and the Anggaran column linking each kegiatan to
the sasaran or indicator it serves. Headers on row 4 like the data sheets; yellow cells are for staff."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from iku import layout as L
from iku.model import Catalogue
from iku.workbook.choice_lists import list_validation
from iku.xlsx_style import BOLD, BORDER, INPUT_FILL, WRAP, header, put_text

HEADER_ROW = 4

SHEETS = {
    L.SHEET_STRUCTURE: (
        "STRUKTUR ORGANISASI",
        "Satu baris per jabatan: jabatan, nama pejabat (kosong bila lowong), dan jabatan atasannya persis seperti di "
        "kolom Jabatan. Atasan pimpinan (Camat) dikosongkan. Bagan di LKjIP Bab I digambar dari lembar ini; lembar "
        "kosong = LKjIP menyebut data belum disampaikan.",
        ((L.STRUCTURE_POSITION, 40), (L.STRUCTURE_NAME, 40), (L.STRUCTURE_SUPERIOR, 40)),
    ),
    L.SHEET_STAFF: (
        "DATA PEGAWAI",
        "Satu baris per pegawai. NIP 18 angka (boleh dengan spasi; kosong bila bukan ASN). Pangkat/Golongan "
        "misalnya 'Penata (III/c)'. LKjIP Bab I merangkum pegawai per golongan, pendidikan dan jabatan.",
        ((L.STAFF_NAME, 36), (L.STAFF_NIP, 24), (L.STAFF_RANK, 24), (L.STAFF_EDUCATION, 16), (L.STAFF_POSITION, 36)),
    ),
    L.SHEET_FACILITIES: (
        "SARANA DAN PRASARANA",
        "Satu baris per jenis sarana: jenis, jumlah (bilangan bulat) dan kondisi (Baik, Rusak Ringan, Rusak Berat).",
        ((L.FACILITY_KIND, 40), (L.FACILITY_COUNT, 12), (L.FACILITY_CONDITION, 18)),
    ),
}
EDUCATION = ("SD", "SMP", "SMA/SMK", "D-I", "D-II", "D-III", "D-IV", "S-1", "S-2", "S-3")


def add_sheets(wb: Workbook, catalogue: Catalogue) -> None:
    _budget_link(wb[L.SHEET_BUDGET], catalogue)
    for name, (title, note, columns) in SHEETS.items():
        ws = wb.create_sheet(name)
        put_text(ws["A1"], title).font = BOLD
        put_text(ws["A2"], note)
        for col, (label, width) in enumerate(columns, start=1):
            header(ws.cell(row=HEADER_ROW, column=col), label)
            ws.column_dimensions[get_column_letter(col)].width = width
            for row in range(HEADER_ROW + 1, HEADER_ROW + 1 + L.ORGANISATION_ROWS):
                _editable(ws.cell(row=row, column=col))
                if label == L.STAFF_NIP:
                    ws.cell(row=row, column=col).number_format = "@"  # an 18-digit number loses its last digits
        ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
        _validations(ws, name)
        ws.protection.sheet = True
        ws.protection.formatColumns = False
        ws.protection.formatRows = False


def _editable(cell) -> None:
    cell.fill = INPUT_FILL
    cell.border = BORDER
    cell.alignment = WRAP
    cell.protection = Protection(locked=False)


def _validations(ws: Worksheet, name: str) -> None:
    last = HEADER_ROW + L.ORGANISATION_ROWS
    if name == L.SHEET_FACILITIES:
        count = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                               showErrorMessage=True, errorTitle="Bukan jumlah",
                               error="Isi bilangan bulat, 0 atau lebih.")
        count.add(f"B{HEADER_ROW + 1}:B{last}")
        condition = DataValidation(type="list", formula1='"' + ",".join(L.FACILITY_CONDITIONS) + '"',
                                   allow_blank=True, showErrorMessage=True, errorTitle="Kondisi",
                                   error="Pilih Baik, Rusak Ringan atau Rusak Berat.")
        condition.add(f"C{HEADER_ROW + 1}:C{last}")
        ws.add_data_validation(count)
        ws.add_data_validation(condition)
    if name == L.SHEET_STAFF:
        education = DataValidation(type="list", formula1='"' + ",".join(EDUCATION) + '"', allow_blank=True,
                                   showErrorMessage=False)
        education.add(f"D{HEADER_ROW + 1}:D{last}")
        ws.add_data_validation(education)
    if name == L.SHEET_STRUCTURE:
        superior = DataValidation(type="list", formula1=f"$A${HEADER_ROW + 1}:$A${last}", allow_blank=True,
                                  showErrorMessage=False)
        superior.add(f"C{HEADER_ROW + 1}:C{last}")
        ws.add_data_validation(superior)


def _budget_link(ws: Worksheet, catalogue: Catalogue) -> None:
    """The column after the existing ones, found by its header; a dropdown offers the tujuan and sasaran."""
    col = ws.max_column + 1
    put_text(ws.cell(row=HEADER_ROW - 1, column=col),
             "Sasaran/indikator yang didukung kegiatan: nomor indikator (misalnya 3 atau 3, 4), nama indikator, atau "
             "uraian tujuan/sasaran")
    header(ws.cell(row=HEADER_ROW, column=col), L.BUDGET_SUPPORTS)
    ws.column_dimensions[get_column_letter(col)].width = 45
    choices = [ind.objective for ind in catalogue.indicators if ind.level in ("tujuan", "sasaran") and ind.objective]
    pick = list_validation(ws.parent, choices, showErrorMessage=False, allow_blank=True)
    letter = get_column_letter(col)
    pick.add(f"{letter}{HEADER_ROW + 1}:{letter}{HEADER_ROW + L.BUDGET_ROWS}")
    ws.add_data_validation(pick)
    for row in range(HEADER_ROW + 1, HEADER_ROW + 1 + L.BUDGET_ROWS):
        _editable(ws.cell(row=row, column=col))


def _put(cell, value) -> None:
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value


def fill(wb: Workbook, sheet: str, rows: list[tuple]) -> None:
    """Rows under the header of Struktur, Pegawai or Sarana, in the order of its columns."""
    ws = wb[sheet]
    for offset, values in enumerate(rows):
        for index, value in enumerate(values):
            if value is not None:
                _put(ws.cell(row=HEADER_ROW + 1 + offset, column=1 + index), value)


def fill_budget_links(wb: Workbook, links: dict[int, object]) -> None:
    """Column "Sasaran / Indikator Didukung" of budget line n (0 = the first line)."""
    ws = wb[L.SHEET_BUDGET]
    col = next(c.column for c in ws[HEADER_ROW] if c.value == L.BUDGET_SUPPORTS)
    for line, value in links.items():
        _put(ws.cell(row=HEADER_ROW + 1 + line, column=col), value)
