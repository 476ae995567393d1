"""The catalogue keys an import writes: `periksa` kept until staff confirm, `sumber`, `penanggung_jawab`,
`kondisi_awal`, the tujuan above a sasaran; and the one warning `build` and `check` give per office."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import iku_layout_builder as L
import pytest
from conftest import run_cli

from iku import catalogue
from iku.errors import InputError

MANTUP = catalogue.OFFICES_DIR / "mantup_2021-2026.toml"


def edited(tmp_path: Path, old: str, new: str) -> Path:
    """Mantup's catalogue with its first indicator changed."""
    text = MANTUP.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "mantup_2021-2026.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_imported_keys_are_kept(tmp_path):
    path = edited(tmp_path, 'nama = "Nilai IKM"\n',
                  'nama = "Nilai IKM"\nperiksa = ["polaritas", "definisi"]\nsumber = "Aplikasi SKM"\n'
                  'penanggung_jawab = "Kasi Pelayanan"\nkondisi_awal = "80.5"\nkondisi_awal_tahun = 2020\n')
    path.write_text(path.read_text(encoding="utf-8").replace(
        'nama = "Nilai SAKIP Kecamatan"\n', 'nama = "Nilai SAKIP Kecamatan"\ntujuan = "Terwujudnya Pelayanan Prima"\n'),
        encoding="utf-8")
    ind = catalogue.load(path).indicators[0]
    assert (ind.unconfirmed, ind.data_origin, ind.responsible) == (("polaritas", "definisi"), "Aplikasi SKM",
                                                                   "Kasi Pelayanan")
    assert (ind.baseline, ind.baseline_year) == (D("80.5"), 2020)
    sakip = catalogue.load(path).indicators[2]
    assert (sakip.level, sakip.above) == ("sasaran", (("tujuan", "Terwujudnya Pelayanan Prima"),))
    warnings = catalogue.unconfirmed_warnings(catalogue.load(path))
    assert warnings == ["Katalog mantup_2021-2026.toml (Kecamatan Mantup) masih memuat isian yang belum dipastikan "
                        "(periksa): indikator 1 'Nilai IKM' (polaritas, definisi). Cocokkan dengan dokumen IKU, "
                        "perbaiki bila perlu, lalu hapus namanya dari daftar periksa di katalog."]
    assert catalogue.unconfirmed_warnings(catalogue.load(MANTUP)) == []


@pytest.mark.parametrize(("insert", "fragment"), [
    ('periksa = ["warna"]\n', "indikator 1: 'periksa' harus daftar nama isian, dari tingkat, uraian, definisi"),
    ('periksa = "polaritas"\n', "indikator 1: 'periksa' harus daftar nama isian"),
    ('kondisi_awal_tahun = "2020"\n', "indikator 1: 'kondisi_awal_tahun' harus tahun, misalnya 2024"),
])
def test_imported_keys_that_are_wrong_are_named(tmp_path, insert, fragment):
    with pytest.raises(InputError) as caught:
        catalogue.load(edited(tmp_path, 'nama = "Nilai IKM"\n', 'nama = "Nilai IKM"\n' + insert))
    assert fragment in caught.value.describe()


def test_empty_definition_only_while_marked_for_checking(tmp_path):
    text = MANTUP.read_text(encoding="utf-8")
    start = text.index("definisi = ", text.index('nama = "Nilai IKM"'))
    end = text.index("\n", start)
    emptied = text[:start] + 'definisi = ""' + text[end:]
    path = tmp_path / "mantup_2021-2026.toml"
    path.write_text(emptied, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        catalogue.load(path)
    assert "indikator 1: 'definisi' harus berupa teks yang terisi" in caught.value.describe()
    path.write_text(emptied.replace('nama = "Nilai IKM"\n', 'nama = "Nilai IKM"\nperiksa = ["definisi"]\n', 1),
                    encoding="utf-8")
    assert catalogue.load(path).indicators[0].definition == ""


def test_check_names_what_is_still_to_confirm(tmp_path, monkeypatch):
    folder = tmp_path / "offices"
    folder.mkdir()
    monkeypatch.setattr(catalogue, "OFFICES_DIR", folder)
    document = L.document(tmp_path / "iku.docx", L.level_table(), L.target_table())
    assert run_cli("office", "import", document).exit_code == 0
    workbook = tmp_path / "realisasi.xlsx"
    assert run_cli("template", workbook, "--office", "wanasari", "--year", "2025").exit_code == 0
    result = run_cli("check", workbook)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "belum dipastikan (periksa)" in line]
    assert len(lines) == 1
    assert ("indikator 1 'Indeks Kepuasan Masyarakat' (satuan, polaritas); indikator 2 'Persentase Aduan "
            "Masyarakat yang Tidak Tertangani' (polaritas); indikator 3 'Jumlah Desa Mandiri' (satuan, "
            "polaritas)") in lines[0]
