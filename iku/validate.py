"""Turn the raw cells of an input workbook into typed values, listing every problem at once."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from iku import catalogue as catalogue_mod
from iku import layout as L
from iku.errors import InputError, Problem
from iku.model import Catalogue, Identity, Indicator, ReportInput, Signatory
from iku.reader import RawCell, RawWorkbook

# Indonesian notation: thousands dot, decimal comma ("1.234,5"), or plain digits with a comma.
_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^-?\d+(,\d+)?$")
_DOT_DECIMAL = re.compile(r"^-?\d+\.\d+$")
_REALISATION_HEADER = re.compile(rf"^{L.REALISATION_PREFIX}\s+(\S+)$", re.IGNORECASE)
_MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli",
           "agustus", "september", "oktober", "november", "desember")


@dataclass(frozen=True)
class Validated:
    catalogue: Catalogue
    report: ReportInput
    warnings: tuple[str, ...]


class _NotANumber(ValueError):
    """Carries the Indonesian explanation of why a cell is not a usable number."""


def parse_number(cell: RawCell, percent: bool) -> Decimal | None:
    """The number a cell holds, in the indicator's unit (percent as 46.67), or None when empty."""
    value = cell.value
    if cell.is_formula and value is None:
        raise _NotANumber(
            "berisi rumus yang hasilnya belum tersimpan (file dibuat program lain dan belum pernah "
            "dibuka di Excel). Buka file di Excel, simpan, lalu ulangi."
        )
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise _NotANumber(f"berisi {_shown(value)}, bukan angka")
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if percent and "%" in cell.number_format:
            number *= 100  # Excel stores 46,67% as 0.4667
        return number
    return _parse_text(str(value), percent)


