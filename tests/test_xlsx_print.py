"""The measurement workbook prints cleanly: F4 paper, one font, CONTOH on every sheet of a sample, formatted
numbers, years ascending, and no chart cut by a page break."""

from __future__ import annotations

import math
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import identity_row, run_cli
from openpyxl import load_workbook

from iku import layout
from iku.render.common import SAMPLE_MARK

SAMPLE = Path(__file__).resolve().parent.parent / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
FOLIO = 14  # ECMA-376 paperSize: Folio 8,5 x 13 in (F4)
PORTRAIT_ROWS_PT = (13 - 0.8 - 0.7) * 72  # F4 portrait height less the top and bottom margins, in points


def _measurement(folder: Path):
    return load_workbook(next(folder.rglob("*Pengukuran_Kinerja_*.xlsx")))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("contoh")
    result = run_cli("build", SAMPLE, "--output", out)
    assert result.exit_code == 0, result.output
    return next(out.rglob("*Pengukuran_Kinerja_*.xlsx"))


@pytest.fixture(scope="module")
def sample(built):
    return load_workbook(built)


def _cells(ws):
    return [c for row in ws.iter_rows() for c in row if c.value is not None]


def test_every_sheet_on_f4_one_page_wide(sample):
    for ws in sample:
        assert ws.page_setup.paperSize == FOLIO, ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_area, ws.title
    for title in ("Pengukuran 2025", "Rekap 2021-2025", "Triwulan 2025"):
        header = int(sample[title].print_title_rows.split(":")[0].lstrip("$"))
        assert sample[title].cell(row=header, column=2).value == "Indikator Kinerja"  # repeated on each page


def test_one_font_family_in_cells_and_charts(sample, built):
    fonts = {c.font.name for ws in sample for c in _cells(ws)}
    assert fonts == {"Calibri"}
    with zipfile.ZipFile(built) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == len(sample["Grafik"]._charts) > 0
    for xml in charts:  # title, axis titles, tick labels and legend: each text property names the font
        props = re.findall(r"<a:(?:defRPr|rPr)\b.*?(?:/>|</a:(?:defRPr|rPr)>)", xml)
        assert len(props) >= 5
        assert all('typeface="Calibri"' in p for p in props), props
        assert set(re.findall(r'typeface="([^"]+)"', xml)) == {"Calibri"}


def test_sample_mark_on_every_sheet(sample):
    for ws in sample:
        assert ws["A1"].value == SAMPLE_MARK, ws.title
        assert ws.oddHeader.center.text == SAMPLE_MARK, ws.title


def test_no_sample_mark_on_an_official_build(tmp_path):
    source = tmp_path / "resmi.xlsx"
    shutil.copy(SAMPLE, source)
    wb = load_workbook(source)
    wb[layout.SHEET_IDENTITY].cell(row=identity_row(layout.ID_STATUS), column=2, value=layout.STATUS_OFFICIAL)
    wb.save(source)
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    book = _measurement(tmp_path / "hasil")
    for ws in book:
        assert not any("CONTOH" in str(c.value) for c in _cells(ws)), ws.title
        assert "CONTOH" not in (ws.oddHeader.center.text or ""), ws.title
        assert ws.page_setup.paperSize == FOLIO


def test_every_number_formatted_and_still_a_number(sample):
    for ws in sample:
        numbers = [c for c in _cells(ws) if isinstance(c.value, int | float)]
        assert numbers or ws.title.startswith("Data "), ws.title
        unformatted = [c.coordinate for c in numbers if c.number_format == "General"]
        assert not unformatted, (ws.title, unformatted[:5])
    conflict_numbers = [c.value for c in sample["Data Konflik"]["A"] if c.number_format == "0"]
    assert conflict_numbers[:2] == [1, 1]  # rows numbered per year, as numbers not text
    moves = [c.value for c in sample["Data Status Desa"]["A"] if c.number_format == "0"]
    assert moves == [2021, 2022, 2023, 2024, 2025]
    grafik = sample["Grafik"]
    row = next(c.row for c in grafik["A"] if c.value == "Tahun")
    assert isinstance(grafik.cell(row=row + 1, column=2).value, int | float)  # a chart's data stays numeric
    assert grafik.cell(row=row + 1, column=2).number_format in ("0.00", "#,##0.00")  # IKM 82,10, not 82.1


def _year_runs(ws, column: int) -> list[list[int]]:
    """Consecutive cells of a column holding years, or year labels in header rows."""
    runs, run = [], []
    for (value,) in ws.iter_rows(min_col=column, max_col=column, values_only=True):
        year = int(value) if str(value).isdigit() and 2000 < int(value) < 2100 else None
        if year is None:
            runs, run = (runs + [run] if run else runs), []
        else:
            run.append(year)
    return runs + ([run] if run else [])


def test_years_ascending_everywhere(sample):
    recap = sample["Rekap 2021-2025"]
    per_indicator: dict[int, list[int]] = {}
    for number, _, year, *_ in recap.iter_rows(min_row=5, values_only=True):
        if isinstance(number, int):
            per_indicator.setdefault(number, []).append(year)
    assert per_indicator[1] == [2021, 2022, 2023, 2024, 2025]
    assert all(years == sorted(years) for years in per_indicator.values()), per_indicator
    for ws in (sample["Grafik"], sample["Data Status Desa"]):
        for run in _year_runs(ws, 1):
            assert run == sorted(run), (ws.title, run)
    for ws in sample:  # table titles naming a year ("Nilai IKM 2021: ..."): per kind of table, ascending
        titles: dict[str, list[int]] = {}
        for c in _cells(ws):
            found = re.match(r"(\D*)\b(20\d\d)\b", c.value) if isinstance(c.value, str) and c.font.bold else None
            if found and found[1].strip() and c.row > 4:
                titles.setdefault(found[1], []).append(int(found[2]))
        for prefix, years in titles.items():
            assert years == sorted(years), (ws.title, prefix, years)
        for row in ws.iter_rows():  # year columns of a table header
            years = [int(c.value) for c in row if isinstance(c.value, str) and c.value.isdigit() and c.font.bold]
            assert years == sorted(years), (ws.title, years)


def test_charts_never_cross_a_page_break(sample):
    ws = sample["Grafik"]
    breaks = sorted(b.id for b in ws.row_breaks.brk)  # a break after row id (1-based)
    assert breaks, "charts on several pages need manual breaks"
    assert ws.page_setup.orientation == "portrait"
    pages = [0, *breaks, ws.max_row + 10**6]
    for chart in ws._charts:
        first = chart.anchor._from.row + 1  # 1-based
        rows = math.ceil(chart.height / 2.54 * 72 / 15)  # default rows of 15 pt
        last = first + rows - 1
        page = next(i for i in range(len(pages) - 1) if pages[i] < first <= pages[i + 1])
        assert last <= pages[page + 1], (first, last, breaks)
    for top, bottom in zip(pages, breaks, strict=False):  # each page's rows fit F4 unscaled
        height = sum(ws.row_dimensions[r].height or 15 for r in range(top + 1, bottom + 1))
        assert height <= PORTRAIT_ROWS_PT, (top, bottom, height)
