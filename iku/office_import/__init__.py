"""A new office's catalogue from its IKU document (`python generate.py office import IKU.docx`)."""

from __future__ import annotations

import re
from pathlib import Path

from iku import rules
from iku.office_import import tables
from iku.office_import.docx_read import Block, read_document
from iku.office_import.draft import Draft, indonesian_date, nice_case, norm

TITLE = "indikator kinerja utama"
_PERIOD = re.compile(r"\b(?:tahun|periode)\s+(\d{4})\s*[-\u2013\u2014/]\s*(\d{4})\b", re.IGNORECASE)
_NIP = re.compile(r"^NIP\.?\s*:?\s*([\d ]{8,})$", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^([^,]{2,60}),\s*(\.{3,}.*|\d{1,2}\s+[A-Za-z]+\s+\d{4})$")


def read_iku(path: Path) -> Draft:
    """Everything the document says about the office; what it could not read is in `errors` (by table and
    row), what it left out or guessed in `notes`."""
    source = read_document(path)
    blocks = list(source.blocks)
    draft = Draft()
    _period(blocks, draft)
    _letterhead(blocks, draft)
    if "BUKAN DATA RESMI" in source.header.upper():
        draft.notes.append("dokumen ini bertanda CONTOH (angka ilustratif, bukan data resmi): pakai katalognya "
                           "hanya untuk latihan")
    height = max(source.page_mm)
    draft.paper = "A4" if abs(height - 297) < 3 else "F4"
    if abs(height - 297) >= 3 and abs(height - 330) >= 3:
        draft.paper_read = False
        draft.notes.append(f"ukuran kertas dokumen ({height:.0f} mm) bukan F4 atau A4: kertas diisi F4")
    table_blocks = [b for b in blocks if b.is_table]
    office = next((b for b in table_blocks if tables.is_office_table(b)), None)
    if office is None:
        draft.errors.append("tabel INSTANSI / TUGAS / FUNGSI tidak ditemukan")
    else:
        tables.office_table(office, draft)
    if office is not None and not draft.regency:
        _regency_from_title(blocks, draft)
    level_tables = [b for b in table_blocks if b is not office and tables.is_indicator_table(b)]
    if not level_tables:
        draft.errors.append("tabel indikator (kolom No / Tujuan, Sasaran atau Program / Indikator / Definisi "
                            "Operasional / Formulasi Perhitungan) tidak ditemukan")
    for block in level_tables:
        tables.indicator_table(block, draft)
    used = [office, *level_tables]
    target = next((b for b in table_blocks if b not in used and draft.years and tables.is_target_table(b, draft.years)),
                  None)
    if target is None:
        draft.errors.append("tabel target (No / Indikator Kinerja / target per tahun / kondisi akhir) tidak "
                            "ditemukan")
    else:
        tables.target_table(target, draft)
        used.append(target)
        _signature(blocks[blocks.index(target) + 1:], draft)
    for ind in draft.indicators:
        if not ind.in_target_table:
            ind.unit, ind.unit_reason = tables.guess_unit(ind)
            draft.notes.append(f"indikator {ind.number} '{ind.name}' tidak ada di tabel target: targetnya kosong")
        for year in draft.years:
            ind.targets.setdefault(year, None)
    for block in table_blocks:
        if block not in used and not _is_signature_table(block) and block.number > 0 and not _letterhead_table(block):
            first = " | ".join(c.text for c in block.rows[0])[:60] if block.rows else ""
            draft.notes.append(f"tabel {block.number} tidak dikenali dan dilewati ('{first}')")
    return draft


def _regency_from_title(blocks: list[Block], draft: Draft) -> None:
    for block in blocks:
        found = re.match(r"^(.*?)\s+kabupaten\s+(.+)$", block.text.strip(), re.IGNORECASE)
        if found and not norm(found.group(1)).startswith("pemerintah"):
            draft.name, draft.regency = draft.name or nice_case(found.group(1)), nice_case(found.group(2))
            return
    draft.errors.append(f"baris INSTANSI dan judul dokumen tidak menyebut kabupaten ('{draft.name}'; misalnya "
                        "'KECAMATAN MANTUP KABUPATEN LAMONGAN')")


def _period(blocks: list[Block], draft: Draft) -> None:
    for block in blocks:
        found = _PERIOD.search(block.text) if not block.is_table else None
        if found and int(found.group(1)) <= int(found.group(2)):
            draft.first_year, draft.last_year = int(found.group(1)), int(found.group(2))
            return
    draft.errors.append("judul dokumen: periode (misalnya 'TAHUN 2021-2026') tidak ditemukan")


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


def _letterhead(blocks: list[Block], draft: Draft) -> None:
    """The kop surat the tool's own documents carry: government, office, address, contact (either may be empty)."""
    lines = _before_title(blocks)
    start = next((i for i, line in enumerate(lines) if line), None)
    if start is not None and norm(lines[start]).startswith("pemerintah"):
        kop = [*lines[start:start + 4], "", ""]
        draft.government, draft.address, draft.contact = nice_case(kop[0]), kop[2], kop[3]


def _letterhead_table(block: Block) -> bool:
    return any(norm(p).startswith("pemerintah") for row in block.rows for cell in row for p in cell.paragraphs)


def _is_signature_table(block: Block) -> bool:
    return any(_NIP.match(p) for row in block.rows for cell in row for p in cell.paragraphs)


def _signature(blocks: list[Block], draft: Draft) -> None:
    """Place and date, position, name, rank and NIP, counted upwards from the NIP line."""
    lines: list[str] = []
    for block in blocks:
        if block.is_table:
            seen = set()
            for row in block.rows:
                for cell in row:
                    if cell.paragraphs not in seen:
                        seen.add(cell.paragraphs)
                        lines += [p for p in cell.paragraphs if p]
        elif block.text.strip():
            lines.append(block.text.strip())
    nip_at = next((i for i in range(len(lines) - 1, -1, -1) if _NIP.match(lines[i])), None)
    if nip_at is None:
        draft.errors.append("blok tanda tangan (jabatan, nama, pangkat, NIP) tidak ditemukan setelah tabel target")
        return
    draft.signer_nip = " ".join(_NIP.match(lines[nip_at]).group(1).split())
    above = [line for line in lines[max(0, nip_at - 4):nip_at]]
    place = next((i for i, line in enumerate(above) if _PLACE_DATE.match(line)), None)
    if place is not None:
        found = _PLACE_DATE.match(above[place])
        draft.signing_place = found.group(1).strip()
        draft.iku_date = indonesian_date(found.group(2))
        above = above[place + 1:]
    else:
        draft.notes.append("blok tanda tangan: tempat penandatanganan tidak tertulis; tempat_tanda_tangan kosong")
    if len(above) < 3:
        draft.errors.append("blok tanda tangan: di atas baris NIP harus ada jabatan, nama dan pangkat, masing-masing "
                            f"satu baris; terbaca {len(above)} baris")
        return
    position, name, rank = above[-3:]
    graded, _ = rules.rank_with_grade(rank)  # "Pembina (IV/a)" is kept as "Pembina": the grade follows from it
    draft.signer_position, draft.signer_name = nice_case(position), name
    draft.signer_rank = re.sub(r"\s*\(\s*(IV|III|II|I)\s*/\s*[a-e]\s*\)\s*$", "", rank) if graded else rank
