"""Every shortfall named with its figures in the Ikhtisar and Bab IV, what the data show said without staff, and
the warning for an indicator under target without the office's own analysis (issue 16, point 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import identity_row, run_cli
from docx_text import full_text
from openpyxl import load_workbook

from iku import layout

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("kekurangan")
    result = run_cli("build", SAMPLE, "--output", out)
    assert result.exit_code == 0, result.output
    return result.output, full_text(next(out.glob("*/CONTOH_LKjIP_*.docx")))


def _part(text: str, start: str, end: str) -> str:
    body = text.split("DAFTAR ISI", 1)[1].split(start + "\n", 1)[1]  # past the contents page
    return body.split(end + "\n", 1)[0]


def test_ikhtisar_and_bab_iv_name_every_shortfall_with_its_figures(sample_build):
    _, text = sample_build
    expected = [
        "Nilai IKM 82,45 dari target 82,50 (capaian 99,94%), dan turun 0,30 poin dari 2024 (82,75)",
        "Jumlah Desa Maju lima desa dari target enam desa (capaian 83,33%), juga di bawah target pada 2023 dan 2024",
        "Persentase Penyelenggaraan Pelayanan Publik yang Tepat Waktu 92,52% dari target 95,00% (capaian 97,39%)",
    ]
    ikhtisar = _part(text, "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN")
    closing = _part(text, "BAB IV PENUTUP", "LAMPIRAN 1. PERJANJIAN KINERJA TAHUN 2025")
    for part in (ikhtisar, closing):
        assert "Indikator yang belum mencapai target tahun 2025:" in part
        for figure in expected:
            assert figure in part, figure


def test_what_the_status_history_shows_is_said_without_staff(sample_build):
    _, text = sample_build
    assert ("Analisis data: Target tidak tercapai pada 2023, 2024, dan 2025; pada tahun lainnya target tercapai. "
            "Desa Sidomulyo turun dari Maju menjadi Berkembang pada 2024 dan kembali Maju pada 2025.") in text
    assert ("Pada 2023 jumlah Desa Maju berkurang karena Desa Mantup naik menjadi Desa Mandiri, bukan karena desa "
            "turun status.") in text


def test_warning_for_each_indicator_under_target_without_analysis(sample_build, tmp_path):
    output, _ = sample_build
    assert "di bawah target 2025" not in output  # the sample analyses each of its shortfalls
    unanalysed = tmp_path / "tanpa_analisis.xlsx"
    wb = load_workbook(SAMPLE)
    for row in wb[layout.SHEET_ANALYSIS].iter_rows():
        if len(row) > 4 and row[1].value in ("Nilai IKM", "Jumlah Desa Maju"):
            for cell in row[2:5]:
                cell.value = None
    wb.save(unanalysed)
    result = run_cli("check", unanalysed)
    assert result.exit_code == 0, result.output
    assert ("'Jumlah Desa Maju' di bawah target 2025 (capaian 83,33%), tetapi faktor penghambat dan upaya belum "
            "diisi di lembar Analisis.") in result.output
    assert "'Persentase Penyelenggaraan Pelayanan Publik yang Tepat Waktu' di bawah target" not in result.output
    assert "akan dikembalikan evaluator" not in result.output  # a CONTOH workbook
    wb[layout.SHEET_IDENTITY].cell(row=identity_row(layout.ID_STATUS), column=2).value = layout.STATUS_OFFICIAL
    official = tmp_path / "resmi.xlsx"
    wb.save(official)
    result = run_cli("check", official)
    assert result.exit_code == 0, result.output
    assert ("'Nilai IKM' di bawah target 2025 (capaian 99,94%), tetapi faktor penghambat dan upaya belum diisi di "
            "lembar Analisis. Dengan Status Data RESMI, LKjIP tanpa analisis ini akan dikembalikan evaluator.") \
        in " ".join(result.output.split())
