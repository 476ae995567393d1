"""The LKjIP indicator chart: a print-resolution PNG, deterministic, never drawing absence as 0."""

from __future__ import annotations

import struct
from decimal import Decimal

import pytest

from iku.render.charts import ChartSeries, indicator_chart, tick_label, value_label

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CM_PX = 200 / 2.54  # pixels per centimetre at 200 dpi


def series(**changes) -> ChartSeries:
    values = {
        "title": "Persentase Desa Naik Kelas",
        "unit": "persen",
        "years": [2021, 2022, 2023, 2024, 2025],
        "targets": [Decimal(v) for v in ("20", "26.67", "33.33", "40", "46.67")],
        "realisations": [Decimal("20"), Decimal("26.67"), Decimal("33.33"), None, Decimal("40")],
    }
    return ChartSeries(**(values | changes))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_at_print_size():
    data = indicator_chart(series())
    assert data.startswith(PNG_MAGIC)
    width, height = png_size(data)
    assert abs(width - 16 * CM_PX) <= 2
    assert abs(height - 8 * CM_PX) <= 2


def test_same_input_same_bytes():
    assert indicator_chart(series()) == indicator_chart(series())


@pytest.mark.parametrize("unit", ["persen", "nilai", "desa"])
def test_nothing_known_still_renders(unit):
    empty = series(unit=unit, targets=[None] * 5, realisations=[None] * 5)
    data = indicator_chart(empty)
    assert data.startswith(PNG_MAGIC)


def test_missing_value_is_not_zero():
    with_gap = indicator_chart(series())
    as_zero = indicator_chart(series(realisations=[Decimal("20"), Decimal("26.67"), Decimal("33.33"),
                                                   Decimal("0"), Decimal("40")]))
    assert with_gap != as_zero


def test_tick_label_uses_decimal_comma():
    assert tick_label(46.5, "persen") in ("46,5", "46,50")
    assert tick_label(40.0, "nilai") == "40"
    assert tick_label(0.30000000000000004, "nilai") == "0,3"
    assert tick_label(1250.0, "persen") == "1.250"
    assert tick_label(4.0, "desa") == "4"


def test_value_label_per_unit():
    assert value_label(Decimal("46.665"), "persen") == "46,67%"
    assert value_label(Decimal("82.5"), "nilai") == "82,50"
    assert value_label(Decimal("12"), "desa") == "12"


def test_rejects_bad_series():
    with pytest.raises(ValueError, match="satuan"):
        indicator_chart(series(unit="orang"))
    with pytest.raises(ValueError, match="tidak sama"):
        indicator_chart(series(years=[2021, 2022]))
