"""An indicator's unit, targets and polarity from the cells that state them: a Satuan column, the signs in the
target cells ('%', 'desa', a predicate), a Polaritas or Keterangan column, the definition. What no cell states
is guessed only where a guess is marked for staff to confirm (`check`)."""

from __future__ import annotations

import re

from iku.check.cells import NotANumber, parse_number_text
from iku.office_import.draft import Draft, DraftIndicator, Raw, Value, norm

NOT_SET = {"", "-", "\u2013", "\u2014"}  # an empty cell or a dash: no target set
PREDICATES = ("AA", "A", "BB", "B", "CC", "C", "D")  # PermenPANRB 88/2021, best first
COUNTED = ("desa", "orang", "dokumen")  # units written after the number: "3 desa"
UNIT_WORDS = {"%": "persen", "persen": "persen", "persentase": "persen", "prosentase": "persen",
              "prosen": "persen", "indeks": "indeks", "index": "indeks", "nilai": "nilai", "skor": "nilai",
              "poin": "nilai", "angka": "nilai", "predikat": "predikat", "desa": "desa", "orang": "orang",
              "jiwa": "orang", "dokumen": "dokumen", "dok": "dokumen"}
# "semakin kecil (rendah) semakin baik": a second word in brackets says the same (norm drops the brackets)
_HIGHER = r"\b(semakin|makin) (tinggi|besar|banyak)( (tinggi|besar|banyak))? (semakin|makin) baik\b"
_LOWER = r"\b(semakin|makin) (kecil|rendah|sedikit)( (kecil|rendah|sedikit))? (semakin|makin) baik\b"
_UP = (r"\bpositif\b", r"\bmeningkat\b", r"\bnaik\b", r"\bmaximi[sz]e\b", _HIGHER)
_DOWN = (r"\bnegatif\b", r"\bmenurun\b", r"\bturun\b", r"\bminimi[sz]e\b", _LOWER)
# in a definition only the whole phrase counts: "meningkatnya" or "penurunan" there says nothing of polarity
_UP_PHRASE = (r"\bpolaritas positif\b", r"\bmaximi[sz]e\b", _HIGHER)
_DOWN_PHRASE = (r"\bpolaritas negatif\b", r"\bminimi[sz]e\b", _LOWER)


def _predicate(text: str) -> str | None:
    found = re.fullmatch(r"(?:predikat\s+)?([A-D]{1,2})", text.strip(), re.IGNORECASE)
    return found.group(1).upper() if found and found.group(1).upper() in PREDICATES else None


def _word_unit(text: str) -> str | None:
    found = re.fullmatch(r"[\d.,\s]+(desa|orang|dokumen|persen)", text.strip(), re.IGNORECASE)
    return UNIT_WORDS[found.group(1).casefold()] if found else None


def stated_unit(text: str) -> str | None:
    """'%', 'Persen', 'Indeks', 'Desa', ... -> the catalogue's unit; None for a unit the tool does not know."""
    word = norm(text)
    if word in UNIT_WORDS:
        return UNIT_WORDS[word]
    first = word.split(" ")[0] if word else ""
    return UNIT_WORDS.get(first) if first in ("indeks", "nilai", "predikat", "persen") else None


def _signs(ind: DraftIndicator) -> dict[str, str]:
    """Unit -> what in the target cells says so."""
    found: dict[str, str] = {}
    for raw in ind.values.values():
        text = raw.text.strip()
        if text in NOT_SET:
            continue
        if text.endswith("%"):
            found.setdefault("persen", "tanda % pada nilai target")
        elif raw.percent:
            found.setdefault("persen", f"tanda % pada judul kolom '{raw.label}'")
        elif _predicate(text):
            found.setdefault("predikat", "nilai target berupa predikat")
        elif (word := _word_unit(text)) is not None:
            found.setdefault(word, f"kata '{text.split()[-1]}' pada nilai target")
    return found


def decide_unit(ind: DraftIndicator, draft: Draft) -> bool:
    """Sets the unit and the comment that says where it comes from; False when the cells contradict it."""
    signs = _signs(ind)
    stated = ind.texts.get("unit")
    if len(signs) > 1:
        draft.errors.append(f"{ind.where}: nilai target '{ind.name}' memakai satuan yang berbeda-beda "
                            f"({', '.join(signs)}); satu indikator satu satuan")
        return False
    sign = next(iter(signs.items()), None)
    if stated and stated.text.strip():
        unit = stated_unit(stated.text)
        if unit is None:
            ind.unit = sign[0] if sign else "nilai"
            ind.unit_reason = f"{stated.where} menulis '{stated.text}', satuan yang belum dikenal alat ini"
            ind.check["satuan"] = f"satuan '{stated.text}' di dokumen"
            return True
        if sign and sign[0] != unit:
            draft.errors.append(f"{stated.where}: satuan '{stated.text}' tidak cocok dengan nilai targetnya "
                                f"'{ind.name}' ({sign[1]})")
            return False
        ind.unit, ind.unit_reason = unit, f"{stated.where}: '{stated.text}'"
        return True
    if sign:
        ind.unit, ind.unit_reason = sign
        return True
    ind.unit, ind.unit_reason = _guess_unit(ind)
    ind.check["satuan"] = "satuan tidak tertulis di dokumen"
    return True


