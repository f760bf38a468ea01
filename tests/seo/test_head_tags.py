"""Every page tells search engines and link previews its title, description and one canonical address."""

from html.parser import HTMLParser

import pytest
from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory

from languages.addresses import language_of
from tests.pages import INDEXED_PATHS

pytestmark = pytest.mark.django_db


class HeadTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title, self.meta, self.canonical = "", {}, []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs["property"]] = attrs.get("content")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head(response):
    parser = HeadTags()
    parser.feed(response.content.decode())
    return parser


def test_every_page_has_its_own_title_and_a_description(client):
    titles = {}
    for url in INDEXED_PATHS:
        tags = head(client.get(url))
        assert tags.title.strip(), url
        assert tags.meta["description"].strip(), url
        # The same page in another language may share a treatment's name: each language's titles differ.
        titles.setdefault((language_of(url), tags.title), []).append(url)
    assert [urls for urls in titles.values() if len(urls) > 1] == []


@pytest.mark.parametrize("url", INDEXED_PATHS)
def test_canonical_and_open_graph_address_are_built_from_site_url(client, settings, url):
    settings.SITE_URL = "https://www.example-clinic.com"
    tags = head(client.get(url + "?utm_source=newsletter"))
    assert tags.canonical == ["https://www.example-clinic.com" + url]
    assert tags.meta["og:url"] == "https://www.example-clinic.com" + url
    assert tags.meta["twitter:card"] == "summary"
    assert tags.meta["og:title"] and tags.meta["og:title"] in tags.title
    assert tags.meta["og:description"] == tags.meta["description"]


def test_treatment_page_uses_its_summary_as_description(client, make_treatment):
    make_treatment("Nerve blocks", summary="An injection that stops pain signals.")
    tags = head(client.get("/treatments/nerve-blocks/"))
    assert tags.title.startswith("Nerve blocks")
    assert tags.meta["description"] == "An injection that stops pain signals."


def test_staff_can_override_the_title_and_description_search_engines_show(client, make_treatment, make_condition):
    make_treatment("Nerve blocks", seo_title="Nerve block injections in Torrance", meta_description="Fast relief.")
    make_condition("Sciatica", summary="Leg pain.", seo_title="Sciatica treatment", meta_description="Leg pain help.")
    treatment = head(client.get("/treatments/nerve-blocks/"))
    condition = head(client.get("/conditions/sciatica/"))
    assert treatment.title.startswith("Nerve block injections in Torrance")
    assert treatment.meta["og:title"] == "Nerve block injections in Torrance"
    assert treatment.meta["description"] == "Fast relief."
    assert condition.title.startswith("Sciatica treatment")
    assert condition.meta["description"] == "Leg pain help."


def test_simple_page_description_is_its_text_without_markup(client):
    from django.contrib.flatpages.models import FlatPage

    FlatPage.objects.filter(url="/about/").update(content='<p>We &amp; our "team" <strong>help</strong>.</p>')
    assert head(client.get("/about/")).meta["description"] == 'We & our "team" help.'


def test_missing_page_claims_no_canonical_address(client):
    tags = head(client.get("/no-such-page/"))
    assert tags.canonical == []
    assert "og:url" not in tags.meta


@pytest.mark.parametrize(
    "path, shown_page, canonical",
    [
        ("/faq/?page=2&utm_source=x", 2, "/faq/?page=2"),
        ("/faq/?page=02", 2, "/faq/?page=2"),
        ("/faq/?page=1", 1, "/faq/"),
        ("/faq/?page=last", 1, "/faq/"),  # a list of one page
        ("/?page=5", None, "/"),  # the home page has no pages
    ],
)
def test_a_later_page_of_a_list_is_its_own_canonical_address(settings, path, shown_page, canonical):
    settings.SITE_URL = "https://www.example-clinic.com"
    context = {"request": RequestFactory().get(path)}
    if shown_page:
        context["page_obj"] = Paginator(range(50), 25).page(shown_page)
    rendered = Template("{% load seo %}{% canonical_url %}").render(Context(context))
    assert rendered == "https://www.example-clinic.com" + canonical
