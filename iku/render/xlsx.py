"""Render the measurement workbook (Pengukuran Kinerja): report year first, recap, charts."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from iku import formatting as fmt
from iku.measure.report import AnnualReport
from iku.model import Achievement, Indicator, Results
from iku.render import evidence as render_evidence
from iku.render import evidence_view
from iku.render.common import SAMPLE_MARK, signature
from iku.rules import round_half_up
from iku.xlsx_style import (
    BOLD,
    BORDER,
    CENTER,
    COUNT_FORMAT,
    DECIMAL_FORMAT,
    FONT,
    INTEGER_FORMAT,
    PAPER_F4,
    PERCENT_FORMAT,
    WRAP,
    chart_text,
    header,
    put_text,
    set_author,
    workbook_bytes,
)

BAND_FILLS = {
    "sangat_tinggi": "63BE7B",
    "tinggi": "C6EFCE",
    "sedang": "FFEB9C",
    "rendah": "F8CBAD",
    "sangat_rendah": "FF7C80",
}
COLUMNS = ("No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian", "Predikat / Keterangan",
           "Sumber Realisasi")
WIDTHS = (5, 55, 9, 15, 15, 12, 28, 26)
CHART_ROWS = 15  # rows (15 pt each) taken by one chart of 7,5 cm on the Grafik sheet, with a gap
F4_INCHES = (8.5, 13.0)
CHART_COLUMNS = 14  # A-D data, then a 16 cm chart over about ten default columns
CHARTS_PER_PAGE = 3  # 3 x 15 rows plus the title fit an F4 portrait page unscaled: no chart cut by a break


def measurement_workbook(results: Results, view: AnnualReport) -> bytes:
    wb = Workbook()
    year = results.report_year
    _year_sheet(wb.active, results, year)
    _recap_sheet(wb.create_sheet(f"Rekap {results.catalogue.measured_years[0]}-{year}"), results)
    _quarter_sheet(wb.create_sheet(f"Triwulan {year}"), results, view)
    _chart_sheet(wb.create_sheet("Grafik"), results, year)
    for sheet in evidence_view.workbook_sheets(results):
        _evidence_sheet(wb.create_sheet(sheet.title[:31]), results, sheet)
    office = results.catalogue.office.name
    set_author(wb, office, f"Pengukuran Kinerja {office} Tahun {year}")
    return workbook_bytes(wb)


def _title(ws: Worksheet, results: Results, lines: list[str], width: int) -> int:
    row = 1
    if results.report.identity.is_sample:
        lines = [SAMPLE_MARK] + lines
    for text in lines:
        cell = put_text(ws.cell(row=row, column=1), text)
        cell.font = Font(name=FONT, bold=True, size=12, color="C00000" if text == SAMPLE_MARK else "000000")
        cell.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    return row + 1


def _number_cell(cell, ind: Indicator, value: Decimal | None, missing: str) -> None:
    if value is None:
        put_text(cell, missing).alignment = CENTER
        return
    if ind.is_predicate:  # the letter, as text: a rank never shows as a number
        put_text(cell, fmt.value(ind, value)).alignment = CENTER
        return
    rounded = round_half_up(value)
    if ind.is_percent:
        cell.value = float(rounded / 100)
        cell.number_format = PERCENT_FORMAT
    else:
        cell.value = float(rounded)
        cell.number_format = COUNT_FORMAT if ind.is_count and rounded == rounded.to_integral_value() else DECIMAL_FORMAT


def _achievement_cells(ws: Worksheet, row: int, first_col: int, a: Achievement) -> None:
    ind = a.indicator
    _number_cell(ws.cell(row=row, column=first_col), ind, a.target, fmt.NOT_SET)
    _number_cell(ws.cell(row=row, column=first_col + 1), ind, a.realisation, fmt.NOT_REPORTED)
    capaian = ws.cell(row=row, column=first_col + 2)
    if a.capaian is None:
        put_text(capaian, fmt.capaian(a)).alignment = CENTER  # "Tercapai" against a predicate target, else "-"
    else:
        capaian.value = float(round_half_up(a.capaian) / 100)
        capaian.number_format = PERCENT_FORMAT
    note = put_text(ws.cell(row=row, column=first_col + 3), fmt.capaian_note(a))
    note.alignment = WRAP
    if a.band:
        note.fill = PatternFill("solid", fgColor=BAND_FILLS[a.band])
    put_text(ws.cell(row=row, column=first_col + 4), fmt.source_short(a)).alignment = WRAP


def _table(ws: Worksheet, start: int, columns: tuple[str, ...], widths: tuple[int, ...]) -> None:
    for col, (title, width) in enumerate(zip(columns, widths, strict=False), start=1):
        header(ws.cell(row=start, column=col), title)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=start + 1, column=1)


def _year_sheet(ws: Worksheet, results: Results, year: int) -> None:
    office = results.catalogue.office
    ws.title = f"Pengukuran {year}"
    row = _title(ws, results, ["PENGUKURAN KINERJA", f"{office.name} Kabupaten {office.regency}".upper(),
                               f"TAHUN {year}"], len(COLUMNS))
    _table(ws, row, COLUMNS, WIDTHS)
    head = row
    for a in results.for_year(year):
        row += 1
        _integer(ws.cell(row=row, column=1, value=a.indicator.number))
        put_text(ws.cell(row=row, column=2), a.indicator.name).alignment = WRAP
        _fit_row(ws, row, a.indicator.name, WIDTHS[1])
        put_text(ws.cell(row=row, column=3), a.indicator.unit).alignment = CENTER
        _achievement_cells(ws, row, 4, a)
        for col in range(1, len(COLUMNS) + 1):
            ws.cell(row=row, column=col).border = BORDER
    _signature(ws, results, row + 2, column=6)
    print_setup(ws, results.report.identity.is_sample, title_row=head)


def _integer(cell) -> None:
    cell.number_format = INTEGER_FORMAT
    cell.alignment = CENTER


def print_setup(ws: Worksheet, is_sample: bool, orientation: str = "landscape", title_row: int | None = None,
                last: tuple[int, int] | None = None) -> None:
    """F4 (Folio), one page wide, the table header repeated on every page; a sample is marked on every page."""
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = PAPER_F4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.8, bottom=0.7, header=0.3, footer=0.3)
    if title_row:
        ws.print_title_rows = f"{title_row}:{title_row}"
    column, row = last or (ws.max_column, ws.max_row)
    ws.print_area = f"A1:{get_column_letter(column)}{row}"
    if is_sample:
        ws.oddHeader.center.text = SAMPLE_MARK
        ws.oddHeader.center.font = f"{FONT},Bold"
        ws.oddHeader.center.color = "C00000"
    ws.oddFooter.center.text = "&A, halaman &P"
    ws.oddFooter.center.font = FONT


def _fit_row(ws: Worksheet, row: int, text: str, width: int) -> None:
    """LibreOffice and Excel do not grow rows of wrapped text written by openpyxl; size them."""
    lines = max(1, -(-len(text) // int(width * 1.1)))
    ws.row_dimensions[row].height = 15 * lines


def _signature(ws: Worksheet, results: Results, row: int, column: int) -> None:
    sig = signature(results)
    lines = [sig["tempat_tanggal"], sig["jabatan"], "", "", "", sig["nama"], sig["pangkat"], f"NIP. {sig['nip']}"]
    for offset, text in enumerate(lines):
        cell = put_text(ws.cell(row=row + offset, column=column), text)
        ws.merge_cells(start_row=row + offset, start_column=column, end_row=row + offset, end_column=column + 1)
        cell.alignment = Alignment(horizontal="center")
        if offset == 1:
            cell.font = BOLD
        if offset == 5:
            cell.font = Font(name=FONT, bold=True, underline="single")


def _recap_sheet(ws: Worksheet, results: Results) -> None:
    office = results.catalogue.office
    columns = ("No", "Indikator Kinerja", "Tahun", "Target", "Realisasi", "Capaian", "Predikat / Keterangan",
               "Sumber Realisasi")
    row = _title(ws, results, [f"REKAPITULASI CAPAIAN KINERJA {office.name.upper()}",
                               f"TAHUN {results.catalogue.measured_years[0]}-{results.report_year}"], len(columns))
    _table(ws, row, columns, (5, 55, 8, 15, 15, 12, 28, 26))
    head = row
    for number, achievements in results.achievements.items():
        for a in sorted(achievements, key=lambda a: a.year):
            row += 1
            _integer(ws.cell(row=row, column=1, value=number))
            put_text(ws.cell(row=row, column=2), a.indicator.name).alignment = WRAP
            _fit_row(ws, row, a.indicator.name, 55)
            _integer(ws.cell(row=row, column=3, value=a.year))
            _achievement_cells(ws, row, 4, a)
            for col in range(1, len(columns) + 1):
                ws.cell(row=row, column=col).border = BORDER
    print_setup(ws, results.report.identity.is_sample, title_row=head)


def _quarter_sheet(ws: Worksheet, results: Results, view: AnnualReport) -> None:
    """Per indicator: each quarter's realisation, the year to date after each, and capaian against the year."""
    office = results.catalogue.office
    rows, last = view.quarters, view.last_quarter
    quarters = [f"TW {r}" for r in ("I", "II", "III", "IV")]
    columns = ("No", "Indikator Kinerja", "Target", *quarters, *[f"s.d. {q}" for q in quarters],
               f"Capaian s.d. TW {('-', 'I', 'II', 'III', 'IV')[last]}", "Predikat / Keterangan")
    row = _title(ws, results, [f"PENGUKURAN KINERJA TRIWULAN {office.name.upper()}",
                               f"TAHUN {results.report_year}"], len(columns))
    _table(ws, row, columns, (5, 50, 13) + (11,) * 8 + (14, 26))
    head = row
    for q in rows:
        row += 1
        ind = q.indicator
        _integer(ws.cell(row=row, column=1, value=ind.number))
        put_text(ws.cell(row=row, column=2), ind.name).alignment = WRAP
        _fit_row(ws, row, ind.name, 50)
        _number_cell(ws.cell(row=row, column=3), ind, q.target, fmt.NOT_SET)
        for i, value in enumerate(q.quarters + q.cumulative):
            _number_cell(ws.cell(row=row, column=4 + i), ind, value, "-")
        capaian = q.capaian[last - 1] if last else None
        band = q.bands[last - 1] if last else None
        met = q.attained[last - 1] if last and q.attained else None
        cell = ws.cell(row=row, column=12)
        note = ws.cell(row=row, column=13)
        if met is not None:  # a predicate target
            put_text(cell, fmt.attained(met)).alignment = CENTER
            put_text(note, q.notes[last - 1])
        elif capaian is None:
            put_text(cell, "-").alignment = CENTER
            put_text(note, fmt.NOT_SET if q.target is None else fmt.NOT_REPORTED)
        else:
            cell.value = float(round_half_up(capaian) / 100)
            cell.number_format = PERCENT_FORMAT
            put_text(note, office.predicate_labels[band]).fill = PatternFill("solid", fgColor=BAND_FILLS[band])
        for col in range(1, len(columns) + 1):
            ws.cell(row=row, column=col).border = BORDER
    print_setup(ws, results.report.identity.is_sample, title_row=head)


