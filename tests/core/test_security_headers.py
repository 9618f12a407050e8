def test_every_page_carries_a_strict_content_security_policy(client, db):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_pages_contain_no_inline_script_or_style(client, db):
    import re

    for url in ["/", "/kommun/0680/", "/logga-in/", "/kallor/", "/sok/?q=a"]:
        html = client.get(url).content.decode()
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], url
        assert "<style" not in html, url
        assert " style=" not in html, url
