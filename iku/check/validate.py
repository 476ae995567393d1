"""Turn the raw cells of an input workbook into typed values, listing every problem at once."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from openpyxl.utils import get_column_letter

from iku import catalogue as catalogue_mod
from iku import layout as L
from iku import rules, sources
from iku.catalogue import OPEN_RANGE
from iku.check import follow_up, organisation, targets, validate_quarterly, validate_report
from iku.check.cells import (
    NotADate,
    NotANumber,
    date_value,
    find_header,
    indicator_rows,
    norm,
    number_value,
    parse_number,
    text_cell,
)
from iku.check.organisation import NIP_DIGITS
from iku.errors import InputError, Problem
from iku.model import Catalogue, Identity, ReportInput, Signatory
from iku.read import cell_values
from iku.read.cell_values import ascii_int
from iku.read.reader import RawCell, RawWorkbook
from iku.sources.common import FIRST_DATE, date_refusal

_REALISATION_HEADER = re.compile(rf"^{L.REALISATION_PREFIX}\s+(\S+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Validated:
    catalogue: Catalogue
    report: ReportInput
    warnings: tuple[str, ...]


def validate(raw: RawWorkbook, catalogues: list[Catalogue], year: int | None = None) -> Validated:
    problems: list[Problem] = []
    warnings: list[str] = []
    for sheet in (L.SHEET_IDENTITY, L.SHEET_REALISATION):
        if sheet not in raw.sheets:
            problems.append(Problem(
                f"lembar '{sheet}' tidak ada. Lembar yang ada: {', '.join(raw.sheet_names) or '-'}. "
                "Pakai buku kerja standar (python generate.py template) dan jangan ganti nama lembar.",
                sheet=sheet,
            ))
    cell_values.error_cells(raw, problems)
    if problems:
        raise InputError(problems, source=raw.path.name)

    labels = _identity_cells(raw, problems)
    office_cell = labels.get(norm(L.ID_OFFICE))
    catalogue = None
    if office_cell is not None:
        candidates = catalogue_mod.of_office(str(office_cell.value or ""), catalogues)
        catalogue = period_catalogue(raw, labels, candidates, problems) if candidates else None
        if not candidates:
            known = ", ".join(dict.fromkeys(c.office.name for c in catalogues))
            problems.append(Problem(
                f"instansi '{office_cell.value or ''}' tidak ada di katalog (iku/offices/). Yang dikenal: {known}",
                sheet=L.SHEET_IDENTITY, cell=office_cell.coordinate,
            ))
    if catalogue is None:
        raise InputError(problems, source=raw.path.name)

    catalogue = replace(catalogue, history=_history_years(raw, catalogue))
    identity = _identity(labels, catalogue, year, problems)
    catalogue, target_notes = targets.with_workbook_targets(raw, catalogue, problems)
    warnings.extend(target_notes)
    cells: dict[int, dict[int, str]] = {}
    realisations = _realisations(raw, catalogue, problems, cells)
    population = _population(labels.get(norm(L.ID_POPULATION)), problems)
    quarter_dates = validate_quarterly.quarter_dates(labels, identity.report_year if identity else None, problems)
    if problems:
        raise InputError(problems, source=raw.path.name)
    assert identity is not None
    identity = replace(identity, quarter_dates=quarter_dates)
    if not identity.report_year <= identity.signing_date.year <= identity.report_year + 1:
        warnings.append(f"Tanggal penandatanganan {identity.signing_date:%d/%m/%Y} jauh dari tahun laporan "
                        f"{identity.report_year}; periksa lembar Identitas.")
    # The PK of a year is signed at its start, or late in the year before (PermenPANRB 53/2014: within a month of
    # the budget's approval).
    earliest = dt.date(identity.report_year - 1, 10, 1)  # the last quarter of the year before
    if identity.pk_date is not None and not earliest <= identity.pk_date <= dt.date(identity.report_year, 12, 31):
        warnings.append(f"{L.ID_PK_DATE} {identity.pk_date:%d/%m/%Y} di luar {earliest:%d/%m/%Y} sampai "
                        f"31/12/{identity.report_year} (triwulan terakhir tahun sebelumnya sampai akhir tahun "
                        f"{identity.report_year}); periksa lembar Identitas.")
    sheets = validate_report.report_sheets(raw, catalogue, identity.report_year, problems, warnings)
    data = sources.read_all(raw, catalogue, problems, warnings, signed=identity.signing_date)
    staff_sheets = organisation.read(raw, problems)
    recommendations = follow_up.read(raw, identity.report_year, problems, warnings)
    if problems:
        raise InputError(problems, source=raw.path.name)
    report = ReportInput(source=raw.path, identity=identity, realisations=realisations, cells=cells, data=data,
                         population=population, organisation=staff_sheets, follow_up=recommendations,
                         **sheets)
    return Validated(catalogue=catalogue, report=report, warnings=tuple(warnings))


def period_catalogue(raw: RawWorkbook, labels: dict[str, RawCell], candidates: list[Catalogue],
                     problems: list[Problem]) -> Catalogue | None:
    """The catalogue of the workbook's Renstra period: the one its Identitas names (row Periode Renstra). A
    workbook made before that row existed keeps the period it was made for, which its Realisasi columns show
    (one `Realisasi <tahun>` per year of the period); the period is never taken from the report year."""
    office = candidates[0].office.name
    known = ", ".join(catalogue_mod.period_text(c) for c in candidates)
    cell = labels.get(norm(L.ID_PERIOD))
    if cell is not None and str(cell.value or "").strip():
        period = catalogue_mod.parse_period(cell.value)
        found = catalogue_mod.with_period(period, candidates) if period else None
        if period is None:
            problems.append(Problem(f"{L.ID_PERIOD} '{cell.value}' tidak dikenali; tulis tahun awal dan akhir, "
                                    f"misalnya {catalogue_mod.period_text(candidates[-1])}",
                                    sheet=cell.sheet, cell=cell.coordinate))
        elif found is None:
            problems.append(Problem(f"{L.ID_PERIOD} {period[0]}-{period[1]} tidak ada di katalog {office}; periode "
                                    f"yang ada: {known}", sheet=cell.sheet, cell=cell.coordinate))
        return found
    if len(candidates) == 1:
        return candidates[0]
    header = find_header(raw, L.SHEET_REALISATION, [])
    years = {int(m.group(1)) for c in header or [] if (m := _REALISATION_HEADER.match(" ".join(str(c.value or "")
                                                                                                .split())))
             and ascii_int(m.group(1)) is not None}
    made_for = [c for c in candidates if set(c.years) == years]
    if len(made_for) == 1:
        return made_for[0]
    if cell is not None:
        problems.append(Problem(f"{L.ID_PERIOD} kosong, dan {office} punya lebih dari satu periode Renstra "
                                f"({known}); isi periode buku kerja ini", sheet=cell.sheet, cell=cell.coordinate))
    else:
        problems.append(Problem(f"baris '{L.ID_PERIOD}' tidak ada, dan {office} punya lebih dari satu periode "
                                f"Renstra ({known}); tambahkan baris itu di kolom A dengan periode buku kerja ini "
                                "di kolom B", sheet=L.SHEET_IDENTITY))
    return None


def _identity_cells(raw: RawWorkbook, problems: list[Problem]) -> dict[str, RawCell]:
    """Label in column A -> the value cell in column B. An unknown or repeated label is a problem: its value
    would otherwise be dropped, or the last one would silently win."""
    found: dict[str, RawCell] = {}
    known = {norm(label) for label in L.ID_LABELS + L.ID_OPTIONAL}
    for row in raw.sheets[L.SHEET_IDENTITY]:
        label = norm(row[0].value) if row else ""
        if not label or label == norm(L.ID_HEADER):
            continue
        if label not in known:
            problems.append(Problem(
                f"label '{row[0].value}' tidak dikenal (diubah?); label yang berlaku: "
                f"{', '.join(L.ID_LABELS + L.ID_OPTIONAL)}", sheet=L.SHEET_IDENTITY, cell=row[0].coordinate))
        elif label in found:
            first = f"A{found[label].row}"
            problems.append(Problem(f"label '{row[0].value}' tercantum dua kali (juga di {first}); hapus salah satu",
                                    sheet=L.SHEET_IDENTITY, cell=row[0].coordinate))
        elif len(row) >= 2:
            found[label] = row[1]
        else:
            found[label] = RawCell(L.SHEET_IDENTITY, f"B{row[0].row}", row[0].row, 2, None, "General", False)
    for label in L.ID_LABELS:
        if norm(label) not in found:
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
        # one line: a name, rank or place never carries a line break into a signature block
        return " ".join(text_cell(labels.get(norm(label)), problems, L.NAME_LIMIT).split()) or default

    year = year_override
    year_cell = labels.get(norm(L.ID_YEAR))
    if year is not None:
        if not first <= year <= last:
            problems.append(Problem(f"--year {year} di luar periode Renstra {first}-{last}"))
    elif year_cell is not None:
        year = _year(year_cell, first, last, problems)

    status = text(L.ID_STATUS, "").upper()
    status_cell = labels.get(norm(L.ID_STATUS))
    if not status and status_cell is not None and not any(p.cell == status_cell.coordinate for p in problems):
        problems.append(Problem(
            f"Status Data kosong; pilih {L.STATUS_OFFICIAL} (data resmi) atau {L.STATUS_SAMPLE} (latihan)",
            sheet=L.SHEET_IDENTITY, cell=status_cell.coordinate,
        ))
    elif status not in (L.STATUS_OFFICIAL, L.STATUS_SAMPLE) and status_cell is not None:
        problems.append(Problem(
            f"status data '{status_cell.value}' tidak dikenal; isi {L.STATUS_OFFICIAL} atau {L.STATUS_SAMPLE}",
            sheet=L.SHEET_IDENTITY, cell=status_cell.coordinate,
        ))
    date_cell = labels.get(norm(L.ID_DATE))
    signing_date = _date(date_cell, problems) if date_cell is not None else None
    if signing_date is not None and signing_date < FIRST_DATE:  # every register date is judged against it
        problems.append(Problem(f"{L.ID_DATE} {date_refusal(signing_date, None)}", sheet=date_cell.sheet,
                                cell=date_cell.coordinate))
        signing_date = None
    pk_cell = labels.get(norm(L.ID_PK_DATE))
    pk_date = _date(pk_cell, problems) if pk_cell is not None else None
    if pk_date is not None and pk_date < FIRST_DATE:  # Excel's 1900 serials (60: the phantom 29/02/1900)
        problems.append(Problem(f"{L.ID_PK_DATE} {date_refusal(pk_date, None)}", sheet=pk_cell.sheet,
                                cell=pk_cell.coordinate))
        pk_date = None
    nip = _nip(labels.get(norm(L.ID_NIP)), problems) or office.signatory.nip
    place = text(L.ID_PLACE, office.signing_place)
    place_cell = labels.get(norm(L.ID_PLACE))
    if not place and place_cell is not None:  # a catalogue imported from an IKU document that names no place
        problems.append(Problem(f"{L.ID_PLACE} kosong, dan katalog kantor tidak menyebutnya; isi tempat "
                                "penandatanganan dokumen", sheet=L.SHEET_IDENTITY, cell=place_cell.coordinate))
    rank = text(L.ID_RANK, office.signatory.rank)
    graded, wrong = rules.rank_with_grade(rank)
    if wrong and (rank_cell := labels.get(norm(L.ID_RANK))) is not None:
        problems.append(Problem(f"{wrong}; tulis misalnya 'Pembina (IV/a)' atau 'Pembina' saja",
                                sheet=L.SHEET_IDENTITY, cell=rank_cell.coordinate))
    if year is None or any(p.sheet == L.SHEET_IDENTITY or p.sheet is None for p in problems):
        return None
    signer = office.signatory
    return Identity(
        office_name=office.name,
        report_year=year,
        signatory=Signatory(
            name=text(L.ID_NAME, signer.name),
            position=text(L.ID_POSITION, signer.position),
            rank=graded or rank,
            nip=nip,
        ),
        signing_place=place,
        signing_date=signing_date or dt.date.today(),
        is_sample=status == L.STATUS_SAMPLE,
        pk_date=pk_date,
        pk_place=text(L.ID_PK_PLACE, office.regency_seat or office.signing_place),
        superior_name=text(L.ID_SUPERIOR_NAME, office.superior_name),
    )


def _year(cell: RawCell, first: int, last: int, problems: list[Problem]) -> int | None:
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and ascii_int(value) is not None:
        value = ascii_int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(Problem(f"tahun laporan '{value if value is not None else ''}' bukan tahun",
                                sheet=cell.sheet, cell=cell.coordinate))
        return None
    if not first <= value <= last:
        problems.append(Problem(f"tahun laporan {value} di luar periode Renstra {first}-{last}",
                                sheet=cell.sheet, cell=cell.coordinate))
        return None
    return value


def _nip(cell: RawCell | None, problems: list[Problem]) -> str:
    """The NIP as text: 18 digits, with or without the usual spaces. A NIP held as a number has already lost
    its last digits (Excel keeps 15), so it is refused rather than printed."""
    if cell is None or cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
        return ""
    if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
        problems.append(Problem(
            "NIP tersimpan sebagai angka, sehingga Excel membulatkan digit terakhirnya. Ketik NIP sebagai teks "
            "dengan tanda petik (') di depannya, misalnya '19851010 200602 1 001", sheet=cell.sheet,
            cell=cell.coordinate))
        return ""
    nip = text_cell(cell, problems, L.NAME_LIMIT)
    if nip and not re.fullmatch(rf"[0-9]{{{NIP_DIGITS}}}", nip.replace(" ", "")):
        problems.append(Problem(f"NIP '{nip}' harus {NIP_DIGITS} angka (boleh dengan spasi, misalnya "
                                "19851010 200602 1 001)", sheet=cell.sheet, cell=cell.coordinate))
    return nip


def _date(cell: RawCell, problems: list[Problem]) -> dt.date | None:
    try:
        return date_value(cell)
    except NotADate as exc:
        message = ("tanggal berisi TRUE/FALSE; tulis seperti 24/11/2026" if exc.is_bool else
                   f"tanggal '{exc.shown}' tidak dikenali; tulis seperti 24/11/2026 atau 24 November 2026")
        problems.append(Problem(message, sheet=cell.sheet, cell=cell.coordinate))
        return None


def _population(cell: RawCell | None, problems: list[Problem]) -> int | None:
    """Optional: service users of the year, from which the SKM's minimum sample follows."""
    if cell is None or cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
        return None
    try:
        value = parse_number(cell, percent=False, example="1.250")
    except NotANumber as exc:
        problems.append(Problem(f"populasi penerima layanan {exc}", sheet=cell.sheet, cell=cell.coordinate))
        return None
    if value is None or value != value.to_integral_value() or not 0 < value < 10**8:
        problems.append(Problem(f"populasi penerima layanan '{cell.value}' harus bilangan bulat lebih dari 0",
                                sheet=cell.sheet, cell=cell.coordinate))
        return None
    return int(value)


