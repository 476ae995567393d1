"""What `office import` prints after reading: the office, the counts, the target table as read (indicator x year,
to hold beside the document) and every value staff must confirm."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import click

from iku import formatting as fmt
from iku.office_import.draft import Draft, DraftIndicator, Value

LEVEL_NAMES = (("tujuan", "tujuan"), ("sasaran", "sasaran"), ("program", "program"), (None, "tabel target saja"))
NAME_WIDTH = 40


def show(document: Path, draft: Draft) -> None:
    click.echo(f"{document.name}: dokumen IKU")
    period = f"{draft.first_year}-{draft.last_year}" if draft.first_year else "(tidak terbaca)"
    click.echo(f"  Kantor: {draft.name or '(tidak terbaca)'}, Kabupaten {draft.regency or '(tidak terbaca)'}, "
               f"periode {period}")
    click.echo(f"  Tugas: {_short(draft.task) or '(tidak terbaca)'}")
    subs = sum(1 for f in draft.functions if f[2])
    click.echo(f"  Fungsi: {len(draft.functions) - subs} butir" + (f" dan {subs} sub-butir" if subs else "")
               if draft.functions else "  Fungsi: (tidak terbaca)")
    counts = [f"{sum(1 for i in draft.indicators if i.level == level)} {label}" for level, label in LEVEL_NAMES]
    click.echo(f"  Indikator: {len(draft.indicators)} ({', '.join(counts)})")
    if draft.first_year:
        per_year = [f"{year}: {sum(1 for i in draft.indicators if i.targets.get(year) is not None)}"
                    for year in draft.years]
        end = sum(1 for i in draft.indicators if i.end_target is not None)
        click.echo(f"  Target yang ditetapkan (jumlah indikator): {', '.join(per_year)}; kondisi akhir: {end}")
    signer = ", ".join(x for x in (draft.signer_position, draft.signer_name, draft.signer_rank) if x)
    click.echo(f"  Penanda tangan: {signer or '(tidak terbaca)'}" + (f", NIP {draft.signer_nip}"
                                                                      if draft.signer_nip else ""))
    if draft.signing_place:
        set_on = f", ditetapkan {fmt.date(draft.iku_date)}" if draft.iku_date else ""
        click.echo(f"  Tempat penandatanganan: {draft.signing_place}{set_on}")
    if draft.indicators and draft.first_year:
        _targets(draft)
    marked = [ind for ind in draft.indicators if ind.check]
    if marked:
        click.echo(f"  Perlu dipastikan (ditandai 'periksa' di katalog): {len(marked)} indikator")
        for ind in marked:
            why = "; ".join(f"{key}: {reason}" for key, reason in ind.check.items())
            click.echo(f"    - {ind.number} '{_short(ind.name, NAME_WIDTH)}': {why}")
    if draft.notes:
        click.echo("  Catatan:")
        for line in draft.notes:
            click.echo(f"    - {line}")


def _targets(draft: Draft) -> None:
    """The target table as read, one row per indicator: the figures to compare with the document at a glance."""
    baseline = any(ind.has_baseline for ind in draft.indicators)
    head = ["No", "Satuan", *(["Awal"] if baseline else []), *map(str, draft.years), "Akhir", "Indikator"]
    rows = [[str(ind.number), ind.unit, *([_value(ind, ind.baseline)] if baseline else []),
             *(_value(ind, ind.targets.get(y)) for y in draft.years), _value(ind, ind.end_target),
             _short(ind.name, NAME_WIDTH)] for ind in draft.indicators]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head) - 1)]
    click.echo("  Tabel target yang terbaca (cocokkan dengan dokumen):")
    for row in [head, *rows]:
        click.echo("    " + "  ".join(text.ljust(w) for text, w in zip(row, widths, strict=False)) + "  " + row[-1])


def _value(ind: DraftIndicator, value: Value) -> str:
    if value is None:
        return "\u2013"
    if not isinstance(value, Decimal):
        return value  # a predicate
    whole, _, decimals = format(abs(value), "f").partition(".")
    text = f"{int(whole):,}".replace(",", ".") + (f",{decimals}" if decimals else "")  # as written: 1.000; 80,50
    return ("-" if value < 0 else "") + text + ("%" if ind.unit == "persen" else "")


def _short(text: str, size: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + " ..."
