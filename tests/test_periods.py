"""Offices across Renstra periods: periods of any length, a second period beside the first, the workbook's own
period, and the documents of a five-year office read back."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import iku_doc_builder as seed_doc
import pytest
from conftest import identity_row, imported, run_cli, sha
from docx_text import full_text, tables
from openpyxl import load_workbook

from iku import catalogue, layout
from iku.errors import InputError
from iku.workbook.template import fill

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
# Contohjaya 2025-2029 (FIKTIF): five years of targets and the kondisi akhir
FIVE_YEAR_TARGETS = [
    ("1", "Indeks Kepuasan Masyarakat Kecamatan", ["82", "83", "84", "85", "86", "86"]),
    ("2", "Persentase Desa Berstatus Mandiri", ["20%", "25%", "30%", "35%", "40%", "40%"]),
    ("3", "Jumlah Desa Maju", ["4", "5", "\u2013", "6", "7", "7"]),
    ("4", "Persentase Konflik Sosial yang Tertangani", ["100%", "100%", "100%", "100%", "100%", "100%"]),
]



def five_year_document(tmp_path: Path) -> Path:
    return seed_doc.build(tmp_path / "iku_2025-2029.docx", period=(2025, 2029), targets=FIVE_YEAR_TARGETS,
                          target_header=True)



def test_five_year_office_builds_its_full_set(tmp_path, offices):
    result = imported(five_year_document(tmp_path))
    assert result.exit_code == 0, result.output
    assert "periode Renstra 2025-2029" in result.output
    cat = catalogue.load(offices / "contohjaya_2025-2029.toml")
    assert list(cat.years) == [2025, 2026, 2027, 2028, 2029]
    workbook = tmp_path / "realisasi.xlsx"
    assert run_cli("template", workbook, "--office", "contohjaya", "--year", "2026").exit_code == 0
    wb = load_workbook(workbook)
    headers = [c.value for c in wb[layout.SHEET_REALISATION][4] if c.value]
    assert headers == ["No", "Indikator", "Satuan", "Target 2025", "Realisasi 2025", "Target 2026", "Realisasi 2026",
                       "Target 2027", "Realisasi 2027", "Target 2028", "Realisasi 2028", "Target 2029",
                       "Realisasi 2029", "Kondisi Akhir"]
    assert wb[layout.SHEET_IDENTITY].cell(row=identity_row(layout.ID_PERIOD), column=2).value == "2025-2029"
    fill(wb, cat, {1: {2025: 81.5, 2026: 83.2}, 2: {2025: 20, 2026: 30}, 3: {2025: 4, 2026: 5},
                   4: {2025: 100, 2026: 100}})
    wb.save(workbook)
    out = tmp_path / "hasil"
    result = run_cli("build", workbook, "--output", out)
    assert result.exit_code == 0, result.output
    folder = out / "contohjaya-2026"
    iku = folder / "IKU_Kecamatan_Contohjaya_2025-2029.docx"
    target = tables(iku)[-2]
    assert target[1][2:7] == ["2025", "2026", "2027", "2028", "2029"]
    assert target[0][-1] == "Kondisi Akhir"
    rows = {row[1]: row[2:] for row in target if row[0].isdigit()}
    assert rows["Persentase Desa Berstatus Mandiri"] == ["20%", "25%", "30%", "35%", "40%", "40%"]
    assert rows["Jumlah Desa Maju"] == ["4 desa", "5 desa", "\u2013", "6 desa", "7 desa", "7 desa"]
    lkjip = folder / "LKjIP_Kecamatan_Contohjaya_2026.docx"
    text = full_text(lkjip)
    assert "LAMPIRAN 2. INDIKATOR KINERJA UTAMA 2025-2029" in text
    appendix = next(t for t in tables(lkjip) if t[0][:2] == ["No", "Indikator Kinerja"] and t[0][-1] == "Akhir")
    assert appendix[0][2:] == ["2025", "2026", "2027", "2028", "2029", "Akhir"]
    assert "Rencana Strategis Kecamatan Contohjaya 2025-2029" in text
    with zipfile.ZipFile(lkjip) as docx:  # every indicator chart draws the years of the period so far
        charts = [docx.read(n).decode("utf-8") for n in docx.namelist() if re.match(r"word/charts/chart\d+\.xml$", n)]
    categories = [re.findall(r"<c:v>(\d{4})</c:v>", xml.split("<c:cat>")[1].split("</c:cat>")[0]) for xml in charts
                  if "<c:cat>" in xml and "Target" in xml]
    assert categories and all(c == ["2025", "2026"] for c in categories), categories
    pk = full_text(folder / "Perjanjian_Kinerja_Kecamatan_Contohjaya_2026.docx")
    assert "83,00" in pk or "83" in pk
    measured = load_workbook(folder / "Pengukuran_Kinerja_Kecamatan_Contohjaya_2026.xlsx")
    assert "Rekap 2025-2026" in measured.sheetnames
    recap = measured["Rekap 2025-2026"]
    years = {c.value for row in recap.iter_rows() for c in row if c.value in (2025, 2026, "2025", "2026")}
    assert {str(y) for y in years} == {"2025", "2026"}


def test_period_longer_than_ten_years_is_refused(tmp_path):
    text = (catalogue.OFFICES_DIR / "mantup_2021-2026.toml").read_text(encoding="utf-8")
    path = tmp_path / "panjang.toml"
    path.write_text(text.replace("periode_akhir = 2026", "periode_akhir = 2031"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        catalogue.load(path)
    assert "periode 2021-2031 lebih dari 10 tahun" in caught.value.describe()


def test_second_period_is_written_beside_the_first(tmp_path, offices):
    assert imported(seed_doc.build(tmp_path / "iku_2021.docx")).exit_code == 0
    first = offices / "contohjaya_2021-2026.toml"
    before = sha(first)
    result = imported(five_year_document(tmp_path))
    assert result.exit_code == 0, result.output
    assert "Katalog ditulis:" in result.output and "(periode Renstra 2025-2029; periode lain kantor ini tetap: " \
                                                  "2021-2026)" in result.output
    assert sorted(p.name for p in offices.iterdir()) == ["contohjaya_2021-2026.toml", "contohjaya_2025-2029.toml"]
    assert sha(first) == before
    again = imported(five_year_document(tmp_path))
    assert again.exit_code == 1
    assert "(periode 2025-2029) sudah ada dan tidak ditimpa; tambahkan --force" in again.output
    other_code = imported(five_year_document(tmp_path), "--code", "lain")
    assert other_code.exit_code == 1 and "pakai --code contohjaya" in other_code.output


def test_year_in_two_periods_needs_the_period(tmp_path, offices):
    assert imported(seed_doc.build(tmp_path / "iku_2021.docx")).exit_code == 0
    assert imported(five_year_document(tmp_path)).exit_code == 0
    path = tmp_path / "b.xlsx"
    refused = run_cli("template", path, "--office", "contohjaya", "--year", "2025")
    assert refused.exit_code == 1
    assert "Tahun 2025 masuk 2 periode Renstra Kecamatan Contohjaya; sebutkan periodenya: --period 2021-2026 atau " \
           "--period 2025-2029." in refused.output
    assert not path.exists()
    unknown = run_cli("template", path, "--office", "contohjaya", "--year", "2025", "--period", "2019-2023")
    assert unknown.exit_code == 1
    assert "tidak punya periode Renstra 2019-2023; periode yang ada: 2021-2026, 2025-2029." in unknown.output
    bad = run_cli("template", path, "--office", "contohjaya", "--period", "2025")
    assert bad.exit_code == 2 and "'2025' bukan periode" in bad.output
    outside = run_cli("template", path, "--office", "contohjaya", "--year", "2030")
    assert outside.exit_code == 1 and "di luar periode Renstra Kecamatan Contohjaya (2021-2026, 2025-2029)" \
        in outside.output
    ok = run_cli("template", path, "--office", "contohjaya", "--year", "2025", "--period", "2021-2026")
    assert ok.exit_code == 0, ok.output
    assert load_workbook(path)[layout.SHEET_IDENTITY].cell(row=identity_row(layout.ID_PERIOD), column=2).value \
        == "2021-2026"
    later = tmp_path / "c.xlsx"
    assert run_cli("template", later, "--office", "contohjaya", "--year", "2027").exit_code == 0
    assert load_workbook(later)[layout.SHEET_IDENTITY].cell(row=identity_row(layout.ID_PERIOD), column=2).value \
        == "2025-2029"


def _without_period_row(path: Path) -> None:
    wb = load_workbook(path)
    ws = wb[layout.SHEET_IDENTITY]
    ws.delete_rows(identity_row(layout.ID_PERIOD))
    wb.save(path)


def test_workbook_without_period_row_keeps_the_period_it_was_made_for(tmp_path, offices):
    """A workbook made before `Periode Renstra` existed builds under its own period after a second one arrives."""
    assert imported(seed_doc.build(tmp_path / "iku_2021.docx")).exit_code == 0
    path = tmp_path / "lama.xlsx"
    assert run_cli("template", path, "--office", "contohjaya", "--year", "2025").exit_code == 0
    _without_period_row(path)
    assert imported(five_year_document(tmp_path)).exit_code == 0
    out = tmp_path / "hasil"
    result = run_cli("build", path, "--output", out)
    assert result.exit_code == 0, result.output
    assert (out / "contohjaya-2025" / "IKU_Kecamatan_Contohjaya_2021-2026.docx").exists()
    target = tables(out / "contohjaya-2025" / "IKU_Kecamatan_Contohjaya_2021-2026.docx")[-2]
    assert target[1][2:8] == ["2021", "2022", "2023", "2024", "2025", "2026"]


def test_period_row_naming_an_unknown_period_is_an_error(tmp_path, offices):
    assert imported(seed_doc.build(tmp_path / "iku_2021.docx")).exit_code == 0
    path = tmp_path / "a.xlsx"
    assert run_cli("template", path, "--office", "contohjaya", "--year", "2025").exit_code == 0
    wb = load_workbook(path)
    wb[layout.SHEET_IDENTITY].cell(row=identity_row(layout.ID_PERIOD), column=2).value = "2019-2023"
    wb.save(path)
    result = run_cli("check", path)
    assert result.exit_code == 1
    assert re.search(r"Periode Renstra 2019-2023 tidak ada di katalog Kecamatan Contohjaya; periode yang ada: "
                     r"2021-2026", result.output), result.output


def test_kabupaten_recap_holds_offices_of_different_periods(tmp_path, offices):
    shutil.copy(ROOT / "iku" / "offices" / "mantup_2021-2026.toml", offices)
    assert imported(five_year_document(tmp_path)).exit_code == 0
    five = tmp_path / "contohjaya.xlsx"
    assert run_cli("template", five, "--office", "contohjaya", "--year", "2025").exit_code == 0
    wb = load_workbook(five)
    fill(wb, catalogue.load(offices / "contohjaya_2025-2029.toml"), {1: {2025: 82}, 2: {2025: 20}})
    wb[layout.SHEET_IDENTITY].cell(row=identity_row(layout.ID_STATUS), column=2).value = layout.STATUS_SAMPLE
    wb.save(five)
    out = tmp_path / "hasil"
    result = run_cli("build", SAMPLE, five, "--output", out)
    assert result.exit_code == 0, result.output
    recap = load_workbook(out / "CONTOH_Rekap_Kinerja_Lamongan_2025.xlsx")
    names = {c.value for row in recap["Ringkasan"].iter_rows() for c in row}
    assert {"Kecamatan Mantup", "Kecamatan Contohjaya"} <= names
    assert (out / "mantup-2025-CONTOH" / "CONTOH_IKU_Kecamatan_Mantup_2021-2026.docx").exists()
    assert (out / "contohjaya-2025-CONTOH" / "CONTOH_IKU_Kecamatan_Contohjaya_2025-2029.docx").exists()
