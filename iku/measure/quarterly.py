"""What one quarterly measurement report says: its date, each indicator against the quarterly or the annual
target grouped under its tujuan / sasaran / program, the budget spent to date, and the quarter's own problems and
follow-up: the indicators under target at its end and what staff wrote for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from iku import rules
from iku.measure.report import AnnualReport, ProgramBudget, QuarterRow
from iku.model import Analysis, Indicator, Results


@dataclass(frozen=True)
class QuarterLine:
    indicator: Indicator
    realisation: Decimal | None  # of the quarter alone
    to_date: Decimal | None  # s.d. the quarter (rules.cumulative)
    one_figure: bool  # realisation and to_date are the same figure by the indicator's roll-up ("terakhir")
    annual_target: Decimal | None
    quarter_target: Decimal | None  # target s.d. the quarter (Triwulan), None when not given
    capaian: Decimal | None  # to_date against quarter_target when given, else against annual_target
    band: str | None
    note: str  # why there is no capaian, "" when there is one
    written: Analysis | None  # faktor penghambat / upaya staff wrote for this quarter; None when nothing
    attained: bool | None = None  # a predicate target: met or not at the quarter's end

    @property
    def judged(self) -> bool:
        return self.capaian is not None or self.attained is not None

    @property
    def against_quarter(self) -> bool:
        return self.quarter_target is not None

    @property
    def target(self) -> Decimal | None:
        """The target the capaian is computed against."""
        return self.quarter_target if self.quarter_target is not None else self.annual_target

    @property
    def under_target(self) -> bool:
        """Worse than its target at the quarter's end (as the LKjIP judges a year: shortfalls._under)."""
        if not self.judged or self.to_date is None or self.target is None:
            return False
        return self.to_date < self.target if self.indicator.higher_is_better else self.to_date > self.target


@dataclass(frozen=True)
class QuarterGroup:
    level: str | None  # "tujuan", "sasaran", "program"; None for indicators the catalogue gives no level
    objective: str
    lines: tuple[QuarterLine, ...]


@dataclass(frozen=True)
class QuarterBudget:
    program: str
    ceiling: Decimal
    spent: Decimal | None  # realisasi s.d. the quarter; None when a line of the program has no figure
    absorption: Decimal | None


@dataclass(frozen=True)
class QuarterReport:
    quarter: int  # 1-4
    date: dt.date
    groups: tuple[QuarterGroup, ...]
    budget: tuple[QuarterBudget, ...]  # empty when the quarter's spending is not reported
    total: QuarterBudget | None

    @property
    def lines(self) -> list[QuarterLine]:
        return [line for group in self.groups for line in group.lines]

    @property
    def one_column(self) -> bool:
        """The quarter's realisation is the realisation s.d. the quarter on every line (TW I always)."""
        return all(line.realisation == line.to_date for line in self.lines)


def report_date(results: Results, quarter: int) -> dt.date:
    """The date Identitas gives for the quarter, else the 10th day after the quarter ends (rules)."""
    given = results.report.identity.quarter_dates
    if len(given) >= quarter and given[quarter - 1] is not None:
        return given[quarter - 1]
    return rules.quarter_report_date(results.report_year, quarter)


def line(results: Results, row: QuarterRow, quarter: int) -> QuarterLine:
    ind = row.indicator
    i = quarter - 1
    targets = results.report.quarter_targets.get(ind.number, ())
    quarter_target = targets[i] if len(targets) > i else None
    target = quarter_target if quarter_target is not None else row.target
    capaian, attained, note = rules.judge(target, row.cumulative[i], ind.higher_is_better, ind.lower_formula,
                                          ind.is_predicate)
    band = rules.predicate_key(capaian) if capaian is not None else None
    return QuarterLine(ind, row.quarters[i], row.cumulative[i], ind.rollup == "terakhir", row.target,
                       quarter_target, capaian, band, note, written(results, ind.number, quarter), attained)


def written(results: Results, number: int, quarter: int) -> Analysis | None:
    """What staff wrote for the quarter (Triwulan). The year's end is the year itself: without TW IV text, the TW IV
    report takes faktor penghambat and upaya of the Analisis sheet, which the LKjIP prints for the same figure."""
    texts = results.report.quarter_analysis.get(number, ())
    if len(texts) >= quarter and texts[quarter - 1] is not None:
        return texts[quarter - 1]
    year = results.report.analysis.get(number)
    if quarter == 4 and year is not None and (year.obstacle or year.action):
        return Analysis(obstacle=year.obstacle, action=year.action)
    return None


def groups(lines: list[QuarterLine]) -> tuple[QuarterGroup, ...]:
    """By tujuan / sasaran / program in catalogue order; indicators without a level last, in one group."""
    keyed: dict[tuple[str | None, str], list[QuarterLine]] = {}
    for item in lines:
        ind = item.indicator
        key = (ind.level, ind.objective) if ind.level else (None, "")
        keyed.setdefault(key, []).append(item)
    ordered = sorted(keyed.items(), key=lambda kv: kv[0][0] is None)  # stable: catalogue order otherwise
    return tuple(QuarterGroup(level, objective, tuple(items)) for (level, objective), items in ordered)


def budget(budgets: tuple[ProgramBudget, ...], quarter: int) -> tuple[tuple[QuarterBudget, ...], QuarterBudget | None]:
    """Pagu, spending s.d. the quarter and serapan per program, and the total; () when nothing is reported."""
    i = quarter - 1

    def spent(program: ProgramBudget) -> Decimal | None:
        amounts = [ln.spent_to_quarter[i] if len(ln.spent_to_quarter) > i else None for ln in program.lines]
        return None if any(a is None for a in amounts) else sum(amounts, Decimal(0))

    rows = [(b.program, b.ceiling, spent(b)) for b in budgets]
    if all(amount is None for _, _, amount in rows):
        return (), None
    lines = tuple(QuarterBudget(p, c, s, rules.absorption(c, s) if s is not None else None) for p, c, s in rows)
    ceiling = sum((b.ceiling for b in lines), Decimal(0))
    total_spent = None if any(b.spent is None for b in lines) else sum((b.spent for b in lines), Decimal(0))
    absorption = rules.absorption(ceiling, total_spent) if total_spent is not None else None
    return lines, QuarterBudget("Jumlah", ceiling, total_spent, absorption)


def quarter_report(results: Results, view: AnnualReport, quarter: int) -> QuarterReport:
    lines = [line(results, row, quarter) for row in view.quarters]
    programs, total = budget(view.budgets, quarter)
    return QuarterReport(quarter, report_date(results, quarter), groups(lines), programs, total)
