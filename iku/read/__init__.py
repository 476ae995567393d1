"""Read: the workbook's bytes, checked and bounded, into raw cells (form sheets) and tables (data sheets)."""
