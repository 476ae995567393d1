"""Page flow of a rendered .docx: what must not stand alone at the foot of a page.

Run once after rendering (common.render), over the body paragraphs outside tables:
- a heading, and a lead-in that announces what follows ("... sebagai berikut.", "...:"), stays with the next
  paragraph (keepNext), so neither is left alone at the foot of a page;
- a paragraph of running text is not split over two pages when it fits on the next (keepLines); one longer
  than LONG_PARAGRAPH characters may split, since it could not fit on one page anyway;
- a data table followed (past its empty spacer line) by its source note ("Sumber data: ...") or by a note kept
  with what follows (its chart) keeps its last row and the spacer with that note, so table, note and chart
  stay on one page where they fit;
- a signature block (a layout table with a NIP) keeps the paragraph (or the table row) before it, so it never
  stands alone.
Tables keep their own rules (iku/render/tables.py).
"""

from __future__ import annotations

import re

from iku.render.tables import AFTER_KEEP_NEXT, is_data_table, ppr_flag, qn

SIGNATURE_MARK = "NIP"  # a layout table holding a signature block
SOURCE_NOTE = "Sumber data:"  # the note under a table naming where its figures come from
LONG_PARAGRAPH = 1500  # characters: about two thirds of a page at 12 pt
LEAD_IN = re.compile(r"(sebagai berikut|berikut ini|berikut)\s*[.:]?$|:$", re.IGNORECASE)
_AFTER_KEEP_LINES = AFTER_KEEP_NEXT[1:]  # w:keepLines comes right after w:keepNext


def _text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip()


def _is_heading(paragraph) -> bool:
    style = paragraph.find(qn("w:pPr") + "/" + qn("w:pStyle"))
    return style is not None and style.get(qn("w:val"), "").lower().startswith("heading")


def finish(document) -> None:
    body = document.element.body
    for paragraph in body.iterchildren(qn("w:p")):
        text = _text(paragraph)
        if not text:
            continue
        if _is_heading(paragraph) or LEAD_IN.search(text):
            ppr_flag(paragraph, "w:keepNext", AFTER_KEEP_NEXT)
        if len(text) <= LONG_PARAGRAPH:
            ppr_flag(paragraph, "w:keepLines", _AFTER_KEEP_LINES)
    for tbl in body.iterchildren(qn("w:tbl")):
        if is_data_table(tbl):
            _table_with_its_note(tbl)
        elif SIGNATURE_MARK in _text(tbl):
            _signature_with_its_text(tbl)


def _signature_with_its_text(tbl) -> None:
    """A signature block never stands alone on a page: the paragraph before it (past empty lines) goes with it,
    and the block's own rows stay together."""
    rows = tbl.findall(qn("w:tr"))
    for row in rows[:-1]:
        for paragraph in row.iter(qn("w:p")):
            ppr_flag(paragraph, "w:keepNext", AFTER_KEEP_NEXT)
    before = tbl.getprevious()
    while before is not None and before.tag == qn("w:p"):
        ppr_flag(before, "w:keepNext", AFTER_KEEP_NEXT)
        if _text(before):
            return
        before = before.getprevious()
    if before is not None and before.tag == qn("w:tbl"):  # a table just before: its last row comes along
        last = before.findall(qn("w:tr"))[-1:]
        for paragraph in (p for row in last for p in row.iter(qn("w:p"))):
            ppr_flag(paragraph, "w:keepNext", AFTER_KEEP_NEXT)


def _keeps_next(paragraph) -> bool:
    return paragraph.find(qn("w:pPr") + "/" + qn("w:keepNext")) is not None


def _table_with_its_note(tbl) -> None:
    spacers = []
    after = tbl.getnext()
    while after is not None and after.tag == qn("w:p") and not _text(after) and not _keeps_next(after):
        if after.find(".//" + qn("w:drawing")) is not None:
            return
        spacers.append(after)
        after = after.getnext()
    if after is None or after.tag != qn("w:p") or not _text(after):
        return
    if not (_keeps_next(after) or _text(after).startswith(SOURCE_NOTE)):
        return
    rows = tbl.findall(qn("w:tr"))
    for paragraph in [*(rows[-1].iter(qn("w:p")) if rows else ()), *spacers]:
        ppr_flag(paragraph, "w:keepNext", AFTER_KEEP_NEXT)
