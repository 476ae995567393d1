"""Measure: realisations, achievements, predicates, comparisons and the report's sentences."""