def _chart_sheet(ws: Worksheet, results: Results, year: int) -> None:
    """Native Excel bar charts of realisation against target, one per indicator, three to an F4 page.

    The numbers behind each chart sit in columns A-C beside it (percent as 46,67, so the axis reads 0-100).
    """
    office = results.catalogue.office
    top = _title(ws, results, [f"GRAFIK REALISASI TERHADAP TARGET {office.name.upper()}",
                               f"TAHUN {results.catalogue.measured_years[0]}-{year}"], CHART_COLUMNS)
    # a predicate is not an amount: no bars of it (its letters are on the Pengukuran and Rekap sheets)
    charted = {n: a for n, a in results.achievements.items() if not a[0].indicator.is_predicate}
    left = [a[0].indicator for n, a in results.achievements.items() if n not in charted]
    if left:
        put_text(ws.cell(row=top - 1, column=1), "Tanpa grafik, karena targetnya berupa predikat: "
                 + "; ".join(f"{ind.number}. {ind.name}" for ind in left) + ".")
    for index, (number, achievements) in enumerate(charted.items()):
        row = top + index * CHART_ROWS
        if index and index % CHARTS_PER_PAGE == 0:
            ws.row_breaks.append(Break(id=row - 1))
        ind = achievements[0].indicator
        put_text(ws.cell(row=row, column=1), f"Indikator {number}").font = BOLD
        number_format = "0.00" if ind.is_percent else (COUNT_FORMAT if ind.is_count else DECIMAL_FORMAT)
        for col, title in enumerate(("Tahun", "Target", "Realisasi"), start=1):
            header(ws.cell(row=row + 1, column=col), title)
        for offset, a in enumerate(sorted(achievements, key=lambda a: a.year), start=2):
            _integer(ws.cell(row=row + offset, column=1, value=a.year))
            for col, value in ((2, a.target), (3, a.realisation)):
                cell = ws.cell(row=row + offset, column=col)
                if value is None:
                    put_text(cell, "-").alignment = CENTER
                else:
                    cell.value = float(round_half_up(value))
                    cell.number_format = number_format
            for col in (1, 2, 3):
                ws.cell(row=row + offset, column=col).border = BORDER
        last = row + 1 + len(achievements)
        chart = BarChart()
        chart.type = "col"
        chart.title = f"{number}. {ind.name}"[:80]
        chart.y_axis.title = "Persen (%)" if ind.is_percent else ind.unit.capitalize()
        chart.x_axis.title = "Tahun"
        chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=row + 1, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=row + 2, max_row=last))
        chart.height, chart.width = 7.5, 16
        chart.y_axis.scaling.min = 0
        chart.y_axis.numFmt = COUNT_FORMAT  # axis ticks are whole: 0, 20, 40 ... 100
        top_value = max((float(v) for a in achievements for v in (a.target, a.realisation) if v is not None), default=0)
        if ind.is_count and top_value <= 10:
            chart.y_axis.majorUnit = 1  # else ticks of 0,5 would print as 0, 1, 1, 2 ...
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        chart_text(chart)
        ws.add_chart(chart, f"E{row}")
    for letter, width in (("A", 12), ("B", 11), ("C", 11), ("D", 2)):
        ws.column_dimensions[letter].width = width
    bottom = top + max(1, len(charted)) * CHART_ROWS - 1  # the print area reaches the last chart's bottom
    print_setup(ws, results.report.identity.is_sample, orientation="portrait", last=(CHART_COLUMNS, bottom))


