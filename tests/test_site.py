"""Site-wide promises: nothing from other hosts, no executable script on public pages, URLs round-trip."""

from html.parser import HTMLParser

import pytest
from django.urls import resolve, reverse

from tests.pages import PUBLIC_PATHS

pytestmark = pytest.mark.django_db


class ResourceCollector(HTMLParser):
    """Collects every address the browser would fetch or submit to, and every script that would run.

    JSON-LD blocks (`<script type="application/ld+json">` with no src) are data for search engines:
    browsers never execute them. Any other <script> counts.
    """

    def __init__(self):
        super().__init__()
        self.fetched, self.scripts = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and (attrs.get("type") != "application/ld+json" or "src" in attrs):
            self.scripts += 1
        for name in ("src", "srcset", "action", "poster", "data"):
            if attrs.get(name):
                self.fetched.append(attrs[name])
        # A canonical link and the page's other languages name public addresses; browsers never fetch them.
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical", "alternate"):
            self.fetched.append(attrs["href"])


def count_scripts(markup):
    collector = ResourceCollector()
    collector.feed(markup)
    return collector.scripts


def test_only_json_ld_data_blocks_are_allowed_as_scripts():
    assert count_scripts('<script type="application/ld+json">{}</script>') == 0
    assert count_scripts("<script>alert(1)</script>") == 1
    assert count_scripts('<script type="module">alert(1)</script>') == 1
    assert count_scripts('<script type="application/ld+json" src="/x.js"></script>') == 1


@pytest.mark.parametrize("url", PUBLIC_PATHS)
def test_public_page_loads_nothing_from_other_hosts_and_needs_no_script(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    collector = ResourceCollector()
    collector.feed(response.content.decode())
    assert collector.scripts == 0
    assert collector.fetched
    for address in collector.fetched:
        assert address.startswith("/") and not address.startswith("//"), address
    assert b"@import" not in response.content


def test_stylesheet_loads_nothing_from_other_hosts():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    assert "url(" not in css and "@import" not in css


@pytest.mark.parametrize(
    "name, kwargs, path",
    [
        ("practice:home", {}, "/"),
        ("treatments:treatment_list", {}, "/treatments/"),
        ("treatments:treatment_detail", {"slug": "stem-cell-therapy"}, "/treatments/stem-cell-therapy/"),
        ("treatments:condition_list", {}, "/conditions/"),
        ("treatments:condition_detail", {"slug": "chronic-back-pain"}, "/conditions/chronic-back-pain/"),
        ("faq:question_list", {}, "/faq/"),
        ("practice:provider_detail", {"slug": "rostam-khoshsar"}, "/providers/rostam-khoshsar/"),
    ],
)
def test_urls_reverse_and_resolve_round_trip(name, kwargs, path):
    assert reverse(name, kwargs=kwargs) == path
    assert resolve(path).view_name == name


def test_every_page_has_one_h1_a_skip_link_and_landmarks(client):
    for url in PUBLIC_PATHS:
        content = client.get(url).content.decode()
        assert content.count("<h1") == 1, url
        assert '<a class="skip-link" href="#main-content">' in content
        assert '<main id="main-content"' in content
        assert '<nav class="wrap main-nav" aria-label="' in content
        assert "<footer" in content
