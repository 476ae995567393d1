"""Last year's SAKIP sheet made ready for the new template, whose component rows are named by component and
regulation (both schemes list "Perencanaan Kinerja"): a sheet of the previous template, one list of components for
every year, gets the regulation its list belongs to; a component value of a year evaluated under another scheme is
not carried (the new sheet greys that cell), and the summary says so. The Inspektorat's totals are always carried."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from iku import layout as L
from iku.check.cells import norm
from iku.rules import sakip_component_key, sakip_scheme, sakip_scheme_named, sakip_scheme_of

HEADER_ROWS = 15
_YEAR = re.compile(rf"^{re.escape(norm(L.SAKIP_VALUE_PREFIX))} (\d{{4}})$")


def _number(value: object) -> Decimal | None:
    try:
        return Decimal(str(value).strip().replace(",", ".")) if value is not None else None
    except InvalidOperation:
        return None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def years_of(ws) -> set[int]:
    """The years of the new sheet's `Nilai <tahun>` columns."""
    return {int(m.group(1)) for c in ws[L.DATA_HEADER_ROW] if (m := _YEAR.match(norm(c.value)))}


def by_scheme(old_rows: list[tuple], report_year: int, new_years: set[int]) -> tuple[list[tuple], list[str]]:
    """The old rows with a Peraturan value on every component row, component values of another scheme's years
    emptied, and component rows left with nothing the new sheet (its `new_years` before `report_year`) takes left
    out (so that they are never counted as rows without a place); with the summary's notes on what was not carried."""
    header = next((i for i, row in enumerate(old_rows[:HEADER_ROWS]) if row and norm(row[0]) == norm(
        L.SAKIP_COMPONENT)), None)
    if header is None:
        return old_rows, []
    titles = [norm(v) for v in old_rows[header]]
    years = {i: int(m.group(1)) for i, t in enumerate(titles) if (m := _YEAR.match(t))}
    carried = {i for i, year in years.items() if year < report_year and year in new_years}
    weight = titles.index(norm(L.SAKIP_WEIGHT)) if norm(L.SAKIP_WEIGHT) in titles else None
    rows = [list(row) for row in old_rows]
    body = [row for row in rows[header + 1:] if row and not _blank(row[0]) and norm(row[0]) != norm(L.SAKIP_TOTAL)]
    if norm(L.SAKIP_REGULATION) in titles:
        regulation = titles.index(norm(L.SAKIP_REGULATION))
    else:  # the previous template: one list of components, of the scheme it matches
        regulation = len(titles)
        rows[header].append(L.SAKIP_REGULATION)
        listed = [(str(row[0]), _number(row[weight]) if weight is not None and weight < len(row) else None)
                  for row in body]
        weighed = [(n, w) for n, w in listed if w is not None]
        scheme = sakip_scheme_of(weighed) if len(weighed) == len(listed) else None
        for row in body:
            row.extend([None] * (regulation + 1 - len(row)))
            row[regulation] = scheme.regulation if scheme else None
    dropped: dict[tuple[str, str], set[int]] = {}
    unknown, kept = [], []
    for row in body:
        own = sakip_scheme_named(str(row[regulation] or "")) if regulation < len(row) else None
        filled = [i for i in carried if i < len(row) and not _blank(row[i])]
        if own is None:
            unknown += [str(row[0])] if filled else []
            continue
        official = {sakip_component_key(n): n for n, _ in own.components}
        row[0] = official.get(sakip_component_key(str(row[0])), row[0])  # the seed's "Pencapaian Kinerja"
        for i in filled:
            if sakip_scheme(years[i]) is not own:
                row[i] = None
                dropped.setdefault((own.regulation, sakip_scheme(years[i]).regulation), set()).add(years[i])
        if any(not _blank(row[i]) for i in filled):
            kept.append(id(row))
    left_out = {id(row) for row in body} - set(kept)
    notes = [f"nilai komponen {theirs} tahun {', '.join(map(str, sorted(when)))} tidak dibawa, karena evaluasi tahun "
             f"itu memakai komponen {expected}; nilai SAKIP tahun itu dibawa"
             for (theirs, expected), when in dropped.items()]
    if unknown:
        notes.append(f"nilai komponen {', '.join(unknown)} tidak dibawa, karena bukan komponen evaluasi SAKIP menurut "
                     "peraturan; nilai SAKIP dibawa")
    return [tuple(row) for row in rows if id(row) not in left_out], notes
