"""The kabupaten recap (Rekap_Kinerja_<Kabupaten>_<tahun>.xlsx): every office's indicators, a summary per
office, and a native Excel chart of the mean capaian. Printed like the measurement workbook (iku/render/xlsx.py):
F4, one page wide, header rows repeated, a sample marked on every page."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from iku import formatting as fmt
from iku import rules
from iku.render.common import SAMPLE_MARK
from iku.render.xlsx import BAND_FILLS, print_setup
from iku.xlsx_style import (
    BORDER,
    CENTER,
    COUNT_FORMAT,
    DECIMAL_FORMAT,
    FONT,
    INTEGER_FORMAT,
    PERCENT_FORMAT,
    TOP,
    WRAP,
    chart_text,
    header,
    put_text,
    set_author,
    workbook_bytes,
)

BANDS = tuple(key for _, key in rules.PREDICATE_BANDS) + (rules.LOWEST_BAND,)
BAND_TITLES = {key: key.replace("_", " ").title() for key in BANDS}  # column titles; each row keeps its own label
LEVELS = {"tujuan": "Tujuan", "sasaran": "Sasaran", "program": "Program", "": "Lainnya"}
DETAIL = ("No", "Instansi", "No IKU", "Indikator Kinerja", "Tingkat", "Satuan", "Target", "Realisasi", "Capaian",
          "Predikat / Keterangan")
DETAIL_WIDTHS = (5, 24, 7, 46, 10, 9, 16, 16, 11, 24)
SUMMARY = ("Peringkat", "Instansi", "Jumlah Indikator", *BAND_TITLES.values(), "Tanpa Capaian",
           "Rata-rata Capaian")
SUMMARY_WIDTHS = (10, 28, 11, 9, 9, 9, 9, 9, 10, 12)
# Only when some office has indicators with predicate targets: they are met or not, never part of the mean.
PREDICATE_COLUMNS = ("Target Predikat Tercapai", "Target Predikat Tidak Tercapai")
PREDICATE_WIDTHS = (11, 11)
DETAIL_SHEET = "Rekap Indikator"
SUMMARY_SHEET = "Ringkasan"


@dataclass(frozen=True)
class OfficeRecap:
    name: str
    rows: tuple  # iku.batch.RecapRow, in indicator order


@dataclass(frozen=True)
class OfficeSummary:
    name: str
    indicators: int
    per_band: dict[str, int]
    without_capaian: int
    mean: Decimal | None
    predicates_met: int = 0
    predicates_missed: int = 0


def summarise(office: OfficeRecap) -> OfficeSummary:
    measured = [row.capaian for row in office.rows if row.capaian is not None]
    per_band = {key: sum(1 for row in office.rows if row.band == key) for key in BANDS}
    met = sum(1 for row in office.rows if row.attained is True)
    missed = sum(1 for row in office.rows if row.attained is False)
    return OfficeSummary(office.name, len(office.rows), per_band, len(office.rows) - len(measured) - met - missed,
                         rules.mean_capaian(measured), met, missed)


def ranked(offices: list[OfficeRecap]) -> list[OfficeSummary]:
    """Highest mean capaian first, offices without any capaian last; ties by name."""
    summaries = [summarise(office) for office in offices]
    return sorted(summaries, key=lambda s: (s.mean is None, -(rules.round_half_up(s.mean) if s.mean is not None
                                                                else 0), s.name.casefold()))


def recap_workbook(regency: str, year: int, offices: list[OfficeRecap], is_sample: bool) -> bytes:
    wb = Workbook()
    offices = sorted(offices, key=lambda o: o.name.casefold())
    _summary_sheet(wb.active, regency, year, ranked(offices), is_sample)
    _detail_sheet(wb.create_sheet(DETAIL_SHEET), regency, year, offices, is_sample)
    set_author(wb, f"Pemerintah Kabupaten {regency}", f"Rekap Kinerja Kabupaten {regency} Tahun {year}")
    return workbook_bytes(wb)


def _title(ws: Worksheet, lines: list[str], width: int, is_sample: bool) -> int:
    if is_sample:
        lines = [SAMPLE_MARK, *lines]
    for row, text in enumerate(lines, start=1):
        cell = put_text(ws.cell(row=row, column=1), text)
        cell.font = Font(name=FONT, bold=True, size=12, color="C00000" if text == SAMPLE_MARK else "000000")
        cell.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    return len(lines) + 2


def _heads(ws: Worksheet, row: int, titles: tuple[str, ...], widths: tuple[int, ...]) -> None:
    for col, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        header(ws.cell(row=row, column=col), title)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[row].height = 30  # two-line titles ("Jumlah Indikator") shown whole
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


def _number(cell, value: Decimal | None, row, missing: str) -> None:
    if value is None:
        put_text(cell, missing).alignment = CENTER
        return
    if row.is_predicate:
        put_text(cell, rules.predicate_letter(value)).alignment = CENTER
        return
    shown = rules.round_half_up(value)
    if row.is_percent:
        cell.value, cell.number_format = float(shown / 100), PERCENT_FORMAT
    else:
        cell.value = float(shown)
        cell.number_format = COUNT_FORMAT if row.is_count and shown == shown.to_integral_value() else DECIMAL_FORMAT


def _percent(cell, value: Decimal | None) -> None:
    if value is None:
        put_text(cell, "-").alignment = CENTER
    else:
        cell.value, cell.number_format = float(rules.round_half_up(value) / 100), PERCENT_FORMAT


def _detail_sheet(ws: Worksheet, regency: str, year: int, offices: list[OfficeRecap], is_sample: bool) -> None:
    head = _title(ws, ["REKAPITULASI PENGUKURAN KINERJA", f"KECAMATAN SE-KABUPATEN {regency}".upper(),
                       f"TAHUN {year}"], len(DETAIL), is_sample)
    _heads(ws, head, DETAIL, DETAIL_WIDTHS)
    row, count = head, 0
    for office in offices:
        for item in office.rows:
            row, count = row + 1, count + 1
            ws.cell(row=row, column=1, value=count).number_format = INTEGER_FORMAT
            put_text(ws.cell(row=row, column=2), office.name).alignment = WRAP
            ws.cell(row=row, column=3, value=item.number).number_format = INTEGER_FORMAT
            put_text(ws.cell(row=row, column=4), item.name).alignment = WRAP
            put_text(ws.cell(row=row, column=5), LEVELS.get(item.level, item.level)).alignment = CENTER
            put_text(ws.cell(row=row, column=6), item.unit).alignment = CENTER
            _number(ws.cell(row=row, column=7), item.target, item, fmt.NOT_SET)
            _number(ws.cell(row=row, column=8), item.realisation, item, fmt.NOT_REPORTED)
            if item.attained is not None:
                put_text(ws.cell(row=row, column=9), fmt.attained(item.attained)).alignment = CENTER
            else:
                _percent(ws.cell(row=row, column=9), item.capaian)
            for col in (1, 3, 7, 8, 9):
                if ws.cell(row=row, column=col).data_type == "n":
                    ws.cell(row=row, column=col).alignment = TOP
            note = put_text(ws.cell(row=row, column=10), item.note)
            note.alignment = WRAP
            if item.band:
                note.fill = PatternFill("solid", fgColor=BAND_FILLS[item.band])
            ws.row_dimensions[row].height = 15 * max(1, -(-len(item.name) // int(DETAIL_WIDTHS[3] * 1.1)))
            for col in range(1, len(DETAIL) + 1):
                ws.cell(row=row, column=col).border = BORDER
    ws.auto_filter.ref = f"A{head}:{get_column_letter(len(DETAIL))}{row}"  # staff filter by office or predicate
    print_setup(ws, is_sample, "landscape", title_row=head)


def _summary_sheet(ws: Worksheet, regency: str, year: int, summaries: list[OfficeSummary], is_sample: bool) -> None:
    ws.title = SUMMARY_SHEET
    predicates = any(s.predicates_met or s.predicates_missed for s in summaries)
    titles, widths = SUMMARY, SUMMARY_WIDTHS
    if predicates:  # before the mean, which stays the last column (the chart reads it)
        titles = (*SUMMARY[:-1], *PREDICATE_COLUMNS, SUMMARY[-1])
        widths = (*SUMMARY_WIDTHS[:-1], *PREDICATE_WIDTHS, SUMMARY_WIDTHS[-1])
    head = _title(ws, ["RINGKASAN CAPAIAN KINERJA", f"KECAMATAN SE-KABUPATEN {regency}".upper(), f"TAHUN {year}"],
                  len(titles), is_sample)
    _heads(ws, head, titles, widths)
    row = head
    rank, previous = 0, None
    for position, summary in enumerate(summaries, start=1):
        row += 1
        counts = [summary.indicators, *(summary.per_band[key] for key in BANDS), summary.without_capaian]
        if predicates:
            counts += [summary.predicates_met, summary.predicates_missed]
        shown = rules.round_half_up(summary.mean) if summary.mean is not None else None
        if shown is None:  # no capaian at all: not ranked
            put_text(ws.cell(row=row, column=1), "-").alignment = CENTER
        else:
            rank = rank if shown == previous else position  # equal means share a rank (1, 1, 3)
            previous = shown
            ws.cell(row=row, column=1, value=rank).number_format = INTEGER_FORMAT
        put_text(ws.cell(row=row, column=2), summary.name).alignment = WRAP
        for col, value in enumerate(counts, start=3):
            ws.cell(row=row, column=col, value=value).number_format = INTEGER_FORMAT
        _percent(ws.cell(row=row, column=len(titles)), summary.mean)
        for col in range(1, len(titles) + 1):
            ws.cell(row=row, column=col).border = BORDER
            if col != 2:
                ws.cell(row=row, column=col).alignment = CENTER
    note = row + 2
    text = ("Rata-rata capaian: rata-rata capaian indikator yang capaiannya dapat dihitung (tanpa batas atas); "
            "indikator tanpa capaian dihitung di kolom Tanpa Capaian, bukan sebagai 0.")
    if predicates:
        text += (" Indikator bertarget predikat (AA-D, PermenPANRB 88/2021) dinilai tercapai atau tidak tercapai "
                 "menurut urutan predikat dan tidak termasuk dalam rata-rata capaian.")
    put_text(ws.cell(row=note, column=1), text)
    ws.cell(row=note, column=1).font = Font(name=FONT, italic=True, size=9)
    ws.cell(row=note, column=1).alignment = WRAP
    ws.merge_cells(start_row=note, start_column=1, end_row=note, end_column=len(titles))
    ws.row_dimensions[note].height = 38 if predicates else 26
    last = note
    measured = sum(1 for summary in summaries if summary.mean is not None)  # sorted first
    if measured:  # the chart reads only the offices with a mean: a "-" cell would be drawn as 0 by Excel
        last = _chart(ws, head, head + measured, note + 2, measured, len(titles))
    print_setup(ws, is_sample, "portrait", title_row=head, last=(len(titles), last))


def _chart(ws: Worksheet, head: int, last_row: int, top: int, count: int, mean: int) -> int:
    """Bars of the mean capaian per office that has one, highest at the top."""
    chart = BarChart()
    chart.type = "bar"
    chart.style = 2
    chart.title = "Rata-rata Capaian per Kecamatan"
    chart.y_axis.title = "Rata-rata capaian"
    chart.y_axis.numFmt = "0%"
    chart.y_axis.majorGridlines = None
    chart.y_axis.scaling.min = 0  # bars from zero: a cut axis makes small differences look large
    chart.x_axis.scaling.orientation = "maxMin"  # rank 1 at the top, as in the table
    chart.legend = None
    chart.x_axis.delete = chart.y_axis.delete = False  # without <c:delete val="0"/> Excel may hide both axes
    chart.add_data(Reference(ws, min_col=mean, min_row=head, max_row=last_row), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=head + 1, max_row=last_row))
    chart.series[0].graphicalProperties.solidFill = "595959"  # one grey: readable in black-and-white print
    chart.dataLabels = DataLabelList(showVal=True, showSerName=False, showCatName=False, showLegendKey=False,
                                     showPercent=False)
    chart.dataLabels.numFmt = "0.00%"
    chart.width = 17
    chart.height = max(6.0, 1.5 + 0.7 * count)
    chart_text(chart)
    ws.add_chart(chart, f"A{top}")
    return top + int(chart.height / 0.53) + 1  # rows of 15 pt (0,53 cm) under the chart
