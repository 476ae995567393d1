"""Stub: being written."""

from __future__ import annotations

KEY = "urusan"
MEASURES = ("urusan_umum",)
SHEETS: tuple[str, ...] = ()


def add_sheets(wb, catalogue, report_year) -> None:
    return None


def read(raw, catalogue, problems, warnings):
    return None


def evaluate(rows, catalogue, report):
    raise NotImplementedError
