"""The Perjanjian Kinerja template. Built by make_templates.py."""

from __future__ import annotations

import docx_build as B
from template_agreement import agreement
from template_parts import letterhead, marker_header

WIDTH = 215 - 25 - 20


def pk_template(path) -> None:
    doc, section = B.new_document(12, False, (25, 20, 20, 20))
    marker_header(section)
    letterhead(doc)
    agreement(doc, WIDTH)
    doc.save(path)
