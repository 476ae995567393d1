"""The shipped sample: `python generate.py` on input/ writes both documents, marked CONTOH."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import run_cli, sha
from docx_text import full_text
from openpyxl import load_workbook

from iku import cli

SAMPLE = Path(__file__).resolve().parent.parent / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"


def test_default_command_builds_every_workbook_in_input(tmp_path, monkeypatch):
    inbox = tmp_path / "input"
    inbox.mkdir()
    shutil.copy(SAMPLE, inbox / SAMPLE.name)
    (inbox / f"~${SAMPLE.name}").write_bytes(b"lock")
    monkeypatch.setattr(cli, "INPUT_DIR", inbox)
    monkeypatch.setattr(cli, "OUTPUT_DIR", tmp_path / "output")
    before = sha(inbox / SAMPLE.name)

    result = run_cli()
    assert result.exit_code == 0, result.output
    assert "~$" not in result.output and "Dilewati" not in result.output  # Excel's owner file: skipped in silence
    assert sha(inbox / SAMPLE.name) == before

    folder = tmp_path / "output" / "mantup-2025-CONTOH"
    text = full_text(folder / "CONTOH_IKU_Kecamatan_Mantup_2021-2026.docx")
    assert "CONTOH — ANGKA ILUSTRATIF, BUKAN DATA RESMI" in text
    wb = load_workbook(folder / "CONTOH_Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx")
    ws = wb["Pengukuran 2025"]
    assert ws["A1"].value == "CONTOH — ANGKA ILUSTRATIF, BUKAN DATA RESMI"
    values = {r[1]: r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)}
    # computed from the sample's data sheets: 7 of 15 desa above their 2020 status; 2.757 of 2.980 on time
    assert values["Persentase Desa Naik Kelas"][3:8] == (0.4667, 0.4667, 1, "Sangat Tinggi", "Dihitung (Status Desa)")
    assert values["Persentase Penyelenggaraan Pelayanan Publik yang Tepat Waktu"][4] == 0.9252
    services = [r for r in wb["Data Pelayanan"].iter_rows(values_only=True) if r[0] == "Jumlah"]
    assert services[0][2:5] == (2980, 2757, 223)


def test_empty_input_folder_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "INPUT_DIR", tmp_path)
    result = run_cli()
    assert result.exit_code != 0 and "Tidak ada buku kerja .xlsx" in result.output


def test_template_refuses_to_overwrite(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"data staf")
    result = run_cli("template", path)
    assert result.exit_code != 0 and "sudah ada" in result.output
    assert path.read_bytes() == b"data staf"


def test_template_is_protected_except_realisation_cells(tmp_path, mantup):
    path = tmp_path / "baru.xlsx"
    assert run_cli("template", path, "--year", "2025").exit_code == 0
    wb = load_workbook(path)
    ws = wb["Realisasi"]
    assert ws.protection.sheet and not ws.protection.password
    assert ws["E4"].value == "Realisasi 2021" and ws["O4"].value == "Realisasi 2026"
    assert ws["M14"].protection.locked is False and ws["L14"].protection.locked is True
    assert ws["M14"].number_format == "0.00%" and ws["L14"].value == 0.4667
    assert [ws.cell(row=r, column=2).value for r in range(5, 15)] == [i.name for i in mantup.indicators]
    assert any("M14" in str(dv.sqref) and dv.showErrorMessage for dv in ws.data_validations.dataValidation)
    assert wb["Identitas"]["B3"].value == 2025
