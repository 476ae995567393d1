"""`python generate.py office import IKU.docx [--code KODE] [--force]`: reads, prints what it read, writes."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import click

from iku import catalogue as catalogue_mod
from iku.errors import InputError
from iku.office_import import read_iku, summary
from iku.office_import.draft import CODE_PATTERN, Draft, code_for
from iku.office_import.toml_out import FILL, catalogue_text
from iku.safe_names import refuse_reserved_code, refuse_unsafe_office_name
from iku.writer import write_atomic


@click.group()
def office() -> None:
    """Katalog kantor (iku/offices/): membuat katalog kantor baru."""


@office.command("import")
@click.argument("document", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--code", default=None, help="Kode kantor (nama file katalog); bawaan: dari nama kantor.")
@click.option("--force", is_flag=True, help="Timpa katalog yang sudah ada.")
def import_(document: Path, code: str | None, force: bool) -> None:
    """Membaca dokumen IKU (.docx) dan menulis katalog kantornya ke iku/offices/KODE_AWAL-AKHIR.toml."""
    if code is not None and not CODE_PATTERN.match(code):
        raise click.ClickException(f"kode '{code}' tidak sah: pakai huruf kecil a-z, angka, '_' atau '-', diawali "
                                   "huruf atau angka, paling panjang 40 (misalnya mantup).")
    try:
        draft = read_iku(document)
    except InputError as exc:
        raise click.ClickException(exc.describe()) from None
    summary.show(document, draft)
    if draft.errors:
        click.echo(f"\nBagian yang tidak dapat dibaca ({len(draft.errors)}):", err=True)
        for line in draft.errors:
            click.echo(f"  - {line}", err=True)
        raise click.ClickException("katalog tidak ditulis; perbaiki bagian di atas pada dokumen IKU lalu ulangi.")
    unsafe = refuse_unsafe_office_name(draft.name)
    if unsafe:
        raise click.ClickException(f"{document.name}: {unsafe}; katalog tidak ditulis. Perbaiki nama kantor pada "
                                   "dokumen IKU lalu ulangi.")
    existing = _catalogues_of(draft)
    code = code or (existing[0][1].office.code if existing else code_for(draft.name))
    if not CODE_PATTERN.match(code):
        raise click.ClickException(f"kode kantor tidak dapat dibentuk dari nama '{draft.name}'; sebutkan dengan "
                                   "--code (misalnya --code mantup).")
    reserved = refuse_reserved_code(code)
    if reserved:
        raise click.ClickException(f"{reserved}; sebutkan dengan --code.")
    for path, other in existing:
        if other.office.code != code:
            raise click.ClickException(f"{draft.name} sudah punya katalog {path.name} dengan kode {other.office.code}; "
                                       f"pakai --code {other.office.code} (satu kode untuk semua periode kantor itu).")
    period = f"{draft.first_year}-{draft.last_year}"
    same = [path for path, other in existing if catalogue_mod.period_text(other) == period]
    folder = catalogue_mod.OFFICES_DIR
    target = same[0] if same else folder / catalogue_mod.file_name(code, draft.first_year, draft.last_year)
    if target.exists() and not force:
        raise click.ClickException(f"katalog {target} (periode {period}) sudah ada dan tidak ditimpa; tambahkan "
                                   "--force untuk menggantinya (isi yang diisi tangan di sana akan hilang).")
    text = catalogue_text(draft, code, document.name, dt.date.today())
    _check_loads(text, target.name)
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        raise click.ClickException(f"katalog {target} tidak dapat ditulis: {exc.strerror or exc}") from None
    others = [catalogue_mod.period_text(c) for p, c in existing if p != target]
    beside = f"; periode lain kantor ini tetap: {', '.join(others)}" if others else ""
    click.echo(f"\nKatalog ditulis: {target} (periode Renstra {period}{beside})")
    confirm = " dan pastikan isian dalam daftar 'periksa'" if any(i.check for i in draft.indicators) else ""
    click.echo(f"Isi bagian bertanda '{FILL}'{confirm} di file itu, lalu: python generate.py template "
               f"input/NAMA.xlsx --office {code} --period {period}")


def _check_loads(text: str, name: str) -> None:
    """The catalogue as iku/catalogue.py will load it, checked before anything is written."""
    with tempfile.TemporaryDirectory(prefix="iku-impor-") as folder:
        trial = Path(folder) / name
        trial.write_text(text, encoding="utf-8")
        try:
            catalogue_mod.load(trial)
        except InputError as exc:
            raise click.ClickException(f"katalog tidak ditulis: isinya belum sah.\n  {exc.describe()}") from None


def _catalogues_of(draft: Draft) -> list[tuple[Path, object]]:
    """The catalogues already written for the office of the document (any period), with their files."""
    found = []
    for path in catalogue_mod.available():
        try:
            other = catalogue_mod.load(path)
        except InputError:
            continue
        if other.office.name.casefold() == draft.name.casefold():
            found.append((path, other))
    return found
