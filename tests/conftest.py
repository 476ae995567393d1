"""Shared fixtures: the Mantup catalogue and a builder for input workbooks made in the test."""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from iku import catalogue, layout
from iku.cli import main
from iku.workbook import report_sheets as sheets
from iku.workbook.template import fill


@pytest.fixture(scope="session")
def mantup():
    return catalogue.load(catalogue.OFFICES_DIR / "mantup_2021-2026.toml")


@pytest.fixture(scope="session")
def sample_set(tmp_path_factory) -> Path:
    """The shipped sample built once (read-only for the tests): the folder holding its documents."""
    out = tmp_path_factory.mktemp("contoh")
    sample = Path(__file__).resolve().parent.parent / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
    shutil.copy(sample, out / sample.name)
    result = run_cli("build", out / sample.name, "--output", out / "hasil")
    assert result.exit_code == 0, result.output
    return out / "hasil" / "mantup-2025-CONTOH"


# On unless IKU_OOXML_CHECK=0: each distinct file is validated once per session (tests/ooxml_check.content_key),
# which keeps the whole suite within a minute or two of its time without the check.
OOXML_CHECK = os.environ.get("IKU_OOXML_CHECK", "1") != "0"


def run_cli(*args: str):
    started = time.time()
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    if OOXML_CHECK:  # every .docx/.xlsx this run wrote, through the OOXML validator
        from ooxml_check import assert_valid
        for path in _written(list(map(str, args)), started):
            assert_valid(path)
    return result


@pytest.fixture
def offices(tmp_path, monkeypatch) -> Path:
    """The catalogues folder, empty, in the test's own folder: never the repository's iku/offices."""
    folder = tmp_path / "offices"
    folder.mkdir()
    monkeypatch.setattr(catalogue, "OFFICES_DIR", folder)
    return folder


def imported(document: Path, *options: str):
    """`office import` of an IKU document."""
    return run_cli("office", "import", document, *options)


def _written(args: list[str], since: float) -> list[Path]:
    """The .docx and .xlsx files a build (under --output) or a template command wrote after `since`."""
    roots = [Path(args[i + 1]) for i, a in enumerate(args[:-1]) if a == "--output"]
    if args and args[0] == "template" and len(args) > 1:
        roots.append(Path(args[1]))
    found = []
    for root in roots:
        try:
            found += [root] if root.is_file() else list(root.rglob("*"))
        except OSError:  # a root the OS refuses (a 4,000-character --output): nothing was written there
            continue
    return sorted(p for p in found if p.suffix in (".docx", ".xlsx") and p.is_file() and p.stat().st_mtime >= since
                  and not p.name.startswith("~$"))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under root (hidden ones too), files with their sha256."""
    return {str(p.relative_to(root)): (sha(p) if p.is_file() else "folder") for p in sorted(root.rglob("*"))}


@pytest.fixture(scope="module")
def standard(tmp_path_factory) -> Path:
    """The blank standard workbook of 2025, written once per test module (read-only for its tests)."""
    path = tmp_path_factory.mktemp("standard") / "realisasi.xlsx"
    result = run_cli("template", path, "--year", "2025")
    assert result.exit_code == 0, result.output
    return path


def rejected(path: Path, tmp_path: Path, *fragments: str) -> str:
    """Build must fail: non-zero exit, every fragment in the message, nothing written, input untouched."""
    before = sha(path) if path.exists() else None
    out = tmp_path / "hasil"
    result = run_cli("build", path, "--output", out)
    assert result.exit_code != 0
    for fragment in fragments:
        assert fragment in result.output, result.output
    assert "tidak ada dokumen yang ditulis" in result.output
    assert not out.exists()
    if before is not None:
        assert sha(path) == before
    return result.output



def identity_row(label: str) -> int:
    return 2 + layout.ID_ROWS.index(label)


@pytest.fixture
def make_workbook(tmp_path, mantup) -> Callable[..., Path]:
    """Write the standard workbook with the `template` command, then fill it like staff would."""

    def make(values=None, year: int = 2025, identity=None, edit=None, name: str = "realisasi.xlsx",
             quarters=None, analysis=None, budget=None, narrative=None) -> Path:
        path = tmp_path / name
        result = run_cli("template", path, "--year", str(year))
        assert result.exit_code == 0, result.output
        wb = load_workbook(path)
        fill(wb, mantup, values or {})
        sheets.fill_quarters(wb, mantup, quarters or {})
        sheets.fill_analysis(wb, mantup, analysis or {})
        sheets.fill_budget(wb, budget or [])
        sheets.fill_narrative(wb, narrative or {})
        for label, value in (identity or {}).items():
            wb[layout.SHEET_IDENTITY].cell(row=identity_row(label), column=2, value=value)
        if edit:
            edit(wb)
        wb.save(path)
        return path

    return make


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A one-colour PNG, written by hand (the tool itself needs no imaging library)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
