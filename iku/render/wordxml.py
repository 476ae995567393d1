"""Word XML written as text for the cells and blocks placed with {{p ...}}: much faster than building them with
python-docx objects in a docxtpl sub-document, and the same XML python-docx writes."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

PRESERVE = ' xml:space="preserve"'
FONT = "Arial"  # the templates' font (tools/docx_build.py)


def run_content(text: str) -> str:
    """The inside of a run: text, with line breaks and tabs as python-docx writes them (w:br, w:tab)."""
    return "".join("<w:br/>" if part == "\n" else "<w:tab/>" if part == "\t" else
                   f"<w:t{PRESERVE if part != part.strip() else ''}>{escape(part)}</w:t>"
                   for part in re.split(r"(\n|\t)", text) if part)


def paragraph(runs: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>"


def run(text: str, bold: bool = False, size: int = 20) -> str:
    """One run as Word XML (size in half-points); breaks and tabs as python-docx writes them."""
    body = run_content(text)
    weight = "<w:b/>" if bold else '<w:b w:val="0"/>'
    return (f'<w:r><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/>{weight}'
            f'<w:i w:val="0"/><w:sz w:val="{size}"/></w:rPr>{body}</w:r>')
