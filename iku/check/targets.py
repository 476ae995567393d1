"""Targets typed on the Realisasi sheet where the office catalogue (the IKU document) has none.

The IKU document of Kecamatan Mantup sets targets for four of its ten indicators; the other targets are in the
office's Renstra. Staff type them in the yellow `Target <tahun>` / `Kondisi Akhir` cells; a catalogue target stays
grey and locked, and a workbook value differing from it is named in a warning and never used.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from iku import formatting
from iku import layout as L
from iku.catalogue import OPEN_RANGE
from iku.check.cells import NotANumber, find_header, indicator_rows, norm, number_value, parse_value
from iku.errors import Problem
from iku.model import Catalogue, Indicator
from iku.read.reader import RawCell, RawWorkbook
from iku.rules import round_half_up

NOT_SET = norm("belum ditetapkan")  # what older workbooks print in a target cell the catalogue leaves open
END = 0  # key of the Kondisi Akhir column among the years


def with_workbook_targets(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem]
                          ) -> tuple[Catalogue, list[str]]:
    """The catalogue with the workbook's targets filled in where it has none, and the warnings (a catalogue
    target changed in the workbook; which targets came from the workbook)."""
    header = find_header(raw, L.SHEET_REALISATION, [])
    if header is None:
        return catalogue, []
    columns = _target_columns(header)
    rows = indicator_rows(raw, L.SHEET_REALISATION, header, catalogue, [])
    indicators = []
    notes: list[str] = []
    typed_list: list[str] = []
    for ind in catalogue.indicators:
        row = rows.get(ind.number, [])
        typed: dict[int, Decimal] = {}
        for key, col in columns.items():
            cell = row[col - 1] if len(row) >= col else None
            if cell is None or (key != END and key not in ind.targets and key not in catalogue.history):
                continue
            wanted = ind.end_target if key == END else ind.targets.get(key)
            if wanted is None:
                # an earlier period's target was set under that period's catalogue, whose range may differ
                value = _typed(cell, replace(ind, value_range=OPEN_RANGE) if key in catalogue.history else ind,
                               problems)
                if value is not None:
                    typed[key] = value
            elif (note := _changed(cell, ind, key, wanted)) is not None:
                notes.append(note)
        if typed:
            years = frozenset(k for k in typed if k != END)
            indicators.append(replace(
                ind, targets={**ind.targets, **{y: typed[y] for y in years}},
                end_target=typed.get(END, ind.end_target), workbook_targets=years, workbook_end_target=END in typed))
            in_period = sorted(y for y in years if y in catalogue.years)  # history targets are records, not news
            if in_period or END in typed:
                typed_list.append(f"'{ind.name}' " + ", ".join(
                    ([_span(in_period)] if in_period else []) + (["kondisi akhir"] if END in typed else [])))
        else:
            indicators.append(ind)
    if typed_list:
        notes.append("Target dari buku kerja (lembar Realisasi, diisi dari Renstra karena dokumen IKU tidak "
                     "menetapkannya): " + "; ".join(typed_list) + ".")
    return replace(catalogue, indicators=tuple(indicators)), notes


def _span(years: list[int]) -> str:
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(map(str, years))


def _target_columns(header: list[RawCell]) -> dict[int, int]:
    columns = {}
    for cell in header:
        text = " ".join(str(cell.value or "").split())
        if match := re.match(rf"^{L.TARGET_PREFIX}\s+(\d{{4}})$", text):
            columns[int(match.group(1))] = cell.column
        elif norm(text) == norm(L.HEADER_END_TARGET):
            columns[END] = cell.column
    return columns


def _typed(cell: RawCell, ind: Indicator, problems: list[Problem]) -> Decimal | None:
    if isinstance(cell.value, str) and norm(cell.value) == NOT_SET:
        return None
    return number_value(cell, ind, problems, what="target")


def _changed(cell: RawCell, ind: Indicator, key: int, wanted: Decimal) -> str | None:
    try:
        shown = parse_value(cell, ind)
    except NotANumber:
        shown = None
    if shown is not None and round_half_up(shown) == round_half_up(wanted):
        return None
    what = "kondisi akhir" if key == END else f"target {key}"
    return (f"{cell.sheet}!{cell.coordinate}: {what} '{ind.name}' di buku kerja berbeda dengan dokumen IKU "
            f"({formatting.target(ind, wanted)}); yang dipakai target dokumen IKU.")
