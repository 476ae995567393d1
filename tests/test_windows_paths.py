"""Paths Windows accepts (issue 19): under 260 characters with the staging folder's temporary files counted, and no
two outputs that differ only in case."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import run_cli

from iku import catalogue, safe_names

DEEP = "OneDrive - Pemerintah Kabupaten Lamongan"


@pytest.fixture
def windows(monkeypatch):
    monkeypatch.setattr(safe_names, "WINDOWS", True)


def test_a_long_output_folder_is_refused_before_anything_is_written(make_workbook, tmp_path, windows):
    out = tmp_path / DEEP / "Dokumen" / "Perencanaan dan Pelaporan SAKIP" / "Kecamatan Mantup" / ("x" * 60)
    result = run_cli("build", make_workbook({10: {2025: 40}}), "--output", out)
    assert result.exit_code != 0
    message = " ".join(result.output.split())
    folder = os.path.abspath(out / "mantup-2025")
    shown = safe_names.shown_path(folder)
    assert len(folder) > safe_names.SHOWN_PATH and shown.endswith(f"({len(folder)} karakter)")  # counted there
    assert f"jalur folder hasil {shown} terlalu panjang untuk Windows" in message
    assert "Pakai folder hasil (--output) yang jalurnya paling banyak" in message
    assert "Tidak ada dokumen yang diubah" in message
    assert not out.exists()


def test_the_limit_counts_the_temporary_file_in_the_staging_folder(tmp_path, windows):
    name = "Pengukuran_Triwulan_III_Kecamatan_Mantup_2025.docx"
    parent = tmp_path / "p"
    staging_extra = len(".mantup-2025.staging-") + len(str(os.getpid())) + 1 + len(name) + 14
    fits = safe_names.WINDOWS_MAX_PATH - staging_extra - len(os.path.abspath(parent)) - 2
    assert fits > 0
    exact = parent / ("a" * fits) / "mantup-2025"
    assert safe_names.windows_path_problem(exact, [name]) is None  # the temporary path is 259 characters
    longer = parent / ("a" * (fits + 1)) / "mantup-2025"
    why = safe_names.windows_path_problem(longer, [name])
    assert why is not None and "memerlukan berkas sementara berjalur 260 karakter, sedangkan Windows hanya " \
        "menerima 259" in why
    root = os.path.dirname(os.path.abspath(longer))
    assert f"Pakai folder hasil (--output) yang jalurnya paling banyak {len(root) - 1} karakter" in why
    assert why.count("karakter)") <= 1  # the folder's length said once


def test_excel_opens_no_path_over_218_characters(tmp_path, windows):
    """Microsoft: Excel opens no file whose path and name exceed 218 characters; Word 255."""
    name = "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx"
    parent = tmp_path / "q"
    fits = 218 - len(os.path.abspath(parent)) - 1 - len("/mantup-2025/") - len(name)
    assert safe_names.windows_path_problem(parent / ("b" * fits) / "mantup-2025", [name]) is None
    why = safe_names.windows_path_problem(parent / ("b" * (fits + 1)) / "mantup-2025", [name])
    assert why is not None and f"{name} di sana akan berjalur 219 karakter, sedangkan Excel hanya membuka berkas " \
        "yang jalurnya paling panjang 218 karakter" in why


def test_previous_files_kept_in_the_staging_folder_count_too(tmp_path, windows):
    long_old = "x" * 150 + ".docx"  # a name of an earlier set, for an office since renamed
    deep = tmp_path / ("r" * 60) / "mantup-2025"
    assert safe_names.windows_path_problem(deep, ["a.docx"]) is None
    assert long_old in (safe_names.windows_path_problem(deep, ["a.docx"], [long_old]) or "")


def test_no_limit_off_windows(tmp_path, monkeypatch):
    monkeypatch.setattr(safe_names, "WINDOWS", False)
    assert safe_names.windows_path_problem(tmp_path / ("a" * 300), ["b.docx"]) is None


def test_an_ordinary_folder_builds_under_the_windows_rule(make_workbook, tmp_path, windows):
    result = run_cli("build", make_workbook({10: {2025: 40}}), "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "hasil" / "mantup-2025" / "LKjIP_Kecamatan_Mantup_2025.docx").is_file()


def test_names_differing_only_in_case():
    assert safe_names.distinct_in_case(["LKjIP_A_2025.docx", "lkjip_a_2025.docx"]) == \
        "LKjIP_A_2025.docx dan lkjip_a_2025.docx"
    assert safe_names.distinct_in_case(["LKjIP_A_2025.docx", "PK_A_2025.docx"]) is None


def test_catalogue_codes_differing_only_in_case_are_refused(make_workbook, offices):
    shipped = os.path.join(os.path.dirname(catalogue.__file__), "offices", "mantup_2021-2026.toml")
    shutil.copy(shipped, offices / "mantup_2021-2026.toml")
    workbook = make_workbook({10: {2025: 40}})
    text = (offices / "mantup_2021-2026.toml").read_text(encoding="utf-8")
    (offices / "Mantup_2021-2026b.toml").write_text(text.replace('kode = "mantup"', 'kode = "Mantup"', 1),
                                                     encoding="utf-8")
    result = run_cli("check", workbook)
    assert result.exit_code != 0
    assert ("katalog Mantup_2021-2026b.toml dan mantup_2021-2026.toml: kode 'Mantup' dan 'mantup' hanya berbeda "
            "huruf besar/kecil") in " ".join(result.output.split())
