"""The catalogue file an import writes: the schema of iku/catalogue.py, with a comment beside every value the IKU
document does not give. Written by hand rather than with a TOML library, because the comments are what tell
staff which fields to fill (README, "Kantor baru dari dokumen IKU")."""

from __future__ import annotations

import datetime as dt

from iku.office_import.draft import Draft, DraftIndicator, Value
from iku.rules import LOWEST_BAND, PREDICATE_BANDS

FILL = "ISI:"  # the mark of a field the document lacks; README tells staff to search for it
PREDICATE_KEYS = (*(key for _, key in PREDICATE_BANDS), LOWEST_BAND)
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped, other Unicode kept."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def number(value: Value) -> str:
    """A target as the catalogue holds it: a string, "" when not set (20.00 stays "20.00"), a predicate as its
    letters ("BB")."""
    return string("" if value is None else str(value))


def strings(values: list[str]) -> str:
    return "[" + ", ".join(string(v) for v in values) + "]"


def catalogue_text(draft: Draft, code: str, source_name: str, today: dt.date) -> str:
    lines = [
        f"# Katalog IKU {draft.name}, Kabupaten {draft.regency}, {draft.first_year}-{draft.last_year}.",
        f"# Dibuat oleh `python generate.py office import` dari {source_name.replace(chr(10), ' ')} "
        f"pada {today.isoformat()}.",
        "# Isinya hanya yang tertulis di dokumen IKU itu. Setiap nilai yang tidak ada di dokumen ditandai",
        f"# '{FILL}': isi dari sumber resminya (jangan ditebak), atau biarkan kosong bila memang belum ada.",
        "",
        "[kantor]",
        f"kode = {string(code)}",
        f"nama = {string(draft.name)}",
        f"kabupaten = {string(draft.regency)}",
    ]
    if not draft.government:
        lines.append("# Disimpulkan dari nama kabupaten (kop surat tidak ada di dokumen IKU); periksa.")
    lines += [
        f"pemerintah = {string(draft.government or 'Pemerintah Kabupaten ' + draft.regency)}",
        "# Disimpulkan: Camat bertanggung jawab kepada Bupati (PP 17/2018 tentang Kecamatan); periksa.",
        f"atasan = {string('Bupati ' + draft.regency)}",
        f"# {FILL} nama Bupati tidak ada di dokumen IKU; kosong = garis untuk ditulis tangan pada Perjanjian Kinerja.",
        'atasan_nama = ""',
    ]
    if not draft.address:
        lines.append(f"# {FILL} alamat kop surat tidak ada di dokumen IKU.")
    lines.append(f"alamat = {string(draft.address)}")
    if not draft.contact:
        lines.append(f"# {FILL} telepon dan pos-el kop surat tidak ada di dokumen IKU.")
    lines.append(f"kontak = {string(draft.contact)}")
    if not draft.signing_place:
        lines.append(f"# {FILL} tempat penandatanganan tidak ada di dokumen IKU (atau isi di lembar Identitas).")
    lines += [
        f"tempat_tanda_tangan = {string(draft.signing_place)}",
        f"# {FILL} ibu kota kabupaten (tempat Perjanjian Kinerja ditandatangani bersama Bupati) tidak ada di "
        "dokumen IKU;",
        "# kosong = tempat_tanda_tangan.",
        'ibu_kota_kabupaten = ""',
        f"periode_awal = {draft.first_year}",
        f"periode_akhir = {draft.last_year}",
        f'kertas = "{draft.paper}"          # "F4" (215 x 330 mm) atau "A4", '
        + ("menurut ukuran kertas dokumen IKU" if draft.paper_read else "dokumen IKU bukan F4 atau A4; periksa"),
        f"tugas = {string(draft.task)}",
        f"# {FILL} jumlah desa tidak ada di dokumen IKU: hapus tanda # di baris berikut dan tulis jumlahnya.",
        "# jumlah_desa = ",
        "",
        "# Tanggal penetapan dokumen IKU (TTTT-BB-HH); kosong = baris titik-titik untuk ditulis tangan.",
        "[iku]",
        f"ditetapkan = {string(draft.iku_date.isoformat() if draft.iku_date else '')}",
        "",
        "# Label predikat capaian (skala Permendagri 86/2017); batasnya ada di iku/rules.py.",
        "[predikat]",
        *[f"{key} = {string(key.replace('_', ' ').title())}" for key in PREDICATE_KEYS],
        "",
        f"# {FILL} teks bawaan LKjIP ([narasi]: latar_belakang, struktur_organisasi, isu_strategis, penutup), tembusan",
        "# surat pengantar ([surat] tembusan) dan dasar hukum LKjIP ([lkjip] dasar_hukum) tidak ada di dokumen IKU;",
        "# lihat iku/offices/mantup_2021-2026.toml untuk bentuknya. Tanpa [narasi], isi lembar Narasi buku kerja.",
        "",
        "[pejabat]",
        f"nama = {string(draft.signer_name)}",
        *([] if draft.signer_position_read else
          ["# Disimpulkan: blok tanda tangan dokumen IKU tidak menyebut jabatan; periksa."]),
        f"jabatan = {string(draft.signer_position)}",
        *([] if draft.signer_rank else
          [f"# {FILL} pangkat tidak tertulis di blok tanda tangan dokumen IKU (atau isi di lembar Identitas)."]),
        f"pangkat = {string(draft.signer_rank)}",
        f"nip = {string(draft.signer_nip)}",
        "",
        "[data]",
        f"# {FILL} daftar desa (urutan lembar Status Desa) tidak ada di dokumen IKU. Lihat README, \"Data dukung\".",
        "desa = []",
        "",
    ]
    for number_, text, parent in draft.functions:
        lines += ["[[fungsi]]", f"nomor = {string(number_)}"]
        if parent:
            lines.append(f"induk = {string(parent)}")
        lines.append(f"teks = {string(text)}")
    lines += ["", "# Indikator, seperti di dokumen IKU. Target yang tidak ditetapkan dokumen: \"\" (jangan ditebak).",
              "# periksa = [...]: isian yang tidak dinyatakan dokumen dengan pasti (komentar di atasnya menyebut",
              "#   sebabnya). Pastikan dengan dokumen IKU, perbaiki bila perlu, lalu hapus namanya dari daftar; selama",
              "#   daftar itu belum kosong, build dan check mengingatkannya.",
              "# sumber_data (lembar data dukung yang menghitung realisasi) tidak diisi:",
              "#   lihat README, \"Data dukung\"."]
    for ind in draft.indicators:
        lines += ["", *_indicator(ind, draft)]
    return "\n".join(lines) + "\n"


