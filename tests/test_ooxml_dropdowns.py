"""Anggaran dropdowns Excel keeps: a list past 255 characters, or with a comma or quote in an item, reads a range on a
hidden, protected list sheet instead of an inline list."""

from __future__ import annotations

import shutil
from decimal import Decimal

from conftest import run_cli
from docx import Document
from ooxml_check import assert_valid
from openpyxl import Workbook, load_workbook

from iku import catalogue
from iku import layout as L
from iku.workbook import choice_lists
from iku.workbook import report_sheets as sheets

# Invented tujuan and program texts for the test (not a real office's): long, with commas and quotes.
LONG_TUJUAN = ("Meningkatkan Pelayanan Publik yang Inovatif, Transparan, Akuntabel dan Responsif terhadap Kebutuhan "
               'Masyarakat melalui "Mal Pelayanan Publik" Kecamatan')
LONG_PROGRAM = ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik, Pemberdayaan Masyarakat Desa, serta "
                "Koordinasi Ketenteraman dan Ketertiban Umum di Wilayah Kecamatan")


def long_office(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "offices"
    folder.mkdir()
    source = catalogue.OFFICES_DIR / "mantup_2021-2026.toml"
    text = source.read_text(encoding="utf-8")
    text = text.replace('uraian = "Meningkatkan Pelayanan Publik yang Inovatif"',
                        f"uraian = '{LONG_TUJUAN}'", 1)
    text = text.replace('uraian = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"',
                        f'uraian = "{LONG_PROGRAM}"', 1)
    (folder / source.name).write_text(text, encoding="utf-8")
    for extra in catalogue.OFFICES_DIR.glob("mantup*.png"):
        shutil.copy(extra, folder / extra.name)
    monkeypatch.setattr(catalogue, "OFFICES_DIR", folder)


def test_long_lists_read_a_hidden_list_sheet(tmp_path, monkeypatch):
    long_office(tmp_path, monkeypatch)
    path = tmp_path / "realisasi.xlsx"
    result = run_cli("template", path, "--year", "2025")
    assert result.exit_code == 0, result.output
    assert_valid(path)
    wb = load_workbook(path)
    assert wb.sheetnames[-1] == choice_lists.SHEET
    lists = wb[choice_lists.SHEET]
    assert lists.sheet_state == "hidden" and lists.protection.sheet
    formulas = {dv.formula1 for dv in wb[L.SHEET_BUDGET].data_validations.dataValidation if dv.type == "list"}
    assert formulas == {f"'{choice_lists.SHEET}'!$A$1:$A$2", f"'{choice_lists.SHEET}'!$B$1:$B$4"}, formulas
    programs = [c.value for c in lists["A"] if c.value]
    assert programs == ["Program penunjang Urusan Pemerintahan daerah Kabupaten/Kota", LONG_PROGRAM]
    assert [c.value for c in lists["B"] if c.value] == [LONG_TUJUAN, "Meningkatkan Kemandirian Desa",
                                                          "Meningkatnya Manajemen Internal Perangkat Daerah",
                                                          "Meningkatnya Pemberdayaan Desa"]
    # still a workbook the tool reads: the long program chosen in the dropdown reaches the PK
    sheets.fill_budget(wb, [(LONG_PROGRAM, "Kegiatan Uji", Decimal(45_000_000), Decimal(40_000_000))])
    wb.save(path)
    out = tmp_path / "hasil"
    result = run_cli("build", path, "--output", out)
    assert result.exit_code == 0, result.output
    pk = next((out / "mantup-2025").glob("Perjanjian_Kinerja_*.docx"))
    cells = {c.text for t in Document(pk).tables for row in t.rows for c in row.cells}
    assert LONG_PROGRAM in cells and "45.000.000" in cells


def test_short_plain_lists_stay_inline():
    wb = Workbook()
    check = choice_lists.list_validation(wb, ["Ya", "Tidak", "Ya"], allow_blank=True)
    assert check.formula1 == '"Ya,Tidak"' and choice_lists.SHEET not in wb.sheetnames
    quoted = choice_lists.list_validation(wb, ['Desa "Maju"'])
    assert quoted.formula1 == f"'{choice_lists.SHEET}'!$A$1:$A$1"
    assert wb[choice_lists.SHEET]["A1"].value == 'Desa "Maju"'
