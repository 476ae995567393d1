"""Word XML written as text (iku/render/wordxml.py): escaped, and laid out as python-docx lays out a run."""

from docx import Document

from iku.render.wordxml import paragraph, run_content


def _python_docx_run(text: str) -> str:
    run = Document().add_paragraph().add_run(text)
    xml = run._r.xml
    return xml[xml.index(">") + 1:xml.rindex("</w:r>")].strip()


def test_markup_in_text_is_escaped_not_interpreted():
    assert run_content('a < b & "c" </w:t><w:r>') == '<w:t>a &lt; b &amp; "c" &lt;/w:t&gt;&lt;w:r&gt;</w:t>'


def test_breaks_tabs_and_edge_spaces_as_python_docx_writes_them():
    for text in ("satu\ndua", "a\tb", " spasi di tepi ", "biasa"):
        assert run_content(text) == _python_docx_run(text).replace("\n", "").replace("  ", "")


def test_paragraph_without_properties_or_runs():
    assert paragraph("") == "<w:p></w:p>"
    assert paragraph("<w:r/>", '<w:jc w:val="center"/>') == '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r/></w:p>'
