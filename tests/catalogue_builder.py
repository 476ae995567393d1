"""Office catalogues written in the test: Mantup's office, signatory and labels with indicators of the test's own."""

from __future__ import annotations

from pathlib import Path

from iku import catalogue

MANTUP = (catalogue.OFFICES_DIR / "mantup_2021-2026.toml").read_text(encoding="utf-8")
HEAD = MANTUP[: MANTUP.index("[[indikator]]")]  # [kantor] ... [[fungsi]]: period 2021-2026
YEARS = range(2021, 2027)


def _toml(value: object) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


def indicator(number: int, name: str, unit: str, targets: list[str], end: str, level: str | None = None,
              **extra: object) -> str:
    """One [[indikator]] table; `targets` are the six years 2021-2026 as the catalogue writes them ("BB", "15")."""
    lines = ["[[indikator]]", f"nomor = {number}"]
    if level:
        lines += [f"tingkat = {_toml(level)}", f"uraian = {_toml(extra.pop('uraian', 'Uraian ' + name))}",
                  f"definisi = {_toml('Definisi ' + name)}", f"formula = {_toml('Formula ' + name)}"]
    lines += [f"nama = {_toml(name)}", f"satuan = {_toml(unit)}"]
    lines += [f"{key} = {_toml(value)}" for key, value in extra.items()]
    lines.append("target = { " + ", ".join(f"{y} = {_toml(t)}" for y, t in zip(YEARS, targets, strict=True)) + " }")
    lines.append(f"kondisi_akhir = {_toml(end)}")
    return "\n".join(lines) + "\n"


def text(*indicators: str) -> str:
    return HEAD + "\n".join(indicators)


def write(folder: Path, *indicators: str) -> Path:
    """The catalogue file of an offices folder (monkeypatch iku.catalogue.OFFICES_DIR to it)."""
    folder.mkdir(exist_ok=True)
    path = folder / "mantup_2021-2026.toml"
    path.write_text(text(*indicators), encoding="utf-8")
    return path


SAKIP = indicator(1, "Nilai SAKIP Kecamatan", "predikat", ["B", "B", "BB", "BB", "BB", "A"], "A", "tujuan",
                  uraian="Meningkatnya Akuntabilitas Kinerja")
KADER = indicator(2, "Jumlah Kader Pemberdayaan Masyarakat Terlatih", "orang", ["10", "11", "12", "13", "15", "20"],
                  "20", "sasaran", uraian="Meningkatnya Partisipasi Masyarakat", rentang=[0, 500])
SERVICE = indicator(3, "Persentase Pelayanan Tepat Waktu", "persen", ["90"] * 6, "90", "program",
                    uraian="Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", rentang=[0, 100])
DOCUMENTS = indicator(4, "Jumlah Dokumen Perencanaan yang Disusun", "dokumen", ["4"] * 6, "4", rentang=[0, 20])
