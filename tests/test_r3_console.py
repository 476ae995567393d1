"""A console that cannot hold every character (cp1252, output redirected, as on Windows) (issue 18): every command
runs to its end and shows what it cannot encode as \\uXXXX, never stopping with UnicodeEncodeError."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from iku import catalogue

ROOT = Path(__file__).resolve().parent.parent
NAME = "東京_№_😀"  # CJK, the numero sign and an emoji: none of them is in cp1252
SHOWN = r"\u6771\u4eac_\u2116_\U0001f600"  # how a cp1252 console shows it
# generate.py, with the catalogues read from (and written to) the test's own folder instead of iku/offices
RUNNER = ("import sys; from pathlib import Path; from iku import catalogue; catalogue.OFFICES_DIR = Path(sys.argv[1]); "
          "from iku.cli import main; main(sys.argv[2:])")


@pytest.fixture
def offices(tmp_path) -> Path:
    folder = tmp_path / "offices"
    folder.mkdir()
    shutil.copy(catalogue.OFFICES_DIR / "mantup_2021-2026.toml", folder)
    return folder


def on_cp1252(offices: Path, cwd: Path, *args: object, encoding: str = "cp1252") -> tuple[int, str]:
    """The command in its own process under PYTHONIOENCODING=cp1252 (or another code page); its exit code and its
    output (stdout, then stderr), which must be in that code page throughout and hold no traceback."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "TMPDIR": str(cwd)}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run([sys.executable, "-c", RUNNER, str(offices), *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, timeout=600)
    output = done.stdout.decode(encoding) + done.stderr.decode(encoding)  # strict: raises on anything else
    assert "Traceback" not in output and "UnicodeEncodeError" not in output, output
    assert "Kesalahan tak terduga" not in output, output
    assert "東" not in output and "😀" not in output
    return done.returncode, output


def test_every_command_runs_on_a_cp1252_console(make_workbook, tmp_path, offices):
    out = tmp_path / f"hasil_{NAME}"

    # template: the new workbook's name
    code, output = on_cp1252(offices, tmp_path, "template", tmp_path / f"buku_{NAME}.xlsx", "--year", "2025")
    assert code == 0, output
    assert f"Buku kerja standar ditulis: {tmp_path}/buku_{SHOWN}.xlsx (Kecamatan Mantup, tahun 2025" in output
    assert (tmp_path / f"buku_{NAME}.xlsx").is_file()

    # check: a valid workbook under that name
    workbook = make_workbook({10: {2025: 40}}, name=f"realisasi_{NAME}.xlsx")
    code, output = on_cp1252(offices, tmp_path, "check", workbook)
    assert code == 0, output
    assert f"realisasi_{SHOWN}.xlsx: buku kerja sah (Kecamatan Mantup, tahun 2025" in output

    # check: cell text the message quotes
    stranger = make_workbook(name="asing.xlsx", identity={"Instansi": f"Kecamatan {NAME}"})
    code, output = on_cp1252(offices, tmp_path, "check", stranger)
    assert code == 1, output
    assert f"instansi 'Kecamatan {SHOWN}' tidak ada di katalog" in output

    # build: one workbook, into a folder whose name the console cannot hold either
    code, output = on_cp1252(offices, tmp_path, "build", workbook, "--output", out)
    assert code == 0, output
    assert f"\nrealisasi_{SHOWN}.xlsx\n" in output
    assert f"Ditulis: LKjIP: {tmp_path}/hasil_{SHOWN}/mantup-2025/LKjIP_Kecamatan_Mantup_2025.docx" in output

    # the batch: its progress lines and summary name each workbook; one of them fails on its cell text
    earlier = make_workbook({10: {2024: 30}}, year=2024, name=f"realisasi_2024_{NAME}.xlsx")
    code, output = on_cp1252(offices, tmp_path, "build", workbook, earlier, stranger, "--output", out)
    assert code == 1, output
    assert f"  - realisasi_2024_{SHOWN}.xlsx: Kecamatan Mantup tahun 2024; 5 dokumen ditulis" in output
    assert f"instansi 'Kecamatan {SHOWN}' tidak ada di katalog" in output
    assert "Selesai: 2 buku kerja berhasil, 1 gagal." in output

    # office import: the IKU document the build wrote, under a name with those characters
    document = tmp_path / f"IKU_{NAME}.docx"
    shutil.copy(out / "mantup-2025" / "IKU_Kecamatan_Mantup_2021-2026.docx", document)
    target = tmp_path / "impor"
    target.mkdir()
    code, output = on_cp1252(target, tmp_path, "office", "import", document, "--code", "mantup")
    assert code == 0, output
    assert f"IKU_{SHOWN}.docx: dokumen IKU" in output
    assert "Katalog ditulis:" in output and (target / "mantup_2021-2026.toml").is_file()


@pytest.mark.parametrize(("encoding", "shown"), [("cp1252", r"Hulu \u2192 Hilir \u2264 2 — Barat"),
                                                  ("cp850", r"Hulu \u2192 Hilir \u2264 2 \u2014 Barat")])
def test_arrows_and_dashes_on_windows_code_pages(make_workbook, tmp_path, offices, encoding, shown):
    """Issue 19: "→", "≤" and "—" in text a message quotes, on the Western (cp1252) and DOS (cp850) code pages."""
    stranger = make_workbook(name="asing.xlsx", identity={"Instansi": "Kecamatan Hulu → Hilir ≤ 2 — Barat"})
    code, output = on_cp1252(offices, tmp_path, "check", stranger, encoding=encoding)
    assert code == 1, output
    assert f"instansi 'Kecamatan {shown}' tidak ada di katalog" in output
    code, output = on_cp1252(offices, tmp_path, "build", stranger, "--output", tmp_path / "hasil", encoding=encoding)
    assert code == 1 and f"'Kecamatan {shown}'" in output, output


def test_in_process_runs_keep_their_streams(tmp_path):
    """The reconfiguration touches only the streams' error handling: click's test runner still reads the output."""
    result = run_cli("template", tmp_path / f"{NAME}.xlsx", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert f"{NAME}.xlsx" in result.output
