"""The IKU document's INSTANSI / TUGAS / FUNGSI table (the indicator and target tables: indicators.py)."""

from __future__ import annotations

import re

from iku.office_import.docx_read import Block, Cell
from iku.office_import.draft import Draft, norm
from iku.office_import.heading import office_and_regency

OFFICE_LABELS = ("instansi", "tugas", "fungsi")
_LABELS = {"instansi": "instansi", "nama instansi": "instansi", "tugas": "tugas", "tugas pokok": "tugas",
           "fungsi": "fungsi"}
_NUMBERED = re.compile(r"^(\d{1,2}|[a-z])[.)]\s*(.*)$", re.DOTALL)


def _value(cell: Cell) -> Cell:
    """A value cell without the ':' typed before it ('INSTANSI | : Kecamatan ...')."""
    paragraphs = list(cell.paragraphs)
    first = next((i for i, p in enumerate(paragraphs) if p.strip()), None)
    if first is not None:
        paragraphs[first] = re.sub(r"^:\s*", "", paragraphs[first])
    return Cell(tuple(paragraphs), cell.fraction, cell.origin)


def is_office_table(block: Block) -> bool:
    return any(row and norm(row[0].text) in ("instansi", "nama instansi") for row in block.rows)


def office_table(block: Block, draft: Draft) -> list[tuple[str, str, str]]:
    """Task and functions; the office and kabupaten of the INSTANSI row are returned, to be compared with the
    title's."""
    where = f"tabel {block.number} (INSTANSI / TUGAS / FUNGSI)"
    found = {_LABELS[norm(row[0].text)]: _value(row[1]) for row in block.rows
             if len(row) >= 2 and norm(row[0].text) in _LABELS}
    for label in OFFICE_LABELS:
        if label not in found or not found[label].text:
            draft.errors.append(f"{where}: baris {label.upper()} tidak ada atau kosong")
    names = []
    if "instansi" in found and found["instansi"].text:
        name, regency = office_and_regency(found["instansi"].text)
        names.append((name, regency, f"baris INSTANSI {where}"))
    if "tugas" in found:
        draft.task = found["tugas"].text
    if "fungsi" in found:
        draft.functions = functions(found["fungsi"].paragraphs, where, draft)
    return names


def functions(paragraphs: tuple[str, ...], where: str, draft: Draft) -> list[tuple[str, str, str | None]]:
    """Numbered functions with lettered sub-items under the function before them. A list Word numbers by itself
    (no number in the text) is numbered in order; a paragraph that does not start a new item continues the last."""
    items: list[list] = []
    parent = None
    unnumbered = 0
    paragraphs = tuple(p for p in paragraphs if p.strip())
    if len(paragraphs) == 1:  # the whole list typed in one paragraph, as the seed's text shows it
        paragraphs = split_inline(paragraphs[0])
    for text in paragraphs:
        found = _NUMBERED.match(text)
        if found and found.group(2).strip():
            number = found.group(1)
            if number.isdigit():
                parent = number
            items.append([number, found.group(2).strip(), None if number.isdigit() else parent])
        elif items and unnumbered == 0:
            items[-1][1] += " " + text.strip()
        else:
            unnumbered += 1
            items.append([str(unnumbered), text.strip(), None])
    if unnumbered:
        draft.notes.append(f"{where}: fungsi tanpa nomor tertulis (penomoran otomatis Word) dinomori menurut "
                           "urutannya; periksa butir berhuruf")
    return [tuple(item) for item in items]


def split_inline(text: str) -> tuple[str, ...]:
    """'1. A; 2. B, antara lain: a. C; b. D 3. E' -> one item each. A label cuts only where it is the next one
    expected (2 after 1, a or the next number after a number, b after a), so 'No. 16' never cuts."""
    cuts = []
    number, letter = 1, ""
    for found in re.finditer(r"(?:^|(?<=\s))(\d{1,2}|[a-z])[.)]\s", text):
        label = found.group(1)
        if label == str(number):
            cuts.append(found.start())
            number, letter = number + 1, "a"
        elif letter and label == letter and number > 1:
            cuts.append(found.start())
            letter = chr(ord(letter) + 1)
    if not cuts or cuts[0] != 0:
        return (text,)
    return tuple(text[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True))
