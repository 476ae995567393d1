"""Links from the Anggaran sheet to the performance they serve (column "Sasaran / Indikator Didukung").

A cell names one or more indicators by number ("3" or "3, 4"), by name ("Nilai SAKIP Kecamatan"), or names a
tujuan, sasaran or program by its text as the IKU document writes it (then every indicator under it);
several items are separated by ";".
"""

from __future__ import annotations

import re

from iku import layout as L
from iku.check.cells import norm
from iku.errors import Problem
from iku.model import Catalogue
from iku.read.reader import RawCell


def supports_column(header: list[RawCell]) -> int | None:
    return next((c.column for c in header if norm(c.value) == norm(L.BUDGET_SUPPORTS)), None)


def supports(header: list[RawCell], row: list[RawCell], catalogue: Catalogue,
             problems: list[Problem]) -> tuple[int, ...]:
    """The indicator numbers one budget line serves, in catalogue order; () when the column is absent or empty."""
    column = supports_column(header)
    cell = row[column - 1] if column and len(row) >= column else None
    if cell is None or cell.value is None or not str(cell.value).strip():
        return ()
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    found = resolve(str(value), catalogue)
    if found is None:
        numbers = ", ".join(str(ind.number) for ind in catalogue.indicators)
        problems.append(Problem(
            f"'{value}' tidak dikenali sebagai sasaran atau indikator. Tulis nomor indikator ({numbers}), nama "
            "indikator, atau uraian tujuan/sasaran/program persis seperti pada dokumen IKU; pisahkan beberapa "
            "dengan titik koma (;)", sheet=cell.sheet, cell=cell.coordinate))
        return ()
    return found


def resolve(text: str, catalogue: Catalogue) -> tuple[int, ...] | None:
    """Indicator numbers named by `text`, or None when any part of it names nothing known."""
    wanted: set[int] = set()
    whole = _match(text, catalogue)
    parts = [whole] if whole else [_match(part, catalogue) for part in text.split(";") if part.strip()]
    if not parts or any(p is None for p in parts):
        return None
    for p in parts:
        wanted |= p
    return tuple(ind.number for ind in catalogue.indicators if ind.number in wanted)


def _match(text: str, catalogue: Catalogue) -> set[int] | None:
    key = norm(text)
    key = re.sub(r"^(indikator|no\.?|nomor)\s*", "", key)
    if re.fullmatch(r"\d+(\s*,\s*\d+)*", key):
        numbers = {int(n) for n in re.split(r"\s*,\s*", key)}
        known = {ind.number for ind in catalogue.indicators}
        return numbers if numbers <= known else None
    for prefix in ("sasaran strategis", "sasaran", "tujuan", "program:"):
        if key.startswith(prefix + " ") or key.startswith(prefix + ":"):
            stripped = key[len(prefix):].lstrip(": ")
            if any(norm(ind.objective) == stripped for ind in catalogue.indicators):
                key = stripped
    by_objective = {ind.number for ind in catalogue.indicators if ind.objective and norm(ind.objective) == key}
    by_name = {ind.number for ind in catalogue.indicators if norm(ind.name) == key}
    return (by_objective | by_name) or None