def _parse_text(text: str, percent: bool) -> Decimal:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    has_sign = cleaned.endswith("%")
    if has_sign:
        if not percent:
            raise _NotANumber(f"'{text}' memakai tanda %, padahal indikator ini bukan persen")
        cleaned = cleaned[:-1]
    if _GROUPED.match(cleaned) or _PLAIN.match(cleaned):
        try:
            return Decimal(cleaned.replace(".", "").replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the patterns admit only digits
            pass
    if _DOT_DECIMAL.match(cleaned):
        raise _NotANumber(
            f"'{text}' memakai titik sebagai tanda desimal; tulis dengan koma, misalnya "
            f"'{cleaned.replace('.', ',')}'"
        )
    raise _NotANumber(f"'{text}' bukan angka; tulis angka seperti 46,67")


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "nilai benar/salah (TRUE/FALSE)"
    return "tanggal atau waktu"


def _norm(text: object) -> str:
    return " ".join(str(text).split()).casefold() if text is not None else ""


def validate(raw: RawWorkbook, catalogues: list[Catalogue], year: int | None = None) -> Validated:
    problems: list[Problem] = []
    warnings: list[str] = []
    for sheet in (L.SHEET_IDENTITY, L.SHEET_REALISATION):
        if sheet not in raw.sheets:
            problems.append(Problem(
                f"lembar '{sheet}' tidak ada. Lembar yang ada: {', '.join(raw.sheets) or '-'}. "
                "Pakai buku kerja standar (python generate.py template) dan jangan ganti nama lembar.",
                sheet=sheet,
            ))
    if problems:
        raise InputError(problems, source=raw.path.name)

    labels = _identity_cells(raw, problems)
    office_cell = labels.get(_norm(L.ID_OFFICE))
    catalogue = None
    if office_cell is not None:
        catalogue = catalogue_mod.find(str(office_cell.value or ""), catalogues)
        if catalogue is None:
            known = ", ".join(c.office.name for c in catalogues)
            problems.append(Problem(
                f"instansi '{office_cell.value or ''}' tidak ada di katalog (iku/offices/). Yang dikenal: {known}",
                sheet=L.SHEET_IDENTITY, cell=office_cell.coordinate,
            ))
    if catalogue is None:
        raise InputError(problems, source=raw.path.name)

    identity = _identity(labels, catalogue, year, problems)
    realisations = _realisations(raw, catalogue, problems)
    if problems:
        raise InputError(problems, source=raw.path.name)
    assert identity is not None
    if all(realisations[ind.number].get(identity.report_year) is None for ind in catalogue.indicators):
        warnings.append(f"Belum ada satu pun realisasi tahun {identity.report_year} yang diisi.")
    report = ReportInput(source=raw.path, identity=identity, realisations=realisations)
    return Validated(catalogue=catalogue, report=report, warnings=tuple(warnings))


def _identity_cells(raw: RawWorkbook, problems: list[Problem]) -> dict[str, RawCell]:
    """Label in column A -> the value cell in column B."""
    found: dict[str, RawCell] = {}
    for row in raw.sheets[L.SHEET_IDENTITY]:
        if len(row) >= 2 and _norm(row[0].value) in {_norm(label) for label in L.ID_LABELS}:
            found[_norm(row[0].value)] = row[1]
    for label in L.ID_LABELS:
        if _norm(label) not in found:
            problems.append(Problem(
                f"baris '{label}' tidak ada di kolom A (labelnya diubah atau dihapus?)", sheet=L.SHEET_IDENTITY
            ))
    return found


def _identity(
    labels: dict[str, RawCell], catalogue: Catalogue, year_override: int | None, problems: list[Problem]
) -> Identity | None:
    office = catalogue.office
    first, last = office.first_year, office.last_year

    def text(label: str, default: str) -> str:
        cell = labels.get(_norm(label))
        if cell is None or cell.value is None or not str(cell.value).strip():
            return default
        if cell.is_formula:
            return str(cell.value)
        return str(cell.value).strip()

    year = year_override
    year_cell = labels.get(_norm(L.ID_YEAR))
    if year is not None:
        if not first <= year <= last:
            problems.append(Problem(f"--year {year} di luar periode Renstra {first}-{last}"))
    elif year_cell is not None:
        year = _year(year_cell, first, last, problems)

    status = text(L.ID_STATUS, L.STATUS_OFFICIAL).upper()
    status_cell = labels.get(_norm(L.ID_STATUS))
    if status not in (L.STATUS_OFFICIAL, L.STATUS_SAMPLE) and status_cell is not None:
        problems.append(Problem(
            f"status data '{status_cell.value}' tidak dikenal; isi {L.STATUS_OFFICIAL} atau {L.STATUS_SAMPLE}",
            sheet=L.SHEET_IDENTITY, cell=status_cell.coordinate,
        ))
    date_cell = labels.get(_norm(L.ID_DATE))
    signing_date = _date(date_cell, problems) if date_cell is not None else None
    if year is None or any(p.sheet == L.SHEET_IDENTITY or p.sheet is None for p in problems):
        return None
    signer = office.signatory
    return Identity(
        office_name=office.name,
        report_year=year,
        signatory=Signatory(
            name=text(L.ID_NAME, signer.name),
            position=text(L.ID_POSITION, signer.position),
            rank=text(L.ID_RANK, signer.rank),
            nip=text(L.ID_NIP, signer.nip),
        ),
        signing_place=text(L.ID_PLACE, office.signing_place),
        signing_date=signing_date or dt.date.today(),
        is_sample=status == L.STATUS_SAMPLE,
    )


def _year(cell: RawCell, first: int, last: int, problems: list[Problem]) -> int | None:
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(Problem(f"tahun laporan '{value if value is not None else ''}' bukan tahun",
                                sheet=cell.sheet, cell=cell.coordinate))
        return None
    if not first <= value <= last:
        problems.append(Problem(f"tahun laporan {value} di luar periode Renstra {first}-{last}",
                                sheet=cell.sheet, cell=cell.coordinate))
        return None
    return value


def _date(cell: RawCell, problems: list[Problem]) -> dt.date | None:
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    parts = text.split()
    if len(parts) == 3 and parts[1].casefold() in _MONTHS and parts[0].isdigit() and parts[2].isdigit():
        try:
            return dt.date(int(parts[2]), _MONTHS.index(parts[1].casefold()) + 1, int(parts[0]))
        except ValueError:
            pass
    problems.append(Problem(
        f"tanggal '{text}' tidak dikenali; tulis seperti 24/11/2026 atau 24 November 2026",
        sheet=cell.sheet, cell=cell.coordinate,
    ))
    return None


def _realisations(
    raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem]
) -> dict[int, dict[int, Decimal | None]]:
    sheet = raw.sheets[L.SHEET_REALISATION]
    result: dict[int, dict[int, Decimal | None]] = {ind.number: {} for ind in catalogue.indicators}
    header_row = next(
        (row for row in sheet[: L.HEADER_SEARCH_ROWS] if any(_norm(c.value) == _norm(L.HEADER_INDICATOR) for c in row)),
        None,
    )
    if header_row is None:
        problems.append(Problem(
            f"judul kolom '{L.HEADER_INDICATOR}' tidak ditemukan di {L.HEADER_SEARCH_ROWS} baris pertama",
            sheet=L.SHEET_REALISATION,
        ))
        return result
    name_col = next(c.column for c in header_row if _norm(c.value) == _norm(L.HEADER_INDICATOR))
    year_cols = _year_columns(header_row, catalogue, problems)

    by_name = {_norm(ind.name): ind for ind in catalogue.indicators}
    seen: dict[int, str] = {}
    for row in sheet[header_row[0].row:]:
        name_cell = row[name_col - 1] if len(row) >= name_col else None
        if name_cell is None or not _norm(name_cell.value):
            continue
        ind = by_name.get(_norm(name_cell.value))
        if ind is None:
            problems.append(Problem(
                f"indikator '{name_cell.value}' tidak ada di katalog {catalogue.office.name}; "
                "nama indikator harus persis seperti di dokumen IKU",
                sheet=L.SHEET_REALISATION, cell=name_cell.coordinate,
            ))
            continue
        if ind.number in seen:
            problems.append(Problem(
                f"indikator '{ind.name}' tercantum dua kali (juga di {seen[ind.number]})",
                sheet=L.SHEET_REALISATION, cell=name_cell.coordinate,
            ))
            continue
        seen[ind.number] = name_cell.coordinate
        for year, col in year_cols.items():
            cell = row[col - 1] if len(row) >= col else None
            result[ind.number][year] = _realisation_value(cell, ind, problems) if cell else None
    for ind in catalogue.indicators:
        if ind.number not in seen:
            problems.append(Problem(
                f"baris indikator '{ind.name}' tidak ditemukan di kolom {L.HEADER_INDICATOR}",
                sheet=L.SHEET_REALISATION,
            ))
    return result


