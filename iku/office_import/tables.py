"""The IKU document's tables: INSTANSI / TUGAS / FUNGSI, the indicator tables (No / Tujuan, Sasaran or Program /
Indikator / Definisi Operasional / Formulasi Perhitungan) and the target table, with or without a header row."""

from __future__ import annotations

import difflib
import re
from decimal import Decimal

from iku.check.cells import NotANumber, parse_number_text
from iku.office_import.docx_read import Block, Cell
from iku.office_import.draft import Draft, DraftIndicator, nice_case, norm

LEVEL_WORDS = {"tujuan": "tujuan", "sasaran": "sasaran", "program": "program"}
LEVEL_TITLES = {"tujuan": "Tujuan", "sasaran": "Sasaran", "program": "Program"}
NOT_SET = {"", "-", "\u2013", "\u2014"}  # an empty cell or a dash: no target set
OFFICE_LABELS = ("instansi", "tugas", "fungsi")
_NUMBERED = re.compile(r"^(\d{1,2}|[a-z])[.)]\s*(.*)$", re.DOTALL)


def row_number(cell: Cell) -> int | None:
    found = re.fullmatch(r"(\d{1,3})\.?", cell.text.strip())
    return int(found.group(1)) if found else None


def is_column_number_row(row: tuple[Cell, ...]) -> bool:
    """The row of column numbers many Indonesian tables carry under the header: '1 | 2 | 3' or '(1) | (2) | (3)'.
    Only a run counting up by one (a merged cell repeats its number) is one, so a data row is never taken for it."""
    numbers: list[int] = []
    for cell in row:
        text = cell.text.strip()
        if not text:
            continue
        found = re.fullmatch(r"\(?(\d{1,2})\)?\.?", text)
        if found is None:
            return False
        if not numbers or int(found.group(1)) != numbers[-1]:
            numbers.append(int(found.group(1)))
    return len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def has_letters(text: str) -> bool:
    return re.search(r"[^\W\d_]", text) is not None


def _words(text: str) -> str:
    """A cell's text on one line: a manual line break inside a name must not end up inside a catalogue comment."""
    return " ".join(text.split())


def is_office_table(block: Block) -> bool:
    return any(row and norm(row[0].text) == "instansi" for row in block.rows)


def office_table(block: Block, draft: Draft) -> None:
    where = f"tabel {block.number} (INSTANSI / TUGAS / FUNGSI)"
    found = {norm(row[0].text): row for row in block.rows if len(row) >= 2}
    for label in OFFICE_LABELS:
        if label not in found or not found[label][1].text:
            draft.errors.append(f"{where}: baris {label.upper()} tidak ada atau kosong")
    if "instansi" in found:
        office = re.match(r"^(.*?)\s+kabupaten\s+(.+)$", _words(found["instansi"][1].text), re.IGNORECASE)
        if office:
            draft.name, draft.regency = nice_case(office.group(1)), nice_case(office.group(2))
        else:  # the kabupaten may still be in the title (iku/office_import/__init__.py)
            draft.name = nice_case(_words(found["instansi"][1].text))
    if "tugas" in found:
        draft.task = found["tugas"][1].text
    if "fungsi" in found:
        draft.functions = functions(found["fungsi"][1].paragraphs, where, draft)


def functions(paragraphs: tuple[str, ...], where: str, draft: Draft) -> list[tuple[str, str, str | None]]:
    """Numbered functions with lettered sub-items under the function before them. A list Word numbers by itself
    (no number in the text) is numbered in order; a paragraph that does not start a new item continues the last."""
    items: list[list] = []
    parent = None
    unnumbered = 0
    paragraphs = tuple(p for p in paragraphs if p.strip())
    if len(paragraphs) == 1:  # the whole list typed in one paragraph, as the seed's text shows it
        paragraphs = split_inline(paragraphs[0])
    for text in paragraphs:
        found = _NUMBERED.match(text)
        if found and found.group(2).strip():
            number = found.group(1)
            if number.isdigit():
                parent = number
            items.append([number, found.group(2).strip(), None if number.isdigit() else parent])
        elif items and unnumbered == 0:
            items[-1][1] += " " + text.strip()
        else:
            unnumbered += 1
            items.append([str(unnumbered), text.strip(), None])
    if unnumbered:
        draft.notes.append(f"{where}: fungsi tanpa nomor tertulis (penomoran otomatis Word) dinomori menurut "
                           "urutannya; periksa butir berhuruf")
    return [tuple(item) for item in items]


