"""The notes iku wrote on the Realisasi cells of an old workbook, read straight from the file (defusedxml): the
workbook is opened read-only for the rest, and openpyxl's read-only mode does not load comments."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from defusedxml.ElementTree import fromstring

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def _target(base: str, target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))


def sheet_comments(path: Path, sheet: str, author: str) -> dict[str, str]:
    """Cell coordinate -> comment text, for the comments of `author` on `sheet`; {} when there are none."""
    try:
        with zipfile.ZipFile(path) as archive:
            book = fromstring(archive.read("xl/workbook.xml"))
            rels = {r.get("Id"): r.get("Target") for r in fromstring(archive.read("xl/_rels/workbook.xml.rels"))}
            rid = next((s.get(f"{DOC_REL}id") for s in book.iter(f"{MAIN}sheet") if s.get("name") == sheet), None)
            if rid is None or rid not in rels:
                return {}
            part = _target("xl", rels[rid])
            folder, name = posixpath.split(part)
            sheet_rels = f"{folder}/_rels/{name}.rels"
            if sheet_rels not in archive.namelist():
                return {}
            target = next((r.get("Target") for r in fromstring(archive.read(sheet_rels)).iter(f"{REL}Relationship")
                           if r.get("Type") == COMMENTS), None)
            if target is None:
                return {}
            root = fromstring(archive.read(_target(folder, target)))
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    authors = [a.text or "" for a in root.iter(f"{MAIN}author")]
    found = {}
    for comment in root.iter(f"{MAIN}comment"):
        index = int(comment.get("authorId", "-1"))
        if 0 <= index < len(authors) and authors[index] == author:
            found[comment.get("ref", "")] = "".join(t.text or "" for t in comment.iter(f"{MAIN}t")).strip()
    return found
