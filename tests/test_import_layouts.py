"""`office import` of IKU documents laid out as real offices lay them out: a Kondisi Awal column before the years,
year headers in every spelling, two header rows, a cascade table, merged Sasaran Strategis cells, headers repeated
on every page, spacer columns, targets beside the indicators."""

from __future__ import annotations

import re
from decimal import Decimal as D

import iku_layout_builder as L
import pytest
from conftest import imported

from iku import catalogue

YEARS = range(2025, 2030)
FILE = "wanasari_2025-2029.toml"




def targets(*values) -> dict[int, D | None]:
    return {year: None if v is None else D(str(v)) for year, v in zip(YEARS, values, strict=True)}


IKM_TARGETS = targets(82, 83, 84, 85, 86)
ADUAN_TARGETS = targets(10, 9, 8, 7, 6)
DESA_TARGETS = targets(2, 3, 4, 5, 6)


@pytest.mark.parametrize("years", [
    [f"Target Tahun {y}" for y in YEARS],
    [f"Tahun ke-{n}" for n in range(1, 6)],
    [f"Tahun {y}" for y in YEARS],
    [f"Target {y}" for y in YEARS],
    [str(y) for y in YEARS],
], ids=["target-tahun", "tahun-ke", "tahun", "target", "angka"])
def test_kondisi_awal_before_the_years_is_the_baseline_and_no_target_moves(tmp_path, offices, years):
    document = L.document(tmp_path / "iku.docx", L.level_table(), L.target_table(years=years, end=None))
    result = imported(document)
    assert result.exit_code == 0, result.output
    ikm, aduan, desa = catalogue.load(offices / FILE).indicators
    assert (ikm.targets, aduan.targets, desa.targets) == (IKM_TARGETS, ADUAN_TARGETS, DESA_TARGETS)
    assert (ikm.baseline, aduan.baseline, desa.baseline) == (D("80.50"), D(12), D(1))
    assert {i.baseline_year for i in (ikm, aduan, desa)} == {2024}
    # no Kondisi Akhir column: the end target stays empty, marked, never the last year's target
    assert all(i.end_target is None and "kondisi_akhir" in i.unconfirmed for i in (ikm, aduan, desa))
    text = (offices / FILE).read_text(encoding="utf-8")
    assert "tabel 3 (target) tanpa kolom Kondisi Akhir; dibiarkan kosong, tidak diambil dari target tahun terakhir" \
        in text
    assert "# kondisi awal tahun 2024: kolom 'Kondisi Awal (2024)' dokumen IKU (bukan target)" in text
    # the summary shows the target table as read
    assert "Tabel target yang terbaca (cocokkan dengan dokumen):" in result.output
    assert re.search(r"No\s+Satuan\s+Awal\s+2025\s+2026\s+2027\s+2028\s+2029\s+Akhir\s+Indikator", result.output)
    assert re.search(r"2\s+persen\s+12%\s+10%\s+9%\s+8%\s+7%\s+6%\s+\u2013\s+Persentase Aduan", result.output)
    assert "tidak ada kolom" not in result.output and "tanpa judul kolom" not in result.output


def test_two_header_rows_with_units_and_a_dated_kondisi_akhir(tmp_path, offices):
    head = [["No", "Indikator Kinerja", "Satuan", "Kondisi Kinerja Awal (2024)", "Target", "<", "<", "<", "<",
             "Kondisi Akhir (2029)"],
            ["^", "^", "^", "^", *[str(y) for y in YEARS], "^"]]
    rows = [[str(n), name, unit, L.FIGURES[name][0].rstrip("%"), *[t.rstrip("%") for t in L.FIGURES[name][1]],
             L.FIGURES[name][2].rstrip("%")] for n, (name, unit) in enumerate(
        [(L.IKM, "Nilai"), (L.ADUAN, "%"), (L.DESA, "Desa")], start=1)]
    result = imported(L.document(tmp_path / "iku.docx", L.level_table(), [*head, *rows]))
    assert result.exit_code == 0, result.output
    ikm, aduan, desa = catalogue.load(offices / FILE).indicators
    assert [i.unit for i in (ikm, aduan, desa)] == ["nilai", "persen", "desa"]
    assert (ikm.targets, aduan.targets, desa.targets) == (IKM_TARGETS, ADUAN_TARGETS, DESA_TARGETS)
    assert (ikm.end_target, aduan.end_target, desa.end_target) == (D(86), D(6), D(6))
    assert (ikm.baseline, aduan.baseline) == (D("80.50"), D(12))
    assert not any("satuan" in i.unconfirmed or "kondisi_akhir" in i.unconfirmed for i in (ikm, aduan, desa))
    text = (offices / FILE).read_text(encoding="utf-8")
    assert "# satuan: tabel 3 (target), baris 4, kolom Satuan: '%'" in text


