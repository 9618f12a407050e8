"""No page gives two elements one `id`: a label's `for` would find the wrong input (WCAG 4.1.1).

Checked on every page the coordinator, the county officer and Brå's analyst may open by the
permission policy, with kommun A's objects in every state.
"""

from collections import Counter
from html.parser import HTMLParser

from tests.persona_pages import READERS, build_world, pages_for


class IdCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [value for name, value in attrs if name == "id"]


def repeated_ids(html: str) -> dict[str, int]:
    collector = IdCollector()
    collector.feed(html)
    return {id_: count for id_, count in Counter(collector.ids).items() if count > 1}


def test_the_id_check_itself_finds_a_repeated_id():
    html = '<label for="id_text">A</label><input id="id_text"><input id="id_text"><p id="x">'
    assert repeated_ids(html) == {"id_text": 2}


def test_no_page_a_reader_opens_repeats_an_id(db):
    world = build_world()
    repeated, checked = {}, 0
    for persona in READERS:
        for url, html in pages_for(persona, world).items():
            checked += 1
            if found := repeated_ids(html):
                repeated[f"{url} ({persona})"] = found
    assert checked > 100
    assert repeated == {}
