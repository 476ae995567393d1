"""Word XML written as text for the cells and blocks placed with {{p ...}}: much faster than building them with
python-docx objects in a docxtpl sub-document, and the same XML python-docx writes."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

PRESERVE = ' xml:space="preserve"'


def run_content(text: str) -> str:
    """The inside of a run: text, with line breaks and tabs as python-docx writes them (w:br, w:tab)."""
    return "".join("<w:br/>" if part == "\n" else "<w:tab/>" if part == "\t" else
                   f"<w:t{PRESERVE if part != part.strip() else ''}>{escape(part)}</w:t>"
                   for part in re.split(r"(\n|\t)", text) if part)


def paragraph(runs: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>"
