from decimal import Decimal as D

import pytest

from iku import catalogue
from iku.errors import InputError


def test_mantup_catalogue_holds_the_seed(mantup):
    office = mantup.office
    assert office.name == "Kecamatan Mantup"
    assert office.signatory.name == "SUWANTO SASTRODIHARJO, S.STP., M.M"
    assert office.signatory.rank == "Pembina"
    assert office.signatory.nip == "19851010 200602 1 001"
    assert office.signatory.position == "Camat Mantup"
    numbers = [f.number for f in office.functions]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "a", "b", "12", "13"]
    assert [f.parent for f in office.functions if f.parent] == ["11", "11"]
    levels = [ind.level for ind in mantup.indicators]
    assert levels == ["tujuan", "tujuan", "sasaran", "sasaran", "program", "program", None, None, None, None]


def test_targets_read_as_years_then_end_condition(mantup):
    by_number = {ind.number: ind for ind in mantup.indicators}
    naik_kelas = by_number[10]
    assert [naik_kelas.targets[y] for y in range(2021, 2027)] == [
        D("20.00"), D("26.67"), D("33.33"), D("40.00"), D("46.67"), D("53.33")]
    assert naik_kelas.end_target == D("53.33")
    konflik = by_number[8]
    assert [konflik.targets[y] for y in range(2021, 2027)] == [D(0), D(0), D(0), D(100), D(100), D(100)]


def test_seed_gives_no_targets_for_the_six_iku(mantup):
    for ind in mantup.indicators[:6]:
        assert set(ind.targets.values()) == {None}
        assert ind.end_target is None


def test_broken_catalogue_lists_its_problems(tmp_path):
    text = (catalogue.OFFICES_DIR / "mantup_2021-2026.toml").read_text(encoding="utf-8")
    broken = text.replace('satuan = "desa"', 'satuan = "buah"', 1).replace('2024 = "40.00"', '2024 = "empat"')
    path = tmp_path / "rusak.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError) as err:
        catalogue.load(path)
    message = err.value.describe()
    assert "satuan 'buah' tidak dikenal" in message
    assert "'empat' bukan angka" in message
