"""The signature block: place and date, position, name, rank and NIP, each recognised by what it says, never by
its place in the block, so that a 'Pada tanggal ...' or 'Mengetahui,' line shifts nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from iku import rules
from iku.office_import.docx_read import Block
from iku.office_import.draft import DATE_TEXT, MONTHS, Draft, clean_name, indonesian_date, nice_case, norm

_NIP = re.compile(r"\bNIP\b\.?\s*:?\s*([\d ]{8,})", re.IGNORECASE)
_POSITION = re.compile(r"^(?:a\.?\s?n\.?\s+)?(?:(?:plt|plh|pj|pjs)\.?\s+)?(camat|sekretaris|kepala|lurah|bupati|"
                       r"wakil bupati|wali kota|walikota|sekda)\b", re.IGNORECASE)
_MONTH_YEAR = rf"(?:{'|'.join(MONTHS)})\s+\d{{4}}"  # a date whose day is left blank, to be written by hand
_PLACE_DATE = re.compile(rf"^(?P<place>[^,\d]{{2,60}}),\s*(?P<date>{DATE_TEXT}|{_MONTH_YEAR}|\.{{3,}}.*|\u2026.*)$",
                         re.IGNORECASE)
_SET_AT = re.compile(r"^ditetapkan\s+di\s*:?\s*(?P<place>[^,]+?)(?:\s*,?\s+pada\s+tanggal\s*:?\s*(?P<date>.+))?$",
                     re.IGNORECASE)
_ON_DATE = re.compile(r"^(?:pada\s+)?tanggal\s*:?\s*(?P<date>.+)$", re.IGNORECASE)
_ASIDE = ("mengetahui", "menyetujui", "disahkan", "diverifikasi", "yang menetapkan", "yang membuat")
_RANK_WORDS = re.compile(r"^(?:pangkat\s*:?\s*)?(pembina|penata|pengatur|juru)\b", re.IGNORECASE)
_LEADING_TITLES = re.compile(r"^(?:(?:prof|dr|drs|dra|ir|h|hj)\.\s*)+", re.IGNORECASE)


@dataclass
class Signed:
    nip: str
    position: str = ""
    name_lines: list[str] = field(default_factory=list)
    rank: str = ""
    place: str = ""
    date_text: str = ""
    where: str = ""


def lines_of(blocks: list[Block]) -> list[str]:
    """Paragraphs and the cells of layout tables, column by column (two signatures side by side, a line a row,
    stay apart), each merged cell once."""
    lines: list[str] = []
    for block in blocks:
        if block.is_table:
            seen = set()
            width = max((len(row) for row in block.rows), default=0)
            for cell in (row[c] for c in range(width) for row in block.rows if c < len(row)):
                if cell.origin not in seen:
                    seen.add(cell.origin)
                    lines += [p.strip() for p in cell.paragraphs if p.strip()]
        elif block.text.strip():
            lines.append(block.text.strip())
    return lines


def is_signature_table(block: Block) -> bool:
    return any(_NIP.search(p) for row in block.rows for cell in row for p in cell.paragraphs)


def is_capitals(line: str) -> bool:
    """A name as signatures print it: in capitals, academic titles ('S.Sos.', 'M.Si', 'Drs.') as written."""
    core = _LEADING_TITLES.sub("", re.sub(r"\([^)]*\)", "", line.split(",")[0])).strip()
    letters = re.sub(r"[^\w]|\d|_", "", core)
    return len(letters) >= 3 and letters == letters.upper()


def _block(lines: list[str], nip_at: int, start: int) -> Signed | None:
    found = _NIP.search(lines[nip_at])
    digits = re.sub(r"\D", "", found.group(1))
    signed = Signed(nip=digits, where=lines[nip_at])
    before_nip = lines[nip_at][:found.start()].strip(" ,;/|-")
    if before_nip:
        signed.rank = before_nip
    i = nip_at - 1
    while i >= start:
        line = lines[i]
        word = norm(line)
        if _is_rank(line):
            signed.rank = signed.rank or _rank_text(line)
        elif _POSITION.match(line) and not signed.position:
            signed.position = clean_name(line)
        elif signed.position and not _is_head(line):
            break  # above the position only the place, the date and an aside belong to the block
        elif (set_at := _SET_AT.match(line)) is not None:
            signed.place = signed.place or clean_name(set_at.group("place"))
            signed.date_text = signed.date_text or (set_at.group("date") or "")
        elif (on := _ON_DATE.match(line)) is not None:
            signed.date_text = signed.date_text or on.group("date")
        elif (pd := _PLACE_DATE.match(line)) is not None:
            signed.place = signed.place or clean_name(pd.group("place"))
            signed.date_text = signed.date_text or pd.group("date")
        elif word.startswith(_ASIDE):
            pass
        elif not signed.position:
            signed.name_lines.insert(0, line)
        i -= 1
    return signed


def _is_head(line: str) -> bool:
    return bool(_SET_AT.match(line) or _ON_DATE.match(line) or _PLACE_DATE.match(line)
                or norm(line).startswith(_ASIDE))


def blocks_in(lines: list[str]) -> list[Signed]:
    found = []
    start = 0
    for i, line in enumerate(lines):
        if _NIP.search(line):
            block = _block(lines, i, start)
            start = i + 1
            below = lines[i + 1] if i + 1 < len(lines) else ""
            if not block.rank and _is_rank(below):  # some blocks print the rank under the NIP
                block.rank = _rank_text(below)
                start = i + 2
            found.append(block)
    return found


def _is_rank(line: str) -> bool:
    return bool(line) and not _NIP.search(line) and bool(_RANK_WORDS.match(line) or rules.rank_with_grade(line)[0])


def _rank_text(line: str) -> str:
    return re.sub(r"^pangkat\s*:?\s*", "", line, flags=re.IGNORECASE)


def signature(after_tables: list[str], everywhere: list[str], office_place: str, draft: Draft) -> None:
    """The office's own signer: the block after the tables, else the decree's; a 'Mengetahui' block of another
    official (a Bupati, a Sekretaris Daerah) is not the office's."""
    signed = blocks_in(after_tables) or blocks_in(everywhere)
    if not signed:
        draft.errors.append("blok tanda tangan (jabatan, nama, pangkat, NIP) tidak ditemukan")
        return
    own = [s for s in signed if not s.position or re.search(r"\bcamat\b", s.position, re.IGNORECASE)]
    if not own:
        draft.errors.append("blok tanda tangan: tidak ada yang ditandatangani Camat (terbaca "
                            f"{', '.join(s.position for s in signed)})")
        return
    people = {s.nip for s in own}
    if len(people) > 1:
        draft.errors.append("blok tanda tangan: dua penanda tangan berbeda ("
                            f"{' dan '.join(f'NIP {_grouped(s.nip)}' for s in own)}); dokumen IKU ditandatangani satu "
                            "pejabat")
        return
    block = own[-1]
    for other in own[:-1]:  # the decree's block may say place and date where the lampiran's does not
        block.place = block.place or other.place
        block.date_text = block.date_text or other.date_text
        block.position = block.position or other.position
    _fields(block, office_place, draft)


