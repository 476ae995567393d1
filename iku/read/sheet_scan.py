"""One pass over a used sheet's XML, already unpacked and checked by sanity.Archive: where its values end, which
cells hold a formula (form sheets), which formulas have no cached value, and which cells hold an Excel error.

Two scans give the same answer:
- quick_scan, for the data sheets (100,000 rows): a few searches over the bytes as Excel writes them (every cell
  tag `<c r="A1" ...>` with its reference first), each done in C, with no Python work per cell; None when the sheet
  is written otherwise (or holds a value beyond the limits), and then
- exact_scan, which streams the XML through expat: about 1 microsecond an element, exact whatever the writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple

from iku.errors import InputError, Problem
from iku.read import limits

Cell = tuple[int, int]  # (row, column), 1-based


@dataclass(frozen=True)
class Extent:
    """Where a sheet's values end (last row and column holding a value or formula), its formula cells (exact scan
    only), its formulas without a cached value, and its error cells with their value ('#N/A')."""

    rows: int = 0
    columns: int = 0
    formulas: frozenset[Cell] = field(default_factory=frozenset)
    uncached: tuple[Cell, ...] = ()
    errors: tuple[tuple[int, int, str], ...] = ()


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def beyond(sheet: str, max_rows: int, column: int, row: int) -> InputError:
    return InputError(Problem(
        f"ada isian di luar batas tabel (lembar ini dibaca sampai baris {_number(max_rows)} dan "
        f"kolom {get_column_letter(limits.MAX_COLUMNS)}); hapus isian itu, atau pindahkan ke lembar lain.",
        sheet=sheet, cell=f"{get_column_letter(min(column, 16384))}{row}"))


def too_many(sheet: str, rows: int, columns: int, max_cells: int) -> InputError:
    return InputError(Problem(
        f"tabel terlalu besar untuk dibaca (sampai baris {_number(rows)} dan kolom {get_column_letter(columns)}; "
        f"batas {_number(max_cells)} sel untuk lembar sejenis bersama-sama). Hapus baris atau kolom yang tidak "
        "dipakai.", sheet=sheet))


# --- quick scan --------------------------------------------------------------------------------------------------

CELL = b'<c r="'
_REFERENCE = re.compile(rb'<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"')
# A cell tag written otherwise than `<c r="A1"`: no reference, another attribute first, a reference Excel never
# writes (leading zero, lower case), or a line break in the tag.
_ERROR_TYPE = re.compile(rb""" t=["']e["']""")
_PREFIXED = re.compile(rb":[cfv][\s>/]")  # <x:c ...>, <x:f>, <x:v>: a namespace prefix on a cell's parts
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([^\"']*)[\"']")
MAX_WIDENINGS = 200  # more than this and the sheet is not written in order: the exact scan decides


def _utf8(data: bytes) -> bool:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:64]:
        return False
    declared = _DECLARED.match(data[:200])
    return declared is None or declared.group(1).lower().replace("_", "-") in (b"utf-8", b"utf8", b"ascii",
                                                                               b"us-ascii")


def _at_most(text: str, low: str, high: str, first: str) -> str:
    """A pattern for the strings of `low`-`high` characters no longer than `text` and not after it in their order
    (shorter ones first): column letters up to 'CV', row numbers up to 100004. `first`: the class of a first
    character (no leading zero)."""
    options = [f"{first}[{low}-{high}]{{0,{len(text) - 2}}}"] if len(text) > 1 else []
    for i, char in enumerate(text):
        floor = first[1] if i == 0 else low
        if char > floor:
            options.append(f"{text[:i]}[{floor}-{chr(ord(char) - 1)}][{low}-{high}]{{{len(text) - i - 1}}}")
    options.append(text)
    return "(?:" + "|".join(options) + ")"


def _outside_pattern(rows: int, columns: int) -> re.Pattern[bytes]:
    # A cell with a value (not `<c .../>` nor `<c ...></c>`) whose reference is not one within the columns and rows
    # found so far, written as Excel writes it: right of them, below them, or written otherwise (a leading zero).
    within = _at_most(get_column_letter(columns), "A", "Z", "[A-Z]") + _at_most(str(rows), "0", "9", "[1-9]")
    # The same search finds any cell tag written otherwise than `<c r="` (no reference, another attribute first).
    return re.compile(rb'<c(?: r="(?!' + within.encode() + rb'")[^>]*(?<!/)>(?!</c>)|[>/\t\n\r]| (?!r="))')


def _valued(data: bytes, start: int) -> tuple[bool, int]:
    """Whether the cell tag at `start` holds anything, and where its start tag ends."""
    end = data.find(b">", start)
    if end < 0:
        return False, len(data)
    return data[end - 1:end] != b"/" and not data.startswith(b"</c>", end + 1), end


def _last_valued(data: bytes) -> tuple[int, int, int] | None:
    """(row, column, position) of the last cell with a value in the document, or None when there is none."""
    end = len(data)
    while (start := data.rfind(CELL, 0, end)) >= 0:
        valued, _ = _valued(data, start)
        if valued:
            found = _REFERENCE.match(data, start)
            if found is None:
                return None
            return int(found.group(2)), column_index_from_string(found.group(1).decode()), start
        end = start
    return 0, 0, -1


def _cell_at(data: bytes, position: int) -> tuple[int, int, int] | None:
    """(row, column, start) of the cell whose content holds `position`, or None when it is not inside one."""
    start = data.rfind(CELL, 0, position)
    if start < 0 or data.rfind(b"</c>", start, position) >= 0:
        return None
    found = _REFERENCE.match(data, start)
    valued, tag_end = _valued(data, start)
    if found is None or not valued or tag_end > position:
        return None
    return int(found.group(2)), column_index_from_string(found.group(1).decode()), start


def _uncached(data: bytes) -> list[Cell] | None:
    """Formula cells whose value was never computed: `<f>` with no `<v>`, or an empty `<v>` in a cell that is not
    text (Excel writes an empty text result as t="str" with an empty <v>). None when a formula is written oddly."""
    found = []
    position = data.find(b"<f")
    while position >= 0:
        after = data[position + 2:position + 3]
        if after in (b">", b" "):
            cell = _cell_at(data, position)
            if cell is None:
                return None
            row, column, start = cell
            close = data.find(b"</c>", position)
            if close < 0:
                return None
            if not _has_value(data, start, position, close):
                found.append((row, column))
        elif after in (b"\t", b"\n", b"\r", b"/"):
            return None
        position = data.find(b"<f", position + 2)
    return found


def _has_value(data: bytes, start: int, formula: int, close: int) -> bool:
    value = data.find(b"<v", formula, close)
    if value < 0:
        return False
    tag = data[start:data.find(b">", start)]
    if b' t="str"' in tag:
        return True
    end = data.find(b">", value, close)
    return end >= 0 and data[end - 1:end] != b"/" and not data.startswith(b"</v>", end + 1)


def _errors(data: bytes) -> list[tuple[int, int, str]] | None:
    found = []
    for match in _ERROR_TYPE.finditer(data):
        position = match.start()
        start = data.rfind(CELL, 0, position)
        if start >= 0 and data.find(b">", start, position) < 0:  # the attribute of this cell's start tag
            reference = _REFERENCE.match(data, start)
            if reference is None:
                return None
            close = data.find(b"</c>", position)
            value = data.find(b"<v>", position, close if close >= 0 else len(data))
            text = data[value + 3:data.find(b"</v>", value)].decode("utf-8", "replace").strip() if value >= 0 else ""
            found.append((int(reference.group(2)), column_index_from_string(reference.group(1).decode()),
                          text or "#N/A"))
    return found


def quick_bound(data: bytes, max_rows: int, max_cells: int, used: int = 0) -> tuple[int, int] | None:
    """(rows, columns) up to the last value of a data sheet written as Excel writes it: all that bounds what
    calamine builds from it. None when the sheet is written otherwise or reaches a limit (exact_scan decides)."""
    if not _utf8(data) or _PREFIXED.search(data):
        return None
    last = _last_valued(data)
    if last is None:
        return None
    rows, columns, _ = last
    position, widenings = 0, 0
    pattern = _outside_pattern(max(rows, 1), max(columns, 1))
    while found := pattern.search(data, position):
        reference = _REFERENCE.match(data, found.start())  # None: an odd reference or cell tag
        widenings += 1
        if reference is None or widenings > MAX_WIDENINGS:
            return None
        rows = max(rows, int(reference.group(2)))
        columns = max(columns, column_index_from_string(reference.group(1).decode()))
        if rows > max_rows or columns > limits.MAX_COLUMNS:
            return None
        pattern, position = _outside_pattern(rows, columns), found.start()
    if rows > max_rows or columns > limits.MAX_COLUMNS or used + rows * columns > max_cells:
        return None
    return rows, columns


def quick_details(data: bytes, rows: int, columns: int) -> Extent | None:
    """The Extent of a sheet quick_bound measured: its formulas without a cached value and its error cells; None
    when a formula or an error cell is written oddly (exact_scan decides)."""
    uncached = _uncached(data)
    errors = _errors(data) if _ERROR_TYPE.search(data) else []
    if uncached is None or errors is None:
        return None
    return Extent(rows=rows, columns=columns, uncached=tuple(uncached), errors=tuple(errors))


def quick_scan(data: bytes, sheet: str, max_rows: int, max_cells: int, used: int = 0) -> Extent | None:
    """The extent, formulas without cached value and error cells of a data sheet written as Excel writes it;
    None when the sheet is written otherwise or reaches a limit: then exact_scan decides, and names the cell."""
    size = quick_bound(data, max_rows, max_cells, used)
    return None if size is None else quick_details(data, *size)


# --- exact scan --------------------------------------------------------------------------------------------------

class Refused(ValueError):
    """A DTD or entity declaration in a sheet: refused, as defusedxml does (billion laughs, XXE)."""


def exact_scan(data: bytes, sheet: str, max_rows: int, max_cells: int, used: int = 0) -> Extent:
    """Stream a sheet's XML once with expat. A value beyond the limits is an error naming its cell, found without
    building anything for the empty cells before it. Some writers leave out row and cell references; positions
    then count on, as Excel and openpyxl read them. `used`: cells of sheets of the same kind so far."""
    formulas: set[Cell] = set()
    uncached: list[Cell] = []
    errors: list[tuple[int, int, str]] = []
    state = {"row": 0, "column": 0, "last_row": 0, "last_column": 0}
    cell = {"f": False, "v": None, "type": "", "in_v": False}

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if local == "c":
            reference = attributes.get("r")
            if reference:  # the cell's own reference wins over its row's, as in openpyxl and calamine
                state["row"], state["column"] = coordinate_to_tuple(reference)
            else:
                state["column"] += 1
            cell.update(f=False, v=None, type=attributes.get("t", ""), in_v=False)
        elif local in ("v", "is", "f"):
            row, column = state["row"], state["column"]
            if local == "f":
                formulas.add((row, column))
                cell["f"] = True
            elif local == "v":
                cell["v"], cell["in_v"] = cell["v"] or [], True
            if row <= state["last_row"] and column <= state["last_column"]:
                return
            if row > max_rows or column > limits.MAX_COLUMNS:
                raise beyond(sheet, max_rows, column, row)
            state["last_row"], state["last_column"] = max(state["last_row"], row), max(state["last_column"], column)
            if used + state["last_row"] * state["last_column"] > max_cells:
                raise too_many(sheet, state["last_row"], state["last_column"], max_cells)
        elif local == "row":
            state["row"], state["column"] = int(attributes.get("r") or state["row"] + 1), 0

    def end(name: str) -> None:
        local = name.rpartition(" ")[2]
        if local == "v":
            cell["in_v"] = False
        elif local == "c":
            value = "".join(cell["v"]) if cell["v"] is not None else None
            where = (state["row"], state["column"])
            if cell["f"] and (value is None or (not value and cell["type"] != "str")):
                uncached.append(where)
            if cell["type"] == "e":
                errors.append((*where, value.strip() if value and value.strip() else "#N/A"))

    def text(data: str) -> None:
        if cell["in_v"]:
            cell["v"].append(data)

    def refuse(*_args) -> None:
        raise Refused("deklarasi DTD atau entitas tidak diizinkan")

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.Parse(data, True)
    return Extent(rows=state["last_row"], columns=state["last_column"], formulas=frozenset(formulas),
                  uncached=tuple(uncached), errors=tuple(errors))