def _indicator(ind: DraftIndicator, draft: Draft) -> list[str]:
    lines = ["[[indikator]]", f"nomor = {ind.number}"]
    if ind.level:
        lines.append(f"tingkat = {string(ind.level)}")
        for level, text in ind.above.items():
            lines += [f"# {level} di atas {ind.level} ini (kolom {level.title()} tabel yang sama)",
                      f"{level} = {string(text)}"]
        lines.append(f"uraian = {string(ind.objective)}")
    lines.append(f"nama = {string(ind.name)}")
    if ind.check:
        lines += ["# periksa: isian yang tidak dinyatakan dokumen dengan pasti:",
                  *(f"#   {key}: {why}" for key, why in ind.check.items()),
                  f"periksa = {strings(list(ind.check))}"]
    if ind.level or ind.definition or ind.formula:
        lines += [f"definisi = {string(ind.definition)}", f"formula = {string(ind.formula)}"]
        if ind.fraction:
            lines += [f"formula_pembilang = {string(ind.fraction[0])}",
                      f"formula_penyebut = {string(ind.fraction[1])}",
                      f"formula_pengali = {string(ind.fraction[2])}"]
    if ind.data_origin:
        lines.append(f"sumber = {string(ind.data_origin)}   # kolom Sumber Data dokumen IKU")
    if ind.responsible:
        lines.append(f"penanggung_jawab = {string(ind.responsible)}")
    lines += [f"# satuan: {ind.unit_reason}", f"satuan = {string(ind.unit)}"]
    written = ind.texts.get("unit")
    if written is not None and written.text.strip():
        lines.append(f"satuan_tertulis = {string(written.text.strip())}   # kolom Satuan dokumen IKU, dicetak lagi di "
                     "dokumen IKU")
    lines += [f"# polaritas: {ind.polarity_reason}", f"polaritas = {string(ind.polarity)}"]
    if ind.polarity == "turun":
        lines += [f"# {FILL} rumus capaian indikator yang makin rendah makin baik tidak ada di dokumen IKU:",
                  "# \"selisih\" = (2 x target - realisasi) / target x 100%, \"rasio\" = target / realisasi x 100%.",
                  'rumus_turun = "selisih"']
    if ind.unit == "persen":
        lines.append("rentang = [0, 100]   # persentase; ubah bila realisasinya dapat melebihi 100%")
    elif ind.unit == "predikat":
        lines.append("rentang = []   # predikat: tidak ada rentang angka")
    else:
        lines += [f"# {FILL} rentang wajar realisasi [terkecil, terbesar] tidak ada di dokumen IKU;",
                  "# kosong = hanya angka negatif yang ditolak.",
                  "rentang = []"]
    if ind.has_baseline:
        year = f" tahun {ind.baseline_year}" if ind.baseline_year else ""
        label = ind.values["awal"].label if "awal" in ind.values else "Kondisi Awal"
        lines.append(f"# kondisi awal{year}: kolom '{label}' dokumen IKU (bukan target)")
        lines.append(f"kondisi_awal = {number(ind.baseline)}")
        if ind.baseline_year:
            lines.append(f"kondisi_awal_tahun = {ind.baseline_year}")
    targets = ", ".join(f"{year} = {number(ind.targets.get(year))}" for year in draft.years)
    lines += [f"target = {{ {targets} }}", f"kondisi_akhir = {number(ind.end_target)}",
              f"# {FILL} bila indikator ini melanjutkan indikator periode Renstra sebelumnya dengan nama lain, tulis",
              "# nama lamanya persis; riwayat realisasinya lalu ikut dibawa (template --from). Nama sama: kosongkan.",
              'lanjutan = ""']
    return lines
