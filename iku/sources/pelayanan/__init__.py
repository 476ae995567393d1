"""Sheets Pelayanan, Standar Pelayanan and Hari Libur: the service register -> Persentase Penyelenggaraan
Pelayanan Publik yang Tepat Waktu.

Pelayanan holds one row per request (Nomor, Jenis Layanan, Tanggal Diterima, Tanggal Selesai; empty = not
finished), Standar Pelayanan the time each jenis layanan may take in working days, Hari Libur the office's own
days off. Working days are Monday to Friday without Indonesian public holidays and cuti bersama (the `holidays`
package) and without the days of Hari Libur. Time taken = working days after the day of receipt up to and
including the day of completion (the same day is 0; rules.working_days is the reference); on time when it does
not exceed the standard.

A request belongs to the year it was received in. At a cut (31 December for the year, a quarter's last day for
the quarters, year to date): finished on or before the cut -> counted, on time or late; not finished by the cut
-> late and counted when its deadline (the standard-th working day after receipt; the day of receipt for a
standard of 0) is on or before the cut, otherwise left out and listed as pending. Indicator = on time / counted
x 100.

The register may hold 100,000 rows a year: the common cells (text Nomor, a known Jenis Layanan, dates stored as
dates) are converted column by column; only a row holding anything else is read cell by cell with the Sheet
helpers, which word the problems. Computing works on the distinct (received, finished, kind) of a year, each
counted with its number of requests, over a cumulative count of working days per day (time taken is one
subtraction); only the late and pending requests become objects.
"""


from iku.sources.pelayanan.formula import evaluate, working
from iku.sources.pelayanan.model import (
    COLUMNS,
    KEY,
    MEASURES,
    REPORT_NAME,
    SHEETS,
    SHORT_NAME,
    Calendar,
    ServiceEvidence,
    ServiceRows,
)
from iku.sources.pelayanan.sheet import add_sheets, read

__all__ = ["COLUMNS", "KEY", "MEASURES", "REPORT_NAME", "SHEETS", "SHORT_NAME", "Calendar", "ServiceEvidence",
           "ServiceRows", "add_sheets", "evaluate", "read", "working"]
