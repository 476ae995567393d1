"""The performance cascade as LKjIP Bab III shows it (PermenPANRB 53/2014): indicators grouped under their
tujuan or sasaran strategis (and program), and the budget spent for each group."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from iku import rules
from iku.measure.report import Comparison, indirect_lines
from iku.model import BudgetLine, Indicator, Results

LEVEL_TITLES = {"tujuan": "Tujuan", "sasaran": "Sasaran Strategis", "program": "Program"}
OTHER = "Indikator Kinerja Lainnya"  # indicators the IKU document lists without a tujuan, sasaran or program
SEVERAL = "Mendukung lebih dari satu tujuan/sasaran"
UNLINKED = "Belum dikaitkan dengan tujuan/sasaran"


def group_title(ind: Indicator) -> str:
    if ind.level is None or not ind.objective:
        return OTHER
    return f"{LEVEL_TITLES[ind.level]}: {ind.objective}"


def level_of(title: str) -> str:
    """'Sasaran Strategis: ...' -> 'sasaran'; '' for OTHER and the budget-only rows."""
    return next((key for key, name in LEVEL_TITLES.items() if title.startswith(name + ": ")), "")


@dataclass(frozen=True)
class Group:
    title: str  # "Sasaran Strategis: Meningkatnya Pemberdayaan Desa"
    comparisons: tuple[Comparison, ...]

    @property
    def capaian(self) -> Decimal | None:
        """Mean capaian of the group's indicators that have one this year."""
        values = [c.current.capaian for c in self.comparisons if c.current.capaian is not None]
        return sum(values, Decimal(0)) / len(values) if values else None


def groups(comparisons: list[Comparison] | tuple[Comparison, ...]) -> list[Group]:
    """In catalogue order (tujuan, sasaran, program, then the others)."""
    found: dict[str, list[Comparison]] = {}
    for c in comparisons:
        found.setdefault(group_title(c.indicator), []).append(c)
    return [Group(title, tuple(items)) for title, items in found.items()]


@dataclass(frozen=True)
class GroupBudget:
    title: str
    ceiling: Decimal
    spent: Decimal
    absorption: Decimal | None
    capaian: Decimal | None
    efficiency: Decimal | None
    activities: tuple[str, ...] = ()  # the kegiatan counted here, in sheet order
    indirect: tuple[BudgetLine, ...] = ()  # kegiatan whose link to their one indicator is indirect (rules)

    @property
    def efficient(self) -> bool | None:
        if self.efficiency is None or self.indirect:
            return None
        return rules.is_efficient(self.efficiency)


def group_budgets(results: Results, found: list[Group]) -> list[GroupBudget]:
    """Each budget line counted once: under the one group its indicators belong to, under SEVERAL when they span
    groups, under UNLINKED when it names none (and its program has no indicator of its own)."""
    by_number = {ind.number: ind for ind in results.catalogue.indicators}
    own_program = {" ".join(ind.objective.split()).casefold(): ind.number for ind in results.catalogue.indicators
                   if ind.level == "program"}
    sums: dict[str, list[Decimal]] = {}
    activities: dict[str, list[str]] = {}
    lines_of: dict[str, list[BudgetLine]] = {}
    for line in results.report.budget:
        numbers = set(line.supports)
        if not numbers and " ".join(line.program.split()).casefold() in own_program:
            numbers = {own_program[" ".join(line.program.split()).casefold()]}
        titles = {group_title(by_number[n]) for n in numbers}
        title = titles.pop() if len(titles) == 1 else SEVERAL if titles else UNLINKED
        total = sums.setdefault(title, [Decimal(0), Decimal(0)])
        total[0] += line.ceiling
        total[1] += line.spent
        activities.setdefault(title, []).append(line.activity)
        lines_of.setdefault(title, []).append(line)
    capaian = {g.title: g.capaian for g in found}
    indirect = indirect_lines(results.report.budget)
    order = [g.title for g in found] + [SEVERAL, UNLINKED]
    result = []
    for title in order:
        if title not in sums:
            continue
        ceiling, spent = sums[title]
        absorption = rules.absorption(ceiling, spent)
        mean = capaian.get(title)
        result.append(GroupBudget(title, ceiling, spent, absorption, mean, rules.efficiency(mean, absorption),
                                  tuple(activities[title]),
                                  tuple(line for line in lines_of[title] if line in indirect)))
    return result