def _realisations(
    raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], cells: dict[int, dict[int, str]]
) -> dict[int, dict[int, Decimal | None]]:
    result: dict[int, dict[int, Decimal | None]] = {ind.number: {} for ind in catalogue.indicators}
    header_row = find_header(raw, L.SHEET_REALISATION, problems)
    if header_row is None:
        return result
    year_cols = _year_columns(header_row, catalogue, problems)
    rows = indicator_rows(raw, L.SHEET_REALISATION, header_row, catalogue, problems)
    for ind in catalogue.indicators:
        row = rows.get(ind.number)
        # A year of an earlier period was measured against that period's catalogue, whose range may differ.
        earlier = replace(ind, value_range=OPEN_RANGE)
        for year, col in year_cols.items():
            cell = row[col - 1] if row and len(row) >= col else None
            checked_as = earlier if year in catalogue.history else ind
            result[ind.number][year] = number_value(cell, checked_as, problems) if cell else None
            if row:
                cells.setdefault(ind.number, {})[year] = f"{get_column_letter(col)}{row[0].row}"
    return result


def _history_years(raw: RawWorkbook, catalogue: Catalogue) -> tuple[int, ...]:
    """Years before the period with a `Realisasi <tahun>` column: the history a carried workbook holds."""
    header = find_header(raw, L.SHEET_REALISATION, [])
    years = set()
    for cell in header or []:
        match = _REALISATION_HEADER.match(" ".join(str(cell.value or "").split()))
        if match and ascii_int(match.group(1)) is not None and 1900 < int(match.group(1)) < catalogue.office.first_year:
            years.add(int(match.group(1)))
    return tuple(sorted(years))


def _year_columns(header_row: list[RawCell], catalogue: Catalogue, problems: list[Problem]) -> dict[int, int]:
    columns: dict[int, int] = {}
    for cell in header_row:
        match = _REALISATION_HEADER.match(" ".join(str(cell.value or "").split()))
        if not match:
            continue
        token = match.group(1)
        if ascii_int(token) is None or int(token) not in catalogue.measured_years:
            problems.append(Problem(
                f"judul kolom '{cell.value}': tahun harus {catalogue.office.first_year}-"
                f"{catalogue.office.last_year}, atau tahun periode sebelumnya yang dibawa dari buku kerja lama",
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


