"""The IKU document's indicator table of one level: No | Tujuan (Sasaran, Program) | Indikator | Definisi
Operasional | Formulasi Perhitungan, then Satuan, Sumber Data and Penanggung Jawab when the catalogue gives them
(the columns of the office's own IKU document, read by `office import`).

Written as Word XML placed with {{p t.tabel }}, because the number of columns varies from office to office."""

from __future__ import annotations

from markupsafe import Markup

from iku.render.target_table import HEADER_FILL, TWIPS_PER_MM
from iku.render.wordxml import paragraph, run

WIDTH_MM = 285  # usable width of the landscape F4 page (tools/make_templates.py)
EXTRA_MM = {"satuan": 20, "sumber": 32, "pj": 32}  # the extra columns, in their order
SIZE = 22  # half-points: the template's 11 pt
EXTRA_TITLES = {"satuan": "Satuan", "sumber": "Sumber Data", "pj": "Penanggung Jawab"}


def widths(extra: list[str]) -> list[float]:
    """Millimetres of No, level, indicator, definition, formula and each extra column; they fill the page."""
    fixed = [12, 50 if not extra else 42, 45, 80 - 14 * len(extra)]
    added = [EXTRA_MM[key] for key in extra]
    return [*fixed, WIDTH_MM - sum(fixed) - sum(added), *added]


def formula_mm(extra: list[str]) -> tuple[float, float]:
    """The stacked fraction's two columns inside the formula cell (numerator and denominator, multiplier)."""
    room = widths(extra)[4] - 4
    return room * 0.8, room * 0.2


def _cell(content: str, mm: float, header: bool = False) -> str:
    props = f'<w:tcW w:type="dxa" w:w="{round(mm * TWIPS_PER_MM)}"/>' + (HEADER_FILL if header else "")
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def _text(text: str, bold: bool = False, align: str = "left") -> str:
    return paragraph(run(text, bold=bold, size=SIZE) if text else "", f'<w:jc w:val="{align}"/>')


def word_xml(level_title: str, indicator_title: str, rows: list[dict], extra: list[str]) -> Markup:
    """`rows`: dicts with no, uraian, indikator, definisi, rumus (the formula cell's Word XML) and the `extra`
    keys ("satuan", "sumber", "pj", in that order)."""
    mm = widths(extra)
    titles = ["No", level_title, indicator_title, "Definisi Operasional", "Formulasi Perhitungan",
              *(EXTRA_TITLES[key] for key in extra)]
    head = "".join(_cell(_text(t, bold=True, align="center"), w, header=True) for t, w in zip(titles, mm, strict=True))
    body = []
    for r in rows:
        cells = [_cell(_text(r["no"], align="center"), mm[0]), _cell(_text(r["uraian"]), mm[1]),
                 _cell(_text(r["indikator"]), mm[2]), _cell(_text(r["definisi"]), mm[3]), _cell(str(r["rumus"]), mm[4]),
                 *(_cell(_text(r[key], align="center" if key == "satuan" else "left"), w)
                   for key, w in zip(extra, mm[5:], strict=True))]
        body.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{round(w * TWIPS_PER_MM)}"/>' for w in mm)
    return Markup(
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
        f'w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f'<w:tr><w:trPr><w:cantSplit/><w:tblHeader w:val="true"/></w:trPr>{head}</w:tr>{"".join(body)}</w:tbl>')
