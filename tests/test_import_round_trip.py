"""Offices imported from IKU documents in other layouts build their full set: `office import`, `template`, a
filled workbook, `build`; and the IKU document the tool writes for them reads back as the same catalogue."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import iku_layout_builder as L
import pytest
from conftest import run_cli
from docx_text import tables
from openpyxl import load_workbook

from iku import catalogue
from iku.workbook.template import fill

FILE = "wanasari_2025-2029.toml"
YEARS = [str(y) for y in range(2025, 2030)]
COMPARED = ("number", "level", "objective", "name", "formula", "unit", "unit_written", "targets", "end_target",
            "data_origin", "responsible")



def built(tmp_path: Path, offices: Path, document: Path, realisations: dict) -> tuple[catalogue.Catalogue, Path, str]:
    result = run_cli("office", "import", document)
    assert result.exit_code == 0, result.output
    cat = catalogue.load(offices / FILE)
    workbook = tmp_path / "realisasi.xlsx"
    made = run_cli("template", workbook, "--office", "wanasari", "--year", "2025")
    assert made.exit_code == 0, made.output
    wb = load_workbook(workbook)
    fill(wb, cat, realisations)
    wb.save(workbook)
    out = tmp_path / "hasil"
    result = run_cli("build", workbook, "--output", out)
    assert result.exit_code == 0, result.output
    return cat, out / "wanasari-2025", result.output


def reads_back(tmp_path: Path, offices: Path, cat: catalogue.Catalogue, folder: Path) -> None:
    (offices / FILE).rename(tmp_path / FILE)
    result = run_cli("office", "import", folder / "IKU_Kecamatan_Wanasari_2025-2029.docx")
    assert result.exit_code == 0, result.output
    again = catalogue.load(offices / FILE)
    for want, have in zip(cat.indicators, again.indicators, strict=True):
        for name in COMPARED:
            assert getattr(have, name) == getattr(want, name), (want.number, name)


def measured(folder: Path) -> dict[str, tuple]:
    ws = load_workbook(folder / "Pengukuran_Kinerja_Kecamatan_Wanasari_2025.xlsx")["Pengukuran 2025"]
    return {r[1].value: tuple(c.value for c in r) for r in ws.iter_rows() if isinstance(r[0].value, int)}


def test_kondisi_awal_and_target_tahun_layout_builds_with_every_year_in_place(tmp_path, offices):
    document = L.document(tmp_path / "iku.docx", L.level_table(),
                          L.target_table(years=[f"Target Tahun {y}" for y in YEARS], end=None))
    cat, folder, output = built(tmp_path, offices, document, {1: {2025: 82}, 2: {2025: 10}, 3: {2025: 2}})
    iku = tables(folder / "IKU_Kecamatan_Wanasari_2025-2029.docx")
    # the document has no Satuan, Sumber Data or Penanggung Jawab column, and the tool's IKU document none either
    assert next(t for t in iku if t[0][:2] == ["No", "Sasaran"])[0] == [
        "No", "Sasaran", "Indikator", "Definisi Operasional", "Formulasi Perhitungan"]
    rows = {row[1]: row[2:] for row in iku[-2] if row[0].isdigit()}
    assert rows[L.IKM] == ["82", "83", "84", "85", "86", "\u2013"]
    assert rows[L.ADUAN] == ["10%", "9%", "8%", "7%", "6%", "\u2013"]
    assert rows[L.DESA] == ["2 desa", "3 desa", "4 desa", "5 desa", "6 desa", "\u2013"]
    pk = [t for t in tables(folder / "Perjanjian_Kinerja_Kecamatan_Wanasari_2025.docx") if any(L.IKM in c for r in t
                                                                                                 for c in r)]
    assert any("82" in row[-1] for t in pk for row in t if L.IKM in " ".join(row))
    # one warning for the office names what is still to confirm
    warnings = [line for line in output.splitlines() if "belum dipastikan (periksa)" in line]
    assert len(warnings) == 1
    assert f"Katalog {FILE} (Kecamatan Wanasari)" in warnings[0]
    assert "indikator 2 'Persentase Aduan Masyarakat yang Tidak Tertangani' (kondisi_akhir, polaritas)" in warnings[0]
    reads_back(tmp_path, offices, cat, folder)


def test_cascade_table_builds_and_reads_back(tmp_path, offices):
    head = ["No", "Tujuan", "Sasaran", "Indikator Kinerja", "Definisi Operasional", "Formulasi Perhitungan", "Satuan",
            *YEARS, "Kondisi Akhir (2029)"]
    rows = [[str(n), L.TUJUAN if n == 1 else "^", objective, name, L.DEFINITIONS[name], L.FORMULAS[name], unit,
             *L.FIGURES[name][1], L.FIGURES[name][2]]
            for n, (objective, name, unit) in enumerate(
                [(L.SASARAN_1, L.IKM, "Nilai"), (L.SASARAN_2, L.ADUAN, "%"), ("^", L.DESA, "Desa")], start=1)]
    document = L.document(tmp_path / "iku.docx", [head, *rows])
    cat, folder, _ = built(tmp_path, offices, document, {1: {2025: 83}, 2: {2025: 9}, 3: {2025: 2}})
    iku = tables(folder / "IKU_Kecamatan_Wanasari_2025-2029.docx")
    sasaran = next(t for t in iku if t[0][:3] == ["No", "Sasaran", "Indikator"])
    assert [row[1:3] for row in sasaran[1:]] == [[L.SASARAN_1, L.IKM], [L.SASARAN_2, L.ADUAN], [L.SASARAN_2, L.DESA]]
    assert not any(t[0][1] == "Tujuan" for t in iku if t and t[0] and t[0][0] == "No")
    reads_back(tmp_path, offices, cat, folder)


def test_sumber_data_penanggung_jawab_and_a_lower_is_better_indicator(tmp_path, offices):
    level = [["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Formulasi Perhitungan", "Satuan", "Polaritas",
              "Sumber Data", "Penanggung Jawab"],
             ["1", L.SASARAN_1, L.IKM, L.FORMULAS[L.IKM], "Nilai", "Positif", "Aplikasi SKM", "Kasi Pelayanan Umum"],
             ["2", L.SASARAN_2, L.ADUAN, L.FORMULAS[L.ADUAN], "%", "Negatif (menurun)", "Register Pengaduan",
              "Kasi Trantib"]]
    document = L.document(tmp_path / "iku.docx", level, L.target_table(names=[L.IKM, L.ADUAN]))
    cat, folder, _ = built(tmp_path, offices, document, {1: {2025: 82}, 2: {2025: 7}})
    ikm, aduan = cat.indicators
    assert (ikm.higher_is_better, aduan.higher_is_better, aduan.lower_formula) == (True, False, "selisih")
    assert (aduan.data_origin, aduan.responsible, aduan.targets[2025]) == ("Register Pengaduan", "Kasi Trantib", D(10))
    assert "polaritas" not in aduan.unconfirmed and "rumus_turun" in aduan.unconfirmed
    iku = tables(folder / "IKU_Kecamatan_Wanasari_2025-2029.docx")
    sasaran = next(t for t in iku if t[0][:2] == ["No", "Sasaran"])
    assert sasaran[0] == ["No", "Sasaran", "Indikator", "Definisi Operasional", "Formulasi Perhitungan", "Satuan",
                          "Sumber Data", "Penanggung Jawab"]
    assert sasaran[1][5:] == ["Nilai", "Aplikasi SKM", "Kasi Pelayanan Umum"]
    assert sasaran[2][5:] == ["%", "Register Pengaduan", "Kasi Trantib"]
    # 7 % against a 10 % target, lower is better: (2 x 10 - 7) / 10 = 130 %
    row = measured(folder)[L.ADUAN]
    assert row[5] == 1.3 and row[6] == "Sangat Tinggi"
    reads_back(tmp_path, offices, cat, folder)


def _strategic(path: Path) -> Path:
    """Merged Sasaran Strategis, the header repeated on the next page, an empty spacer column, the formula in
    'Alasan/Penjelasan', no Definisi Operasional column."""
    level = [["No", "", "Sasaran Strategis", "Indikator Kinerja Utama", "Alasan/Penjelasan", "Sumber Data"],
             ["1", "", L.SASARAN_1, L.IKM, L.FORMULAS[L.IKM], "Aplikasi SKM"],
             ["No", "", "Sasaran Strategis", "Indikator Kinerja Utama", "Alasan/Penjelasan", "Sumber Data"],
             ["2", "", L.SASARAN_2, L.ADUAN, L.FORMULAS[L.ADUAN], "Register Pengaduan"],
             ["3", "", "^", L.DESA, L.FORMULAS[L.DESA], "Status Indeks Desa"]]
    return L.document(path, level, L.target_table(baseline=None))


def _two_header_rows(path: Path) -> Path:
    """'Target' merged over 'Tahun ke-1 ... ke-5', a Satuan column, Kondisi Awal without a year."""
    head = [["No", "Indikator Kinerja", "Satuan", "Kondisi Awal", "Target", "<", "<", "<", "<", "Kondisi Akhir"],
            ["^", "^", "^", "^", *[f"Tahun ke-{n}" for n in range(1, 6)], "^"]]
    rows = [[str(n), name, unit, *[v.rstrip("%") for v in (L.FIGURES[name][0], *L.FIGURES[name][1],
                                                            L.FIGURES[name][2])]]
            for n, (name, unit) in enumerate([(L.IKM, "Nilai"), (L.ADUAN, "Persen"), (L.DESA, "Desa")], start=1)]
    return L.document(path, L.level_table(), [*head, *rows])


def _targets_inside(path: Path) -> Path:
    """Targets in the indicator table, after a Baseline column; 'Rumus' for the formula."""
    head = ["No", "Sasaran", "Indikator", "Definisi Operasional", "Rumus", "Baseline", *[f"Target {y}" for y in YEARS],
            "Kondisi Akhir (2029)"]
    rows = [[str(n), objective, name, L.DEFINITIONS[name], L.FORMULAS[name], L.FIGURES[name][0], *L.FIGURES[name][1],
             L.FIGURES[name][2]] for n, (objective, name) in enumerate(
        [(L.SASARAN_1, L.IKM), (L.SASARAN_2, L.ADUAN), (L.SASARAN_2, L.DESA)], start=1)]
    return L.document(path, [head, *rows])


def _predicates_and_a_decree(path: Path) -> Path:
    """A SAKIP predicate indicator, polarity stated in a Keterangan column, signed with 'Ditetapkan di / Pada
    tanggal' and a weekday."""
    level = L.level_table([(L.SASARAN_1, L.IKM), (L.SASARAN_2, L.ADUAN)])
    level.append(["3", L.SASARAN_1, "Nilai SAKIP Kecamatan", "Predikat evaluasi SAKIP.", "Hasil evaluasi SAKIP"])
    head = ["No", "Indikator Kinerja", "Keterangan", *[f"Tahun {y}" for y in YEARS], "Kondisi Akhir"]
    rows = [["1", L.IKM, "Semakin tinggi semakin baik", *L.FIGURES[L.IKM][1], L.FIGURES[L.IKM][2]],
            ["2", L.ADUAN, "Semakin kecil (rendah) semakin baik", *L.FIGURES[L.ADUAN][1], L.FIGURES[L.ADUAN][2]],
            ["3", "Nilai SAKIP Kecamatan", "", "B", "BB", "BB", "A", "A", "A"]]
    signature = ["Ditetapkan di Wanasari", "Pada tanggal Jum\u2019at, 28 Pebruari 2025", "CAMAT WANASARI,", "", L.NAME,
                 "Pembina Tk. I (IV/b)", L.NIP]
    return L.document(path, level, [head, *rows], signature=signature)


