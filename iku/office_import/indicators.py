"""The indicator and target tables of an IKU document, in any of the layouts offices use: a table per level
(the seed), one cascade table (Tujuan / Sasaran / Indikator), targets beside the indicators or in a table of
their own, with or without a header row (the seed's target table has none). Every row becomes a record; the
records of one indicator (same name) are merged, and two that disagree are refused, naming both."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from iku.office_import import columns as cols
from iku.office_import import values
from iku.office_import.columns import Column
from iku.office_import.docx_read import Block, Cell
from iku.office_import.draft import Draft, DraftIndicator, Raw, norm

LEVEL_TITLES = {"tujuan": "Tujuan", "sasaran": "Sasaran", "program": "Program"}
KEYS = {"definition": "definisi", "formula": "formula", "unit": "satuan"}


@dataclass
class Record:
    """One row of an indicator or target table."""

    where: str
    name: str
    number: int | None
    level: str | None = None
    objective: str = ""
    above: dict[str, str] = field(default_factory=dict)
    texts: dict[str, Raw] = field(default_factory=dict)
    values: dict[int | str, Raw] = field(default_factory=dict)
    fraction: tuple[str, str, str] | None = None
    baseline_year: int | None = None
    positional: bool = False  # its targets were read by the order of the columns


@dataclass
class Layout:
    columns: list[Column]
    level: str | None
    title: str  # how messages name the table: "Sasaran", "target", "indikator"


def is_data_table(block: Block) -> bool:
    return any(cols.is_header_row(row) for row in block.rows)


def is_positional_table(block: Block, years: int) -> bool:
    """The seed's target table: No | indicator | a number per year | kondisi akhir, without a header row."""
    rows = [row for row in block.rows if any(c.text for c in row) and not cols.is_column_number_row(row)]
    return bool(rows) and all(len(row) >= 2 + years and (not row[0].text or cols.row_number(row[0]) is not None)
                              for row in rows) and any(cols.has_letters(row[1].text) for row in rows)


def width(block: Block) -> int:
    return max((len(row) for row in block.rows), default=0)


def read_table(block: Block, draft: Draft, carried: Layout | None = None) -> tuple[list[Record], Layout | None]:
    """The rows of a table with header rows; a header row inside the table (the next level, or the header
    repeated on every page) starts over. `carried`: the header of the table this one continues."""
    records: list[Record] = []
    layout = carried
    rows = block.rows
    r = 0
    while r < len(rows):
        row = rows[r]
        if cols.is_header_row(row):
            header = [(r, row)]
            while r + 1 < len(rows) and cols.is_subheader_row(rows[r + 1], r + 1):
                r += 1
                header.append((r, rows[r]))
            layout = _layout(block, cols.columns(header), draft)
        elif layout is not None and any(c.text for c in row) and not cols.is_column_number_row(row):
            if len({c.origin for c in row}) == 1 and len(row) > 1:
                draft.notes.append(f"tabel {block.number}, baris {r + 1}: baris judul '{row[0].text[:60]}' "
                                   "(satu sel selebar tabel) dilewati")
            else:
                record = _record(block, layout, r, row, draft, len(records) + 1)
                if record is not None:
                    records.append(record)
        r += 1
    if not records and layout is not None and not any(e.startswith(f"tabel {block.number} ") for e in draft.errors):
        draft.errors.append(f"tabel {block.number} ({layout.title}): tidak ada baris indikator yang terbaca (No / "
                            "Indikator Kinerja / target per tahun / kondisi akhir)")
    return records, layout