def split_inline(text: str) -> tuple[str, ...]:
    """'1. A; 2. B, antara lain: a. C; b. D 3. E' -> one item each. A label cuts only where it is the next one
    expected (2 after 1, a or the next number after a number, b after a), so 'No. 16' never cuts."""
    cuts = []
    number, letter = 1, ""
    for found in re.finditer(r"(?:^|(?<=\s))(\d{1,2}|[a-z])[.)]\s", text):
        label = found.group(1)
        if label == str(number):
            cuts.append(found.start())
            number, letter = number + 1, "a"
        elif letter and label == letter and number > 1:
            cuts.append(found.start())
            letter = chr(ord(letter) + 1)
    if not cuts or cuts[0] != 0:
        return (text,)
    return tuple(text[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True))


def _header(row: tuple[Cell, ...]) -> dict[str, int] | None:
    """The columns of an indicator table's header row, or None when the row is not one."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(row):
        word = norm(cell.text)
        if word == "no" or word == "nomor":
            columns.setdefault("no", index)
        elif word.split(" ")[0] in LEVEL_WORDS:  # "Sasaran", "Sasaran Strategis"
            columns.setdefault("level", index)
            columns.setdefault(LEVEL_WORDS[word.split(" ")[0]], index)
        elif word.startswith("indikator"):
            columns.setdefault("name", index)
        elif word.startswith("definisi"):
            columns.setdefault("definition", index)
        elif word.startswith(("formula", "rumus")) or "perhitungan" in word:
            columns.setdefault("formula", index)
    needed = {"level", "name", "definition", "formula"}
    return columns if needed <= set(columns) else None


def is_indicator_table(block: Block) -> bool:
    return any(_header(row) for row in block.rows)


def indicator_table(block: Block, draft: Draft) -> None:
    """Indicators of one or more levels; a header row inside the table starts the next level."""
    columns: dict[str, int] | None = None
    level = ""
    for r, row in enumerate(block.rows, start=1):
        head = _header(row)
        if head:
            columns = head
            level = next(key for key in LEVEL_WORDS if key in head)
            continue
        if columns is None or not any(c.text for c in row) or is_column_number_row(row):
            continue
        where = f"tabel {block.number} ({LEVEL_TITLES[level]}), baris {r}"

        def text(key: str, row=row, columns=columns) -> str:
            return row[columns[key]].text if columns[key] < len(row) else ""

        formula_cell = row[columns["formula"]] if columns["formula"] < len(row) else Cell(())
        fraction = formula_cell.fraction
        formula = f"{fraction[0]} / {fraction[1]} {fraction[2]}".strip() if fraction else formula_cell.text
        found = {"nama indikator": text("name"), LEVEL_TITLES[level]: text("level"),
                 "Definisi Operasional": text("definition"), "Formulasi Perhitungan": formula}
        missing = [label for label, value in found.items() if not value]
        if missing:
            draft.errors.append(f"{where}: {', '.join(missing)} kosong")
            continue
        if not has_letters(text("name")):
            draft.errors.append(f"{where}: nama indikator '{text('name')}' tanpa huruf; baris ini bukan indikator")
            continue
        draft.indicators.append(DraftIndicator(
            number=len(draft.indicators) + 1, name=text("name"), level=level, objective=text("level"),
            definition=text("definition"), formula=formula, fraction=fraction))


def is_target_table(block: Block, years: range) -> bool:
    if any(any(norm(c.text) == "kondisi akhir" for c in row) for row in block.rows):
        return True
    data = [row for row in block.rows if row and row_number(row[0]) is not None]
    return bool(data) and all(len(row) >= 2 + len(years) for row in data) and len(years) > 0


def _is_target_header(row: tuple[Cell, ...], years: range) -> bool:
    words = [norm(cell.text) for cell in row]
    if any(w in ("no", "nomor", "kondisi akhir") or w.startswith("indikator") for w in words):
        return True
    return sum(1 for w in words if w.isdigit() and int(w) in years) >= 2  # a second header row of years only


def target_table(block: Block, draft: Draft) -> None:
    """Targets per year and kondisi akhir. With a header row, columns are found by their year; without one (the
    seed's layout), the number columns are the period's years in order, then the kondisi akhir. A data row is
    one with an indicator name: the No cell may look empty when Word numbers the column by itself."""
    years = list(draft.years)
    columns: dict[int | str, int] = {}
    name_column = 1
    data: list[tuple[int, tuple[Cell, ...]]] = []
    for r, row in enumerate(block.rows, start=1):
        if not any(c.text for c in row) or is_column_number_row(row):
            continue
        if not _is_target_header(row, draft.years):
            data.append((r, row))
            continue
        for index, cell in enumerate(row):
            word = norm(cell.text)
            if word.isdigit() and int(word) in draft.years:
                columns[int(word)] = index
            elif word == "kondisi akhir":
                columns["akhir"] = index
            elif word.startswith("indikator"):
                name_column = index
    where_table = f"tabel {block.number} (target)"
    positional = not any(isinstance(key, int) for key in columns)
    if positional:
        name_column = 1
        draft.notes.append(f"{where_table}: tanpa judul kolom tahun; kolom angka dibaca sebagai "
                           f"target {years[0]}-{years[-1]} lalu kondisi akhir")
    else:
        absent = [str(y) for y in years if y not in columns] + ([] if "akhir" in columns else ["kondisi akhir"])
        if absent:
            draft.notes.append(f"{where_table}: tidak ada kolom {', '.join(absent)}; targetnya dibiarkan kosong")
    by_name = {norm(ind.name): ind for ind in draft.indicators}
    read = 0
    for r, row in data:
        where = f"{where_table}, baris {r}"
        name = row[name_column].text if name_column < len(row) else ""
        if not has_letters(name):
            draft.errors.append(f"{where}: nama indikator kosong" if not name else
                                f"{where}: nama indikator '{name}' tanpa huruf; baris ini bukan indikator")
            continue
        if positional:
            values = [cell.text for cell in row[2:]]
            if len(values) != len(years) + 1:
                draft.errors.append(f"{where}: ada {len(values)} kolom angka, padahal yang diharapkan "
                                    f"{len(years) + 1} (target {years[0]}-{years[-1]} dan kondisi akhir)")
                continue
            raw = dict(zip([*years, "akhir"], values, strict=True))
        else:
            raw = {key: row[index].text for key, index in columns.items() if index < len(row)}
        ind = by_name.get(norm(name))
        if ind is None:
            used = {i.number for i in draft.indicators}
            number = row_number(row[0]) if name_column > 0 else None
            ind = DraftIndicator(number=number if number and number not in used else max(used, default=0) + 1,
                                 name=name)
            _near_miss(ind, draft, where)
            draft.indicators.append(ind)
            by_name[norm(name)] = ind
        read += 1
        if not any(str(raw.get(year, "")).strip() for year in years):  # a dash is written: "not set", on purpose
            draft.errors.append(f"{where}: '{name}' tanpa target tertulis untuk tahun mana pun "
                                f"({years[0]}-{years[-1]}); isi targetnya, atau tulis '–' untuk target yang "
                                "memang belum ditetapkan")
            continue
        _targets(ind, raw, where, draft)
    if not read and not any(e.startswith(where_table) for e in draft.errors):
        draft.errors.append(f"{where_table}: tidak ada baris indikator yang terbaca (No / Indikator Kinerja / "
                            "target per tahun / kondisi akhir)")


def _near_miss(ind: DraftIndicator, draft: Draft, where: str) -> None:
    """A target row whose name is almost that of an indicator of the IKU tables: probably the same one, typed
    differently; it is kept apart (never matched by a guess) and named so that staff correct the document."""
    for other in draft.indicators:
        if other.level and not other.in_target_table and \
                difflib.SequenceMatcher(None, norm(other.name), norm(ind.name)).ratio() >= 0.85:
            draft.notes.append(f"{where}: '{ind.name}' mirip indikator {other.number} '{other.name}' tetapi tidak "
                               "sama persis; dibaca sebagai indikator tersendiri. Samakan namanya bila itu indikator "
                               "yang sama")


def _targets(ind: DraftIndicator, raw: dict, where: str, draft: Draft) -> None:
    ind.in_target_table = True
    values = [str(v).strip() for v in raw.values()]
    if any(v.endswith("%") for v in values):
        ind.unit, ind.unit_reason = "persen", "tanda % pada tabel target"
    elif any(re.search(r"\bdesa$", v, re.IGNORECASE) for v in values):
        ind.unit, ind.unit_reason = "desa", "kata 'desa' pada tabel target"
    else:
        ind.unit, ind.unit_reason = guess_unit(ind)
    for key, text in raw.items():
        text = re.sub(r"\s*desa$", "", str(text).strip(), flags=re.IGNORECASE)
        label = "kondisi akhir" if key == "akhir" else f"target {key}"
        value: Decimal | None = None
        if text not in NOT_SET:
            try:
                value = parse_number_text(text, ind.unit == "persen")
            except NotANumber as exc:
                draft.errors.append(f"{where}, {label} '{ind.name}': {exc}")
                continue
        if key == "akhir":
            ind.end_target = value
        else:
            ind.targets[key] = value


def guess_unit(ind: DraftIndicator) -> tuple[str, str]:
    """The unit of an indicator the target table shows no sign of, from its name and formula."""
    name, formula = norm(ind.name), norm(ind.formula)
    if name.startswith(("persentase", "prosentase")) or "100%" in formula.replace(" ", ""):
        return "persen", "ditebak dari nama atau rumus indikator; periksa"
    if name.startswith("jumlah desa"):
        return "desa", "ditebak dari nama indikator; periksa"
    return "nilai", "ditebak (bukan persen, bukan jumlah desa); periksa"