FAMILIES = {
    "sasaran-strategis": (_strategic, {1: {2025: 82}, 2: {2025: 9}, 3: {2025: 2}},
                          {L.IKM: ["82", "83", "84", "85", "86", "86"],
                           L.ADUAN: ["10%", "9%", "8%", "7%", "6%", "6%"],
                           L.DESA: ["2 desa", "3 desa", "4 desa", "5 desa", "6 desa", "6 desa"]}),
    "dua-baris-judul": (_two_header_rows, {1: {2025: 82}, 2: {2025: 9}, 3: {2025: 2}},
                        {L.IKM: ["82", "83", "84", "85", "86", "86"], L.ADUAN: ["10%", "9%", "8%", "7%", "6%", "6%"],
                         L.DESA: ["2 desa", "3 desa", "4 desa", "5 desa", "6 desa", "6 desa"]}),
    "target-di-tabel-indikator": (_targets_inside, {1: {2025: 82}, 2: {2025: 9}, 3: {2025: 2}},
                                  {L.IKM: ["82", "83", "84", "85", "86", "86"],
                                   L.ADUAN: ["10%", "9%", "8%", "7%", "6%", "6%"],
                                   L.DESA: ["2 desa", "3 desa", "4 desa", "5 desa", "6 desa", "6 desa"]}),
    "predikat-dan-ditetapkan": (_predicates_and_a_decree, {1: {2025: 82}, 2: {2025: 9}, 3: {2025: "BB"}},
                                {L.IKM: ["82", "83", "84", "85", "86", "86"],
                                 L.ADUAN: ["10%", "9%", "8%", "7%", "6%", "6%"],
                                 "Nilai SAKIP Kecamatan": ["B", "BB", "BB", "A", "A", "A"]}),
}


