"""How an indicator's value sits in a cell of the standard workbook: its number format, the value Excel stores, and
the dropdown of the predicates for a predicate indicator (Realisasi and Triwulan alike)."""

from __future__ import annotations

from decimal import Decimal

from openpyxl.worksheet.datavalidation import DataValidation

from iku.model import Indicator
from iku.rules import PREDICATE_LETTERS, predicate_letter
from iku.xlsx_style import COUNT_FORMAT, DECIMAL_FORMAT, PERCENT_FORMAT, TEXT_FORMAT


def number_format(indicator: Indicator) -> str:
    if indicator.is_predicate:
        return TEXT_FORMAT
    if indicator.is_percent:
        return PERCENT_FORMAT
    return COUNT_FORMAT if indicator.is_count else DECIMAL_FORMAT


def stored(indicator: Indicator, value: Decimal) -> float | str:
    """Percent cells hold fractions, as Excel does; a predicate cell holds its letter."""
    if indicator.is_predicate:
        return predicate_letter(value)
    return float(value / 100) if indicator.is_percent else float(value)


def predicate_choice(what: str, name: str) -> DataValidation:
    """The predicates as an Excel dropdown list: a predicate is chosen, never typed as a number."""
    return DataValidation(type="list", formula1='"' + ",".join(PREDICATE_LETTERS) + '"', allow_blank=True,
                          showErrorMessage=True, errorTitle="Bukan predikat",
                          error=f"{what} '{name}' harus predikat: {', '.join(PREDICATE_LETTERS)}.")
