"""Carrying last year's workbook into the new year (template --from): what outlives its year, and the history."""
