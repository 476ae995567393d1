"""The units real IKU documents use (issue 17): persen, nilai, indeks, desa, orang, dokumen, predikat. Counts are
whole numbers printed with their unit; an index reads like a nilai."""

from __future__ import annotations

from decimal import Decimal

import catalogue_builder as cb
import pytest
from openpyxl import Workbook

from iku import catalogue, formatting
from iku.errors import InputError
from iku.measure import sentences
from iku.render import charts
from iku.workbook import template


@pytest.mark.parametrize(("unit", "targets", "count", "shown"), [
    ("indeks", ["3.25"] * 6, False, "3,25"),
    ("orang", ["12"] * 6, True, "12 orang"),
    ("dokumen", ["4"] * 6, True, "4 dokumen"),
    ("predikat", ["BB"] * 6, False, "BB"),
])
def test_the_catalogue_reads_each_unit(tmp_path, unit, targets, count, shown):
    extra = {} if unit == "predikat" else {"rentang": [0, 1000]}
    cat = catalogue.load(cb.write(tmp_path / "offices", cb.indicator(1, "Indikator Uji", unit, targets, targets[0],
                                                                      **extra)))
    ind = cat.indicators[0]
    assert (ind.unit, ind.is_count, ind.is_percent) == (unit, count, False)
    assert formatting.target(ind, ind.targets[2025]) == shown
    assert formatting.as_written(ind, ind.end_target) == shown


def test_an_unknown_unit_names_every_unit(tmp_path):
    with pytest.raises(InputError) as err:
        catalogue.load(cb.write(tmp_path / "offices", cb.indicator(1, "Indikator Uji", "buah", ["1"] * 6, "1",
                                                                    rentang=[0, 10])))
    assert ("indikator 1: satuan 'buah' tidak dikenal; pilih salah satu dari persen, nilai, indeks, desa, orang, "
            "dokumen, predikat") in err.value.describe()


@pytest.fixture(scope="module")
def units(tmp_path_factory):
    folder = tmp_path_factory.mktemp("satuan") / "offices"
    cat = catalogue.load(cb.write(folder, *[
        cb.indicator(n, f"Indikator {unit}", unit, ["10"] * 6, "10", rentang=[0, 100])
        for n, unit in enumerate(("indeks", "orang", "dokumen", "desa"), start=1)]))
    return {ind.unit: ind for ind in cat.indicators}


def test_counts_are_whole_and_carry_their_unit(units):
    orang, dokumen, indeks = units["orang"], units["dokumen"], units["indeks"]
    assert formatting.value(orang, Decimal(12)) == "12 orang"
    assert formatting.value(dokumen, Decimal(4)) == "4 dokumen"
    assert formatting.value(indeks, Decimal("3.25")) == "3,25"  # an index is printed like a nilai
    assert sentences.amount(orang, Decimal(12)) == "dua belas orang"
    assert sentences.amount(dokumen, Decimal(4)) == "empat dokumen"
    assert sentences.change_amount(orang, Decimal(-3)) == "tiga orang"
    assert sentences.change_amount(indeks, Decimal("0.25")) == "0,25 poin"


def test_chart_axes_name_each_unit(units):
    def series(unit: str) -> charts.ChartSeries:
        return charts.ChartSeries("Uji", unit, [2024, 2025], [Decimal(10), Decimal(12)], [Decimal(9), Decimal(12)])

    assert charts.indicator_chart(series("orang")).value_title == "Jumlah orang"
    assert charts.indicator_chart(series("dokumen")).value_title == "Jumlah dokumen"
    assert charts.indicator_chart(series("indeks")).value_title == "Indeks"
    assert charts.value_label(Decimal(12), "orang") == "12"
    with pytest.raises(ValueError, match="grafik batang tidak dibuat untuk satuan predikat"):
        charts.indicator_chart(series("predikat"))


def test_workbook_cells_of_each_unit(units):
    assert template.number_format(units["orang"]) == "#,##0"
    assert template.number_format(units["dokumen"]) == "#,##0"
    assert template.number_format(units["indeks"]) == "#,##0.00"
    ws = Workbook().active
    template._validate_range(ws, units["orang"], 5, [2025], ())
    template._validate_range(ws, units["indeks"], 6, [2025], ())
    assert [dv.type for dv in ws.data_validations.dataValidation] == ["whole", "decimal"]
