"""`template PATH --year Y --from OLD.xlsx`: the new year's workbook, filled from last year's.

Last year's workbook is read and validated as `check` reads it (never written to), and computed as `build`
computes it, so the realisations it drew from its survey, registers and statuses are carried as the figures its
documents printed, each with a comment naming where it came from. Across a change of Renstra period only the
indicators the new period continues (same name, or the catalogue's `lanjutan`) bring their history."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment

from iku import catalogue as catalogue_mod
from iku import layout as L
from iku import pipeline, rules
from iku.carry import comments, follow_up_rows, sakip_rows
from iku.carry import sheets as carried_sheets
from iku.errors import InputError, Problem
from iku.model import Catalogue, Indicator, Results
from iku.workbook import template
from iku.xlsx_style import put_text

AUTHOR = "iku"


@dataclass(frozen=True)
class Carried:
    workbook: Workbook
    summary: tuple[str, ...]


def _refuse(message: str) -> InputError:
    return InputError(Problem(message))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def continuing(old: Catalogue, new: Catalogue) -> dict[int, Indicator]:
    """New indicator number -> the old indicator it continues: the same name, or the one `lanjutan` names."""
    by_name = {_name_key(ind.name): ind for ind in old.indicators}
    found = {}
    for ind in new.indicators:
        match = by_name.get(_name_key(ind.continues)) if ind.continues else None
        match = match or by_name.get(_name_key(ind.name))
        if match is not None:
            found[ind.number] = match
    return found


def _read_old(previous: Path, path: Path, catalogues: list[Catalogue]) -> Results:
    if _same_file(previous, path):
        raise _refuse(f"--from {previous} sama dengan buku kerja yang akan ditulis; sebutkan buku kerja tahun lalu.")
    if not previous.is_file():
        raise _refuse(f"--from {previous}: file tidak ada.")
    try:
        return pipeline.check(previous, catalogues)
    except InputError as exc:
        raise InputError(
            [Problem(f"buku kerja --from {previous.name} tidak sah, jadi tidak ada yang ditulis:"), *exc.problems],
            source=exc.source) from None


def _check_pair(old: Results, new: Catalogue, year: int, matches: dict[int, Indicator]) -> None:
    old_office = old.catalogue.office
    if old_office.code != new.office.code:
        raise _refuse(f"--from {old.report.source.name} adalah buku kerja {old_office.name}, bukan {new.office.name}.")
    if old.report_year >= year:
        raise _refuse(f"--from {old.report.source.name} adalah buku kerja tahun {old.report_year}; yang dibawa harus "
                      f"tahun sebelum {year}.")
    same_period = catalogue_mod.period_text(old.catalogue) == catalogue_mod.period_text(new)
    if not same_period and (old_office.last_year + 1 < new.office.first_year or not matches):
        raise _refuse(f"periode Renstra {catalogue_mod.period_text(new)} tidak melanjutkan periode "
                      f"{catalogue_mod.period_text(old.catalogue)} buku kerja {old.report.source.name} "
                      f"({'tidak bersambung' if matches else 'tidak ada indikator yang dilanjutkan'}).")


def carry(previous: Path, path: Path, new: Catalogue, year: int, catalogues: list[Catalogue]) -> Carried:
    old = _read_old(previous, path, catalogues)
    matches = continuing(old.catalogue, new)
    _check_pair(old, new, year, matches)
    same_period = catalogue_mod.period_text(old.catalogue) == catalogue_mod.period_text(new)
    history = tuple(sorted({a.year for n in matches.values() for a in old.achievements.get(n.number, ())
                            if a.year < new.office.first_year and a.realisation is not None}))
    catalogue = replace(new, history=history)
    wb = template.build(catalogue, year)
    summary = [_identity(wb, old)]
    summary += _realisations(wb, catalogue, old, matches, year, same_period, _old_comments(previous, old))
    summary += _sheets(wb, previous, year)
    return Carried(wb, tuple(summary))


def _identity(wb: Workbook, old: Results) -> str:
    """What staff wrote in last year's Identitas; a value that was only the old catalogue's default stays the new
    catalogue's (a new period may have a new Bupati or signatory)."""
    ident, was = old.report.identity, old.catalogue.office
    signer = was.signatory
    values = {L.ID_NAME: (ident.signatory.name, signer.name),
              L.ID_POSITION: (ident.signatory.position, signer.position),
              L.ID_RANK: (ident.signatory.rank, rules.rank_with_grade(signer.rank)[0] or signer.rank),
              L.ID_NIP: (ident.signatory.nip, signer.nip), L.ID_PLACE: (ident.signing_place, was.signing_place),
              L.ID_PK_PLACE: (ident.pk_place, was.regency_seat or was.signing_place),
              L.ID_SUPERIOR_NAME: (ident.superior_name, was.superior_name),
              L.ID_POPULATION: (old.report.population, None)}
    ws = wb[L.SHEET_IDENTITY]
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    carried = []
    for label, (value, default) in values.items():
        if value is None or value == "" or value == default:
            continue
        cell = ws.cell(row=rows[label], column=2)
        if isinstance(value, str):
            put_text(cell, value)
        else:
            cell.value = value
        carried.append(label)
    what = ", ".join(carried) if carried else "tidak ada isian yang berbeda dari katalog"
    line = (f"{L.SHEET_IDENTITY}: dibawa {what}; isian lain sama dengan katalog kantor, jadi diisi dari katalog "
            "yang berlaku; tanggal-tanggal tidak dibawa (isi untuk tahun ini)")
    if ident.is_sample:  # fictitious figures never become official by being carried
        put_text(ws.cell(row=rows[L.ID_STATUS], column=2), L.STATUS_SAMPLE)
        return line + f"; Status Data tetap {L.STATUS_SAMPLE}, karena buku kerja lama adalah contoh."
    return line + "; Status Data diisi untuk tahun ini."


