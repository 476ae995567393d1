"""What the document's own title and headings say: the Renstra period, the office and its kabupaten, and the
kop surat. Regulations a decree cites (Menimbang, Mengingat, Memperhatikan: "RPJPD ... 2025-2045") are not the
document's own and are never read as its period or office."""

from __future__ import annotations

import re

from iku.office_import.docx_read import Block
from iku.office_import.draft import Draft, clean_name, nice_case, norm

TITLE = "indikator kinerja utama"
_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:[-\u2013\u2014]|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga)\s*"
                    r"((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_CITATION = re.compile(r"\b(rpjpd|rpjp|rpjmd|rpjmn|rpjm|rkpd|undang|peraturan|perda|perbup|perwali|permendagri|"
                       r"permenpan|instruksi|keputusan menteri|keputusan bupati)\b", re.IGNORECASE)
_CITED_FROM = ("menimbang", "mengingat", "memperhatikan")
_CITED_UNTIL = ("memutuskan", "menetapkan")
_REGENCY = re.compile(r"^(?P<office>.*?)\s*,?\s+(?:kabupaten|kab\.)\s+(?P<regency>.+)$", re.IGNORECASE)


def own_lines(blocks: list[Block]) -> list[str]:
    """The document's paragraphs outside a decree's Menimbang / Mengingat / Memperhatikan, without the lines that
    cite a regulation or a plan."""
    lines = []
    cited = False
    for block in blocks:
        if block.is_table:
            continue
        word = norm(block.text)
        if word.startswith(_CITED_FROM):
            cited = True
        elif word.startswith(_CITED_UNTIL):
            cited = False
        if not cited and block.text.strip() and not _CITATION.search(block.text):
            lines.append(block.text.strip())
    return lines


def period(lines: list[str], draft: Draft) -> None:
    found: dict[tuple[int, int], str] = {}
    for line in lines:
        for match in _RANGE.finditer(line):
            first, last = int(match.group(1)), int(match.group(2))
            if first <= last:
                found.setdefault((first, last), line)
    if not found:
        draft.errors.append("judul dokumen: periode (misalnya 'TAHUN 2021-2026') tidak ditemukan")
        return
    if len(found) > 1:
        shown = " dan ".join(f"{a}-{b} ('{_short(line)}')" for (a, b), line in found.items())
        draft.errors.append(f"dokumen menyebut lebih dari satu periode: {shown}; judul dokumen IKU harus menyebut "
                            "satu periode Renstra")
        return
    draft.first_year, draft.last_year = next(iter(found))


def office_and_regency(text: str) -> tuple[str, str]:
    """'KECAMATAN X KAB. Y', 'Kecamatan X, Kabupaten Y', '... KABUPATEN Y PROVINSI Z' -> ('KECAMATAN X', 'Y')."""
    text = clean_name(text)
    found = _REGENCY.match(text)
    if not found:
        return text, ""
    regency = re.split(r"\s*,\s*|\s+(?:provinsi|prov\.?)\s+|\s+(?:tahun|periode)\s+|\s*\(", found.group("regency"),
                       flags=re.IGNORECASE)[0]
    return clean_name(found.group("office")), clean_name(regency)


def place(office: str) -> str:
    """'Kecamatan Mantup' and 'Camat Mantup' both name the place Mantup."""
    return re.sub(r"^(?:(?:plt|plh|pj|pjs)\.?\s+)?(?:kecamatan|kelurahan|camat|lurah)\s+", "", clean_name(office),
                  flags=re.IGNORECASE).casefold()


def names_in_title(lines: list[str]) -> list[tuple[str, str, str]]:
    """(office, regency, line) from the title and headings: the lines in capitals that name a kecamatan, its
    camat or its government ('PEMERINTAH KABUPATEN Y'); either part may be empty."""
    found = []
    for line in lines:
        if line != line.upper():
            continue
        government = re.match(r"^pemerintah\s+(?:kabupaten|kab\.)\s+(.+)$", clean_name(line), re.IGNORECASE)
        if government:
            found.append(("", office_and_regency("X KABUPATEN " + government.group(1))[1], line))
            continue
        office = re.search(r"\b(?:kecamatan|kelurahan)\s+\S.*$", line, re.IGNORECASE)
        camat = re.match(r"^(?:keputusan\s+)?(?:(?:plt|plh|pj)\.?\s+)?camat\s+(\S.*)$", clean_name(line),
                         re.IGNORECASE)
        if office:
            text = re.split(r"\s+(?:tahun|periode|nomor|no|jl|jalan|telp|telepon|kode pos)\b|\s*\(",
                            office.group(0), flags=re.IGNORECASE)[0]
            name, regency = office_and_regency(text)
            found.append((name, regency, line))
        elif camat:
            found.append(("Kecamatan " + clean_name(camat.group(1)), "", line))
    return found


def reconcile(draft: Draft, sources: list[tuple[str, str, str]]) -> None:
    """One office and one kabupaten across the INSTANSI row, the title and the headings; two different ones are
    refused, naming both."""
    offices = [(name, where) for name, _, where in sources if name and place(name)]
    regencies = [(regency, where) for _, regency, where in sources if regency]
    for label, items, key in (("kantor", offices, place), ("kabupaten", regencies, str.casefold)):
        first = items[0] if items else None
        other = next((item for item in items if key(item[0]) != key(first[0])), None) if first else None
        if other:
            draft.errors.append(f"dokumen menyebut dua {label}: '{first[0]}' ({_short(first[1])}) dan '{other[0]}' "
                                f"({_short(other[1])}); satu dokumen IKU untuk satu kantor")
    if offices and not draft.name:
        draft.name = nice_case(offices[0][0])
    if regencies and not draft.regency:
        draft.regency = nice_case(regencies[0][0])


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + " ..."


def _before_title(blocks: list[Block]) -> list[str]:
    """Lines above the first title, empty ones kept: the kop's lines are read by their place."""
    lines: list[str] = []
    for block in blocks:
        if not block.is_table and norm(block.text).startswith(TITLE):
            return lines
        if block.is_table:
            lines += [p for row in block.rows for cell in row for p in cell.paragraphs]
        else:
            lines.append(block.text.strip())
    return []


def letterhead(blocks: list[Block], draft: Draft) -> None:
    """The kop surat the tool's own documents carry: government, office, address, contact (either may be empty)."""
    lines = _before_title(blocks)
    filled = [i for i, line in enumerate(lines) if line][:3]  # the kop opens the document
    start = next((i for i in filled if norm(lines[i]).startswith("pemerintah")), None)
    if start is not None:
        kop = [*lines[start:start + 4], "", ""]
        draft.government, draft.address, draft.contact = nice_case(kop[0]), kop[2], kop[3]


def is_letterhead_table(block: Block) -> bool:
    return any(norm(p).startswith("pemerintah") for row in block.rows for cell in row for p in cell.paragraphs)