def _year_columns(header_row: list[RawCell], catalogue: Catalogue, problems: list[Problem]) -> dict[int, int]:
    columns: dict[int, int] = {}
    for cell in header_row:
        match = _REALISATION_HEADER.match(" ".join(str(cell.value or "").split()))
        if not match:
            continue
        token = match.group(1)
        if not token.isdigit() or int(token) not in catalogue.years:
            problems.append(Problem(
                f"judul kolom '{cell.value}': tahun harus {catalogue.office.first_year}-"
                f"{catalogue.office.last_year}",
                sheet=cell.sheet, cell=cell.coordinate,
            ))
            continue
        if int(token) in columns:
            problems.append(Problem(f"kolom '{cell.value}' ada dua kali", sheet=cell.sheet, cell=cell.coordinate))
            continue
        columns[int(token)] = cell.column
    for year in catalogue.years:
        if year not in columns:
            problems.append(Problem(
                f"judul kolom '{L.realisation_header(year)}' tidak ditemukan (diubah atau dihapus?)",
                sheet=L.SHEET_REALISATION,
            ))
    return columns


def _realisation_value(cell: RawCell, ind: Indicator, problems: list[Problem]) -> Decimal | None:
    try:
        value = parse_number(cell, ind.is_percent)
    except _NotANumber as exc:
        problems.append(Problem(f"realisasi '{ind.name}' {exc}", sheet=cell.sheet, cell=cell.coordinate))
        return None
    if value is None:
        return None
    low, high = ind.value_range
    suffix = "%" if ind.is_percent else ""
    if not low <= value <= high:
        problems.append(Problem(
            f"realisasi '{ind.name}' {_plain(value)}{suffix} di luar rentang {_plain(low)}-{_plain(high)}{suffix}",
            sheet=cell.sheet, cell=cell.coordinate,
        ))
        return None
    if ind.is_count and value != value.to_integral_value():
        problems.append(Problem(
            f"realisasi '{ind.name}' {_plain(value)} harus bilangan bulat (jumlah {ind.unit})",
            sheet=cell.sheet, cell=cell.coordinate,
        ))
        return None
    return value


def _plain(value: Decimal) -> str:
    """A number in an error message, Indonesian style, without trailing zeros."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")
