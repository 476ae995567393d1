"""`office import`: units, target figures, predicates and polarity as the IKU document states them, and what it
marks `periksa` when the document does not state them. Read into the catalogue text (checked as parsed TOML)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import iku_layout_builder as L
import pytest

from iku.office_import import read_iku
from iku.office_import.toml_out import catalogue_text

YEARS = [str(y) for y in range(2025, 2030)]
NAME = "Tingkat Kepuasan Layanan Administrasi"  # a name that says nothing of its unit


def catalogue_of(path: Path) -> tuple[dict, str]:
    draft = read_iku(path)
    assert not draft.errors, draft.errors
    text = catalogue_text(draft, "wanasari", path.name, dt.date(2025, 1, 6))
    return tomllib.loads(text), text


def errors_of(path: Path) -> list[str]:
    return read_iku(path).errors


def one_indicator(path: Path, head: list[str], row: list[str], *, definition: str = "Uraian indikator.") -> Path:
    """One sasaran indicator: its level table, and a target table with the given header and row."""
    level = [["No", "Sasaran", "Indikator Kinerja", "Definisi Operasional", "Formulasi Perhitungan"],
             ["1", L.SASARAN_1, NAME, definition, "Sesuai pedoman"]]
    return L.document(path, level, [head, row])


TARGET_HEAD = ["No", "Indikator Kinerja", "Satuan", *YEARS, "Kondisi Akhir"]


@pytest.mark.parametrize(("unit", "cells", "expected", "values"), [
    ("%", ["85", "86", "87", "88", "90", "90"], "persen", ["85", "86", "87", "88", "90"]),
    ("Persen", ["85,00 %", "86 %", "87,5 %", "88 %", "90 %", "90 %"], "persen", ["85.00", "86", "87.5", "88", "90"]),
    ("Indeks", ["3,25", "3,30", "3,35", "3,40", "3,50", "3,50"], "indeks", ["3.25", "3.30", "3.35", "3.40", "3.50"]),
    ("Nilai", ["75", "77,5", "80", "82", "85", "85"], "nilai", ["75", "77.5", "80", "82", "85"]),
    ("Desa", ["2 desa", "3", "4", "5", "6", "6"], "desa", ["2", "3", "4", "5", "6"]),
    ("Orang", ["1.000", "1.250", "1.500", "1.750", "2.000", "2.000"], "orang", ["1000", "1250", "1500", "1750",
                                                                             "2000"]),
    ("Dokumen", ["4 dokumen", "4", "5", "5", "6", "6"], "dokumen", ["4", "4", "5", "5", "6"]),
    ("Predikat", ["BB", "BB", "A", "A", "AA", "A"], "predikat", ["BB", "BB", "A", "A", "AA"]),
])
def test_unit_from_the_satuan_column(tmp_path, unit, cells, expected, values):
    data, text = catalogue_of(one_indicator(tmp_path / "iku.docx", TARGET_HEAD, ["1", NAME, unit, *cells]))
    ind = data["indikator"][0]
    assert ind["satuan"] == expected
    assert ind["target"] == dict(zip(YEARS, values, strict=True))
    assert ind["kondisi_akhir"] == (cells[-1] if expected == "predikat" else values[-1])
    assert "satuan" not in ind.get("periksa", [])
    assert f"# satuan: tabel 3 (target), baris 2, kolom Satuan: '{unit}'" in text


def test_predicate_targets_without_a_satuan_column(tmp_path):
    head = ["No", "Indikator Kinerja", *YEARS, "Kondisi Akhir"]
    data, text = catalogue_of(one_indicator(tmp_path / "iku.docx", head, ["1", NAME, "CC", "B", "BB", "A", "AA", "AA"]))
    ind = data["indikator"][0]
    assert (ind["satuan"], ind["kondisi_akhir"], ind["polaritas"]) == ("predikat", "AA", "naik")
    assert ind["target"] == {"2025": "CC", "2026": "B", "2027": "BB", "2028": "A", "2029": "AA"}
    assert ind["rentang"] == []
    assert "polaritas" not in ind.get("periksa", [])  # AA is always better than D
    assert 'target = { 2025 = "CC", 2026 = "B", 2027 = "BB", 2028 = "A", 2029 = "AA" }' in text


@pytest.mark.parametrize(("unit", "cells", "fragment"), [
    ("Predikat", ["BB", "BB", "85", "A", "A", "A"], "target 2027 'Tingkat Kepuasan Layanan Administrasi': '85' bukan "
     "predikat (AA, A, BB, B, CC, C, D), padahal satuannya predikat"),
    ("Predikat", ["BB", "E", "A", "A", "A", "A"], "target 2026 'Tingkat Kepuasan Layanan Administrasi': 'E' bukan "
     "predikat"),
    ("Nilai", ["80", "BB", "A", "A", "A", "A"], "satuan 'Nilai' tidak cocok dengan nilai targetnya 'Tingkat "
     "Kepuasan Layanan Administrasi' (nilai target berupa predikat)"),
    ("", ["80%", "BB", "A", "A", "A", "A"], "memakai satuan yang berbeda-beda (persen, predikat)"),
])
def test_predicates_mixed_with_other_values_are_refused(tmp_path, unit, cells, fragment):
    errors = errors_of(one_indicator(tmp_path / "iku.docx", TARGET_HEAD, ["1", NAME, unit, *cells]))
    assert any(fragment in e for e in errors), errors


def test_percent_column_header_without_percent_in_the_cells(tmp_path):
    head = ["No", "Indikator Kinerja", *[f"Target {y} (%)" for y in YEARS], "Kondisi Akhir (%)"]
    data, text = catalogue_of(one_indicator(tmp_path / "iku.docx", head, ["1", NAME, "85", "86", "87", "88", "90",
                                                                          "90"]))
    ind = data["indikator"][0]
    assert (ind["satuan"], ind["target"]["2025"], ind["rentang"]) == ("persen", "85", [0, 100])
    assert "# satuan: tanda % pada judul kolom 'Target 2025 (%)'" in text


def test_satuan_contradicting_the_cells_is_refused(tmp_path):
    errors = errors_of(one_indicator(tmp_path / "iku.docx", TARGET_HEAD,
                                     ["1", NAME, "Indeks", "85%", "86%", "87%", "88%", "90%", "90%"]))
    assert any("tabel 3 (target), baris 2, kolom Satuan: satuan 'Indeks' tidak cocok dengan nilai targetnya" in e
               for e in errors), errors


POLARITY_HEAD = ["No", "Indikator Kinerja", "Polaritas", *YEARS, "Kondisi Akhir"]


@pytest.mark.parametrize(("column", "stated", "expected"), [
    ("Polaritas", "Negatif (menurun)", "turun"),
    ("Polaritas", "Minimize", "turun"),
    ("Polaritas", "Positif", "naik"),
    ("Keterangan", "Semakin kecil semakin baik", "turun"),
    ("Keterangan", "Semakin kecil (rendah) semakin baik", "turun"),
    ("Keterangan", "Semakin rendah semakin baik", "turun"),
    ("Polaritas", "Menurun", "turun"),
    ("Polaritas", "Turun", "turun"),
    ("Keterangan", "Meningkat", "naik"),
    ("Keterangan", "Semakin tinggi semakin baik", "naik"),
    ("Polaritas", "Naik", "naik"),
    ("Polaritas", "Maximize", "naik"),
])
def test_polarity_from_a_polaritas_or_keterangan_column(tmp_path, column, stated, expected):
    head = [*POLARITY_HEAD[:2], column, *POLARITY_HEAD[3:]]
    data, text = catalogue_of(one_indicator(tmp_path / "iku.docx", head, ["1", NAME, stated, "10%", "9%", "8%", "7%",
                                                                          "6%", "6%"]))
    ind = data["indikator"][0]
    assert ind["polaritas"] == expected
    assert "polaritas" not in ind.get("periksa", [])
    assert f"# polaritas: tertulis di dokumen (tabel 3 (target), baris 2, kolom {column}: '{stated}')" in text
    assert ("rumus_turun" in ind.get("periksa", [])) == (expected == "turun")


@pytest.mark.parametrize("definition", ["Aduan yang tidak tertangani; semakin rendah semakin baik.",
                                        "Aduan yang tidak tertangani; semakin kecil (rendah) semakin baik.",
                                        "Aduan yang tidak tertangani (minimize)."])
def test_polarity_from_the_definition(tmp_path, definition):
    head = ["No", "Indikator Kinerja", *YEARS, "Kondisi Akhir"]
    document = one_indicator(tmp_path / "iku.docx", head, ["1", NAME, "10%", "9%", "8%", "7%", "6%", "6%"],
                             definition=definition)
    data, text = catalogue_of(document)
    ind = data["indikator"][0]
    assert ind["polaritas"] == "turun" and "polaritas" not in ind.get("periksa", [])
    assert f"# polaritas: tertulis di dokumen (tabel 2 (Sasaran), baris 2, kolom Definisi Operasional: " \
           f"'{definition}')" in text


def test_polarity_not_stated_is_naik_and_marked(tmp_path):
    head = ["No", "Indikator Kinerja", *YEARS, "Kondisi Akhir"]
    data, text = catalogue_of(one_indicator(tmp_path / "iku.docx", head, ["1", NAME, "10%", "9%", "8%", "7%", "6%",
                                                                          "6%"]))
    ind = data["indikator"][0]
    assert (ind["polaritas"], "polaritas" in ind["periksa"]) == ("naik", True)
    assert "# polaritas: dokumen tidak menyebutnya; diandaikan naik (makin tinggi makin baik)" in text
    assert "#   polaritas: dokumen tidak menyebut polaritasnya" in text


@pytest.mark.parametrize(("stated", "definition", "fragment"), [
    ("Positif", "Semakin kecil semakin baik.", "polaritas 'Tingkat Kepuasan Layanan Administrasi' berbeda"),
    ("Naik atau turun", "Uraian.", "menyebut polaritas naik dan turun sekaligus"),
    ("Stabil", "Uraian.", "polaritas 'Stabil' tidak dikenal"),
])
def test_polarity_that_contradicts_itself_is_refused(tmp_path, stated, definition, fragment):
    document = one_indicator(tmp_path / "iku.docx", POLARITY_HEAD,
                             ["1", NAME, stated, "10%", "9%", "8%", "7%", "6%", "6%"], definition=definition)
    assert any(fragment in e for e in errors_of(document)), errors_of(document)


@pytest.mark.parametrize(("cells", "expected", "values"), [
    (["85,00 %", "86 %", "87,5 %", "88 %", "90 %", "90 %"], "persen", ["85.00", "86", "87.5", "88", "90"]),
    (["85 persen", "86 persen", "87 persen", "88 persen", "90 persen", "90 persen"], "persen",
     ["85", "86", "87", "88", "90"]),
    (["3 desa", "4 desa", "5 desa", "6 desa", "7 desa", "7 desa"], "desa", ["3", "4", "5", "6", "7"]),
    (["1.000 orang", "1.250 orang", "1.500 orang", "1.750 orang", "2.000 orang", "2.000 orang"], "orang",
     ["1000", "1250", "1500", "1750", "2000"]),
    (["4 dokumen", "4 dokumen", "5 dokumen", "5 dokumen", "6 dokumen", "6 dokumen"], "dokumen",
     ["4", "4", "5", "5", "6"]),
])
def test_unit_from_the_values_without_a_satuan_column(tmp_path, cells, expected, values):
    head = ["No", "Indikator Kinerja", *YEARS, "Kondisi Akhir"]
    data, text = catalogue_of(one_indicator(tmp_path / "iku.docx", head, ["1", NAME, *cells]))
    ind = data["indikator"][0]
    assert (ind["satuan"], ind["target"], ind["kondisi_akhir"]) == (expected, dict(zip(YEARS, values, strict=True)),
                                                                   values[-1])
    assert "satuan" not in ind.get("periksa", []) and "satuan_tertulis" not in ind


def test_unit_not_written_anywhere_is_guessed_and_marked(tmp_path):
    head = ["No", "Indikator Kinerja", *YEARS, "Kondisi Akhir"]
    data, text = catalogue_of(one_indicator(tmp_path / "iku.docx", head, ["1", NAME, "3,25", "3,30", "3,35", "3,40",
                                                                          "3,50", "3,50"]))
    ind = data["indikator"][0]
    assert (ind["satuan"], ind["target"]["2025"], ind["periksa"]) == ("nilai", "3.25", ["satuan", "polaritas"])
    assert "# satuan: ditebak (bukan persen, bukan jumlah desa); periksa" in text


def test_a_count_with_decimals_is_refused_naming_table_and_row(tmp_path):
    errors = errors_of(one_indicator(tmp_path / "iku.docx", TARGET_HEAD,
                                     ["1", NAME, "Desa", "2,5", "3", "4", "5", "6", "6"]))
    assert ("tabel 3 (target), baris 2, target 2025 'Tingkat Kepuasan Layanan Administrasi': '2,5' bukan bilangan "
            "bulat, padahal satuannya desa (tabel 3 (target), baris 2, kolom Satuan: 'Desa')") in errors, errors


def test_the_satuan_column_is_kept_as_written(tmp_path):
    data, text = catalogue_of(one_indicator(tmp_path / "iku.docx", TARGET_HEAD,
                                            ["1", NAME, "Persen", "85", "86", "87", "88", "90", "90"]))
    assert (data["indikator"][0]["satuan"], data["indikator"][0]["satuan_tertulis"]) == ("persen", "Persen")