def _grouped(nip: str) -> str:
    """'197001011990011001' -> '19700101 199001 1 001' (groups 8-6-1-3)."""
    return f"{nip[:8]} {nip[8:14]} {nip[14:15]} {nip[15:]}"


def _fields(block: Signed, office_place: str, draft: Draft) -> None:
    if len(block.nip) != 18:
        draft.errors.append(f"blok tanda tangan: NIP '{block.where}' harus 18 angka; terbaca {len(block.nip)}")
        return
    draft.signer_nip = _grouped(block.nip)
    names = block.name_lines
    if len(names) > 1:
        capitals = [line for line in names if is_capitals(line)]
        names = capitals if len(capitals) == 1 else names
    if len(names) != 1:
        shown = ", ".join(f"'{n}'" for n in names) or "tidak ada"
        draft.errors.append("blok tanda tangan: nama penanda tangan harus satu baris di antara jabatan dan NIP "
                            f"(huruf kapital, dengan gelarnya); terbaca {shown}")
        return
    draft.signer_name = clean_name(names[0]) if not names[0].endswith(".") else names[0].strip()
    if block.rank:
        # "Pembina Tk. I - IV/b", "Pembina, IV/a": the grade after a dash or comma is the grade in brackets
        block.rank = re.sub(r"\s*[,;-]\s*((?:IV|III|II|I)\s*/\s*[a-e])\s*$", r" (\1)", block.rank, flags=re.IGNORECASE)
        graded, wrong = rules.rank_with_grade(block.rank)
        if wrong:
            draft.errors.append(f"blok tanda tangan: pangkat '{block.rank}': {wrong}")
        # "Pembina (IV/a)", "Pembina, IV/a", "Pembina - IV/a" are kept as "Pembina": the grade follows from the rank
        draft.signer_rank = re.sub(r"[\s,;/-]*[(\[]?\s*\b(IV|III|II|I)\s*/\s*[a-e]\s*[)\]]?\s*$", "", block.rank,
                                   flags=re.IGNORECASE) if graded else block.rank
    else:
        draft.notes.append("blok tanda tangan: pangkat tidak tertulis; pangkat di katalog kosong")
    if block.position:
        draft.signer_position = nice_case(block.position)
    elif office_place:
        draft.signer_position = f"Camat {nice_case(office_place.title())}"
        draft.signer_position_read = False
        draft.notes.append(f"blok tanda tangan: jabatan tidak tertulis; ditulis '{draft.signer_position}' (periksa)")
    if block.place:
        draft.signing_place = block.place
        draft.iku_date = indonesian_date(block.date_text) if block.date_text else None
        if block.date_text and re.fullmatch(_MONTH_YEAR, block.date_text.strip(), re.IGNORECASE):
            draft.notes.append(f"blok tanda tangan: tanggal '{block.date_text.strip()}' tanpa hari (untuk ditulis "
                               "tangan); ditetapkan di katalog kosong")
        elif block.date_text and draft.iku_date is None and not re.match(r"^[.\u2026\s]+", block.date_text.strip()):
            draft.errors.append(f"blok tanda tangan: tanggal '{block.date_text}' tidak terbaca; tulis misalnya "
                                "'6 Januari 2025'")
    else:
        draft.notes.append("blok tanda tangan: tempat penandatanganan tidak tertulis; tempat_tanda_tangan kosong")
