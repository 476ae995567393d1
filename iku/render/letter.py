"""The cover letter to the superior (templates/surat_pengantar.docx), listing every attached document."""

from __future__ import annotations

from iku import formatting as fmt
from iku.model import Results
from iku.render.common import common_context, render

AGENDA_BLANK = "." * 30  # the nomor is given by the agenda clerk when the letter is sent
NATURE = "Biasa"  # sifat surat (Tata Naskah Dinas): a report sent for information is neither urgent nor secret
OPENING = (
    "Dalam rangka melaksanakan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
    "Instansi Pemerintah dan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 "
    "Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan "
    "Kinerja Instansi Pemerintah, bersama ini kami sampaikan dokumen kinerja {office} Tahun {year} sebagai berikut:"
)
# To a superior, one person by the title of the office (Tata Naskah Dinas): "Demikian untuk menjadi maklum" is
# written to subordinates.
CLOSING = "Demikian kami sampaikan, atas perhatian Bapak {title} kami ucapkan terima kasih."


def subject(results: Results) -> str:
    office = results.catalogue.office.name
    return f"Penyampaian Laporan Kinerja Instansi Pemerintah {office} Tahun {results.report_year}"


def numbered(items: list[str]) -> list[dict[str, str]]:
    """1. a; 2. b; 3. c. — a list inside a sentence, as a letter writes it."""
    last = len(items) - 1
    return [{"nomor": str(i + 1), "judul": text + ("." if i == last else ";")} for i, text in enumerate(items)]


def letter_context(results: Results, attachments: list[str]) -> dict:
    office = results.catalogue.office
    context = common_context(results)
    signer = dict(context["ttd"])
    signer["jabatan"] = signer["jabatan"].rstrip(",") + ","  # "CAMAT MANTUP," above the signature of a letter
    return {
        **context,
        "ttd": signer,
        "surat": {
            "nomor": AGENDA_BLANK,
            "sifat": NATURE,
            "lampiran": f"{fmt.count_words(len(attachments))} berkas",
            "hal": subject(results),
            "kepada": office.superior,
            "tempat_tujuan": office.regency,
            "pembuka": OPENING.format(office=office.name, year=results.report_year),
            "lampiran_daftar": numbered(attachments),
            "penutup": CLOSING.format(title=office.superior.split()[0] if office.superior else "Bupati"),
            "tembusan": [{"nomor": str(i), "kepada": name + (";" if i < len(office.letter_copies) else ".")}
                         for i, name in enumerate(office.letter_copies, start=1)],
        },
    }


def letter_document(results: Results, attachments: list[str]) -> bytes:
    """attachments: the formal title of every document sent with the letter, in the order they are listed."""
    return render("surat_pengantar.docx", lambda template: letter_context(results, attachments),
                  results.catalogue.office.paper)