def test_cascade_table_keeps_the_sasaran_and_the_tujuan_above_it(tmp_path, offices):
    head = ["No", "Tujuan", "Sasaran", "Indikator Kinerja", "Definisi Operasional", "Formulasi Perhitungan", "Satuan",
            "Kondisi Awal (2024)", *[str(y) for y in YEARS], "Kondisi Akhir (2029)"]
    rows = [[str(n), L.TUJUAN if n == 1 else "^", objective, name, L.DEFINITIONS[name], L.FORMULAS[name], unit,
             *[L.FIGURES[name][0], *L.FIGURES[name][1], L.FIGURES[name][2]]]
            for n, (objective, name, unit) in enumerate(
                [(L.SASARAN_1, L.IKM, "Nilai"), (L.SASARAN_2, L.ADUAN, "%"), ("^", L.DESA, "Desa")], start=1)]
    result = imported(L.document(tmp_path / "iku.docx", [head, *rows]))
    assert result.exit_code == 0, result.output
    assert "Indikator: 3 (0 tujuan, 3 sasaran, 0 program, 0 tabel target saja)" in result.output
    ikm, aduan, desa = catalogue.load(offices / FILE).indicators
    assert [(i.level, i.objective) for i in (ikm, aduan, desa)] == [
        ("sasaran", L.SASARAN_1), ("sasaran", L.SASARAN_2), ("sasaran", L.SASARAN_2)]
    assert {i.above for i in (ikm, aduan, desa)} == {(("tujuan", L.TUJUAN),)}
    assert [i.definition for i in (ikm, aduan, desa)] == [L.DEFINITIONS[n] for n in (L.IKM, L.ADUAN, L.DESA)]
    assert (ikm.targets, aduan.targets, desa.targets) == (IKM_TARGETS, ADUAN_TARGETS, DESA_TARGETS)
    assert (ikm.baseline, aduan.end_target, desa.end_target) == (D("80.50"), D(6), D(6))
    assert [i.unit for i in (ikm, aduan, desa)] == ["nilai", "persen", "desa"]


SASARAN_STRATEGIS = [
    ["No", "", "Sasaran Strategis", "Indikator Kinerja Utama", "Alasan/Penjelasan", "Sumber Data"],
    ["1", "", L.SASARAN_1, L.IKM, L.FORMULAS[L.IKM], "Aplikasi SKM Kecamatan"],
    ["No", "", "Sasaran Strategis", "Indikator Kinerja Utama", "Alasan/Penjelasan", "Sumber Data"],  # next page
    ["2", "", L.SASARAN_2, L.ADUAN, L.FORMULAS[L.ADUAN], "Register Pengaduan"],
    ["3", "", "^", L.DESA, L.FORMULAS[L.DESA], "Status Indeks Desa"],
]


def test_merged_sasaran_strategis_repeated_headers_and_spacer_columns(tmp_path, offices):
    targets_table = L.target_table(baseline=None, end="Kondisi Akhir")
    repeated = [targets_table[0], *targets_table[1:3], targets_table[0], targets_table[3]]  # header again on page 2
    result = imported(L.document(tmp_path / "iku.docx", SASARAN_STRATEGIS, repeated))
    assert result.exit_code == 0, result.output
    ikm, aduan, desa = catalogue.load(offices / FILE).indicators
    assert [(i.number, i.level, i.objective) for i in (ikm, aduan, desa)] == [
        (1, "sasaran", L.SASARAN_1), (2, "sasaran", L.SASARAN_2), (3, "sasaran", L.SASARAN_2)]
    assert [i.formula for i in (ikm, aduan, desa)] == [L.FORMULAS[n] for n in (L.IKM, L.ADUAN, L.DESA)]
    assert [i.data_origin for i in (ikm, aduan, desa)] == ["Aplikasi SKM Kecamatan", "Register Pengaduan",
                                                          "Status Indeks Desa"]
    # no Definisi Operasional column: empty and marked, not refused
    assert all(i.definition == "" and "definisi" in i.unconfirmed for i in (ikm, aduan, desa))
    assert (ikm.targets, desa.targets, desa.end_target) == (IKM_TARGETS, DESA_TARGETS, D(6))
    assert "dokumen tanpa kolom Definisi Operasional" in result.output


@pytest.mark.parametrize("title", ["Formulasi", "Formulasi Perhitungan", "Cara Pengukuran", "Rumus",
                                   "Alasan/ Penjelasan", "Formulasi\nPerhitungan (Rumus)"])
