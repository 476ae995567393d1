"""Which catalogue (office and Renstra period) and which year a new workbook is written for.

An office may have several catalogues, one per Renstra period, and periods overlap when a new RPJMD starts before
the old Renstra ends (Mantup: 2021-2026 and 2025-2029). A year in two periods needs `--period`; the period is never
guessed from the year."""

from __future__ import annotations

import datetime as dt

from iku import catalogue as catalogue_mod
from iku.errors import InputError, Problem
from iku.model import Catalogue


def _refuse(message: str) -> InputError:
    return InputError(Problem(message))


def office_catalogues(catalogues: list[Catalogue], office: str | None) -> list[Catalogue]:
    codes = list(dict.fromkeys(c.office.code for c in catalogues))
    if office:
        found = catalogue_mod.of_office(office, catalogues)
        if not found:
            raise _refuse(f"kantor '{office}' tidak dikenal; kantor yang ada: {', '.join(codes)}.")
        return found
    if len(codes) != 1:
        raise _refuse(f"Sebutkan kantor dengan --office (pilihan: {', '.join(codes)}).")
    return catalogue_mod.of_office(codes[0], catalogues)


def default_year(periods: list[Catalogue], today: dt.date) -> int:
    """Reports are written for the year just ended, kept inside the office's periods."""
    first = min(c.office.first_year for c in periods)
    last = max(c.office.last_year for c in periods)
    return min(max(today.year - 1, first), last)


def choose(catalogues: list[Catalogue], office: str | None, year: int | None, period: tuple[int, int] | None,
           today: dt.date) -> tuple[Catalogue, int]:
    periods = office_catalogues(catalogues, office)
    name = periods[0].office.name
    known = ", ".join(catalogue_mod.period_text(c) for c in periods)
    if period is not None:
        chosen = catalogue_mod.with_period(period, periods)
        if chosen is None:
            raise _refuse(f"{name} tidak punya periode Renstra {period[0]}-{period[1]}; periode yang ada: {known}.")
        report_year = year if year is not None else min(max(today.year - 1, period[0]), period[1])
        if report_year not in chosen.years:
            raise _refuse(f"Tahun {report_year} di luar periode {catalogue_mod.period_text(chosen)}.")
        return chosen, report_year
    report_year = year if year is not None else default_year(periods, today)
    covering = [c for c in periods if report_year in c.years]
    if not covering:
        raise _refuse(f"Tahun {report_year} di luar periode Renstra {name} ({known}). Periode baru: impor dokumen "
                      "IKU-nya dengan python generate.py office import.")
    if len(covering) > 1:
        raise _refuse(f"Tahun {report_year} masuk {len(covering)} periode Renstra {name}; sebutkan periodenya: "
                      f"{catalogue_mod.periods_named(covering)}.")
    return covering[0], report_year
