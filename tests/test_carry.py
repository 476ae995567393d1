"""`template --from`: last year's workbook carried into the new year, within a period and across a period change."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import identity_row, run_cli, sha
from docx_text import full_text, tables
from openpyxl import load_workbook

from iku import catalogue, layout, pipeline
from iku.check.cells import norm

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
MANTUP = ROOT / "iku" / "offices" / "mantup_2021-2026.toml"
RENAMED = "Indeks Kepuasan Pegawai Kecamatan"  # continues "IKM Internal Kecamatan" (lanjutan)
DROPPED = "Persentase Urusan Pemeritahan Umum yang Diselenggarakan"  # renamed without lanjutan: not continued


def next_period(text: str, first: int = 2025, last: int = 2029) -> str:
    """Mantup's catalogue moved to another period (FIKTIF, for the tests only): the same targets per position,
    indicator 5 renamed with `lanjutan`, indicator 9 renamed without it."""
    text = text.replace("periode_awal = 2021", f"periode_awal = {first}").replace("periode_akhir = 2026",
                                                                                 f"periode_akhir = {last}")
    text = text.replace("tahun_dasar_desa = 2020", f"tahun_dasar_desa = {first - 1}")

    def targets(match: re.Match) -> str:
        values = re.findall(r'= ("[^"]*")', match.group(0))
        values = (values + [values[-1]] * 10)[: last - first + 1]
        return "target = { " + ", ".join(f"{y} = {v}" for y, v in zip(range(first, last + 1), values,
                                                                           strict=True)) + " }"

    text = re.sub(r"^target = \{[^}]*\}", targets, text, flags=re.MULTILINE)
    text = text.replace('nama = "IKM Internal Kecamatan"', f'nama = "{RENAMED}"\nlanjutan = "IKM Internal Kecamatan"')
    return text.replace(f'nama = "{DROPPED}"', 'nama = "Persentase Urusan Pemerintahan Umum Terselenggara"')


@pytest.fixture
def two_periods(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "offices"
    folder.mkdir()
    shutil.copy(MANTUP, folder / MANTUP.name)
    (folder / "mantup_2025-2029.toml").write_text(next_period(MANTUP.read_text(encoding="utf-8")),
                                                  encoding="utf-8")
    monkeypatch.setattr(catalogue, "OFFICES_DIR", folder)
    return folder


@pytest.fixture(scope="module")
def sample_results():
    return pipeline.check(SAMPLE, [catalogue.load(MANTUP)])


def row_of(ws, name: str) -> int:
    return next(r for r in range(5, ws.max_row + 1) if ws.cell(row=r, column=2).value == name)


def column_of(ws, title: str) -> int:
    return next(c.column for c in ws[4] if c.value == title)


def value(ws, name: str, title: str):
    return ws.cell(row=row_of(ws, name), column=column_of(ws, title))


def percent(cell) -> Decimal:
    return round(Decimal(str(cell.value)) * 100, 2)


def test_within_the_period_typed_and_computed_realisations_targets_identity_and_history(tmp_path,
                                                                                         sample_results):
    before = sha(SAMPLE)
    path = tmp_path / "2026.xlsx"
    result = run_cli("template", path, "--year", "2026", "--from", SAMPLE)
    assert result.exit_code == 0, result.output
    assert sha(SAMPLE) == before
    out = result.output
    assert "diisi dari CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx" in out
    assert "Tidak dibawa, karena milik tahunnya sendiri: SKM (jawaban survei tahunnya sendiri)" in out
    assert "Triwulan (realisasi triwulan tahun laporan); Analisis (analisis tahun laporan)" in out
    assert "Status Desa: 15 baris dibawa; kolom tahun 2026 dibiarkan kosong untuk diisi." in out
    wb = load_workbook(path)
    ws = wb[layout.SHEET_REALISATION]
    by_number = {n: {a.year: a for a in rows} for n, rows in sample_results.achievements.items()}
    typed = computed = recomputed = 0
    for ind in sample_results.catalogue.indicators:
        for year in range(2021, 2026):
            a = by_number[ind.number][year]
            cell = value(ws, ind.name, f"Realisasi {year}")
            if a.realisation is None:
                assert cell.value is None
                continue
            if not (a.computed and a.source in (layout.SHEET_VILLAGES, layout.SHEET_SAKIP)):
                shown = percent(cell) if ind.is_percent else round(Decimal(str(cell.value)), 2)
                assert shown == round(a.realisation, 2), (ind.name, year)
            if a.computed and a.source in (layout.SHEET_VILLAGES, layout.SHEET_SAKIP):
                assert cell.value is None  # the carried sheet computes it again
                assert cell.comment.text.startswith(f"Dihitung dari lembar {a.source}, yang dibawa dari buku kerja")
                recomputed += 1
                continue
            if a.computed:
                computed += 1
                assert cell.comment.text == (f"Dihitung dari data {a.source} buku kerja 2025 "
                                             "(CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx).")
            else:
                typed += 1
                assert cell.comment is None
        assert value(ws, ind.name, "Realisasi 2026").value is None
    assert typed and computed and recomputed
    assert f"{typed + computed} realisasi tahun sebelum 2026 dibawa ({typed} diketik, {computed} hasil hitung" in out
    ikm = value(ws, "Nilai IKM", "Realisasi 2025")
    assert ikm.comment.text.startswith("Dihitung dari data SKM buku kerja 2025")
    # targets typed from the Renstra in the old workbook, in the yellow cells
    ikm_ind = next(i for i in sample_results.catalogue.indicators if i.name == "Nilai IKM")
    assert 2026 in ikm_ind.workbook_targets
    assert round(Decimal(str(value(ws, "Nilai IKM", "Target 2026").value)), 2) == ikm_ind.targets[2026]
    ident = wb[layout.SHEET_IDENTITY]
    old = sample_results.report.identity
    assert ident.cell(row=identity_row(layout.ID_NAME), column=2).value == old.signatory.name
    assert ident.cell(row=identity_row(layout.ID_NIP), column=2).value == old.signatory.nip
    assert ident.cell(row=identity_row(layout.ID_YEAR), column=2).value == 2026
    assert ident.cell(row=identity_row(layout.ID_DATE), column=2).value is None
    # a sample stays a sample: its invented figures never become official by being carried
    assert ident.cell(row=identity_row(layout.ID_STATUS), column=2).value == layout.STATUS_SAMPLE
    assert "Status Data tetap CONTOH, karena buku kerja lama adalah contoh." in out
    assert ident.cell(row=identity_row(layout.ID_POPULATION), column=2).value == sample_results.report.population
    villages = wb[layout.SHEET_VILLAGES]
    old_villages = load_workbook(SAMPLE)[layout.SHEET_VILLAGES]
    status = {norm(c.value): c.column for c in villages[4] if c.value}
    old_status = {norm(c.value): c.column for c in old_villages[4] if c.value}
    for row in range(5, 20):
        assert villages.cell(row=row, column=1).value == old_villages.cell(row=row, column=1).value
        for year in range(2020, 2026):
            key = norm(f"Status {year}")
            assert villages.cell(row=row, column=status[key]).value == \
                old_villages.cell(row=row, column=old_status[key]).value
        assert villages.cell(row=row, column=status[norm("Status 2026")]).value is None
    assert wb[layout.SHEET_SKM].max_row < 10 or all(c.value is None for c in wb[layout.SHEET_SKM][6])
    check = run_cli("check", path)
    assert check.exit_code == 0, check.output


@pytest.fixture
def carried_2026(tmp_path, two_periods) -> Path:
    path = tmp_path / "2026.xlsx"
    result = run_cli("template", path, "--year", "2026", "--period", "2021-2026", "--from", SAMPLE)
    assert result.exit_code == 0, result.output
    return path


def test_sample_still_builds_under_its_period_beside_a_second_one(tmp_path, two_periods):
    result = run_cli("build", SAMPLE, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "hasil" / "mantup-2025-CONTOH" / "CONTOH_IKU_Kecamatan_Mantup_2021-2026.docx").exists()


def test_across_a_period_change_continuing_indicators_bring_their_history(tmp_path, carried_2026):
    path = tmp_path / "2027.xlsx"
    result = run_cli("template", path, "--year", "2027", "--from", carried_2026)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "periode Renstra 2025-2029" in out
    assert "riwayat 2021-2024 dari periode Renstra 2021-2026 dibawa untuk 9 indikator yang dilanjutkan" in out
    assert f"Tidak dibawa (tidak dilanjutkan periode 2025-2029): {DROPPED}." in out
    assert "target yang diketik tidak dibawa: itu target Renstra 2021-2026, bukan periode 2025-2029" in out
    assert "Indikator baru tanpa riwayat: Persentase Urusan Pemerintahan Umum Terselenggara." in out
    assert "Periksa katalog" not in out
    wb = load_workbook(path)
    ws = wb[layout.SHEET_REALISATION]
    titles = [c.value for c in ws[4] if c.value]
    assert titles[3:5] == ["Target 2021", "Realisasi 2021"]
    assert "Realisasi 2029" in titles and titles[-1] == "Kondisi Akhir"
    old = load_workbook(carried_2026)[layout.SHEET_REALISATION]
    for name, was in (("Nilai IKM", "Nilai IKM"), (RENAMED, "IKM Internal Kecamatan")):
        for year in (2021, 2024, 2025):
            assert value(ws, name, f"Realisasi {year}").value == value(old, was, f"Realisasi {year}").value
    assert value(ws, "Nilai IKM", "Realisasi 2021").protection.locked
    assert value(ws, "Nilai IKM", "Realisasi 2026").value is None  # nothing reported for 2026 yet
    assert value(ws, "Nilai IKM", "Realisasi 2027").value is None
    assert value(ws, "Persentase Urusan Pemerintahan Umum Terselenggara", "Realisasi 2024").value is None
    ident = wb[layout.SHEET_IDENTITY]
    assert ident.cell(row=identity_row(layout.ID_PERIOD), column=2).value == "2025-2029"
    # the new year's documents: the new period's targets, the old period's years as history
    wb2 = load_workbook(path)
    fill_2026 = wb2[layout.SHEET_REALISATION]
    value(fill_2026, "Persentase Desa Naik Kelas", "Realisasi 2026").value = 0.5
    wb2.save(path)
    built = run_cli("build", path, "--output", tmp_path / "hasil")
    assert built.exit_code == 0, built.output
    folder = tmp_path / "hasil" / "mantup-2027-CONTOH"
    iku = tables(folder / "CONTOH_IKU_Kecamatan_Mantup_2025-2029.docx")[-2]
    assert iku[1][2:7] == ["2025", "2026", "2027", "2028", "2029"]
    lkjip = full_text(folder / "CONTOH_LKjIP_Kecamatan_Mantup_2027.docx")
    assert "Rencana Strategis Kecamatan Mantup 2025-2029" in lkjip
    assert "Tahun 2021-2024 termasuk periode Renstra sebelumnya (target dan realisasi periode itu); indikator ini " \
           "dilanjutkan dalam Renstra 2025-2029." in lkjip
    assert "Target dan realisasi Nilai IKM, 2021-2027" in lkjip
    pk = folder / "CONTOH_Perjanjian_Kinerja_Kecamatan_Mantup_2027.docx"
    assert "Strategis 2025-2029" in full_text(pk)
    rows = {r[1]: r[-1] for t in tables(pk) for r in t if len(r) >= 3}
    assert rows["Persentase Desa Naik Kelas"] == "33,33%"  # the 2025-2029 catalogue's target for 2027


def test_a_lanjutan_naming_no_old_indicator_is_pointed_out(tmp_path, two_periods, carried_2026):
    new = two_periods / "mantup_2025-2029.toml"
    new.write_text(new.read_text(encoding="utf-8").replace('lanjutan = "IKM Internal Kecamatan"',
                                                           'lanjutan = "IKM Internal"'), encoding="utf-8")
    result = run_cli("template", tmp_path / "2027.xlsx", "--year", "2027", "--from", carried_2026)
    assert result.exit_code == 0, result.output
    assert (f"Periksa katalog: lanjutan 'IKM Internal' pada indikator '{RENAMED}' tidak ada di periode 2021-2026; "
            "tulis nama lamanya persis.") in result.output
    assert "IKM Internal Kecamatan" in result.output.split("Tidak dibawa (tidak dilanjutkan")[1]


def _refused(result, path: Path, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    for fragment in fragments:
        assert fragment in result.output, result.output
    assert not path.exists()


def test_from_a_year_not_before_the_new_one(tmp_path):
    path = tmp_path / "baru.xlsx"
    _refused(run_cli("template", path, "--year", "2025", "--from", SAMPLE), path,
             "adalah buku kerja tahun 2025; yang dibawa harus tahun sebelum 2025.")


def test_from_the_same_path(tmp_path):
    path = tmp_path / "lama.xlsx"
    _refused(run_cli("template", path, "--year", "2026", "--from", path), path, "sama dengan buku kerja yang akan "
             "ditulis")


def test_from_a_missing_or_damaged_workbook(tmp_path):
    path = tmp_path / "baru.xlsx"
    _refused(run_cli("template", path, "--year", "2026", "--from", tmp_path / "tidak_ada.xlsx"), path,
             "tidak_ada.xlsx: file tidak ada.")
    damaged = tmp_path / "rusak.xlsx"
    damaged.write_bytes(b"PK\x03\x04 bukan buku kerja")
    _refused(run_cli("template", path, "--year", "2026", "--from", damaged), path, "rusak.xlsx")


def test_from_a_workbook_with_errors_names_each_by_sheet_and_cell(tmp_path):
    old = tmp_path / "lama.xlsx"
    shutil.copy(SAMPLE, old)
    wb = load_workbook(old)
    ws = wb[layout.SHEET_REALISATION]
    value(ws, "Jumlah Desa Maju", "Realisasi 2022").value = "tiga"
    wb.save(old)
    before = sha(old)
    path = tmp_path / "baru.xlsx"
    result = run_cli("template", path, "--year", "2026", "--from", old)
    _refused(result, path, "buku kerja --from lama.xlsx tidak sah, jadi tidak ada yang ditulis", "Realisasi!")
    assert sha(old) == before


def test_from_another_office(tmp_path, monkeypatch):
    folder = tmp_path / "offices"
    folder.mkdir()
    shutil.copy(MANTUP, folder / MANTUP.name)
    other = MANTUP.read_text(encoding="utf-8").replace('kode = "mantup"', 'kode = "uji"').replace(
        'nama = "Kecamatan Mantup"', 'nama = "Kecamatan Uji"', 1)
    (folder / "uji_2021-2026.toml").write_text(other, encoding="utf-8")
    monkeypatch.setattr(catalogue, "OFFICES_DIR", folder)
    path = tmp_path / "baru.xlsx"
    _refused(run_cli("template", path, "--office", "uji", "--year", "2026", "--from", SAMPLE), path,
             "adalah buku kerja Kecamatan Mantup, bukan Kecamatan Uji.")


def test_from_a_period_the_new_one_does_not_continue(tmp_path, monkeypatch):
    folder = tmp_path / "offices"
    folder.mkdir()
    shutil.copy(MANTUP, folder / MANTUP.name)
    (folder / "mantup_2028-2032.toml").write_text(next_period(MANTUP.read_text(encoding="utf-8"), 2028, 2032),
                                                  encoding="utf-8")
    monkeypatch.setattr(catalogue, "OFFICES_DIR", folder)
    path = tmp_path / "baru.xlsx"
    _refused(run_cli("template", path, "--year", "2028", "--from", SAMPLE), path,
             "periode Renstra 2028-2032 tidak melanjutkan periode 2021-2026")


def test_history_is_not_held_to_the_new_periods_range(tmp_path, two_periods, carried_2026):
    """An earlier period's figure was measured under that period's catalogue; a narrower range in the new
    catalogue does not make `check` refuse the history it carries."""
    new = two_periods / "mantup_2025-2029.toml"
    new.write_text(new.read_text(encoding="utf-8").replace("rentang = [25, 100]", "rentang = [82.2, 100]", 1),
                   encoding="utf-8")
    path = tmp_path / "2027.xlsx"
    assert run_cli("template", path, "--year", "2027", "--from", carried_2026).exit_code == 0
    wb = load_workbook(path)
    assert value(wb[layout.SHEET_REALISATION], "Nilai IKM", "Realisasi 2021").value < 82.2
    result = run_cli("check", path)
    assert result.exit_code == 0, result.output
    ws = wb[layout.SHEET_REALISATION]
    value(ws, "Nilai IKM", "Realisasi 2026").value = 80
    wb.save(path)
    result = run_cli("check", path)
    assert result.exit_code == 1
    assert "realisasi 'Nilai IKM' 80 di luar rentang 82,2-100" in result.output


def test_an_empty_period_cell_is_named_as_empty(tmp_path, carried_2026):
    path = tmp_path / "2027.xlsx"
    assert run_cli("template", path, "--year", "2027", "--from", carried_2026).exit_code == 0
    wb = load_workbook(path)
    wb[layout.SHEET_IDENTITY].cell(row=identity_row(layout.ID_PERIOD), column=2).value = None
    wb.save(path)
    result = run_cli("check", path)
    assert result.exit_code == 1
    assert ("Periode Renstra kosong, dan Kecamatan Mantup punya lebih dari satu periode Renstra (2021-2026, "
            "2025-2029); isi periode buku kerja ini") in result.output
    assert "tidak ada" not in result.output
