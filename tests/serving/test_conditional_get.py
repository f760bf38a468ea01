"""Pages carry an ETag per encoding, and a browser that already has that copy of the page gets a 304.

No page sends Last-Modified (its date would not cover the clinic details, menus and footer every
page shows), so browsers revalidate with If-None-Match alone.
"""

import pytest
from django.core.cache import cache
from django.test import Client

from treatments.models import Treatment

pytestmark = pytest.mark.django_db

PAGES = ["/", "/faq/", "/treatments/stem-cell-therapy/", "/sitemap.xml"]
BROWSER = "gzip, deflate, br, zstd"


def get(url, accept_encoding=BROWSER, **headers):
    return Client().get(url, headers={"accept-encoding": accept_encoding, **headers})


@pytest.mark.parametrize("url", PAGES)
def test_a_cached_page_asked_for_with_its_etag_answers_304_without_a_body(url):
    """The 304 repeats the ETag and the caching headers, and leaves out what only describes a body."""
    first = get(url)
    again = get(url, if_none_match=first["ETag"])
    assert again.status_code == 304
    assert again["X-Cache"] == "hit"
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert (again["Cache-Control"], again["Vary"]) == (first["Cache-Control"], first["Vary"])
    for header in ("Content-Length", "Content-Encoding", "Content-Type"):
        assert header not in again, header


def test_a_freshly_rendered_page_answers_a_matching_etag_with_304_too():
    """After the cache lost the page, its new rendering has the same ETag, so the browser's copy is still good."""
    etag = get("/faq/")["ETag"]
    cache.clear()
    again = get("/faq/", if_none_match=etag)
    assert (again.status_code, again["X-Cache"], again.content) == (304, "miss", b"")


@pytest.mark.parametrize("url", PAGES)
def test_another_etag_gets_the_whole_page(url):
    first = get(url)
    other = get(url, if_none_match='"something-else"')
    assert other.status_code == 200
    assert other.content == first.content
    assert other["ETag"] == first["ETag"]


def test_each_encoding_has_its_own_etag_and_only_its_own_gets_a_304():
    """A browser holding the gzip copy that now accepts brotli gets the brotli copy, not a 304 for bytes it lacks."""
    copies = {coding: get("/faq/", accept_encoding=coding) for coding in ("br", "gzip", "identity")}
    assert copies["br"]["Content-Encoding"] == "br"
    assert copies["gzip"]["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in copies["identity"]
    etags = {coding: response["ETag"] for coding, response in copies.items()}
    assert len(set(etags.values())) == 3, etags
    for coding in copies:
        for held, etag in etags.items():
            response = get("/faq/", accept_encoding=coding, if_none_match=etag)
            if held == coding:
                assert response.status_code == 304, (coding, held)
            else:
                assert response.status_code == 200, (coding, held)
                assert response.content == copies[coding].content


def test_weak_etags_lists_of_etags_and_a_star_match_as_browsers_and_proxies_send_them():
    etag = get("/faq/")["ETag"]
    for if_none_match in (f"W/{etag}", f'"an-older-copy", {etag}', "*"):
        assert get("/faq/", if_none_match=if_none_match).status_code == 304, if_none_match


def test_the_etag_stays_the_same_until_the_content_changes():
    """Requests for other pages change nothing; a content change gives a new ETag, and the old one the new page."""
    first = get("/treatments/stem-cell-therapy/")
    get("/")
    get("/faq/")
    cache.clear()
    assert get("/treatments/stem-cell-therapy/")["ETag"] == first["ETag"]

    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    treatment.summary = "A corrected summary."
    treatment.save()
    changed = get("/treatments/stem-cell-therapy/", if_none_match=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert get("/treatments/stem-cell-therapy/", if_none_match=changed["ETag"]).status_code == 304


def test_uncached_pages_carry_an_etag_and_answer_304_too(settings):
    """With the page cache off, Django's own conditional GET keeps the promise."""
    settings.PAGE_CACHE_SECONDS = 0
    response = get("/faq/", accept_encoding="identity")
    assert "X-Cache" not in response
    assert response.has_header("ETag")
    again = get("/faq/", accept_encoding="identity", if_none_match=response["ETag"])
    assert (again.status_code, again.content) == (304, b"")
    assert again["ETag"] == response["ETag"]
    assert get("/faq/", accept_encoding="identity", if_none_match='"something-else"').status_code == 200


def test_signed_in_staff_get_no_304_for_a_page_anonymous_visitors_have(staff_client):
    """Staff see drafts and edit links: an ETag from the public copy must not stand for their page."""
    etag = get("/treatments/stem-cell-therapy/")["ETag"]
    response = staff_client.get("/treatments/stem-cell-therapy/", headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response.content
