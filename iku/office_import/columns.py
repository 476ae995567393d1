"""The header of an IKU table: which column holds what, read from the header words of one or two header rows
(a merged "Target" over the years, "Kondisi Awal (2024)", "Tahun ke-1", "Target Tahun 2025", ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from iku.office_import.docx_read import Cell
from iku.office_import.draft import norm

LEVELS = ("tujuan", "sasaran", "program")  # from the widest to the narrowest
# Read from each row into the catalogue; the other kinds are the period's columns or are only recognised.
TEXT_KINDS = ("name", "definition", "formula", "unit", "source", "responsible", "polarity", "note", *LEVELS)
KIND_TITLES = {"name": "Indikator", "definition": "Definisi Operasional", "formula": "Formulasi Perhitungan",
               "unit": "Satuan", "source": "Sumber Data", "responsible": "Penanggung Jawab",
               "polarity": "Polaritas", "note": "Keterangan", "tujuan": "Tujuan", "sasaran": "Sasaran",
               "program": "Program"}
_YEAR_WORDS = {"target", "kinerja", "tahun", "th", "thn", "%"}
_SUBHEADER_WORDS = _YEAR_WORDS | {"ke", "awal", "akhir", "kondisi", "baseline", "realisasi", "capaian", "periode",
                                  "renstra", "pada", "satuan", "data", "uraian", "nama"}
_CITED_ONLY = ("frekuensi", "produsen data", "periode pengukuran", "metode pengumpulan", "kegiatan", "pagu",
               "anggaran")
_YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class Column:
    index: int
    kind: str  # a TEXT_KINDS key, "no", "year", "index" (Tahun ke-N), "baseline", "end", "ignored", "target"
    label: str  # the header as written, for messages
    year: int | None = None  # of a year, an index (its N), a baseline or an end column, when the header says it
    percent: bool = False  # the header carries "%"


def row_number(cell: Cell) -> int | None:
    found = re.fullmatch(r"(\d{1,3})\.?", cell.text.strip())
    return int(found.group(1)) if found else None


def has_letters(text: str) -> bool:
    return re.search(r"[^\W\d_]", text) is not None


def is_column_number_row(row: tuple[Cell, ...]) -> bool:
    """The row of column numbers many Indonesian tables carry under the header: '1 | 2 | 3' or '(1) | (2) | (3)'.
    Only a run counting up by one (a merged cell repeats its number) is one, so a data row is never taken for it."""
    numbers: list[int] = []
    for cell in row:
        text = cell.text.strip()
        if not text:
            continue
        found = re.fullmatch(r"\(?(\d{1,2})\)?\.?", text)
        if found is None:
            return False
        if not numbers or int(found.group(1)) != numbers[-1]:
            numbers.append(int(found.group(1)))
    return len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def words(cell: Cell) -> str:
    """A header cell on one line; a word a converted PDF hyphenated over two lines is joined again."""
    text = "\n".join(cell.paragraphs)
    return " ".join(re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text).split())


def classify(parts: list[str]) -> tuple[str, int | None]:
    """The kind of a column from its header cells (top to bottom), with the year or the N of 'Tahun ke-N' it
    names; the lowest cell naming a year gives it ('Target 2025-2029' over '2025' is 2025)."""
    word = norm(" ".join(parts))
    tokens = word.split()
    year = None
    for part in reversed(parts):
        found = {int(t) for t in norm(part).split() if _YEAR.fullmatch(t)}
        if found:
            year = found.pop() if len(found) == 1 else None
            break
    if not word:
        return "ignored", None
    if word in ("no", "nomor", "no urut", "nomor urut"):
        return "no", None
    if "awal" in tokens and ({"kondisi", "kinerja", "data", "capaian", "nilai"} & set(tokens)) or \
            tokens[0] == "baseline" or word.startswith("tahun dasar"):
        return "baseline", year
    if "akhir" in tokens and ({"kondisi", "kinerja", "target", "periode", "renstra"} & set(tokens)):
        return "end", year
    if {"realisasi", "capaian"} & set(tokens):  # "Realisasi 2024", "2025" over "Target | Realisasi"
        return "ignored", year
    rest = [t for t in tokens if t not in _YEAR_WORDS and not _YEAR.fullmatch(t)]
    if not rest and year is not None:
        return "year", year
    if len(rest) == 2 and rest[0] == "ke" and rest[1].isdigit():
        return "index", int(rest[1])
    if tokens[0] in LEVELS and "indikator" not in tokens:
        return tokens[0], None
    if tokens[0] in ("indikator", "iku") or word.startswith("kinerja utama"):
        return "name", None
    if tokens[0] in ("definisi", "pengertian"):
        return "definition", None
    if tokens[0] in ("formula", "formulasi", "rumus") or "perhitungan" in tokens or \
            word.startswith(("cara pengukuran", "cara mengukur")):
        return "formula", None
    if tokens[0] in ("alasan", "penjelasan"):
        return "reason", None  # the formula when the table has no other formula column
    if tokens[0] == "satuan":
        return "unit", None
    if tokens[0] == "sumber":
        return "source", None
    if word.startswith(("penanggung jawab", "penanggungjawab", "unit penanggung jawab", "pj ")) or word == "pj":
        return "responsible", None
    if tokens[0] in ("polaritas", "polarisasi"):
        return "polarity", None
    if tokens[0] in ("keterangan", "ket"):
        return "note", None
    if word.startswith(_CITED_ONLY):
        return "ignored", None
    if "target" in tokens or "tahun" in tokens:
        return "target", None  # a target column whose year the header does not say
    return "unknown", None


def is_header_row(row: tuple[Cell, ...]) -> bool:
    """A row of column titles: an indicator column and at least one other known column, short titles, few columns
    not known, no row number (a data row's definition may well start with 'Indikator ini ...')."""
    texts = [words(cell) for cell in row if words(cell)]
    if any(row_number(Cell((text,))) is not None for text in texts):
        return False
    kinds = [classify([text])[0] for text in texts]
    known = [k for k, text in zip(kinds, texts, strict=True) if k not in ("unknown", "ignored")]
    return "name" in kinds and len(known) >= 2 and kinds.count("unknown") <= max(1, len(known) // 2) and \
        all(len(text.split()) <= 8 for k, text in zip(kinds, texts, strict=True) if k != "unknown")


def is_subheader_row(row: tuple[Cell, ...], r: int) -> bool:
    """The second header row: years or 'Tahun ke-N' under a merged 'Target', the rest merged from above."""
    if is_column_number_row(row):
        return False
    found = False
    for cell in row:
        if cell.origin[0] < r or not words(cell):
            continue
        tokens = norm(words(cell)).split()
        if not all(t in _SUBHEADER_WORDS or re.fullmatch(r"(19|20)\d\d|\d{1,2}", t) for t in tokens):
            return False
        found = True
    return found


def columns(header: list[tuple[int, tuple[Cell, ...]]]) -> list[Column]:
    """The columns of one or two header rows: each column's title is the words of its header cells from top to
    bottom, a cell merged over several rows or columns counted in each ('Target' + '2025' = 'Target 2025')."""
    width = max(len(row) for _, row in header)
    found = []
    before = None
    for c in range(width):
        cells = tuple(row[c].origin if c < len(row) else None for _, row in header)
        if cells == before:  # one header cell merged over two columns is one column
            found.append(Column(c, "ignored", found[-1].label))
            continue
        before = cells
        parts: list[str] = []
        for r, row in header:
            if c < len(row) and row[c].origin[0] == r and words(row[c]) and words(row[c]) not in parts:
                parts.append(words(row[c]))
        label = " ".join(parts)
        kind, year = classify(parts)
        lowest = classify(parts[-1:])  # "Satuan" under a merged "Indikator Kinerja" is the unit
        if kind not in ("ignored", "baseline", "end") and lowest[0] not in ("unknown", "target", "ignored"):
            kind, year = lowest
        found.append(Column(c, kind, label, year, "%" in label))
    return found