def _layout(block: Block, found: list[Column], draft: Draft) -> Layout | None:
    where = f"tabel {block.number}"
    if not any(c.kind == "formula" for c in found):
        found = [Column(c.index, "formula", c.label) if c.kind == "reason" else c for c in found]
    kept: list[Column] = []
    mapped: list[Column] = []
    for col in found:
        if col.kind == "index":
            if not draft.first_year:
                continue  # the period's own error names what is missing
            if not 1 <= col.year <= len(draft.years):
                draft.errors.append(f"{where}: kolom '{col.label}' di luar periode {draft.first_year}-"
                                    f"{draft.last_year} ({len(draft.years)} tahun)")
                return None
            col = Column(col.index, "year", col.label, draft.first_year + col.year - 1, col.percent)
            mapped.append(col)
        if col.kind == "unknown":
            draft.notes.append(f"{where}: kolom '{col.label}' tidak dikenali; isinya tidak dibaca")
        if col.kind == "target":
            draft.errors.append(f"{where}: kolom '{col.label}' tidak menyebut tahunnya; tulis tahunnya di judul kolom "
                                "(misalnya 'Target 2025' atau 'Tahun ke-1')")
            continue
        kept.append(col)
    if mapped and not any(n.startswith(f"{where}: kolom '{mapped[0].label}'") for n in draft.notes):
        draft.notes.append(f"{where}: kolom '{mapped[0].label}' sampai '{mapped[-1].label}' dibaca sebagai tahun "
                           f"{mapped[0].year}-{mapped[-1].year} (periode di judul dokumen)")
    single = [*cols.TEXT_KINDS, "no", "baseline", "end"]
    for kind in single:
        same = [c for c in kept if c.kind == kind]
        if len(same) > 1 and kind != "no":
            draft.errors.append(f"{where}: dua kolom {cols.KIND_TITLES.get(kind, kind)} "
                                f"({', '.join(repr(c.label) for c in same)}); satu tabel satu kolom untuk itu")
            return None
    years = [c.year for c in kept if c.kind == "year"]
    for year in {y for y in years if years.count(y) > 1}:
        draft.errors.append(f"{where}: tahun {year} ada di dua kolom target")
        return None
    _check_years(where, kept, draft)
    levels = [c.kind for c in kept if c.kind in cols.LEVELS]
    level = max(levels, key=cols.LEVELS.index) if levels else None
    title = LEVEL_TITLES[level] if level else "target" if years else "indikator"
    return Layout(kept, level, title)


def _check_years(where: str, found: list[Column], draft: Draft) -> None:
    """The years of a target table are the title's period: a table of other years is refused, naming both."""
    if not draft.first_year:
        return
    years = sorted(c.year for c in found if c.kind == "year")
    period = f"{draft.first_year}-{draft.last_year}"
    if years and years != list(draft.years):
        shown = f"{years[0]}-{years[-1]}" if years == list(range(years[0], years[-1] + 1)) else \
            ", ".join(map(str, years))
        draft.errors.append(f"judul dokumen menyebut periode {period}, tetapi {where} memuat kolom target tahun "
                            f"{shown}; samakan periodenya")
    for col in found:
        if col.kind == "end" and col.year is not None and col.year != draft.last_year:
            draft.errors.append(f"{where}: kolom '{col.label}' menyebut tahun {col.year}, padahal periode di judul "
                                f"dokumen {period}")
        if col.kind == "baseline" and col.year is not None and col.year >= draft.first_year:
            draft.errors.append(f"{where}: kolom '{col.label}' menyebut tahun {col.year}, padahal kondisi awal adalah "
                                f"tahun sebelum periode {period}")


def _cell(row: tuple[Cell, ...], col: Column) -> Cell:
    return row[col.index] if col.index < len(row) else Cell(())


def _record(block: Block, layout: Layout, r: int, row: tuple[Cell, ...], draft: Draft, ordinal: int) -> Record | None:
    where = f"tabel {block.number} ({layout.title}), baris {r + 1}"
    by_kind = {c.kind: c for c in layout.columns if c.kind in (*cols.TEXT_KINDS, "no")}
    name = _cell(row, by_kind["name"]).text
    if name and not cols.has_letters(name):
        draft.errors.append(f"{where}: nama indikator '{name}' tanpa huruf; baris ini bukan indikator")
        return None
    fraction = _cell(row, by_kind["formula"]).fraction if "formula" in by_kind else None
    texts = {kind: Raw(_cell(row, col).text, f"{where}, kolom {col.label}", label=col.label)
             for kind, col in by_kind.items() if kind in cols.TEXT_KINDS and kind != "name"}
    if fraction:
        texts["formula"].text = f"{fraction[0]} / {fraction[1]} {fraction[2]}".strip()
    required = {"nama indikator": name}
    if layout.level:  # an empty definition or formula is marked for staff to fill (finish), not refused
        required[LEVEL_TITLES[layout.level]] = texts[layout.level].text
    missing = [label for label, value in required.items() if not value]
    if missing:
        draft.errors.append(f"{where}: {', '.join(missing)} kosong")
        return None
    number = cols.row_number(_cell(row, by_kind["no"])) if "no" in by_kind else None
    if "no" in by_kind and number is None and not _cell(row, by_kind["no"]).text:
        number = ordinal  # a No column Word numbers by itself looks empty
    record = Record(where=where, name=name, number=number, level=layout.level, fraction=fraction,
                    texts={k: v for k, v in texts.items() if k not in cols.LEVELS})
    if layout.level:
        record.objective = texts[layout.level].text
        record.above = {k: texts[k].text for k in cols.LEVELS[:cols.LEVELS.index(layout.level)]
                        if k in texts and texts[k].text}
    for col in layout.columns:
        key = {"year": col.year, "baseline": "awal", "end": "akhir"}.get(col.kind)
        if key is not None:
            record.values[key] = Raw(_cell(row, col).text, where, col.percent, col.label)
        if col.kind == "baseline":
            record.baseline_year = col.year
    if any(isinstance(k, int) for k in record.values) and not any(
            r.text.strip() for k, r in record.values.items() if isinstance(k, int)):
        draft.errors.append(f"{where}: '{name}' tanpa target tertulis untuk tahun mana pun ({draft.first_year}-"
                            f"{draft.last_year}); isi targetnya, atau tulis '\u2013' untuk target yang memang belum "
                            "ditetapkan")
        return None
    return record


