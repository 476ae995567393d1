"""Check: raw cells into typed values, every problem collected with its sheet and cell."""