def test_formula_column_names(tmp_path, offices, title):
    table = L.level_table()
    table[0][3:5] = ["Definisi\nOperasional", title]
    result = imported(L.document(tmp_path / "iku.docx", table, L.target_table(baseline=None)))
    assert result.exit_code == 0, result.output
    ikm = catalogue.load(offices / FILE).indicators[0]
    assert (ikm.definition, ikm.formula) == (L.DEFINITIONS[L.IKM], L.FORMULAS[L.IKM])
    assert not ikm.unconfirmed or "formula" not in ikm.unconfirmed


def test_targets_inside_the_indicator_table(tmp_path, offices):
    head = ["No", "Sasaran", "Indikator", "Definisi Operasional", "Formulasi Perhitungan", "Penanggung Jawab",
            "Baseline 2024", *[f"Target {y}" for y in YEARS], "Target Akhir Renstra"]
    rows = [[str(n), objective, name, L.DEFINITIONS[name], L.FORMULAS[name], "Kasi Pelayanan", L.FIGURES[name][0],
             *L.FIGURES[name][1], L.FIGURES[name][2]]
            for n, (objective, name) in enumerate([(L.SASARAN_1, L.IKM), (L.SASARAN_2, L.ADUAN)], start=1)]
    result = imported(L.document(tmp_path / "iku.docx", [head, *rows]))
    assert result.exit_code == 0, result.output
    ikm, aduan = catalogue.load(offices / FILE).indicators
    assert (ikm.targets, aduan.targets, ikm.end_target) == (IKM_TARGETS, ADUAN_TARGETS, D(86))
    assert (ikm.baseline, ikm.responsible) == (D("80.50"), "Kasi Pelayanan")
    assert "tidak ada di tabel target" not in result.output


def test_target_row_that_matches_no_indicator_is_refused(tmp_path, offices):
    table = L.target_table(baseline=None)
    table[1][1] = "IKM Kecamatan"  # the document's indicator 1 is "Indeks Kepuasan Masyarakat"
    result = imported(L.document(tmp_path / "iku.docx", L.level_table(), table))
    assert result.exit_code == 1
    assert ("tabel 3 (target), baris 2: 'IKM Kecamatan' tidak cocok dengan nama indikator mana pun, padahal nomor 1 "
            "dipakai indikator 'Indeks Kepuasan Masyarakat'") in result.output
    assert list(offices.iterdir()) == []


def test_two_tables_giving_different_targets_are_refused(tmp_path, offices):
    head = ["No", "Sasaran", "Indikator", "Definisi Operasional", "Formulasi Perhitungan", *[str(y) for y in YEARS]]
    inline = [head, ["1", L.SASARAN_1, L.IKM, L.DEFINITIONS[L.IKM], L.FORMULAS[L.IKM], "82", "83", "84", "85", "88"]]
    result = imported(L.document(tmp_path / "iku.docx", inline, L.target_table(baseline=None, names=[L.IKM])))
    assert result.exit_code == 1
    assert ("target 2029 'Indeks Kepuasan Masyarakat' berbeda: tabel 2 (Sasaran), baris 2 ('88') dan tabel 3 "
            "(target), baris 2 ('86')") in result.output


def test_title_and_target_table_years_that_disagree_are_refused(tmp_path, offices):
    later = [str(y) for y in range(2026, 2031)]
    result = imported(L.document(tmp_path / "iku.docx", L.level_table(), L.target_table(years=later)))
    assert result.exit_code == 1
    assert ("judul dokumen menyebut periode 2025-2029, tetapi tabel 3 memuat kolom target tahun 2026-2030; samakan "
            "periodenya") in result.output
    result = imported(L.document(tmp_path / "b.docx", L.level_table(),
                                 L.target_table(years=[f"Tahun ke-{n}" for n in range(1, 7)])))
    assert result.exit_code == 1
    assert "tabel 3: kolom 'Tahun ke-6' di luar periode 2025-2029 (5 tahun)" in result.output
    assert list(offices.iterdir()) == []


def test_table_split_over_two_pages_without_its_header(tmp_path, offices):
    table = L.target_table()
    result = imported(L.document(tmp_path / "iku.docx", L.level_table(), table[:3], table[3:]))
    assert result.exit_code == 0, result.output
    assert "tabel 4: tanpa baris judul; dibaca sebagai lanjutan tabel 3" in result.output
    ikm, aduan, desa = catalogue.load(offices / FILE).indicators
    assert (desa.targets, desa.baseline, desa.end_target) == (DESA_TARGETS, D(1), D(6))


