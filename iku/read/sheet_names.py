"""Which sheets the tool reads, by their exact names, and the sheets named almost like one of them ('SKM ',
'pelayanan', 'SKM (2)', 'Pelayanán'): refused, so that a sheet is never skipped for a slip in its name."""

from __future__ import annotations

import re
import unicodedata
from posixpath import join, normpath

from defusedxml.ElementTree import fromstring

from iku import layout as L
from iku.errors import InputError, Problem

FORM_SHEETS = (L.SHEET_IDENTITY, L.SHEET_REALISATION, L.SHEET_QUARTERS, L.SHEET_ANALYSIS, L.SHEET_BUDGET,
               L.SHEET_NARRATIVE, L.SHEET_STRUCTURE, L.SHEET_STAFF, L.SHEET_FACILITIES, L.SHEET_FOLLOW_UP)
READ = FORM_SHEETS + L.DATA_SHEETS

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_COPY_MARK = re.compile(r"(?:\s*\(\s*\d+\s*\)|\s*\d+)$")  # 'SKM (2)', 'SKM2', 'SKM 2' as Excel names a copy
_SPACING = re.compile(r"[\s_\-.]+")


def folded(name: str) -> str:
    """A sheet name without what a slip changes: case, accents, spacing, a copy's trailing number."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    previous = None
    while previous != text:
        previous, text = text, _COPY_MARK.sub("", text.strip())
    return _SPACING.sub("", text)


_FOLDED = {folded(name): name for name in READ}


def near_misses(names: list[str]) -> list[Problem]:
    """One problem for each sheet whose name is not one the tool reads but differs from one only by a slip."""
    problems = []
    present = set(names)
    for name in names:
        meant = _FOLDED.get(folded(name))
        if meant is None or name == meant:
            continue
        if meant in present:
            advice = (f"lembar '{meant}' juga ada dan hanya lembar itu yang dibaca; hapus lembar '{name}' bila hanya "
                      f"salinan, atau beri nama yang jelas berbeda")
        else:
            advice = f"ganti namanya menjadi '{meant}' persis, agar isinya dibaca"
        problems.append(Problem(f"lembar '{name}' mirip '{meant}': {advice}."))
    return problems


def refuse_near_misses(names: list[str]) -> None:
    problems = near_misses(names)
    if problems:
        raise InputError(problems)


def used_parts(archive) -> set[str]:
    """The parts holding the sheets the tool reads, from the workbook's own list and relations (each part
    unpacked and checked by sanity.Archive.unpack); empty when they cannot be read (the parser then says why)."""
    try:
        book, rels = archive.unpack("xl/workbook.xml"), archive.unpack("xl/_rels/workbook.xml.rels")
        if book is None or rels is None:
            return set()
        wanted = {s.get(_REL + "id") for s in fromstring(book).iter(_MAIN + "sheet") if s.get("name") in READ}
        targets = [r.get("Target") or "" for r in fromstring(rels).iter(_PKG_REL + "Relationship")
                   if r.get("Id") in wanted]
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - a damaged list is reported by the parser that needs it
        return set()
    return {t.lstrip("/") if t.startswith("/") else normpath(join("xl", t)) for t in targets if t}
