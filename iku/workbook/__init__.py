"""The standard workbook that staff fill: its sheets, protection, dropdowns and guide."""
