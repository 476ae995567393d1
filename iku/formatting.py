"""Numbers and dates for Indonesian readers (Babel, locale id). Rounding happens here, once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from iku.model import Achievement, Indicator
from iku.rules import predicate_letter, round_half_up

LOCALE = "id"
NOT_SET = "belum ditetapkan"
NOT_REPORTED = "belum dilaporkan"
ATTAINED = "Tercapai"  # a predicate target, judged by the order of the predicates (rules.predicate_attained)
NOT_ATTAINED = "Tidak tercapai"


def number(value: Decimal, places: int = 2) -> str:
    """1234567 -> '1.234.567'; 46.665 -> '46,67' (rounded half up before Babel sees it)."""
    rounded = round_half_up(value, places)
    if rounded == 0:
        rounded = rounded.copy_abs()  # -0,001 rounds to -0,00: print "0,00", never "-0,00"
    pattern = "#,##0" if places == 0 else "#,##0." + "0" * places
    return format_decimal(rounded, format=pattern, locale=LOCALE)


_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
          "sebelas")


def words(n: int) -> str:
    """A whole number in Indonesian words (terbilang): 8 -> 'delapan', 115 -> 'seratus lima belas'."""
    if n < 0:
        return "minus " + words(-n)
    if n < 12:
        return _UNITS[n]
    if n < 20:
        return f"{_UNITS[n - 10]} belas"
    for size, name in ((1_000_000_000, "miliar"), (1_000_000, "juta"), (1000, "ribu"), (100, "ratus"), (10, "puluh")):
        if n >= size:
            head, rest = divmod(n, size)
            if head == 1 and size in (100, 1000):
                spoken = "se" + name  # seratus, seribu
            else:
                spoken = f"{words(head)} {name}"
            return spoken if rest == 0 else f"{spoken} {words(rest)}"
    raise AssertionError(n)


def count_words(n: int) -> str:
    """A count as official letters write it: 8 -> '8 (delapan)'."""
    return f"{n} ({words(n)})"


def percent(value: Decimal) -> str:
    """A percentage held as 46.67 -> '46,67%'."""
    return number(value) + "%"


def date(value: dt.date) -> str:
    """24 November 2026."""
    return format_date(value, format="d MMMM y", locale=LOCALE)


def value(indicator: Indicator, amount: Decimal | None, missing: str = NOT_REPORTED) -> str:
    """A target or realisation in the indicator's unit."""
    if amount is None:
        return missing
    if indicator.is_predicate:
        return predicate_letter(amount)
    if indicator.is_percent:
        return percent(amount)
    if indicator.is_count:
        places = 0 if amount == amount.to_integral_value() else 2
        return f"{number(amount, places)} {indicator.unit}"
    return number(amount)


def target(indicator: Indicator, amount: Decimal | None) -> str:
    return value(indicator, amount, missing=NOT_SET)


def as_written(indicator: Indicator, amount: Decimal) -> str:
    """A target with the decimals the IKU document writes it with: 100 -> '100%', 20.00 -> '20,00%', and a
    target 0 as '0' (the document's own way; '0,00%' would read as a target of handling no conflict); a predicate
    as its letter."""
    if indicator.is_predicate:
        return predicate_letter(amount)
    if amount == 0:
        return "0"
    places = max(0, -amount.as_tuple().exponent)
    if indicator.is_percent:
        return number(amount, places) + "%"
    if indicator.is_count:
        return f"{number(amount, places)} {indicator.unit}"
    return number(amount, places)


def attained(met: bool) -> str:
    return ATTAINED if met else NOT_ATTAINED


def capaian(a: Achievement) -> str:
    """'46,67%'; 'Tercapai' or 'Tidak tercapai' against a predicate target; '-' without either."""
    if a.attained is not None:
        return attained(a.attained)
    return percent(a.capaian) if a.capaian is not None else "-"


def capaian_note(a: Achievement) -> str:
    """The predicate, or why there is no capaian."""
    return a.predicate if a.predicate else a.note


def source_phrase(a: Achievement) -> str:
    """Where a realisation comes from, in a sentence: every computed figure names its sheet, every typed one
    says it was typed."""
    if not a.source:
        return ""
    if a.computed:
        return f"dihitung dari lembar {a.source}"
    if a.source_cell:
        return f"diketik pada lembar {a.source} (sel {a.source_cell})"
    return f"diambil dari lembar {a.source}"


def source_short(a: Achievement) -> str:
    """The same for a table cell."""
    if not a.source:
        return "-"
    if a.computed:
        return f"Dihitung ({a.source})"
    if a.source_cell:
        return f"Diketik ({a.source}!{a.source_cell})"
    return f"Lembar {a.source}"
