from decimal import Decimal as D

import pytest

from iku import rules


def test_higher_is_better_capaian():
    value, note = rules.capaian(D("40.00"), D("46.67"))
    assert value == D("116.675")  # 46,67 / 40 x 100, full precision
    assert note == ""


def test_lower_is_better_difference_form():
    # (2 x 10 - 8) / 10 x 100 = 120
    assert rules.capaian(D(10), D(8), higher_is_better=False)[0] == D(120)
    # worse than target: (2 x 10 - 13) / 10 x 100 = 70
    assert rules.capaian(D(10), D(13), higher_is_better=False)[0] == D(70)


def test_lower_is_better_ratio_form():
    # 10 / 8 x 100 = 125
    assert rules.capaian(D(10), D(8), higher_is_better=False, lower_formula="rasio")[0] == D(125)
    assert rules.capaian(D(10), D(0), False, "rasio") == (None, rules.NOTE_ZERO_REALISATION)


def test_zero_target_gives_no_capaian():
    assert rules.capaian(D(0), D(100)) == (None, rules.NOTE_ZERO_TARGET)
    assert rules.capaian(D(0), D(3), higher_is_better=False) == (None, rules.NOTE_ZERO_TARGET)


def test_missing_target_and_missing_realisation():
    assert rules.capaian(None, D(80)) == (None, rules.NOTE_NO_TARGET)
    assert rules.capaian(D(80), None) == (None, rules.NOTE_NOT_REPORTED)


def test_realisation_zero_is_a_value_not_missing():
    assert rules.capaian(D(50), D(0)) == (D(0), "")


@pytest.mark.parametrize(
    ("capaian", "key"),
    [
        ("150", "sangat_tinggi"),
        ("91", "sangat_tinggi"),
        ("90.99", "tinggi"),
        ("76", "tinggi"),
        ("75.994", "sedang"),
        ("75.995", "tinggi"),  # shown as 76,00%: judged as printed
        ("90.9994", "sangat_tinggi"),
        ("66", "sedang"),
        ("65.99", "rendah"),
        ("51", "rendah"),
        ("50.99", "sangat_rendah"),
        ("0", "sangat_rendah"),
    ],
)
def test_predicate_band_boundaries(capaian, key):
    assert rules.predicate_key(D(capaian)) == key


@pytest.mark.parametrize(
    ("value", "expected"),
    [("116.675", "116.68"), ("116.665", "116.67"), ("0.005", "0.01"), ("99.994", "99.99"), ("-1.005", "-1.01")],
)
def test_round_half_up(value, expected):
    assert rules.round_half_up(D(value)) == D(expected)


def test_efficiency_judged_on_the_printed_ratio():
    assert rules.is_efficient(D(95) / D("95.004"))  # 0,99996 prints as 1,00
    assert not rules.is_efficient(D("0.994"))
