"""The optional sheets behind LKjIP Bab I: Struktur (organisation chart), Pegawai (staff) and Sarana (facilities).

Each is optional: a missing or empty sheet means the data were not supplied, and the LKjIP says so; nobody is
ever made up. Every problem names its sheet and cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from iku import layout as L
from iku.check.cells import NotANumber, columns_by_title, norm, parse_number
from iku.errors import Problem
from iku.read.cell_values import clean_text
from iku.read.reader import RawCell, RawWorkbook

NIP_DIGITS = 18  # NIP: 8 digits date of birth, 6 appointment, 1 sex, 3 serial (PP 11/2017 practice)


@dataclass(frozen=True)
class Position:
    title: str  # jabatan, e.g. "Sekretaris Kecamatan"
    holder: str  # nama pejabat; "" when the post is vacant or not given
    superior: str  # jabatan of the superior; "" for the head of office


@dataclass(frozen=True)
class Employee:
    name: str
    nip: str
    rank: str  # pangkat/golongan, e.g. "Penata (III/c)"
    education: str
    position: str


@dataclass(frozen=True)
class Facility:
    kind: str
    count: int
    condition: str


@dataclass(frozen=True)
class Organisation:
    positions: tuple[Position, ...] = ()
    employees: tuple[Employee, ...] = ()
    facilities: tuple[Facility, ...] = ()


def read(raw: RawWorkbook, problems: list[Problem]) -> Organisation:
    return Organisation(
        positions=_structure(raw, problems) if L.SHEET_STRUCTURE in raw.sheets else (),
        employees=_staff(raw, problems) if L.SHEET_STAFF in raw.sheets else (),
        facilities=_facilities(raw, problems) if L.SHEET_FACILITIES in raw.sheets else (),
    )


def _table(raw: RawWorkbook, sheet: str, titles: tuple[str, ...], problems: list[Problem]):
    """Columns by title and the filled rows below the header (the row holding the first title)."""
    rows = raw.sheets[sheet]
    header = next((r for r in rows[: L.HEADER_SEARCH_ROWS] if any(norm(c.value) == norm(titles[0]) for c in r)), None)
    if header is None:
        if any(c.value is not None and str(c.value).strip() for r in rows for c in r):
            problems.append(Problem(f"judul kolom '{titles[0]}' tidak ditemukan di {L.HEADER_SEARCH_ROWS} baris "
                                    "pertama (diubah atau dihapus?)", sheet=sheet))
        return {}, []
    columns = columns_by_title(header, titles, sheet, problems, where=f" di baris {header[0].row}")
    if len(columns) < len(titles):
        return {}, []
    filled = []
    for row in rows[header[0].row:]:
        cells = {t: (row[c - 1] if len(row) >= c else None) for t, c in columns.items()}
        if any(_text(cell) for cell in cells.values()):
            filled.append(cells)
    return columns, filled


def _text(cell: RawCell | None) -> str:
    if cell is None or cell.value is None:
        return ""
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(clean_text(str(value)).split())


def _required(cell: RawCell | None, what: str, problems: list[Problem]) -> str:
    text = _text(cell)
    if not text and cell is not None:
        problems.append(Problem(f"{what} kosong pada baris yang terisi", sheet=cell.sheet, cell=cell.coordinate))
    return text


def _structure(raw: RawWorkbook, problems: list[Problem]) -> tuple[Position, ...]:
    titles = (L.STRUCTURE_POSITION, L.STRUCTURE_NAME, L.STRUCTURE_SUPERIOR)
    _, rows = _table(raw, L.SHEET_STRUCTURE, titles, problems)
    positions: list[Position] = []
    cells: dict[str, RawCell] = {}  # jabatan -> its Atasan cell
    first_cells: dict[str, RawCell] = {}  # normalised jabatan -> its Jabatan cell
    start = len(problems)
    for row in rows:
        title = _required(row[L.STRUCTURE_POSITION], "jabatan", problems)
        if not title:
            continue
        if norm(title) in first_cells:
            first = first_cells[norm(title)]
            problems.append(Problem(f"jabatan '{title}' sudah ada di sel {first.coordinate}; setiap jabatan ditulis "
                                    "sekali (tambahkan nama seksi atau nomor bila jabatannya sama)",
                                    sheet=L.SHEET_STRUCTURE, cell=row[L.STRUCTURE_POSITION].coordinate))
            continue
        cells[title] = row[L.STRUCTURE_SUPERIOR]
        first_cells[norm(title)] = row[L.STRUCTURE_POSITION]
        positions.append(Position(title, _text(row[L.STRUCTURE_NAME]), _text(row[L.STRUCTURE_SUPERIOR])))
    if len(problems) > start or not positions:
        return tuple(positions)
    known = {norm(p.title): p.title for p in positions}
    for p in positions:
        if p.superior and norm(p.superior) not in known:
            problems.append(Problem(f"atasan '{p.superior}' tidak ada di kolom {L.STRUCTURE_POSITION}; tulis jabatan "
                                    "atasan persis seperti di kolom itu, atau kosongkan untuk pimpinan (Camat)",
                                    sheet=L.SHEET_STRUCTURE, cell=cells[p.title].coordinate))
        elif p.superior and norm(p.superior) == norm(p.title):
            problems.append(Problem(f"jabatan '{p.title}' menjadi atasan dirinya sendiri", sheet=L.SHEET_STRUCTURE,
                                    cell=cells[p.title].coordinate))
    heads = [p for p in positions if not p.superior]
    if len(heads) != 1:
        where = ", ".join(cells[p.title].coordinate for p in heads) or "-"
        problems.append(Problem(f"tepat satu jabatan (pimpinan) berkolom {L.STRUCTURE_SUPERIOR} kosong; ditemukan "
                                f"{len(heads)} (sel {where})", sheet=L.SHEET_STRUCTURE,
                                cell=cells[heads[1].title].coordinate if len(heads) > 1 else None))
    elif len(problems) == start:
        _check_cycles(positions, cells, problems)
    return tuple(positions)


def _check_cycles(positions: list[Position], cells: dict[str, RawCell], problems: list[Problem]) -> None:
    """Every chain of superiors must end at the head of office."""
    by_title = {norm(p.title): p for p in positions}
    for p in positions:
        seen, current = set(), p
        while current.superior:
            if norm(current.title) in seen:
                problems.append(Problem(f"rantai atasan jabatan '{p.title}' berputar dan tidak sampai ke pimpinan",
                                        sheet=L.SHEET_STRUCTURE, cell=cells[p.title].coordinate))
                return
            seen.add(norm(current.title))
            current = by_title[norm(current.superior)]


def _staff(raw: RawWorkbook, problems: list[Problem]) -> tuple[Employee, ...]:
    titles = (L.STAFF_NAME, L.STAFF_NIP, L.STAFF_RANK, L.STAFF_EDUCATION, L.STAFF_POSITION)
    _, rows = _table(raw, L.SHEET_STAFF, titles, problems)
    staff = []
    for row in rows:
        name = _required(row[L.STAFF_NAME], "nama pegawai", problems)
        nip = _text(row[L.STAFF_NIP])
        if isinstance(getattr(row[L.STAFF_NIP], "value", None), float) and nip:
            problems.append(Problem("NIP tersimpan sebagai angka, sehingga Excel membulatkan digit terakhirnya. "
                                    "Ketik NIP sebagai teks dengan tanda petik (') di depannya",
                                    sheet=L.SHEET_STAFF, cell=row[L.STAFF_NIP].coordinate))
        elif nip and not re.fullmatch(rf"[0-9]{{{NIP_DIGITS}}}", nip.replace(" ", "")):
            problems.append(Problem(f"NIP '{nip}' harus {NIP_DIGITS} angka (boleh dengan spasi, misalnya "
                                    "19851010 200602 1 001); kosongkan bila pegawai bukan ASN",
                                    sheet=L.SHEET_STAFF, cell=row[L.STAFF_NIP].coordinate))
        staff.append(Employee(name, nip, _text(row[L.STAFF_RANK]), _text(row[L.STAFF_EDUCATION]),
                              _text(row[L.STAFF_POSITION])))
    return tuple(staff)


def _facilities(raw: RawWorkbook, problems: list[Problem]) -> tuple[Facility, ...]:
    titles = (L.FACILITY_KIND, L.FACILITY_COUNT, L.FACILITY_CONDITION)
    _, rows = _table(raw, L.SHEET_FACILITIES, titles, problems)
    found = []
    for row in rows:
        kind = _required(row[L.FACILITY_KIND], "jenis sarana", problems)
        cell = row[L.FACILITY_COUNT]
        count = None
        try:
            count = parse_number(cell, percent=False, example="3") if cell is not None else None
        except NotANumber as exc:
            problems.append(Problem(f"jumlah sarana {exc}", sheet=cell.sheet, cell=cell.coordinate))
            continue
        if count is None or count < 0 or count != count.to_integral_value():
            where = cell.coordinate if cell is not None else None
            problems.append(Problem("jumlah sarana harus bilangan bulat 0 atau lebih (misalnya 3)",
                                    sheet=L.SHEET_FACILITIES, cell=where))
            continue
        condition = _text(row[L.FACILITY_CONDITION])
        if condition and norm(condition) not in {norm(c) for c in L.FACILITY_CONDITIONS}:
            problems.append(Problem(f"kondisi '{condition}' tidak dikenal; pilih salah satu: "
                                    f"{', '.join(L.FACILITY_CONDITIONS)}", sheet=L.SHEET_FACILITIES,
                                    cell=row[L.FACILITY_CONDITION].coordinate))
            continue
        condition = next((c for c in L.FACILITY_CONDITIONS if norm(c) == norm(condition)), "")
        found.append(Facility(kind, int(Decimal(count)), condition))
    return tuple(found)


# Summaries for Bab I (Sumber Daya): counts, largest group first where there is no natural order.
GOLONGAN = ("IV", "III", "II", "I")
NO_RANK = "Tanpa pangkat/golongan"
NOT_GIVEN = "Tidak diisi"


def golongan(rank: str) -> str:
    """'Penata (III/c)' -> 'Golongan III'; a rank without a PNS golongan stays as written."""
    found = re.search(r"\b(IV|III|II|I)\s*/\s*[a-e]\b", rank, flags=re.IGNORECASE)
    if found:
        return f"Golongan {found.group(1).upper()}"
    return rank or NO_RANK


def by_rank(staff: tuple[Employee, ...]) -> list[tuple[str, int]]:
    counts = _counts(golongan(e.rank) for e in staff)
    order = [f"Golongan {g}" for g in GOLONGAN]
    return sorted(counts, key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), -kv[1], kv[0]))


def by_education(staff: tuple[Employee, ...]) -> list[tuple[str, int]]:
    return sorted(_counts(e.education or NOT_GIVEN for e in staff), key=lambda kv: (-kv[1], kv[0]))


def by_position(staff: tuple[Employee, ...]) -> list[tuple[str, int]]:
    """In the order the positions first appear on the sheet (usually the order of the structure)."""
    return _counts(e.position or NOT_GIVEN for e in staff)


def _counts(labels) -> list[tuple[str, int]]:
    found: dict[str, int] = {}
    for label in labels:
        found[label] = found.get(label, 0) + 1
    return list(found.items())