def _guess_unit(ind: DraftIndicator) -> tuple[str, str]:
    name, formula = norm(ind.name), norm(ind.formula)
    if name.startswith(("persentase", "prosentase")) or "100%" in formula.replace(" ", ""):
        return "persen", "ditebak dari nama atau rumus indikator; periksa"
    if name.startswith("jumlah desa"):
        return "desa", "ditebak dari nama indikator; periksa"
    return "nilai", "ditebak (bukan persen, bukan jumlah desa); periksa"


def parse_value(ind: DraftIndicator, raw: Raw, label: str, draft: Draft) -> tuple[bool, Value]:
    """One target, kondisi awal or kondisi akhir in the indicator's unit: (read, value)."""
    text = raw.text.strip()
    if text in NOT_SET:
        return True, None
    where = f"{raw.where}, {label} '{ind.name}'"
    predicate = _predicate(text)
    if ind.unit == "predikat":
        if predicate is None:
            draft.errors.append(f"{where}: '{text}' bukan predikat ({', '.join(PREDICATES)}), padahal satuannya "
                                "predikat")
            return False, None
        return True, predicate
    if predicate is not None:
        draft.errors.append(f"{where}: '{text}' predikat, padahal satuannya {ind.unit}; tulis satuan 'Predikat' "
                            "di kolom Satuan bila targetnya memang predikat")
        return False, None
    if ind.unit in COUNTED or ind.unit == "persen":
        text = re.sub(rf"\s*{ind.unit}$" if ind.unit in COUNTED else r"\s*persen$",
                      "" if ind.unit in COUNTED else "%", text, flags=re.IGNORECASE)
    try:
        value = parse_number_text(text, ind.unit == "persen")
    except NotANumber as exc:
        draft.errors.append(f"{where}: {exc}")
        return False, None
    if ind.unit in COUNTED and value != value.to_integral_value():
        draft.errors.append(f"{where}: '{raw.text.strip()}' bukan bilangan bulat, padahal satuannya {ind.unit} "
                            f"({ind.unit_reason})")
        return False, None
    return True, value


def _direction(text: str, up: tuple[str, ...], down: tuple[str, ...]) -> str | None:
    """'naik', 'turun', '' when the text says neither, None when it says both."""
    word = norm(text)
    rises = any(re.search(p, word) for p in up)
    falls = any(re.search(p, word) for p in down)
    if rises and falls:
        return None
    return "naik" if rises else "turun" if falls else ""


def decide_polarity(ind: DraftIndicator, draft: Draft) -> None:
    """From a Polaritas or Keterangan column or the definition; two that disagree, or one that says both, are
    refused. Nothing stated: "naik", marked for staff to confirm."""
    if ind.unit == "predikat":
        stated = ind.texts.get("polarity")
        if stated and _direction(stated.text, _UP, _DOWN) == "turun":
            draft.errors.append(f"{stated.where}: polaritas '{stated.text}' tidak berlaku untuk predikat "
                                f"('{ind.name}'): AA selalu lebih baik dari D")
        ind.polarity, ind.polarity_reason = "naik", "predikat: AA selalu lebih baik dari D (PermenPANRB 88/2021)"
        return
    found: list[tuple[str, Raw]] = []
    sources = [(ind.texts.get("polarity"), _UP, _DOWN), (ind.texts.get("note"), _UP, _DOWN),
               (ind.texts.get("definition"), _UP_PHRASE, _DOWN_PHRASE),
               (ind.texts.get("formula"), _UP_PHRASE, _DOWN_PHRASE)]
    for raw, up, down in sources:
        if raw is None or not raw.text.strip():
            continue
        direction = _direction(raw.text, up, down)
        if direction is None:
            draft.errors.append(f"{raw.where}: '{raw.text}' menyebut polaritas naik dan turun sekaligus ('{ind.name}')")
            return
        if direction:
            found.append((direction, raw))
        elif raw is ind.texts.get("polarity"):
            draft.errors.append(f"{raw.where}: polaritas '{raw.text}' tidak dikenal ('{ind.name}'); tulis 'Positif' "
                                "(makin tinggi makin baik) atau 'Negatif' (makin rendah makin baik)")
            return
    if len({d for d, _ in found}) > 1:
        (one, a), (other, b) = found[0], next(f for f in found if f[0] != found[0][0])
        draft.errors.append(f"polaritas '{ind.name}' berbeda: {a.where} '{a.text}' ({one}) dan {b.where} "
                            f"'{b.text}' ({other})")
        return
    if found:
        direction, raw = found[0]
        ind.polarity = direction
        ind.polarity_reason = f"tertulis di dokumen ({raw.where}: '{_short(raw.text)}')"
        return
    ind.polarity = "naik"
    ind.polarity_reason = "dokumen tidak menyebutnya; diandaikan naik (makin tinggi makin baik)"
    ind.check["polaritas"] = "dokumen tidak menyebut polaritasnya"


def _short(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + " ..."
