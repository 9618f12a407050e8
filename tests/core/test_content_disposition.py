"""`attachment` names a download with a plain ASCII name and the real one (RFC 6266)."""

import pytest

from forebygg.core.filenames import clean_file_name
from forebygg.core.views import PDF_MIME, attachment


def disposition(name: str) -> str:
    return attachment(b"%PDF-1.7", PDF_MIME, name)["Content-Disposition"]


def test_a_plain_name_is_sent_as_it_is():
    assert disposition("lagesbild-0680-v2.docx") == (
        "attachment; filename=\"lagesbild-0680-v2.docx\"; filename*=UTF-8''lagesbild-0680-v2.docx"
    )


def test_swedish_letters_go_in_filename_star_and_are_spelled_out_in_the_fallback():
    assert disposition("Överenskommelse åäö.pdf") == (
        'attachment; filename="Overenskommelse_aao.pdf"; '
        "filename*=UTF-8''%C3%96verenskommelse%20%C3%A5%C3%A4%C3%B6.pdf"
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            'rapport "slutlig".pdf',
            "attachment; filename=\"rapport_slutlig.pdf\"; filename*=UTF-8''rapport%20slutlig.pdf",
        ),
        (
            'Å"; filename="x.html',
            'attachment; filename="A_filename_x.html"; '
            "filename*=UTF-8''%C3%85%3B%20filename%3Dx.html",
        ),
        (
            "avtal\r\nSet-Cookie: x=1.pdf",
            'attachment; filename="avtalSet-Cookie_x_1.pdf"; '
            "filename*=UTF-8''avtalSet-Cookie%20x%3D1.pdf",
        ),
    ],
)
def test_quotes_and_line_breaks_never_reach_the_header(name, expected):
    assert disposition(name) == expected


def test_a_right_to_left_override_cannot_disguise_the_extension():
    assert clean_file_name("avtal\u202efdp.exe") == "avtalfdp.exe"


def test_a_long_name_keeps_its_extension():
    cleaned = clean_file_name("ö" * 500 + ".docx")

    assert (len(cleaned), cleaned[-5:]) == (120, ".docx")


@pytest.mark.parametrize("name", ["", ".pdf", "../..", "\u202e"])
def test_a_name_with_nothing_left_is_called_fil(name):
    assert clean_file_name(name) in ("fil", "fil.pdf")
