"""The optional sheet Tindak Lanjut of the standard workbook: the recommendations of last year's evaluation (LHE
SAKIP) and what the office did about them, for LKjIP Bab III C. Header on row 4 like the other staff sheets; yellow
cells are for staff."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins

from iku import layout as L
from iku.model import Catalogue
from iku.xlsx_style import BOLD, BORDER, INPUT_FILL, PAPER_F4, WRAP, header, put_text

HEADER_ROW = L.DATA_HEADER_ROW
COLUMNS = ((L.FOLLOW_UP_RECOMMENDATION, 50), (L.FOLLOW_UP_ACTION, 50), (L.FOLLOW_UP_STATUS, 22),
           (L.FOLLOW_UP_EVIDENCE, 36))
PAPER_A4 = 9


def _note(catalogue: Catalogue, report_year: int) -> str:
    regency = catalogue.office.regency
    return (f"Satu baris per rekomendasi Laporan Hasil Evaluasi (LHE) atas implementasi SAKIP tahun {report_year - 1} "
            f"dari Inspektorat Kabupaten {regency} (disampaikan pada tahun {report_year}): rekomendasinya, tindak "
            "lanjut yang telah dilakukan kantor, status (pilih Selesai, Dalam proses atau Belum ditindaklanjuti; "
            "isian lain ditolak), dan bukti (misalnya nomor dan tanggal keputusan, laporan, notulen, atau tautan "
            "dokumen). Rekomendasi tahun-tahun sebelumnya yang belum selesai dibawa dari buku kerja lama (template "
            "--from): perbarui tindak lanjut dan statusnya. LKjIP Bab III C memuatnya "
            "dalam tabel; lembar kosong = LKjIP menyatakan belum ada rekomendasi yang dicatat, padahal evaluator "
            "menilai tindak lanjut ini.")


def add_sheet(wb: Workbook, catalogue: Catalogue, report_year: int) -> None:
    ws = wb.create_sheet(L.SHEET_FOLLOW_UP)
    put_text(ws["A1"], "TINDAK LANJUT REKOMENDASI HASIL EVALUASI SAKIP").font = BOLD
    last_column = get_column_letter(len(COLUMNS))
    put_text(ws["A2"], _note(catalogue, report_year)).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(f"A2:{last_column}2")
    ws.row_dimensions[2].height = 62
    last = HEADER_ROW + L.FOLLOW_UP_ROWS
    for col, (label, width) in enumerate(COLUMNS, start=1):
        header(ws.cell(row=HEADER_ROW, column=col), label)
        ws.column_dimensions[get_column_letter(col)].width = width
        for row in range(HEADER_ROW + 1, last + 1):
            cell = ws.cell(row=row, column=col)
            cell.fill, cell.border, cell.alignment = INPUT_FILL, BORDER, WRAP
            cell.protection = Protection(locked=False)
    for row in range(HEADER_ROW + 1, last + 1):
        ws.row_dimensions[row].height = 60  # room for a few lines of text, like the Analisis sheet
    status = get_column_letter(1 + [c for c, _ in COLUMNS].index(L.FOLLOW_UP_STATUS))
    choice = DataValidation(type="list", formula1='"' + ",".join(L.FOLLOW_UP_STATUSES) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="Status tindak lanjut",
                            error="Pilih Selesai, Dalam proses atau Belum ditindaklanjuti.")
    choice.add(f"{status}{HEADER_ROW + 1}:{status}{last}")
    ws.add_data_validation(choice)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.protection.sheet = True  # no password: it guards against slips, not people
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    # Printed like the tool's other tables: F4, landscape, one page wide. No repeated header row: it is a defined
    # name, which the reader's sheet subset cannot place (openpyxl warns), and a list of recommendations is short.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_F4 if catalogue.office.paper == "F4" else PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.8, bottom=0.7, header=0.3, footer=0.3)


def fill(wb: Workbook, rows: list[tuple]) -> None:
    """Rows under the header, in the order of COLUMNS (None leaves a cell empty)."""
    ws = wb[L.SHEET_FOLLOW_UP]
    for offset, values in enumerate(rows):
        for index, value in enumerate(values):
            if value is not None:
                put_text(ws.cell(row=HEADER_ROW + 1 + offset, column=1 + index), value)