def test_headerless_target_table_beside_one_with_year_headers_is_refused(tmp_path, offices):
    table = L.target_table(baseline=None)
    headerless = [["4", "Persentase Desa Tertib Administrasi", "80%", "85%", "90%", "95%", "100%", "100%"]]
    parts = [*L.title(), L.office_table(), L.level_table(), "", table, "Target indikator tambahan:", headerless,
             *L.signer()]
    result = imported(L.build(tmp_path / "iku.docx", parts))
    assert result.exit_code == 1
    assert "tabel 4: tabel target tanpa baris judul, padahal tabel 3 (target), baris 2 menyebut tahun" in result.output


def test_target_and_realisasi_under_each_year_and_a_satuan_under_the_indicator(tmp_path, offices):
    head = [["No", "Indikator Kinerja", "<", "Realisasi 2024", *[x for y in YEARS for x in (str(y), "<")]],
            ["^", "Uraian", "Satuan", "^", *["Target", "Realisasi"] * 5]]
    rows = [["1", L.IKM, "Nilai", "80", *[x for t in L.FIGURES[L.IKM][1] for x in (t, "")]],
            ["2", L.ADUAN, "%", "12", *[x for t in L.FIGURES[L.ADUAN][1] for x in (t.rstrip("%"), "")]]]
    result = imported(L.document(tmp_path / "iku.docx", L.level_table(), [*head, *rows]))
    assert result.exit_code == 0, result.output
    ikm, aduan, desa = catalogue.load(offices / FILE).indicators
    assert (ikm.unit, aduan.unit, ikm.targets, aduan.targets) == ("nilai", "persen", IKM_TARGETS, ADUAN_TARGETS)
    assert ikm.baseline is None and not ikm.workbook_targets  # a realisation is never a target nor a baseline
    assert "indikator 3 'Jumlah Desa Mandiri' tidak ada di tabel target: targetnya kosong" in result.output


@pytest.mark.parametrize(("top", "below", "baseline"), [
    (["Kondisi Awal", "Target", "<", "<", "<", "<"], [f"Tahun ke-{n}" for n in range(1, 6)], "Kondisi Awal"),
    (["Baseline", "Target Tahun", "<", "<", "<", "<"], [str(y) for y in YEARS], "Baseline"),
    (["Kondisi Awal", "Target Tahun", "<", "<", "<", "<"], [f"ke-{n}" for n in range(1, 6)], "Kondisi Awal"),
], ids=["target-over-tahun-ke", "baseline-and-target-tahun-over-years", "target-tahun-over-ke"])
def test_two_header_rows_without_kondisi_akhir_put_every_year_in_place(tmp_path, offices, top, below, baseline):
    head = [["No", "Indikator Kinerja", *top], ["^", "^", "^", *below]]
    rows = [[str(n), name, L.FIGURES[name][0], *L.FIGURES[name][1]] for n, name in enumerate(L.FIGURES, start=1)]
    result = imported(L.document(tmp_path / "iku.docx", L.level_table(), [*head, *rows]))
    assert result.exit_code == 0, result.output
    ikm, aduan, desa = catalogue.load(offices / FILE).indicators
    assert (ikm.targets, aduan.targets, desa.targets) == (IKM_TARGETS, ADUAN_TARGETS, DESA_TARGETS)
    assert (ikm.baseline, aduan.baseline, desa.baseline) == (D("80.50"), D(12), D(1))
    assert all(i.baseline_year is None for i in (ikm, aduan, desa))  # the header names no year
    assert all(i.end_target is None and "kondisi_akhir" in i.unconfirmed for i in (ikm, aduan, desa))
    assert f"kolom '{baseline}' dokumen IKU (bukan target)" in (offices / FILE).read_text(encoding="utf-8")
    assert re.search(r"3\s+desa\s+1\s+2\s+3\s+4\s+5\s+6\s+\u2013\s+Jumlah Desa Mandiri", result.output)
    assert "kondisi_akhir: tabel 3 (target) tanpa kolom Kondisi Akhir; dibiarkan kosong, tidak diambil dari target " \
           "tahun terakhir" in result.output


def test_summary_lists_every_periksa_item_of_every_indicator(tmp_path, offices):
    result = imported(L.document(tmp_path / "iku.docx", SASARAN_STRATEGIS, L.target_table(end=None)))
    assert result.exit_code == 0, result.output
    assert "Perlu dipastikan (ditandai 'periksa' di katalog): 3 indikator" in result.output
    for ind in catalogue.load(offices / FILE).indicators:
        line = next(x for x in result.output.splitlines() if x.strip().startswith(f"- {ind.number} '"))
        assert ind.unconfirmed and all(f"{key}: " in line for key in ind.unconfirmed), (line, ind.unconfirmed)
