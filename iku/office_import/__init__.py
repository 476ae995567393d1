"""A new office's catalogue from its IKU document (`python generate.py office import IKU.docx`)."""

from __future__ import annotations

from pathlib import Path

from iku.office_import import heading, indicators, signature, tables
from iku.office_import.docx_read import Block, read_document
from iku.office_import.draft import Draft


def read_iku(path: Path) -> Draft:
    """Everything the document says about the office; what it could not read is in `errors` (by table, row and
    column), what it left out or read with less than certainty in `notes` and in each indicator's `check`."""
    source = read_document(path)
    blocks = list(source.blocks)
    draft = Draft()
    lines = heading.own_lines(blocks)
    heading.period(lines, draft)
    heading.letterhead(blocks, draft)
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
    names = []
    if office is None:
        draft.errors.append("tabel INSTANSI / TUGAS / FUNGSI tidak ditemukan")
    else:
        names += tables.office_table(office, draft)
    heading.reconcile(draft, names + heading.names_in_title(lines))
    if office is not None and draft.name and not draft.regency:
        draft.errors.append(f"baris INSTANSI dan judul dokumen tidak menyebut kabupaten ('{draft.name}'; misalnya "
                            "'KECAMATAN MANTUP KABUPATEN LAMONGAN')")
    used = _indicators(blocks, office, draft)
    last = max((blocks.index(b) for b in used), default=len(blocks) - 1)
    outside = [b for b in blocks if b not in used and b is not office]
    signature.signature(signature.lines_of(blocks[last + 1:]), signature.lines_of(outside),
                        heading.place(draft.name), draft)
    for block in table_blocks:
        if block not in used and block is not office and not signature.is_signature_table(block) and \
                not heading.is_letterhead_table(block):
            first = " | ".join(c.text for c in block.rows[0])[:60] if block.rows else ""
            draft.notes.append(f"tabel {block.number} tidak dikenali dan dilewati ('{first}')")
    # a header repeated on every page says the same once
    draft.errors, draft.notes = list(dict.fromkeys(draft.errors)), list(dict.fromkeys(draft.notes))
    return draft


def _indicators(blocks: list[Block], office: Block | None, draft: Draft) -> list[Block]:
    """Reads every indicator and target table; returns them."""
    used, records, positional = [], [], []
    previous = None  # the last table read with a header, and its header
    for block in (b for b in blocks if b.is_table and b is not office):
        if indicators.is_data_table(block):
            found, layout = indicators.read_table(block, draft)
            previous = (block, layout) if layout else None
        elif previous and _continues(previous[0], block, blocks):
            draft.notes.append(f"tabel {block.number}: tanpa baris judul; dibaca sebagai lanjutan tabel "
                               f"{previous[0].number} (kolomnya sama, tepat sesudahnya)")
            found, layout = indicators.read_table(block, draft, carried=previous[1])
            previous = (block, layout)
        elif draft.first_year and indicators.is_positional_table(block, len(draft.years)):
            found = indicators.read_positional(block, draft)
            positional.append(block)
            previous = None
        else:
            continue
        records += found
        used.append(block)
    if not used:
        draft.errors.append("tabel indikator (kolom No / Tujuan, Sasaran atau Program / Indikator / Definisi "
                            "Operasional / Formulasi Perhitungan, atau Indikator dengan target per tahun) tidak "
                            "ditemukan")
        return used
    headed = next((r for r in records if not r.positional and any(isinstance(k, int) for k in r.values)), None)
    for block in positional if headed else []:  # one table names its years, this one leaves them to their order
        draft.errors.append(f"tabel {block.number}: tabel target tanpa baris judul, padahal {headed.where} menyebut "
                            "tahun di judul kolomnya; beri tabel ini baris judul (No, Indikator, tahun-tahunnya)")
    indicators.merge(records, draft)
    if draft.indicators and not any(i.in_target_table for i in draft.indicators):
        draft.errors.append("tabel target (No / Indikator Kinerja / target per tahun / kondisi akhir) tidak "
                            "ditemukan")
    indicators.finish(draft, leveled_document=any(r.level for r in records))
    for ind in draft.indicators:
        if not ind.in_target_table:
            draft.notes.append(f"indikator {ind.number} '{ind.name}' tidak ada di tabel target: targetnya kosong")
    return used


def _continues(before: Block, block: Block, blocks: list[Block]) -> bool:
    """A table split over two pages (a converted PDF): the same columns, nothing but empty lines between."""
    between = blocks[blocks.index(before) + 1:blocks.index(block)]
    return indicators.width(block) == indicators.width(before) and all(not b.is_table and not b.text.strip()
                                                                        for b in between)
