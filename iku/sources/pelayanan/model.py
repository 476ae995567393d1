"""The service register's rows, summaries and working-day calendar (see the package docstring)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from iku import layout as L

KEY = "pelayanan"
MEASURES = ("pelayanan_tepat_waktu",)
SHEETS = (L.SHEET_SERVICES, L.SHEET_STANDARDS, L.SHEET_HOLIDAYS)
# How a report names this data source (never the sheet's name): in running text, and in a table cell.
REPORT_NAME = "Register Pelayanan {instansi} {tahun}"
SHORT_NAME = "Register Pelayanan"
COLUMNS = (L.SERVICE_NUMBER, L.SERVICE_KIND, L.SERVICE_RECEIVED, L.SERVICE_DONE)
STANDARD_COLUMNS = (L.SERVICE_KIND, L.STANDARD_DAYS)
HOLIDAY_COLUMNS = (L.HOLIDAY_DATE, L.HOLIDAY_NAME)
MAX_STANDARD = 365  # working days a standard may give
HOLIDAY_CATEGORIES = ("public", "government")  # libur nasional and cuti bersama
EMPTY_ROWS = 200  # rows offered in Pelayanan
STANDARD_ROWS = 56  # rows offered in Standar Pelayanan: the Jenis Layanan list of Pelayanan covers them
HOLIDAY_ROWS = 30
MAX_DUPLICATE_WARNINGS = 20
MAX_KINDS_SHOWN = 15  # known jenis layanan listed in a message
NUMBER_LIMIT = 100  # characters of a Nomor: a register number is a few dozen at most, and it is printed in the
# lists of late and pending requests (a paragraph's cap, L.TEXT_LIMIT, would break their tables)
NO_COUNT = "semua permohonan belum selesai dan masih dalam batas waktu"  # Figure.note when nothing is counted
NOT_DONE = dt.date.max.toordinal()  # Tanggal Selesai empty: finished after every cut
_DATES = frozenset((dt.date, dt.datetime))  # what calamine gives for a date cell


@dataclass(frozen=True, slots=True)
class Request:
    """A request shown in the documents (late or pending)."""

    row: int  # sheet row in Pelayanan
    number: str  # Nomor as written
    kind: str  # jenis layanan (as written in Standar Pelayanan)
    received: dt.date
    finished: dt.date | None  # as written; may be after the cut (days is None then)
    days: int | None  # working days taken (None when not finished by the cut)
    standard: int


@dataclass(frozen=True)
class KindSummary:
    kind: str
    standard: int
    counted: int
    on_time: int
    late: int
    mean_days: Decimal | None  # mean working days of the finished ones
    pending: int  # not finished, still within standard at the cut


@dataclass(frozen=True)
class ServiceYear:
    year: int
    counted: int
    on_time: int
    value: Decimal | None  # percent; None when nothing is counted
    kinds: tuple[KindSummary, ...]  # the kinds with requests in the year, in Standar Pelayanan order
    late: tuple[Request, ...]  # in sheet order
    pending: tuple[Request, ...]  # in sheet order
    received: int  # requests received in the year (counted + pending)


@dataclass(frozen=True)
class ServiceEvidence:
    years: tuple[ServiceYear, ...]
    local_days: tuple[tuple[dt.date, str], ...]  # from Hari Libur

    def year(self, year: int) -> ServiceYear | None:
        return next((y for y in self.years if y.year == year), None)


@dataclass(frozen=True)
class ServiceRows:
    """The validated register, column-wise (request i is the i-th item of each sequence): compact for 100,000
    rows. Dates are ordinals (date.toordinal); NOT_DONE stands for an empty Tanggal Selesai."""

    kinds: tuple[str, ...]  # jenis layanan as written in Standar Pelayanan
    standards: tuple[int, ...]  # working days, per kind
    rows: Sequence[int]  # sheet row in Pelayanan
    numbers: Sequence[str]  # Nomor as written
    kind: Sequence[int]  # index into kinds
    received: Sequence[int]
    finished: Sequence[int]
    local_days: tuple[tuple[dt.date, str], ...]  # from Hari Libur, by date

    def __len__(self) -> int:
        return len(self.received)


# Working days.

class Calendar:
    """Working days of whole years: Monday to Friday without public holidays, cuti bersama and local days off.
    cum[i] counts the working days from 1 January of the first year up to and including the day base + i."""

    def __init__(self, first_year: int, last_year: int, local_days: Iterable[dt.date] = ()) -> None:
        import holidays

        self.first = dt.date(first_year, 1, 1)
        self.last = dt.date(last_year, 12, 31)
        self.base = self.first.toordinal() - 1  # index 0: 31 December of the year before
        national = holidays.country_holidays("ID", years=range(first_year, last_year + 1),
                                             categories=HOLIDAY_CATEGORIES, language="id")
        self.off = {day.toordinal() for day in national} | {day.toordinal() for day in local_days}
        cum = [0]
        count = 0
        off = self.off
        for ordinal in range(self.first.toordinal(), self.last.toordinal() + 1):
            if (ordinal + 6) % 7 < 5 and ordinal not in off:  # (ordinal + 6) % 7 is date.weekday()
                count += 1
            cum.append(count)
        self.cum = cum

    def is_day_off(self, day: dt.date) -> bool:
        return day.weekday() >= 5 or day.toordinal() in self.off

    def days(self, received: dt.date, finished: dt.date) -> int:
        """Working days after the day of receipt up to and including the day of completion."""
        return self.cum[finished.toordinal() - self.base] - self.cum[received.toordinal() - self.base]

    def deadline(self, received: dt.date, standard: int) -> dt.date | None:
        """The standard-th working day after receipt (standard 0: the day of receipt); None beyond the calendar."""
        if standard == 0:
            return received
        start = received.toordinal() - self.base
        index = bisect_left(self.cum, self.cum[start] + standard, lo=start + 1)
        return dt.date.fromordinal(self.base + index) if index < len(self.cum) else None
