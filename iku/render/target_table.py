"""The target table of a Renstra period (IKU document, LKjIP appendix): one column per year of the period, however
many years it has (1 to 10; five is the rule, six is Mantup's transitional 2021-2026), then the kondisi akhir.

Written as Word XML placed with {{p tabel_target }}, because a template with a fixed number of year columns
fits one length of period only."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from iku.render.wordxml import paragraph, run

TWIPS_PER_MM = 1440 / 25.4
HEADER_FILL = '<w:shd w:val="clear" w:color="auto" w:fill="D9E1F2"/>'


@dataclass(frozen=True)
class TargetTableLayout:
    width_mm: float  # usable width of the page
    number_mm: float  # the No column
    year_mm: float  # each year and the kondisi akhir, at most
    name_min_mm: float  # the indicator column never narrower than this
    name_size: int  # half-points of the indicator names
    two_header_rows: bool  # "Target" over the years (IKU document), or the years alone (LKjIP appendix)
    end_label: str


IKU_DOCUMENT = TargetTableLayout(285, 12, 20, 80, 22, True, "Kondisi Akhir")
LKJIP_APPENDIX = TargetTableLayout(165, 10, 15, 45, 20, False, "Akhir")


def widths(layout: TargetTableLayout, years: int) -> list[int]:
    """Twips of No, indicator, each year, kondisi akhir; the columns fill the page's width."""
    year = min(layout.year_mm, (layout.width_mm - layout.number_mm - layout.name_min_mm) / (years + 1))
    name = layout.width_mm - layout.number_mm - year * (years + 1)
    return [round(mm * TWIPS_PER_MM) for mm in (layout.number_mm, name, *[year] * (years + 1))]


def _cell(text: str, width: int, *, bold: bool = False, size: int = 20, align: str = "center", header: bool = False,
          span: int = 1, merge: str | None = None) -> str:
    props = f'<w:tcW w:type="dxa" w:w="{width}"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge is not None:
        props += '<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>"
    if header:
        props += HEADER_FILL
    body = paragraph(run(text, bold=bold, size=size), f'<w:jc w:val="{align}"/>') if text else "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def _row(cells: list[str], header: bool) -> str:
    flags = '<w:cantSplit/><w:tblHeader w:val="true"/>' if header else "<w:cantSplit/>"
    return f"<w:tr><w:trPr>{flags}</w:trPr>{''.join(cells)}</w:tr>"


def word_xml(layout: TargetTableLayout, years: list[str], rows: list[dict]) -> Markup:
    """`rows`: dicts with no, nama, target (one text per year) and akhir, as iku_doc.target_table gives them."""
    w = widths(layout, len(years))
    number, name, per_year, end = w[0], w[1], w[2:-1], w[-1]
    if layout.two_header_rows:
        head = [_row([_cell("No", number, bold=True, header=True, merge="restart"),
                      _cell("Indikator Kinerja", name, bold=True, header=True, merge="restart"),
                      _cell("Target", sum(per_year), bold=True, header=True, span=len(years)),
                      _cell(layout.end_label, end, bold=True, header=True, merge="restart")], header=True),
                _row([_cell("", number, header=True, merge=""), _cell("", name, header=True, merge=""),
                      *[_cell(y, wy, bold=True, header=True) for y, wy in zip(years, per_year, strict=True)],
                      _cell("", end, header=True, merge="")], header=True)]
    else:
        head = [_row([_cell("No", number, bold=True, header=True),
                      _cell("Indikator Kinerja", name, bold=True, header=True),
                      *[_cell(y, wy, bold=True, header=True) for y, wy in zip(years, per_year, strict=True)],
                      _cell(layout.end_label, end, bold=True, header=True)], header=True)]
    body = [_row([_cell(r["no"], number),
                  _cell(r["nama"], name, size=layout.name_size, align="left"),
                  *[_cell(t, wy) for t, wy in zip(r["target"], per_year, strict=True)],
                  _cell(r["akhir"], end)], header=False) for r in rows]
    grid = "".join(f'<w:gridCol w:w="{x}"/>' for x in w)
    table = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/>'
             '<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" '
             'w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
             f'<w:tblGrid>{grid}</w:tblGrid>{"".join(head + body)}</w:tbl>')
    return Markup(table)
