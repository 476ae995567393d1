"""Property elements in the order of the Open XML SDK schema, which Word enforces: a child out of order (docxtpl's
RichText writes <w:sz/><w:szCs/><w:b/>) is dropped when Word reads the file, so a bold run prints bold in
LibreOffice and not in Word. Applied to every XML part of a rendered .docx, after all other steps."""

from __future__ import annotations

from docx.oxml.ns import qn

_RUN = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
        "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
        "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
        "lang", "eastAsianLayout", "specVanish", "oMath")
_SIDES = ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "tl2br", "tr2bl")

# ECMA-376 Part 1, 17.3.2.28 (rPr; a paragraph mark's rPr starts with its revision marks), 17.3.1.26 (pPr),
# 17.4.60 (tblPr), 17.4.70 (tcPr), 17.6.17 (sectPr) and the border and margin groups.
ORDERS: dict[str, tuple[str, ...]] = {
    "rPr": ("ins", "del", "moveFrom", "moveTo", *_RUN, "rPrChange"),
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"),
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
              "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
              "tblCaption", "tblDescription", "tblPrChange"),
    "tcPr": ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
             "tcPrChange"),
    "sectPr": ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
               "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
               "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"),
    "pBdr": ("top", "left", "bottom", "right", "between", "bar"),
    "tblBorders": _SIDES,
    "tcBorders": _SIDES,
    "tblCellMar": _SIDES,
    "tcMar": _SIDES,
}
_RANKS = {qn(f"w:{parent}"): {qn(f"w:{child}"): i for i, child in enumerate(children)}
          for parent, children in ORDERS.items()}
# headerReference and footerReference may come in any order among themselves (an xsd:choice)
_RANKS[qn("w:sectPr")][qn("w:footerReference")] = _RANKS[qn("w:sectPr")][qn("w:headerReference")]

# Elements the SDK types as on/off only ("on", "off"), where python-docx and our own XML write "true".
_ON_OFF_ONLY = {qn(f"w:{name}") for name in ("tblHeader", "cantSplit", "hidden", "noWrap", "tcFitText", "hideMark")}
_VAL = qn("w:val")


def reorder(root) -> int:
    """Sort the children of every property element under root (root included) into schema order; elements the
    table does not know (extensions) keep their place after the known ones. Returns the number of parents moved."""
    moved = 0
    for parent in list(root.iter(*_RANKS)):
        ranks = _RANKS[parent.tag]
        children = list(parent)
        if len(children) < 2:
            continue
        ordered = sorted(children, key=lambda c: ranks.get(c.tag, len(ranks)))
        if ordered != children:
            for child in ordered:
                parent.append(child)  # lxml moves the element: appending in order rebuilds the sequence
            moved += 1
    for flag in root.iter(*_ON_OFF_ONLY):
        value = flag.get(_VAL)
        if value in ("true", "1", "on"):
            del flag.attrib[_VAL]  # no value means on
        elif value in ("false", "0"):
            flag.set(_VAL, "off")
    return moved
