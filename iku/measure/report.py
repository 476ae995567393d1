"""What the LKjIP, PK and quarterly report say beyond a capaian: comparisons, budget, quarters.

Comparisons follow PermenPANRB 53/2014 (Bab III A): this year against target, against earlier
years, against the end-of-Renstra target, and against a national standard where one exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from iku import rules
from iku.model import Achievement, BudgetLine, Indicator, Results


@dataclass(frozen=True)
class Comparison:
    indicator: Indicator
    current: Achievement
    history: tuple[Achievement, ...]  # first year of the period up to the report year
    previous: Achievement | None  # the latest earlier year with a realisation
    change: Decimal | None  # realisation now minus realisation of `previous`
    end_target: Decimal | None
    end_capaian: Decimal | None  # realisation now against the end-of-Renstra target
    end_note: str
    standard_capaian: Decimal | None
    end_attained: bool | None = None  # a predicate end target: met or not (rules.predicate_attained)

    @property
    def trend(self) -> str:
        """'naik', 'turun' or 'tetap' (of the realisation), '' when there is nothing to compare."""
        if self.change is None:
            return ""
        return "naik" if self.change > 0 else "turun" if self.change < 0 else "tetap"

    @property
    def improved(self) -> bool | None:
        """Whether the change is good news, taking the indicator's polarity into account."""
        if not self.change:
            return None
        return (self.change > 0) == self.indicator.higher_is_better


@dataclass(frozen=True)
class ProgramBudget:
    program: str
    lines: tuple[BudgetLine, ...]
    ceiling: Decimal
    spent: Decimal
    absorption: Decimal | None  # serapan, percent
    indicators: tuple[Achievement, ...]  # the program's indicators this year
    capaian: Decimal | None  # mean capaian of those with one
    efficiency: Decimal | None  # capaian / serapan (ours, shared/domain)
    line_absorption: tuple[Decimal | None, ...] = ()  # serapan of each kegiatan, in the order of `lines`
    indirect: tuple[BudgetLine, ...] = ()  # kegiatan whose link to their one indicator is indirect (rules)

    @property
    def efficient(self) -> bool | None:
        if self.efficiency is None or self.indirect:
            return None
        return rules.is_efficient(self.efficiency)


@dataclass(frozen=True)
class QuarterRow:
    indicator: Indicator
    target: Decimal | None  # the year's target
    quarters: tuple[Decimal | None, ...]
    cumulative: tuple[Decimal | None, ...]  # year to date after each quarter
    capaian: tuple[Decimal | None, ...]  # cumulative against the year's target
    bands: tuple[str | None, ...]  # predicate band of each capaian
    notes: tuple[str, ...]  # why a quarter has no capaian, "" where it has one
    attained: tuple[bool | None, ...] = ()  # a predicate target: met or not after each quarter


@dataclass(frozen=True)
class AnnualReport:
    """Everything the LKjIP, PK and quarterly documents show beyond the capaian, computed once."""

    comparisons: tuple[Comparison, ...]
    budgets: tuple[ProgramBudget, ...]
    quarters: tuple[QuarterRow, ...]
    last_quarter: int  # 1-4, 0 when no quarter is reported


def annual_report(results: Results) -> AnnualReport:
    rows = quarter_rows(results)
    return AnnualReport(tuple(comparisons(results)), tuple(program_budgets(results)), tuple(rows),
                        last_quarter_reported(rows))


def comparison(results: Results, indicator: Indicator) -> Comparison:
    history = results.achievements[indicator.number]
    current = history[-1]
    earlier = [a for a in history[:-1] if a.realisation is not None]
    previous = earlier[-1] if earlier else None
    change = None
    if previous is not None and current.realisation is not None:
        change = current.realisation - previous.realisation
    end_capaian, end_attained, end_note = rules.judge(
        indicator.end_target, current.realisation, indicator.higher_is_better, indicator.lower_formula,
        indicator.is_predicate,
    )
    standard_capaian, _, _ = rules.judge(  # a predicate indicator has no standard (catalogue)
        indicator.standard, current.realisation, indicator.higher_is_better, indicator.lower_formula,
        indicator.is_predicate,
    )
    return Comparison(indicator, current, history, previous, change, indicator.end_target, end_capaian, end_note,
                      standard_capaian, end_attained)


def comparisons(results: Results) -> list[Comparison]:
    return [comparison(results, ind) for ind in results.catalogue.indicators]


def program_budgets(results: Results) -> list[ProgramBudget]:
    """Budget lines grouped by program, in the order they first appear, with absorption and efficiency."""
    year = results.report_year
    grouped: dict[str, list[BudgetLine]] = {}
    for line in results.report.budget:
        grouped.setdefault(line.program, []).append(line)
    budgets = []
    indirect = indirect_lines(results.report.budget)
    for program, lines in grouped.items():
        ceiling = sum((line.ceiling for line in lines), Decimal(0))
        spent = sum((line.spent for line in lines), Decimal(0))
        absorption = rules.absorption(ceiling, spent)
        linked = {n for line in lines for n in line.supports}  # column "Sasaran / Indikator Didukung"
        mine = tuple(
            a for a in results.for_year(year)
            if a.indicator.number in linked or (a.indicator.level == "program" and " ".join(
                a.indicator.objective.split()).casefold() == " ".join(program.split()).casefold())
        )
        values = [a.capaian for a in mine if a.capaian is not None]
        capaian = sum(values, Decimal(0)) / len(values) if values else None
        budgets.append(ProgramBudget(program, tuple(lines), ceiling, spent, absorption, mine, capaian,
                                     rules.efficiency(capaian, absorption),
                                     tuple(rules.absorption(line.ceiling, line.spent) for line in lines),
                                     tuple(line for line in lines if line in indirect)))
    return budgets


def indirect_lines(lines: tuple[BudgetLine, ...]) -> tuple[BudgetLine, ...]:
    total = sum((line.ceiling for line in lines), Decimal(0))
    return tuple(line for line in lines
                 if rules.is_indirect(line.program, line.ceiling, total, len(set(line.supports))))


def total_budget(budgets: list[ProgramBudget] | tuple[ProgramBudget, ...]) -> tuple[Decimal, Decimal, Decimal | None]:
    ceiling = sum((b.ceiling for b in budgets), Decimal(0))
    spent = sum((b.spent for b in budgets), Decimal(0))
    return ceiling, spent, rules.absorption(ceiling, spent)


def quarter_rows(results: Results) -> list[QuarterRow]:
    year = results.report_year
    rows = []
    for ind in results.catalogue.indicators:
        quarters = tuple(results.report.quarters.get(ind.number, (None,) * 4))
        cumulative = tuple(rules.cumulative(quarters, ind.rollup))
        target = ind.targets.get(year)
        computed = [rules.judge(target, value, ind.higher_is_better, ind.lower_formula, ind.is_predicate)
                    for value in cumulative]
        capaian = tuple(value for value, _, _ in computed)
        bands = tuple(rules.predicate_key(value) if value is not None else None for value in capaian)
        rows.append(QuarterRow(ind, target, quarters, cumulative, capaian, bands, tuple(n for _, _, n in computed),
                               tuple(met for _, met, _ in computed)))
    return rows


def last_quarter_reported(rows: list[QuarterRow]) -> int:
    """1-4, or 0 when no quarter has any figure."""
    return max((i + 1 for row in rows for i, q in enumerate(row.quarters) if q is not None), default=0)
