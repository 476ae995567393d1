"""What the importer read from an IKU document, before it becomes a catalogue file."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

SMALL_WORDS = frozenset({"dan", "di", "ke", "dari", "yang", "untuk", "atau", "serta", "pada", "dengan"})


@dataclass
class DraftIndicator:
    number: int
    name: str
    level: str | None = None  # tujuan, sasaran, program; None for a row of the target table only
    objective: str = ""
    definition: str = ""
    formula: str = ""
    fraction: tuple[str, str, str] | None = None
    unit: str = "nilai"
    unit_reason: str = ""  # how the unit was decided, written as a comment beside it
    targets: dict[int, Decimal | None] = field(default_factory=dict)
    end_target: Decimal | None = None
    in_target_table: bool = False


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


def code_for(name: str) -> str:
    """The catalogue code of an office: 'Kecamatan Mantup' -> 'mantup', lowercase ASCII."""
    base = re.sub(r"^(kecamatan|kelurahan)\s+", "", name.strip(), flags=re.IGNORECASE)
    ascii_text = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")

MONTHS = {name: i for i, name in enumerate(
    ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
     "november", "desember"), start=1)}


def indonesian_date(text: str) -> dt.date | None:
    """'31 Desember 2021' -> date; anything else (a dotted line to write on) -> None."""
    found = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text.strip())
    if not found or found.group(2).casefold() not in MONTHS:
        return None
    try:
        return dt.date(int(found.group(3)), MONTHS[found.group(2).casefold()], int(found.group(1)))
    except ValueError:
        return None