def _evidence_sheet(ws: Worksheet, results: Results, sheet: evidence_view.EvidenceSheet) -> None:
    """A supporting-data sheet: how a realisation was computed, each line traced to its input sheet and row."""
    width = max((len(t.headers) + (1 if rows else 0) for t, rows in sheet.tables), default=1)
    row = _title(ws, results, [sheet.heading, f"TAHUN {results.catalogue.measured_years[0]}-{results.report_year}"],
                 width)
    spans = []
    for table, sources in sheet.tables:
        render_evidence.widths(ws, table, sources)
        end = render_evidence.write_table(ws, row, table, sources)
        spans.append((row, end - 2))
        row = end
    used = sum(ws.column_dimensions[get_column_letter(c)].width or 9 for c in range(1, ws.max_column + 1))
    orientation = "portrait" if used <= 110 else "landscape"
    print_setup(ws, results.report.identity.is_sample, orientation=orientation)
    _keep_tables_whole(ws, spans, used, orientation)


def _keep_tables_whole(ws: Worksheet, spans: list[tuple[int, int]], chars: float, orientation: str) -> None:
    """A manual break before a table that would run over the foot of the page, when it fits on one page.
    Pages are simulated from the row heights at the fit-to-width scale (a column character is about 7 px)."""
    width, height = F4_INCHES if orientation == "portrait" else F4_INCHES[::-1]
    margins = ws.page_margins
    scale = min(1.0, (width - margins.left - margins.right) * 72 / ((chars * 7 + 5) * 0.75))
    page = (height - margins.top - margins.bottom) * 72 / scale - 15  # a row of slack for rounding

    def rows_height(first: int, last: int) -> float:
        return sum(ws.row_dimensions[r].height or 15 for r in range(first, last + 1))

    def settle(top: int, last: int) -> int:
        """The first row of the page holding `last`, when pages start at `top`."""
        while rows_height(top, last) > page:
            r = top
            while rows_height(top, r + 1) <= page:
                r += 1
            top = r + 1
        return top

    page_top = 1
    for first, last in spans:
        page_top = settle(page_top, first - 1) if first > page_top else page_top
        if rows_height(page_top, last) > page and rows_height(first, last) <= page and first > page_top:
            ws.row_breaks.append(Break(id=first - 1))
            page_top = first
        page_top = settle(page_top, last)
