"""The safe text format: "## Befolkning" is a heading wherever it stands, and a line break
stays a line break, on pages and in Word documents alike."""

from docx import Document

from forebygg.core.richtext import render_html, write_docx

TEXT = "Inledning\n## Befolkning\nRad ett\nRad två\n\n- första\n- andra\n1. ett\n2. två"


def test_a_page_shows_the_heading_the_line_breaks_and_both_lists():
    assert str(render_html(TEXT, heading_level=3)).split("\n") == [
        "<p>Inledning</p>",
        "<h3>Befolkning</h3>",
        "<p>Rad ett<br>Rad två</p>",
        "<ul><li>första</li><li>andra</li></ul>",
        "<ol><li>ett</li><li>två</li></ol>",
    ]


def test_a_word_document_has_a_real_heading_kept_lines_and_list_styles():
    word = Document()
    write_docx(word, TEXT, heading_level=2)

    assert [(p.style.name, p.text) for p in word.paragraphs] == [
        ("Normal", "Inledning"),
        ("Heading 2", "Befolkning"),
        ("Normal", "Rad ett\nRad två"),
        ("List Bullet", "första"),
        ("List Bullet", "andra"),
        ("List Number", "ett"),
        ("List Number", "två"),
    ]


def test_markup_is_escaped_and_never_printed_as_hashes():
    html = str(render_html("## <b>Rubrik</b>\ntext **fet**"))

    assert html == "<h3>&lt;b&gt;Rubrik&lt;/b&gt;</h3>\n<p>text <strong>fet</strong></p>"
