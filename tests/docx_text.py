"""Read a generated .docx back as text: paragraphs, tables (nested too), headers and footers."""

from __future__ import annotations

from pathlib import Path

from docx import Document

NBSP = "\u00a0"  # tables keep a figure and its unit together ("3 desa"); read back as an ordinary space


def _cells_text(table) -> list[list[str]]:
    return [[cell.text.replace(NBSP, " ") for cell in row.cells] for row in table.rows]


def tables(path: Path) -> list[list[list[str]]]:
    return [_cells_text(t) for t in Document(path).tables]


def full_text(path: Path) -> str:
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]

    def walk(table):
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text.replace(NBSP, " ") for p in cell.paragraphs)
                for inner in cell.tables:
                    walk(inner)

    for table in doc.tables:
        walk(table)
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)