# indicator number -> unit, higher is better, kondisi awal, what is marked periksa; and the date set
READ = {
    "sasaran-strategis": ({1: ("nilai", True, None, {"definisi", "satuan", "polaritas"}),
                           2: ("persen", True, None, {"definisi", "polaritas"}),
                           3: ("desa", True, None, {"definisi", "satuan", "polaritas"})}, dt.date(2025, 1, 6)),
    "dua-baris-judul": ({1: ("nilai", True, D("80.50"), {"polaritas"}), 2: ("persen", True, D(12), {"polaritas"}),
                         3: ("desa", True, D(1), {"polaritas"})}, dt.date(2025, 1, 6)),
    "target-di-tabel-indikator": ({1: ("nilai", True, D("80.50"), {"satuan", "polaritas"}),
                                   2: ("persen", True, D(12), {"polaritas"}),
                                   3: ("desa", True, D(1), {"satuan", "polaritas"})}, dt.date(2025, 1, 6)),
    "predikat-dan-ditetapkan": ({1: ("nilai", True, None, {"satuan"}), 2: ("persen", False, None, {"rumus_turun"}),
                                 3: ("predikat", True, None, set())}, dt.date(2025, 2, 28)),
}


@pytest.mark.parametrize("family", list(FAMILIES))
def test_each_layout_family_builds_its_full_set_and_reads_back(tmp_path, offices, family):
    make, realisations, printed = FAMILIES[family]
    cat, folder, _ = built(tmp_path, offices, make(tmp_path / "iku.docx"), realisations)
    fields, set_on = READ[family]
    assert {i.number: (i.unit, i.higher_is_better, i.baseline, set(i.unconfirmed)) for i in cat.indicators} == fields
    assert all(i.level == "sasaran" for i in cat.indicators)
    signer = cat.office.signatory
    assert (signer.position, signer.name, signer.rank, signer.nip, cat.office.iku_date) == (
        "Camat Wanasari", L.NAME, "Pembina Tk. I", "19700101 199001 1 001", set_on)
    names = {p.name for p in folder.iterdir()}
    assert {"IKU_Kecamatan_Wanasari_2025-2029.docx", "Perjanjian_Kinerja_Kecamatan_Wanasari_2025.docx",
            "Pengukuran_Kinerja_Kecamatan_Wanasari_2025.xlsx"} <= names, names
    assert any(n.startswith("LKjIP") for n in names), names
    target = tables(folder / "IKU_Kecamatan_Wanasari_2025-2029.docx")[-2]
    assert {row[1]: row[2:] for row in target if row[0].isdigit()} == printed
    if family == "dua-baris-judul":  # the Satuan column of the document, printed again as it writes it
        sasaran = next(t for t in tables(folder / "IKU_Kecamatan_Wanasari_2025-2029.docx") if t[0][:2] == ["No",
                                                                                                      "Sasaran"])
        assert [row[5] for row in sasaran] == ["Satuan", "Nilai", "Persen", "Desa"]
    if family == "predikat-dan-ditetapkan":  # 9 % against 10 %, lower is better: 110 %; BB against B: tercapai
        rows = measured(folder)
        assert rows[L.ADUAN][5:7] == (1.1, "Sangat Tinggi")
        assert rows["Nilai SAKIP Kecamatan"][3:6] == ("B", "BB", "Tercapai")
    reads_back(tmp_path, offices, cat, folder)
