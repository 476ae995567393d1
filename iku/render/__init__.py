"""Render: the results into documents (.docx through docxtpl templates, .xlsx, charts, PDF)."""
