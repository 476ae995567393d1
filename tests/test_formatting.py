import datetime as dt
from decimal import Decimal as D

from iku import formatting as fmt


def test_numbers_in_indonesian_notation():
    assert fmt.number(D("1234567"), 0) == "1.234.567"
    assert fmt.number(D("1234.5")) == "1.234,50"
    assert fmt.percent(D("46.67")) == "46,67%"


def test_rounding_half_up_happens_before_babel():
    # Babel alone would round half to even: 116,675 -> 116,68 and 0,125 -> 0,12
    assert fmt.percent(D("116.675")) == "116,68%"
    assert fmt.number(D("0.125")) == "0,13"


def test_date_in_indonesian():
    assert fmt.date(dt.date(2026, 11, 24)) == "24 November 2026"
    assert fmt.date(dt.date(2026, 1, 2)) == "2 Januari 2026"


def test_values_by_unit(mantup):
    by_name = {ind.name: ind for ind in mantup.indicators}
    assert fmt.value(by_name["Persentase Desa Naik Kelas"], D("46.67")) == "46,67%"
    assert fmt.value(by_name["Jumlah Desa Mandiri"], D(3)) == "3 desa"
    assert fmt.value(by_name["Nilai IKM"], D("86.3")) == "86,30"
    assert fmt.value(by_name["Nilai IKM"], None) == "belum dilaporkan"
    assert fmt.target(by_name["Nilai IKM"], None) == "belum ditetapkan"
