import datetime as dt
from decimal import Decimal as D

import pytest

from iku.check.cells import NotANumber as _NotANumber
from iku.check.cells import parse_date_text, parse_number
from iku.read.reader import RawCell


def cell(value, number_format="General", is_formula=False):
    return RawCell("Realisasi", "E9", 9, 5, value, number_format, is_formula)


def test_percent_formatted_cell_holds_a_fraction():
    assert parse_number(cell(0.4667, "0.00%"), percent=True) == D("46.67")


def test_percent_indicator_in_a_general_cell_is_read_as_percent_number():
    assert parse_number(cell(46.67), percent=True) == D("46.67")


@pytest.mark.parametrize(
    ("text", "percent", "expected"),
    [("46,67", True, "46.67"), ("46,67%", True, "46.67"), (" 46,67 % ", True, "46.67"),
     ("1.234", False, "1234"), ("1.234,5", False, "1234.5"), ("3", False, "3"), ("82,5", False, "82.5")],
)
def test_indonesian_text_is_read_as_that_number(text, percent, expected):
    assert parse_number(cell(text), percent=percent) == D(expected)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("46.67", "titik sebagai tanda desimal"), ("empat puluh", "bukan angka"), ("46,67%x", "bukan angka"),
     ("12,5%", "bukan persen")],
)
def test_text_that_is_not_a_number_is_rejected(text, fragment):
    with pytest.raises(_NotANumber, match=fragment):
        parse_number(cell(text), percent=fragment != "bukan persen")


def test_46_comma_67_never_becomes_4667():
    assert parse_number(cell("46,67"), percent=True) != D(4667)


def test_empty_means_not_reported():
    assert parse_number(cell(None), percent=True) is None
    assert parse_number(cell("   "), percent=False) is None


def test_formula_without_cached_value_is_rejected():
    with pytest.raises(_NotANumber, match="rumus"):
        parse_number(cell(None, is_formula=True), percent=False)


def test_formula_with_cached_value_uses_it():
    assert parse_number(cell(0.5, "0.00%", is_formula=True), percent=True) == D(50)


@pytest.mark.parametrize("value", [True, dt.datetime(2025, 1, 1)])
def test_booleans_and_dates_are_not_numbers(value):
    with pytest.raises(_NotANumber):
        parse_number(cell(value), percent=False)


def test_float_noise_from_formulas_is_dropped():
    assert parse_number(cell(1.0000000000002, "0.00%", is_formula=True), percent=True) == D(100)
    assert parse_number(cell(0.1 + 0.2), percent=False) == D("0.3")


@pytest.mark.parametrize("text, expected", [
    ("12/04/2025", dt.date(2025, 4, 12)), ("12-04-2025", dt.date(2025, 4, 12)), ("12.04.2025", dt.date(2025, 4, 12)),
    (" 2025-04-12 ", dt.date(2025, 4, 12)), ("12 April 2025", dt.date(2025, 4, 12)),
    ("1 agustus 2025", dt.date(2025, 8, 1)),
    ("31/02/2025", None), ("04/12", None), ("kemarin", None),
])
def test_date_text_day_first(text, expected):
    assert parse_date_text(text) == expected
