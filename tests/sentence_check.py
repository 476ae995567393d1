"""Sentences of a generated .docx that open with a numeral (EYD forbids it), for the tests."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

ABBREVIATIONS = ("No", "Jl", "NIP", "Kab", "Kec", "Yth", "dst", "dll", "S.Sos", "S.E", "S.H", "S.P", "S.AP", "M.M",
                 "M.Si", "S.Kom", "S.STP", "A.Md", "s.d")
SPLIT = re.compile(r"(?<=[.!?])\s+")


def numeral_openings(path: Path) -> list[str]:
    """Body paragraphs (not table cells, headings or numbered list items), split into sentences."""
    found = []
    for p in Document(path).paragraphs:
        style = p.style.name if p.style is not None else ""
        text = p.text.strip()
        if style.startswith("Heading") or re.match(r"^(\d+|[a-z])\.\s", text) or len(text.split()) < 4:
            continue
        pieces = SPLIT.split(text)
        for before, piece in zip([""] + pieces, pieces, strict=False):
            if any(before.endswith(f"{abbr}.") for abbr in ABBREVIATIONS):
                continue
            if piece[:1].isdigit():
                found.append(piece)
    return found
