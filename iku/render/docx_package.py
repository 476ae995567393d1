"""The parts of a .docx that Word reads besides the text, made honest and valid before it is saved: document
properties (author the office, the build's time, Indonesian), no python-docx template leftovers (its thumbnail,
"Microsoft Macintosh Word", stylesWithEffects), compatibility mode 15, settings in schema order, no field marked
for update except the table of contents, and every property element in the SDK's order (iku/render/ooxml_order)."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

from iku.render.ooxml_order import reorder
from iku.xlsx_style import APP_XML  # the same docProps/app.xml in every file

LANGUAGE = "id-ID"
MAX_PROPERTY = 255  # Word and python-docx refuse a document property longer than this
COMPATIBILITY_MODE = "15"  # Word 2013 and later: no "[Compatibility Mode]" in the title bar
WORD_URI = "http://schemas.microsoft.com/office/word"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
CORE_XML = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title>'
            '<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>'
            '<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
            '<dc:language>{language}</dc:language></cp:coreProperties>')
# CT_Settings children that come after w:updateFields (ECMA-376 Part 1, 17.15.1.78)
_AFTER_UPDATE_FIELDS = tuple(qn(f"w:{name}") for name in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
    "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator"))


def capped(text: str) -> str:
    """A document property value Word accepts: at most 255 characters (an office name of 240 and a title)."""
    return text if len(text) <= MAX_PROPERTY else text[:MAX_PROPERTY - 1].rstrip() + "…"


def build_time() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def finish(document, title: str, author: str, update_fields: bool = False) -> None:
    """Everything above, on a python-docx Document just before it is saved."""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # python-docx's stock picture: Explorer would show it as the preview
            package.rels.pop(rid)
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:  # Word 2010's copy of styles.xml, stale against ours
            document.part.rels.pop(rid)
    core = package._core_properties_part  # docxcompose rebinds python-docx's "cp" prefix: written here
    core._element = parse_xml(CORE_XML.format(title=escape(capped(title)), author=escape(capped(author)),
                                                   now=build_time(), language=LANGUAGE).encode())
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML
        element = getattr(part, "_element", None)
        if element is not None and part.content_type.startswith("application/vnd.openxmlformats-officedocument"
                                                                ".wordprocessingml"):
            reorder(element)
            clean_fields(element)
            separate_tables(element)
    _settings(document.settings.element, update_fields)


def clean_fields(root) -> None:
    """Only a table of contents asks Word to update it on opening: a PAGE field needs no w:dirty (Word lays out
    page numbers anyway) and would make every document ask."""
    dirty, pending = qn("w:dirty"), None
    for el in root.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:fldSimple")):
        if el.tag == qn("w:fldSimple"):
            if not el.get(qn("w:instr"), "").strip().startswith("TOC"):
                el.attrib.pop(dirty, None)
        elif el.tag == qn("w:fldChar"):
            pending = el if el.get(qn("w:fldCharType")) == "begin" and el.get(dirty) is not None else None
        elif pending is not None:
            if not (el.text or "").strip().startswith("TOC"):
                pending.attrib.pop(dirty)
            pending = None


def separate_tables(root) -> int:
    """Two tables with nothing between them are one table to Word (the PK's PIHAK PERTAMA and PIHAK KEDUA): a
    paragraph of 1 pt keeps them apart and changes no layout. Returns the number of paragraphs put in."""
    table, added = qn("w:tbl"), 0
    for parent in list(root.iter(qn("w:body"), qn("w:tc"))):
        for child in list(parent):
            following = child.getnext()
            if child.tag == table and following is not None and following.tag == table:
                child.addnext(parse_xml(SEPARATOR))
                added += 1
    return added


SEPARATOR = ('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:pPr>'
              '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/>'
              '</w:rPr></w:pPr></w:p>')


def _settings(settings, update_fields: bool) -> None:
    for tag in ("w:updateFields", "w:savePreviewPicture"):  # no thumbnail saved back by Word either
        for old in settings.findall(qn(tag)):
            settings.remove(old)
    theme_language = settings.find(qn("w:themeFontLang"))  # python-docx's template: en-US, ja-JP
    if theme_language is not None:
        theme_language.set(qn("w:val"), LANGUAGE)
        theme_language.attrib.pop(qn("w:eastAsia"), None)
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")  # required by the schema
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        _insert(settings, compat, _AFTER_UPDATE_FIELDS[4:])
    mode = next((s for s in compat.findall(qn("w:compatSetting")) if s.get(qn("w:name")) == "compatibilityMode"),
                None)
    if mode is None:
        mode = OxmlElement("w:compatSetting")
        mode.set(qn("w:name"), "compatibilityMode")
        mode.set(qn("w:uri"), WORD_URI)
        compat.append(mode)
    mode.set(qn("w:val"), COMPATIBILITY_MODE)
    if update_fields:  # Word recomputes the table of contents and page numbers on opening (it asks first)
        flag = OxmlElement("w:updateFields")
        flag.set(qn("w:val"), "true")
        _insert(settings, flag, _AFTER_UPDATE_FIELDS)


def _insert(parent, element, successors: tuple[str, ...]) -> None:
    after = next((child for child in parent if child.tag in successors), None)
    if after is not None:
        after.addprevious(element)
    else:
        parent.append(element)
