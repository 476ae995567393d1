"""The PK and the cover letter can be completed as they are: rank with its grade (PP 99/2000), the Bupati's name
from Identitas in both places of the PK, and a letter to a superior (issue 16, point 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import identity_row, run_cli
from docx_text import full_text, tables
from openpyxl import load_workbook

from iku import layout
from iku.rules import rank_with_grade

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"


@pytest.mark.parametrize(("typed", "printed"), [
    ("Pembina", "Pembina (IV/a)"), ("Pembina (IV/a)", "Pembina (IV/a)"), ("Pembina Tk. I", "Pembina Tingkat I (IV/b)"),
    ("penata tingkat i", "Penata Tingkat I (III/d)"), ("IV/c", "Pembina Utama Muda (IV/c)"),
    ("Pengatur Muda Tingkat I (II/b)", "Pengatur Muda Tingkat I (II/b)"),
])
def test_rank_with_its_grade(typed, printed):
    assert rank_with_grade(typed) == (printed, "")


def test_rank_outside_the_table_is_kept_and_a_wrong_grade_refused():
    assert rank_with_grade("Ahli Pertama") == (None, "")
    assert rank_with_grade("Pembina (IV/b)") == (None, "pangkat Pembina bergolongan IV/a, bukan IV/b (PP 99/2000)")


def _edited(tmp_path: Path, values: dict[str, str]) -> Path:
    path = tmp_path / "buku.xlsx"
    wb = load_workbook(SAMPLE)
    for label, value in values.items():
        wb[layout.SHEET_IDENTITY].cell(row=identity_row(label), column=2).value = value
    wb.save(path)
    return path


def test_pk_and_letter_read_as_signed(tmp_path):
    path = _edited(tmp_path, {layout.ID_SUPERIOR_NAME: "Dr. H. BUPATI CONTOH, M.Si.", layout.ID_RANK: "Pembina Tk. I"})
    out = tmp_path / "hasil"
    result = run_cli("build", path, "--output", out)
    assert result.exit_code == 0, result.output
    folder = out / "mantup-2025-CONTOH"
    pk = folder / "CONTOH_Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx"
    text = full_text(pk)
    assert text.count("Dr. H. BUPATI CONTOH, M.Si.") >= 2  # the naskah's second party and its signature
    assert "Pembina Tingkat I (IV/b)" in text
    letter = full_text(folder / "CONTOH_Surat_Pengantar_Kecamatan_Mantup_2025.docx")
    assert "Demikian kami sampaikan, atas perhatian Bapak Bupati kami ucapkan terima kasih." in letter
    assert "maklum" not in letter and "Bapak/Ibu" not in letter
    assert "CAMAT MANTUP," in letter
    head = {row[0]: row[2] for t in tables(folder / "CONTOH_Surat_Pengantar_Kecamatan_Mantup_2025.docx")
            for row in t if len(row) == 3}
    assert head["Sifat"] == "Biasa" and head["Nomor"] == "." * 30
    # the PK's lampiran names each indicator's unit beside its target
    lampiran = next(t for t in tables(pk) if t[0][:3] == ["No", "Indikator Kinerja", "Satuan"])
    rows = {r[1]: (r[2], r[3]) for r in lampiran if r[0].isdigit()}
    assert rows["Jumlah Desa Maju"] == ("desa", "6 desa")
    assert rows["Persentase Desa Naik Kelas"] == ("persen", "46,67%")
    # the LKjIP's Lampiran 1 is the PK as signed, with its kop
    lkjip = full_text(folder / "CONTOH_LKjIP_Kecamatan_Mantup_2025.docx")
    appendix = lkjip[lkjip.rindex("LAMPIRAN 1. PERJANJIAN KINERJA TAHUN 2025"):]
    assert appendix.index("PEMERINTAH KABUPATEN LAMONGAN") < appendix.index("\nPERJANJIAN KINERJA TAHUN 2025\n")


def test_wrong_grade_in_identitas_is_an_error(tmp_path):
    path = _edited(tmp_path, {layout.ID_RANK: "Pembina (IV/b)"})
    result = run_cli("check", path)
    assert result.exit_code == 1
    cell = f"Identitas!B{identity_row(layout.ID_RANK)}"
    assert f"{cell}: pangkat Pembina bergolongan IV/a, bukan IV/b (PP 99/2000)" in result.output
