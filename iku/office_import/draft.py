"""What the importer read from an IKU document, before it becomes a catalogue file."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

SMALL_WORDS = frozenset({"dan", "di", "ke", "dari", "yang", "untuk", "atau", "serta", "pada", "dengan"})
Value = Decimal | str | None  # a number, a predicate ("BB") or not set


@dataclass
class Raw:
    """A cell as the document writes it, and where: every message and catalogue comment names the place."""

    text: str
    where: str
    percent: bool = False  # the column's header carries "%"
    label: str = ""  # the column's header as written


@dataclass
class DraftIndicator:
    number: int
    name: str
    level: str | None = None  # tujuan, sasaran, program; None when the document gives no level
    objective: str = ""
    above: dict[str, str] = field(default_factory=dict)  # the tujuan (and sasaran) a row stands under
    definition: str = ""
    formula: str = ""
    fraction: tuple[str, str, str] | None = None
    unit: str = "nilai"
    unit_reason: str = ""  # how the unit was decided, written as a comment beside it
    polarity: str = "naik"
    polarity_reason: str = ""
    targets: dict[int, Value] = field(default_factory=dict)
    end_target: Value = None
    baseline: Value = None
    baseline_year: int | None = None
    has_baseline: bool = False  # the document has a Kondisi Awal column for it
    data_origin: str = ""  # Sumber Data column
    responsible: str = ""  # Penanggung Jawab column
    in_target_table: bool = False
    where: str = ""  # the table and row it was first read from
    texts: dict[str, Raw] = field(default_factory=dict)  # definition, unit, polarity, ... as written
    values: dict[int | str, Raw] = field(default_factory=dict)  # year, "akhir", "awal" -> the cell
    check: dict[str, str] = field(default_factory=dict)  # catalogue key -> why staff must confirm it


@dataclass
class Draft:
    name: str = ""
    regency: str = ""
    first_year: int = 0
    last_year: int = 0
    government: str = ""  # from the letterhead, when the document has one
    address: str = ""
    contact: str = ""
    task: str = ""
    functions: list[tuple[str, str, str | None]] = field(default_factory=list)  # number, text, parent
    indicators: list[DraftIndicator] = field(default_factory=list)
    signer_name: str = ""
    signer_position: str = ""
    signer_position_read: bool = True  # False: the block names no position, "Camat X" inferred
    signer_rank: str = ""
    signer_nip: str = ""
    signing_place: str = ""
    iku_date: dt.date | None = None
    paper: str = "F4"
    paper_read: bool = True  # False: the document's page is neither F4 nor A4, F4 chosen
    errors: list[str] = field(default_factory=list)  # parts that could not be read: nothing is written
    notes: list[str] = field(default_factory=list)  # parts left out or guessed: written, and listed

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)


def norm(text: str) -> str:
    """Header words compared loosely: case, spacing and punctuation around them do not matter."""
    return " ".join(re.sub(r"[^\w%]+", " ", text.casefold()).split())


def nice_case(text: str) -> str:
    """'KECAMATAN MANTUP' -> 'Kecamatan Mantup'; text already in mixed case is kept as written."""
    if text != text.upper():
        return text
    words = re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), text.lower()).split(" ")
    return " ".join(w.lower() if i and w.lower() in SMALL_WORDS else w for i, w in enumerate(words))


def clean_name(text: str) -> str:
    """A name as the document writes it, without the punctuation around it: 'Kecamatan Wanasari,' -> 'Kecamatan
    Wanasari'."""
    return " ".join(text.split()).strip(" ,.;:-\u2013")


def code_for(name: str) -> str:
    """The catalogue code of an office: 'Kecamatan Mantup' -> 'mantup', lowercase ASCII."""
    base = re.sub(r"^(kecamatan|kelurahan)\s+", "", name.strip(), flags=re.IGNORECASE)
    ascii_text = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")

MONTHS = {name: i for i, name in enumerate(
    ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
     "november", "desember"), start=1)}
MONTHS |= {"pebruari": 2, "nopember": 11}  # the older spellings many documents still use
WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum\u2019at", "sabtu", "minggu", "ahad")
DATE_TEXT = (r"(?:(?:" + "|".join(WEEKDAYS) + r")\s*,?\s*)?(?:tanggal\s*:?\s*)?"
             r"\d{1,2}\s+[A-Za-z]+\s+\d{4}")


def indonesian_date(text: str) -> dt.date | None:
    """'31 Desember 2021', 'Senin, 6 Januari 2025', '01 Nopember 2021' -> date; anything else (a dotted line to
    write on) -> None."""
    found = re.fullmatch(r"(?:(?:" + "|".join(WEEKDAYS) + r")\s*,?\s*)?(?:tanggal\s*:?\s*)?"
                         r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text.strip().rstrip("."), re.IGNORECASE)
    if not found or found.group(2).casefold() not in MONTHS:
        return None
    try:
        return dt.date(int(found.group(3)), MONTHS[found.group(2).casefold()], int(found.group(1)))
    except ValueError:
        return None