def read_positional(block: Block, draft: Draft) -> list[Record]:
    """The seed's layout: without a header row, the number columns are the period's years in order, then the
    kondisi akhir; the summary says so and the catalogue marks the targets for staff to confirm."""
    years = list(draft.years)
    where_table = f"tabel {block.number} (target)"
    draft.notes.append(f"{where_table}: tanpa judul kolom tahun; kolom angka dibaca sebagai target "
                       f"{years[0]}-{years[-1]} lalu kondisi akhir")
    records = []
    ordinal = 0
    for r, row in enumerate(block.rows, start=1):
        if not any(c.text for c in row) or cols.is_column_number_row(row):
            continue
        ordinal += 1
        where = f"{where_table}, baris {r}"
        if not cols.has_letters(row[1].text):
            draft.errors.append(f"{where}: nama indikator kosong" if not row[1].text else
                                f"{where}: nama indikator '{row[1].text}' tanpa huruf; baris ini bukan indikator")
            continue
        texts = [cell.text for cell in row[2:]]
        if len(texts) != len(years) + 1:
            draft.errors.append(f"{where}: ada {len(texts)} kolom angka, padahal yang diharapkan {len(years) + 1} "
                                f"(target {years[0]}-{years[-1]} dan kondisi akhir)")
            continue
        if not any(t.strip() for t in texts[:-1]):
            draft.errors.append(f"{where}: '{row[1].text}' tanpa target tertulis untuk tahun mana pun ({years[0]}-"
                                f"{years[-1]}); isi targetnya, atau tulis '\u2013' untuk target yang memang belum "
                                "ditetapkan")
            continue
        number = cols.row_number(row[0]) if row[0].text else ordinal
        record = Record(where=where, name=row[1].text, number=number, positional=True)
        for key, text in zip([*years, "akhir"], texts, strict=True):
            record.values[key] = Raw(text, where)
        records.append(record)
    return records


def merge(records: list[Record], draft: Draft) -> None:
    """The records of one indicator (same name, loosely compared) into one; a target row that names no
    indicator of the document is refused when its number is another indicator's or its name is nearly one."""
    by_name: dict[str, DraftIndicator] = {norm(i.name): i for i in draft.indicators}
    for rec in records:
        ind = by_name.get(norm(rec.name))
        if ind is None:
            ind = _new(rec, draft)
            if ind is None:
                continue
            by_name[norm(rec.name)] = ind
        _merge_one(ind, rec, draft)


def _new(rec: Record, draft: Draft) -> DraftIndicator | None:
    used = {i.number: i for i in draft.indicators}
    if rec.level is None:
        for other in draft.indicators:
            similar = difflib.SequenceMatcher(None, norm(other.name), norm(rec.name)).ratio() >= 0.85
            if other.level and not other.in_target_table and similar:
                draft.errors.append(f"{rec.where}: '{rec.name}' mirip indikator {other.number} '{other.name}' tetapi "
                                    "tidak sama persis; samakan namanya bila itu indikator yang sama")
                return None
        if rec.number in used:
            other = used[rec.number]
            draft.errors.append(f"{rec.where}: '{rec.name}' tidak cocok dengan nama indikator mana pun, padahal "
                                f"nomor {rec.number} dipakai indikator '{other.name}' ({other.where}); samakan "
                                "namanya bila itu indikator yang sama, atau beri nomor lain")
            return None
    number = rec.number if rec.level is None and rec.number else max(used, default=0) + 1
    ind = DraftIndicator(number=number, name=rec.name, where=rec.where)
    draft.indicators.append(ind)
    return ind


