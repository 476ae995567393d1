"""Reading single cells and indicator rows of the input workbook: numbers in Indonesian notation."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from iku import layout as L
from iku.errors import Problem
from iku.model import Catalogue, Indicator
from iku.read.cell_values import ascii_int, clean_text
from iku.read.reader import RawCell, RawWorkbook
from iku.rules import PREDICATE_LETTERS, predicate_rank

# Indonesian notation: thousands dot, decimal comma ("1.234,5"), or plain digits with a comma.
_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^-?\d+(,\d+)?$")
_DOT_DECIMAL = re.compile(r"^-?\d+\.\d+$")

class NotANumber(ValueError):
    """Carries the Indonesian explanation of why a cell is not a usable number."""


def parse_number(cell: RawCell, percent: bool, example: str = "46,67") -> Decimal | None:
    """The number a cell holds, in the indicator's unit (percent as 46.67), or None when empty.
    `example` is the number shown in the message when the text is not one."""
    value = cell.value
    if cell.is_formula and value is None:
        raise NotANumber(
            "berisi rumus yang hasilnya belum tersimpan (file dibuat program lain dan belum pernah "
            "dibuka di Excel). Buka file di Excel, simpan, lalu ulangi."
        )
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise NotANumber(f"berisi {_shown(value)}, bukan angka")
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if isinstance(value, float) and abs(value) < 1e12:
            number = number.quantize(Decimal("1e-9")).normalize()  # formula noise: 1.0000000000002 -> 1
        if percent and is_percent_format(cell.number_format):
            return number * 100  # Excel stores 46,67% as 0.4667
        return _not_a_fraction(number, percent)
    text = str(value)
    number = _parse_text(text, percent, example)
    return number if text.strip().endswith("%") else _not_a_fraction(number, percent)


def _not_a_fraction(number: Decimal, percent: bool) -> Decimal:
    """0,4667 for a percent indicator, in a cell not formatted as percent, is ambiguous: never guess."""
    if percent and 0 < number < 1:
        raise NotANumber(
            f"{_plain(number)} di sel yang tidak berformat persen: maksudnya {_plain(number * 100)}%? "
            f"Tulis {_plain(number * 100)}% atau format sel sebagai persen"
        )
    return number


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def is_percent_format(number_format: str) -> bool:
    """A real percent sign in the format, not one quoted ("%"), escaped (\\%) or in a [..] section."""
    return "%" in _QUOTED.sub("", number_format or "")


_MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli",
           "agustus", "september", "oktober", "november", "desember")


class NotADate(ValueError):
    """A cell that is neither empty nor a date; `shown` is what it holds as staff see it ("TRUE", "31/02/2025")."""

    def __init__(self, shown: str, is_bool: bool) -> None:
        super().__init__(shown)
        self.shown, self.is_bool = shown, is_bool


def date_value(cell: RawCell) -> dt.date | None:
    """The date a cell holds (a date cell, or text such as 24/11/2026 or 24 November 2026), or None when empty;
    raises NotADate otherwise. Each caller words its own message."""
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise NotADate("TRUE" if value else "FALSE", is_bool=True)
    parsed = parse_date_text(str(value).strip())
    if parsed is None:
        raise NotADate(str(value).strip(), is_bool=False)
    return parsed


def parse_date_text(text: str) -> dt.date | None:
    """A date written as text, day first (12/04/2025, 12-04-2025, 12.04.2025, 12 April 2025) or ISO (2025-04-12)."""
    text = " ".join(text.split())
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    parts = text.split()
    if len(parts) == 3 and parts[1].casefold() in _MONTHS and ascii_int(parts[0]) is not None \
            and ascii_int(parts[2]) is not None:
        try:
            return dt.date(int(parts[2]), _MONTHS.index(parts[1].casefold()) + 1, int(parts[0]))
        except ValueError:
            return None
    return None


def parse_number_text(text: str, percent: bool, example: str = "46,67") -> Decimal:
    """A number written as text in Indonesian notation; raises NotANumber with the reason."""
    return _parse_text(text, percent, example)


def _parse_text(text: str, percent: bool, example: str) -> Decimal:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    has_sign = cleaned.endswith("%")
    if has_sign:
        if not percent:
            raise NotANumber(f"'{text}' memakai tanda %, padahal indikator ini bukan persen")
        cleaned = cleaned[:-1]
    if _GROUPED.match(cleaned) or _PLAIN.match(cleaned):
        try:
            return Decimal(cleaned.replace(".", "").replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the patterns admit only digits
            pass
    if _DOT_DECIMAL.match(cleaned):
        raise NotANumber(
            f"'{text}' memakai titik sebagai tanda desimal; tulis dengan koma, misalnya "
            f"'{cleaned.replace('.', ',')}'"
        )
    raise NotANumber(f"'{text}' bukan angka; tulis angka seperti {example}")


def text_cell(cell: RawCell | None, problems: list[Problem], limit: int = L.TEXT_LIMIT) -> str:
    """Text typed in a form cell, as written (the documents escape it), cleaned of Excel's escapes and control
    characters; '' when empty. A TRUE/FALSE, a date or a number Excel cannot hold exactly is a problem, never
    printed as 'True' or '1.98510102006021e+17'."""
    if cell is None or cell.value is None:
        if cell is not None and cell.is_formula:
            problems.append(Problem("berisi rumus yang hasilnya belum tersimpan; buka dan simpan file di Excel",
                                    sheet=cell.sheet, cell=cell.coordinate))
        return ""
    value = cell.value
    if isinstance(value, (bool, dt.date, dt.time, dt.timedelta)):
        problems.append(Problem(f"berisi {_shown(value)}, bukan teks", sheet=cell.sheet, cell=cell.coordinate))
        return ""
    if isinstance(value, float) and abs(value) >= 1e15:
        problems.append(Problem("berisi angka lebih dari 15 digit yang sudah dibulatkan Excel; ketik sebagai teks "
                                "dengan tanda petik (') di depannya", sheet=cell.sheet, cell=cell.coordinate))
        return ""
    if isinstance(value, float):
        value = int(value) if value.is_integer() else str(value).replace(".", ",")
    text = clean_text(str(value)).strip()
    if len(text) > limit:
        problems.append(Problem(f"teks terlalu panjang ({len(text)} karakter, paling banyak {limit}); ringkas isinya",
                                sheet=cell.sheet, cell=cell.coordinate))
        return text[:limit]
    return text


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "nilai benar/salah (TRUE/FALSE)"
    return "tanggal atau waktu"


def norm(text: object) -> str:
    return " ".join(str(text).split()).casefold() if text is not None else ""


def find_header(raw: RawWorkbook, sheet: str, problems: list[Problem]) -> list[RawCell] | None:
    """The row holding the cell 'Indikator', searched in the first rows of the sheet."""
    rows = raw.sheets[sheet][: L.HEADER_SEARCH_ROWS]
    found = next((r for r in rows if any(norm(c.value) == norm(L.HEADER_INDICATOR) for c in r)), None)
    if found is None:
        problems.append(Problem(
            f"judul kolom '{L.HEADER_INDICATOR}' tidak ditemukan di {L.HEADER_SEARCH_ROWS} baris pertama",
            sheet=sheet,
        ))
    return found


def indicator_rows(
    raw: RawWorkbook, sheet: str, header_row: list[RawCell], catalogue: Catalogue, problems: list[Problem]
) -> dict[int, list[RawCell]]:
    """Indicator number -> its row, matched by name; unknown, duplicated and missing rows are problems."""
    name_col = next(c.column for c in header_row if norm(c.value) == norm(L.HEADER_INDICATOR))
    by_name = {norm(ind.name): ind for ind in catalogue.indicators}
    found: dict[int, list[RawCell]] = {}
    for row in raw.sheets[sheet][header_row[0].row:]:
        name_cell = row[name_col - 1] if len(row) >= name_col else None
        if name_cell is None or not norm(name_cell.value):
            continue
        ind = by_name.get(norm(name_cell.value))
        if ind is None:
            problems.append(Problem(
                f"indikator '{name_cell.value}' tidak ada di katalog {catalogue.office.name}; "
                "nama indikator harus persis seperti di dokumen IKU",
                sheet=sheet, cell=name_cell.coordinate,
            ))
        elif ind.number in found:
            first = found[ind.number][name_col - 1].coordinate
            problems.append(Problem(
                f"indikator '{ind.name}' tercantum dua kali (juga di {first})", sheet=sheet, cell=name_cell.coordinate
            ))
        else:
            found[ind.number] = row
    for ind in catalogue.indicators:
        if ind.number not in found:
            problems.append(Problem(
                f"baris indikator '{ind.name}' tidak ditemukan di kolom {L.HEADER_INDICATOR}", sheet=sheet
            ))
    return found


PREDICATE_CHOICE = ", ".join(PREDICATE_LETTERS)


def parse_predicate(cell: RawCell) -> Decimal | None:
    """The rank of the predicate a cell holds ('BB', 'bb', ' BB ' -> 5), or None when empty; a number, a date or
    another text raises NotANumber: a predicate is never made from a number."""
    value = cell.value
    if cell.is_formula and value is None:
        raise NotANumber("berisi rumus yang hasilnya belum tersimpan. Buka file di Excel, simpan, lalu ulangi.")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    choose = f"pilih predikat {PREDICATE_CHOICE} (PermenPANRB 88/2021) dari daftar di sel"
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise NotANumber(f"berisi {_shown(value)}, bukan predikat; {choose}")
    if isinstance(value, (int, float)) or _PLAIN.match(str(value).strip()) or _GROUPED.match(str(value).strip()):
        shown = _plain(Decimal(repr(value))) if isinstance(value, (int, float)) else str(value).strip()
        raise NotANumber(f"berisi angka {shown}, padahal satuan indikator ini predikat: {choose}")
    rank = predicate_rank(str(value))
    if rank is None:
        raise NotANumber(f"'{str(value).strip()}' bukan predikat; {choose}")
    return rank


def parse_value(cell: RawCell, ind: Indicator) -> Decimal | None:
    """The value a cell holds in the indicator's unit: a number (percent as 46.67), or a predicate's rank for a
    predicate indicator; None when empty. Raises NotANumber with the reason, also for a predicate letter typed for
    an indicator measured in numbers."""
    if ind.is_predicate:
        return parse_predicate(cell)
    try:
        return parse_number(cell, ind.is_percent)
    except NotANumber:
        if isinstance(cell.value, str) and predicate_rank(cell.value) is not None:
            raise NotANumber(
                f"'{cell.value.strip()}' adalah predikat, padahal satuan indikator ini {ind.unit}: tulis angka "
                "(bila targetnya memang predikat, satuan di katalog kantor harus \"predikat\")") from None
        raise


def number_value(cell: RawCell, ind: Indicator, problems: list[Problem], what: str = "realisasi") -> Decimal | None:
    """A realisation (or target: `what`) in the indicator's unit and range, or None (empty, or a problem
    recorded). A predicate indicator's value is its predicate's rank (rules.predicate_rank)."""
    try:
        value = parse_value(cell, ind)
    except NotANumber as exc:
        problems.append(Problem(f"{what} '{ind.name}' {exc}", sheet=cell.sheet, cell=cell.coordinate))
        return None
    if value is None or ind.is_predicate:
        return value
    low, high = ind.value_range
    suffix = "%" if ind.is_percent else ""
    if not low <= value <= high:
        problems.append(Problem(
            f"{what} '{ind.name}' {_plain(value)}{suffix} di luar rentang {_plain(low)}-{_plain(high)}{suffix}",
            sheet=cell.sheet, cell=cell.coordinate,
        ))
        return None
    if ind.is_count and value != value.to_integral_value():
        problems.append(Problem(
            f"{what} '{ind.name}' {_plain(value)} harus bilangan bulat (jumlah {ind.unit})",
            sheet=cell.sheet, cell=cell.coordinate,
        ))
        return None
    return value


def _plain(value: Decimal) -> str:
    """A number in an error message, Indonesian style, without trailing zeros, at most 8 decimals."""
    if abs(value) >= 10**12:
        return "lebih dari satu triliun" if value > 0 else "kurang dari minus satu triliun"
    text = format(value.quantize(Decimal("1e-8")).normalize(), "f")
    return text.replace(".", ",")


def columns_by_title(header_row: list[RawCell], titles: tuple[str, ...], sheet: str, problems: list[Problem],
                     where: str = "") -> dict[str, int]:
    """Column number of each title in a header row; a missing title is a problem (`where`: e.g. " di baris 4")."""
    by_title = {norm(c.value): c.column for c in header_row if c.value is not None}
    columns = {}
    for title in titles:
        if norm(title) in by_title:
            columns[title] = by_title[norm(title)]
        else:
            problems.append(Problem(f"judul kolom '{title}' tidak ditemukan{where} (diubah atau dihapus?)",
                                    sheet=sheet))
    return columns