def _comment(cell, text: str) -> None:
    cell.comment = Comment(text, AUTHOR, width=260, height=60)


def _old_comments(previous: Path, old: Results) -> dict[tuple[int, int], str]:
    """(indicator, year) -> the note iku wrote on a carried realisation of the old workbook."""
    notes = comments.sheet_comments(previous, L.SHEET_REALISATION, AUTHOR)
    return {(number, y): notes[coordinate] for number, per_year in old.report.cells.items()
            for y, coordinate in per_year.items() if coordinate in notes}


def _realisations(wb: Workbook, cat: Catalogue, old: Results, matches: dict[int, Indicator], year: int,
                  same_period: bool, old_comments: dict[tuple[int, int], str]) -> list[str]:
    ws = wb[L.SHEET_REALISATION]
    typed = computed = targets = recomputed = 0
    unlike: list[str] = []
    for ind in cat.indicators:
        was = matches.get(ind.number)
        if was is None:
            continue
        if was.is_predicate != ind.is_predicate:  # a score never becomes a predicate by being carried, nor back
            unlike.append(f"'{ind.name}' (dulu {was.unit}, kini {ind.unit})")
            continue
        for a in old.achievements.get(was.number, ()):
            if a.year >= year or a.year not in cat.measured_years:
                continue
            if a.realisation is not None:
                cell = ws[template.realisation_cell(cat, ind.number, a.year)]
                if a.computed and a.source in carried_sheets.RECOMPUTED and a.year in cat.years \
                        and ind.source and ind.source == was.source:  # the new catalogue computes it the same way
                    _comment(cell, f"Dihitung dari lembar {a.source}, yang dibawa dari buku kerja {old.report_year} "
                                   f"({old.report.source.name}); sel ini dibiarkan kosong.")
                    recomputed += 1
                    continue
                cell.value = template.stored(ind, a.realisation)
                note = old_comments.get((was.number, a.year))
                if note and not a.computed:  # a figure carried before keeps the note of where it came from
                    _comment(cell, note)
                    computed += 1
                elif a.computed:
                    _comment(cell, f"Dihitung dari data {a.source} buku kerja {old.report_year} "
                                   f"({old.report.source.name}).")
                    computed += 1
                else:
                    typed += 1
            if a.year in cat.history and a.target is not None:
                ws[template.target_cell(cat, ind.number, a.year)].value = template.stored(ind, a.target)
        if same_period:
            targets += _typed_targets(ws, cat, ind, was)
    lines = [f"{L.SHEET_REALISATION}: {typed + computed} realisasi tahun sebelum {year} dibawa ({typed} diketik, "
             f"{computed} hasil hitung lembar data buku kerja {old.report_year}, diberi komentar asalnya)."]
    if recomputed:
        lines.append(f"{L.SHEET_REALISATION}: {recomputed} realisasi dihitung lagi dari lembar "
                     f"{' dan '.join(carried_sheets.RECOMPUTED)} yang ikut dibawa (selnya kosong, diberi komentar).")
    if cat.history and not same_period:
        lines.append(f"{L.SHEET_REALISATION}: riwayat {cat.history[0]}-{cat.history[-1]} dari periode Renstra "
                     f"{catalogue_mod.period_text(old.catalogue)} dibawa untuk {len(matches)} indikator yang "
                     "dilanjutkan (kolom terkunci).")
    if same_period:
        lines.append(f"{L.SHEET_REALISATION}: {targets} target yang diketik (dari Renstra) dibawa.")
    else:
        lines.append(f"{L.SHEET_REALISATION}: target yang diketik tidak dibawa: itu target Renstra "
                     f"{catalogue_mod.period_text(old.catalogue)}, bukan periode {catalogue_mod.period_text(cat)}.")
    if unlike:
        lines.append(f"{L.SHEET_REALISATION}: realisasi dan target tidak dibawa karena satuannya berubah antara "
                     f"predikat dan angka: {'; '.join(unlike)}; isi sendiri dari dokumen sumbernya.")
    left = [ind.name for ind in old.catalogue.indicators if ind.number not in {w.number for w in matches.values()}]
    if left:
        lines.append(f"Tidak dibawa (tidak dilanjutkan periode {catalogue_mod.period_text(cat)}): " + "; ".join(left)
                     + ".")
    new_only = [ind.name for ind in cat.indicators if ind.number not in matches]
    if new_only and not same_period:
        lines.append("Indikator baru tanpa riwayat: " + "; ".join(new_only) + ".")
    old_names = {_name_key(ind.name) for ind in old.catalogue.indicators}
    for ind in [] if same_period else cat.indicators:
        if ind.continues and _name_key(ind.continues) not in old_names:
            lines.append(f"Periksa katalog: lanjutan '{ind.continues}' pada indikator '{ind.name}' tidak ada di "
                         f"periode {catalogue_mod.period_text(old.catalogue)}; tulis nama lamanya persis.")
    return lines


