"""Targets the IKU document leaves open, typed by staff on the Realisasi sheet from their Renstra."""

from __future__ import annotations

from conftest import rejected, run_cli
from docx_text import full_text, tables
from openpyxl import load_workbook

from iku.workbook.template import fill_targets, target_cell

IKM_TARGETS = {2021: 80, 2022: 81, 2023: 82, 2024: 83, 2025: 85, 2026: 86, None: 86}


def test_open_target_cells_are_yellow_and_unlocked_catalogue_ones_grey_and_locked(tmp_path, mantup):
    path = tmp_path / "baru.xlsx"
    assert run_cli("template", path, "--year", "2025").exit_code == 0
    ws = load_workbook(path)["Realisasi"]
    ikm_2021, ikm_end = ws[target_cell(mantup, 1, 2021)], ws[target_cell(mantup, 1, None)]
    assert (target_cell(mantup, 1, 2021), target_cell(mantup, 1, None)) == ("D5", "P5")
    assert ikm_2021.value is None and ikm_2021.protection.locked is False
    assert ikm_2021.fill.fgColor.rgb.endswith("FFF2CC")
    assert ikm_end.value is None and ikm_end.protection.locked is False
    naik_kelas = ws[target_cell(mantup, 10, 2025)]
    assert naik_kelas.value == 0.4667 and naik_kelas.protection.locked is True
    assert any("D5" in str(dv.sqref) and dv.showErrorMessage for dv in ws.data_validations.dataValidation)


def test_typed_targets_give_a_capaian_and_are_named_but_stay_out_of_the_iku_document(make_workbook, tmp_path, mantup):
    source = make_workbook({1: {2024: 82.75, 2025: 82.45}},
                           edit=lambda wb: fill_targets(wb, mantup, {1: IKM_TARGETS}))
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    assert "Target dari buku kerja (lembar Realisasi, diisi dari Renstra karena dokumen IKU tidak menetapkannya): " \
           "'Nilai IKM' 2021-2026, kondisi akhir." in " ".join(result.output.split())
    assert "Target 2025 indikator 'Nilai IKM' belum ditetapkan" not in result.output
    folder = tmp_path / "hasil" / "mantup-2025"
    lkjip = folder / "LKjIP_Kecamatan_Mantup_2025.docx"
    summary = next(t for t in tables(lkjip) if t[0][:2] == ["No", "Indikator Kinerja"] and "Predikat" in t[0])
    assert ["1", "Nilai IKM", "85,00", "82,45", "97,00%", "Sangat Tinggi"] in summary  # 82,45 / 85 = 97,00 %
    text = full_text(lkjip)
    assert "Dokumen IKU tidak mencantumkan target" in text and "diambil dari Rencana Strategis tersebut." in text
    assert "Sumber target" not in text and "buku kerja" not in text
    iku = folder / "IKU_Kecamatan_Mantup_2021-2026.docx"
    target_rows = [row for t in tables(iku) for row in t if row[:2] == ["1", "Nilai IKM"]]
    assert target_rows and all("85" not in cell for row in target_rows for cell in row[2:])


def test_target_that_is_not_a_number_is_rejected_naming_the_cell(make_workbook, tmp_path, mantup):
    def edit(wb):
        wb["Realisasi"][target_cell(mantup, 6, 2025)] = "sembilan puluh"

    rejected(make_workbook(edit=edit), tmp_path, f"Realisasi!{target_cell(mantup, 6, 2025)}",
             "target 'Persentase Penyelenggaraan Pelayanan Publik yang Tepat Waktu'")


def test_target_outside_the_range_is_rejected(make_workbook, tmp_path, mantup):
    source = make_workbook(edit=lambda wb: fill_targets(wb, mantup, {6: {2025: 140}}))
    rejected(source, tmp_path, f"Realisasi!{target_cell(mantup, 6, 2025)}", "di luar rentang 0-100%")


def test_older_workbooks_with_the_not_set_text_still_build(make_workbook, tmp_path, mantup):
    def edit(wb):
        wb["Realisasi"][target_cell(mantup, 1, 2025)] = "belum ditetapkan"

    result = run_cli("build", make_workbook({10: {2025: 40}}, edit=edit), "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    assert "Target 2025 indikator 'Nilai IKM' belum ditetapkan" in result.output