def _merge_one(ind: DraftIndicator, rec: Record, draft: Draft) -> None:
    if rec.level:
        if ind.level and (ind.level, norm(ind.objective)) != (rec.level, norm(rec.objective)):
            draft.errors.append(f"indikator '{ind.name}' tertulis dua kali dengan {LEVEL_TITLES[ind.level].lower()} "
                                f"yang berbeda: {ind.where} ('{ind.objective}') dan {rec.where} ('{rec.objective}')")
            return
        ind.level, ind.objective = rec.level, rec.objective
        for key, text in rec.above.items():
            ind.above.setdefault(key, text)
    for kind, raw in rec.texts.items():
        before = ind.texts.get(kind)
        if before is not None and before.text.strip() and raw.text.strip() and not _same(kind, before, raw):
            draft.errors.append(f"{cols.KIND_TITLES[kind]} '{ind.name}' berbeda: {before.where} ('{before.text}') "
                                f"dan {raw.where} ('{raw.text}')")
        elif before is None or not before.text.strip():
            ind.texts[kind] = raw
    for key, raw in rec.values.items():
        before = ind.values.get(key)
        if before is not None and before.text.replace(" ", "") != raw.text.replace(" ", ""):
            label = "kondisi akhir" if key == "akhir" else "kondisi awal" if key == "awal" else f"target {key}"
            draft.errors.append(f"{label} '{ind.name}' berbeda: {before.where} ('{before.text}') dan {raw.where} "
                                f"('{raw.text}')")
        ind.values.setdefault(key, raw)
    ind.fraction = ind.fraction or rec.fraction
    if any(isinstance(k, int) for k in rec.values):
        ind.in_target_table = True
    if "awal" in rec.values:
        ind.has_baseline = True
        ind.baseline_year = ind.baseline_year or rec.baseline_year
    if rec.positional:
        ind.check["target"] = "tabel target tanpa judul kolom: tahunnya dibaca menurut urutan kolom"


def _same(kind: str, one: Raw, other: Raw) -> bool:
    """Two cells saying the same: '%' and 'Persen' are one unit."""
    if kind == "unit":
        return (values.stated_unit(one.text) or norm(one.text)) == (values.stated_unit(other.text) or norm(other.text))
    return norm(one.text) == norm(other.text)


def finish(draft: Draft, leveled_document: bool) -> None:
    """Texts, unit, values and polarity of every indicator, once all tables are read."""
    for ind in draft.indicators:
        for kind, attr in (("definition", "definition"), ("formula", "formula"), ("source", "data_origin"),
                           ("responsible", "responsible")):
            if kind in ind.texts:
                setattr(ind, attr, ind.texts[kind].text)
        if ind.in_target_table and "akhir" not in ind.values:
            tables = dict.fromkeys(r.where.split(", baris")[0] for k, r in ind.values.items() if isinstance(k, int))
            ind.check["kondisi_akhir"] = f"{' dan '.join(tables)} tanpa kolom Kondisi Akhir; dibiarkan kosong, tidak " \
                                         "diambil dari target tahun terakhir"
        if ind.level or not leveled_document:
            for kind in ("definition", "formula"):
                if kind not in ind.texts:
                    ind.check[KEYS[kind]] = f"dokumen tanpa kolom {cols.KIND_TITLES[kind]}"
                elif not ind.texts[kind].text.strip():
                    ind.check[KEYS[kind]] = f"{ind.texts[kind].where} kosong"
        if not leveled_document:
            ind.check["tingkat"] = "dokumen tidak menyebut tujuan, sasaran atau program indikator ini"
        if not values.decide_unit(ind, draft):
            continue
        for key, raw in ind.values.items():
            label = "kondisi akhir" if key == "akhir" else "kondisi awal" if key == "awal" else f"target {key}"
            ok, value = values.parse_value(ind, raw, label, draft)
            if not ok:
                continue
            if key == "akhir":
                ind.end_target = value
            elif key == "awal":
                ind.baseline = value
            else:
                ind.targets[key] = value
        values.decide_polarity(ind, draft)
        if ind.polarity == "turun":
            ind.check["rumus_turun"] = "dokumen tidak menyebut rumus capaian indikator yang makin rendah makin baik"
        for year in draft.years:
            ind.targets.setdefault(year, None)