def _typed_targets(ws, cat: Catalogue, ind: Indicator, was: Indicator) -> int:
    count = 0
    for y in sorted(was.workbook_targets):
        value = was.targets.get(y)
        if y in cat.years and ind.targets.get(y) is None and value is not None:
            ws[template.target_cell(cat, ind.number, y)].value = template.stored(ind, value)
            count += 1
    if was.workbook_end_target and ind.end_target is None and was.end_target is not None:
        ws[template.target_cell(cat, ind.number, None)].value = template.stored(ind, was.end_target)
        count += 1
    return count


def _sheets(wb: Workbook, previous: Path, year: int) -> list[str]:
    # Read-only and values only: sheets not carried are never parsed, and a formula is never carried.
    old = load_workbook(previous, read_only=True, data_only=True)
    lines = []
    for name in carried_sheets.CARRIED:
        if name not in old.sheetnames or name not in wb.sheetnames:
            continue
        rows, notes = carried_sheets.read_rows(old[name]), []
        if name == L.SHEET_SAKIP:
            rows, notes = sakip_rows.by_scheme(rows, year, sakip_rows.years_of(wb[name]))
        if name == L.SHEET_FOLLOW_UP:
            rows, notes = follow_up_rows.unfinished(rows)
        done = carried_sheets.copy_sheet(rows, wb[name], year)
        if done is None:
            lines.append(f"{name}: tidak dibawa (judul kolomnya tidak ditemukan di buku kerja lama).")
            continue
        line = f"{name}: {done.rows} baris dibawa"
        if done.years_left:
            line += f"; kolom tahun {', '.join(map(str, done.years_left))} dibiarkan kosong untuk diisi"
        if done.not_placed:
            line += f"; {done.not_placed} baris tidak dibawa karena lembar baru tidak punya baris kosong lagi"
        line += "".join(f"; {note}" for note in notes)
        lines.append(line + ".")
    left = [f"{name} ({why})" for name, why in carried_sheets.LEFT_OUT.items() if name in old.sheetnames]
    old.close()
    lines.append("Tidak dibawa, karena milik tahunnya sendiri: " + "; ".join(left) + ".")
    return lines
